"""F1 / ?: what the review's words mean, and which keys do what.

The glossary is data (checklists/help.toml), written for a founder without machine-learning
training; the key list is read from the screen underneath, so it never disagrees with the
footer.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from checklists.glossary import load_glossary
from screens.plain import plain, styled


class HelpScreen(ModalScreen[None]):
    """Escape, F1, ? or q closes it; the arrow keys and Page Up/Down scroll."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;

        #help {
            width: 90;
            max-width: 100%;
            height: 90%;
            border: thick $primary;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
        .help-heading { text-style: bold; color: $accent; margin-top: 1; }
        .help-term { text-style: bold; margin-top: 1; }
        .help-keys { margin-top: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys  # (key as shown, what it does), from the screen underneath

    def compose(self) -> ComposeResult:
        glossary = load_glossary()
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Help · Esc closes"
            yield Static("Keys", classes="help-heading")
            width = max((len(k) for k, _ in self.keys), default=0)
            lines = [f"{key.ljust(width)}  {what}" for key, what in self.keys]
            yield Static(plain("\n".join(lines)), classes="help-keys")
            yield Static("What the words mean", classes="help-heading")
            for term in glossary.terms:
                yield Static(plain(term.term), classes="help-term")
                yield Static(plain(term.text))
            yield Static("The ten common hiring mistakes", classes="help-heading")
            yield Static(
                styled(
                    "\n".join(f"[b]{n:>2}[/b]  ${'m'}{n}" for n, _ in glossary.mistakes),
                    **{f"m{n}": text for n, text in glossary.mistakes},
                )
            )

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
