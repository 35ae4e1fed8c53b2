"""The step bar on an incomplete Review says what is missing, not "0 here" and not "Enter on a
finding" (an incomplete plan has no findings to press Enter on)."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from screens.wizard_screen import REVIEW
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist, missing_required


async def test_incomplete_review_step_bar() -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = wizard(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.step_id == REVIEW, "the review")
        await pilot.pause()
        position = screen.query_one("#position", Static)
        text = " ".join(
            strip.text.strip() for strip in position.render_lines(Region(0, 0, *position.size))
        )
        missing = len(missing_required(screen.session.answers, checklist))
        assert f"{missing} required answers missing" in text, text
        assert "0 here" not in text and "Enter on a finding" not in text, text
