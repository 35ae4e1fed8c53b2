"""Drive the wizard from the keyboard only, the way a founder would, through Textual's public API.

Widget state is read to decide how many arrow presses are needed, but every change is made by
pressing keys, so the tests exercise the real bindings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.content import Content
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widgets import (
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    TextArea,
)

from checklists.loader import Checklist, Question, Step
from screens.app import HirewizApp, start_for_new
from screens.fields import QuestionField, field_id
from screens.wizard_screen import WizardScreen
from tests.helpers.paths import FRAUD
from wizard.answers import get_value, prune_hidden, set_value
from wizard.models import Answers
from wizard.planfile import load_answers


def walk_answers(checklist: Checklist) -> Answers:
    """The fraud-model fixture with short texts: every kind of widget, fewer key presses."""
    # Answers the wizard does not ask (the production follow-ups with no live model) are dropped.
    answers = prune_hidden(load_answers(FRAUD, checklist).answers, checklist)
    for key, value in {
        "context.plan_title": "Fraud hire",
        "goals.outcome": "Cut chargebacks",
        "goals.success_metric": "Chargeback rate 0.3%",
        "assessment.competencies": ["Fraud models"],
    }.items():
        answers = set_value(answers, key, value, checklist)
    return prune_hidden(answers, checklist)  # what a founder can enter: only questions shown


def copy_checklist(tmp_path: Path, extra: str = "") -> Path:
    """A copy of the shipped checklist data; ``extra`` TOML joins the last step's questions."""
    import shutil

    from checklists.loader import default_dir

    directory = tmp_path / "checklists"
    shutil.copytree(default_dir(), directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (directory / "questions.toml").open("a", encoding="utf-8") as fh:
        fh.write(extra)  # the file ends inside the last step, so new questions join it
    return directory


def wizard(pilot: Pilot[Any]) -> WizardScreen:
    for screen in reversed(pilot.app.screen_stack):
        if isinstance(screen, WizardScreen):
            return screen
    raise AssertionError(f"no wizard screen in {pilot.app.screen_stack}")


def new_app(checklist: Checklist, output: Path | None = None) -> HirewizApp:
    return HirewizApp(start_for_new(checklist, output), checklist)


class NoticedApp(HirewizApp):
    """The app, keeping every notice it was asked to show (after HirewizApp made it safe text).

    Textual keeps the live ones in a private list; ``App.notify`` hands each to the public
    ``Notify`` message, so watching ``post_message`` sees exactly what a toast would render.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[Notification] = []

    def post_message(self, message: Message) -> bool:
        if isinstance(message, Notify):
            self.notices.append(message.notification)
        return super().post_message(message)


async def until(pilot: Pilot[Any], condition: Any, what: str = "condition") -> None:
    """Let the app run until ``condition()`` holds: a wait for a state, never a fixed sleep.

    Gives up (and fails) after many refresh cycles, so a broken condition cannot hang the suite.
    """
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting for {what}")


# What a terminal sends as the character of a named key; other named keys carry none.
_KEY_CHARACTERS = {"enter": "\r", "space": " ", "tab": "\t"}


def _key_event(key: str) -> events.Key:
    """The ``Key`` event a terminal produces for a key name ("down") or one character ("%")."""
    if key == "\n":
        return events.Key("enter", "\r")
    if len(key) != 1:
        return events.Key(key, _KEY_CHARACTERS.get(key))
    if key == " ":
        return events.Key("space", " ")
    if key.isalnum():
        return events.Key(key, key)
    # No public API names the key a terminal reports for a punctuation character;
    # Pilot.press uses this same private function for it.
    from textual.keys import _character_to_key

    return events.Key(_character_to_key(key), key)


async def send_keys(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys like a fast typist: real key events, one settle at the end instead of per key.

    ``Pilot.press`` waits for the app to go idle after every key (60 ms or more a key, nearly
    all of it asleep), which makes typing whole answers slow; posting the same ``Key`` events to
    the app puts them in the queue the terminal driver feeds, so the normal key dispatch handles
    them in order. A key bound to an action ("ctrl+u", "down") runs it a little later than a
    character is inserted, so send action keys in their own call, before the text they affect;
    use ``Pilot.press`` when later keys need its effect finished (opening a dropdown).
    """
    for key in keys:
        event = _key_event(key)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` (a newline is Enter) with :func:`send_keys`."""
    await send_keys(pilot, *text)


async def enter_value(
    pilot: Pilot[Any], question: Question, field: QuestionField, value: Any
) -> None:
    """Make ``field`` hold ``value`` using keys only; the field's widget is focused."""
    control = field.control
    if question.kind in ("text", "int"):
        assert isinstance(control, Input)
        await send_keys(pilot, "end", "ctrl+u")  # bound keys settle before typing starts
        if value is not None:
            await type_text(pilot, str(value))
    elif question.kind in ("longtext", "list"):
        assert isinstance(control, TextArea)
        assert control.text == ""
        text = "\n".join(value) if isinstance(value, list) else (value or "")
        await type_text(pilot, text)
    elif isinstance(control, RadioSet):
        if value is None or get_value(wizard(pilot).session.answers, field.key) == value:
            return
        # Each button is named after its value ("yes"/"no" for a yes-or-no question); the
        # keyboard cursor is the button RadioSet styles with its documented "-selected" class.
        name = ("yes" if value else "no") if question.kind == "bool" else value
        buttons = list(control.query(RadioButton))
        for _ in range(len(buttons) + 1):
            if any(b.name == name and b.has_class("-selected") for b in buttons):
                break
            await send_keys(pilot, "down")
        await send_keys(pilot, "enter")
    elif isinstance(control, Select):
        if control.value == value:
            return
        label = next(c.label for c in question.choices if c.value == value)
        await pilot.press("enter")
        await pilot.pause()
        overlay = control.query_one(OptionList)  # the open dropdown is an OptionList
        for _ in range(len(question.choices) + 2):
            option = overlay.highlighted_option
            if option is not None and _plain(option.prompt) == _plain(label):
                break
            await pilot.press("down")
        await pilot.press("enter")
    else:
        assert isinstance(control, SelectionList)
        wanted = set(value or [])
        for index, choice in enumerate(question.choices):
            while control.highlighted != index:
                await send_keys(pilot, "down")
            if (choice.value in wanted) != (choice.value in control.selected):
                await send_keys(pilot, "space")
    await pilot.pause()


async def fill_step(pilot: Pilot[Any], step: Step, answers: Answers) -> None:
    """Answer every visible question of the current step, tabbing from field to field."""
    screen = wizard(pilot)
    assert screen.step_id == step.id
    form = screen.forms[step.id]
    await pilot.pause()
    for question in step.questions:
        key = f"{step.id}.{question.id}"
        field = form.query_one(f"#{field_id(key)}", QuestionField)
        if not field.display:
            continue
        focused = pilot.app.focused
        assert focused is not None and field in focused.ancestors_with_self, (key, focused)
        await enter_value(pilot, question, field, get_value(answers, key))
        assert not field.invalid, (key, field.query_one(".reason").render())
        await pilot.press("tab")


def _plain(text: object) -> str:
    """The characters of a prompt or label, whatever object Textual holds it in."""
    if isinstance(text, Content):
        return text.plain
    plain = getattr(text, "plain", None)
    return plain if isinstance(plain, str) else str(text)
