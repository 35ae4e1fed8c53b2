"""One question becomes one widget here, driven only by the checklist data.

Nothing in this module names a question: a field is built from a question's ``kind`` and
limits, so adding a question to ``checklists/questions.toml`` is enough for it to appear. A
field only reports what was entered; :class:`screens.step_form.StepForm` runs it through
:func:`wizard.answers.parse_text` and :func:`wizard.answers.set_value`, the same path the CLI
uses, so the TUI cannot accept what a headless ``hirewiz plan`` would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import (
    Input,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from checklists.loader import Question
from screens.plain import plain, styled
from wizard import labels

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


class FieldInput(Input):
    """A one-line text box whose typing repaints the box, not the whole screen's layout.

    Textual's Input records its text's width in ``virtual_size`` on every key, and that
    reactive asks for a layout of the whole screen: on a form of some fifty widgets that layout
    was most of what a key press cost. A field's box has a fixed size (one row, its width set
    by the form's CSS), so nothing around it can move; scrolling within the box reads the
    virtual width directly and still follows the cursor.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


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


def _marked(label: str, chosen: bool) -> Content:
    return plain((CHOSEN if chosen else NOT_CHOSEN) + label)


MARKS: dict[labels.Need, str] = {
    # Glued to the prompt's last word (no space): a wrapped prompt never leaves it on a line
    # of its own, where it would read as a stray symbol.
    "required": "[b $error]*[/]",
    # Optional to save, but empty it is a blocker: no "ready" verdict without it.
    "verdict": " [$warning](needed for a verdict)[/]",
    # Optional to save, but the advice is better with it.
    "recommended": " [$warning](recommended)[/]",
    "optional": " [dim $foreground](optional)[/]",
}


def heading(question: Question, need: labels.Need) -> Content:
    """A question's prompt, its need mark and its help, as one block of text.

    One widget instead of two: every widget on a form is styled, laid out and painted again
    when the founder switches steps, and that per-widget cost was most of a switch.
    """
    return styled(
        "[b $foreground]$prompt[/]" + MARKS[need] + "\n$help",
        prompt=question.prompt.rstrip(),
        help=question.help,
    )


class QuestionField(Vertical):
    """One question: prompt, need mark, help, the widget its kind calls for, and a reason.

    A field knows nothing of the form around it or of the other answers. It is built with what
    it shows (its question, how much it matters, the value or refused text to start from), it
    posts what the founder entered as :class:`Edited`, and whoever holds the answers gives the
    verdict back through :meth:`show_reason`.
    """

    @dataclass
    class Edited(Message):
        """The founder changed the field: ``raw`` is what was typed when ``typed`` (the form
        parses it as the CLI would), otherwise the chosen value (``None`` clears the answer)."""

        field: QuestionField
        raw: Any
        typed: bool = False

        @property
        def control(self) -> QuestionField:
            return self.field

    def __init__(
        self,
        key: str,
        question: Question,
        *,
        need: labels.Need,
        value: Any = None,
        pending: str | None = None,
    ) -> None:
        super().__init__(id=field_id(key), classes="field")
        self.key = key
        self.question = question
        self.need = need
        self.initial = value
        self.pending = pending  # refused text from a draft, put back as typed
        self._reason = ""
        self._reason_box: Static | None = None  # mounted the first time a reason is shown
        self._typed: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(heading(self.question, self.need), classes="prompt")
        yield self._make_widget(self.initial, self.pending)

    def on_mount(self) -> None:
        if self.pending is not None:
            self._typed = self.pending
            self.post_message(
                self.Edited(self, self.pending, typed=True)
            )  # its reason shows at once

    def typed_text(self) -> str | None:
        """The last text typed into a text-like field, refused or not; ``None`` otherwise."""
        return self._typed

    def _make_widget(self, value: Any, pending: str | None = None) -> Widget:
        q, wid = self.question, widget_id(self.key)
        text = pending if pending is not None else _text_of(q, value)
        if q.kind in ("text", "int"):
            return FieldInput(
                text,
                placeholder=plain(example(q)).plain,
                # Plain text with the reason shown beside it, never a widget that drops keys:
                # "150k" must not quietly become 150, nor a long answer be cut at the limit.
                type="text",
                validate_on=[],  # the form gives the verdict: see show_reason
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

    def show_reason(self, reason: str) -> bool:
        """The verdict on what was entered: the core's reason it was refused, or ``""``.

        Returns whether the field turned valid or invalid, for the caller to pass on (a message
        posted from here would carry the caller as its sender and stop bubbling there)."""
        if reason == self._reason:
            return False
        self._reason = reason
        if self._reason_box is None:
            # Most fields never show a reason: one widget fewer per field on every switch.
            self._reason_box = Static(plain(reason), classes="reason")
            self.mount(self._reason_box)
        else:
            self._reason_box.update(plain(reason))
        if isinstance(self.control, Input):
            self.control.set_class(bool(reason), "-invalid")
        if bool(reason) == self.invalid:
            return False
        self.set_class(bool(reason), "-invalid")
        return True

    @property
    def invalid(self) -> bool:
        return self.has_class("-invalid")

    def _typed_in(self, text: str) -> None:
        self._typed = text
        self.post_message(self.Edited(self, text, typed=True))

    def _chosen(self, value: Any) -> None:
        self.post_message(self.Edited(self, value))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed_in(event.value)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed_in(event.text_area.text)

    @on(RadioSet.Changed)
    def _radio_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        name = event.pressed.name
        self._chosen(name == "yes" if self.question.kind == "bool" else name)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._chosen(None if event.value is Select.NULL else event.value)

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        for index, choice in enumerate(self.question.choices):
            event.selection_list.replace_option_prompt_at_index(
                index, _marked(choice.label, choice.value in chosen)
            )
        ordered = [c.value for c in self.question.choices if c.value in chosen]
        self._chosen(ordered)
