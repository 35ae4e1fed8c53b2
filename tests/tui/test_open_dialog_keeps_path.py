"""A path typed into "Open a plan file" stays put when the file cannot be opened.

The dialog used to close on a missing file or bad TOML, with the reason in a passing notice and
the typed path gone; a folder kept it open. Now every failure keeps the dialog, the typed path
and the one-line reason, so the founder fixes a typo instead of typing the path again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from screens.app import HirewizApp
from screens.path_dialog import PathDialog
from tests.helpers.tui import type_text, until
from wizard.answers import get_checklist


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.toml", None, "no such file"),
        ("bad.toml", "schema_version = 2\n[answers\n", "invalid TOML"),
    ],
)
async def test_the_dialog_keeps_the_typed_path_and_says_why(
    tmp_path: Path, name: str, content: str | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    app = HirewizApp(checklist=get_checklist())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PathDialog), "the open dialog")
        await type_text(pilot, str(path))
        await pilot.press("enter")

        def shows_reason() -> bool:
            return isinstance(app.screen, PathDialog) and reason in str(
                app.screen.query_one("#path-reason", Static).render()
            )

        await until(pilot, shows_reason, "the reason in the dialog")
        assert app.screen.query_one("#path", Input).value == str(path)
