"""Question help says where a founder's problem belongs and points the right way on the page
(the Berlin walk: invoice categorisation had no obvious problem type, and the currency help
called the pay range "above" while it is asked below)."""

from __future__ import annotations

from checklists.loader import Checklist


def test_problem_type_help_places_document_classification(checklist: Checklist) -> None:
    q = checklist.question("goals.problem_type")
    language = q.label_for("nlp")
    assert "categoris" in q.help.lower() or "classif" in q.help.lower()
    assert language.split(" (")[0] in q.help


def test_currency_help_points_to_where_each_amount_is_asked(checklist: Checklist) -> None:
    step = checklist.step("timing")
    order = [q.id for q in step.questions]
    help_ = checklist.question("timing.budget_currency").help
    assert order.index("monthly_budget") < order.index("budget_currency") < order.index("pay_low")
    assert "budget above" in help_ and "pay range below" in help_
