"""Questions become widgets here, driven only by the checklist data.

Nothing in this module names a question: a field is built from a question's ``kind`` and
limits, so adding a question to ``checklists/questions.toml`` is enough for it to appear. Every
value a person enters goes through :func:`wizard.answers.parse_text` and
:func:`wizard.answers.set_value`, the same path the CLI uses, so the TUI cannot accept what a
headless ``hirewiz plan`` would refuse.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import (
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from checklists.loader import Checklist, Question, Step
from screens.plain import plain, styled
from wizard import labels
from wizard.answers import AnswerError, get_value, parse_text, set_value, visible
from wizard.models import Answers

# Questions mounted with a step; any beyond follow in batches once the step has painted.
FIRST_BATCH = 20
BATCH = 25

RADIO_MAX = 4  # up to this many choices read best as radio buttons; more fit a Select
CHOSEN = "✓ "  # a mark beside chosen options that needs no colour to be seen (NO_COLOR too)
NOT_CHOSEN = "  "


def example(question: Question) -> str:
    """The greyed hint of an empty field, worded so nobody mistakes it for an answer.

    A bare "4" in a time box read as a four-hour answer that was never given; "e.g. 4" in dim
    italics reads as what it is.
    """
    if question.placeholder:
        return f"e.g. {question.placeholder}"
    if question.kind == "int":
        return "a whole number"
    if question.kind == "list":
        return "one per line"
    return ""


class MarkedRadioButton(RadioButton):
    """A radio button whose dot is drawn only when chosen, so the choice shows without colour."""

    def __init__(self, label: object, value: bool = False, name: str | None = None) -> None:
        super().__init__(plain(label), value=value, name=name)
        self.BUTTON_INNER = "●" if value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        super().watch_value()


def field_id(key: str) -> str:
    return "field-" + key.replace(".", "--")


def widget_id(key: str) -> str:
    return "input-" + key.replace(".", "--")


def _text_of(question: Question, value: Any) -> str:
    if value is None:
        return ""
    if question.kind == "list":
        return "\n".join(str(v) for v in value)
    return str(value)


class AnswerValidator(Validator):
    """Runs the core's own checks on every keystroke so the reason appears beside the field."""

    def __init__(self, field: QuestionField) -> None:
        super().__init__()
        self.field = field

    def validate(self, value: str) -> ValidationResult:
        try:
            self.field.check(parse_text(self.field.question, value))
        except (ValueError, AnswerError) as exc:
            return self.failure(_reason(exc))
        return self.success()


def _marked(label: str, chosen: bool) -> Content:
    return plain((CHOSEN if chosen else NOT_CHOSEN) + label)


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, AnswerError) else str(exc)


