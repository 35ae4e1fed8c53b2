"""A long plan title in the welcome menu wraps under its own text, not back to the left edge.

The tester saw a recent plan's long title continue on the next row under the menu's "+" and
"»" markers, where it read as a new entry.
"""

from __future__ import annotations

import tomli_w
from textual.geometry import Region
from textual.widgets import OptionList

from screens.app import HirewizApp
from screens.welcome import WelcomeScreen
from tests.helpers.paths import FRAUD
from wizard.answers import as_dict, get_checklist, set_value
from wizard.library import remember
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import build_plan, load_answers, save_plan

LONG = (
    "Our first machine-learning engineer for fraud and payment risk, reporting to the CTO in Berlin"
)


def _long_plan_and_draft() -> None:
    checklist = get_checklist()
    answers = set_value(
        load_answers(FRAUD, checklist).answers, "context.plan_title", LONG, checklist
    )
    plans_dir().mkdir(parents=True, exist_ok=True)
    plan = plans_dir() / "long.toml"
    save_plan(plan, build_plan(answers, checklist))
    remember(plan)
    drafts_dir().mkdir(parents=True, exist_ok=True)
    draft = drafts_dir() / "new-20250101T000000-0001.toml"
    draft.write_text(tomli_w.dumps({"draft": {"step": "goals"}, "answers": as_dict(answers)}))


def _column(line: str, text: str) -> int:
    at = line.find(text)
    assert at >= 0, (text, line)
    return at


async def test_long_titles_wrap_under_their_own_text() -> None:
    _long_plan_and_draft()
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        menu = app.screen.query_one("#menu", OptionList)
        lines = [
            strip.text
            for strip in menu.render_lines(Region(0, 0, menu.size.width, menu.size.height))
        ]
        starts = [i for i, line in enumerate(lines) if "Our first" in line]
        assert len(starts) == 2, lines  # the draft and the recent plan
        for start in starts:
            first = lines[start]
            indent = _column(first, "Our first")
            if "Resume" in first:
                indent = _column(first, "Resume")
            following = lines[start + 1]
            assert "Berlin" not in first, first  # the title did wrap at 80 columns
            body = following.strip("│ ")
            assert body, lines
            # The next row starts exactly where the text of the first row did.
            assert _column(following, body[:10]) == indent, (first, following)
