"""On the Review a wrapped bullet, onboarding item or interview stage continues under its own
text, not at the panel's left edge under the bullet (at 80x24 most of them wrap)."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from screens.wizard_screen import REVIEW
from tests.helpers.fraud_plan import edit_app, saved_fraud
from tests.helpers.tui import until, wizard


def _rows(widget: Widget) -> list[str]:
    region = Region(0, 0, widget.size.width, widget.size.height)
    return [strip.text.rstrip() for strip in widget.render_lines(region)]


def _hangs(rows: list[str], marker: str) -> int:
    """Check every row after a ``marker`` row, up to the next one, starts under its text;
    returns how many such continuation rows there were."""
    continued = 0
    indent = None
    for row in rows:
        if row.lstrip().startswith(marker):
            indent = row.index(marker) + len(marker)
            indent += len(row[indent:]) - len(row[indent:].lstrip())
        elif indent is not None and row.strip():
            if not row[:indent].isspace():
                indent = None  # a heading or a new item: not a continuation
                continue
            assert len(row) - len(row.lstrip()) == indent, (marker, row, rows)
            continued += 1
        else:
            indent = None
    return continued


async def test_wrapped_items_hang_under_their_text(tmp_path: Path) -> None:
    app = edit_app(saved_fraud(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = wizard(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.step_id == REVIEW, "the review")
        review = screen.review
        assert review is not None
        await pilot.pause()
        role = _rows(review.query_one("#role-body"))
        assert _hangs(role, "•") > 0, role  # some bullets wrap at 80 columns, and hang
        onboarding = _rows(review.query_one("#onboarding-body"))
        assert _hangs(onboarding, "✓") + _hangs(onboarding, "✗") > 0, onboarding
        loop = _rows(review.query_one("#loop-body"))
        assert _hangs(loop, "2.") > 0, loop
