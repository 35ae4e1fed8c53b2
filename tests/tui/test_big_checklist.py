"""A step with many questions shows them a page at a time, and every one stays reachable by
keyboard: Tab to the pager button, PgDn at the end of a page, and the all-answers page's
jump-to-edit (F3) for a question on a later page."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, RadioSet, Static

from checklists.loader import Checklist, Step, load_checklist
from screens.answers_screen import AnswersScreen
from screens.fields import QuestionField, widget_id
from screens.step_form import PAGE_SIZE, StepForm
from tests.helpers.tui import copy_checklist, new_app, type_text, until, wizard

COUNT = 40


def _extra(n: int) -> str:
    # Every third one is a number, so refused text can be typed; the rest are yes/no.
    kind = "int" if n % 3 == 0 else "bool"
    return f"""
  [[steps.questions]]
  id = "extra_{n}"
  prompt = "Extra question {n}"
  help = "Generated for this test."
  kind = "{kind}"
  required = false
"""


def _big(tmp_path: Path) -> tuple[Checklist, Step]:
    directory = copy_checklist(tmp_path, "".join(_extra(n) for n in range(COUNT)))
    checklist = load_checklist(directory=directory)
    step = checklist.steps[-1]
    assert len(step.questions) > 2 * PAGE_SIZE
    return checklist, step


@pytest.mark.slow
async def test_a_long_step_is_paged_and_every_page_is_reachable_by_keyboard(
    tmp_path: Path,
) -> None:
    checklist, step = _big(tmp_path)
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        first = f"{step.id}.extra_0"  # a number, on the first page after the shipped ones
        await screen.jump_to(first)
        form = screen.query_one(f"#step-{step.id}", StepForm)
        await until(pilot, lambda: getattr(app.focused, "id", "") == widget_id(first), "extra_0")
        # Only the first page is built, and it says how many questions there are.
        assert len(form.query(QuestionField)) == PAGE_SIZE
        count = str(form.query_one("#page-count-top", Static).render())
        assert f"Questions 1–{PAGE_SIZE} of {len(step.questions)}" in count
        # Something refused on page 1 stays a problem (and in the draft) after the page turns.
        await type_text(pilot, "12x")
        await until(pilot, lambda: first in form.problems(), "the refused text")
        # Tab past the page's last field reaches the pager; Enter turns the page.
        for _ in range(3 * PAGE_SIZE):
            if isinstance(app.focused, Button) and app.focused.id == "page-next":
                break
            await pilot.press("tab")
        assert isinstance(app.focused, Button) and app.focused.id == "page-next"
        await pilot.press("enter")
        second = f"{step.id}.{step.questions[PAGE_SIZE].id}"
        await until(
            pilot, lambda: getattr(app.focused, "id", "") == widget_id(second), "page 2's first"
        )
        assert form.page == 1
        assert form.query_one("#page-1").display
        assert form.query_one("#page-0").display is False
        assert first in form.problems()
        assert form.refused_text()[first] == "12x"
        # PgDn at the end of a page turns to the next one.
        third = f"{step.id}.{step.questions[2 * PAGE_SIZE].id}"
        for _ in range(20):
            if getattr(app.focused, "id", "") == widget_id(third):
                break
            await pilot.press("pagedown")
        assert getattr(app.focused, "id", "") == widget_id(third)
        assert form.page == 2


@pytest.mark.slow
async def test_jump_to_edit_lands_on_a_question_on_a_later_page(tmp_path: Path) -> None:
    checklist, step = _big(tmp_path)
    app = new_app(checklist)
    last = f"{step.id}.extra_{COUNT - 1}"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, AnswersScreen), "all answers")
        answers = app.screen.query_one("#answers", OptionList)
        await pilot.press("end")  # the last question of the last step
        await until(pilot, lambda: answers.highlighted == answers.option_count - 1)
        assert answers.get_option_at_index(answers.option_count - 1).id == last
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.focused, "id", "") == widget_id(last), "the last")
        form = wizard(pilot).query_one(f"#step-{step.id}", StepForm)
        assert form.page == len(form.pages) - 1
        assert isinstance(app.focused, Input | RadioSet)
        assert app.focused.region.height > 0  # scrolled into view on its page
