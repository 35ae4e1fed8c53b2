"""Any text, anywhere: brackets, markup tags, control characters and 10,000-character lines go
into every text answer, a draft and the library, and every screen is walked, the welcome screen
and the Review included. Nothing may crash and nothing may be read as markup."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, OptionList

from screens.fields import QuestionField, widget_id
from screens.welcome import WelcomeScreen
from tests.helpers.paths import FRAUD
from tests.helpers.tui import NoticedApp, wizard
from wizard.answers import AnswerError, as_dict, get_checklist, parse_text, set_value
from wizard.models import Answers
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import build_plan, load_answers, save_plan

PIECES = [
    "[",
    "]",
    "[/]",
    "[b]",
    "[/b]",
    "[link=https://x.example]",
    "[@click=app.quit]",
    "$accent",
    "[$error]",
    "\\",
    "\\[",
    "\x1b[31m",
    "\x07",
    "\x85",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\n",
    "\t",
    "é",
    "中文",
    "🙂",
    "a",
    " ",
    "ML hire [remote",
    "... [by Q3",
]
TEXTS = st.tuples(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=25).map("".join),
    st.sampled_from(["", "x" * 10_000, "[" * 10_000]),
).map(lambda parts: parts[0] + parts[1])


def _answers_with(text: str) -> Answers:
    """The fixture's answers with ``text`` in every text question that accepts it (as much of
    it as fits); refused text is typed into the form later instead."""
    checklist = get_checklist()
    answers = load_answers(FRAUD, checklist).answers
    for step in checklist.steps:
        for q in step.questions:
            if q.kind not in ("text", "longtext", "list"):
                continue
            key = f"{step.id}.{q.id}"
            for candidate in (text, text[: q.max_length or 200]):
                if not candidate.strip():
                    continue  # an empty answer is just a missing one
                try:
                    answers = set_value(answers, key, parse_text(q, candidate), checklist)
                    break
                except (AnswerError, ValueError):
                    continue
    return answers


async def _walk(text: str, home: Path) -> None:
    checklist = get_checklist()
    answers = _answers_with(text)
    plans_dir().mkdir(parents=True)
    plan = plans_dir() / "fuzz.toml"
    save_plan(plan, build_plan(answers, checklist))
    drafts_dir().mkdir(parents=True)
    (drafts_dir() / "new--fuzz.toml").write_text(
        tomli_w.dumps({"draft": {"step": text[:50]}, "answers": as_dict(answers)})
    )
    # A file no loader would accept, but whose title the welcome screen still peeks at.
    (plans_dir() / "raw.toml").write_text(tomli_w.dumps({"meta": {"title": text}}))

    app = NoticedApp(checklist=checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one("#menu", OptionList).option_count >= 4
        app.screen.post_message(WelcomeScreen.OpenPlan(plan))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.notices, [n.message for n in app.notices]
        screen = wizard(pilot)
        for index in range(len(screen.order)):
            await screen.go(index)
            await pilot.pause()
        assert screen.step_id == "review"
        await screen.go(0)
        await pilot.pause()
        for field in screen.query(QuestionField):
            if field.question.kind == "text":
                field.query_one(f"#{widget_id(field.key)}", Input).value = text
        await pilot.pause()
        await screen.go(len(screen.order) - 1)
        await pilot.pause()
    assert home.is_dir()


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXTS)
def test_any_text_in_any_answer_never_crashes_a_screen(text: str) -> None:
    saved = os.environ.get("HIREWIZ_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HIREWIZ_HOME"] = tmp
        try:
            asyncio.run(_walk(text, Path(tmp)))
        finally:
            if saved is not None:
                os.environ["HIREWIZ_HOME"] = saved
