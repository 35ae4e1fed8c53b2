"""Pay figures, currency conversion and the founder's budget check, as data and pure functions.

Why a module of its own: the pay figures are the one place where hirewiz states numbers about
the outside world, so every figure carries its source, reference date, what it measures and
whether it is a proxy, and every comparison is arithmetic a founder can redo by hand. The
rules engine turns the results into ``[budget]`` and findings; nothing here formats markup.

Figures come from ``checklists/pay_rates.toml`` (region x track x seniority x engagement) and a
user's ``rates.toml`` in the hirewiz folder, whose entries replace the shipped ones for the keys
they name. An entry without ``track`` or ``seniority`` applies to every track or seniority,
which is also how an override written for the older region x engagement layout keeps working.
Money is compared exactly (fractions, not floats) so a boundary such as "half the low end"
never flips on rounding.
"""

from __future__ import annotations

import calendar
import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

from checklists.loader import ChecklistError, default_dir

SHIPPED_RATES: Final = "pay_rates.toml"
EXCHANGE_RATES: Final = "exchange_rates.toml"
USER_RATES: Final = "rates.toml"

Check = Literal["below", "within", "above", "not_given"]
EngagementSignal = Literal["contract", "full_time_with_warning", "full_time"]
Severity = Literal["warning", "tip"]

REGIONS: Final = ("us", "uk", "eu", "india", "other")
TRACKS: Final = (
    "ml_engineer",
    "data_scientist",
    "mlops_engineer",
    "data_engineer",
    "ai_engineer",
    "ml_advisor",
)
SENIORITIES: Final = ("junior", "mid", "senior", "lead")
ENGAGEMENTS: Final = ("full_time", "contract", "advisor")
PERIODS: Final = ("year", "month", "hour")
CURRENCIES: Final = ("USD", "EUR", "GBP", "INR")
DEFAULT_CURRENCY: Final[Mapping[str, str]] = {
    "us": "USD",
    "uk": "GBP",
    "eu": "EUR",
    "india": "INR",
    "other": "USD",
}
TRACK_NAMES: Final[Mapping[str, str]] = {
    "ml_engineer": "ML engineer",
    "data_scientist": "data scientist",
    "mlops_engineer": "MLOps engineer",
    "data_engineer": "data engineer",
    "ai_engineer": "AI engineer",
    "ml_advisor": "ML advisor",
}
SENIORITY_NAMES: Final[Mapping[str, str]] = {
    "junior": "junior",
    "mid": "mid-level",
    "senior": "senior",
    "lead": "lead",
}
REGION_NAMES: Final[Mapping[str, str]] = {
    "us": "the US",
    "uk": "the UK",
    "eu": "the EU",
    "india": "India",
    "other": "this region",
}
# Pay-transparency laws expect a published range in job posts here (several US states; EU
# Directive 2023/970), so a job post without the founder's own range is a warning, not a tip.
TRANSPARENCY_REGIONS: Final = ("us", "eu")
# BLS turns hourly wages into annual ones with 2,080 "year-round, full-time" hours; the same
# figure turns an hourly full-time figure into a monthly one.
HOURS_PER_YEAR: Final = 2080
STALE_AFTER_MONTHS: Final = 36
MAX_WHOLE: Final = 2**63 - 1  # TOML integers are 64-bit; anything larger is refused
MAX_ENTRIES: Final = 5000
MAX_TEXT: Final = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_RATE_KEYS: Final = (
    "region",
    "track",
    "seniority",
    "engagement",
    "currency",
    "period",
    "low",
    "high",
    "basis",
    "proxy",
    "source",
    "as_of",
)


