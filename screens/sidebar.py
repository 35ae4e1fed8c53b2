"""The step list beside the form, drawn from two reactives the wizard sets.

The wizard only says which step is current (``index``) and how each step stands
(``statuses``); the watchers redraw exactly the rows whose text changed, so a key press that
changes nothing in the list costs nothing.
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from screens.plain import styled

Status = Literal["done", "problem", "todo", "review"]
ICONS: dict[str, str] = {
    "done": "[$text-success]✓[/]",
    "problem": "[$text-error]![/]",
    "todo": "[dim]○[/]",
    "review": "[$text-accent]◆[/]",
}


class StepSidebar(OptionList):
    """One row per step; titles are data and shown as text."""

    index: reactive[int] = reactive(0, init=False)
    statuses: reactive[tuple[Status, ...]] = reactive((), init=False)

    def __init__(self, titles: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = titles
        self.border_title = "Steps"
        self._shown: dict[int, str] = {}  # markup last drawn per row
        self._labels: dict[tuple[int, Status, bool], Content] = {}

    def on_mount(self) -> None:
        self.add_options(Option(self._label(i), id=f"nav-{i}") for i in range(len(self.titles)))
        for i in range(len(self.titles)):
            self._shown[i] = self._label(i).markup
        self.highlighted = self.index

    def _label(self, index: int) -> Content:
        status = self.statuses[index] if index < len(self.statuses) else "todo"
        key = (index, status, index == self.index)
        label = self._labels.get(key)
        if label is None:  # parsing markup for every row on every step switch added up
            icon = ICONS[status]
            if index == self.index:
                # Bold and a marker, in the row's own colour: an accent colour on the
                # highlighted row was orange on blue-grey on the light theme (about 1.8:1).
                label = styled(icon + " [b]$step ◂[/]", step=self.titles[index])
            else:
                label = styled(icon + " $step", step=self.titles[index])
            self._labels[key] = label
        return label

    def _redraw(self) -> None:
        if not self.option_count:
            return  # not mounted yet: on_mount draws every row
        for index in range(len(self.titles)):
            label = self._label(index)
            if self._shown.get(index) != label.markup:
                self._shown[index] = label.markup
                self.replace_option_prompt_at_index(index, label)

    def watch_index(self, index: int) -> None:
        self._redraw()
        if not self.has_focus:
            self.highlighted = index

    def watch_statuses(self) -> None:
        self._redraw()
