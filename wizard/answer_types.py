"""The typed answers the rules read: one class per wizard step, one field per decision input.

These classes spell out the plan-file contract (docs/plan-file.md, "Decision inputs") so the
rules engine is type-checked against it. They are never built on the headless path: the
models that validate answers come from the checklist (:func:`wizard.models.answers_model`), and
the rest of the code imports this module only for type checking. Tests import it to check that
the checklist and this contract agree (:func:`contract_problems`).
"""

from __future__ import annotations

from typing import Any, Literal, cast, get_args, get_origin

from pydantic import Field

from checklists.loader import Checklist
from wizard.models import (
    AsyncPractice,
    Automation,
    BuildMode,
    Currency,
    DataKind,
    Degree,
    Deliverable,
    Labels,
    Partner,
    PlannedTitle,
    ProblemType,
    Region,
    ReportsTo,
    Section,
    Serving,
    Stage,
    TakeHome,
    Urgency,
    WorkMode,
)


class ContextAnswers(Section):
    company: str | None = None
    plan_title: str | None = None
    planned_title: PlannedTitle | None = None
    ml_staff: int | None = None
    work_mode: WorkMode | None = None
    hiring_region: Region | None = None
    location: str | None = None
    apply_contact: str | None = None


class GoalsAnswers(Section):
    problem_type: ProblemType | None = None
    data_kind: DataKind | None = None
    build_mode: BuildMode | None = None
    deliverable: Deliverable | None = None
    outcome: str | None = None
    success_metric: str | None = None
    heuristic_baseline: bool | None = None


class DataAnswers(Section):
    recorded: bool | None = None
    accessible: bool | None = None
    privacy_cleared: bool | None = None
    quality_checked: bool | None = None
    labels: Labels | None = None
    pipeline: Automation | None = None


class ProductionAnswers(Section):
    models_in_production: int | None = None
    serving: Serving | None = None
    monitoring: Automation | None = None
    retraining: Automation | None = None
    drift_incidents: bool | None = None


class TimingAnswers(Section):
    stage: Stage | None = None
    use_case_validated: bool | None = None
    urgency: Urgency | None = None
    monthly_budget: int | None = None
    budget_currency: Currency | None = None
    pay_low: int | None = None
    pay_high: int | None = None
    equity_offered: bool | None = None


class TeamAnswers(Section):
    reports_to: ReportsTo | None = None
    partners: list[Partner] | None = None
    tz_overlap_hours: int | None = None
    async_practices: list[AsyncPractice] | None = None


class AssessmentAnswers(Section):
    take_home: TakeHome | None = None
    take_home_hours: int | None = None
    take_home_paid: bool | None = None
    production_interview: bool | None = None
    product_interview: bool | None = None
    required_degree: Degree | None = None
    must_have_tools: list[str] | None = None
    competencies: list[str] | None = None


class OnboardingAnswers(Section):
    plan_30_60_90: bool | None = None
    pipelines_documented: bool | None = None
    domain_expert_access: bool | None = None
    buddy: bool | None = None
    growth_budget: bool | None = None


class Answers(Section):
    """All answers; ``None`` means unanswered. Build instances with :func:`answers_model`."""

    context: ContextAnswers = Field(default_factory=ContextAnswers)
    goals: GoalsAnswers = Field(default_factory=GoalsAnswers)
    data: DataAnswers = Field(default_factory=DataAnswers)
    production: ProductionAnswers = Field(default_factory=ProductionAnswers)
    timing: TimingAnswers = Field(default_factory=TimingAnswers)
    team: TeamAnswers = Field(default_factory=TeamAnswers)
    assessment: AssessmentAnswers = Field(default_factory=AssessmentAnswers)
    onboarding: OnboardingAnswers = Field(default_factory=OnboardingAnswers)


STATIC_SECTIONS: dict[str, type[Section]] = {
    name: cast(type[Section], info.default_factory) for name, info in Answers.model_fields.items()
}


def _expected_kinds(annotation: Any) -> tuple[set[str], tuple[str, ...] | None]:
    """What checklist kinds fit a static field's type, and its choice values if it has them."""
    inner = next(a for a in get_args(annotation) if a is not type(None))
    if get_origin(inner) is Literal:
        return {"choice"}, tuple(get_args(inner))
    if get_origin(inner) is list:
        (item,) = get_args(inner)
        if get_origin(item) is Literal:
            return {"multi"}, tuple(get_args(item))
        return {"list"}, None
    if inner is bool:
        return {"bool"}, None
    if inner is int:
        return {"int"}, None
    return {"text", "longtext"}, None


def contract_problems(checklist: Checklist) -> list[str]:
    """Where the checklist disagrees with the plan-file contract (docs/plan-file.md), as
    'key: problem'."""
    problems: list[str] = []
    step_ids = {s.id for s in checklist.steps}
    for section, cls in STATIC_SECTIONS.items():
        if section not in step_ids:
            problems.append(f"steps[{section!r}]: step is missing")
            continue
        for name, info in cls.model_fields.items():
            try:
                q = checklist.question(f"{section}.{name}")
            except KeyError:
                problems.append(f"steps[{section!r}].questions[{name!r}]: question is missing")
                continue
            kinds, values = _expected_kinds(info.annotation)
            where = f"steps[{section!r}].questions[{name!r}]"
            if q.kind not in kinds:
                problems.append(f"{where}.kind: must be {' or '.join(sorted(kinds))}")
            elif values is not None and set(values) != set(q.choice_values):
                problems.append(f"{where}.choices: must be exactly {', '.join(values)}")
    return problems
