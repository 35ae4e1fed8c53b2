"""A goal flagged as solution-first or as two projects costs the Goals section points.

The warnings were raised while Goals still showed 100, so the Review said "Goals 100" beside
"name one result first": a plan contradicting itself. Like a model-only metric, a warning on the
outcome halves the outcome's item; a missing or hype outcome still zeroes it.
"""

from __future__ import annotations

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.rules import derive


@pytest.mark.parametrize(
    ("outcome", "finding"),
    [
        ("Use AI to cut invoice sorting time from 3 days to 1 hour", "goal-outcome-solution-first"),
        (
            "Cut invoice sorting time from 3 days to 1 hour, and maybe a chatbot",
            "goal-outcome-two-projects",
        ),
    ],
)
def test_an_outcome_warning_lowers_goals(
    make: Make, checklist: Checklist, outcome: str, finding: str
) -> None:
    flagged = derive(make({"goals.outcome": outcome}), checklist)
    assert finding in {f.id for f in flagged.findings}
    assert flagged.readiness.sections["goals"] < 100


def test_a_clear_outcome_keeps_goals_whole(make: Make, checklist: Checklist) -> None:
    clear = derive(
        make({"goals.outcome": "Cut invoice sorting time from 3 days to 1 hour"}), checklist
    )
    assert clear.readiness.sections["goals"] == 100
