"""The pay figures through the rules engine: every region and engagement gets a sourced figure or
the explicit "no figure" path, the budget check and the engagement rule on both sides of every
boundary (also across currencies), the stale-figure tip against meta.updated, the
pay-transparency finding, advisor equity, and the same budget sentences in every view.

The baseline is the ready company (tests/fixtures/answers/fraud_model.toml): a senior ML engineer.
Hand arithmetic for the US senior ML-engineer range (BLS OEWS May 2024, Software Developers,
75th-90th percentile, USD 169,000-211,450 a year): the low end is USD 14,083.33 a month, half of
it USD 7,041.67, the high end USD 17,620.83 a month.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import DROP, Make
from tests.helpers.cli import run_cli
from wizard.export import readiness
from wizard.models import Plan
from wizard.pay import plan_budget_lines
from wizard.planfile import build_plan, dumps
from wizard.rules import Derivation, derive
from wizard.summary import render

US = {"context.hiring_region": "us", "timing.budget_currency": "USD"}
SOON = {"timing.urgency": "this_quarter"}
OVERDUE = {"timing.urgency": "overdue"}
ADVISOR = {"data.recorded": False}  # a blocker: an ML advisor


def _ids(d: Derivation) -> set[str]:
    return {f.id for f in d.findings}


def _derive(make: Make, checklist: Checklist, **changes: Any) -> Derivation:
    return derive(make(changes), checklist)


def _with(*parts: dict[str, Any], **more: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in parts:
        out.update(p)
    out.update(more)
    return out


# --- every region x engagement: a sourced figure, or the explicit "no figure" path ----------

REGION_CURRENCY = {"us": "USD", "uk": "GBP", "eu": "EUR", "india": "USD", "other": "USD"}


@pytest.mark.parametrize("region", list(REGION_CURRENCY))
def test_full_time_by_region(make: Make, checklist: Checklist, region: str) -> None:
    answers = make(
        {"context.hiring_region": region, "timing.budget_currency": REGION_CURRENCY[region]}
        | {"timing.monthly_budget": 9_000}
    )
    d = derive(answers, checklist)
    rationale = " ".join(r.text for r in d.role.rationale)
    if region in ("us", "uk", "india"):
        b = d.budget
        assert b is not None and b.region == region and b.currency == REGION_CURRENCY[region]
        assert b.source and b.as_of and b.basis and b.check != "not_given"
        assert "ships with hirewiz" not in rationale
    else:
        assert d.budget is None and d.role.engagement == "full_time"
        assert "No sourced full-time pay range for a senior ML engineer" in rationale
        assert "rates.toml in your hirewiz folder" in rationale


@pytest.mark.parametrize(
    ("region", "hours"),
    [("us", None), ("uk", None), ("india", 38)],  # 1,500 / USD 40 (the middle of USD 20-60)
)
def test_contract_by_region(
    make: Make, checklist: Checklist, region: str, hours: int | None
) -> None:
    currency = REGION_CURRENCY[region]
    d = derive(
        make(
            _with(
                OVERDUE,
                {"context.hiring_region": region, "timing.budget_currency": currency},
                {"timing.monthly_budget": 1_500},
            )
        ),
        checklist,
    )
    assert d.role.engagement == "contract" and d.budget is not None
    assert (d.budget.check, d.budget.buys) == ("below", hours)
    finding = next(f for f in d.findings if f.id == "budget-below-range-contract")
    assert f"{currency} 1,500 a month is " in finding.detail
    assert ("hours a month" in finding.detail) == (hours is not None)


@pytest.mark.parametrize("region", ["eu", "other"])
def test_no_figure_never_makes_a_contract(make: Make, checklist: Checklist, region: str) -> None:
    """Without a range nothing is compared, so an overdue tiny budget stays full time."""
    changes = _with(OVERDUE, {"context.hiring_region": region, "timing.monthly_budget": 1})
    d = derive(make(changes), checklist)
    assert d.role.engagement == "full_time" and d.budget is None
    assert not _ids(d) & {"budget-below-range", "budget-below-range-contract"}


@pytest.mark.parametrize("region", list(REGION_CURRENCY))
def test_advisor_by_region(make: Make, checklist: Checklist, region: str) -> None:
    d = derive(make(_with(ADVISOR, {"context.hiring_region": region})), checklist)
    assert d.role.engagement == "advisor" and d.budget is None
    texts = [r.text for r in d.role.rationale]
    assert any(t.startswith("No sourced advisor rate for a senior ML advisor") for t in texts)
    assert any("FAST agreement" in r.source for r in d.role.rationale)
    assert not _ids(d) & {"budget-below-range", "budget-below-range-contract", "budget-hours"}


def test_advisor_equity_follows_the_stage(make: Make, checklist: Checklist) -> None:
    idea = derive(make(_with(ADVISOR, {"timing.stage": "idea"})), checklist)
    scaling = derive(make(_with(ADVISOR, {"timing.stage": "scaling"})), checklist)
    equity = [r.text for r in idea.role.rationale if "FAST" in r.text]
    assert equity and "0.25 % of the company at the idea stage" in equity[0]
    assert "up to 1 % for an expert one" in equity[0]
    assert any("0.15 %" in r.text for r in scaling.role.rationale)


# --- the budget check and the engagement rule, both sides of every boundary -----------------


@pytest.mark.parametrize(
    ("budget", "urgency", "check", "engagement", "finding"),
    [
        (17_621, SOON, "above", "full_time", None),
        (17_620, SOON, "within", "full_time", None),
        (14_084, SOON, "within", "full_time", None),
        (14_084, OVERDUE, "within", "full_time", None),
        (14_083, SOON, "below", "full_time", "budget-below-range"),
        (14_083, OVERDUE, "below", "contract", "budget-below-range-contract"),
        (7_042, SOON, "below", "full_time", "budget-below-range"),
        (7_041, SOON, "below", "contract", "budget-below-range-contract"),
        (0, SOON, "below", "contract", "budget-below-range-contract"),
        (DROP, OVERDUE, "not_given", "full_time", "no-budget"),
    ],
)
def test_budget_boundaries_in_the_figures_currency(
    make: Make,
    checklist: Checklist,
    budget: Any,
    urgency: dict[str, str],
    check: str,
    engagement: str,
    finding: str | None,
) -> None:
    d = derive(make(_with(US, urgency, {"timing.monthly_budget": budget})), checklist)
    assert d.budget is not None and d.budget.check == check
    assert d.role.engagement == engagement
    below = {"budget-below-range", "budget-below-range-contract"}
    assert _ids(d) & (below | {"no-budget"}) == ({finding} if finding else set())
    if finding == "budget-below-range":
        f = next(f for f in d.findings if f.id == finding)
        assert f.severity == "warning" and f.section == "timing" and f.mistake is None
        assert "USD 14,083 a month" in f.detail and " a month is " in f.detail


def test_the_below_sentence_has_the_arithmetic(make: Make, checklist: Checklist) -> None:
    d = derive(make(_with(US, SOON, {"timing.monthly_budget": 10_000})), checklist)
    f = next(f for f in d.findings if f.id == "budget-below-range")
    # 10,000 / 14,083.33 = 71.0 %, rounded down.
    assert f.detail.startswith(
        "USD 10,000 a month is 71 % of the low end of the range (USD 14,083 a month)."
    )
    assert "senior ML engineer: USD 169,000–211,450 a year" in f.detail
    assert "USD 14,083 a month" in f.action


@pytest.mark.parametrize(
    ("budget", "check", "engagement"),
    # EUR 13,528 x 1.0411 = USD 14,083.99 (within); EUR 13,527 x 1.0411 = USD 14,082.96 (below).
    [(13_528, "within", "full_time"), (13_527, "below", "contract")],
)
def test_budget_boundary_across_currencies(
    make: Make, checklist: Checklist, budget: int, check: str, engagement: str
) -> None:
    changes = _with(US, OVERDUE, {"timing.budget_currency": "EUR", "timing.monthly_budget": budget})
    d = derive(make(changes), checklist)
    assert d.budget is not None and d.budget.currency == "USD"
    assert (d.budget.check, d.role.engagement) == (check, engagement)
    said = " ".join(r.text for r in d.role.rationale)
    assert f"EUR {budget:,} a month" in said and "exchange rate of 2025-02-28" in said


@pytest.mark.parametrize(
    ("budget", "check"),
    # USD 2,000 = INR 174,759.39 at 90.971 / 1.0411 INR per USD.
    [(174_760, "within"), (174_759, "below")],
)
def test_rupee_budget_against_the_india_dollar_figure(
    make: Make, checklist: Checklist, budget: int, check: str
) -> None:
    changes = {"timing.budget_currency": "INR", "timing.monthly_budget": budget}
    d = derive(make(_with(SOON, changes)), checklist)
    assert d.budget is not None and (d.budget.currency, d.budget.check) == ("USD", check)


# --- staleness against meta.updated, never the clock ----------------------------------------


@pytest.mark.parametrize(
    ("updated", "stale"),
    # "2024-05" ends on 2024-05-31; 36 months before 2027-06-01 is 2024-06-01.
    [(date(2027, 5, 31), False), (date(2027, 6, 1), True)],
)
def test_stale_figure_tip(make: Make, checklist: Checklist, updated: date, stale: bool) -> None:
    d = derive(make(US), checklist, updated=updated)
    assert ("pay-figure-stale" in _ids(d)) is stale
    if stale:
        f = next(f for f in d.findings if f.id == "pay-figure-stale")
        assert f.severity == "tip" and "2024-05" in f.detail and "BLS" in f.source


def test_staleness_follows_the_plans_own_date(make: Make, checklist: Checklist) -> None:
    later = datetime(2030, 1, 1, tzinfo=UTC)
    plan = build_plan(make(US), checklist, created=later, updated=later)
    assert "pay-figure-stale" in {f.id for f in plan.findings}
    assert derive(make(US), checklist).findings == derive(make(US), checklist).findings
    assert "pay-figure-stale" not in _ids(derive(make(US), checklist))


# --- the founder's own range in the post, the sourced one as a hint -------------------------


@pytest.mark.parametrize(
    ("region", "currency", "severity", "hint"),
    [
        ("us", "USD", "warning", "USD 169,000–211,450 a year"),
        ("eu", "EUR", "warning", None),
        ("uk", "GBP", "tip", "GBP 75,794–102,860 a year"),
        ("india", "INR", "tip", "USD 2,000–6,000 a month, about INR 2,097,113–6,291,338 a year"),
    ],
)
def test_no_own_pay_range(
    make: Make, checklist: Checklist, region: str, currency: str, severity: str, hint: str | None
) -> None:
    changes = {
        "context.hiring_region": region,
        "timing.budget_currency": currency,
        "timing.monthly_budget": DROP,
        "timing.pay_low": DROP,
        "timing.pay_high": DROP,
    }
    d = derive(make(changes), checklist)
    found = [f for f in d.findings if f.id.startswith("pay-range-missing")]
    assert [(f.severity, f.section) for f in found] == [(severity, "timing")]
    if hint is None:
        # No figure ships: where to find an official one, no amount (test_eu_pay_hint.py).
        assert found[0].action.startswith("Enter the yearly range you will pay. hirewiz ships no")
        assert "a starting point" not in found[0].action
    else:
        assert hint in found[0].action and "a starting point" in found[0].action


# --- the same figures everywhere ---------------------------------------------------------------


@pytest.fixture
def us_plan(make: Make, checklist: Checklist) -> Plan:
    stamp = datetime(2026, 6, 1, tzinfo=UTC)
    changes = _with(US, SOON, {"timing.monthly_budget": 10_000})
    return build_plan(make(changes), checklist, created=stamp, updated=stamp)


def test_budget_sentences(us_plan: Plan, checklist: Checklist) -> None:
    lines = plan_budget_lines(us_plan, checklist.pay.exchange)
    assert lines[0] == (
        "Full-time pay range: USD 169,000–211,450 a year (about USD 14,083–17,621 a month)."
    )
    assert lines[1].startswith("What it measures: 75th–90th percentile annual wage")
    assert lines[2].startswith("This is a proxy: it measures a related occupation")
    assert lines[3].startswith("Source: BLS Occupational Employment and Wage Statistics")
    assert lines[3].endswith(", as of 2024-05.")
    assert lines[4] == (
        "Your budget of USD 10,000 a month is below the low end (USD 14,083 a month): 71 % of it."
    )


def test_the_review_gets_the_same_sentences(
    make: Make, checklist: Checklist, us_plan: Plan
) -> None:
    """derive() hands the Review the budget box text, with the region's default currency."""
    d = derive(make(_with(US, SOON, {"timing.monthly_budget": 10_000})), checklist)
    assert d.budget_lines == plan_budget_lines(us_plan, checklist.pay.exchange)
    india = derive(
        make({"timing.budget_currency": DROP, "timing.monthly_budget": 500_000}), checklist
    )
    assert india.budget_lines[-1].startswith("Your budget of INR 500,000 a month is about USD")


