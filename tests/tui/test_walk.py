"""A new plan walked with keys only must save exactly what the headless planner makes."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from screens.wizard_screen import REVIEW
from tests.helpers.cli import run_cli
from tests.helpers.tui import fill_step, new_app, until, walk_answers, wizard
from wizard.answers import get_checklist
from wizard.planfile import build_plan, dumps, save_plan


def _without_stamps(doc: dict[str, Any]) -> dict[str, Any]:
    doc = dict(doc)
    doc["meta"] = {k: v for k, v in doc["meta"].items() if k not in ("created", "updated")}
    return doc


@pytest.mark.slow
async def test_walk_every_step_with_keys_then_save(tmp_path: Path) -> None:
    checklist = get_checklist()
    wanted = walk_answers(checklist)
    out = tmp_path / "plan.toml"
    app = new_app(checklist, output=out)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        for step in checklist.steps:
            await fill_step(pilot, step, wanted)
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert screen.step_id == REVIEW
        assert screen.session.answers == wanted

        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.step_id == checklist.steps[-2].id
        assert screen.session.answers == wanted

        # Jump through the sidebar: focus it, walk up to "Data", press Enter.
        await pilot.press("ctrl+l")
        data = screen.order.index("data")
        for _ in range(screen.index - data):
            await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step_id == "data"
        assert screen.session.answers == wanted

        await pilot.press("ctrl+s")
        await until(pilot, lambda: out.exists() and not screen.session.dirty, "the save")

    saved = tomllib.loads(out.read_text(encoding="utf-8"))
    headless = tomllib.loads(dumps(build_plan(wanted, checklist)))
    assert _without_stamps(saved) == _without_stamps(headless)

    answers_file = tmp_path / "answers.toml"
    save_plan(answers_file, build_plan(wanted, checklist))
    cli_out = tmp_path / "cli.toml"
    assert run_cli("plan", "--answers", answers_file, "-o", cli_out)[0] == 0
    assert _without_stamps(saved) == _without_stamps(tomllib.loads(cli_out.read_text()))
