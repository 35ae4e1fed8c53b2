"""Only a team spread across time zones is asked about, or warned about, overlap hours.

A founder of a hybrid team in one country was asked for the team's time-zone overlap. The rule
(docs/rules.md, "Time zones") asks and warns only when the work mode is remote_async.
"""

from __future__ import annotations

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import DROP, Make
from wizard.answers import missing_required, visible
from wizard.planfile import build_plan, dumps

KEY = "team.tz_overlap_hours"


@pytest.mark.parametrize("mode", ["onsite", "hybrid", "remote_same_tz"])
def test_teams_in_one_time_zone_are_not_asked_about_overlap(
    make: Make, checklist: Checklist, mode: str
) -> None:
    answers = make({"context.work_mode": mode, KEY: DROP})
    assert not visible(KEY, answers, checklist)
    assert KEY not in missing_required(answers, checklist)
    plan = build_plan(answers, checklist)
    assert "tz_overlap_hours" not in dumps(plan)
    assert not [f for f in plan.findings if "overlap" in f"{f.title} {f.action}".lower()]


def test_an_old_overlap_answer_of_a_hybrid_team_is_dropped(
    make: Make, checklist: Checklist
) -> None:
    plan = build_plan(make({"context.work_mode": "hybrid", KEY: 0}), checklist)
    assert plan.answers.team.tz_overlap_hours is None
    assert not [f for f in plan.findings if f.id == "low-overlap"]


def test_a_team_across_time_zones_is_still_asked_and_warned(
    make: Make, checklist: Checklist
) -> None:
    answers = make({"context.work_mode": "remote_async", KEY: DROP})
    assert visible(KEY, answers, checklist)
    assert KEY in missing_required(answers, checklist)
    plan = build_plan(make({"context.work_mode": "remote_async", KEY: 1}), checklist)
    assert "low-overlap" in {f.id for f in plan.findings}
