"""What a founder types stays as typed: a field never drops keys or cuts text to make an answer
fit. A value the plan cannot take keeps the text on screen with the reason beside it, and
nothing is stored in its place."""

from __future__ import annotations

from textual.widgets import Input

from screens.fields import QuestionField, field_id, widget_id
from tests.helpers.tui import new_app, type_text, until, wizard
from wizard.answers import get_checklist


async def _type_into(key: str, text: str) -> tuple[str, list[str], str]:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = wizard(pilot)
        await screen.jump_to(key)
        await pilot.pause()
        box = screen.query_one(f"#{widget_id(key)}", Input)
        box.focus()
        await type_text(pilot, text)
        field = screen.query_one(f"#{field_id(key)}", QuestionField)
        await until(pilot, lambda: box.value == text, "the typed text")
        await pilot.pause()
        reason = str(field.query_one(".reason").render()) if field.query(".reason") else ""
        # The last good value may stay in memory, but the field is a problem: saving refuses
        # ("Fix … first") until the text is fixed, so 150 never reaches the plan file.
        return box.value, screen.problems(), reason


async def test_a_number_with_letters_is_refused_with_a_reason_not_cut_to_digits() -> None:
    shown, problems, reason = await _type_into("timing.pay_low", "150k")
    assert shown == "150k"
    assert problems == ["timing.pay_low"]
    assert "whole number" in reason


async def test_a_too_long_answer_is_kept_whole_with_a_reason() -> None:
    checklist = get_checklist()
    limit = checklist.question("context.location").max_length
    assert limit is not None
    text = "Berlin " * (limit // 7 + 5)
    shown, problems, reason = await _type_into("context.location", text)
    assert shown == text
    assert problems == ["context.location"]
    assert reason
