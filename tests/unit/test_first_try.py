"""An undecided build mode gets a first step that fits the data.

For a demand forecast on order tables the advice was to "try a hosted API or a pretrained model
on twenty real examples": chatbot advice. Tables and forecasts start from the simplest baseline
measured on the metric; text, images and audio from a hosted or pretrained model.
"""

from __future__ import annotations

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.rules import derive


def _action(make: Make, checklist: Checklist, changes: dict[str, object]) -> str:
    plan = derive(make({"goals.build_mode": "unsure", **changes}), checklist)
    (action,) = [f.action for f in plan.findings if f.id == "goal-build-mode-unsure"]
    return action


@pytest.mark.parametrize(
    "changes",
    [
        {"goals.problem_type": "time_series", "goals.data_kind": "structured"},
        {"goals.problem_type": "predictive_analytics", "goals.data_kind": "structured"},
    ],
)
def test_tables_and_forecasts_start_from_a_baseline(
    make: Make, checklist: Checklist, changes: dict[str, object]
) -> None:
    action = _action(make, checklist, changes)
    assert "baseline" in action and "hosted API" not in action


def test_text_starts_from_a_hosted_model(make: Make, checklist: Checklist) -> None:
    changes: dict[str, object] = {
        "goals.problem_type": "nlp",
        "goals.data_kind": "text",
        "data.labels": "yes",
    }
    assert "hosted API" in _action(make, checklist, changes)
