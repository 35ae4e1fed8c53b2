"""`hirewiz new --from FILE`: a second hire starts from an earlier plan's answers, and saving it
never touches the plan it came from."""

from __future__ import annotations

from pathlib import Path

from screens.app import HirewizApp, start_for_new
from screens.confirm import ConfirmDialog
from screens.path_dialog import PathDialog
from tests.helpers.answers import STAMP
from tests.helpers.paths import FRAUD
from tests.helpers.tui import type_text, wizard
from wizard.answers import get_checklist, set_value
from wizard.paths import plans_dir
from wizard.planfile import build_plan, load_answers, save_plan


async def test_new_from_reuses_answers_and_saves_elsewhere(tmp_path: Path) -> None:
    checklist = get_checklist()
    source = tmp_path / "first-hire.toml"
    answers = load_answers(FRAUD, checklist).answers
    save_plan(source, build_plan(answers, checklist, created=STAMP, updated=STAMP))
    original = source.read_bytes()
    # What the first plan holds: the fixture's answers as saved (hidden ones dropped, the
    # currency filled in from the region).
    answers = load_answers(source, checklist).answers
    target = tmp_path / "second-hire.toml"
    app = HirewizApp(start_for_new(checklist, output=target, source=source), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        copy = set_value(answers, "context.plan_title", "First fraud ML engineer (copy)", checklist)
        assert answers.context.plan_title == "First fraud ML engineer"
        assert screen.session.answers == copy
        assert screen.session.target == target
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert source.read_bytes() == original
    saved = load_answers(target, checklist)
    assert saved.answers == copy
    assert saved.created is not None and saved.created != STAMP


async def test_new_from_a_library_plan_then_enter_enter_never_replaces_it() -> None:
    """Ctrl+S, Enter, Enter on a copy: the suggestion is a new file, and if a file is in the way
    the "Replace?" question's Enter means Cancel."""
    checklist = get_checklist()
    answers = load_answers(FRAUD, checklist).answers
    plans_dir().mkdir(parents=True)
    source = plans_dir() / "first-fraud-ml-engineer.toml"
    save_plan(source, build_plan(answers, checklist, created=STAMP, updated=STAMP))
    taken = plans_dir() / "first-fraud-ml-engineer-copy.toml"
    taken.write_text("precious = true\n")
    original = source.read_bytes()
    app = HirewizApp(start_for_new(checklist, source=source), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        saved_to = wizard(pilot).session.target
        # The same keys when the suggestion is overwritten by hand with an existing file.
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(source))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
    assert source.read_bytes() == original
    assert taken.read_text() == "precious = true\n"
    assert saved_to is not None and saved_to.name == "first-fraud-ml-engineer-copy-2.toml"
    title = load_answers(saved_to, checklist).answers.context.plan_title
    assert title == "First fraud ML engineer (copy)"
