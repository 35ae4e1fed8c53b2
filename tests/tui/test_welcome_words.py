"""The welcome screen speaks the wizard's words and tells look-alike plans apart.

A founder saw "stopped at context" where the sidebar says "Company", and two recent plans of
one title that differed only deep inside their paths.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import tomli_w
from textual.content import Content
from textual.widgets import OptionList

from screens.app import HirewizApp
from screens.welcome import WelcomeScreen
from tests.helpers.paths import FRAUD
from wizard.answers import as_dict, get_checklist
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import build_plan, load_answers, save_plan


async def _menu_texts() -> list[str]:
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        menu = app.screen.query_one("#menu", OptionList)
        texts = []
        for index in range(menu.option_count):
            prompt = menu.get_option_at_index(index).prompt
            texts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
        return texts


def _draft(step: str) -> None:
    answers = as_dict(load_answers(FRAUD, get_checklist()).answers)
    drafts_dir().mkdir(parents=True, exist_ok=True)
    path = drafts_dir() / "new-20250101T000000-0001.toml"
    path.write_text(tomli_w.dumps({"draft": {"step": step}, "answers": answers}))


async def test_a_draft_names_its_step_as_the_sidebar_does() -> None:
    _draft("context")
    texts = " | ".join(await _menu_texts())
    assert "stopped at Company" in texts and "context" not in texts


async def test_a_draft_stopped_at_the_review_says_review() -> None:
    _draft("review")
    assert "stopped at Review" in " | ".join(await _menu_texts())


async def test_two_recent_plans_of_one_title_show_when_each_was_saved() -> None:
    checklist = get_checklist()
    plans_dir().mkdir(parents=True)
    first = plans_dir() / "fraud.toml"
    save_plan(first, build_plan(load_answers(FRAUD, checklist).answers, checklist))
    second = plans_dir() / "fraud-2.toml"
    shutil.copyfile(first, second)
    os.utime(first, (1_700_000_000, 1_700_000_000))
    texts = [t for t in await _menu_texts() if "First fraud ML engineer" in t]
    assert len(texts) == 2 and texts[0] != texts[1]
    assert all("saved 20" in t for t in texts)


async def test_a_plan_with_its_own_title_shows_no_save_time() -> None:
    checklist = get_checklist()
    plans_dir().mkdir(parents=True)
    path: Path = plans_dir() / "fraud.toml"
    save_plan(path, build_plan(load_answers(FRAUD, checklist).answers, checklist))
    texts = [t for t in await _menu_texts() if "First fraud ML engineer" in t]
    assert len(texts) == 1 and "saved" not in texts[0]
