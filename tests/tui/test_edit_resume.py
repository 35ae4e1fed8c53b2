"""Editing a saved plan, surviving a crash, guarding unsaved work and small terminals."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from screens.app import HirewizApp, run, start_for_file
from screens.confirm import ConfirmDialog
from screens.fields import widget_id
from screens.path_dialog import PathDialog
from screens.quit_dialog import QuitDialog
from screens.too_small import TooSmallScreen
from screens.welcome import WelcomeScreen
from screens.wizard_screen import WizardScreen
from tests.helpers.answers import STAMP, saved_plan
from tests.helpers.tui import new_app, type_text, until, wizard
from wizard.answers import as_dict, get_checklist
from wizard.paths import drafts_dir
from wizard.planfile import build_plan, dumps, load_answers


async def test_edit_prefills_and_changes_only_one_answer(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = tmp_path / "fraud.toml"
    saved_plan(path, stamp=STAMP)
    before = tomllib.loads(path.read_text())
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        assert screen.session.answers == load_answers(path, checklist).answers
        assert screen.query_one(f"#{widget_id('context.company')}", Input).value == "Paylane"
        await screen.jump_to("data.quality_checked")
        radios = screen.query_one(f"#{widget_id('data.quality_checked')}", RadioSet)
        await until(pilot, lambda: radios.has_focus, "focus after the jump's refresh")
        assert radios.pressed_button is not None and radios.pressed_button.name == "yes"
        await pilot.press("down", "enter")  # No
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty, "the save to finish")
    after = tomllib.loads(path.read_text())
    changed = {
        (step, key)
        for step, table in after["answers"].items()
        for key, value in table.items()
        if before["answers"][step].get(key) != value
    }
    assert changed == {("data", "quality_checked")}
    assert after["answers"]["data"]["quality_checked"] is False
    assert after["meta"]["created"] == before["meta"]["created"]
    assert after["meta"]["updated"] > before["meta"]["updated"]
    fresh = build_plan(
        load_answers(path, checklist).answers,
        checklist,
        created=after["meta"]["created"],
        updated=after["meta"]["updated"],
    )
    assert tomllib.loads(dumps(fresh)) == after


async def test_unchanged_edit_save_rewrites_identical_bytes(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = tmp_path / "fraud.toml"
    saved_plan(path, stamp=STAMP)
    before = path.read_bytes()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_crash_mid_wizard_then_resume_holds_every_answer(tmp_path: Path) -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Crash test")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # goals.problem_type: first choice
        await until(
            pilot,
            lambda: not wizard(pilot).draft_pending and any(drafts_dir().glob("*.toml")),
            "the debounced autosave",
        )
        answers = wizard(pilot).session.answers
        assert answers.goals.problem_type == "recommendation"
        drafts = list(drafts_dir().glob("*.toml"))
        assert len(drafts) == 1
        # A kill gives the app no chance to clean up: keep the draft as it is right now.
        snapshot = tmp_path / "draft-at-kill.toml"
        shutil.copy(drafts[0], snapshot)
    shutil.copy(snapshot, drafts[0])

    welcome = HirewizApp(checklist=checklist)
    async with welcome.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(welcome.screen, WelcomeScreen)
        await pilot.press("enter")  # the draft is offered first
        await pilot.pause()
        await pilot.pause()
        resumed = wizard(pilot)
        assert as_dict(resumed.session.answers) == as_dict(answers)
        assert resumed.step_id == "goals"
        assert resumed.session.dirty


async def test_quit_with_unsaved_changes_asks_first(tmp_path: Path) -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Acme")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#keep")
        await pilot.pause()
    assert app.return_code == 0
    assert len(list(drafts_dir().glob("*.toml"))) == 1


async def test_save_as_confirms_before_overwriting_another_file(tmp_path: Path) -> None:
    checklist = get_checklist()
    here = tmp_path / "here.toml"
    saved_plan(here, stamp=STAMP)
    other = tmp_path / "other.toml"
    other.write_text("precious = true\n")
    app = HirewizApp(start_for_file(here, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, str(other))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # "no": nothing is written
        await pilot.pause()
        assert other.read_text() == "precious = true\n"
        for keys in (["enter"], ["shift+tab", "enter"]):  # Enter alone is the safe "Cancel"
            await pilot.press("f2")
            await pilot.pause()
            await pilot.press("ctrl+u")
            await type_text(pilot, str(other))
            await pilot.press("enter")
            await pilot.pause()
            if keys == ["enter"]:
                await pilot.press(*keys)
                await pilot.pause()
                assert other.read_text() == "precious = true\n"
        await pilot.press(*keys)  # "Replace", chosen on purpose
        await pilot.pause()
        assert wizard(pilot).session.target == other
    assert tomllib.loads(other.read_text())["meta"]["company"] == "Paylane"


async def test_too_small_notice_keeps_typed_answers() -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Half-typ")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        screen = wizard(pilot)
        shown: object = app.screen  # no longer the TooSmallScreen asserted above
        assert shown is screen
        assert screen.query_one(f"#{widget_id('context.company')}", Input).value == "Half-typ"
        assert screen.session.answers.context.company == "Half-typ"
        await type_text(pilot, "ed")
        assert screen.session.answers.context.company == "Half-typed"


def test_edit_with_broken_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[answers\n")
    assert run(command="edit", file=bad) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err


async def test_welcome_lists_library_plans_and_opens_one(hirewiz_home: Path) -> None:
    checklist = get_checklist()
    library = hirewiz_home / "plans"
    library.mkdir()
    saved_plan(library / "fraud.toml", stamp=STAMP)
    app = HirewizApp(checklist=checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # new, open, then the first recent plan
        await pilot.pause()
        await pilot.pause()
        screen = wizard(pilot)
        assert screen.session.target == library / "fraud.toml"
        assert screen.session.answers.context.company == "Paylane"
