"""Text from a plan, an answer, a path or an error is shown as text, never run as markup.

Each test reproduces a crash or a live-markup injection found on the old screens: a ``[`` in a
title or an outcome, a key named ``[/]``, ``[@click=…]`` in a refused value.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from textual.content import Content
from textual.widgets import OptionList, Static

from screens.app import HirewizApp, start_for_file, start_for_new
from screens.welcome import WelcomeScreen
from tests.helpers.answers import saved_plan
from tests.helpers.paths import FRAUD
from tests.helpers.tui import NoticedApp, wizard
from wizard.answers import as_dict, get_checklist
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import load_answers

INJECTIONS = "[@click=app.quit]x [link=https://evil.example]y[/link]"


def _draft_file(title: str) -> Path:
    """A draft as an earlier hirewiz leaves it, written by hand so the test needs no API."""
    answers = as_dict(load_answers(FRAUD, get_checklist()).answers)
    answers["context"]["plan_title"] = title
    drafts_dir().mkdir(parents=True, exist_ok=True)
    path = drafts_dir() / "new-20250101T000000-0001.toml"
    path.write_text(tomli_w.dumps({"draft": {"step": "goals [x"}, "answers": answers}))
    return path


def _live_markup(content: Content) -> list[str]:
    """Links and actions in rendered content: none may come from data."""
    found = []
    for span in content.spans:
        style = str(span.style)
        if "link" in style or "@click" in style or "click" in style:
            found.append(style)
    return found


def _option_texts(menu: OptionList) -> list[str]:
    texts = []
    for index in range(menu.option_count):
        prompt = menu.get_option_at_index(index).prompt
        texts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return texts


async def test_welcome_lists_a_draft_and_a_plan_whose_titles_hold_brackets() -> None:
    _draft_file("ML hire [remote")
    plans_dir().mkdir(parents=True)
    saved_plan(plans_dir() / "p.toml", {"context.plan_title": "Lead [/] hire [b]now"})
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        texts = " | ".join(_option_texts(app.screen.query_one("#menu", OptionList)))
        assert "“ML hire [remote”" in texts
        assert "stopped at goals [x" in texts
        assert "Lead [/] hire [b]now" in texts


async def test_review_shows_an_outcome_with_an_open_bracket(tmp_path: Path) -> None:
    path = saved_plan(
        tmp_path / "p.toml",
        {
            "goals.outcome": "Cut fraud losses [by Q3",
            "context.company": "Acme [/] Ltd",
            "goals.success_metric": INJECTIONS,
        },
    )
    app = HirewizApp(start_for_file(path, get_checklist()), get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = wizard(pilot)
        assert screen.step_id == "review"
        assert "Acme [/] Ltd" in str(screen.sub_title)
        for static in screen.query(Static):
            visual = static.visual
            assert not _live_markup(visual if isinstance(visual, Content) else Content(""))


async def _open_from_welcome(path: Path) -> list[Content]:
    """Open ``path`` from the welcome screen; the notices shown, as a toast renders them."""
    app = NoticedApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.post_message(WelcomeScreen.OpenPlan(path))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        notes = app.notices
        assert notes, "the failure is told in a notice"
        # What Toast.render does with a notification's message.
        return [Content.from_markup(n.message) if n.markup else Content(n.message) for n in notes]


async def test_a_key_named_close_tag_is_reported_not_crashed_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[answers.context]\n"[/]" = 1\n')
    shown = (await _open_from_welcome(bad))[0]
    assert "[/]: unknown key" in shown.plain


async def test_markup_in_a_refused_value_is_not_a_live_link_or_action(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(f"schema_version = 1\n[answers.context]\nml_staff = {INJECTIONS!r}\n")
    shown = (await _open_from_welcome(bad))[0]
    assert "[@click=app.quit]x" in shown.plain
    assert not _live_markup(shown)


async def test_control_characters_in_a_peeked_title_are_escaped_on_the_welcome_screen() -> None:
    plans_dir().mkdir(parents=True)
    # Not a valid plan (the loader refuses controls), but the welcome screen only peeks titles.
    (plans_dir() / "odd.toml").write_text('[meta]\ntitle = "Ev\\u001b[31mil\\u202e tab"\n')
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        texts = " | ".join(_option_texts(app.screen.query_one("#menu", OptionList)))
        assert "\x1b" not in texts and "\u202e" not in texts
        assert "Ev\\x1b[31mil" in texts


async def test_an_uncaught_exception_writes_the_draft_and_exits_non_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)

    def boom() -> None:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("Z")  # typed, and still inside the 0.4 s autosave delay
            app.call_later(boom)
            await pilot.pause()
    from screens.app import exit_report

    assert app.return_code == 1
    assert len(app.rescued) == 1
    draft = tomllib.loads(app.rescued[0].read_text())
    assert draft["answers"]["context"]["company"] == "Z"
    assert exit_report(app, None) == 1
    last = capsys.readouterr().err.rstrip("\n").splitlines()[-1]  # after Textual's traceback
    assert last.startswith("hirewiz: internal error (RuntimeError); your answers are saved in")
    assert str(app.rescued[0]) in last


async def test_palette_and_sidebar_show_a_step_title_with_brackets(tmp_path: Path) -> None:
    from checklists.loader import load_checklist
    from tests.helpers.tui import copy_checklist, new_app, type_text

    directory = copy_checklist(tmp_path)
    questions = directory / "questions.toml"
    questions.write_text(
        questions.read_text().replace('title = "Goals"', 'title = "Goals [/] [link=x]y"', 1)
    )
    checklist = load_checklist(directory=directory)
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sidebar = wizard(pilot).query_one("#sidebar", OptionList)
        assert any("Goals [/] [link=x]y" in text for text in _option_texts(sidebar))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Goals")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert wizard(pilot).step_id == "goals"
