"""Ask for a file path: used for "save as" and "open a plan".

A modal returning the path (or ``None`` when cancelled) keeps the decision about what to do with
it — confirm an overwrite, load, report a bad file — with the screen that asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screens.plain import plain, styled
from wizard.library import path_problem


class PathDialog(ModalScreen[Path | None]):
    CSS_PATH = "path_dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def __init__(
        self, title: str, path: Path | None, action: str = "Save", *, problem: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = path
        self.action_label = action
        self.problem = problem  # why the last try with this path failed, shown from the start

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(styled("[b]$title[/b]", title=self.title_text), id="dialog-title")
            yield Input(str(self.initial or ""), placeholder="path/to/plan.toml", id="path")
            yield Static(plain(self.problem), id="path-reason")
            with Horizontal(id="dialog-buttons"):
                yield Button(self.action_label, variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _reason(self, text: str) -> str | None:
        stripped = text.strip()
        if not stripped:
            return "type a file path"
        return path_problem(Path(stripped).expanduser())

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#path", Input).value
        reason = self._reason(text)
        if reason:
            self.query_one("#path-reason", Static).update(plain(reason))
            return
        self.dismiss(Path(text.strip()).expanduser())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
