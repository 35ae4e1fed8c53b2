"""Layout at the smallest supported size (80x24): a dropdown opened on the last visible row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select

from screens.app import HirewizApp, start_for_new
from screens.fields import widget_id
from wizard.answers import get_checklist

Snap = Callable[..., bool]


def test_open_select_on_the_last_row_80x24(snap_compare: Snap) -> None:
    """Tabbing to the role leaves its dropdown on the last row above the step bar; opened, the
    list slides up over its own field and leaves the step bar and the footer uncovered."""
    checklist = get_checklist()
    app = HirewizApp(start_for_new(checklist), checklist)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        select = app.screen.query_one(f"#{widget_id('context.planned_title')}", Select)
        while app.focused is not select:
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
