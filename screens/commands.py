"""Command palette entries for the wizard: jump to any step, save, save as, export.

The commands are read off the screen that opened the palette, so the palette and the key
bindings always call the very same actions. Themes come from Textual's own "Theme" command.
Command names hold step titles, which are data: they are shown as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from screens.plain import plain


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


class WizardCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        source = getattr(self.screen, "palette_commands", None)
        return list(source()) if callable(source) else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(plain(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight(matcher, name), callback, text=name, help=help_text)
