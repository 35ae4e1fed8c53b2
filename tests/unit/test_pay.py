"""Pay figures and the budget check: every shipped figure is sourced, ranges never fall as
seniority rises, the check is right on both sides of every boundary, a user's rates.toml
(new or old layout) wins for the keys it names, and hostile overrides get one clear line."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import ChecklistError, default_dir
from wizard.pay import (
    ENGAGEMENTS,
    EXCHANGE_RATES,
    SENIORITIES,
    SHIPPED_RATES,
    TRACKS,
    ExchangeTable,
    PayAdvice,
    PayData,
    Rate,
    advise,
    advisor_equity_for,
    budget_sentence,
    buys_hours,
    check_budget,
    default_currency,
    engagement_signal,
    falling_ranges,
    is_stale,
    load_pay_data,
    missing_figure,
    pay_data,
    reference_end,
    transparency_severity,
)

WORKING_TRACKS = [t for t in TRACKS if t != "ml_advisor"]


@pytest.fixture(scope="module")
def data() -> PayData:
    return load_pay_data()


def _rate(**changes: object) -> Rate:
    """A made-up full-time range: USD 120,000–240,000 a year = 10,000–20,000 a month."""
    fields: dict[str, object] = {
        "region": "us",
        "track": "ml_engineer",
        "seniority": "senior",
        "engagement": "full_time",
        "currency": "USD",
        "period": "year",
        "low": 120_000,
        "high": 240_000,
        "basis": "test range",
        "proxy": False,
        "source": "test source",
        "as_of": "2024-05",
    }
    fields.update(changes)
    return Rate(**fields)  # type: ignore[arg-type]


def _advise(data: PayData, **changes: Any) -> PayAdvice:
    """``advise`` for a senior full-time ML engineer in India with no budget, with changes."""
    kwargs: dict[str, Any] = {
        "region": "india",
        "track": "ml_engineer",
        "seniority": "senior",
        "engagement": "full_time",
        "monthly_budget": None,
        "budget_currency": "USD",
        "overdue": False,
    }
    kwargs.update(changes)
    return advise(data, **kwargs)


HOURLY = _rate(engagement="contract", period="hour", low=80, high=120)  # midpoint 100
FX = ExchangeTable(
    source="test reference rate",
    date="2025-01-31",
    per_euro={
        "EUR": Fraction(1),
        "USD": Fraction(5, 4),
        "GBP": Fraction(4, 5),
        "INR": Fraction(100),
    },
)


# --- sourced figure or the explicit "no figure" path, per region x engagement ---------------


def _sourced(region: str, engagement: str, seniority: str) -> bool:
    """Where a shipped figure exists for the ML engineer track (docs/pay.md says why)."""
    if region == "us":
        return engagement == "full_time"
    if region == "india":
        return engagement in ("full_time", "contract")
    if region == "uk":  # ASHE publishes no percentile above the 90th: no lead range
        return engagement == "full_time" and seniority != "lead"
    return False  # the EU and "other": no citable figure


ROLE_IN_WORDS = {"junior": "a junior", "mid": "a mid-level", "senior": "a senior", "lead": "a lead"}


@pytest.mark.parametrize("region", ["us", "uk", "eu", "india", "other"])
@pytest.mark.parametrize("engagement", ENGAGEMENTS)
@pytest.mark.parametrize("seniority", SENIORITIES)
def test_region_and_engagement_have_a_sourced_figure_or_say_there_is_none(
    data: PayData, region: str, engagement: str, seniority: str
) -> None:
    rate = data.rates.find(region, "ml_engineer", seniority, engagement)
    if _sourced(region, engagement, seniority):
        assert rate is not None
        assert rate.source and rate.as_of and rate.basis
        assert rate.period == ("hour" if engagement == "contract" else rate.period)
        return
    assert rate is None
    text = missing_figure(region, "ml_engineer", seniority, engagement)
    assert "rates.toml" in text and text.startswith("No sourced")
    assert f"{ROLE_IN_WORDS[seniority]} ML engineer in " in text
    if engagement == "full_time":
        advice = _advise(
            data,
            region=region,
            seniority=seniority,
            monthly_budget=5000,
            budget_currency=None,
            overdue=True,
        )
        assert advice.figure is None and advice.check is None
        assert advice.missing == text and advice.signal == "full_time"


def test_the_no_figure_sentence_names_the_role_in_words() -> None:
    assert missing_figure("other", "mlops_engineer", "mid", "contract").startswith(
        "No sourced contract rate for a mid-level MLOps engineer in this region ships with "
        "hirewiz; add an hourly rate you trust to rates.toml in your hirewiz folder"
    )


def test_an_advisor_has_no_sourced_pay_figure_anywhere(data: PayData) -> None:
    for region in ("us", "uk", "eu", "india", "other"):
        for engagement in ENGAGEMENTS:
            assert data.rates.find(region, "ml_advisor", "senior", engagement) is None


def test_every_shipped_figure_has_source_date_and_basis(data: PayData) -> None:
    assert data.rates.shipped
    for rate in data.rates.shipped:
        assert rate.source.strip() and rate.basis.strip(), rate.key
        reference_end(rate.as_of)  # a real date
        assert rate.origin == "shipped"


def test_us_figures_are_the_cited_oews_percentiles(data: PayData) -> None:
    def span(track: str, seniority: str) -> tuple[int, int]:
        rate = data.rates.full_time("us", track, seniority)
        assert rate is not None and rate.as_of == "2024-05" and "OEWS" in rate.source
        return rate.low, rate.high

    assert span("ml_engineer", "senior") == (169_000, 211_450)  # 15-1252, 75th-90th
    assert span("data_scientist", "mid") == (112_590, 155_810)  # 15-2051, 50th-75th
    assert span("data_engineer", "junior") == (107_900, 135_980)  # 15-1243, 25th-50th
    assert span("ai_engineer", "lead") == (211_450, 239_200)  # 90th up to the top code
    lead = data.rates.full_time("us", "ml_engineer", "lead")
    assert lead is not None and "top code" in lead.basis


UK_PERCENTILES = {  # ASHE 2025 provisional, Table 14.7a, full time: 25th, 50th, 75th, 90th
    "2134": (42_289, 56_914, 75_794, 102_860),
    "2133": (45_860, 60_288, 81_932, 100_418),
    "2433": (41_906, 53_342, 74_372, None),  # ONS suppressed the 90th percentile
}
UK_UNIT_GROUP = {
    "ml_engineer": "2134",
    "ai_engineer": "2134",
    "mlops_engineer": "2134",
    "data_engineer": "2133",
    "data_scientist": "2433",
}


@pytest.mark.parametrize("track", WORKING_TRACKS)
def test_uk_figures_are_the_cited_ashe_percentiles(data: PayData, track: str) -> None:
    code = UK_UNIT_GROUP[track]
    p25, p50, p75, p90 = UK_PERCENTILES[code]
    expected = {"junior": (p25, p50), "mid": (p50, p75), "senior": (p75, p90)}
    for seniority, (low, high) in expected.items():
        rate = data.rates.full_time("uk", track, seniority)
        if high is None:  # a range needs both ends published
            assert rate is None, seniority
            continue
        assert rate is not None and (rate.low, rate.high) == (low, high), seniority
        assert (rate.currency, rate.period, rate.as_of) == ("GBP", "year", "2025-04-05")
        assert "ASHE" in rate.source and "14.7a" in rate.source and code in rate.source
        assert f"SOC 2020 {code}" in rate.basis and rate.proxy
    # no percentile above the 90th and no top code: no lead range is made up
    assert data.rates.full_time("uk", track, "lead") is None


def test_no_eu_figure_ships(data: PayData) -> None:
    for track in TRACKS:
        for seniority in SENIORITIES:
            for engagement in ENGAGEMENTS:
                assert data.rates.find("eu", track, seniority, engagement) is None


def test_a_uk_budget_is_checked_in_pounds_on_both_sides_of_the_low_end(data: PayData) -> None:
    # junior low end: GBP 42,289 a year = GBP 3,524.08 a month
    below = _advise(
        data, region="uk", seniority="junior", monthly_budget=3_524, budget_currency=None
    )
    within = _advise(
        data, region="uk", seniority="junior", monthly_budget=3_525, budget_currency=None
    )
    assert below.check is not None and within.check is not None
    assert (below.check.check, within.check.check) == ("below", "within")
    assert below.check.conversion is None and below.check.budget_currency == "GBP"
    assert below.signal == "full_time_with_warning" and within.signal == "full_time"
    assert below.sentence is not None and "GBP 3,524 a month is 99 %" in below.sentence
    dollars = _advise(
        data, region="uk", seniority="mid", monthly_budget=2_000, budget_currency="USD"
    )
    assert dollars.check is not None and dollars.check.conversion is not None
    assert dollars.check.under_half and dollars.signal == "contract"


def test_proxies_say_so(data: PayData) -> None:
    for track in WORKING_TRACKS:
        for region in ("us", "india"):
            rate = data.rates.full_time(region, track, "mid")
            assert rate is not None
            assert rate.proxy is (track != {"us": "data_scientist", "india": "ml_engineer"}[region])
            if rate.proxy:
                assert "proxy" in rate.basis
        uk = data.rates.full_time("uk", track, "mid")
        assert uk is not None and uk.proxy and "proxy" in uk.basis


def test_ranges_never_fall_as_seniority_rises(data: PayData) -> None:
    assert falling_ranges(data.rates.shipped) == []
    for region in ("us", "india", "uk"):
        for track in WORKING_TRACKS:
            seniorities: tuple[str, ...] = SENIORITIES
            if region == "uk":  # what ASHE supports; the test above pins it
                seniorities = ("junior", "mid") if track == "data_scientist" else SENIORITIES[:3]
            lows, highs = [], []
            for seniority in seniorities:
                rate = data.rates.full_time(region, track, seniority)
                assert rate is not None
                lows.append(rate.low_monthly)
                highs.append(rate.high_monthly)
            assert lows == sorted(lows) and highs == sorted(highs), (region, track)


def test_a_falling_range_is_found() -> None:
    junior = _rate(seniority="junior", low=100, high=200)
    mid = _rate(seniority="mid", low=90, high=300)
    assert falling_ranges((junior, mid)) == ["us/ml_engineer/full_time: mid falls below junior"]


# --- the budget check on both sides of every boundary ---------------------------------------


@pytest.mark.parametrize(
    ("budget", "check", "under_half", "percent"),
    [
        (0, "below", True, 0),
        (4_999, "below", True, 49),
        (5_000, "below", False, 50),
        (9_999, "below", False, 99),
        (10_000, "within", False, 100),
        (20_000, "within", False, 200),
        (20_001, "above", False, 200),
    ],
)
def test_budget_check_boundaries(budget: int, check: str, under_half: bool, percent: int) -> None:
    result = check_budget(_rate(), budget, "USD", FX)
    assert (result.check, result.under_half, result.percent_of_low) == (check, under_half, percent)
    assert result.conversion is None


def test_no_budget_is_not_given() -> None:
    result = check_budget(_rate(), None, "USD", FX)
    assert result.check == "not_given" and result.percent_of_low is None


@pytest.mark.parametrize(
    ("currency", "just_below", "at_low", "under_half", "at_half"),
    [
        ("EUR", 7_999, 8_000, 3_999, 4_000),  # 1 EUR = 1.25 USD
        ("GBP", 6_399, 6_400, 3_199, 3_200),  # 1 GBP = 1.5625 USD
        ("INR", 799_999, 800_000, 399_999, 400_000),  # 1 INR = 0.0125 USD
    ],
)
def test_budget_check_across_currencies(
    currency: str, just_below: int, at_low: int, under_half: int, at_half: int
) -> None:
    rate = _rate()
    assert check_budget(rate, just_below, currency, FX).check == "below"
    assert check_budget(rate, at_low, currency, FX).check == "within"
    assert check_budget(rate, under_half, currency, FX).under_half is True
    assert check_budget(rate, at_half, currency, FX).under_half is False
    result = check_budget(rate, at_low, currency, FX)
    assert result.conversion is not None and result.compared == 10_000
    assert result.conversion.date == "2025-01-31"


def test_monthly_figures_are_not_divided_again() -> None:
    monthly = _rate(period="month", low=2_000, high=6_000)
    assert check_budget(monthly, 1_999, "USD", FX).check == "below"
    assert check_budget(monthly, 2_000, "USD", FX).check == "within"
    assert check_budget(monthly, 6_001, "USD", FX).check == "above"


def test_hourly_full_time_figures_use_2080_hours_a_year() -> None:
    hourly_full_time = _rate(period="hour", low=60, high=90)  # 60 * 2080 / 12 = 10,400
    assert check_budget(hourly_full_time, 10_399, "USD", FX).check == "below"
    assert check_budget(hourly_full_time, 10_400, "USD", FX).check == "within"


@pytest.mark.parametrize(
    ("check_budget_of", "overdue", "signal"),
    [
        (4_999, False, "contract"),  # under half the low end
        (5_000, False, "full_time_with_warning"),  # below, not under half, not overdue
        (5_000, True, "contract"),  # below and overdue
        (9_999, True, "contract"),
        (10_000, True, "full_time"),  # within: the urgency alone changes nothing
        (20_001, False, "full_time"),
    ],
)
def test_engagement_signal(check_budget_of: int, overdue: bool, signal: str) -> None:
    assert engagement_signal(check_budget(_rate(), check_budget_of, "USD", FX), overdue) == signal


def test_no_budget_or_no_figure_never_suggests_a_contractor() -> None:
    assert engagement_signal(check_budget(_rate(), None, "USD", FX), True) == "full_time"
    assert engagement_signal(None, True) == "full_time"


def test_the_arithmetic_sentence() -> None:
    check = check_budget(_rate(), 2_500, "USD", FX)
    buys = buys_hours(HOURLY, 2_500, "USD", FX)
    assert budget_sentence(check, buys) == (
        "USD 2,500 a month is 25 % of the low end of the range (USD 10,000 a month); at the "
        "midpoint of the contract rate (USD 80–120 an hour, so USD 100 an hour) it buys about "
        "25 hours a month."
    )
    assert budget_sentence(check) == (
        "USD 2,500 a month is 25 % of the low end of the range (USD 10,000 a month)."
    )
    assert budget_sentence(check_budget(_rate(), 10_000, "USD", FX)) is None


def test_the_sentence_shows_the_converted_figure_and_the_rates_date() -> None:
    check = check_budget(_rate(), 2_000, "EUR", FX)
    text = budget_sentence(check)
    assert text is not None
    assert text.startswith(
        "EUR 2,000 a month (about USD 2,500 at the exchange rate of 2025-01-31; test reference "
        "rate) is 25 % of the low end of the range (USD 10,000 a month)."
    )
    assert check.conversion is not None and check.conversion.text() == (
        "EUR 2,000 is about USD 2,500 at the exchange rate of 2025-01-31 (test reference rate)"
    )


@pytest.mark.parametrize(
    ("budget", "hours", "text"),
    [
        (0, 0, "it buys no hours"),
        (49, 0, "it buys less than an hour a month"),
        (50, 1, "it buys about 1 hour a month"),
        (2_549, 25, "it buys about 25 hours a month"),
        (2_550, 26, "it buys about 26 hours a month"),
    ],
)
def test_buys_rounds_to_the_nearest_hour(budget: int, hours: int, text: str) -> None:
    buys = buys_hours(HOURLY, budget, "USD", FX)
    assert buys is not None and (buys.hours, buys.text()) == (hours, text)


def test_buys_needs_a_budget_and_a_sourced_hourly_rate() -> None:
    assert buys_hours(None, 2_500, "USD", FX) is None
    assert buys_hours(HOURLY, None, "USD", FX) is None
    assert buys_hours(_rate(engagement="contract", period="month"), 2_500, "USD", FX) is None
    converted = buys_hours(HOURLY, 2_000, "EUR", FX)  # EUR 2,000 = USD 2,500
    assert converted is not None and converted.hours == 25 and converted.conversion is not None


def test_advise_for_an_overdue_india_contract(data: PayData) -> None:
    advice = _advise(
        data,
        engagement="contract",
        monthly_budget=1_000,
        overdue=True,
        updated=datetime(2026, 11, 29, tzinfo=UTC),
    )
    assert advice.figure is not None and advice.figure.range_text() == "USD 2,000–6,000 a month"
    assert advice.check is not None and advice.check.check == "below"
    assert advice.signal == "contract" and not advice.stale
    assert advice.buys is not None and advice.buys.hours == 25  # USD 1,000 / USD 40 an hour
    assert advice.sentence is not None and "50 % of the low end" in advice.sentence


def test_advise_converts_a_budget_in_the_regions_default_currency(data: PayData) -> None:
    advice = _advise(
        data, track="data_scientist", seniority="mid", monthly_budget=100_000, budget_currency=None
    )
    assert default_currency("india") == "INR"
    assert advice.check is not None and advice.check.conversion is not None
    assert advice.check.conversion.from_currency == "INR"
    assert advice.check.conversion.date == data.exchange.date
    assert advice.buys is None  # full time: nothing is said it buys


def test_a_full_time_plan_is_told_what_the_budget_buys_at_the_contract_rate(
    data: PayData,
) -> None:
    advice = _advise(data, monthly_budget=1_500)
    assert advice.signal == "full_time_with_warning" and advice.buys is None
    assert advice.sentence is not None and "about 38 hours a month" in advice.sentence


# --- staleness, transparency, currency defaults, advisor equity -----------------------------


@pytest.mark.parametrize(
    ("as_of", "updated", "stale"),
    [
        ("2024-05", date(2027, 5, 31), False),  # ended exactly 36 months before
        ("2024-05", date(2027, 6, 1), True),
        ("2025", date(2028, 12, 31), False),
        ("2025", datetime(2029, 1, 1, 9, 0, tzinfo=UTC), True),
        ("2024-02-29", date(2027, 2, 28), False),
        ("2024-02-29", date(2027, 3, 1), True),
    ],
)
def test_staleness_after_36_months(as_of: str, updated: date, stale: bool) -> None:
    assert is_stale(_rate(as_of=as_of), updated) is stale


def test_advise_reports_a_stale_figure(data: PayData) -> None:
    assert _advise(data, region="us", updated=date(2027, 5, 31)).stale is False
    assert _advise(data, region="us", updated=date(2027, 6, 1)).stale is True
    # ASHE 2025's annual pay refers to the tax year ending 5 April 2025
    uk = {"region": "uk", "seniority": "mid"}
    assert _advise(data, **uk, updated=date(2028, 4, 5)).stale is False
    assert _advise(data, **uk, updated=date(2028, 4, 6)).stale is True


@pytest.mark.parametrize(
    ("region", "severity"),
    [("us", "warning"), ("eu", "warning"), ("uk", "tip"), ("india", "tip"), ("other", "tip")],
)
def test_pay_transparency_severity(region: str, severity: str) -> None:
    assert transparency_severity(region) == severity


def test_default_currencies() -> None:
    expected = {"us": "USD", "uk": "GBP", "eu": "EUR", "india": "INR", "other": "USD"}
    assert {r: default_currency(r) for r in expected} == expected


def test_advisor_equity_covers_every_stage(data: PayData) -> None:
    for stage in ("idea", "mvp", "product_market_fit", "scaling"):
        guide = advisor_equity_for(data, stage)
        assert guide is not None and "FAST" in guide.source
        assert 0 < guide.standard_percent < guide.expert_percent <= 1
    idea = advisor_equity_for(data, "idea")
    assert idea is not None and (idea.standard_percent, idea.expert_percent) == (
        Fraction(1, 4),
        Fraction(1),
    )


def test_shipped_exchange_rates_are_dated_and_cover_every_budget_currency(data: PayData) -> None:
    fx = data.exchange
    date.fromisoformat(fx.date)
    assert "European Central Bank" in fx.source
    assert set(fx.per_euro) == {"EUR", "USD", "GBP", "INR"}
    gbp_to_inr = fx.convert(1, "GBP", "INR")
    assert gbp_to_inr.rate == fx.per_euro["INR"] / fx.per_euro["GBP"]
    assert fx.convert(10, "USD", "USD").converted == 10


# --- a user's rates.toml --------------------------------------------------------------------

NEW_LAYOUT = """
[[rates]]
region = "us"
track = "ml_engineer"
seniority = "senior"
engagement = "full_time"
currency = "USD"
period = "year"
low = 150000
high = 200000
basis = "Our own offers in 2026"
source = "Founder's survey"
as_of = "2026-06"
"""

OLD_LAYOUT = (
    '[[rates]]\nregion = "uk"\nengagement = "full_time"\ncurrency = "GBP"\n'
    'period = "year"\nlow = 60000\nhigh = 90000\nsource = "Our own survey"\nas_of = "2026"\n'
)


def _home(tmp_path: Path, text: str) -> Path:
    (tmp_path / "rates.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_new_layout_override_replaces_only_the_key_it_names(tmp_path: Path) -> None:
    data = load_pay_data(home=_home(tmp_path, NEW_LAYOUT))
    senior = data.rates.full_time("us", "ml_engineer", "senior")
    assert senior is not None and (senior.low, senior.origin) == (150_000, "user")
    assert senior.proxy is False  # a user's own figure is not a proxy unless they say so
    lead = data.rates.full_time("us", "ml_engineer", "lead")
    assert lead is not None and lead.origin == "shipped"
    assert data.rates.user_path == tmp_path / "rates.toml"


def test_an_old_layout_override_applies_to_every_track_and_seniority(tmp_path: Path) -> None:
    data = load_pay_data(home=_home(tmp_path, OLD_LAYOUT))
    for track in TRACKS:
        for seniority in SENIORITIES:
            rate = data.rates.full_time("uk", track, seniority)
            assert rate is not None and (rate.currency, rate.low, rate.basis) == ("GBP", 60_000, "")
    advice = _advise(
        data,
        region="uk",
        track="data_engineer",
        seniority="junior",
        monthly_budget=4_000,
        budget_currency=None,
        overdue=True,
    )
    assert advice.check is not None and advice.check.check == "below"  # GBP 5,000 a month low
    assert advice.signal == "contract"


def test_an_old_layout_override_beats_more_specific_shipped_entries(tmp_path: Path) -> None:
    text = OLD_LAYOUT.replace('"uk"', '"us"').replace('"GBP"', '"USD"')
    data = load_pay_data(home=_home(tmp_path, text))
    for seniority in SENIORITIES:
        rate = data.rates.full_time("us", "data_scientist", seniority)
        assert rate is not None and rate.low == 60_000


def test_a_specific_user_entry_beats_the_users_own_catch_all(tmp_path: Path) -> None:
    text = OLD_LAYOUT.replace('"uk"', '"us"').replace('"GBP"', '"USD"') + NEW_LAYOUT
    data = load_pay_data(home=_home(tmp_path, text))
    senior = data.rates.full_time("us", "ml_engineer", "senior")
    mid = data.rates.full_time("us", "ml_engineer", "mid")
    assert senior is not None and mid is not None and (senior.low, mid.low) == (150_000, 60_000)


def test_an_override_can_add_the_other_region_and_a_contract_rate(tmp_path: Path) -> None:
    text = OLD_LAYOUT.replace('"uk"', '"other"').replace('"GBP"', '"EUR"') + (
        '[[rates]]\nregion = "other"\nengagement = "contract"\ncurrency = "EUR"\n'
        'period = "hour"\nlow = 50\nhigh = 90\nsource = "Our agency"\nas_of = "2026-01-15"\n'
    )
    data = load_pay_data(home=_home(tmp_path, text))
    advice = _advise(
        data,
        region="other",
        track="mlops_engineer",
        seniority="mid",
        engagement="contract",
        monthly_budget=1_400,
        budget_currency="EUR",
    )
    assert advice.figure is not None and advice.buys is not None and advice.buys.hours == 20


def test_cached_pay_data_notices_an_edited_override(tmp_path: Path) -> None:
    first = pay_data(home=tmp_path)
    assert first is pay_data(home=tmp_path)  # cached
    _home(tmp_path, NEW_LAYOUT)
    second = pay_data(home=tmp_path)
    assert second.rates.user and second is pay_data(home=tmp_path)
    _home(tmp_path, NEW_LAYOUT.replace("150000", "155000"))
    third = pay_data(home=tmp_path)
    assert third.rates.user[0].low == 155_000


def test_no_override_file_means_shipped_figures_only(tmp_path: Path) -> None:
    data = load_pay_data(home=tmp_path)
    assert data.rates.user == () and data.rates.user_path is None


# --- hostile or broken files: one line naming the file and the key --------------------------


def _one_line_error(home: Path) -> str:
    with pytest.raises(ChecklistError) as info:
        load_pay_data(home=home)
    message = str(info.value)
    assert "\n" not in message and len(message) < 400
    assert str(home / "rates.toml") in message
    return message


BIG = "1" + "0" * 339  # a 340-digit number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" + ".a" * 5000 + " = 1\n", "a dotted key has more than"),
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
        # The guarded TOML reader refuses these before the rates layout is looked at.
        (NEW_LAYOUT.replace("150000", BIG), "rates[0].low: number is too large"),
        (NEW_LAYOUT.replace("200000", str(2**63)), "rates[0].high: number is too large"),
        (NEW_LAYOUT.replace("150000", "1.5e400"), "rates[0].low: inf is not a usable number"),
        (NEW_LAYOUT.replace("150000", "0"), "rates[0].low: must be a whole number"),
        (NEW_LAYOUT.replace("200000", str(10**13)), "rates[0].high: must be a whole number"),
        (NEW_LAYOUT.replace("Founder's survey", "x" * 301), "rates[0].source: is longer than 300"),
        (NEW_LAYOUT.replace("Founder's survey", "bidi \\u202e"), "rates[0].source: contains a"),
        (NEW_LAYOUT.replace("150000", "300000"), "rates[0]: low is above high"),
        (NEW_LAYOUT.replace('"USD"', '"CHF"'), "rates[0].currency: must be one of"),
        (NEW_LAYOUT.replace('"senior"', '"principal"'), "rates[0].seniority: must be one of"),
        (NEW_LAYOUT.replace('"2026-06"', '"last year"'), "rates[0].as_of: must be a date"),
        (NEW_LAYOUT.replace("Founder's survey", "bad\\u001b[31m"), "control or invisible"),
        (NEW_LAYOUT + "colour = 1\n", "rates[0].colour: unknown key"),
        (NEW_LAYOUT + NEW_LAYOUT, "rates[1]: repeats the entry of rates[0]"),
        ("rates = 3\n", "rates: must be an array of tables"),
        ("[advisor_equity]\nsource = 'x'\n", "advisor_equity: unknown key"),
        ("rates = [\n", "invalid TOML"),
    ],
)
def test_hostile_overrides_are_refused_with_one_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    message = _one_line_error(_home(tmp_path, text))
    assert expected in message
    assert BIG not in message


def test_binary_huge_and_directory_overrides_are_refused(tmp_path: Path) -> None:
    (tmp_path / "rates.toml").write_bytes(b"rates = []\x00")
    assert "NUL" in _one_line_error(tmp_path)
    (tmp_path / "rates.toml").write_bytes(b"# " + b"x" * (1024 * 1024 + 1))
    assert "over 1 MiB" in _one_line_error(tmp_path)
    (tmp_path / "rates.toml").unlink()
    (tmp_path / "rates.toml").mkdir()
    assert "directory" in _one_line_error(tmp_path)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    folder.mkdir()
    for name in (SHIPPED_RATES, EXCHANGE_RATES):
        shutil.copy(default_dir() / name, folder / name)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (SHIPPED_RATES, "low = 169000", "low = 99000", "senior falls below mid"),
        (SHIPPED_RATES, "proxy = true\n", "", "rates[0].proxy: is missing"),
        (SHIPPED_RATES, 'basis = "25th', 'basis = "" #', "rates[0].basis: must not be empty"),
        (EXCHANGE_RATES, "INR = 90.971", "INR = -1", "rates.INR: must be a positive number"),
        (EXCHANGE_RATES, 'date = "2025-02-28"', 'date = "soon"', "date: must be a date"),
        (EXCHANGE_RATES, "INR = 90.971", "INR = 90.971\nJPY = 160", "rates.JPY: unknown"),
    ],
)
def test_broken_shipped_files_fail_loudly(
    tmp_path: Path, name: str, old: str, new: str, expected: str
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / name, old, new)
    with pytest.raises(ChecklistError) as info:
        load_pay_data(directory=folder)
    assert str(folder / name) in str(info.value) and expected in str(info.value)
