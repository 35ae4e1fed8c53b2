"""Ctrl+E exports from every step, even with a text box focused; End still ends the line.

Input and TextArea bind Ctrl+E to "end of line", so on the steps (where a text box usually has
focus) the export key did nothing; only the Review, with its list focused, exported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from screens.export_dialog import ExportDialog
from screens.fields import widget_id
from tests.helpers.fraud_plan import edit_app, saved_fraud
from tests.helpers.tui import until, wizard


@pytest.mark.parametrize(("key", "kind"), [("context.company", Input), ("goals.outcome", TextArea)])
async def test_ctrl_e_exports_with_a_text_box_focused(
    tmp_path: Path, key: str, kind: type[Input | TextArea]
) -> None:
    app = edit_app(saved_fraud(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = wizard(pilot)
        await screen.jump_to(key)
        box = screen.query_one(f"#{widget_id(key)}", kind)
        await until(pilot, lambda: box.has_focus, f"the {key} text box")
        await pilot.press("home", "end")  # End still moves to the end of the line
        if isinstance(box, Input):
            assert box.cursor_position == len(box.value)
        else:  # the end of the row as wrapped on screen
            assert box.cursor_location[1] > 0
        before = box.text if isinstance(box, TextArea) else box.value
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back to the step")
        assert (box.text if isinstance(box, TextArea) else box.value) == before
