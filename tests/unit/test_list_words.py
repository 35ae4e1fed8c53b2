"""``hirewiz list`` tells plans of one title apart, and step titles come without the checklist.

Two plans titled alike looked identical in ``list``: the full path repeated the folder on every
row and the difference hid in the last folded line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checklists.loader import Checklist
from checklists.step_titles import step_titles
from tests.helpers.cli import run_cli
from tests.helpers.paths import READY
from wizard.planfile import build_plan, load_answers, save_plan

STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d")


def _rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.count("│") == 6]


def test_two_plans_of_one_title_are_told_apart(
    hirewiz_home: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    plans = hirewiz_home / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    save_plan(plans / "fraud.toml", build_plan(load_answers(READY, checklist).answers, checklist))
    shutil.copyfile(plans / "fraud.toml", plans / "fraud-2.toml")
    code, out, err = run_cli("list")
    assert code == 0, err
    rows = _rows(out)
    first_lines = [r for r in rows if "First fraud ML engineer" in r]
    assert len(first_lines) == 2
    # Each row names its own file in full, and the twins show the time they were updated.
    assert "fraud.toml" in out and "fraud-2.toml" in out
    assert all(STAMP.search(r) for r in first_lines)
    assert str(plans) not in "".join(rows)  # the folder is said once, not on every row
    assert f"hirewizshow{plans}/FILE" in "".join(out.split())


def test_a_plan_with_its_own_title_shows_the_date_only(
    hirewiz_home: Path, checklist: Checklist
) -> None:
    plans = hirewiz_home / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    save_plan(plans / "fraud.toml", build_plan(load_answers(READY, checklist).answers, checklist))
    code, out, _ = run_cli("list")
    assert code == 0 and not STAMP.search(out)


def test_step_titles_match_the_checklist(checklist: Checklist) -> None:
    assert step_titles() == {s.id: s.title for s in checklist.steps}
    assert step_titles()["context"] == "Company"


def test_step_titles_load_no_pydantic() -> None:
    code = (
        "import sys, checklists.step_titles as s; s.step_titles(); print('pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_step_titles_of_a_missing_folder_are_empty(tmp_path: Path) -> None:
    assert step_titles(tmp_path) == {}
