"""Snapshot stability: the text cursor blinks every half second, so on a busy machine a capture
could land on either phase. Blinking is switched off here through the text boxes' public
``cursor_blink``; the cursor stays drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.app import HirewizApp


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HirewizApp, "cursor_blink", False)


@pytest.fixture(autouse=True)
def _home_is_the_test_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths show home-relative ("~/hirewiz-home/plans/fraud.toml"): with the test folder as
    home they read the same on every run and machine."""
    monkeypatch.setenv("HOME", str(tmp_path))
