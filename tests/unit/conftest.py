"""Fixtures for the core's unit tests: the shipped checklist, answers built from a ready baseline,
and the CLI run in-process. The top-level conftest points HIREWIZ_HOME at a fresh tmp dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corekit import Make, RunCli, apply, ready_raw

from checklists.loader import Checklist, load_checklist
from wizard.answers import validate_answers
from wizard.cli import main
from wizard.models import Answers


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(scope="session")
def make(checklist: Checklist) -> Make:
    """Answers from the ready baseline with some answers changed: make({"data.pipeline": ...})."""

    def build(changes: dict[str, Any] | None = None) -> Answers:
        return validate_answers(apply(ready_raw(), changes or {}), checklist)

    return build


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``hirewiz`` in-process; returns (exit code, stdout, stderr)."""

    def run(*argv: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty folder of the test's own (tmp_path also holds the HIREWIZ_HOME folder)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder
