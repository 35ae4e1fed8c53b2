"""The key hints at the bottom: the most important ones always fit, and it redraws only when
what it shows changes.

Textual's Footer lays every key out in one row and lets the ones that do not fit fall off the
right edge (the command palette key, docked right, then overlaps the rest). At 80 columns that
lost "Steps" and "Help", the two keys a founder who is stuck needs most. This footer picks what
fits: roomy spacing when everything fits, compact spacing next, and then it leaves out the
least important keys first. Every key stays listed in the help screen (F1).

Textual's Footer also rebuilds all its key widgets on every focus change, even when moving
between two text fields shows exactly the same keys; this one skips that, so Tab stays snappy.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; Footer.compose uses it too

# Actions by importance, most important first; keys left out for lack of room come from the
# end. Actions not named here rank after these, in the order their screen lists them.
IMPORTANCE = (
    "help",
    "steps",
    "next",
    "back",
    "save",
    "kit",
    "review",
    "app.quit",
    "quit",
    "new",
    "open",
    "answers",
    "save_as",
)
PALETTE = "command_palette"  # Textual's own key: shown last, and left out first


@dataclass(frozen=True)
class Hint:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str

    def width(self, compact: bool) -> int:
        """Cells the key takes in the footer, spacing included (see FooterKey's CSS)."""
        text = cell_len(self.display) + cell_len(self.description)
        if self.action == PALETTE:  # docked right behind a one-cell rule
            return text + (3 if compact else 5)
        return text + (2 if compact else 3)


def rank(hint: Hint, order: int) -> tuple[int, int]:
    if hint.action == PALETTE:
        return (len(IMPORTANCE) + 1, 0)
    if hint.action in IMPORTANCE:
        return (IMPORTANCE.index(hint.action), order)
    return (len(IMPORTANCE), order)


def fit(hints: list[Hint], width: int) -> tuple[list[Hint], bool]:
    """The hints that fit in ``width`` cells, in their own order, and whether to go compact."""
    for compact in (False, True):
        if sum(h.width(compact) for h in hints) <= width:
            return hints, compact
    kept = sorted(enumerate(hints), key=lambda pair: rank(pair[1], pair[0]))
    while kept and sum(h.width(True) for _, h in kept) > width:
        kept.pop()
    return [h for _, h in sorted(kept, key=lambda pair: pair[0])], True


class QuietFooter(Footer):
    _shown: tuple[tuple[Hint, ...], bool] | None = None

    def _hints(self, screen: Screen[object]) -> list[Hint]:
        """The screen's shown keys, one per action (as Textual's Footer shows them)."""
        hints: dict[str, Hint] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            is_palette = (
                binding.action == PALETTE
                and self.show_command_palette
                and self.app.ENABLE_COMMAND_PALETTE
            )
            if not (binding.show or is_palette) or binding.action in hints:
                continue
            hints[binding.action] = Hint(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip or binding.tooltip or binding.description,
            )
        palette = hints.pop(PALETTE, None)  # last, so it can dock right
        return [*hints.values(), *([palette] if palette else [])]

    def _layout(self, screen: Screen[object]) -> tuple[tuple[Hint, ...], bool]:
        width = self.size.width or self.app.size.width
        hints, compact = fit(self._hints(screen), width)
        return tuple(hints), compact

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        hints, _ = self._shown or self._layout(self.screen)
        for hint in hints:
            yield FooterKey(
                hint.key,
                hint.display,
                hint.description,
                hint.action,
                disabled=not hint.enabled,
                tooltip=hint.tooltip,
                classes="-command-palette" if hint.action == PALETTE else "",
            ).data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = self._layout(screen)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # only what is redrawn now counts as shown
        self.compact = shown[1]
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self.is_attached:
            self.bindings_changed(self.screen)
