"""Every answer at once, grouped by step: read the whole plan, press Enter to edit one.

An OptionList draws only the rows on screen, so a checklist with a thousand questions opens as
fast as a short one. Answers are data and shown as text; a very long one is cut short, and
what wraps stays indented under its question (a wrapped line used to start at the left edge,
where it read as a heading).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from checklists.loader import Checklist, Question
from screens.footer import QuietFooter
from screens.plain import shown, styled
from wizard.answers import get_value, visible
from wizard.models import Answers

LONGEST = 160  # characters of an answer shown before it is cut with "…"


def row(prompt: str, answer: str, answered: bool) -> Group:
    """A question and its answer beneath it, each wrapping under its own first line."""
    return Group(
        Padding(Text(shown(prompt)), (0, 0, 0, 2)),
        Padding(Text(shown(answer), style="bold" if answered else "dim"), (0, 0, 0, 4)),
    )


def answer_text(question: Question, value: Any) -> str:
    """How an answer reads in the list: choice labels, yes/no, one line."""
    if value is None or value == [] or value == "":
        return "not answered"
    if question.kind == "bool":
        return "Yes" if value else "No"
    if question.kind == "choice":
        return question.label_for(value)
    if question.kind == "multi":
        return ", ".join(question.label_for(v) for v in value)
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


class AnswersScreen(Screen[str | None]):
    """Returns the key of the answer to edit, or ``None`` (Escape) to go back unchanged."""

    DEFAULT_CSS = """
    AnswersScreen {
        #answers { height: 1fr; border: round $primary-darken-2; }
        #answers:focus { border: round $accent; }
        #answers-hint { height: 1; padding: 0 1; color: $text-muted; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="answers.back"),
    ]

    def __init__(self, answers: Answers, checklist: Checklist) -> None:
        super().__init__()
        self.answers = answers
        self.checklist = checklist

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Every answer · Enter edits the highlighted one", id="answers-hint")
        yield OptionList(*self._options(), id="answers")
        yield QuietFooter()

    def _options(self) -> list[Option | None]:
        rows: list[Option | None] = []
        for step in self.checklist.steps:
            if rows:
                rows.append(None)  # a separator line between steps
            title = styled("[b $text-accent]$title[/]", title=step.title)
            rows.append(Option(title, disabled=True))
            for q in step.questions:
                key = f"{step.id}.{q.id}"
                if not visible(key, self.answers, self.checklist):
                    continue
                value = get_value(self.answers, key)
                answered = value not in (None, [], "")
                rows.append(Option(row(q.prompt, answer_text(q, value), answered), id=key))
        return rows

    def on_mount(self) -> None:
        self.title = "hirewiz"
        self.sub_title = "All answers"
        answers = self.query_one("#answers", OptionList)
        answers.focus()
        answers.action_first()

    @on(OptionList.OptionSelected, "#answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
