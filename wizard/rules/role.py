"""Which hire: the track (first rule that matches), seniority, engagement and the pay figure.

docs/rules.md, "Role track", "Seniority" and "Engagement", is the decision table this module
implements; each choice comes with the rationale line (checklists/reasons.toml) that explains it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import cast

from checklists.loader import Checklist
from wizard.models import (
    Alternative,
    Answers,
    Budget,
    Engagement,
    Period,
    Reason,
    Region,
    Seniority,
    Track,
)
from wizard.pay import (
    BudgetCheck,
    Day,
    PayAdvice,
    PayData,
    advise,
    advisor_equity_for,
    missing_figure,
    money,
)
from wizard.rules.catalog import Facts

TEXT_PROBLEMS = ("nlp", "search_ranking", "other")
KEYS_NO_FIGURE = ["context.hiring_region"]
SHIPPED = "Pay figures shipped with hirewiz (docs/rules.md, Pay figures)"


def reason(x: Facts, key: str, answers: list[str] | None = None, **params: object) -> Reason:
    r = x.advice.reasons[key]
    return Reason(
        text=r.text.format(**params), source=r.source.format(**params), answers=answers or []
    )


def is_labelled_text_feature(answers: Answers) -> bool:
    """A text product feature on existing models with the founder's own labels: fine-tuning a
    pretrained model (or training a small one) on those labels and measuring it on held-out
    ones is an ML engineer's work, so rule 2 leaves it to rule 5 (docs/rules.md)."""
    g = answers.goals
    return (
        g.deliverable == "product_feature"
        and g.build_mode == "use_existing"
        and g.data_kind in ("text", "mixed")
        and g.problem_type in TEXT_PROBLEMS
        and answers.data.labels == "yes"
    )


def is_ai_feature(answers: Answers) -> bool:
    """Rule 2: a product feature built on language models (Huyen, AI Engineering, 2025): the
    llm build mode, or existing models on text without labels of the founder's own."""
    g = answers.goals
    return g.deliverable == "product_feature" and (
        g.build_mode == "llm"
        or (
            g.build_mode == "use_existing"
            and g.data_kind in ("text", "mixed")
            and g.problem_type in TEXT_PROBLEMS
            and not is_labelled_text_feature(answers)
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
    if is_labelled_text_feature(x.answers):
        keys = ["goals.deliverable", "goals.build_mode", "goals.data_kind", "data.labels"]
        return "ml_engineer", reason(x, "track_ml_engineer_labelled", keys)
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


def full_time_pay(
    answers: Answers,
    checklist: Checklist,
    track: Track,
    seniority: Seniority,
    *,
    currency: str | None = None,
    engagement: Engagement = "full_time",
    updated: Day | None = None,
) -> PayAdvice | None:
    """The pay facts for this role: the full-time range for the region, track and seniority
    (from checklists/rates.toml or the user's rates.toml), the budget checked against its low
    end on a monthly basis, what the budget buys at a sourced hourly rate for ``engagement``,
    and whether the figure is older than 36 months at ``updated`` (the plan's meta.updated;
    None: not judged). None until the hiring region is answered."""
    region = answers.context.hiring_region
    if region is None:
        return None
    t = answers.timing
    return advise(
        checklist.pay,
        region=region,
        track=track,
        seniority=seniority,
        engagement=engagement,
        monthly_budget=t.monthly_budget,
        budget_currency=currency or t.budget_currency,
        overdue=t.urgency == "overdue",
        updated=updated,
    )


def said_budget(check: BudgetCheck) -> str:
    """``EUR 2,000 a month (about USD 2,082 at the exchange rate of 2025-02-28)``."""
    text = f"{money(check.budget_currency, check.budget or 0)} a month"
    if check.conversion is not None and check.compared is not None:
        text += (
            f" (about {money(check.rate.currency, check.compared)} at the exchange rate of "
            f"{check.conversion.date})"
        )
    return text


def choose_engagement(
    x: Facts, track: Track, pay: PayAdvice | None
) -> tuple[Engagement, Reason | None]:
    """Advisor for ml_advisor; contract when the budget is below the low end of the full-time
    range and the hire is overdue or the budget is under half of it; otherwise full time (with
    the budget-below-range warning when the budget is below the low end)."""
    if track == "ml_advisor":
        return "advisor", None
    if pay is None or pay.check is None or pay.signal != "contract":
        return "full_time", None
    check = pay.check
    overdue = x.answers.timing.urgency == "overdue"
    return "contract", reason(
        x,
        "engagement_contract",
        ["timing.monthly_budget", "timing.urgency", "context.hiring_region"],
        budget=said_budget(check),
        low=money(check.rate.currency, check.low_monthly),
        why=x.phrase("why_overdue" if overdue else "why_half"),
        source=f"{check.rate.source} ({check.rate.as_of})",
    )


def budget_table(
    x: Facts, engagement: Engagement, pay: PayAdvice | None
) -> tuple[Budget | None, list[Reason]]:
    """The [budget] table: the full-time range for the role, how the budget compares, what it
    buys; with the reasons the plan gives (no figure and how to add one, the conversion)."""
    if pay is None:
        return None, []
    rate = pay.figure
    if engagement == "advisor" and rate is None and pay.hourly is None:
        # Advisors are paid per hour or engagement, never against a full-time range.
        a = x.answers
        region = a.context.hiring_region or "other"
        missing = missing_figure(region, "ml_advisor", "senior", "advisor")
        return None, [reason(x, "no_figure", KEYS_NO_FIGURE, missing=missing, source=SHIPPED)]
    if rate is None or pay.check is None:
        if pay.missing is None or engagement == "advisor":
            return None, []
        return None, [reason(x, "no_figure", KEYS_NO_FIGURE, missing=pay.missing, source=SHIPPED)]
    why = []
    conversion = pay.check.conversion
    # A contract's rationale already states the converted amount (choose_engagement).
    if conversion is not None and pay.check.compared is not None and engagement != "contract":
        why.append(
            reason(
                x,
                "budget_converted",
                ["timing.monthly_budget", "timing.budget_currency"],
                budget=money(pay.check.budget_currency, pay.check.budget or 0),
                converted=money(rate.currency, pay.check.compared),
                date=conversion.date,
                source=conversion.source,
            )
        )
    buys = pay.buys.hours if pay.buys is not None and engagement != "full_time" else None
    budget = Budget(
        region=cast(Region, rate.region),
        currency=rate.currency,
        period=cast(Period, rate.period),
        low=rate.low,
        high=rate.high,
        source=rate.source,
        as_of=rate.as_of,
        basis=rate.basis,
        proxy=rate.proxy,
        check=pay.check.check,
        buys=buys,
    )
    return budget, why


def advisor_equity(x: Facts, data: PayData) -> Reason | None:
    """FAST agreement guidance for an advisor's equity at the company's stage."""
    stage = x.answers.timing.stage
    guide = advisor_equity_for(data, stage) if stage else None
    if guide is None:
        return None
    return reason(
        x,
        "advisor_equity",
        ["timing.stage", "timing.equity_offered"],
        stage=guide.stage,
        standard=percent(guide.standard_percent),
        expert=percent(guide.expert_percent),
        vesting=guide.vesting,
        source=guide.source,
    )


def percent(value: Fraction) -> str:
    """``0.25 %``: up to two decimals, no trailing zeros."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".") + " %"


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
    elif track == "ml_engineer" and is_labelled_text_feature(x.answers):
        pairs.append(("ai_engineer", "ml_ai"))
        if x.live:
            pairs.append(("mlops_engineer", "ml_mlops"))
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
