"""What founders see, pinned as SVG snapshots (baselines were looked at before accepting).

Every app here reads plans from the per-test library (``HIREWIZ_HOME``) with fixed timestamps,
so nothing in the pictures depends on the clock or the machine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from screens.app import HirewizApp, start_for_file, start_for_new
from screens.wizard_screen import WizardScreen
from tests.helpers.paths import FRAUD
from wizard.answers import get_checklist, new_answers, set_value
from wizard.library import write_draft
from wizard.paths import plans_dir
from wizard.planfile import build_plan, load_answers, save_plan
from wizard.session import Session

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
Snap = Callable[..., bool]


def library_plan(changes: dict[str, Any] | None = None, name: str = "fraud.toml") -> Path:
    """The fraud fixture saved into the library, optionally with some answers changed."""
    checklist = get_checklist()
    answers = load_answers(FRAUD, checklist).answers
    for key, value in (changes or {}).items():
        answers = set_value(answers, key, value, checklist)
    path = plans_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    save_plan(path, build_plan(answers, checklist, created=STAMP, updated=STAMP))
    return path


def edit_app(path: Path) -> HirewizApp:
    checklist = get_checklist()
    return HirewizApp(start_for_file(path, checklist), checklist)


def at(key: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Open the step holding ``key`` with that question focused."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, WizardScreen)
        await screen.jump_to(key)
        for _ in range(3):
            await pilot.wait_for_scheduled_animations()
            await pilot.pause(0.05)

    return run_before


async def to_review(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("ctrl+r")
    # The review pane mounts on first visit; let layout, focus and scrolling settle fully.
    for _ in range(3):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.05)


# A plan with a little of everything on the review: a warning, a tip, a missing onboarding item.
MIXED = {
    "assessment.take_home": "generic_algorithms",
    "assessment.take_home_paid": False,
    "onboarding.plan_30_60_90": False,
    "team.async_practices": [],
}


def test_welcome(snap_compare: Snap) -> None:
    library_plan()
    checklist = get_checklist()
    answers = set_value(new_answers(checklist), "context.plan_title", "Data lead", checklist)
    write_draft(Session(answers=answers, draft_name="new-fixed", step="goals"))
    assert snap_compare(HirewizApp(checklist=checklist), terminal_size=(100, 30))


def test_step_text_select_int(snap_compare: Snap) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)
    assert snap_compare(app, terminal_size=(100, 30), press=list("Acme"))


def test_step_radio_longtext_switch(snap_compare: Snap) -> None:
    app = edit_app(library_plan())
    assert snap_compare(app, terminal_size=(100, 30), run_before=at("goals.deliverable"))


def test_step_multi_selection(snap_compare: Snap) -> None:
    app = edit_app(library_plan())
    assert snap_compare(app, terminal_size=(100, 30), run_before=at("team.partners"))


def test_step_list_textarea(snap_compare: Snap) -> None:
    app = edit_app(library_plan())
    assert snap_compare(app, terminal_size=(100, 30), run_before=at("assessment.must_have_tools"))


def test_step_invalid_value_shows_reason(snap_compare: Snap) -> None:
    app = edit_app(library_plan())

    async def run_before(pilot: Pilot[Any]) -> None:
        await at("assessment.take_home_hours")(pilot)  # over its maximum of 80
        await pilot.press("end", "ctrl+u", "9", "9")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_review(snap_compare: Snap) -> None:
    app = edit_app(library_plan(MIXED))
    assert snap_compare(app, terminal_size=(100, 30), run_before=to_review)


def test_review_80x24(snap_compare: Snap) -> None:
    app = edit_app(library_plan(MIXED))
    assert snap_compare(app, terminal_size=(80, 24), run_before=to_review)


def test_step_80x24(snap_compare: Snap) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)
    assert snap_compare(app, terminal_size=(80, 24))


def test_too_small(snap_compare: Snap) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)
    assert snap_compare(app, terminal_size=(70, 20), press=list("Acme"))


def test_review_incomplete(snap_compare: Snap) -> None:
    """A new plan: no verdict, no role, just what is still missing."""
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)
    assert snap_compare(app, terminal_size=(100, 30), run_before=to_review)


def test_focused_yes_no_80x24(snap_compare: Snap) -> None:
    """The focused field has a thick bar; the chosen option carries a dot, not only a colour."""
    assert snap_compare(
        edit_app(library_plan()), terminal_size=(80, 24), run_before=at("goals.heuristic_baseline")
    )


def test_open_select_80x24(snap_compare: Snap) -> None:
    """An open list is framed on a solid page: nothing from underneath shows beside it."""
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)

    async def run_before(pilot: Pilot[Any]) -> None:
        await at("context.planned_title")(pilot)
        await pilot.press("enter")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare: Snap) -> None:
    """F1: the key list and the glossary, readable at 80x24."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()

    app = edit_app(library_plan())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_all_answers_page(snap_compare: Snap) -> None:
    """F3: every answer grouped by step, the first one highlighted for Enter."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()

    app = edit_app(library_plan({"context.company": "Acme [/] [link=x]y"}))
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_dialog_button_focus_moves_with_arrows(snap_compare: Snap) -> None:
    """The quit dialog after Right: focus has moved from "Save plan" to "Keep draft"."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("x")  # an unsaved change, so quitting asks
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()

    app = edit_app(library_plan())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
