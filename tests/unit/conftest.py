"""Fixtures for the core's unit tests: the shipped checklist and answers built from a ready
baseline. The top-level conftest points HIREWIZ_HOME at a fresh tmp dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist, load_checklist
from tests.helpers.answers import Make, apply, ready_raw
from wizard.answers import validate_answers
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
def work(tmp_path: Path) -> Path:
    """An empty folder of the test's own (tmp_path also holds the HIREWIZ_HOME folder)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder
