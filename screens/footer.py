"""A Footer that redraws only when the keys it shows change.

Textual's Footer rebuilds all its key widgets on every focus change, even when moving between
two text fields shows exactly the same keys. In a long form that is most key presses, so this
keeps Tab snappy and the footer from flickering.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    _shown: tuple[tuple[object, ...], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        # What the footer draws: per action, its first binding as displayed. Keys that differ
        # only in a binding not drawn (a text box taking "?" hides the "?" of "F1 Help") do not
        # change it, and rebuilding ~17 key widgets took a good part of a frame.
        first: dict[str, tuple[object, ...]] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in first:
                display = self.app.get_key_display(binding)
                first[binding.action] = (display, binding.description, enabled, tooltip)
        palette = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        shown = (*first.items(), ("palette", palette is not None and palette.enabled))
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
