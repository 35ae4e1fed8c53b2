"""Goals shaped like a solution ("Use AI to ...") or naming two projects ("..., and maybe a
chatbot") are flagged with a warning that asks for one outcome first; goals that already name a
result are left alone (the Berlin invoice walk)."""

from __future__ import annotations

import pytest

from checklists.advice import load_advice
from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.rules import derive
from wizard.rules.goals import second_project, solution_opener

WORDS = load_advice().words


@pytest.mark.parametrize(
    ("outcome", "phrase"),
    [
        ("Use AI to auto-categorise invoices", "use ai"),
        ("Using machine learning to route support tickets", "using machine learning"),
        ("We want to use ML to predict churn", "use ml"),
        ("Apply AI to our invoice inbox so nobody sorts it by hand", "apply ai"),
        ("Categorise invoices with AI", "with ai"),
        ("Add an LLM to answer refund questions", "add an llm"),
    ],
)
def test_solution_shaped_outcomes_are_found(outcome: str, phrase: str) -> None:
    assert solution_opener(outcome, WORDS) == phrase


@pytest.mark.parametrize(
    ("outcome", "thing"),
    [
        ("Use AI to auto-categorise invoices, and maybe a chatbot", "chatbot"),
        ("Cut refund handling time, and also build a support assistant", "assistant"),
        ("Flag risky orders as well as a chatbot for sellers", "chatbot"),
        ("Recommend products and perhaps a pricing dashboard later", "dashboard"),
    ],
)
def test_a_second_project_is_found(outcome: str, thing: str) -> None:
    assert second_project(outcome, WORDS) == thing


@pytest.mark.parametrize(
    "outcome",
    [
        "Cut invoice categorisation time from 3 days to 1 hour",
        "Reduce fraud losses by 20%",
        "Cut chargeback losses on card payments by a third without blocking good customers",
        "Route support emails to the right team automatically",
        "Cut review time as well as errors in the monthly close",
        "Help accountants use their time on exceptions, not routine invoices",
        "Answer customer questions with the help centre's own articles",
        "Make the support assistant answer refund questions correctly",
    ],
)
def test_outcomes_that_name_a_result_raise_nothing(outcome: str) -> None:
    assert solution_opener(outcome, WORDS) is None
    assert second_project(outcome, WORDS) is None


def test_the_berlin_goal_raises_both_warnings_and_no_blocker(
    make: Make, checklist: Checklist
) -> None:
    d = derive(
        make({"goals.outcome": "Use AI to auto-categorise invoices, and maybe a chatbot"}),
        checklist,
    )
    found = {f.id: f for f in d.findings}
    assert {"goal-outcome-solution-first", "goal-outcome-two-projects"} <= set(found)
    assert found["goal-outcome-solution-first"].severity == "warning"
    assert "use ai" in found["goal-outcome-solution-first"].detail.lower()
    two = found["goal-outcome-two-projects"]
    assert "chatbot" in two.detail and "one" in two.action.lower()
    assert not any(f.severity == "blocker" for f in d.findings)


def test_a_slogan_is_still_a_blocker_without_the_solution_warning(
    make: Make, checklist: Checklist
) -> None:
    d = derive(make({"goals.outcome": "Leverage AI to transform our business"}), checklist)
    found = {f.id for f in d.findings}
    assert "goal-outcome-hype" in found and "goal-outcome-solution-first" not in found
