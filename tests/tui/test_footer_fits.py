"""The footer always shows how to get help, the step list and how to quit, and no key runs off
the edge.

At 80x24 Textual's Footer let "^l Steps" and "F1 Help" fall off the right edge and docked the
palette key over what was left.
"""

from __future__ import annotations

import itertools
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from screens.answers_screen import AnswersScreen
from screens.footer import QuietFooter
from screens.welcome import WelcomeScreen
from screens.wizard_screen import WizardScreen
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist


def _laid_out(screen: Screen[Any]) -> bool:
    keys = list(screen.query_one(Footer).query(FooterKey))
    return bool(keys) and all(key.region.width for key in keys)


def _shown(screen: Screen[Any]) -> list[FooterKey]:
    """The footer's keys, checked to sit inside it side by side."""
    footer = screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    for key in keys:
        assert footer.region.contains_region(key.region), (key.description, key.region)
    for left, right in itertools.pairwise(keys):
        assert not left.region.overlaps(right.region), (left.description, right.description)
    return keys


def _descriptions(screen: Screen[Any]) -> set[str]:
    return {key.description for key in _shown(screen)}


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_help_and_steps_always_show(size: tuple[int, int]) -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        screen = wizard(pilot)
        for index, step_id in enumerate(screen.order):
            await screen.go(index)
            await pilot.pause()
            await until(pilot, lambda: _laid_out(screen), "the footer")
            assert {"Help", "Steps", "Next", "Back", "Quit"} <= _descriptions(screen), step_id
        assert "Kit" in _descriptions(screen)  # the Review's own key

        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, AnswersScreen), "all answers")
        await until(pilot, lambda: _laid_out(app.screen), "its footer")
        assert {"Back", "Help"} <= _descriptions(app.screen)
        await pilot.press("escape")

        await app.push_screen(WelcomeScreen())
        await until(pilot, lambda: _laid_out(app.screen), "the welcome footer")
        assert {"New plan", "Help", "Quit"} <= _descriptions(app.screen)


class _Keys(Screen[None]):
    """The wizard's keys on a bare screen, to lay the footer out at any width."""

    BINDINGS: ClassVar[list[BindingType]] = WizardScreen.BINDINGS

    def compose(self) -> ComposeResult:
        yield QuietFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True


class _KeysApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(_Keys())


@pytest.mark.parametrize("width", [70, 60, 50])
async def test_narrow_footers_drop_the_least_important_keys(width: int) -> None:
    app = _KeysApp()
    async with app.run_test(size=(width, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, _Keys) and _laid_out(app.screen))
        shown = _descriptions(app.screen)
        assert {"Help", "Steps"} <= shown, shown
        assert "Save as" not in shown  # the first to go: F2 is in the help and the palette


async def test_a_resize_refits_the_footer() -> None:
    app = _KeysApp()
    async with app.run_test(size=(120, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, _Keys) and _laid_out(app.screen))
        assert "Save as" in _descriptions(app.screen)
        await pilot.resize_terminal(60, 20)
        await until(pilot, lambda: "Save as" not in _descriptions(app.screen), "a refit")
        assert {"Help", "Steps"} <= _descriptions(app.screen)
