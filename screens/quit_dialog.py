"""Quitting with unsaved changes: save, keep them as a draft, or really throw them away."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from screens.dialog import Dialog
from screens.plain import plain

QuitChoice = Literal["save", "keep", "discard"]


class QuitDialog(Dialog[QuitChoice]):
    """``None`` (Escape or Cancel) returns to the wizard with nothing changed."""

    frame: ClassVar[str] = "warning"

    def __init__(self, label: str) -> None:
        super().__init__("Unsaved changes")
        self.label = label

    def body(self) -> ComposeResult:
        yield Static(
            plain(
                f"“{self.label}” has changes that are not in the plan file yet. A draft "
                "keeps them for next time; hirewiz offers it back when you start it again."
            ),
            id="dialog-message",
        )

    def buttons(self) -> Iterable[Button]:
        yield Button("Save plan", variant="primary", id="save")
        yield Button("Keep draft", id="keep")
        yield Button("Discard", variant="error", id="discard")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
