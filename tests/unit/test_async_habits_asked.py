"""Async habits are asked only of a team that works remotely across time zones.

The answer only ever moves the advice for ``remote_async`` teams (mistake 9), so asking an
on-site or hybrid team about habits for "someone in another time zone" was a required question
with no effect. A remote_async founder who ticks nothing must not be stuck with a missing answer
either: nothing ticked means no habits yet, and the plan says so.
"""

from __future__ import annotations

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import DROP, apply, ready_raw
from wizard.answers import missing_required, validate_answers, visible
from wizard.planfile import build_plan

KEY = "team.async_practices"


@pytest.mark.parametrize("mode", ["onsite", "hybrid", "remote_same_tz"])
def test_not_asked_of_a_team_in_one_time_zone(checklist: Checklist, mode: str) -> None:
    raw = apply(ready_raw(), {"context.work_mode": mode, KEY: DROP, "team.tz_overlap_hours": DROP})
    answers = validate_answers(raw, checklist)
    assert not visible(KEY, answers, checklist)
    assert KEY not in missing_required(answers, checklist)


def test_asked_of_a_remote_async_team_and_none_ticked_is_an_answer(checklist: Checklist) -> None:
    raw = apply(
        ready_raw(),
        {"context.work_mode": "remote_async", KEY: DROP, "team.tz_overlap_hours": 4},
    )
    answers = validate_answers(raw, checklist)
    assert visible(KEY, answers, checklist)
    assert missing_required(answers, checklist) == []
    ids = {f.id for f in build_plan(answers, checklist).findings}
    assert "no-async-practices" in ids
