"""The fraud-model fixture saved as a plan and opened for editing: the Review tests' start."""

from __future__ import annotations

from pathlib import Path

from screens.app import HirewizApp, start_for_file
from tests.helpers.paths import FRAUD
from wizard.answers import get_checklist
from wizard.cli import main as cli
from wizard.planfile import build_plan, load_answers, save_plan


def saved_fraud(folder: Path, *changes: str) -> Path:
    """``folder/plan.toml``: the complete fraud plan, with ``hirewiz set`` style changes."""
    checklist = get_checklist()
    plan = folder / "plan.toml"
    save_plan(plan, build_plan(load_answers(FRAUD, checklist).answers, checklist))
    if changes:
        assert cli(["set", str(plan), *changes]) == 0
    return plan


def edit_app(plan: Path) -> HirewizApp:
    """The wizard editing ``plan``, as ``hirewiz edit`` opens it."""
    checklist = get_checklist()
    return HirewizApp(start_for_file(plan, checklist), checklist)
