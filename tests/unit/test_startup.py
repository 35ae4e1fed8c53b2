"""Start-up work the headless commands skip (bench/README.md explains each); checked by
structure, never by timing."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli
from tests.helpers.paths import READY
from wizard import cli


def test_one_shot_commands_run_without_the_cycle_collector_and_restore_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[bool] = []

    def plan(args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setitem(cli.COMMANDS, "plan", plan)
    monkeypatch.setenv("HIREWIZ_HOME", str(tmp_path))
    assert gc.isenabled()
    assert run_cli("plan", "--answers", READY)[0] == 0
    assert seen == [False]
    assert gc.isenabled()


def test_the_cycle_collector_comes_back_after_a_failing_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "show", boom)
    monkeypatch.setenv("HIREWIZ_HOME", str(tmp_path))
    assert run_cli("show", READY)[0] == cli.EXIT_BAD_INPUT
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(cli.COMMANDS, "plan", lambda args: 0)
    monkeypatch.setenv("HIREWIZ_HOME", str(tmp_path))
    gc.disable()
    try:
        assert run_cli("plan", "--answers", READY)[0] == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
