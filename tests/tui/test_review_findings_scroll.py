"""A plan with many findings: Down on the Review moves through them and the page follows, so the
highlighted finding is always on screen (the list grows with the page; it does not scroll)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from screens.app import HirewizApp, start_for_file
from screens.wizard_screen import REVIEW
from tests.helpers.answers import saved_plan
from tests.helpers.tui import until, wizard
from wizard.answers import get_checklist
from wizard.cli import main as cli

GAPS = [
    "assessment.required_degree=phd",
    "assessment.take_home=generic_algorithms",
    "assessment.product_interview=false",
    "onboarding.buddy=false",
    "onboarding.plan_30_60_90=false",
    "onboarding.growth_budget=false",
    "onboarding.pipelines_documented=false",
    "team.partners=",
]


async def test_the_page_follows_the_highlighted_finding(tmp_path: Path) -> None:
    checklist = get_checklist()
    plan = tmp_path / "gaps.toml"
    saved_plan(plan)
    assert cli(["set", str(plan), *GAPS]) == 0
    app = HirewizApp(start_for_file(plan, checklist), checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = wizard(pilot)
        await screen.go(screen.order.index(REVIEW))
        review = screen.review
        assert review is not None
        findings = review.query_one("#findings", OptionList)
        await until(pilot, lambda: findings.has_focus, "the findings list to take focus")
        last = findings.option_count - 1
        assert last >= 5
        for _ in range(last):
            await pilot.press("down")
        await until(pilot, lambda: findings.highlighted == last, "the last finding")
        await pilot.pause()
        page = review.content_region
        # The bottom of the list (where the last finding is) is now inside the visible page.
        assert findings.region.bottom <= page.bottom + 1
        assert review.scroll_y > 0
