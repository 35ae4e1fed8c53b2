"""The step bar says in full how many required answers are left, here and in the whole plan.

At 80 columns "Step 1/8 · Company · required: 6 here, 32 in plan" was cut after "here,".
"""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Static

from screens.wizard_screen import WizardScreen
from tests.helpers.tui import new_app, until, wizard
from wizard.answers import get_checklist


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_step_bar_is_never_cut(size: tuple[int, int]) -> None:
    app = new_app(get_checklist())
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.pause()
        position = wizard(pilot).query_one("#position", Static)
        shown = " ".join(
            strip.text.strip() for strip in position.render_lines(Region(0, 0, *position.size))
        )
        assert "required: " in shown and shown.endswith("in plan"), shown
        # ...and all of it on screen: the bar is as tall as its text.
        bar = wizard(pilot).query_one("#nav")
        assert bar.region.contains_region(position.region), (bar.region, position.region)
