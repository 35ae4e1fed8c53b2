"""Questions come from checklist data alone, and the core never needs the TUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from checklists.loader import load_checklist
from screens.fields import QuestionField, field_id, widget_id
from tests.helpers.paths import FRAUD
from tests.helpers.tui import copy_checklist, new_app, type_text, until, wizard

EXTRA = """

  [[steps.questions]]
  id = "laptop_vendor"
  prompt = "Which laptop will be waiting on day one?"
  help = "A fixture question: it exists only in this test's checklist copy."
  kind = "text"
  required = false
  max_length = 40
  placeholder = "e.g. a 32 GB machine"
"""


async def test_added_question_appears_without_code_change(tmp_path: Path) -> None:
    checklist = load_checklist(directory=copy_checklist(tmp_path, EXTRA))
    last = checklist.steps[-1]
    key = f"{last.id}.laptop_vendor"
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.jump_to(key)
        box = screen.query_one(f"#{widget_id(key)}", Input)
        await until(pilot, lambda: box.has_focus, "focus after the jump's refresh")
        field = screen.query_one(f"#{field_id(key)}", QuestionField)
        assert field.display
        assert "Which laptop" in str(field.query_one(".prompt").render())
        await type_text(pilot, "x" * 45)
        # max_length from the data is enforced by the validator: the text stays as typed, the
        # field is a problem (saving refuses) until it fits.
        assert box.value == "x" * 45
        await until(pilot, lambda: screen.problems() == [key], "the length check")
        await pilot.press("ctrl+u")
        await type_text(pilot, "ThinkPad")
        assert screen.session.answers.model_dump()[last.id]["laptop_vendor"] == "ThinkPad"


def test_wizard_core_works_without_screens(tmp_path: Path) -> None:
    """The headless core imports and plans with the TUI package absent from sys.modules."""
    answers = str(FRAUD)
    out = str(tmp_path / "p.toml")
    code = (
        "import sys, wizard.cli, wizard.answers, wizard.planfile, wizard.rules, wizard.export\n"
        "from wizard.cli import main\n"
        f"rc = main(['plan', '--answers', {answers!r}, '-o', {out!r}])\n"
        "assert rc == 0, rc\n"
        "bad = sorted(m for m in sys.modules if m == 'screens' or m.startswith('screens.'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
