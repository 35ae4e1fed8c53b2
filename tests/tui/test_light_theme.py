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
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from screens.app import HirewizApp, start_for_file
from screens.help_screen import HelpScreen
from tests.helpers.fraud_plan import edit_app, saved_fraud
from tests.helpers.paths import FRAUD
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist, prune_hidden
from wizard.planfile import build_plan, load_answers, save_plan
from wizard.rules import derive

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


# --- the wizard's chrome, the welcome screen and the Review's scores --------------------------


def text_contrast(widget: Widget, text: str) -> float:
    """The lowest contrast of ``text`` as drawn inside ``widget`` (its coloured spans included:
    markup colours do not show in ``rich_style``)."""
    found = []
    for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
        for segment in strip:
            if text in segment.text and segment.style is not None:
                style = segment.style
                fore = _luminance(style.color or widget.rich_style.color)
                back = _luminance(style.bgcolor or widget.rich_style.bgcolor)
                found.append((max(fore, back) + 0.05) / (min(fore, back) + 0.05))
    assert found, f"{text!r} is not drawn in {widget}"
    return min(found)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_current_step_title_and_step_bar_are_readable(theme: str) -> None:
    """The current step in the list (orange on the blue-grey highlight), the step's title and
    the step bar's "required" count, each in either state of the step list."""
    app = new_app(get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await pilot.pause()
        screen = wizard(pilot)
        sidebar = screen.query_one("#sidebar")
        position = screen.query_one("#position")
        assert text_contrast(sidebar, "Company") >= READABLE, theme
        assert text_contrast(screen.query_one(".step-title"), "Company") >= READABLE, theme
        assert text_contrast(position, "required") >= READABLE, theme
        await pilot.press("ctrl+l")  # the list focused: the current step highlighted
        await until(pilot, lambda: sidebar.has_focus, "the step list")
        await pilot.pause()
        assert text_contrast(sidebar, "Company") >= READABLE, theme
        await pilot.press("down")  # the highlight on the next step, the current one plain
        await pilot.pause()
        assert text_contrast(sidebar, "Company") >= READABLE, theme
        assert text_contrast(sidebar, "Goals") >= READABLE, theme


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_welcome_logo_is_readable(theme: str) -> None:
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await pilot.pause()
        assert text_contrast(app.screen.query_one("#hero"), "hire") >= READABLE, theme


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_review_score_labels_and_role_are_readable(tmp_path: Path, theme: str) -> None:
    checklist = get_checklist()
    # A warning, so the review shows an ALMOST verdict, a lower score and a WARNING label.
    app = edit_app(saved_fraud(tmp_path, "assessment.take_home=generic_algorithms"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _review(pilot, theme)
        review = wizard(pilot).review
        assert review is not None
        r = derive(prune_hidden(wizard(pilot).session.answers, checklist), checklist).readiness
        score = review.query_one("#verdict-score")
        assert text_contrast(score, str(r.score)) >= READABLE, (theme, r.score)
        findings = review.query_one("#findings")
        assert text_contrast(findings, "WARNING") >= READABLE, theme
        assert text_contrast(findings, "TIP") >= READABLE, theme
        for box, title in [(findings, "Findings"), (review.query_one("#role"), "Recommended")]:
            assert text_contrast(box, title) >= READABLE, (theme, title)  # the boxes' titles
        role = derive(prune_hidden(wizard(pilot).session.answers, checklist), checklist).role
        assert text_contrast(review.query_one("#role-body"), role.title) >= READABLE, theme
