"""The first screen of a bare ``hirewiz``: new plan, resume a draft, open a plan.

It only offers; the app decides what opening means (loading, validation, resume prompts). The
lists are read after the first paint with cheap TOML peeks, so the screen appears as fast as an
empty Textual app even with a large library.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from screens.footer import QuietFooter
from screens.hanging import Hanging
from screens.plain import styled
from wizard.library import (
    DraftInfo,
    display_path,
    draft_infos,
    recent_plans,
    repeated_titles,
    title_key,
)

DRAFTS_SHOWN = 3
# The last step of the wizard is not in the checklist (screens/wizard_screen.py, REVIEW).
REVIEW_TITLE = {"review": "Review"}
LOGO = "[b $text-accent]hire[/][b]wiz[/]"


MARKER_WIDTH = 3  # a one-cell marker and two spaces; the text starts after it


def _entry(marker: str, text: str | Content) -> Hanging:
    """A menu row: a marker (markup), then text that wraps under itself, not the marker."""
    mark = Content.from_markup(marker)
    body = text if isinstance(text, Content) else Content(text)
    return Hanging(mark.pad_right(MARKER_WIDTH - mark.cell_length), body)


class WelcomeScreen(Screen[None]):
    CSS_PATH = "welcome.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New plan", id="welcome.new"),
        Binding("o", "open", "Open file", id="welcome.open"),
        Binding("ctrl+q", "app.quit", "Quit", id="welcome.quit"),
    ]

    class NewPlan(Message):
        pass

    class OpenPlan(Message):
        def __init__(self, path: Path | None) -> None:
            super().__init__()
            self.path = path

    class ResumeDraft(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self) -> None:
        super().__init__()
        self._drafts: list[DraftInfo] = []
        self._recent: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static(f"{LOGO}  [dim]get ready to hire for machine-learning work[/]", id="hero")
            yield Static(
                "Answer questions about your goals, data, production, timing, team, "
                "assessment and onboarding. hirewiz recommends the role to hire, scores how "
                "ready you are, and flags the ten classic ML hiring mistakes before you make "
                "them.",
                id="pitch",
            )
            menu = OptionList(Option(_entry("+", "Start a new plan"), id="new"), id="menu")
            menu.border_title = "What next?"
            yield menu
        yield QuietFooter()

    def on_mount(self) -> None:
        self.title = "hirewiz"
        self.sub_title = "welcome"
        self.query_one("#menu", OptionList).focus()
        self.call_after_refresh(self.refresh_lists)

    def refresh_lists(self) -> None:
        """Fill in drafts and recent plans (after the first paint: they touch the disk)."""
        menu = self.query_one("#menu", OptionList)
        self._drafts = draft_infos()[:DRAFTS_SHOWN]
        recent = recent_plans()
        self._recent = [r.path for r in recent]
        options: list[Option | None] = [Option(_entry("+", "Start a new plan"), id="new")]
        titles: dict[str, str] = {}
        if self._drafts:
            # Imported here: it reads TOML (tomllib, hashlib), which a first paint without
            # drafts never needs.
            from checklists.step_titles import step_titles

            titles = {**step_titles(), **REVIEW_TITLE}
        for n, draft in enumerate(self._drafts):
            template = "Resume unfinished “$title”"
            if draft.step:
                template += "[dim] · stopped at $step[/]"
            # The step as the sidebar names it ("Company"), not its id ("context").
            step = titles.get(draft.step, draft.step)
            # The marker in the row's own colour: it is usually the highlighted row.
            text = styled(template, title=draft.title, step=step)
            options.append(Option(_entry("[b]»[/]", text), id=f"draft-{n}"))
        options.append(Option(_entry("…", "Open a plan file"), id="open"))
        if recent:
            options.append(None)
            twins = repeated_titles(plan.title for plan in recent)
            for n, plan in enumerate(recent):
                where = display_path(plan.path)
                if title_key(plan.title) in twins:
                    # Two plans of one title: when each was saved tells them apart at a glance.
                    saved = datetime.fromtimestamp(plan.saved).strftime("%Y-%m-%d %H:%M")
                    where += f" · saved {saved}"
                # The path on its own line under the title; both wrap under the title.
                text = styled("$title\n[dim]$where[/]", title=plan.title, where=where)
                options.append(Option(_entry("", text), id=f"recent-{n}"))
        menu.set_options(options)
        menu.highlighted = 1 if self._drafts else 0

    @on(OptionList.OptionSelected, "#menu")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        kind, _, index = choice.partition("-")
        if kind == "new":
            self.post_message(self.NewPlan())
        elif kind == "open":
            self.post_message(self.OpenPlan(None))
        elif kind == "draft":
            self.post_message(self.ResumeDraft(self._drafts[int(index)].path))
        elif kind == "recent":
            self.post_message(self.OpenPlan(self._recent[int(index)]))

    def action_new(self) -> None:
        self.post_message(self.NewPlan())

    def action_open(self) -> None:
        self.post_message(self.OpenPlan(None))