class QuestionField(Vertical):
    """One question: prompt, required mark, help, the widget its kind calls for, and a reason."""

    class Edited(Message):
        """A field produced a new, valid value (``None`` clears the answer)."""

        def __init__(self, field: QuestionField, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class ReasonChanged(Message):
        """The field became valid or invalid, so the sidebar can flag its step."""

    class Refused(Message):
        """Text the core refused was typed: not an answer, but kept in the draft all the same."""

    def __init__(self, key: str, question: Question, form: StepForm) -> None:
        super().__init__(id=field_id(key), classes="field")
        self.key = key
        self.question = question
        self.form = form
        self._reason = ""
        self._typed: str | None = None

    def compose(self) -> ComposeResult:
        q = self.question
        mark = {
            "required": " [b $error]*[/]",
            # Optional to save, but empty it is a blocker: no "ready" verdict without it.
            "verdict": " [$warning](needed for a verdict)[/]",
            # Optional to save, but the advice is better with it.
            "recommended": " [$warning](recommended)[/]",
            "optional": " [dim](optional)[/]",
        }[labels.need(self.key, self.form.checklist)]
        yield Label(styled("[b]$prompt[/b]" + mark, prompt=q.prompt), classes="prompt")
        yield Static(plain(q.help), classes="help")
        pending = self.form.pending.get(self.key)
        yield self._make_widget(get_value(self.form.answers, self.key), pending)
        yield Static("", classes="reason")

    def on_mount(self) -> None:
        pending = self.form.pending.get(self.key)
        if pending is not None:
            self._typed = pending
            self._submit(lambda: parse_text(self.question, pending))

    def typed_text(self) -> str | None:
        """The last text typed into a text-like field, refused or not; ``None`` otherwise."""
        return self._typed

    def _make_widget(self, value: Any, pending: str | None = None) -> Widget:
        q, wid = self.question, widget_id(self.key)
        text = pending if pending is not None else _text_of(q, value)
        if q.kind in ("text", "int"):
            return Input(
                text,
                placeholder=plain(example(q)).plain,
                # Plain text with the reason shown beside it, never a widget that drops keys:
                # "150k" must not quietly become 150, nor a long answer be cut at the limit.
                type="text",
                validators=[AnswerValidator(self)],
                validate_on=["changed", "submitted"],
                # Tabbing into a filled field must not select it all: the next key would
                # silently replace an answer the founder meant to extend.
                select_on_focus=False,
                compact=True,
                id=wid,
            )
        if q.kind in ("longtext", "list"):
            area = TextArea(
                text,
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
                compact=True,
                placeholder=plain(example(q)),
                id=wid,
                classes=q.kind,
            )
            return area
        if q.kind == "bool":
            # Two radio buttons rather than a switch: a switch always shows yes or no, and an
            # unanswered question must look unanswered (docs/plan-file.md).
            return RadioSet(
                MarkedRadioButton("Yes", value=value is True, name="yes"),
                MarkedRadioButton("No", value=value is False, name="no"),
                compact=True,
                id=wid,
            )
        if q.kind == "choice" and len(q.choices) <= RADIO_MAX:
            return RadioSet(
                *[
                    MarkedRadioButton(c.label, value=c.value == value, name=c.value)
                    for c in q.choices
                ],
                compact=True,
                id=wid,
            )
        if q.kind == "choice":
            return Select[str](
                [(plain(c.label), c.value) for c in q.choices],
                value=value if value is not None else Select.NULL,
                allow_blank=value is None or not q.required,
                prompt="Choose one…",
                compact=True,
                id=wid,
            )
        chosen = set(value or [])
        return SelectionList[str](
            *[
                Selection(_marked(c.label, c.value in chosen), c.value, c.value in chosen)
                for c in q.choices
            ],
            compact=True,
            id=wid,
        )

    @property
    def control(self) -> Widget:
        return self.query_one(f"#{widget_id(self.key)}")

    def check(self, value: Any) -> Answers:
        """The answers this value would produce; raises AnswerError with the core's reason."""
        return set_value(self.form.answers, self.key, value, self.form.checklist)

    def show_reason(self, reason: str) -> None:
        if reason == self._reason:
            return
        self._reason = reason
        self.query_one(".reason", Static).update(plain(reason))
        if bool(reason) != self.invalid:
            self.set_class(bool(reason), "-invalid")
            self.post_message(self.ReasonChanged())

    @property
    def invalid(self) -> bool:
        return self.has_class("-invalid")

    def _submit(self, read: Any) -> None:
        try:
            value = read()
            self.check(value)
        except (ValueError, AnswerError) as exc:
            self.show_reason(_reason(exc))
            self.post_message(self.Refused())
            return
        self.show_reason("")
        self.post_message(self.Edited(self, value))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed = event.value
        self._submit(lambda: parse_text(self.question, event.value))

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed = event.text_area.text
        self._submit(lambda: parse_text(self.question, event.text_area.text))

    @on(RadioSet.Changed)
    def _radio_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        name = event.pressed.name
        self._submit(lambda: name == "yes" if self.question.kind == "bool" else name)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        self._submit(lambda: None if value is Select.NULL else value)

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        for index, choice in enumerate(self.question.choices):
            event.selection_list.replace_option_prompt_at_index(
                index, _marked(choice.label, choice.value in chosen)
            )
        ordered = [c.value for c in self.question.choices if c.value in chosen]
        self._submit(lambda: ordered)


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
        .step-title { color: $accent; text-style: bold; margin-top: 1; }
        .step-intro { color: $text-muted; margin-bottom: 1; }

        .field {
            height: auto;
            margin-bottom: 1;
            padding-left: 1;
            border-left: outer $panel;
        }
        .field:focus-within { border-left: thick $accent; background: $boost; }
        .field.-invalid { border-left: outer $error; }
        .field.-invalid:focus-within { border-left: thick $error; }
        .field .prompt { width: 1fr; }
        .field .help { color: $text-muted; }
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

    class Updated(Message):
        def __init__(self, form: StepForm, answers: Answers, key: str) -> None:
            super().__init__()
            self.form = form
            self.answers = answers
            self.key = key

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
        self._fields: list[QuestionField] = []
        self._pending_focus: str | None = None
        self.fully_mounted = len(step.questions) <= FIRST_BATCH

    def _field(self, q: Question) -> QuestionField:
        key = f"{self.step.id}.{q.id}"
        field = QuestionField(key, q, self)
        field.display = visible(key, self.answers, self.checklist)
        return field

    def compose(self) -> ComposeResult:
        yield Static(styled("[b]$title[/b]", title=self.step.title), classes="step-title")
        if self.step.intro:
            yield Static(plain(self.step.intro), classes="step-intro")
        for q in self.step.questions[:FIRST_BATCH]:
            yield self._field(q)

    def on_mount(self) -> None:
        if not self.fully_mounted:
            # A step with hundreds of questions would take seconds to mount and lay out before
            # anything shows; the first screenful paints now and the rest follows in batches.
            self.call_after_refresh(self.run_worker, self._mount_rest(), exclusive=True)

    async def _mount_rest(self) -> None:
        rest = self.step.questions[FIRST_BATCH:]
        for start in range(0, len(rest), BATCH):
            await asyncio.sleep(0)
            await self.mount_all([self._field(q) for q in rest[start : start + BATCH]])
            self._fields = []
        self.fully_mounted = True
        if self._pending_focus is not None:
            key, self._pending_focus = self._pending_focus, None
            self.focus_field(key)

    @on(QuestionField.Edited)
    def _edited(self, event: QuestionField.Edited) -> None:
        event.stop()
        try:
            updated = set_value(self.answers, event.field.key, event.value, self.checklist)
        except AnswerError as exc:
            event.field.show_reason(exc.reason)
            return
        if updated != self.answers:
            self.answers = updated
            self.post_message(self.Updated(self, updated, event.field.key))

    def sync(self, answers: Answers) -> None:
        """Take the orchestrator's latest draft and show or hide questions whose `when` changed."""
        self.answers = answers
        for field in self.query(QuestionField):
            shown = visible(field.key, answers, self.checklist)
            if field.display != shown:
                field.display = shown

    def fields(self) -> list[QuestionField]:
        # The sidebar asks every form for its fields on each step switch; a DOM query per call
        # made switching cost tens of milliseconds. The fields never change once mounted.
        if not self._fields:
            self._fields = list(self.query(QuestionField))
        return self._fields

    def problems(self) -> list[str]:
        """Keys of visible fields holding text the core refused."""
        return [f.key for f in self.fields() if f.display and f.invalid]

    def refused_text(self) -> dict[str, str]:
        """The refused text of every field holding some, by question key."""
        found = {}
        for f in self.fields():
            text = f.typed_text() if f.invalid else None
            if text is not None:
                found[f.key] = text
        return found

    def focus_field(self, key: str | None = None) -> None:
        """Focus a question's widget (the first visible one by default) and bring it into view."""
        if key is not None and not self.fully_mounted and all(f.key != key for f in self.fields()):
            self._pending_focus = key  # not mounted yet: focus it once it is
            return
        for field in self.fields():
            if not field.display or (key is not None and field.key != key):
                continue
            field.control.focus()
            if field is self.fields()[0]:
                self.call_after_refresh(self.scroll_home, animate=False)
            else:
                self.call_after_refresh(field.scroll_visible, top=True, animate=False)
            return
