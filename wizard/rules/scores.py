"""Readiness, after the *ML Test Score*: every section scored 0-100 from its items, the score is
the weakest section, the mean is shown beside it.

Only items that apply to the recommended track and engagement are scored, items the hire exists
to fix are left out (the rationale says so), and every item names the findings that explain it
when it falls short, so a section below 100 always has a finding with that section.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.rules.catalog import Ctx
from wizard.rules.findings import (
    FULL_TIME_ONBOARDING,
    HANDOVER,
    MAX_TAKE_HOME_HOURS,
    MAX_TOOLS,
    MAX_UNPAID_HOURS,
    MIN_OVERLAP_HOURS,
    frameworks_in,
    nobody_can_judge,
    production_applies,
    production_interview_applies,
)

SECTIONS = ("goals", "data", "production", "timing", "team", "assessment", "onboarding")
AUTOMATION = {"none": 0.0, "manual": 0.5, "automated": 1.0}
BUSINESS_PARTNERS = {"product_manager", "domain_expert"}
OUTCOME_IDS = ("goal-outcome-missing", "goal-outcome-hype", "goal-outcome-vague")
# Warnings on an outcome that does name a result: half the item, as a model-only metric is.
OUTCOME_WARNING_IDS = ("goal-outcome-solution-first", "goal-outcome-two-projects")
METRIC_IDS = ("goal-metric-missing", "goal-metric-no-number", "goal-metric-only-numbers")


@dataclass(frozen=True)
class Item:
    """One scored item: its section, the answer it reads, its credit (0, 0.5 or 1), and the
    findings that explain a shortfall."""

    section: str
    key: str
    credit: float
    explained_by: tuple[str, ...]


def _goals(x: Ctx) -> list[Item]:
    r = x.raised
    metric = 0.0 if r & set(METRIC_IDS) else 0.5 if "goal-metric-model-only" in r else 1.0
    outcome = 0.0 if r & set(OUTCOME_IDS) else 0.5 if r & set(OUTCOME_WARNING_IDS) else 1.0
    build = 0.0 if x.answers.goals.build_mode == "unsure" or "feasibility-first" in r else 1.0
    return [
        Item("goals", "goals.outcome", outcome, (*OUTCOME_IDS, *OUTCOME_WARNING_IDS)),
        Item("goals", "goals.success_metric", metric, (*METRIC_IDS, "goal-metric-model-only")),
        Item("goals", "goals.build_mode", build, ("goal-build-mode-unsure", "feasibility-first")),
    ]


def _data(x: Ctx) -> list[Item]:
    d = x.answers.data
    early = ("too-early-data",)
    items = [
        Item("data", "data.recorded", float(bool(d.recorded)), ("data-not-recorded", *early)),
        Item("data", "data.accessible", float(bool(d.accessible)), ("data-not-loadable", *early)),
        Item(
            "data",
            "data.privacy_cleared",
            float(bool(d.privacy_cleared)),
            ("data-privacy-not-cleared", *early),
        ),
        Item(
            "data",
            "data.quality_checked",
            float(bool(d.quality_checked)),
            ("data-quality-unchecked", *early),
        ),
        Item(
            "data",
            "data.labels",
            {"yes": 1.0, "not_needed": 1.0, "partial": 0.5}.get(d.labels or "", 0.0),
            ("data-labels-missing", *early),
        ),
    ]
    if "data.pipeline" not in x.exempt:
        items.append(
            Item(
                "data",
                "data.pipeline",
                AUTOMATION.get(d.pipeline or "", 0.0),
                ("data-pipeline-none", "data-pipeline-manual", *early),
            )
        )
    return items


def _production(x: Ctx) -> list[Item]:
    if not production_applies(x):
        return []
    p = x.answers.production
    items = []
    if x.track != "ml_advisor":
        items.append(
            Item(
                "production",
                "production.serving",
                float(p.serving in ("batch", "online_api", "on_device")),
                ("serving-undecided", "conflict-models-no-serving"),
            )
        )
    if x.live:
        for key, fid in (("monitoring", "monitoring-not-automated"),
                         ("retraining", "retraining-not-automated")):  # fmt: skip
            if f"production.{key}" not in x.exempt:
                credit = AUTOMATION.get(getattr(p, key) or "", 0.0)
                items.append(Item("production", f"production.{key}", credit, (fid,)))
        if "production.drift_incidents" not in x.exempt:
            items.append(
                Item(
                    "production",
                    "production.drift_incidents",
                    float(not p.drift_incidents),
                    ("drift-unnoticed",),
                )
            )
    return items


def _timing(x: Ctx) -> list[Item]:
    # The budget is optional and not readiness: a blank one gets a tip, not a lower score.
    validated = (
        1.0
        if x.live or x.answers.timing.use_case_validated
        else 0.5
        if x.answers.goals.heuristic_baseline
        else 0.0
    )
    return [
        Item(
            "timing",
            "timing.use_case_validated",
            validated,
            ("too-early-unvalidated", "use-case-not-validated"),
        ),
    ]


def _team(x: Ctx) -> list[Item]:
    tm = x.answers.team
    partners = set(tm.partners or [])
    reviewed = 0.5 if tm.reports_to == "non_technical_founder" else 1.0
    items = (
        []
        if x.engagement == "advisor"
        else [Item("team", "team.reports_to", reviewed, ("reports-to-non-technical",))]
    )
    items += [
        Item(
            "team",
            "team.partners",
            0.0
            if not partners
            else 1.0
            if partners & {"product_manager", "domain_expert"}
            else 0.5,
            ("no-partners", "no-business-partner"),
        ),
    ]
    if x.answers.context.work_mode == "remote_async":
        overlap = float((tm.tz_overlap_hours or 0) >= MIN_OVERLAP_HOURS)
        items.append(Item("team", "team.tz_overlap_hours", overlap, ("low-overlap",)))
        habits = float(bool(tm.async_practices))
        items.append(Item("team", "team.async_practices", habits, ("no-async-practices",)))
    return items


def _assessment(x: Ctx) -> list[Item]:
    a = x.answers.assessment
    tools = a.must_have_tools or []
    items = []
    if x.engagement != "advisor":
        sample = {"scenario_messy_data": 1.0, "generic_algorithms": 0.5}.get(a.take_home or "", 0.0)
        items.append(
            Item("assessment", "assessment.take_home", sample, ("no-work-sample", "generic-test"))
        )
        if a.take_home in ("scenario_messy_data", "generic_algorithms"):
            hours = a.take_home_hours
            box = 0.5 if hours is None else float(hours <= MAX_TAKE_HOME_HOURS)
            items.append(
                Item(
                    "assessment",
                    "assessment.take_home_hours",
                    box,
                    ("take-home-no-time-box", "take-home-too-long"),
                )
            )
            fair = float(bool(a.take_home_paid) or hours is None or hours <= MAX_UNPAID_HOURS)
            items.append(
                Item("assessment", "assessment.take_home_paid", fair, ("take-home-unpaid-long",))
            )
        items.append(
            Item(
                "assessment",
                "assessment.product_interview",
                float(bool(a.product_interview)),
                ("no-product-interview",),
            )
        )
    if production_interview_applies(x):
        items.append(
            Item(
                "assessment",
                "assessment.production_interview",
                float(bool(a.production_interview)),
                ("no-production-interview",),
            )
        )
    items += [
        Item(
            "assessment",
            "assessment.required_degree",
            float(a.required_degree not in ("masters", "phd")),
            ("degree-filter",),
        ),
        Item(
            "assessment",
            "assessment.must_have_tools",
            float(len(tools) <= MAX_TOOLS and not frameworks_in(tools, x)),
            ("tool-checklist", "framework-must-have"),
        ),
        Item(
            "assessment",
            "assessment.competencies",
            float(bool(a.competencies)),
            ("tools-without-competencies", "no-competencies"),
        ),
        Item(
            "assessment",
            "team.reports_to",
            float(not nobody_can_judge(x)),
            ("no-technical-interviewer",),
        ),
    ]
    return items


def _onboarding(x: Ctx) -> list[Item]:
    o = x.answers.onboarding
    if x.engagement == "full_time":
        return [
            Item(
                "onboarding",
                f"onboarding.{k}",
                float(bool(getattr(o, k))),
                (f"onboarding-{k.replace('_', '-')}",),
            )
            for k in FULL_TIME_ONBOARDING
        ]
    return [
        Item("onboarding", f"onboarding.{k}", float(bool(getattr(o, k))), (fid,))
        for k, fid in HANDOVER.items()
    ]


def score_items(x: Ctx) -> list[Item]:
    return [
        *_goals(x),
        *_data(x),
        *_production(x),
        *_timing(x),
        *_team(x),
        *_assessment(x),
        *_onboarding(x),
    ]


def section_scores(items: list[Item]) -> dict[str, int]:
    """Each section's score, 0-100, in the fixed section order; sections without items are left
    out (production when nothing will run in production)."""
    out = {}
    for name in SECTIONS:
        credits = [i.credit for i in items if i.section == name]
        if credits:
            out[name] = round(100 * sum(credits) / len(credits))
    return out
