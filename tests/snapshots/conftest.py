"""Snapshot stability: the text cursor blinks every half second, so on a busy machine a capture
could land on either phase. Blinking is switched off here through the text boxes' public
``cursor_blink``; the cursor stays drawn."""

from __future__ import annotations

import pytest

from screens.app import HirewizApp


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HirewizApp, "cursor_blink", False)
