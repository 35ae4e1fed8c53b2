"""Shown over everything while the terminal is below 80x24.

It is pushed on top of the screen stack instead of replacing anything, so every widget
underneath — and every half-typed answer in it — is untouched and back as soon as the window
grows again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="notice")

    def on_mount(self) -> None:
        self._describe()

    def on_resize(self) -> None:
        self._describe()

    def _describe(self) -> None:
        width, height = self.app.size
        self.query_one("#notice", Static).update(
            "[b]Terminal too small[/b]\n\n"
            f"hirewiz needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {width}×{height}.\n"
            "Make the window bigger — your answers are kept.\n\n"
            "[dim]Ctrl+Q quits[/]"
        )
