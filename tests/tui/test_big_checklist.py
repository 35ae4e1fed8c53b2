"""A step with many questions paints its first screenful at once and mounts the rest in the
background; jumping to a question that is not mounted yet still lands on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioSet

from checklists.loader import load_checklist
from screens.fields import FIRST_BATCH, QuestionField, StepForm, widget_id
from tests.helpers.tui import copy_checklist, new_app, wizard

COUNT = 70


def _extra(n: int) -> str:
    return f"""
  [[steps.questions]]
  id = "extra_{n}"
  prompt = "Extra question {n}"
  help = "Generated for this test."
  kind = "bool"
  required = false
"""


@pytest.mark.slow
async def test_many_questions_mount_in_batches_and_jumps_still_land(tmp_path: Path) -> None:
    directory = copy_checklist(tmp_path, "".join(_extra(n) for n in range(COUNT)))
    checklist = load_checklist(directory=directory)
    step = checklist.steps[-1]
    total = len(step.questions)
    assert total > FIRST_BATCH
    last = f"{step.id}.extra_{COUNT - 1}"
    app = new_app(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = wizard(pilot)
        await screen.jump_to(last)
        form = screen.query_one(f"#step-{step.id}", StepForm)
        for _ in range(200):
            if form.fully_mounted:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        assert form.fully_mounted
        assert len(form.query(QuestionField)) == total
        assert len(form.fields()) == total
        assert screen.query_one(f"#{widget_id(last)}", RadioSet).has_focus
