"""Pay figures as data: the one reader for the shipped ``rates.toml``, a user's override and the
exchange-rate table.

Why here: the figures are data like every other checklist, and a user's ``rates.toml`` in the
hirewiz folder may come from anyone, so both go through the same guarded TOML reader as plans
(regular files only, size, nesting, dotted keys, numbers) and the same bounds: whole amounts from
1 to ``MAX_PAY``, one line of plain text of at most ``MAX_TEXT`` characters. Every problem is one
line naming the file and the key. The shipped layout is region x track x seniority x engagement;
an entry without ``track`` or ``seniority`` applies to every track or seniority, which is how an
override written for the older region x engagement layout keeps working. What the figures mean
for a founder's budget is ``wizard/pay.py``; docs/rules.md, "Pay figures", says where each comes
from.
"""

from __future__ import annotations

import calendar
import errno
import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

from checklists.errors import ChecklistError
from checklists.shipped import read_shipped
from wizard.files import PlanFileError, parse_toml, read_text
from wizard.text import describe_char, unsafe_char

HERE: Final = Path(__file__).resolve().parent

SHIPPED_RATES: Final = "rates.toml"
EXCHANGE_RATES: Final = "exchange_rates.toml"
USER_RATES: Final = "rates.toml"

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
# BLS turns hourly wages into annual ones with 2,080 "year-round, full-time" hours; the same
# figure turns an hourly full-time figure into a monthly one.
HOURS_PER_YEAR: Final = 2080
# Far above any salary in any currency, far below what other tools' 64-bit integers hold.
MAX_PAY: Final = 10**12
MAX_ENTRIES: Final = 5000
# A user's text is copied into plans and shown in the terminal: one line of plain text. The
# shipped bases say how a figure was derived and may run longer.
MAX_TEXT: Final = 300
MAX_SHIPPED_TEXT: Final = 1000
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


def money(currency: str, amount: int | Fraction) -> str:
    """``USD 2,500``: whole units, rounded half up."""
    return f"{currency} {whole(amount):,}"


def whole(amount: int | Fraction) -> int:
    return math.floor(Fraction(amount) + Fraction(1, 2))


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


# --- loading ----------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    """Read through the same guarded reader as plans, turning its error into the one line
    callers already report (a shipped file that is missing says so). A shipped file's parsed
    form is kept between runs (checklists/shipped.py); a user's file is parsed every time."""
    try:
        text = read_text(path)
        return read_shipped(path, text, lambda: parse_toml(path, text))
    except PlanFileError as exc:
        if exc.errno == errno.ENOENT:  # a user file is only read once it exists
            raise ChecklistError(f"{path}: checklist file is missing") from None
        raise ChecklistError(str(exc)) from None


def _fail(path: Path, where: str, reason: str) -> ChecklistError:
    return ChecklistError(f"{path}: {where}: {reason}")


def _text(path: Path, where: str, value: Any, *, required: bool, limit: int = MAX_TEXT) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _fail(path, where, "must be text")
    if required and not value.strip():
        raise _fail(path, where, "must not be empty")
    if len(value) > limit:
        raise _fail(path, where, f"is longer than {limit} characters")
    char = unsafe_char(value)
    if char is not None:
        raise _fail(
            path, where, f"contains a control or invisible character ({describe_char(char)})"
        )
    return value


def _choice(path: Path, where: str, value: Any, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise _fail(path, where, f"must be one of {', '.join(allowed)}")
    return value


def _whole(path: Path, where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAY:
        raise _fail(path, where, f"must be a whole number from 1 to {MAX_PAY}")
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
    limit = MAX_SHIPPED_TEXT if shipped else MAX_TEXT
    track = raw.get("track")
    seniority = raw.get("seniority")
    proxy = raw.get("proxy", False)
    if shipped and "proxy" not in raw:
        raise _fail(path, f"{where}.proxy", "is missing")
    if not isinstance(proxy, bool):
        raise _fail(path, f"{where}.proxy", "must be true or false")
    as_of = _text(path, f"{where}.as_of", raw["as_of"], required=True, limit=limit)
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
        basis=_text(path, f"{where}.basis", raw.get("basis"), required=shipped, limit=limit),
        proxy=proxy,
        source=_text(path, f"{where}.source", raw["source"], required=True, limit=limit),
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
    folder = directory or HERE
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
    return _cached_pay_data((directory or HERE).resolve(), home, stamp)


@lru_cache(maxsize=8)
def _cached_pay_data(folder: Path, home: Path | None, stamp: tuple[int, int] | None) -> PayData:
    return load_pay_data(home, folder)
