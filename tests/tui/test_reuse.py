"""`hirewiz new --from FILE`: a second hire starts from an earlier plan's answers, and saving it
never touches the plan it came from."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui_keys import FRAUD, wizard

from screens.app import HirewizApp, start_for_new
from wizard.answers import get_checklist
from wizard.planfile import build_plan, load_answers, save_plan

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


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
        assert screen.session.answers == answers
        assert screen.session.target == target
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert source.read_bytes() == original
    saved = load_answers(target, checklist)
    assert saved.answers == answers
    assert saved.created is not None and saved.created != STAMP
