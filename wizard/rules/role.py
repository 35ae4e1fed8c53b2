"""Which hire: the track (first rule that matches), seniority, engagement and the pay figure.

docs/rules.md, "Role track", "Seniority" and "Engagement", is the decision table this module
implements; each choice comes with the rationale line (checklists/reasons.toml) that explains it.
"""

from __future__ import annotations

from checklists.loader import Checklist, Rate
from wizard.models import (
    Alternative,
    Answers,
    Budget,
    BudgetCheck,
    Engagement,
    Reason,
    Seniority,
    Track,
)
from wizard.rules.catalog import Facts, Pay

TEXT_PROBLEMS = ("nlp", "search_ranking", "other")
HOURS_PER_MONTH = 160


def reason(x: Facts, key: str, answers: list[str] | None = None, **params: object) -> Reason:
    r = x.advice.reasons[key]
    return Reason(
        text=r.text.format(**params), source=r.source.format(**params), answers=answers or []
    )


def is_ai_feature(answers: Answers) -> bool:
    """Rule 2: a product feature built on language models (Huyen, AI Engineering, 2025)."""
    g = answers.goals
    return g.deliverable == "product_feature" and (
        g.build_mode == "llm"
        or (
            g.build_mode == "use_existing"
            and g.data_kind in ("text", "mixed")
            and g.problem_type in TEXT_PROBLEMS
        )
    )


def _mlops_why(x: Facts) -> list[str]:
    g, p = x.answers.goals, x.answers.production
    why = []
    if g.deliverable == "ml_platform":
        why.append(x.phrase("mlops_platform"))
    if (p.models_in_production or 0) >= 2 and (
        p.monitoring != "automated" or p.retraining != "automated"
    ):
        why.append(x.phrase("mlops_many", models=p.models_in_production))
    if p.drift_incidents:
        why.append(x.phrase("mlops_drift"))
    return why


def build_track(x: Facts) -> tuple[Track, Reason]:
    """Rules 2-6: the hire once nothing blocks one."""
    g, d = x.answers.goals, x.answers.data
    if is_ai_feature(x.answers):
        what = x.phrase("what_llm" if g.build_mode == "llm" else "what_hosted")
        keys = ["goals.deliverable", "goals.build_mode", "goals.data_kind", "goals.problem_type"]
        return "ai_engineer", reason(x, "track_ai_engineer", keys, what=what)
    if g.deliverable in ("product_feature", "ml_platform") and d.pipeline == "none":
        keys = ["goals.deliverable", "data.pipeline"]
        return "data_engineer", reason(x, "track_data_engineer", keys)
    why = _mlops_why(x)
    if why:
        keys = [
            "goals.deliverable",
            "production.models_in_production",
            "production.monitoring",
            "production.retraining",
            "production.drift_incidents",
        ]
        if not x.live:  # a platform and nothing to run on it yet
            return "mlops_engineer", reason(x, "track_mlops_new_platform", keys)
        return "mlops_engineer", reason(x, "track_mlops_engineer", keys, why="; ".join(why))
    if g.deliverable == "insights":
        return "data_scientist", reason(x, "track_data_scientist", ["goals.deliverable"])
    return "ml_engineer", reason(x, "track_ml_engineer", ["goals.deliverable"])


def choose_track(x: Facts, blocked: bool) -> tuple[Track, Reason]:
    """Rule 1 first: any blocker means a time-boxed advisor; otherwise rules 2-6."""
    if blocked:
        return "ml_advisor", reason(x, "track_advisor")
    return build_track(x)


def choose_seniority(x: Facts, track: Track) -> tuple[Seniority, Reason]:
    c, tm, p = x.answers.context, x.answers.team, x.answers.production
    keys = ["context.ml_staff", "team.reports_to"]
    if track == "ml_advisor":
        return "senior", reason(x, "seniority_advisor")
    models = p.models_in_production or 0
    if x.answers.goals.deliverable == "ml_platform" and models >= 5:
        keys = ["goals.deliverable", "production.models_in_production"]
        return "lead", reason(x, "seniority_lead", keys, models=models)
    if not c.ml_staff:
        return "senior", reason(x, "seniority_first_hire", keys)
    if tm.reports_to == "non_technical_founder":
        return "senior", reason(x, "seniority_non_technical", keys)
    if tm.reports_to == "ml_lead" and c.ml_staff >= 2:
        return "mid", reason(x, "seniority_mid", keys)
    return "senior", reason(x, "seniority_senior", keys)


def _monthly(amount: int, period: str) -> float:
    return {"hour": amount * HOURS_PER_MONTH, "month": float(amount), "year": amount / 12}[period]


def _figure(rate: Rate) -> str:
    return f"{rate.currency} {rate.low:,} to {rate.high:,} a {rate.period}"