def test_show_export_and_diff_carry_the_same_sentences(
    us_plan: Plan, checklist: Checklist, tmp_path: Path
) -> None:
    from rich.console import Console

    lines = plan_budget_lines(us_plan, checklist.pay.exchange)
    console = Console(width=400, record=True, color_system=None)
    console.print(render(us_plan, checklist, sources=True))
    shown = console.export_text()
    exported = "\n".join(readiness(us_plan, checklist)).replace("\\", "")
    for line in lines:
        assert line in shown, line
        assert f"- {line}" in exported, line
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(dumps(us_plan), encoding="utf-8")
    b.write_text(
        dumps(us_plan).replace("monthly_budget = 10000", "monthly_budget = 15000"), "utf-8"
    )
    code, out, err = run_cli("diff", a, b, "--json")
    assert code == 1, err
    change = next(c for c in json.loads(out)["recommendation"] if c["key"] == "budget")
    assert change["before"] == " ".join(lines)
    assert "This is a proxy" in change["after"] and "is within the range." in change["after"]


def test_job_post_never_shows_the_market_figure(
    make: Make, checklist: Checklist, tmp_path: Path
) -> None:
    stamp = datetime(2026, 6, 1, tzinfo=UTC)
    changes = _with(US, {"timing.pay_low": DROP, "timing.pay_high": DROP})
    plan = build_plan(make(changes), checklist, created=stamp, updated=stamp)
    path = tmp_path / "p.toml"
    path.write_text(dumps(plan), encoding="utf-8")
    code, out, err = run_cli("export", path, "--only", "job-post")
    assert code == 0, err
    assert "169,000" not in out and "BLS" not in out and "211,450" not in out


