"""A step's questions as one form; a long step shows them a page at a time.

The form holds the draft's answers for its step and gives the verdict on every edit: a field
posts what was entered (:class:`~screens.fields.QuestionField.Edited`), the form runs it through
:func:`wizard.answers.parse_text` and :func:`wizard.answers.set_value` (the CLI's own path) and
tells the field the reason it was refused, or that it was fine.

A step with more than :data:`PAGE_SIZE` questions is split into pages. Laying out hundreds of
fields made switching to such a step take several frames, and mounting them all made opening
it take seconds; a page is mounted the first time it is shown and kept, so typed text stays in
its fields. Every question stays reachable by keyboard: PgDn at the end of a page and the
"More questions" button (Tab reaches it after the page's last field) turn the page, and
jumping to a question (the Review, the all-answers page) turns to its page first.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from checklists.loader import Checklist, Question, Step
from screens.fields import QuestionField
from screens.plain import plain, styled
from wizard import labels
from wizard.answers import AnswerError, get_value, parse_text, set_value, visible
from wizard.models import Answers

PAGE_SIZE = 12  # more than any shipped step has, so a page turn is only for long checklists


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, AnswerError) else str(exc)


class StepPage(Vertical):
    """The fields of one page of a step."""


class StepForm(VerticalScroll):
    """All questions of one step. It never moves the wizard on; it only reports new answers.

    The orchestrator hands it the current draft in :attr:`answers`; each valid edit produces an
    updated copy that is posted back in :class:`Updated`, and the orchestrator decides what
    follows (which steps are done, what the review says, when to autosave).
    """

    # The fields own their look. An empty field must look empty (its example dim, italic and
    # prefixed "e.g."), and the focused one must stand out in every theme and without colour:
    # a thick bar beside it and a tinted row, where other fields have a thin one.
    DEFAULT_CSS = """
    StepForm {
        padding: 0 2 0 1;
        height: 1fr;
        .step-title { color: $text-accent; text-style: bold; margin-top: 1; }
        .step-intro { color: $text-muted; margin-bottom: 1; }
        StepPage { height: auto; }
        .page-count { color: $text-muted; margin-bottom: 1; }
        .pager { height: auto; margin-bottom: 1; }
        .pager .page-count { width: 1fr; margin: 0; }
        .pager Button { margin-left: 1; min-width: 12; }

        .field {
            height: auto;
            margin-bottom: 1;
            padding-left: 1;
            border-left: outer $panel;
        }
        .field:focus-within { border-left: thick $accent; background: $boost; }
        .field.-invalid { border-left: outer $error; }
        .field.-invalid:focus-within { border-left: thick $error; }
        /* The help's colour; the prompt and its mark set their own (screens/fields.py). */
        .field .prompt { width: 1fr; color: $text-muted; }
        .field .reason { color: $error; height: auto; display: none; }
        .field.-invalid .reason { display: block; }

        .field Input, .field TextArea { background: $surface-darken-1; }
        .field Input:focus, .field TextArea:focus { background: $surface-darken-2; }
        .field Input > .input--placeholder,
        .field TextArea > .text-area--placeholder {
            color: $text-disabled;
            text-style: italic dim;
        }
        .field Input { width: 1fr; max-width: 72; }
        .field TextArea { height: 3; max-width: 80; }
        .field TextArea.list { height: 4; }
        .field RadioSet { width: auto; max-width: 80; }
        .field Select { width: 1fr; max-width: 60; }
        /* An open list gets a frame and a solid page, so nothing underneath shows beside it,
           and a height that leaves the status bar and the footer uncovered. */
        .field Select > SelectOverlay {
            border: tall $accent !important;  /* a compact list drops its frame otherwise */
            background: $surface;
            max-height: 10;
            /* Kept inside the screen less its last three rows (the step bar, two rows when it
               wraps, and the footer): a list opened near the bottom slides up over its own
               field instead. */
            margin-bottom: 3;
            constrain: none inside;
        }
        .field SelectionList {
            height: auto; max-height: 8; width: auto; min-width: 40; max-width: 80;
        }
    }
    """

    @dataclass
    class Updated(Message):
        """A valid edit changed the answers."""

        form: StepForm
        answers: Answers
        key: str

    @dataclass
    class ValidityChanged(Message):
        """A field turned valid or invalid, so the sidebar can flag the step."""

        form: StepForm
        key: str

    @dataclass
    class Refused(Message):
        """Text the core refused was typed: not an answer, but kept in the draft all the same."""

        form: StepForm
        key: str

    def __init__(
        self,
        step: Step,
        answers: Answers,
        checklist: Checklist,
        pending: dict[str, str] | None = None,
    ) -> None:
        super().__init__(id=f"step-{step.id}", classes="step-form")
        self.step = step
        self.answers = answers
        self.checklist = checklist
        self.pending = pending or {}  # refused text from a draft, put back into its fields
        self.keys = [f"{step.id}.{q.id}" for q in step.questions]
        self._page_keys = [
            self.keys[start : start + PAGE_SIZE] for start in range(0, len(self.keys), PAGE_SIZE)
        ]
        self.pages = [
            step.questions[start : start + PAGE_SIZE]
            for start in range(0, max(len(step.questions), 1), PAGE_SIZE)
        ]
        self.page = 0
        self._mounted: dict[int, StepPage] = {}
        self._page_fields: dict[int, list[QuestionField]] = {}
        self._fields: list[QuestionField] | None = None

    # --- building ------------------------------------------------------------------------------

    def _field(self, q: Question) -> QuestionField:
        key = f"{self.step.id}.{q.id}"
        field = QuestionField(
            key,
            q,
            need=labels.need(key, self.checklist),
            value=get_value(self.answers, key),
            pending=self.pending.get(key),
        )
        field.display = visible(key, self.answers, self.checklist)
        return field

    def _page(self, index: int) -> StepPage:
        fields = [self._field(q) for q in self.pages[index]]
        page = StepPage(*fields, id=f"page-{index}")
        self._mounted[index] = page
        self._page_fields[index] = fields
        self._fields = None
        return page

    def compose(self) -> ComposeResult:
        yield Static(styled("[b]$title[/b]", title=self.step.title), classes="step-title")
        if self.step.intro:
            yield Static(plain(self.step.intro), classes="step-intro")
        if self.paged:
            yield Static(self._count(), classes="page-count", id="page-count-top")
        yield self._page(0)
        if self.paged:
            with Horizontal(classes="pager"):
                yield Static(self._count(hint=True), classes="page-count", id="page-count")
                yield Button("‹ Previous", id="page-back", compact=True, disabled=True)
                yield Button("More questions ›", id="page-next", compact=True)

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1

    def _count(self, *, hint: bool = False) -> str:
        first = self.page * PAGE_SIZE + 1
        last = first + len(self.pages[self.page]) - 1
        text = f"Questions {first}–{last} of {len(self.keys)}"
        if hint and self.page < len(self.pages) - 1:
            text += " · PgDn at the end of the page for more"
        return text

    # --- pages ---------------------------------------------------------------------------------

    def page_of(self, key: str) -> int:
        return self.keys.index(key) // PAGE_SIZE if key in self.keys else self.page

    async def show_page(self, index: int, key: str | None = None) -> None:
        """Turn to page ``index`` (mounting it the first time) and focus ``key`` or its first
        question."""
        index = max(0, min(index, len(self.pages) - 1))
        if index not in self._mounted:
            await self.mount(self._page(index), before=self.query_one(".pager"))
        self.page = index
        for number, page in self._mounted.items():
            page.display = number == index
        self.query_one("#page-count-top", Static).update(self._count())
        self.query_one("#page-count", Static).update(self._count(hint=True))
        self.query_one("#page-back", Button).disabled = index == 0
        self.query_one("#page-next", Button).disabled = index == len(self.pages) - 1
        self.focus_field(key)

    def action_page_down(self) -> None:
        """PgDn scrolls the page; at its end it turns to the next one."""
        if self.paged and self.scroll_y >= self.max_scroll_y and self.page < len(self.pages) - 1:
            self.call_later(self.show_page, self.page + 1)
        else:
            super().action_page_down()

    def action_page_up(self) -> None:
        """PgUp scrolls the page; at its top it turns back to the previous one."""
        if self.paged and self.scroll_y <= 0 and self.page > 0:
            self.call_later(self.show_page, self.page - 1)
        else:
            super().action_page_up()

    @on(Button.Pressed, "#page-next")
    async def _next_page(self, event: Button.Pressed) -> None:
        event.stop()
        await self.show_page(self.page + 1)

    @on(Button.Pressed, "#page-back")
    async def _previous_page(self, event: Button.Pressed) -> None:
        event.stop()
        await self.show_page(self.page - 1)

    # --- answers -------------------------------------------------------------------------------

    @on(QuestionField.Edited)
    def _edited(self, event: QuestionField.Edited) -> None:
        """The verdict on an edit, given back to the field; a valid one updates the answers."""
        event.stop()
        field = event.field
        try:
            value = parse_text(field.question, event.raw) if event.typed else event.raw
            updated = set_value(self.answers, field.key, value, self.checklist)
        except (ValueError, AnswerError) as exc:
            if field.show_reason(_reason(exc)):
                self.post_message(self.ValidityChanged(self, field.key))
            self.post_message(self.Refused(self, field.key))
            return
        if field.show_reason(""):
            self.post_message(self.ValidityChanged(self, field.key))
        if updated != self.answers:
            self.answers = updated
            self.post_message(self.Updated(self, updated, field.key))

    def sync(self, answers: Answers) -> None:
        """Take the orchestrator's latest draft and show or hide questions whose `when` changed."""
        self.answers = answers
        for field in self.fields():
            shown = visible(field.key, answers, self.checklist)
            if field.display != shown:
                field.display = shown

    def fields(self) -> list[QuestionField]:
        """The fields built so far (every page shown once), in question order.

        The sidebar asks every form for its fields on each step switch and on every edit; a DOM
        query per call made switching cost tens of milliseconds, so the form keeps the list of
        the fields it built."""
        if self._fields is None:
            self._fields = [f for n in sorted(self._page_fields) for f in self._page_fields[n]]
        return self._fields

    def _unmounted(self) -> list[str]:
        """Keys of the questions on pages not shown yet (asked for every step on each switch)."""
        return [k for n, keys in enumerate(self._page_keys) if n not in self._mounted for k in keys]

    def problems(self) -> list[str]:
        """Keys of visible questions holding text the core refused (on any page)."""
        found = [f.key for f in self.fields() if f.display and f.invalid]
        found += [
            k
            for k in self._unmounted()
            if k in self.pending and visible(k, self.answers, self.checklist)
        ]
        return found

    def refused_text(self) -> dict[str, str]:
        """The refused text of every question holding some, by question key."""
        found = {k: self.pending[k] for k in self._unmounted() if k in self.pending}
        for f in self.fields():
            text = f.typed_text() if f.invalid else None
            if text is not None:
                found[f.key] = text
        return found

    def focus_field(self, key: str | None = None) -> None:
        """Focus a question's widget (the first visible one by default) and bring it into view;
        a question on another page turns to that page first."""
        if key is not None and self.page_of(key) != self.page:
            self.call_later(self.show_page, self.page_of(key), key)
            return
        shown = [f for f in self._page_fields[self.page] if f.display]
        for field in shown:
            if key is not None and field.key != key:
                continue
            field.control.focus()
            if field is shown[0]:
                self.call_after_refresh(self.scroll_home, animate=False)
            else:
                self.call_after_refresh(field.scroll_visible, top=True, animate=False)
            return
