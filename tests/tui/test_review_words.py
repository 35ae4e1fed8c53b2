"""The Review tells the founder why the verdict is what it is and what the job post changed.

A founder saw "ALMOST" beside "Readiness 39/100" and read a contradiction, and only found out by
comparing line by line that the post cut their 6-hour take-home to 2 hours and dropped their
degree requirement.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from screens.app import HirewizApp, start_for_file
from tests.helpers.paths import FRAUD
from tests.helpers.tui import until, wizard
from wizard.answers import get_checklist, set_value
from wizard.planfile import build_plan, load_answers, save_plan


def _plan_with(path: Path, changes: dict[str, Any]) -> Path:
    checklist = get_checklist()
    answers = load_answers(FRAUD, checklist).answers
    for key, value in changes.items():
        answers = set_value(answers, key, value, checklist)
    save_plan(path, build_plan(answers, checklist))
    return path


def _text(screen: Any, selector: str) -> str:
    return str(screen.review.query_one(selector, Static).render())


async def _review(path: Path) -> tuple[str, str, str, bool]:
    """The verdict line, the score box and the post-changes panel (text, shown?)."""
    app = HirewizApp(start_for_file(path, get_checklist()), get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        await until(pilot, lambda: wizard(pilot).step_id == "review", "the Review")
        screen = wizard(pilot)
        assert screen.review is not None
        panel = screen.review.query_one("#post-changes")
        return (
            _text(screen, "#verdict-line"),
            _text(screen, "#verdict-score"),
            _text(screen, "#post-changes-body"),
            bool(panel.display),
        )


async def test_review_names_the_post_changes_and_why_the_verdict(tmp_path: Path) -> None:
    path = _plan_with(
        tmp_path / "p.toml",
        {
            "assessment.take_home_hours": 6,
            "assessment.take_home_paid": False,
            "assessment.required_degree": "masters",
            "onboarding.plan_30_60_90": False,
            "onboarding.buddy": False,
        },
    )
    line, score, changes, shown = await _review(path)
    assert line.startswith("No blockers, but") and "warnings" in line
    assert "Weakest section" in score and "Readiness" not in score
    assert shown
    assert "6 hours" in changes and "2 hours" in changes and "master's degree" in changes


async def test_review_hides_the_panel_when_the_post_follows_the_answers(tmp_path: Path) -> None:
    _, _, _, shown = await _review(_plan_with(tmp_path / "p.toml", {}))
    assert not shown
