"""The plan file changed on disk since it was opened: merge, save elsewhere, overwrite, or not.

The comparison and the merge itself are core logic (:mod:`wizard.conflict`); this dialog only
shows what the merge would do and returns the founder's choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from screens.dialog import Dialog
from screens.plain import plain

ConflictChoice = Literal["merge", "save_as", "overwrite"]


class ConflictDialog(Dialog[ConflictChoice]):
    """``None`` (Escape or Cancel) saves nothing and leaves both versions as they are."""

    frame: ClassVar[str] = "error"

    def __init__(self, where: str, mine_won: list[str], merge_problem: str = "") -> None:
        super().__init__("The file changed on disk")
        self.where = where
        self.mine_won = mine_won
        self.merge_problem = merge_problem

    def _message(self) -> str:
        text = (
            f"{self.where} was changed by someone else since you opened it. Merge reloads "
            "that file and re-applies the answers you changed here."
        )
        if self.merge_problem:
            return text + f"\n\nMerging is not possible: {self.merge_problem}"
        if self.mine_won:
            listed = "\n".join(f"  • {prompt}" for prompt in self.mine_won)
            return text + f"\n\nBoth of you changed these answers; yours will be kept:\n{listed}"
        return text + " None of your answers were changed on the other side."

    def body(self) -> ComposeResult:
        with VerticalScroll(id="dialog-scroll"):
            yield Static(plain(self._message()), id="dialog-message")

    def buttons(self) -> Iterable[Button]:
        yield Button("Merge", variant="primary", id="merge", disabled=bool(self.merge_problem))
        yield Button("Save as…", id="save_as")
        yield Button("Overwrite", variant="error", id="overwrite")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel" if self.merge_problem else "#merge", Button).focus()

    @on(Button.Pressed, "#merge")
    def _merge(self) -> None:
        self.dismiss("merge")

    @on(Button.Pressed, "#save_as")
    def _save_as(self) -> None:
        self.dismiss("save_as")

    @on(Button.Pressed, "#overwrite")
    def _overwrite(self) -> None:
        self.dismiss("overwrite")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