# --- a user's rates.toml, through the whole engine -------------------------------------------

OLD_LAYOUT = """
[[rates]]
region = "us"
engagement = "full_time"
currency = "USD"
period = "year"
low = 90000
high = 120000
source = "Our own offers"
as_of = "2026"

[[rates]]
region = "us"
engagement = "contract"
currency = "USD"
period = "hour"
low = 60
high = 100
source = "Our agency"
as_of = "2026-03"
"""


def test_old_layout_override_drives_the_budget_and_the_hours(make: Make, tmp_path: Path) -> None:
    from checklists.loader import load_checklist

    (tmp_path / "rates.toml").write_text(OLD_LAYOUT, encoding="utf-8")
    checklist = load_checklist(home=tmp_path)
    # USD 90,000 a year = USD 7,500 a month; 3,200 is under half, so a contract at USD 80 an hour.
    d = derive(make(_with(US, SOON, {"timing.monthly_budget": 3_200})), checklist)
    assert d.budget is not None
    assert (d.budget.low, d.budget.source, d.budget.proxy) == (90_000, "Our own offers", False)
    assert (d.role.engagement, d.budget.check, d.budget.buys) == ("contract", "below", 40)
    f = next(f for f in d.findings if f.id == "budget-below-range-contract")
    assert "USD 3,200 a month is 42 % of the low end" in f.detail
    assert "so USD 80 an hour) it buys about 40 hours a month" in f.detail
