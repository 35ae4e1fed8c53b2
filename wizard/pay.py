"""Pay figures, currency conversion and the founder's budget check, as data and pure functions.

Why a module of its own: the pay figures are the one place where hirewiz states numbers about
the outside world, so every figure carries its source, reference date, what it measures and
whether it is a proxy, and every comparison is arithmetic a founder can redo by hand. The
rules engine turns the results into ``[budget]`` and findings; nothing here formats markup.

Figures come from ``checklists/rates.toml`` (region x track x seniority x engagement) and a
user's ``rates.toml`` in the hirewiz folder, both read by the one guarded reader in
``checklists/rates.py``, which also explains how an older override keeps working.
Money is compared exactly (fractions, not floats) so a boundary such as "half the low end"
never flips on rounding.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

from checklists.rates import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    ENGAGEMENTS,
    EXCHANGE_RATES,
    PERIODS,
    REGION_NAMES,
    REGIONS,
    SENIORITIES,
    SENIORITY_NAMES,
    SHIPPED_RATES,
    TRACK_NAMES,
    TRACKS,
    USER_RATES,
    AdvisorEquity,
    Conversion,
    ExchangeTable,
    PayData,
    Rate,
    RateTable,
    falling_ranges,
    load_pay_data,
    money,
    pay_data,
    reference_end,
    whole,
)

if TYPE_CHECKING:
    from wizard.models import Budget, Plan

__all__ = [
    "CURRENCIES",
    "ENGAGEMENTS",
    "EXCHANGE_RATES",
    "PERIODS",
    "REGIONS",
    "SENIORITIES",
    "SENIORITY_NAMES",
    "SHIPPED_RATES",
    "TRACKS",
    "TRACK_NAMES",
    "USER_RATES",
    "AdvisorEquity",
    "Conversion",
    "ExchangeTable",
    "PayData",
    "Rate",
    "RateTable",
    "falling_ranges",
    "load_pay_data",
    "money",
    "pay_data",
    "reference_end",
    "whole",
]

Check = Literal["below", "within", "above", "not_given"]
EngagementSignal = Literal["contract", "full_time_with_warning", "full_time"]
Severity = Literal["warning", "tip"]

# Pay-transparency laws expect a published range in job posts here (several US states; EU
# Directive 2023/970), so a job post without the founder's own range is a warning, not a tip.
TRANSPARENCY_REGIONS: Final = ("us", "eu")
STALE_AFTER_MONTHS: Final = 36
# The day a plan was last updated, as the rules engine receives it (the engine itself imports no
# clock or date module; see tests/unit/test_rules.py).
Day = date


# --- the budget check -------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetCheck:
    """A monthly budget against the low end of a full-time range, in the range's currency."""

    check: Check
    rate: Rate
    budget: int | None
    budget_currency: str
    conversion: Conversion | None  # set when the budget's currency differs from the figure's
    compared: Fraction | None  # the monthly budget in the figure's currency
    low_monthly: Fraction
    high_monthly: Fraction
    percent_of_low: int | None  # rounded down, so "49 %" is never shown for "under half"
    under_half: bool


@dataclass(frozen=True)
class Buys:
    """How many hours a month a budget pays at the midpoint of a sourced hourly rate."""

    hours: int  # rounded to the nearest hour
    exact: Fraction
    rate: Rate
    midpoint: Fraction
    conversion: Conversion | None

    def text(self) -> str:
        if self.exact == 0:
            return "it buys no hours"
        if self.hours < 1:
            return "it buys less than an hour a month"
        unit = "hour" if self.hours == 1 else "hours"
        return f"it buys about {self.hours} {unit} a month"


@dataclass(frozen=True)
class PayAdvice:
    """Everything the rules engine needs about pay for one plan."""

    figure: Rate | None  # the full-time range shown in [budget]; None: no sourced figure
    missing: str | None  # the sentence saying so and how to add one
    check: BudgetCheck | None
    signal: EngagementSignal
    hourly: Rate | None  # the engagement's sourced hourly rate (contract or advisor)
    buys: Buys | None  # for [budget].buys: contract and advisor engagements only
    stale: bool
    sentence: str | None  # the arithmetic for the "below" finding


def default_currency(region: str) -> str:
    """The budget currency a region implies when the founder names none."""
    return DEFAULT_CURRENCY.get(region, "USD")


def _in_currency(
    amount: int, currency: str, target: str, exchange: ExchangeTable
) -> tuple[Fraction, Conversion | None]:
    if amount < 0:
        raise ValueError("a budget cannot be negative")
    if currency == target:
        return Fraction(amount), None
    conversion = exchange.convert(amount, currency, target)
    return conversion.converted, conversion


