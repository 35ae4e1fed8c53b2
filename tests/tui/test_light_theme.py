"""Coloured words stay readable on the light theme.

On textual-light the verdict word was $success green on its own pale green tint, and the list
of missing answers $warning orange on light grey: about 2:1. The $text-* colours mix the text
colour in and stay readable on either theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.color import Color as RichColor
from textual.pilot import Pilot
from textual.widget import Widget

from screens.app import HirewizApp, start_for_file
from screens.help_screen import HelpScreen
from tests.helpers.paths import FRAUD
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist
from wizard.planfile import build_plan, load_answers, save_plan

READABLE = 3.0  # WCAG's minimum for bold or large text


def _luminance(color: RichColor | None) -> float:
    assert color is not None
    channels = [c / 255 for c in color.get_truecolor()]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(widget: Widget) -> float:
    """Contrast of the widget's text against what is behind it, as drawn."""
    style = widget.rich_style
    fore, back = _luminance(style.color), _luminance(style.bgcolor)
    return (max(fore, back) + 0.05) / (min(fore, back) + 0.05)


async def _review(pilot: Pilot[Any], theme: str) -> None:
    pilot.app.theme = theme
    await pilot.press("ctrl+r")
    await until(pilot, lambda: wizard(pilot).step_id == "review", "the review")
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_verdict_missing_and_help_headings_are_readable(tmp_path: Path, theme: str) -> None:
    checklist = get_checklist()
    plan = tmp_path / "plan.toml"
    save_plan(plan, build_plan(load_answers(FRAUD, checklist).answers, checklist))
    app = HirewizApp(start_for_file(plan, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await _review(pilot, theme)
        word = wizard(pilot).query_one("#verdict-word")
        assert contrast(word) >= READABLE, (theme, word.rich_style)

        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.pause()
        for heading in app.screen.query(".help-heading"):
            assert contrast(heading) >= READABLE, (theme, heading.rich_style)

    app = new_app(checklist)  # a new plan: the review lists what is missing
    async with app.run_test(size=(100, 30)) as pilot:
        await _review(pilot, theme)
        missing = wizard(pilot).query_one("#missing")
        assert contrast(missing) >= READABLE, (theme, missing.rich_style)
