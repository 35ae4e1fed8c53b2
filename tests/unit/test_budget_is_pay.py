"""The budget is compared with pay figures, so it is asked for as pay, not as all-in cost.

The question used to say "all in (salary, taxes, benefits)" while the check compared it with
bare wages: a founder who raised the budget to the suggested figure still fell 25-35 % short
once taxes and benefits were paid.
"""

from __future__ import annotations

from checklists.advice import load_advice
from wizard.answers import get_checklist


def test_the_question_asks_for_pay_before_taxes_and_benefits() -> None:
    help_text = get_checklist().question("timing.monthly_budget").help
    assert "all in" not in help_text
    assert "before employer taxes and benefits" in help_text


def test_the_raise_advice_says_taxes_and_benefits_come_on_top() -> None:
    action = load_advice().findings["budget-below-range"].action
    assert "taxes and benefits come on top" in action
