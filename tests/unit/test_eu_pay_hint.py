"""Without a pay range and without a shipped figure, the pay finding says where an official
figure can be found and how to add it, instead of only "Enter the yearly range" (the Berlin walk:
the EU has no sourced range, yet the warning cited the EU directive and stopped there)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import DROP, Make
from wizard.rules import derive

NO_RANGE: dict[str, Any] = {
    "timing.pay_low": DROP,
    "timing.pay_high": DROP,
    "timing.monthly_budget": DROP,
}


@pytest.mark.parametrize(
    ("region", "fid", "words"),
    [
        ("eu", "pay-range-missing-required", ("statistics office", "Entgeltatlas", "rates.toml")),
        ("other", "pay-range-missing", ("statistics office", "rates.toml")),
    ],
)
def test_no_figure_says_where_to_find_one(
    make: Make, checklist: Checklist, region: str, fid: str, words: tuple[str, ...]
) -> None:
    d = derive(make({**NO_RANGE, "context.hiring_region": region}), checklist)
    action = next(f.action for f in d.findings if f.id == fid)
    assert all(w in action for w in words), action
    # No figure is made up: no amount appears in the advice.
    assert not re.search(r"\d{2,}", action.replace("rates.toml", ""))


def test_a_shipped_figure_is_still_offered(make: Make, checklist: Checklist) -> None:
    d = derive(make({**NO_RANGE, "context.hiring_region": "us"}), checklist)
    action = next(f.action for f in d.findings if f.id == "pay-range-missing-required")
    assert "statistics office" not in action and "as of" in action
