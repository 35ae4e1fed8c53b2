"""Command palette entries for the wizard: jump to any step, save, save as, export.

The commands are read off the screen that opened the palette, so the palette and the key
bindings always call the very same actions. Themes come from Textual's own "Theme" command.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider


class WizardCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        source = getattr(self.screen, "palette_commands", None)
        return list(source()) if callable(source) else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