def full_time_pay(
    answers: Answers, checklist: Checklist, track: Track, seniority: Seniority
) -> Pay | None:
    """The full-time figure for the region, per month, that budgets are compared with.

    Today's shipped figures are by region only, so ``track`` and ``seniority`` do not yet change
    the result; the pay data by region, track and seniority replaces this lookup, not its callers.
    """
    region = answers.context.hiring_region
    rate = checklist.rate(region, "full_time") if region else None
    if rate is None:
        return None
    contract = checklist.rate(rate.region, "contract")
    mid = None
    if contract is not None and contract.period == "hour" and contract.currency == rate.currency:
        mid = (contract.low + contract.high) / 2
    return Pay(
        currency=rate.currency,
        low=_monthly(rate.low, rate.period),
        high=_monthly(rate.high, rate.period),
        source=f"{rate.source} ({rate.as_of})",
        figure=_figure(rate),
        contract_hourly_mid=mid,
    )


def comparable_budget(x: Facts, pay: Pay | None) -> int | None:
    """The monthly budget when it can be compared with the figure: same currency (the budget's
    own, or the hiring region's when none is given). Conversion needs exchange rates."""
    t = x.answers.timing
    if pay is None or t.monthly_budget is None or x.currency != pay.currency:
        return None
    return t.monthly_budget


def money(currency: str, amount: float) -> str:
    return f"{currency} {round(amount):,}"


def choose_engagement(x: Facts, track: Track, pay: Pay | None) -> tuple[Engagement, Reason | None]:
    """Advisor for ml_advisor; contract when the budget is below the full-time low end and the
    hire is overdue or the budget is under half of it; otherwise full time."""
    if track == "ml_advisor":
        return "advisor", None
    budget = comparable_budget(x, pay)
    if pay is None or budget is None or budget >= pay.low:
        return "full_time", None
    overdue = x.answers.timing.urgency == "overdue"
    if not overdue and budget >= pay.low / 2:
        return "full_time", None
    return "contract", reason(
        x,
        "engagement_contract",
        ["timing.monthly_budget", "timing.urgency", "context.hiring_region"],
        budget=money(pay.currency, budget),
        low=money(pay.currency, pay.low),
        why=x.phrase("why_overdue" if overdue else "why_half"),
        source=pay.source,
    )


def budget_table(
    x: Facts, checklist: Checklist, engagement: Engagement, pay: Pay | None
) -> tuple[Budget | None, Reason | None]:
    """The [budget] table: the full-time figure, how the budget compares, what it buys."""
    region = x.answers.context.hiring_region
    rate = checklist.rate(region, "full_time") if region else None
    if rate is None or pay is None:
        if region is None:
            return None, None
        why = reason(x, "no_figure", ["context.hiring_region"], region=region, kind="full-time")
        return None, why
    budget = comparable_budget(x, pay)
    check: BudgetCheck = "not_given"
    if budget is not None:
        check = "below" if budget < pay.low else "within" if budget <= pay.high else "above"
    buys = None
    if budget is not None and engagement != "full_time" and pay.contract_hourly_mid:
        buys = int(budget // pay.contract_hourly_mid)
    return (
        Budget(
            region=rate.region,
            currency=rate.currency,
            period=rate.period,
            low=rate.low,
            high=rate.high,
            source=rate.source,
            as_of=rate.as_of,
            basis=rate.basis,
            proxy="proxy" in rate.basis.lower(),
            check=check,
            buys=buys,
        ),
        None,
    )


def alternatives(x: Facts, track: Track) -> list[Alternative]:
    """Other hires worth weighing, so the plan shows a choice rather than a single answer."""
    pairs: list[tuple[Track, str]] = []
    if track == "ml_advisor":
        pairs.append((build_track(x)[0], "after_study"))
    elif track == "data_engineer":
        pairs.append(("ml_engineer", "data_engineer_ml"))
    elif track == "mlops_engineer":
        if not x.live:
            pairs.append(("ml_engineer", "mlops_first_model"))
        elif x.answers.goals.deliverable == "product_feature":
            pairs.append(("ml_engineer", "mlops_ml"))
        else:
            pairs.append(("data_engineer", "mlops_data"))
    elif track == "ml_engineer":
        pairs.append(("data_scientist", "ml_data_scientist"))
        if x.live:
            pairs.append(("mlops_engineer", "ml_mlops"))
    elif track == "data_scientist":
        pairs.append(("ml_engineer", "data_scientist_ml"))
    elif track == "ai_engineer":
        pairs.append(("ml_engineer", "ai_ml"))
    return [
        Alternative(track=t, title=x.advice.profiles[t].title, why=x.advice.alternatives[key])
        for t, key in pairs
    ]
