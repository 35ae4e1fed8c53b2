"""The Review never guesses: with required answers missing it says "incomplete", lists them and
shows no track or verdict; once they are in, the recommendation appears."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from screens.app import HirewizApp, start_for_new
from screens.fields import QuestionField, field_id
from screens.wizard_screen import REVIEW
from tests.helpers.answers import DROP, answers_file
from tests.helpers.tui import enter_value, wizard
from wizard.answers import get_checklist


def _text(screen_widget: Static) -> str:
    return str(screen_widget.render())


async def test_review_is_incomplete_until_required_answers_are_in(tmp_path: Path) -> None:
    checklist = get_checklist()
    source = answers_file(
        tmp_path / "partial.toml", {"context.hiring_region": DROP, "data.recorded": DROP}
    )
    app = HirewizApp(start_for_new(checklist, source=source), checklist)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.go(screen.order.index(REVIEW))
        await pilot.pause()
        review = screen.review
        assert review is not None
        assert "INCOMPLETE" in _text(review.query_one("#verdict-word", Static))
        missing = _text(review.query_one("#missing", Static))
        assert checklist.question("context.hiring_region").prompt in missing
        assert checklist.question("data.recorded").prompt in missing
        for part in ("#role", "#findings", "#sections", "#loop", "#review-bottom"):
            assert not review.query_one(part).display, part
        assert "Readiness" not in _text(review.query_one("#verdict-score", Static))

        for key, value in (("context.hiring_region", "india"), ("data.recorded", True)):
            await screen.jump_to(key)
            await pilot.pause()
            field = screen.query_one(f"#{field_id(key)}", QuestionField)
            await enter_value(pilot, checklist.question(key), field, value)
        await screen.go(screen.order.index(REVIEW))
        await pilot.pause()
        assert "INCOMPLETE" not in _text(review.query_one("#verdict-word", Static))
        assert not review.query_one("#missing").display
        assert review.query_one("#role").display
        assert "Machine Learning Engineer" in _text(review.query_one("#role-body", Static))
