"""An open dropdown stays between the header and the step bar, wherever its field sits.

Each Select is reached by tabbing forward from the top of its step, the way a founder gets
there, which leaves it on the last visible row when the step is longer than the screen: the
worst place to open a list downwards.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Footer, Header, OptionList, Select

from screens.fields import RADIO_MAX, widget_id
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist


def _select_keys() -> list[str]:
    checklist = get_checklist()
    return [
        key for key, q in checklist.questions() if q.kind == "choice" and len(q.choices) > RADIO_MAX
    ]


def test_the_checklist_has_dropdowns_to_check() -> None:
    assert _select_keys()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_an_open_list_never_covers_the_chrome(size: tuple[int, int]) -> None:
    checklist = get_checklist()
    app = new_app(checklist)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        for key in _select_keys():
            step_id = key.partition(".")[0]
            first = checklist.step(step_id).questions[0].id
            await screen.jump_to(f"{step_id}.{first}")
            select = screen.query_one(f"#{widget_id(key)}", Select)
            await until(pilot, lambda: app.focused is not None, "a focused field")
            for _ in range(40):
                if app.focused is select:
                    break
                await pilot.press("tab")
            assert app.focused is select, key
            await _check_open_list(pilot, select, key, size)


async def _check_open_list(pilot: Pilot[Any], select: Select[str], key: str, size: Any) -> None:
    """Open the focused dropdown, check where its list lands, close it again."""
    screen = pilot.app.screen
    await pilot.press("enter")
    overlay = select.query_one(OptionList)  # the open list (Select's overlay is an OptionList)
    await until(pilot, lambda: overlay.has_focus and overlay.region.height > 0, "the list")
    await pilot.pause()
    chrome = {
        "header": screen.query_one(Header).region,
        "step bar": screen.query_one("#nav").region,
        "footer": screen.query_one(Footer).region,
    }
    for name, region in chrome.items():
        assert not overlay.region.overlaps(region), (key, size, name, overlay.region)
    assert Region(0, 0, *size).contains_region(overlay.region), (key, overlay.region)
    # A solid page inside a frame: nothing from underneath shows beside the options.
    assert overlay.styles.border_left[0] != "" and overlay.styles.background.a == 1
    await pilot.press("escape")
    await until(pilot, lambda: not select.expanded, "the list closed")
