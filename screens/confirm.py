"""A question that must be answered before anything is overwritten or thrown away."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from screens.dialog import Dialog
from screens.plain import plain


class ConfirmDialog(Dialog[bool]):
    """Yes (True), no (False), or backed out with Escape (``None``).

    Escape never picks an answer: callers treat ``None`` as "do nothing". ``focus`` names the
    button Enter presses; make it the safe one whenever "yes" overwrites or deletes.
    """

    frame: ClassVar[str] = "warning"

    def __init__(
        self,
        title: str,
        message: str,
        yes: str = "Yes",
        no: str = "No",
        *,
        cancel: str = "",
        focus: Literal["yes", "no", "cancel"] = "yes",
    ) -> None:
        super().__init__(title)
        self.message = message
        self.yes_label = yes
        self.no_label = no
        self.cancel_label = cancel
        self.focus_id = focus

    def body(self) -> ComposeResult:
        yield Static(plain(self.message), id="dialog-message")

    def buttons(self) -> Iterable[Button]:
        yield Button(plain(self.yes_label), variant="primary", id="yes")
        yield Button(plain(self.no_label), id="no")
        if self.cancel_label:
            yield Button(plain(self.cancel_label), id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#{self.focus_id}", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
