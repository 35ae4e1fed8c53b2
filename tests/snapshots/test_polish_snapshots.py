"""Pictures of the fixes from the tmux walk: the Review scrolled by keys, long titles that
hang, the light theme's colours and the too-small notice at start-up (looked at as PNG)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from screens.app import HirewizApp, start_for_new
from tests.snapshots.test_snapshots import MIXED, Snap, edit_app, library_plan, to_review
from wizard.answers import get_checklist, new_answers, set_value
from wizard.library import write_draft
from wizard.session import Session

LONG = (
    "Our first machine-learning engineer for fraud and payment risk, reporting to the CTO in Berlin"
)


def test_welcome_long_titles_80x24(snap_compare: Snap) -> None:
    """A long draft title and a long recent plan title wrap under their own text."""
    library_plan({"context.plan_title": LONG})
    checklist = get_checklist()
    answers = set_value(new_answers(checklist), "context.plan_title", LONG, checklist)
    write_draft(Session(answers=answers, draft_name="new-fixed", step="goals"))
    assert snap_compare(HirewizApp(checklist=checklist), terminal_size=(80, 24))


def test_review_end_key_80x24(snap_compare: Snap) -> None:
    """End with the findings focused: the bottom of the Review, its stages hanging."""
    app = edit_app(library_plan(MIXED))

    async def run_before(pilot: Pilot[Any]) -> None:
        await to_review(pilot)
        await pilot.press("end")
        for _ in range(3):
            await pilot.wait_for_scheduled_animations()
            await pilot.pause(0.05)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_step_light_theme_80x24(snap_compare: Snap) -> None:
    """The current step, the step's title and the step bar's count on textual-light."""
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_review_light_theme(snap_compare: Snap) -> None:
    app = edit_app(library_plan(MIXED))

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await to_review(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_too_small_welcome_at_start(snap_compare: Snap) -> None:
    """Started at 70x20 on the welcome screen: the notice is in front."""
    assert snap_compare(HirewizApp(checklist=get_checklist()), terminal_size=(70, 20))
