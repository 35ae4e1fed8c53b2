"""The all-answers page (F3) keeps every answer indented under its question, however long.

A long answer used to wrap back to the left edge, where its second line read like a step
heading; and the question sat level with the step title instead of under it.
"""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import OptionList

from screens.answers_screen import AnswersScreen
from screens.app import HirewizApp, start_for_file
from tests.helpers.paths import FRAUD
from tests.helpers.tui import until
from wizard.answers import get_checklist, set_value
from wizard.planfile import build_plan, load_answers, save_plan

LONG = "Cut chargebacks [/] [link=x]y " * 12


async def test_long_answers_wrap_under_their_question(tmp_path: Path) -> None:
    checklist = get_checklist()
    answers = set_value(load_answers(FRAUD, checklist).answers, "goals.outcome", LONG, checklist)
    plan = tmp_path / "plan.toml"
    save_plan(plan, build_plan(answers, checklist))
    app = HirewizApp(start_for_file(plan, checklist), checklist)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, AnswersScreen), "all answers")
        listing = app.screen.query_one(OptionList)
        listing.highlighted = next(
            i
            for i in range(listing.option_count)
            if listing.get_option_at_index(i).id == "goals.outcome"
        )
        await pilot.pause()
        size = listing.scrollable_content_region.size
        lines = [strip.text for strip in listing.render_lines(Region(0, 0, *size))]
        where = [i for i, line in enumerate(lines) if "What business outcome" in line]
        assert where, lines
        answer = []
        for line in lines[where[0] + 1 :]:
            if "chargebacks" not in line and "[link=x]y" not in line:
                break
            answer.append(line)
        assert len(answer) >= 2, lines  # it wraps at 80 columns
        question = _indent(lines[where[0]])
        assert all(_indent(line) > question for line in answer), answer
        titles = [line for line in lines if line.strip("│ ") == "Goals"]
        assert titles and _indent(titles[0]) < question, lines


def _indent(line: str) -> int:
    """Columns before the text, the list's frame included."""
    return len(line) - len(line.lstrip("│ "))
