"""The whole derivation: answers in, every derived table of the plan out.

Pure: no I/O beyond reading the shipped advice data once, no clock (the pay figure's age is
judged against the plan's own meta.updated, passed in), so the same answers always
give the same plan. Order matters and is the one docs/rules.md describes: blockers from the
answers alone, then the track (any blocker → advisor), seniority and engagement, then every other
check, the scores, the loop and the onboarding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checklists.advice import load_advice
from checklists.loader import Checklist
from wizard.answers import linked_default
from wizard.models import (
    Answers,
    Budget,
    Finding,
    InterviewStage,
    Onboarding,
    Readiness,
    Reason,
    Role,
    Scorecard,
    Track,
    Verdict,
)
from wizard.pay import Day, budget_lines
from wizard.rules import budget as _budget  # noqa: F401  (registers its checks)
from wizard.rules import data, findings, goals  # noqa: F401  (registers their checks)
from wizard.rules.catalog import AFTER_TRACK, BEFORE_TRACK, Ctx, Facts, run
from wizard.rules.data import data_band
from wizard.rules.interview import interview_and_scorecard
from wizard.rules.onboarding import onboarding_for
from wizard.rules.profile import describe_role
from wizard.rules.role import (
    advisor_equity,
    alternatives,
    budget_table,
    choose_engagement,
    choose_seniority,
    choose_track,
    full_time_pay,
    reason,
)
from wizard.rules.scores import Item, score_items, section_scores

READY_SCORE = 70
# What each track's hire exists to fix: not held against readiness.
EXEMPT: dict[Track, frozenset[str]] = {
    "mlops_engineer": frozenset(
        {"production.monitoring", "production.retraining", "production.drift_incidents"}
    ),
    "data_engineer": frozenset({"data.pipeline"}),
}
_SEVERITY = {"blocker": 0, "warning": 1, "tip": 2}


@dataclass(frozen=True)
class Derivation:
    """Everything the rules derive from one set of answers."""

    readiness: Readiness
    role: Role
    budget: Budget | None
    findings: list[Finding]
    interview_loop: list[InterviewStage]
    scorecard: Scorecard
    onboarding: Onboarding
    items: list[Item] = field(default_factory=list)
    # [budget] as the plain sentences show, diff and the export print (the Review's budget box).
    budget_lines: list[str] = field(default_factory=list)


def verdict(found: list[Finding], score: int) -> Verdict:
    """not_yet with any blocker; almost with any warning or a score under 70; else ready."""
    if any(f.severity == "blocker" for f in found):
        return "not_yet"
    if any(f.severity == "warning" for f in found) or score < READY_SCORE:
        return "almost"
    return "ready"


def _exempt_reason(x: Ctx, items: list[Item]) -> Reason | None:
    """Say so when the hire exists to fix items that would otherwise lower readiness."""
    if not x.exempt:
        return None
    a, p = x.answers, x.answers.production
    short = (
        a.data.pipeline != "automated"
        if x.track == "data_engineer"
        else x.live
        and (p.monitoring != "automated" or p.retraining != "automated" or bool(p.drift_incidents))
    )
    return reason(x, f"exempt_{x.track}", sorted(x.exempt)) if short else None


def derive(answers: Answers, checklist: Checklist, *, updated: Day | None = None) -> Derivation:
    """The plan's derived tables. ``updated`` is the plan's meta.updated: a pay figure older than
    36 months before it gets a tip. None (the Review's draft) leaves the age unjudged, so the
    result never depends on the clock."""
    advice = load_advice()
    band = data_band(answers)
    currency = answers.timing.budget_currency or linked_default(
        checklist.question("timing.budget_currency"), answers
    )
    facts = Facts(answers, advice, band, currency)
    early = list(run(BEFORE_TRACK, facts))
    blocked = any(f.severity == "blocker" for f in early)
    track, why_track = choose_track(facts, blocked)
    seniority, why_level = choose_seniority(facts, track)
    pay = full_time_pay(answers, checklist, track, seniority, currency=currency, updated=updated)
    engagement, why_engagement = choose_engagement(facts, track, pay)
    if engagement != "full_time":
        # What the budget buys depends on the engagement's own hourly rate.
        pay = full_time_pay(
            answers,
            checklist,
            track,
            seniority,
            currency=currency,
            engagement=engagement,
            updated=updated,
        )
    x = Ctx(
        answers,
        advice,
        band,
        currency,
        track=track,
        seniority=seniority,
        engagement=engagement,
        blocked=blocked,
        pay=pay,
        pay_data=checklist.pay,
        exempt=EXEMPT.get(track, frozenset()),
        raised=frozenset(f.id for f in early),
    )
    found = early + list(run(AFTER_TRACK, x))
    found.sort(key=lambda f: (_SEVERITY[f.severity], f.mistake or 11))
    items = score_items(x)
    sections = section_scores(items)
    score = min(sections.values())
    budget, why_budget = budget_table(facts, engagement, pay)
    rationale = [why_track, why_level]
    rationale += [r for r in (_exempt_reason(x, items), why_engagement) if r is not None]
    rationale += why_budget
    if engagement == "advisor":
        equity = advisor_equity(x, checklist.pay)
        if equity is not None:
            rationale.append(equity)
    loop, card = interview_and_scorecard(x)
    return Derivation(
        readiness=Readiness(
            score=score,
            mean=round(sum(sections.values()) / len(sections)),
            verdict=verdict(found, score),
            data_band=band,
            sections=sections,
        ),
        role=describe_role(x, rationale, alternatives(facts, track)),
        budget=budget,
        findings=found,
        interview_loop=loop,
        scorecard=card,
        onboarding=onboarding_for(x),
        items=items,
        budget_lines=[]
        if budget is None
        else budget_lines(budget, answers.timing.monthly_budget, currency, checklist.pay.exchange),
    )
