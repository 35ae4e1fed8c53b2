"""Ask for a file or folder path: used for "save as", "export", "open a plan" and the kit.

A modal returning the path (or ``None`` when cancelled) keeps the decision about what to do with
it — confirm an overwrite, load, report a bad file — with the screen that asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Static

from screens.dialog import Dialog
from screens.plain import plain
from wizard.library import path_problem


class PathDialog(Dialog[Path]):
    DEFAULT_CSS = """
    PathDialog #path-reason { color: $error; height: auto; }
    """

    def __init__(
        self,
        title: str,
        path: Path | None,
        action: str = "Save",
        *,
        problem: str = "",
        check: Callable[[Path], str | None] = path_problem,
        placeholder: str = "path/to/plan.toml",
    ) -> None:
        super().__init__(title)
        self.initial = path
        self.action_label = action
        self.problem = problem  # why the last try with this path failed, shown from the start
        self.check = check  # what makes a path unusable here (a file path, a folder path)
        self.placeholder = placeholder

    def body(self) -> ComposeResult:
        yield Input(str(self.initial or ""), placeholder=self.placeholder, id="path")
        yield Static(plain(self.problem), id="path-reason")

    def buttons(self) -> Iterable[Button]:
        yield Button(plain(self.action_label), variant="primary", id="ok")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _reason(self, text: str) -> str | None:
        stripped = text.strip()
        if not stripped:
            return "type a file path"
        return self.check(Path(stripped).expanduser())

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
    def _cancel(self) -> None:
        self.dismiss(None)
