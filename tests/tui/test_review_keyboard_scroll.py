"""Every part of the Review can be reached by keyboard, whatever has focus.

At 80x24 the Review is about five screens tall. The tester found PageDown and Down did nothing
with the findings list or a button focused (the list does not scroll itself, so it swallowed
the keys), and the recommended role, budget, job-post changes and onboarding could not be
reached without a mouse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, OptionList

from screens.app import HirewizApp
from screens.review import ReviewPane
from screens.wizard_screen import REVIEW
from tests.helpers.fraud_plan import edit_app, saved_fraud
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist

PARTS = ("#findings", "#role", "#post-changes", "#budget", "#onboarding", "#loop")
# Enough findings that the list is taller than the screen at 80x24.
GAPS = [
    "assessment.required_degree=phd",
    "assessment.take_home=generic_algorithms",
    "assessment.product_interview=false",
    "onboarding.buddy=false",
    "onboarding.plan_30_60_90=false",
    "onboarding.growth_budget=false",
    "team.partners=",
]


def _app(tmp_path: Path, gaps: bool) -> HirewizApp:
    return edit_app(saved_fraud(tmp_path, *(GAPS if gaps else [])))


async def _open_review(pilot: Pilot[Any]) -> ReviewPane:
    screen = wizard(pilot)
    await pilot.press("ctrl+r")
    await until(pilot, lambda: screen.step_id == REVIEW, "the review")
    review = screen.review
    assert review is not None
    findings = review.query_one("#findings", OptionList)
    await until(pilot, lambda: findings.has_focus, "the findings list to take focus")
    await until(pilot, lambda: review.max_scroll_y > 0, "the review to be taller than the view")
    return review


def _seen(review: ReviewPane) -> set[str]:
    """The parts of the Review with at least one row inside the visible page."""
    view = review.content_region
    seen = set()
    for selector in PARTS:
        part: Widget = review.query_one(selector)
        if part.display and part.region.intersection(view).area:
            seen.add(selector)
    return seen


def _shown(review: ReviewPane) -> set[str]:
    return {s for s in PARTS if review.query_one(s).display}


async def _press_until_bottom(
    pilot: Pilot[Any], review: ReviewPane, key: str, limit: int
) -> set[str]:
    """Press ``key`` until the page is at its end (failing after ``limit`` presses)."""
    seen = _seen(review)
    for _ in range(limit):
        if review.scroll_y >= review.max_scroll_y:
            break
        before = (review.scroll_y, pilot.app.focused)
        await pilot.press(key)
        await until(pilot, lambda: not review.is_scrolling, "the page to settle")
        await pilot.pause()
        seen |= _seen(review)
        if key != "down":  # Down may first walk through the findings without scrolling
            assert (review.scroll_y, pilot.app.focused) != before, f"{key} did nothing"
    assert review.scroll_y >= review.max_scroll_y, f"{key} never reached the end"
    return seen


@pytest.mark.parametrize(
    ("size", "gaps"),
    [((80, 24), False), ((80, 24), True), ((100, 30), True), ((120, 40), False)],
)
async def test_page_down_on_the_findings_reaches_every_part(
    tmp_path: Path, size: tuple[int, int], gaps: bool
) -> None:
    app = _app(tmp_path, gaps)
    async with app.run_test(size=size) as pilot:
        review = await _open_review(pilot)
        seen = await _press_until_bottom(pilot, review, "pagedown", 30)
        assert seen >= _shown(review)
        await pilot.press("home")
        await until(pilot, lambda: review.scroll_y == 0, "Home to go back to the top")
        await pilot.press("end")
        await until(pilot, lambda: review.scroll_y == review.max_scroll_y, "End to the bottom")


async def _settled(pilot: Pilot[Any], review: ReviewPane) -> float:
    await until(pilot, lambda: not review.is_scrolling, "the page to settle")
    await pilot.pause()
    return review.scroll_y


async def test_arrows_at_either_end_of_the_findings_move_the_page(tmp_path: Path) -> None:
    app = _app(tmp_path, True)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await _open_review(pilot)
        findings = review.query_one("#findings", OptionList)
        last = findings.option_count - 1
        for _ in range(last):
            await pilot.press("down")
        await until(pilot, lambda: findings.highlighted == last, "the last finding")
        below = await _settled(pilot, review)
        for _ in range(3):  # past the last finding the page goes on down
            await pilot.press("down")
            moved = await _settled(pilot, review)
            assert moved > below
            below = moved
        assert findings.highlighted == last
        for _ in range(last):
            await pilot.press("up")
        await until(pilot, lambda: findings.highlighted == 0, "the first finding")
        above = await _settled(pilot, review)
        assert above > 0  # the verdict above the list is not in view yet
        for _ in range(3):  # before the first finding the page goes on up
            await pilot.press("up")
            moved = await _settled(pilot, review)
            assert moved < above or moved == 0
            above = moved
        assert findings.highlighted == 0


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_page_keys_scroll_with_a_button_focused(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(tmp_path, True)
    async with app.run_test(size=size) as pilot:
        review = await _open_review(pilot)
        await pilot.press("tab")
        await until(pilot, lambda: isinstance(app.focused, Button), "a navigation button")
        seen = await _press_until_bottom(pilot, review, "pagedown", 30)
        assert seen >= _shown(review)
        assert isinstance(app.focused, Button)
        await pilot.press("home")
        await until(pilot, lambda: review.scroll_y == 0, "Home to go back to the top")
        await pilot.press("down")
        await until(pilot, lambda: review.scroll_y > 0, "Down to scroll the page")
        await pilot.press("end")
        await until(pilot, lambda: review.scroll_y == review.max_scroll_y, "End to the bottom")


async def test_tab_reaches_the_page_itself(tmp_path: Path) -> None:
    """The page takes focus in the Tab order (and shows it), where every scroll key works."""
    app = _app(tmp_path, False)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await _open_review(pilot)
        unfocused = review.styles.border_left
        for _ in range(8):
            if review.has_focus:
                break
            await pilot.press("tab")
        assert review.has_focus
        await pilot.pause()
        assert review.styles.border_left != unfocused  # a visible mark that the page has focus
        await _press_until_bottom(pilot, review, "pagedown", 30)


async def test_an_incomplete_review_focuses_the_page_not_the_hidden_list() -> None:
    """With answers missing there are no findings to show: focus must not sit on the hidden
    list (Enter and the arrows went nowhere), and the page scrolls from the first key."""
    app = new_app(get_checklist())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = wizard(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.step_id == REVIEW, "the review")
        review = screen.review
        assert review is not None
        await until(pilot, lambda: app.focused is not None, "something to take focus")
        assert not review.query_one("#findings").display
        assert review.has_focus
        await until(pilot, lambda: review.max_scroll_y > 0, "the list of missing answers")
        await pilot.press("pagedown")
        await until(pilot, lambda: review.scroll_y > 0, "PageDown to scroll")