def check_budget(
    rate: Rate, monthly_budget: int | None, budget_currency: str, exchange: ExchangeTable
) -> BudgetCheck:
    """Compare a monthly budget with a full-time range: below its low end, within, or above.

    A budget of 0 is "below"; no budget is "not_given". A budget in another currency is
    converted into the figure's currency through the shipped table, never the other way, so
    the figure stays exactly as its source published it.
    """
    low, high = rate.low_monthly, rate.high_monthly
    if monthly_budget is None:
        return BudgetCheck(
            "not_given", rate, None, budget_currency, None, None, low, high, None, False
        )
    compared, conversion = _in_currency(monthly_budget, budget_currency, rate.currency, exchange)
    check: Check = "below" if compared < low else "above" if compared > high else "within"
    return BudgetCheck(
        check=check,
        rate=rate,
        budget=monthly_budget,
        budget_currency=budget_currency,
        conversion=conversion,
        compared=compared,
        low_monthly=low,
        high_monthly=high,
        percent_of_low=math.floor(100 * compared / low),
        under_half=compared < low / 2,
    )


def buys_hours(
    hourly: Rate | None, monthly_budget: int | None, budget_currency: str, exchange: ExchangeTable
) -> Buys | None:
    """Hours a month the budget pays at the hourly rate's midpoint; None without either."""
    if hourly is None or monthly_budget is None or hourly.period != "hour":
        return None
    amount, conversion = _in_currency(monthly_budget, budget_currency, hourly.currency, exchange)
    exact = amount / hourly.midpoint
    return Buys(whole(exact), exact, hourly, hourly.midpoint, conversion)


def engagement_signal(check: BudgetCheck | None, overdue: bool) -> EngagementSignal:
    """The engagement rule's input: below the low end and overdue, or under half of it, means
    a fractional contractor; below otherwise means full time with a warning."""
    if check is None or check.check != "below":
        return "full_time"
    if overdue or check.under_half:
        return "contract"
    return "full_time_with_warning"


def budget_sentence(check: BudgetCheck, buys: Buys | None = None) -> str | None:
    """The arithmetic behind a "below" finding, e.g. "USD 2,500 a month is 24 % of the low end
    of the range (USD 10,417 a month); at the contract rate it buys about 25 hours a month"."""
    if check.check != "below" or check.budget is None or check.compared is None:
        return None
    currency = check.rate.currency
    said = f"{money(check.budget_currency, check.budget)} a month"
    if check.conversion is not None:
        said += (
            f" (about {money(currency, check.compared)} at the exchange rate of "
            f"{check.conversion.date}; {check.conversion.source})"
        )
    text = (
        f"{said} is {check.percent_of_low} % of the low end of the range "
        f"({money(currency, check.low_monthly)} a month)"
    )
    if buys is not None:
        text += (
            f"; at the midpoint of the contract rate ({buys.rate.range_text()}, so "
            f"{money(buys.rate.currency, buys.midpoint)} an hour) {buys.text()}"
        )
    return text + "."


