"""Snapshot stability: the text cursor blinks every half second, so on a busy machine a capture
could land on either phase. Blinking is switched off here; the cursor stays drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def _home_is_the_test_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths show home-relative ("~/hirewiz-home/plans/fraud.toml"): with the test folder as
    home they read the same on every run and machine."""
    monkeypatch.setenv("HOME", str(tmp_path))
