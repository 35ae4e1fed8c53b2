"""The command palette: Textual's system commands, with every name shown as plain text.

Commands come from ``App.get_system_commands``; a screen that has its own (the wizard's steps,
save, export, the take-home kit) offers them through :class:`CommandSource`, so the palette
and the key bindings call the very same actions. Step titles are data, and Textual's own
provider reads command names as markup, so this provider is Textual's with the names kept as
text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider

from screens.plain import plain


@runtime_checkable
class CommandSource(Protocol):
    """A screen with palette commands of its own."""

    def palette_commands(self) -> Iterable[SystemCommand]: ...


def highlight(matcher: Matcher, name: str) -> Content:
    """``Matcher.highlight`` without reading ``name`` as markup."""
    content = plain(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if not score:
        return content
    for offset in offsets:
        if not content.plain[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class PlainSystemCommands(SystemCommandsProvider):
    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c.title)
        for command in commands:
            if command.discover:
                yield DiscoveryHit(
                    plain(command.title), command.callback, text=command.title, help=command.help
                )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.app.get_system_commands(self.screen):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, command.title),
                    command.callback,
                    text=command.title,
                    help=command.help,
                )
