"""F1 opens the help from every screen, and its key list names each key once, in plain words.

A tester saw "F1" listed twice (the Help binding has two keys, both shown as "F1") and Textual's
"super+c Copy selected text" on the Review; F1 did nothing on the welcome screen, the all-answers
page and in dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.answers_screen import AnswersScreen
from screens.app import HirewizApp, start_for_file
from screens.dialog import Dialog
from screens.fields import widget_id
from screens.help_screen import HelpScreen, key_name
from screens.path_dialog import PathDialog
from screens.welcome import WelcomeScreen
from screens.wizard_screen import WizardScreen
from tests.helpers.paths import FRAUD
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist
from wizard.planfile import build_plan, load_answers, save_plan

# Textual's own wording, which the help says in plain words instead.
RAW = {"Focus Next", "Focus Previous", "Copy selected text", "palette"}


def test_key_names_read_as_typed() -> None:
    assert key_name("ctrl+n") == "Ctrl+N"
    assert key_name("escape") == "Esc"
    assert key_name("question_mark") == "?"
    assert key_name("f1") == "F1"
    assert key_name("shift+tab") == "Shift+Tab"
    assert key_name("super+c") is None  # terminals do not send it


async def _help_keys(pilot: Pilot[Any], where: str) -> list[tuple[str, str]]:
    """Press F1, check the key list, close the help again."""
    app = pilot.app
    under = app.screen
    await pilot.press("f1")
    await until(pilot, lambda: isinstance(app.screen, HelpScreen), f"help from {where}")
    assert isinstance(app.screen, HelpScreen)
    keys = app.screen.keys
    names = [name for line, _ in keys for name in line.split(" / ")]
    assert len(names) == len(set(names)), (where, keys)
    assert len({what for _, what in keys}) == len(keys), (where, keys)
    assert not any("super" in name.lower() for name in names), (where, keys)
    assert not RAW & {what for _, what in keys}, (where, keys)
    assert "F1" in names, (where, keys)
    await pilot.press("escape")
    await until(pilot, lambda: app.screen is under, f"back to {where}")
    return keys


def _saved_plan(tmp_path: Path) -> HirewizApp:
    """The app editing the fraud fixture, saved: complete, so save as and export can open."""
    checklist = get_checklist()
    plan = tmp_path / "plan.toml"
    save_plan(plan, build_plan(load_answers(FRAUD, checklist).answers, checklist))
    return HirewizApp(start_for_file(plan, checklist), checklist)


async def test_help_from_every_screen_lists_each_key_once(tmp_path: Path) -> None:
    checklist = get_checklist()
    app = _saved_plan(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        screen = wizard(pilot)
        for step in checklist.steps:  # a text box, a radio set, a list... focused on each
            await screen.go(screen.order.index(step.id))
            await _help_keys(pilot, step.id)
        await screen.jump_to("goals.heuristic_baseline")  # not a text box: "?" is help too
        radio = widget_id("goals.heuristic_baseline")
        await until(pilot, lambda: getattr(app.focused, "id", "") == radio, "the yes/no field")
        assert ("F1 / ?", "Help") in await _help_keys(pilot, "a yes/no question")

        await pilot.press("ctrl+r")
        await until(pilot, lambda: wizard(pilot).step_id == "review", "the review")
        review = await _help_keys(pilot, "review")
        assert {"Ctrl+L", "Ctrl+E", "F4", "Ctrl+Q"} <= {k for k, _ in review}

        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, AnswersScreen), "all answers")
        answers = await _help_keys(pilot, "all answers")
        assert ("Esc", "Back") in answers
        await pilot.press("escape")

        await pilot.press("ctrl+e")  # the export dialog, over the review
        await until(pilot, lambda: isinstance(app.screen, Dialog), "the export dialog")
        dialog = await _help_keys(pilot, "a dialog")
        assert ("Esc", "Cancel") in dialog
        await pilot.press("escape")

        for _ in screen.order:  # Escape steps back, and from the first step home
            await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "welcome")
        welcome = await _help_keys(pilot, "welcome")
        assert ("F1 / ?", "Help") in welcome


async def test_wrapped_mistakes_and_keys_stay_in_their_column() -> None:
    """At 80 columns mistake 1 wraps; its second line used to start under the number."""
    app = new_app(get_checklist())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.pause()
        for block in (".help-mistakes", ".help-keys"):
            widget = app.screen.query_one(block, Static)
            lines = [s.text.rstrip() for s in widget.render_lines(Region(0, 0, *widget.size))]
            first = lines[0]
            text_column = len(first) - len(first.split(maxsplit=1)[1])
            continued = [line for line in lines if line and line[:text_column].strip() == ""]
            if block == ".help-mistakes":
                assert continued, lines  # the check below must see a wrapped line
            for line in continued:
                assert len(line) - len(line.lstrip()) == text_column, (block, lines)


async def test_question_mark_in_a_dialog_text_box_is_typed(tmp_path: Path) -> None:
    app = _saved_plan(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, PathDialog), "save as")
        await pilot.press("end", "question_mark")
        assert isinstance(app.screen, PathDialog)
        assert isinstance(app.focused, Input) and app.focused.value.endswith("?")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help over the dialog")