def _months_before(when: date, months: int) -> date:
    total = when.year * 12 + when.month - 1 - months
    year, month = divmod(total, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def is_stale(rate: Rate, updated: date | datetime) -> bool:
    """True when the figure's reference period ended more than 36 months before ``updated``."""
    day = updated.date() if isinstance(updated, datetime) else updated
    if day.year * 12 + day.month <= STALE_AFTER_MONTHS + 12:
        return False  # a date in the first years of the calendar: nothing is older
    return reference_end(rate.as_of) < _months_before(day, STALE_AFTER_MONTHS)


def transparency_severity(region: str) -> Severity:
    """A job post without the founder's own range: a warning where the law expects one."""
    return "warning" if region in TRANSPARENCY_REGIONS else "tip"


def missing_figure(region: str, track: str, seniority: str, engagement: str) -> str:
    """The "no figure" sentence: what is missing and how the founder can add their own."""
    who = f"{SENIORITY_NAMES.get(seniority, seniority)} {TRACK_NAMES.get(track, track)}"
    where = REGION_NAMES.get(region, "this region")
    if engagement == "full_time":
        return (
            f"No sourced full-time pay range for a {who} in {where} ships with hirewiz; add one "
            "you trust to rates.toml in your hirewiz folder (region, track, seniority, engagement, "
            "low, high, currency, period, source, as_of) and the plan will compare your budget "
            "with it."
        )
    kind = engagement.replace("_", "-")
    return (
        f"No sourced {kind} rate for a {who} in {where} ships with hirewiz; add an hourly rate "
        "you trust to rates.toml in your hirewiz folder (region, engagement, low, high, currency, "
        'period = "hour", source, as_of) and the plan will say how many hours a month your '
        "budget pays for."
    )


def advisor_equity_for(data: PayData, plan_stage: str) -> AdvisorEquity | None:
    for guide in data.advisor_equity:
        if plan_stage in guide.plan_stages:
            return guide
    return None


def advise(
    data: PayData,
    *,
    region: str,
    track: str,
    seniority: str,
    engagement: str,
    monthly_budget: int | None,
    budget_currency: str | None,
    overdue: bool,
    updated: date | datetime | None = None,
) -> PayAdvice:
    """All pay facts for one plan: the figure, the check, the engagement input, what the
    budget buys and whether the figure is stale. Pure: same inputs, same answer."""
    currency = budget_currency or default_currency(region)
    figure = data.rates.full_time(region, track, seniority)
    hourly = (
        data.rates.hourly(region, track, seniority, engagement)
        if engagement in ("contract", "advisor")
        else None
    )
    buys = buys_hours(hourly, monthly_budget, currency, data.exchange)
    if figure is None:
        return PayAdvice(
            figure=None,
            missing=missing_figure(region, track, seniority, "full_time"),
            check=None,
            signal="full_time",
            hourly=hourly,
            buys=buys,
            stale=False,
            sentence=None,
        )
    check = check_budget(figure, monthly_budget, currency, data.exchange)
    contract = data.rates.hourly(region, track, seniority, "contract")
    return PayAdvice(
        figure=figure,
        missing=None,
        check=check,
        signal=engagement_signal(check, overdue),
        hourly=hourly,
        buys=buys,
        stale=updated is not None and is_stale(figure, updated),
        sentence=budget_sentence(
            check, buys_hours(contract, monthly_budget, currency, data.exchange)
        ),
    )


# --- sentences every view shares ------------------------------------------------------------


def monthly_text(rate: Rate) -> str:
    """``USD 14,083–17,621 a month``: a figure on the monthly basis budgets are compared on."""
    return f"{money(rate.currency, rate.low_monthly)}–{whole(rate.high_monthly):,} a month"


def range_hint(rate: Rate, currency: str, exchange: ExchangeTable) -> str:
    """The sourced range as a starting point for the founder's own yearly range, in the
    founder's currency: "USD 169,000–211,450 a year" or, for a monthly figure in another
    currency, "USD 2,000–6,000 a month, about INR 2,183,304–6,549,912 a year at the exchange
    rate of 2025-02-28"."""
    text = rate.range_text()
    if rate.period == "year" and rate.currency == currency:
        return text
    low, high = rate.monthly(rate.low) * 12, rate.monthly(rate.high) * 12
    if rate.currency == currency:
        return f"{text}, about {money(currency, low)}–{whole(high):,} a year"
    a = exchange.convert(low, rate.currency, currency)
    b = exchange.convert(high, rate.currency, currency)
    return (
        f"{text}, about {money(currency, a.converted)}–{whole(b.converted):,} a year at the "
        f"exchange rate of {a.date}"
    )


def budget_lines(
    b: Budget, monthly_budget: int | None, budget_currency: str | None, exchange: ExchangeTable
) -> list[str]:
    """The plan's ``[budget]`` as plain sentences, the same in ``show``, ``diff``, the Markdown
    export and the Review: the range with its period and monthly equivalent, what it measures,
    the proxy caveat, the source and date, how the budget compares (with the converted amount
    and the exchange rate's date when the currencies differ) and what it buys."""
    currency = b.currency
    rate = Rate(
        region=b.region,
        track=None,
        seniority=None,
        engagement="full_time",
        currency=currency,
        period=b.period,
        low=b.low,
        high=b.high,
        basis=b.basis,
        proxy=b.proxy,
        source=b.source,
        as_of=b.as_of,
    )
    first = f"Full-time pay range: {rate.range_text()}"
    if b.period != "month":
        first += f" (about {monthly_text(rate)})"
    lines = [first + "."]
    if b.basis:
        lines.append(f"What it measures: {b.basis.rstrip('.')}.")
    if b.proxy:
        lines.append(
            "This is a proxy: it measures a related occupation, not this exact role, so treat "
            "it as a rough guide."
        )
    lines.append(f"Source: {b.source.rstrip('.')}, as of {b.as_of}.")
    if b.check == "not_given" or monthly_budget is None:
        lines.append("No monthly budget is given, so nothing is compared.")
    else:
        own = budget_currency or currency
        said = f"Your budget of {money(own, monthly_budget)} a month"
        compared = Fraction(monthly_budget)
        if own != currency:
            conversion = exchange.convert(monthly_budget, own, currency)
            compared = conversion.converted
            said += (
                f" is about {money(currency, compared)} at the exchange rate of "
                f"{conversion.date} ({conversion.source}); that"
            )
        if b.check == "below":
            percent = math.floor(100 * compared / rate.low_monthly)
            lines.append(
                f"{said} is below the low end ({money(currency, rate.low_monthly)} a month): "
                f"{percent} % of it."
            )
        elif b.check == "above":
            lines.append(
                f"{said} is above the high end ({money(currency, rate.high_monthly)} a month)."
            )
        else:
            lines.append(f"{said} is within the range.")
    if b.buys is not None:
        unit = "hour" if b.buys == 1 else "hours"
        lines.append(
            f"At the midpoint of the sourced hourly rate it pays for about {b.buys} {unit} a month."
        )
    return lines


def plan_budget_lines(plan: Plan, exchange: ExchangeTable) -> list[str]:
    """:func:`budget_lines` for a whole plan; empty when the plan has no ``[budget]``."""
    if plan.budget is None:
        return []
    t = plan.answers.timing
    return budget_lines(plan.budget, t.monthly_budget, t.budget_currency, exchange)
