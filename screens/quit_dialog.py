"""Quitting with unsaved changes: save, keep them as a draft, or really throw them away."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from screens.plain import plain

QuitChoice = Literal["save", "keep", "discard"]


class QuitDialog(ModalScreen[QuitChoice | None]):
    """``None`` (Escape or Cancel) returns to the wizard with nothing changed."""

    CSS_PATH = "quit_dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Unsaved changes", id="dialog-title")
            yield Static(
                plain(
                    f"“{self.label}” has changes that are not in the plan file yet. A draft "
                    "keeps them for next time; hirewiz offers it back when you start it again."
                ),
                id="dialog-message",
            )
            with Horizontal(id="dialog-buttons"):
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
    def action_cancel(self) -> None:
        self.dismiss(None)
