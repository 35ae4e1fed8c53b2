"""The Review's budget box says what `hirewiz show` and the export say: the range, what it
measures (and that it is a proxy), its source and date, and how the founder's budget compares."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from screens.app import HirewizApp, start_for_new
from screens.wizard_screen import REVIEW
from tests.helpers.answers import answers_file
from tests.helpers.tui import wizard
from wizard.answers import get_checklist
from wizard.planfile import load_plan
from wizard.summary import money


async def _budget_box(tmp_path: Path, changes: dict[str, object]) -> str:
    checklist = get_checklist()
    source = answers_file(tmp_path / "budget.toml", changes)
    app = HirewizApp(start_for_new(checklist, source=source), checklist)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.go(screen.order.index(REVIEW))
        await pilot.pause()
        assert screen.review is not None
        return str(screen.review.query_one("#budget-body", Static).render())


async def test_budget_box_shows_the_same_sentences_as_show(tmp_path: Path) -> None:
    box = await _budget_box(
        tmp_path,
        {
            "context.hiring_region": "us",
            "timing.monthly_budget": 9000,
            "timing.budget_currency": "USD",
        },
    )
    plan_path = answers_file(
        tmp_path / "plan.toml",
        {
            "context.hiring_region": "us",
            "timing.monthly_budget": 9000,
            "timing.budget_currency": "USD",
        },
    )
    shown = money(load_plan(plan_path, get_checklist()), get_checklist())
    assert shown is not None
    for line in shown.plain.strip().splitlines():
        assert line.strip() in " ".join(box.split()), line
    assert "proxy" in box.lower() and "Source: " in box and "below" in box


async def test_without_a_figure_the_box_says_why(tmp_path: Path) -> None:
    box = await _budget_box(tmp_path, {"context.hiring_region": "eu"})
    assert "No sourced" in box and "rates.toml" in box
