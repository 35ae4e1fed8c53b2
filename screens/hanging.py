"""A menu entry whose wrapped lines hang under its text, not under its marker.

Textual wraps an option's text back to the left edge, so a long plan title in the welcome
menu continued under the "»" of its row and read like a new entry. :class:`Hanging` draws the
marker once and wraps the body in the width that is left, every line indented to the body.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """``marker`` on the first line, ``body`` wrapped beside it with a hanging indent."""

    def __init__(self, marker: Content, body: Content) -> None:
        self.marker = marker
        self.body = body
        self.indent = marker.cell_length

    def __str__(self) -> str:
        return self.marker.plain + self.body.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= self.indent:  # no room to hang anything: plain wrapping
            return (self.marker + self.body).render_strips(width, height, style, options)
        lines = self.body.render_strips(width - self.indent, height, style, options)
        marker = self.marker.render_strips(self.indent, 1, style, options)
        first = marker[0] if marker else Strip.blank(self.indent, style.rich_style)
        blank = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([first if n == 0 else blank, line]) for n, line in enumerate(lines)]


class Stacked(Visual):
    """Visuals one under another, each wrapped on its own: a list whose items hang."""

    def __init__(self, parts: list[Visual]) -> None:
        self.parts = parts

    def __str__(self) -> str:
        return "\n".join(str(part) for part in self.parts)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((p.get_optimal_width(rules, container_width) for p in self.parts), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(part.get_height(rules, width) for part in self.parts)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips = [s for p in self.parts for s in p.render_strips(width, None, style, options)]
        return strips if height is None else strips[:height]
