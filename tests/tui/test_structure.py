"""Navigation and new pages: Escape home, dialog arrows, all answers, export parts, the kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input

from screens.answers_screen import AnswersScreen
from screens.app import HirewizApp, start_for_file
from screens.fields import widget_id
from screens.help_screen import HelpScreen
from screens.path_dialog import PathDialog
from screens.quit_dialog import QuitDialog
from screens.welcome import WelcomeScreen
from tests.helpers.answers import saved_plan
from tests.helpers.tui import new_app, type_text, until, wizard
from wizard.answers import get_checklist
from wizard.paths import drafts_dir


async def test_escape_on_the_first_step_goes_home_and_keeps_the_draft() -> None:
    app = new_app(get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Acme [/] [link=x]y")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
        assert len(list(drafts_dir().glob("*.toml"))) == 1


async def test_left_and_right_move_between_dialog_buttons() -> None:
    app = new_app(get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "x")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitDialog), "the quit dialog")
        await pilot.press("right", "right")
        assert isinstance(app.focused, Button) and app.focused.id == "discard"
        await pilot.press("left")
        assert isinstance(app.focused, Button) and app.focused.id == "keep"
        await pilot.press("escape")


async def test_help_opens_with_f1_and_question_mark_outside_text() -> None:
    app = new_app(get_checklist())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "help closed")
        await type_text(pilot, "?")  # in a text box it is a character, not help
        assert not isinstance(app.screen, HelpScreen)
        assert isinstance(app.focused, Input) and app.focused.value == "?"


async def test_all_answers_jumps_to_the_chosen_field(tmp_path: Path) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_file(saved_plan(tmp_path / "p.toml"), checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, AnswersScreen), "all answers")
        await pilot.press("down", "enter")  # the second answer: the plan's name
        await until(
            pilot,
            lambda: getattr(app.focused, "id", "") == widget_id("context.plan_title"),
            "the plan title field",
        )
        assert isinstance(app.focused, Input)
        assert app.focused.value == wizard(pilot).session.answers.context.plan_title


async def test_kit_from_the_palette_writes_a_folder_and_saves_nothing(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "p.toml")
    before = path.read_bytes()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, " changed")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Take-home kit")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PathDialog), "the folder dialog")
        field = app.screen.query_one(Input)
        field.value = str(tmp_path / "kit [x]")
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "kit [x]" / "candidate").is_dir(), "the kit")
        assert wizard(pilot).session.dirty
    assert path.read_bytes() == before


async def test_review_button_says_whether_there_is_anything_to_save_and_exit_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from screens.app import exit_report
    from screens.wizard_screen import REVIEW

    path = saved_plan(tmp_path / "plan.toml")
    checklist = get_checklist()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = wizard(pilot)
        await screen.go(screen.order.index(REVIEW))
        button = screen.query_one("#next", Button)
        await until(pilot, lambda: str(button.label) == "Saved ✓", "the clean label")
        await screen.jump_to("context.company")
        await pilot.pause()
        await type_text(pilot, "x")
        await screen.go(screen.order.index(REVIEW))
        await until(pilot, lambda: str(button.label) == "Save", "the unsaved label")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(button.label) == "Saved ✓", "the label after saving")
        await app.action_quit()
    assert exit_report(app, None) == 0
    assert (
        f"hirewiz show {path}" in capsys.readouterr().out
        or "hirewiz show" in capsys.readouterr().out
    )


async def test_f4_on_the_review_opens_the_take_home_kit(tmp_path: Path) -> None:
    from screens.wizard_screen import REVIEW

    checklist = get_checklist()
    path = saved_plan(tmp_path / "p.toml")
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = wizard(pilot)
        await pilot.press("f4")  # not on a question step
        await pilot.pause()
        assert not isinstance(app.screen, PathDialog)
        await screen.go(screen.order.index(REVIEW))
        await pilot.pause()
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, PathDialog), "the folder dialog")
        app.screen.query_one(Input).value = str(tmp_path / "kit")
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "kit" / "reviewer").is_dir(), "the kit")
