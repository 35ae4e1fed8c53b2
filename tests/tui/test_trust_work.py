"""Nothing typed is lost: resume prompts, exports, conflicting saves, a second wizard on the
same plan, and a library or a save path that is not usable."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.app import HirewizApp, start_for_file, start_for_new
from screens.confirm import ConfirmDialog
from screens.path_dialog import PathDialog
from screens.welcome import WelcomeScreen
from tests.helpers.answers import STAMP, saved_plan
from tests.helpers.paths import FRAUD, ROOT
from tests.helpers.tui import NoticedApp, type_text, until, wizard
from wizard.answers import get_checklist, set_value
from wizard.paths import drafts_dir
from wizard.planfile import build_plan, load_answers, save_plan


def _set_on_disk(path: Path, key: str, value: Any) -> None:
    """What ``hirewiz set`` does from another shell."""
    checklist = get_checklist()
    loaded = load_answers(path, checklist)
    answers = set_value(loaded.answers, key, value, checklist)
    save_plan(path, build_plan(answers, checklist, created=loaded.created))


def _on_disk(path: Path, key: str) -> Any:
    step, _, qid = key.partition(".")
    return tomllib.loads(path.read_text())["answers"][step].get(qid)


async def _retype_company(pilot: Pilot[Any], text: str) -> None:
    screen = wizard(pilot)
    await screen.jump_to("context.company")
    await pilot.pause()
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def _save_over_a_change(pilot: Pilot[Any], path: Path, theirs: dict[str, str]) -> None:
    """Another shell changes ``theirs`` in the open plan; here the company is retyped and
    Ctrl+S pressed, which must open the conflict dialog."""
    await pilot.pause()
    for key, value in theirs.items():
        _set_on_disk(path, key, value)
    await _retype_company(pilot, "Mine Ltd")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert pilot.app.screen.__class__.__name__ == "ConflictDialog"


async def _leave_a_draft(path: Path, company: str) -> None:
    """Edit the plan, then quit keeping the changes as a draft."""
    checklist = get_checklist()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _retype_company(pilot, company)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#keep")
        await pilot.pause()
    assert len(list(drafts_dir().glob("*.toml"))) == 1


async def test_escape_on_resume_keeps_the_draft_and_asks_again(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    await _leave_a_draft(path, "Drafted Ltd")
    for _ in range(2):
        app = HirewizApp(start_for_file(path, checklist), checklist)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
            assert not any(s.__class__.__name__ == "WizardScreen" for s in app.screen_stack)
            assert isinstance(app.screen, WelcomeScreen)
        drafts = list(drafts_dir().glob("*.toml"))
        assert len(drafts) == 1
        assert "Drafted Ltd" in drafts[0].read_text()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Resume has focus
        await pilot.pause()
        await pilot.pause()
        assert wizard(pilot).session.answers.context.company == "Drafted Ltd"


async def test_export_from_the_palette_leaves_the_plan_file_alone(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    before = path.read_bytes()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _retype_company(pilot, "Not saved yet")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Export Markdown")
        await pilot.pause()
        await pilot.press("enter")
        # "Export Markdown…" asks where, offering the file beside the plan: Enter takes it.
        await until(pilot, lambda: isinstance(app.screen, PathDialog), "the export path dialog")
        assert app.screen.query_one("#path", Input).value == str(path.with_suffix(".md"))
        assert not path.with_suffix(".md").exists()
        await pilot.press("enter")
        await until(pilot, lambda: path.with_suffix(".md").exists(), "the export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert wizard(pilot).session.dirty
    assert path.read_bytes() == before
    assert "Not saved yet" in path.with_suffix(".md").read_text()


async def test_a_change_made_by_another_shell_is_merged_not_dropped(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await _save_over_a_change(pilot, path, {"goals.success_metric": "Theirs metric"})
        await pilot.press("enter")  # Merge
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not wizard(pilot).session.dirty
    assert _on_disk(path, "goals.success_metric") == "Theirs metric"
    assert _on_disk(path, "context.company") == "Mine Ltd"


async def test_a_conflicting_answer_keeps_mine_and_the_dialog_names_it(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        theirs = {"context.company": "Theirs Ltd", "goals.success_metric": "Theirs metric"}
        await _save_over_a_change(pilot, path, theirs)
        message = app.screen.query_one("#dialog-message", Static).visual
        assert isinstance(message, Content)
        assert "yours will be kept" in message.plain and "Company name" in message.plain
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _on_disk(path, "context.company") == "Mine Ltd"
    assert _on_disk(path, "goals.success_metric") == "Theirs metric"


async def test_overwrite_and_cancel_on_a_changed_file(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await _save_over_a_change(pilot, path, {"goals.success_metric": "Theirs metric"})
        await pilot.press("escape")  # cancel: nothing written
        await pilot.pause()
        assert _on_disk(path, "context.company") == "Paylane"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#overwrite")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _on_disk(path, "context.company") == "Mine Ltd"
    assert _on_disk(path, "goals.success_metric") != "Theirs metric"


async def test_resuming_an_old_draft_over_a_newer_file_merges_on_save(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    await _leave_a_draft(path, "Drafted Ltd")
    _set_on_disk(path, "goals.success_metric", "Theirs metric")
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Resume
        await pilot.pause()
        await pilot.pause()
        assert wizard(pilot).session.answers.context.company == "Drafted Ltd"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConflictDialog"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _on_disk(path, "context.company") == "Drafted Ltd"
    assert _on_disk(path, "goals.success_metric") == "Theirs metric"


async def test_a_second_wizard_on_the_same_plan_is_told_and_keeps_its_own_draft(
    tmp_path: Path,
) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib\n"
            "from wizard.library import take_lock\n"
            "take_lock(pathlib.Path(sys.argv[1]))\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
            str(path),
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "locked\n"
        app = NoticedApp(start_for_file(path, checklist), checklist)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            notes = [n.message for n in app.notices]
            assert any("open in another hirewiz since" in n for n in notes), notes
            await _retype_company(pilot, "Second Ltd")
            await until(pilot, lambda: not wizard(pilot).draft_pending, "the draft write")
            mine = wizard(pilot).session.draft_name
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait()
    names = [p.stem for p in drafts_dir().glob("*.toml")]
    assert names == [mine]


async def test_hirewiz_home_being_a_file_is_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder\n")
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    checklist = get_checklist()
    welcome = HirewizApp(checklist=checklist)
    async with welcome.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(welcome.screen, WelcomeScreen)
    app = HirewizApp(start_for_new(checklist, source=FRAUD), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Z")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # accept the suggested path inside the unusable library
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        reason = app.screen.query_one("#path-reason", Static).visual
        assert isinstance(reason, Content) and "is a file" in reason.plain
        await pilot.press("ctrl+u")
        await type_text(pilot, str(tmp_path / "elsewhere.toml"))
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    elsewhere = tmp_path / "elsewhere.toml"
    assert _on_disk(elsewhere, "context.plan_title").endswith("(copy)")
    # Tabbing into a filled field does not select it: typing extends the answer.
    assert _on_disk(elsewhere, "context.company") == "PaylaneZ"


async def test_save_as_under_a_file_says_so_in_the_dialog(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file\n")
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(blocker / "sub" / "plan.toml"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        reason = app.screen.query_one("#path-reason", Static).visual
        assert isinstance(reason, Content) and f"{blocker} is a file" in reason.plain
    assert blocker.read_text() == "a file\n"


async def test_refused_text_is_kept_in_the_draft_and_put_back(tmp_path: Path) -> None:
    """Text the core refuses (here: too long) is not an answer, but it was typed: quitting asks,
    the draft keeps it, and resuming puts it back in its field with the reason."""
    from textual.widgets import TextArea

    from screens.fields import QuestionField, field_id, widget_id
    from screens.quit_dialog import QuitDialog

    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    long_text = "Cut fraud [by Q3 " + "x" * 1200
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.jump_to("goals.outcome")
        await pilot.pause()
        area = screen.query_one(f"#{widget_id('goals.outcome')}", TextArea)
        area.text = long_text
        await pilot.pause()
        assert screen.query_one(f"#{field_id('goals.outcome')}", QuestionField).invalid
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#keep")
        await pilot.pause()
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Resume
        await pilot.pause()
        screen = wizard(pilot)
        await screen.jump_to("goals.outcome")
        await pilot.pause()
        assert screen.query_one(f"#{widget_id('goals.outcome')}", TextArea).text == long_text
        assert screen.query_one(f"#{field_id('goals.outcome')}", QuestionField).invalid


async def test_export_onto_a_pipe_is_refused_in_the_dialog(tmp_path: Path) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    os.mkfifo(path.with_suffix(".md"))
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Export Markdown")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        reason = app.screen.query_one("#path-reason", Static).visual
        assert isinstance(reason, Content) and "not a regular file" in reason.plain
    assert not path.with_suffix(".md").is_file()


async def test_a_draft_the_file_already_holds_is_not_offered_and_is_removed(
    tmp_path: Path,
) -> None:
    checklist = get_checklist()
    path = saved_plan(tmp_path / "plan.toml", stamp=STAMP)
    await _leave_a_draft(path, "Drafted Ltd")
    _set_on_disk(path, "context.company", "Drafted Ltd")  # the same change, made elsewhere
    app = HirewizApp(start_for_file(path, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen is wizard(pilot)
    assert list(drafts_dir().glob("*.toml")) == []
