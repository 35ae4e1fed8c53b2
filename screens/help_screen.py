"""F1 / ?: what the review's words mean, and which keys do what.

The glossary is data (checklists/help.toml), written for a founder without machine-learning
training; the key list is read from the screen underneath, so it never disagrees with the
footer. Each key is listed once, under a name a founder can type ("Ctrl+N", "Esc"): a binding
with two keys ("f1,question_mark") is one line, and Textual's own keys are said in plain words,
without the ones a terminal never sends (Super+C).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import JustifyMethod
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from checklists.glossary import load_glossary
from screens.plain import plain, shown

# Textual's own keys, in the words the help uses; they follow hirewiz's keys in the list.
TEXTUAL_KEYS = {
    "app.focus_next": "Next field or button",
    "app.focus_previous": "Previous field or button",
    "command_palette": "Command palette: find any action by name",
    "screen.copy_text": "Copy text selected with the mouse",
}
MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta"}


def key_name(key: str) -> str | None:
    """ "ctrl+n" -> "Ctrl+N", "escape" -> "Esc", "question_mark" -> "?"; ``None`` for a key a
    terminal does not send (the Super / Command modifier)."""
    *modifiers, last = key.split("+")
    if any(m not in MODIFIERS for m in modifiers):
        return None
    name = format_key(last)
    name = name.upper() if len(name) == 1 else name[:1].upper() + name[1:]
    return "+".join([*(MODIFIERS[m] for m in modifiers), name])


def key_list(screen: Screen[Any]) -> list[tuple[str, str]]:
    """The keys of ``screen`` and the app (not a field's own editing keys), one line an action:
    ("F1 / ?", "Help"). Keys the screen disables right now are left out, as in the footer."""
    found: dict[str, tuple[list[str], str]] = {}
    for node, binding, _, _ in screen.active_bindings.values():
        what = TEXTUAL_KEYS.get(binding.action, binding.description)
        name = key_name(binding.key)
        if binding.system or node not in (screen, screen.app) or not what or name is None:
            continue
        names, _ = found.setdefault(binding.action, ([], what))
        if name not in names:
            names.append(name)
    own = [a for a in found if a not in TEXTUAL_KEYS]
    textual = [a for a in TEXTUAL_KEYS if a in found]
    return [(" / ".join(found[a][0]), found[a][1]) for a in own + textual]


def columns(rows: list[tuple[str, str]], justify: JustifyMethod = "left") -> Table:
    """Two columns, the first bold: a long second cell wraps under itself, not under the
    first column (a wrapped mistake used to continue at the left edge, under its number)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, justify=justify)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(Text(shown(left), style="bold"), Text(shown(right)))
    return grid


def open_help(screen: Screen[Any]) -> None:
    """Show the help over ``screen``, listing that screen's keys."""
    screen.app.push_screen(HelpScreen(key_list(screen)))


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
        .help-heading { text-style: bold; color: $text-accent; margin-top: 1; }
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
            yield Static(columns(self.keys), classes="help-keys")
            yield Static("What the words mean", classes="help-heading")
            for term in glossary.terms:
                yield Static(plain(term.term), classes="help-term")
                yield Static(plain(term.text))
            yield Static("The ten common hiring mistakes", classes="help-heading")
            mistakes = [(str(n), text) for n, text in glossary.mistakes]
            yield Static(columns(mistakes, "right"), classes="help-mistakes")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
