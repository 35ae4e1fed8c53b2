"""Started in a terminal below 80x24, hirewiz shows the "too small" notice on top.

The tester started a bare ``hirewiz`` at 70x20 and got the welcome screen: the notice had been
pushed first (the terminal's size arrives before the app mounts) and the welcome screen landed
on top of it, so the wizard opened normally at a size it says it cannot handle.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from screens.app import HirewizApp
from screens.confirm import ConfirmDialog
from screens.too_small import TooSmallScreen
from screens.welcome import WelcomeScreen
from tests.helpers.fraud_plan import edit_app, saved_fraud
from tests.helpers.tui import new_app, type_text, until, wizard
from wizard.answers import get_checklist
from wizard.paths import drafts_dir


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await until(pilot, lambda: not len(pilot.app.workers), "start-up work to finish")
    await pilot.pause()


async def test_welcome_at_70x20_opens_under_the_notice() -> None:
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(70, 20)) as pilot:
        await _settle(pilot)
        assert isinstance(app.screen, TooSmallScreen), app.screen_stack
        await pilot.press("n")  # keys go to the notice, not to the menu underneath
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen), app.screen_stack
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen), "the welcome screen")
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


async def test_new_plan_at_70x20_keeps_what_is_typed_once_the_window_grows() -> None:
    app = new_app(get_checklist())
    async with app.run_test(size=(70, 20)) as pilot:
        await _settle(pilot)
        assert isinstance(app.screen, TooSmallScreen), app.screen_stack
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: pilot.app.screen is wizard(pilot), "the wizard")
        await type_text(pilot, "Acme")
        assert wizard(pilot).session.answers.context.company == "Acme"
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


async def test_a_draft_offer_at_70x20_waits_for_the_window_to_grow(tmp_path: Path) -> None:
    """The question about a left-over draft is not put over the notice either."""
    plan = saved_fraud(tmp_path)
    first = edit_app(plan)
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+a")  # leave an unsaved change behind in a draft
        await type_text(pilot, "Changed")
        await until(
            pilot,
            lambda: not wizard(pilot).draft_pending and any(drafts_dir().glob("*.toml")),
            "the draft",
        )
        draft = next(drafts_dir().glob("*.toml"))
        kept = tmp_path / "draft.toml"
        shutil.copy(draft, kept)
    shutil.copy(kept, draft)  # as after a crash: the draft is still there

    app = edit_app(plan)
    async with app.run_test(size=(70, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the notice")
        for _ in range(5):  # the offer waits for a window big enough to answer it in
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen), app.screen_stack
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the offer")
        await pilot.press("enter")  # Resume
        await until(pilot, lambda: pilot.app.screen is wizard(pilot), "the wizard")
        await pilot.pause()
        assert app.screen is wizard(pilot), app.screen_stack
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
