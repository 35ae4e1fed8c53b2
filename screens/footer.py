"""A Footer that redraws only when the keys it shows change.

Textual's Footer rebuilds all its key widgets on every focus change, even when moving between
two text fields shows exactly the same keys. In a long form that is most key presses, so this
keeps Tab snappy and the footer from flickering.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = tuple(
            (binding.key, binding.description, enabled)
            for (_, binding, enabled, _) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
