"""Shared test setup: every test gets its own empty hirewiz library.

Without this a test could read or overwrite the developer's real plans and drafts, and tests
could see each other's files.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def hirewiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "hirewiz-home"
    home.mkdir()
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    return home