# --- data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """One published pay figure. ``track``/``seniority`` of None mean "every track/seniority"."""

    region: str
    track: str | None
    seniority: str | None
    engagement: str
    currency: str
    period: str
    low: int
    high: int
    basis: str
    proxy: bool
    source: str
    as_of: str
    origin: Literal["shipped", "user"] = "shipped"

    @property
    def key(self) -> tuple[str, str | None, str | None, str]:
        return (self.region, self.track, self.seniority, self.engagement)

    @property
    def specificity(self) -> int:
        return (self.track is not None) + (self.seniority is not None)

    def covers(self, region: str, track: str, seniority: str, engagement: str) -> bool:
        return (
            self.region == region
            and self.engagement == engagement
            and self.track in (None, track)
            and self.seniority in (None, seniority)
        )

    def monthly(self, amount: int | Fraction) -> Fraction:
        """``amount`` in this figure's period, as a monthly amount."""
        if self.period == "year":
            return Fraction(amount) / 12
        if self.period == "hour":
            return Fraction(amount) * HOURS_PER_YEAR / 12
        return Fraction(amount)

    @property
    def low_monthly(self) -> Fraction:
        return self.monthly(self.low)

    @property
    def high_monthly(self) -> Fraction:
        return self.monthly(self.high)

    @property
    def midpoint(self) -> Fraction:
        return Fraction(self.low + self.high, 2)

    def range_text(self) -> str:
        """``USD 103,050–133,080 a year``."""
        per = {"year": "a year", "month": "a month", "hour": "an hour"}[self.period]
        return f"{self.currency} {self.low:,}–{self.high:,} {per}"


@dataclass(frozen=True)
class RateTable:
    """Shipped figures plus the user's own; the user's win wherever they match."""

    shipped: tuple[Rate, ...]
    user: tuple[Rate, ...] = ()
    user_path: Path | None = None

    def find(self, region: str, track: str, seniority: str, engagement: str) -> Rate | None:
        """The figure for this key: the user's most specific match, else the shipped one."""
        for rates in (self.user, self.shipped):
            matches = [r for r in rates if r.covers(region, track, seniority, engagement)]
            if matches:
                return max(matches, key=lambda r: r.specificity)
        return None

    def full_time(self, region: str, track: str, seniority: str) -> Rate | None:
        """The full-time range every budget is compared with."""
        return self.find(region, track, seniority, "full_time")

    def hourly(self, region: str, track: str, seniority: str, engagement: str) -> Rate | None:
        """A sourced hourly rate for this engagement, or None (then nothing is said it buys)."""
        rate = self.find(region, track, seniority, engagement)
        return rate if rate is not None and rate.period == "hour" else None


@dataclass(frozen=True)
class Conversion:
    """An amount converted through the shipped exchange-rate table, with the rate's date."""

    amount: Fraction
    from_currency: str
    to_currency: str
    converted: Fraction
    rate: Fraction  # units of to_currency per unit of from_currency
    date: str
    source: str

    def text(self) -> str:
        """``EUR 2,000 is about USD 2,082 at the exchange rate of 2025-02-28 (European ...)``."""
        return (
            f"{money(self.from_currency, self.amount)} is about "
            f"{money(self.to_currency, self.converted)} at the exchange rate of {self.date} "
            f"({self.source})"
        )


@dataclass(frozen=True)
class ExchangeTable:
    """One day's reference rates, as units of each currency per euro."""

    source: str
    date: str
    per_euro: Mapping[str, Fraction]

    def convert(self, amount: int | Fraction, from_currency: str, to_currency: str) -> Conversion:
        for currency in (from_currency, to_currency):
            if currency not in self.per_euro:
                raise ValueError(f"no exchange rate for {currency!r}")
        rate = self.per_euro[to_currency] / self.per_euro[from_currency]
        return Conversion(
            amount=Fraction(amount),
            from_currency=from_currency,
            to_currency=to_currency,
            converted=Fraction(amount) * rate,
            rate=rate,
            date=self.date,
            source=self.source,
        )


@dataclass(frozen=True)
class AdvisorEquity:
    """The FAST agreement's advisor equity for one company stage (guidance, not pay)."""

    stage: str
    plan_stages: tuple[str, ...]
    standard_percent: Fraction
    expert_percent: Fraction
    vesting: str
    source: str


