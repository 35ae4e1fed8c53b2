"""A question field stands alone: built from what it shows, it posts what was entered and takes
the verdict back. And the speed work keeps behaviour: a long answer still scrolls in its box,
and moving focus between a text box and a list leaves the footer's keys in place."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, Select, Static

from screens.fields import QuestionField, widget_id
from tests.helpers.tui import new_app, type_text, until, wizard
from wizard.answers import get_checklist


class OneField(App[None]):
    """Nothing around the field but an app that records its messages."""

    def __init__(self, field: QuestionField) -> None:
        super().__init__()
        self.field = field
        self.edits: list[QuestionField.Edited] = []

    def compose(self) -> ComposeResult:
        yield self.field

    def on_question_field_edited(self, event: QuestionField.Edited) -> None:
        self.edits.append(event)


async def test_a_field_posts_raw_text_and_shows_the_verdict_it_is_given() -> None:
    question = get_checklist().question("context.ml_staff")  # a whole number
    field = QuestionField("context.ml_staff", question, need="required", value=3)
    app = OneField(field)
    async with app.run_test() as pilot:
        box = app.query_one(f"#{widget_id('context.ml_staff')}", Input)
        assert box.value == "3"
        box.focus()
        await pilot.press("end", "backspace")
        await type_text(pilot, "150k")
        await until(pilot, lambda: bool(app.edits) and app.edits[-1].raw == "150k", "the edit")
        assert app.edits[-1].typed and app.edits[-1].field is field
        assert field.typed_text() == "150k"
        assert field.show_reason("must be a whole number")  # it turned invalid
        assert not field.show_reason("must be a whole number")  # no change the second time
        await pilot.pause()
        assert field.invalid and box.has_class("-invalid")
        assert "whole number" in str(field.query_one(".reason", Static).render())
        assert box.value == "150k"  # kept as typed
        assert field.show_reason("")
        assert not field.invalid and not box.has_class("-invalid")


async def test_a_long_answer_scrolls_with_the_cursor_in_its_box() -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.jump_to("goals.success_metric")
        key = widget_id("goals.success_metric")
        await until(pilot, lambda: getattr(app.focused, "id", "") == key, "the metric box")
        box = app.focused
        assert isinstance(box, Input)
        text = "precision at the top one hundred alerts a day, measured weekly " * 2
        await type_text(pilot, text)
        await until(pilot, lambda: screen.session.answers.goals.success_metric == text.strip())
        assert box.value == text
        assert box.scroll_x > 0 and box.max_scroll_x > 0  # the end of the text is in view
        await pilot.press("home")
        await until(pilot, lambda: box.scroll_x == 0, "back to the start")


async def test_focus_between_a_text_box_and_a_list_keeps_the_footer_keys() -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        assert isinstance(app.focused, Input)
        keys: list[Any] = list(screen.query("FooterKey"))  # by CSS type: the class is private
        assert keys
        select = screen.query_one(f"#{widget_id('context.planned_title')}", Select)
        for _ in range(10):
            if pilot.app.focused is select:
                break
            await pilot.press("tab")
        assert pilot.app.focused is select
        await pilot.pause()
        assert list(screen.query("FooterKey")) == keys  # the same widgets: nothing was rebuilt


async def test_the_required_mark_stays_with_the_last_word_of_its_prompt() -> None:
    """A prompt that just fits its width used to wrap its "*" onto a line of its own."""
    question = get_checklist().question("context.company")
    field = QuestionField("context.company", question, need="required")
    app = OneField(field)
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = field.query_one(".prompt", Static)
        for width in range(len(question.prompt) - 2, len(question.prompt) + 4):
            prompt.styles.width = width
            await pilot.pause()
            lines = [
                strip.text.strip() for strip in prompt.render_lines(prompt.region.reset_offset)
            ]
            assert "*" not in lines, (width, lines)
            assert any(line.endswith("*") for line in lines), (width, lines)
