"""The verdict and its "Why" account for findings the job post already follows.

The Berlin walk: the Review said "14 warnings to fix before you post the role" and "Why: The post
requires a master's degree", while "What hirewiz changed in your job post" said the post asks for
none. Findings the post already handles are counted apart, the "Why" prefers one the founder
still has to act on, and the take-home findings give one figure (2 hours while unpaid).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from tests.helpers.cli import run_cli
from wizard import labels
from wizard.export import export_markdown
from wizard.planfile import build_plan, dumps
from wizard.post_changes import plan_handled

# What the post adjusts: a master's degree, a 6-hour unpaid take-home, seven must-have tools.
ASKED: dict[str, Any] = {
    "assessment.required_degree": "masters",
    "assessment.take_home_hours": 6,
    "assessment.take_home_paid": False,
    "assessment.must_have_tools": [
        "Python", "SQL", "PyTorch", "TensorFlow", "Docker", "Kubernetes", "AWS",
    ],
}  # fmt: skip
HANDLED = {
    "degree-filter",
    "take-home-too-long",
    "take-home-unpaid-long",
    "tool-checklist",
    "framework-must-have",
}


@pytest.mark.parametrize(
    ("changes", "handled"),
    [
        (ASKED, HANDLED),
        ({"assessment.required_degree": "phd"}, {"degree-filter"}),
        ({"assessment.take_home": "generic_algorithms"}, {"generic-test"}),
        ({"assessment.product_interview": False}, {"no-product-interview"}),
        ({"context.planned_title": "data_scientist"}, {"title-mismatch"}),
        ({}, set()),
    ],
)
def test_findings_the_post_follows_are_known(
    make: Make, checklist: Checklist, changes: dict[str, Any], handled: set[str]
) -> None:
    plan = build_plan(make(changes), checklist)
    assert plan_handled(plan) == handled
    assert handled <= {f.id for f in plan.findings}


def test_the_verdict_line_counts_handled_warnings_apart(make: Make, checklist: Checklist) -> None:
    plan = build_plan(make({**ASKED, "onboarding.buddy": False}), checklist)
    warnings = sum(f.severity == "warning" for f in plan.findings)
    line = labels.verdict_line(plan.readiness, plan.findings, "Assessment", plan_handled(plan))
    left = labels.plural(warnings - len(HANDLED), "warning")
    assert line.startswith(f"No blockers, but {left} to fix")
    assert "the job post already handles 5 more" in line


def test_all_warnings_handled_says_so(make: Make, checklist: Checklist) -> None:
    plan = build_plan(make({"assessment.required_degree": "masters"}), checklist)
    assert [f.id for f in plan.findings if f.severity == "warning"] == ["degree-filter"]
    line = labels.verdict_line(plan.readiness, plan.findings, "Assessment", plan_handled(plan))
    assert "0 warnings" not in line and "already handles" in line


def test_why_prefers_a_finding_still_to_act_on(make: Make, checklist: Checklist) -> None:
    plan = build_plan(
        make({**ASKED, "team.reports_to": "non_technical_founder", "context.ml_staff": 0,
              "team.partners": ["product_manager"]}),
        checklist,
    )  # fmt: skip
    assert labels.weakest(plan.readiness) == "assessment"
    why = labels.why_text(plan.readiness, plan.findings, plan_handled(plan))
    assert why == "Nobody on your side can judge the technical stages."


def test_why_says_when_the_post_already_handles_it(make: Make, checklist: Checklist) -> None:
    plan = build_plan(make(ASKED), checklist)
    assert labels.weakest(plan.readiness) == "assessment"
    why = labels.why_text(plan.readiness, plan.findings, plan_handled(plan))
    assert why is not None and "job post already" in why


def test_show_and_export_use_the_handled_count(
    make: Make, checklist: Checklist, work: Path
) -> None:
    plan = build_plan(make(ASKED), checklist)
    path = work / "plan.toml"
    path.write_text(dumps(plan), encoding="utf-8")
    code, out, err = run_cli("show", path)
    assert code == 0, err
    line = labels.verdict_line(plan.readiness, plan.findings, "Assessment", plan_handled(plan))
    assert "already handles the 5 warnings" in line
    assert line in " ".join(w for w in out.split() if w != "│")
    assert line in export_markdown(plan, checklist)


def test_the_degree_finding_speaks_of_the_answer_not_the_post(
    make: Make, checklist: Checklist
) -> None:
    plan = build_plan(make(ASKED), checklist)
    title = next(f.title for f in plan.findings if f.id == "degree-filter")
    assert not title.startswith("The post")


@pytest.mark.parametrize(
    ("hours", "paid", "figure"),
    [(6, False, "2 hours"), (3, False, "2 hours"), (6, True, "4 hours")],
)
def test_take_home_findings_give_one_figure(
    make: Make, checklist: Checklist, hours: int, paid: bool, figure: str
) -> None:
    plan = build_plan(
        make({"assessment.take_home_hours": hours, "assessment.take_home_paid": paid}), checklist
    )
    actions = [f.action for f in plan.findings if f.id.startswith("take-home-")]
    assert actions
    for action in actions:
        assert "two hours" not in action and "4 hours or less" not in action.replace(figure, "")
        assert figure in action