@dataclass(frozen=True)
class PayData:
    rates: RateTable
    exchange: ExchangeTable
    advisor_equity: tuple[AdvisorEquity, ...]


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


def money(currency: str, amount: int | Fraction) -> str:
    """``USD 2,500``: whole units, rounded half up."""
    return f"{currency} {whole(amount):,}"


def whole(amount: int | Fraction) -> int:
    return math.floor(Fraction(amount) + Fraction(1, 2))


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
        text += f"; at the contract rate ({buys.rate.range_text()}) {buys.text()}"
    return text + "."


def reference_end(as_of: str) -> date:
    """The last day of the period a figure refers to: "2024-05" ends on 2024-05-31."""
    match = _AS_OF.match(as_of)
    if not match:
        raise ValueError(f"as_of {as_of!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if day is not None:
        return date(int(year), int(month), int(day))
    if month is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        return date(int(year), int(month), last)
    return date(int(year), 12, 31)


def _months_before(when: date, months: int) -> date:
    total = when.year * 12 + when.month - 1 - months
    year, month = divmod(total, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def is_stale(rate: Rate, updated: date | datetime) -> bool:
    """True when the figure's reference period ended more than 36 months before ``updated``."""
    day = updated.date() if isinstance(updated, datetime) else updated
    return reference_end(rate.as_of) < _months_before(day, STALE_AFTER_MONTHS)


def transparency_severity(region: str) -> Severity:
    """A job post without the founder's own range: a warning where the law expects one."""
    return "warning" if region in TRANSPARENCY_REGIONS else "tip"


def missing_figure(region: str, track: str, seniority: str, engagement: str) -> str:
    """The "no figure" sentence: what is missing and how the founder can add their own."""
    kind = engagement.replace("_", "-")
    who = f"{SENIORITY_NAMES.get(seniority, seniority)} {TRACK_NAMES.get(track, track)}"
    where = REGION_NAMES.get(region, "this region")
    return (
        f"hirewiz ships no sourced {kind} pay figure for a {who} in {where}; add one you "
        "trust to rates.toml in your hirewiz folder (region, track, seniority, engagement, "
        "low, high, currency, period, source, as_of) and the plan will compare your budget "
        "with it."
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


# --- loading ----------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    """Read a TOML file through the plan reader's guards (size, binary, encoding, dotted keys,
    nesting), turning its error into the checklist error callers already report."""
    # Imported here: wizard.planfile imports the rules engine, which imports this module.
    from wizard.planfile import PlanFileError, parse_toml, read_text

    try:
        return parse_toml(path, read_text(path))
    except PlanFileError as exc:
        raise ChecklistError(str(exc)) from None


def _fail(path: Path, where: str, reason: str) -> ChecklistError:
    return ChecklistError(f"{path}: {where}: {reason}")


def _text(path: Path, where: str, value: Any, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _fail(path, where, "must be text")
    if required and not value.strip():
        raise _fail(path, where, "must not be empty")
    if len(value) > MAX_TEXT:
        raise _fail(path, where, f"is longer than {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise _fail(path, where, "contains control characters")
    return value


def _choice(path: Path, where: str, value: Any, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise _fail(path, where, f"must be one of {', '.join(allowed)}")
    return value


def _whole(path: Path, where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WHOLE:
        raise _fail(path, where, f"must be a whole number from 1 to {MAX_WHOLE}")
    return value


def _rate(path: Path, where: str, raw: Any, *, shipped: bool) -> Rate:
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be a table")
    for key in raw:
        if key not in _RATE_KEYS:
            raise _fail(path, f"{where}.{key}", "unknown key")
    for key in ("region", "engagement", "currency", "period", "low", "high", "source", "as_of"):
        if key not in raw:
            raise _fail(path, f"{where}.{key}", "is missing")
    track = raw.get("track")
    seniority = raw.get("seniority")
    proxy = raw.get("proxy", False)
    if shipped and "proxy" not in raw:
        raise _fail(path, f"{where}.proxy", "is missing")
    if not isinstance(proxy, bool):
        raise _fail(path, f"{where}.proxy", "must be true or false")
    as_of = _text(path, f"{where}.as_of", raw["as_of"], required=True)
    try:
        reference_end(as_of)
    except ValueError:
        raise _fail(path, f"{where}.as_of", "must be a date: YYYY, YYYY-MM or YYYY-MM-DD") from None
    rate = Rate(
        region=_choice(path, f"{where}.region", raw["region"], REGIONS),
        track=None if track is None else _choice(path, f"{where}.track", track, TRACKS),
        seniority=None
        if seniority is None
        else _choice(path, f"{where}.seniority", seniority, SENIORITIES),
        engagement=_choice(path, f"{where}.engagement", raw["engagement"], ENGAGEMENTS),
        currency=_choice(path, f"{where}.currency", raw["currency"], CURRENCIES),
        period=_choice(path, f"{where}.period", raw["period"], PERIODS),
        low=_whole(path, f"{where}.low", raw["low"]),
        high=_whole(path, f"{where}.high", raw["high"]),
        basis=_text(path, f"{where}.basis", raw.get("basis"), required=shipped),
        proxy=proxy,
        source=_text(path, f"{where}.source", raw["source"], required=True),
        as_of=as_of,
        origin="shipped" if shipped else "user",
    )
    if rate.low > rate.high:
        raise _fail(path, where, "low is above high")
    return rate


def _rates(path: Path, doc: dict[str, Any], *, shipped: bool) -> tuple[Rate, ...]:
    raw = doc.get("rates", [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise _fail(path, "rates", "must be an array of tables ([[rates]])")
    if len(raw) > MAX_ENTRIES:
        raise _fail(path, "rates", f"has more than {MAX_ENTRIES} entries")
    rates: list[Rate] = []
    seen: dict[tuple[str, str | None, str | None, str], int] = {}
    for i, entry in enumerate(raw):
        rate = _rate(path, f"rates[{i}]", entry, shipped=shipped)
        if rate.key in seen:
            raise _fail(path, f"rates[{i}]", f"repeats the entry of rates[{seen[rate.key]}]")
        seen[rate.key] = i
        rates.append(rate)
    return tuple(rates)


def falling_ranges(rates: tuple[Rate, ...]) -> list[str]:
    """Where a range falls as seniority rises (low or high below the level beneath it)."""
    problems = []
    groups: dict[tuple[str, str | None, str], list[Rate]] = {}
    for rate in rates:
        if rate.seniority is not None:
            groups.setdefault((rate.region, rate.track, rate.engagement), []).append(rate)
    for (region, track, engagement), group in groups.items():
        ordered = sorted(group, key=lambda r: SENIORITIES.index(r.seniority or ""))
        for below, above in itertools.pairwise(ordered):
            if below.currency != above.currency or below.period != above.period:
                problems.append(f"{region}/{track}/{engagement}: mixes currencies or periods")
            elif above.low < below.low or above.high < below.high:
                problems.append(
                    f"{region}/{track}/{engagement}: {above.seniority} falls below "
                    f"{below.seniority}"
                )
    return problems


def _positive(value: Any) -> bool:
    """A finite number above zero (TOML floats can be inf or nan; bools are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value > 0


def _exchange(path: Path, doc: dict[str, Any]) -> ExchangeTable:
    for key in doc:
        if key not in ("source", "date", "base", "rates"):
            raise _fail(path, key, "unknown key")
    source = _text(path, "source", doc.get("source"), required=True)
    day = _text(path, "date", doc.get("date"), required=True)
    try:
        date.fromisoformat(day)
    except ValueError:
        raise _fail(path, "date", "must be a date: YYYY-MM-DD") from None
    if doc.get("base") != "EUR":
        raise _fail(path, "base", 'must be "EUR"')
    raw = doc.get("rates")
    if not isinstance(raw, dict):
        raise _fail(path, "rates", "must be a table of currency = units per euro")
    per_euro = {"EUR": Fraction(1)}
    for currency in CURRENCIES:
        if currency == "EUR":
            continue
        value = raw.get(currency)
        if not _positive(value):
            raise _fail(path, f"rates.{currency}", "must be a positive number")
        per_euro[currency] = Fraction(str(value))
    for key in raw:
        if key not in per_euro:
            raise _fail(path, f"rates.{key}", "unknown currency")
    return ExchangeTable(source=source, date=day, per_euro=per_euro)


def _equity(path: Path, doc: dict[str, Any]) -> tuple[AdvisorEquity, ...]:
    raw = doc.get("advisor_equity")
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not isinstance(raw.get("stages"), list):
        raise _fail(path, "advisor_equity", "must be a table with [[advisor_equity.stages]]")
    source = _text(path, "advisor_equity.source", raw.get("source"), required=True)
    vesting = _text(path, "advisor_equity.vesting", raw.get("vesting"), required=True)
    guides = []
    for i, stage in enumerate(raw["stages"]):
        where = f"advisor_equity.stages[{i}]"
        if not isinstance(stage, dict):
            raise _fail(path, where, "must be a table")
        plan_stages = stage.get("plan_stages")
        if not isinstance(plan_stages, list) or not all(isinstance(s, str) for s in plan_stages):
            raise _fail(path, f"{where}.plan_stages", "must be a list of stage names")
        percents = []
        for key in ("standard_percent", "expert_percent"):
            value: Any = stage.get(key)
            if not _positive(value) or value >= 100:
                raise _fail(path, f"{where}.{key}", "must be a percentage between 0 and 100")
            percents.append(Fraction(str(value)))
        guides.append(
            AdvisorEquity(
                stage=_text(path, f"{where}.stage", stage.get("stage"), required=True),
                plan_stages=tuple(plan_stages),
                standard_percent=percents[0],
                expert_percent=percents[1],
                vesting=vesting,
                source=source,
            )
        )
    return tuple(guides)


def _shipped(folder: Path) -> tuple[tuple[Rate, ...], tuple[AdvisorEquity, ...]]:
    path = folder / SHIPPED_RATES
    doc = _read(path)
    for key in doc:
        if key not in ("rates", "advisor_equity"):
            raise _fail(path, key, "unknown key")
    rates = _rates(path, doc, shipped=True)
    problems = falling_ranges(rates)
    if problems:
        raise _fail(path, "rates", problems[0])
    return rates, _equity(path, doc)


def _user(home: Path) -> tuple[tuple[Rate, ...], Path | None]:
    path = home / USER_RATES
    if not path.exists():
        return (), None
    doc = _read(path)
    for key in doc:
        if key != "rates":
            raise _fail(path, key, "unknown key")
    return _rates(path, doc, shipped=False), path


def load_pay_data(home: Path | None = None, directory: Path | None = None) -> PayData:
    """The shipped figures, the user's ``rates.toml`` from ``home`` when there is one, the
    exchange rates and the advisor equity guidance. Every problem is one ChecklistError line
    naming the file and the key."""
    folder = directory or default_dir()
    shipped, equity = _shipped(folder)
    user, user_path = _user(home) if home is not None else ((), None)
    exchange_path = folder / EXCHANGE_RATES
    return PayData(
        rates=RateTable(shipped, user, user_path),
        exchange=_exchange(exchange_path, _read(exchange_path)),
        advisor_equity=equity,
    )


def pay_data(home: Path | None = None, directory: Path | None = None) -> PayData:
    """:func:`load_pay_data`, cached until the user's ``rates.toml`` changes (size or mtime),
    since the rules engine asks for it on every recomputation of a plan."""
    stamp: tuple[int, int] | None = None
    if home is not None:
        try:
            info = (home / USER_RATES).stat()
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
    return _cached_pay_data((directory or default_dir()).resolve(), home, stamp)


@lru_cache(maxsize=8)
def _cached_pay_data(folder: Path, home: Path | None, stamp: tuple[int, int] | None) -> PayData:
    return load_pay_data(home, folder)
