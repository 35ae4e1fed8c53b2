"""Advice that sends data to a vendor says to clear privacy first; a privacy-only blocker says
what is missing instead of calling usable data unusable (the Berlin walk)."""

from __future__ import annotations

from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.models import Finding
from wizard.rules import derive

# A product feature on a hosted model, nobody doing ML yet, nothing live: buy-before-build.
HOSTED = {
    "goals.build_mode": "llm",
    "context.ml_staff": 0,
    "goals.heuristic_baseline": False,
    "team.reports_to": "technical_founder",
}


def _finding(make: Make, checklist: Checklist, changes: dict[str, Any], fid: str) -> Finding:
    found = [f for f in derive(make(changes), checklist).findings if f.id == fid]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    ("changes", "fid", "words"),
    [
        (
            {**HOSTED, "context.hiring_region": "eu"},
            "buy-before-build",
            ("data-processing", "GDPR"),
        ),
        ({**HOSTED, "context.hiring_region": "us"}, "buy-before-build", None),
        (
            # Text data: tables and forecasts get a baseline first, which no vendor sees.
            {
                "goals.build_mode": "unsure",
                "context.hiring_region": "eu",
                "goals.problem_type": "nlp",
                "goals.data_kind": "text",
                "data.labels": "yes",
            },
            "goal-build-mode-unsure",
            ("data-processing", "GDPR"),
        ),
        (
            {"goals.build_mode": "unsure", "context.hiring_region": "india"},
            "goal-build-mode-unsure",
            None,
        ),
    ],
)
def test_hosted_api_advice_names_privacy_where_it_applies(
    make: Make,
    checklist: Checklist,
    changes: dict[str, Any],
    fid: str,
    words: tuple[str, ...] | None,
) -> None:
    action = _finding(make, checklist, changes, fid).action
    if words is None:
        assert "data-processing" not in action and "GDPR" not in action
    else:
        assert all(w in action for w in words), action


def test_privacy_not_cleared_names_privacy_anywhere(make: Make, checklist: Checklist) -> None:
    action = _finding(
        make,
        checklist,
        {
            **HOSTED,
            "context.hiring_region": "us",
            "data.privacy_cleared": False,
            "production.models_in_production": 1,
            "production.monitoring": "automated",
            "production.retraining": "automated",
        },
        "buy-before-build",
    ).action
    assert "data-processing" in action and "GDPR" not in action


@pytest.mark.parametrize(
    ("changes", "title_has", "title_lacks"),
    [
        ({"data.privacy_cleared": False}, "privacy", "not usable"),
        ({"data.recorded": False}, "not usable", None),
        ({"data.privacy_cleared": False, "data.accessible": False}, "not usable", None),
    ],
)
def test_too_early_title_names_the_reason(
    make: Make,
    checklist: Checklist,
    changes: dict[str, Any],
    title_has: str,
    title_lacks: str | None,
) -> None:
    title = _finding(make, checklist, changes, "too-early-data").title
    assert title_has in title
    if title_lacks:
        assert title_lacks not in title
