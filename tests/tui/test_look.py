"""What a field looks like: examples that cannot pass for answers, marks that need no colour,
focus that keeps the text, and data that stays data in every field kind touched here."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input, RadioSet, SelectionList, Static, TextArea

from screens.app import HirewizApp, start_for_new
from screens.fields import CHOSEN, MarkedRadioButton, QuestionField, example, field_id, widget_id
from screens.review import ReviewPane, save_label
from screens.wizard_screen import WizardScreen
from tests.helpers.paths import FRAUD
from tests.helpers.tui import until
from wizard.answers import get_checklist

HOSTILE = ["[", "[/]", "[link=x]y", "x" * 10_000]


def test_examples_say_they_are_examples() -> None:
    checklist = get_checklist()
    for key, q in checklist.questions():
        if q.placeholder:
            assert example(q).startswith("e.g. "), key
    assert example(checklist.question("assessment.take_home_hours")) == "e.g. 4"


def test_save_button_says_what_it_does() -> None:
    assert save_label(unsaved=True) == "Save"
    assert save_label(unsaved=False) == "Saved ✓"


async def _wizard(app: HirewizApp, pilot: Any) -> WizardScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WizardScreen)
    return screen


async def test_tabbing_into_a_filled_field_keeps_its_text() -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist, source=FRAUD), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _wizard(app, pilot)
        await screen.jump_to("context.plan_title")
        title = screen.query_one(f"#{widget_id('context.plan_title')}", Input)
        await until(pilot, lambda: title.has_focus, "focus after the jump's refresh")
        await pilot.press("shift+tab")  # back into the filled company name
        field = screen.query_one(f"#{widget_id('context.company')}", Input)
        await until(pilot, lambda: field.has_focus, "focus on the company name")
        assert field.selection.is_empty
        await pilot.press("Z")
        assert field.value == "PaylaneZ"


async def test_chosen_options_carry_a_mark_besides_colour() -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist, source=FRAUD), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _wizard(app, pilot)
        await screen.jump_to("goals.heuristic_baseline")
        await pilot.pause()
        radio = screen.query_one(f"#{widget_id('goals.heuristic_baseline')}", RadioSet)
        marks = {b.name: b.BUTTON_INNER for b in radio.query(MarkedRadioButton)}
        assert marks == {"yes": "●", "no": " "}
        await pilot.press("down", "enter")  # choose "No"
        await pilot.pause()
        marks = {b.name: b.BUTTON_INNER for b in radio.query(MarkedRadioButton)}
        assert marks == {"yes": " ", "no": "●"}

        await screen.jump_to("team.partners")
        await pilot.pause()
        chooser = screen.query_one(f"#{widget_id('team.partners')}", SelectionList)
        chosen = set(chooser.selected)
        for index in range(chooser.option_count):
            option = chooser.get_option_at_index(index)
            text = str(option.prompt)
            assert text.startswith(CHOSEN) == (option.value in chosen), text


async def test_outcome_is_marked_needed_for_a_verdict() -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _wizard(app, pilot)
        await screen.jump_to("goals.outcome")
        await pilot.pause()
        field = screen.query_one(f"#{field_id('goals.outcome')}", QuestionField)
        prompt = str(field.query_one(".prompt", Static).visual)
        assert "needed for a verdict" in prompt and "recommended" not in prompt


@pytest.mark.parametrize("text", HOSTILE, ids=["open", "close", "link", "long"])
async def test_markup_and_long_lines_stay_text(text: str) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist, source=FRAUD), checklist)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _wizard(app, pilot)
        company = screen.query_one(f"#{widget_id('context.company')}", Input)
        company.value = text
        await screen.jump_to("goals.outcome")
        await pilot.pause()
        area = screen.query_one(f"#{widget_id('goals.outcome')}", TextArea)
        area.text = text
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.is_running
        review = screen.query_one(ReviewPane)
        company_field = screen.query_one(f"#{field_id('context.company')}", QuestionField)
        outcome_field = screen.query_one(f"#{field_id('goals.outcome')}", QuestionField)
        # Either taken as typed, bracket for bracket, or refused with a reason: never parsed.
        assert review.answers.context.company == text or company_field.invalid
        assert review.answers.goals.outcome == text or outcome_field.invalid
        assert company.value == text
