"""The one modal base every hirewiz dialog builds on: its frame, its keys, its CSS.

A dialog asks one question and returns the answer through ``dismiss``; ``None`` always means
"backed out, change nothing". Left and Right move between the buttons, as in any desktop
dialog, and Escape cancels. Subclasses compose their body inside :meth:`body` and list their
buttons in :meth:`buttons`; the frame, title and button row are laid out here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from screens.help_screen import open_help
from screens.plain import plain

T = TypeVar("T")


class Dialog(ModalScreen[T | None], Generic[T]):
    """A framed question with a row of buttons; ``frame`` picks the border colour."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        background: $background 60%;

        #dialog {
            width: 72;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        &.-warning #dialog { border: thick $warning; }
        &.-error #dialog { border: thick $error; }
        #dialog-title { text-style: bold; margin-bottom: 1; }
        #dialog-message { margin-bottom: 1; }
        #dialog-scroll { height: auto; max-height: 14; margin-bottom: 1; }
        #dialog-buttons { height: auto; align-horizontal: right; }
        #dialog-buttons Button { margin-left: 1; min-width: 10; }
        #dialog-buttons Button:focus { text-style: bold reverse; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("left", "button(-1)", "Previous button", show=False),
        Binding("right", "button(1)", "Next button", show=False),
        # Modal: the app's own F1 does not reach through, so the dialog binds it itself.
        Binding("f1,question_mark", "help", "Help", id="dialog.help", show=False),
    ]
    frame: ClassVar[str] = ""  # "", "warning" or "error"

    def __init__(self, title: str) -> None:
        super().__init__(classes=f"-{self.frame}" if self.frame else None)
        self.title_text = title

    def body(self) -> ComposeResult:
        """What sits between the title and the buttons."""
        yield from ()

    def buttons(self) -> Iterable[Button]:
        """The buttons, left to right."""
        return ()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(self.title_text), id="dialog-title")
            yield from self.body()
            with Horizontal(id="dialog-buttons"):
                yield from self.buttons()

    def action_button(self, step: int) -> None:
        """Move focus along the button row; keys in a text box still move its cursor."""
        row = [b for b in self.query_one("#dialog-buttons").query(Button) if not b.disabled]
        if not row:
            return
        focused = self.focused
        if focused in row:
            index = (row.index(focused) + step) % len(row)
        else:
            index = 0 if step > 0 else len(row) - 1
        row[index].focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A text box keeps Left and Right for its own cursor.
        return action != "button" or isinstance(self.focused, Button)

    def action_help(self) -> None:
        open_help(self)

    def action_cancel(self) -> None:
        self.dismiss(None)
