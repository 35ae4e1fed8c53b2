"""The job post reads right whatever the founder typed (the Berlin invoice walk).

Competencies are free text: "Classify invoices into accounting categories" (a verb phrase) and
"Forecasting demand from sparse sales data" (a noun phrase) must both read as English in the
post, so they are listed as they were typed under their own lead-in, never spliced into a
sentence ("Hands-on experience with classify invoices ..."). With too many must-have tools the
post keeps the languages as must-haves and moves the rest, as the tools finding says.
"""

from __future__ import annotations

from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.export import job_post
from wizard.planfile import build_plan
from wizard.post_changes import plan_post_changes

SEVEN_TOOLS = ["Python", "SQL", "PyTorch", "TensorFlow", "Docker", "Kubernetes", "AWS"]


def _post(make: Make, checklist: Checklist, changes: dict[str, Any]) -> str:
    return "\n".join(job_post(build_plan(make(changes), checklist), checklist))


def _section(post: str, heading: str) -> str:
    return post.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]


@pytest.mark.parametrize(
    "competency",
    [
        "Classify invoices into accounting categories",
        "Explain results to non-technical people",
        "Forecasting demand from sparse, seasonal sales data",
        "judging a ranking by what customers click",
    ],
)
def test_a_competency_is_listed_as_typed_under_its_own_lead_in(
    make: Make, checklist: Checklist, competency: str
) -> None:
    post = _post(make, checklist, {"assessment.competencies": [competency]})
    assert "Hands-on experience with" not in post
    shown = _section(post, "What you will need to show")
    listed = competency[:1].upper() + competency[1:]
    assert f"- {listed}" in shown.splitlines()
    assert competency.lower() not in _section(post, "Must have").lower()


def test_the_plan_role_keeps_no_spliced_competency(make: Make, checklist: Checklist) -> None:
    plan = build_plan(
        make({"assessment.competencies": ["Classify invoices into accounting categories"]}),
        checklist,
    )
    assert not any("classify invoices" in m.lower() for m in plan.role.must_have)


@pytest.mark.parametrize(
    ("tools", "must", "nice"),
    [
        (SEVEN_TOOLS, "You work fluently in Python and SQL.", "PyTorch, TensorFlow, Docker"),
        (
            ["PyTorch", "TensorFlow", "Docker", "Kubernetes", "AWS", "Spark"],
            None,
            "PyTorch, TensorFlow, Docker, Kubernetes, AWS and Spark",
        ),
    ],
)
def test_too_many_tools_keep_the_languages_as_must_haves(
    make: Make, checklist: Checklist, tools: list[str], must: str | None, nice: str
) -> None:
    plan = build_plan(make({"assessment.must_have_tools": tools}), checklist)
    fluent = [m for m in plan.role.must_have if m.startswith("You work fluently")]
    assert fluent == ([must] if must else [])
    familiar = [n for n in plan.role.nice_to_have if n.startswith("Familiarity")]
    assert len(familiar) == 1 and nice in familiar[0]
    assert "Python" not in familiar[0]
    change = {c.key: c.what for c in plan_post_changes(plan)}["tools"]
    if must:
        assert "Python and SQL" in change and "other 5" in change
    else:
        assert "them all" in change


def test_the_tools_finding_agrees_with_the_post(make: Make, checklist: Checklist) -> None:
    plan = build_plan(make({"assessment.must_have_tools": SEVEN_TOOLS}), checklist)
    action = next(f.action for f in plan.findings if f.id == "tool-checklist")
    assert "languages" in action and "already" in action
