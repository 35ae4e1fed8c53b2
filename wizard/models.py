"""The plan-file contract as pydantic models.

The static section classes below spell out SPEC §3's decision inputs so the rules engine is
type-checked against them. The classes that actually validate answers are built from the
checklist by :func:`answers_model`, as subclasses of these, so a question added to the checklist
is validated and stored without code changes while unknown keys are still refused.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal, cast, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    create_model,
)

from checklists.loader import Checklist, Question

SCHEMA_VERSION = 2

PlannedTitle = Literal[
    "ml_engineer",
    "data_scientist",
    "mlops_engineer",
    "data_engineer",
    "ai_engineer",
    "ml_advisor",
    "unsure",
]
Track = Literal[
    "ml_engineer", "data_scientist", "mlops_engineer", "data_engineer", "ai_engineer", "ml_advisor"
]
WorkMode = Literal["onsite", "hybrid", "remote_same_tz", "remote_async"]
Region = Literal["india", "us", "uk", "eu", "other"]
ProblemType = Literal[
    "recommendation",
    "predictive_analytics",
    "nlp",
    "computer_vision",
    "time_series",
    "search_ranking",
    "other",
]
DataKind = Literal["structured", "text", "images", "audio", "mixed"]
BuildMode = Literal["use_existing", "llm", "from_scratch", "unsure"]
Deliverable = Literal["insights", "product_feature", "ml_platform"]
Labels = Literal["yes", "partial", "no", "not_needed"]
Automation = Literal["none", "manual", "automated"]
Serving = Literal["none", "batch", "online_api", "on_device", "unsure"]
Stage = Literal["idea", "mvp", "product_market_fit", "scaling"]
Urgency = Literal["exploring", "this_quarter", "overdue"]
ReportsTo = Literal["technical_founder", "non_technical_founder", "engineering_lead", "ml_lead"]
Partner = Literal["product_manager", "backend", "data", "domain_expert"]
AsyncPractice = Literal["written_specs", "recorded_demos", "shared_tracker", "docs_first"]
TakeHome = Literal["none", "scenario_messy_data", "generic_algorithms"]
Degree = Literal["none", "bachelor", "masters", "phd"]
Verdict = Literal["ready", "almost", "not_yet"]
DataBand = Literal["C", "B", "A"]
Seniority = Literal["junior", "mid", "senior", "lead"]
Engagement = Literal["full_time", "contract", "advisor"]
Severity = Literal["blocker", "warning", "tip"]
Currency = Literal["USD", "EUR", "GBP", "INR"]
Period = Literal["year", "month", "hour"]
BudgetCheck = Literal["below", "within", "above", "not_given"]

LIST_ITEMS_MAX = 30
TEXT_MAX = 2000


class Section(BaseModel):
    """Base of every answers section: strict types, unknown keys refused, never mutated."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


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

# --- validators shared by every text answer -------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _no_control(multiline: bool) -> AfterValidator:
    pattern = _CONTROL if multiline else _CONTROL_ONE_LINE

    def check(value: str) -> str:
        if pattern.search(value):
            raise ValueError("contains a control character")
        return value

    return AfterValidator(check)


# Where candidates apply: a web address a browser opens, or a plain e-mail address.
_URL = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+")


def _url_or_email(value: str) -> str:
    if _URL.fullmatch(value) or _EMAIL.fullmatch(value):
        return value
    raise ValueError("must be an http(s) web address or an e-mail address")


def _not_below(other: str) -> AfterValidator:
    """An int answer that may not be below an earlier answer of the same step."""

    def check(value: int, info: ValidationInfo) -> int:
        low = info.data.get(other)
        if isinstance(low, int) and value < low:
            raise ValueError(f"must not be below {other} ({low:,})")
        return value

    return AfterValidator(check)


def _dedupe(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


# Typing constructs used on values only known at run time (the checklist's choices); typed as Any
# so the type checker does not try to read them as static annotations.
_Annotated: Any = Annotated
_Literal: Any = Literal
_List: Any = list


def _annotation(q: Question) -> Any:
    """The validating type for one question, built from its kind and limits."""
    if q.kind in ("text", "longtext"):
        text: Any = Annotated[
            str, Field(max_length=q.max_length or TEXT_MAX), _no_control(q.kind == "longtext")
        ]
        if q.format == "url_or_email":
            text = Annotated[text, AfterValidator(_url_or_email)]
        return Annotated[text | None, BeforeValidator(_blank_to_none)]
    if q.kind == "int":
        number: Any = Annotated[int, Field(ge=q.min, le=q.max)]
        if q.at_least is not None:
            number = Annotated[number, _not_below(q.at_least)]
        return number | None
    if q.kind == "bool":
        return bool | None
    if q.kind == "choice":
        return _Literal[q.choice_values] | None
    if q.kind == "multi":
        return _Annotated[_List[_Literal[q.choice_values]], AfterValidator(_dedupe)] | None
    item = _Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=q.max_length or 200),
        _no_control(False),
    ]
    return _Annotated[_List[item], Field(max_length=LIST_ITEMS_MAX)] | None


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
    """Where the checklist disagrees with the plan-file contract (SPEC §3), as 'key: problem'."""
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


def answers_model(checklist: Checklist) -> type[Answers]:
    """Build the validating answers model for a checklist (cached on the checklist object)."""
    cached = _MODELS.get(id(checklist))
    if cached is not None and cached[0] is checklist:
        return cached[1]
    sections: dict[str, Any] = {}
    for step in checklist.steps:
        base = STATIC_SECTIONS.get(step.id, Section)
        fields: dict[str, Any] = {q.id: (_annotation(q), None) for q in step.questions}
        model = create_model(f"{step.id.title().replace('_', '')}Answers", __base__=base, **fields)
        sections[step.id] = (model, Field(default_factory=model))
    result = cast(type[Answers], create_model("PlanAnswers", __base__=Answers, **sections))
    _MODELS[id(checklist)] = (checklist, result)
    return result


_MODELS: dict[int, tuple[Checklist, type[Answers]]] = {}

# --- derived tables ---------------------------------------------------------------------------


class Derived(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(Derived):
    title: str = ""
    company: str = ""
    created: datetime
    updated: datetime
    generator: str


class Readiness(Derived):
    score: int = Field(ge=0, le=100)
    mean: int = Field(ge=0, le=100)
    verdict: Verdict
    data_band: DataBand
    sections: dict[str, int]


class Reason(Derived):
    text: str
    source: str
    answers: list[str] = Field(default_factory=list)


class Alternative(Derived):
    track: Track
    title: str
    why: str


class Role(Derived):
    track: Track
    title: str
    seniority: Seniority
    engagement: Engagement
    summary: str
    responsibilities: list[str]
    must_have: list[str]
    nice_to_have: list[str]
    not_required: list[str]
    rationale: list[Reason]
    alternatives: list[Alternative]


class Budget(Derived):
    """The sourced pay figure the plan compares with, and how the founder's budget compares."""

    region: Region
    currency: str
    period: Period
    low: int
    high: int
    source: str
    as_of: str
    basis: str = ""
    # The figure stands in for the role (e.g. a broader occupation), not a measure of it.
    proxy: bool = False
    check: BudgetCheck = "not_given"
    # Hours a month the budget pays at the sourced hourly rate (contract and advisor only).
    buys: int | None = Field(default=None, ge=0)


class Finding(Derived):
    id: str
    # One of the seed article's ten mistakes; None for answer conflicts and budget findings.
    mistake: int | None = Field(default=None, ge=1, le=10)
    severity: Severity
    # The wizard step whose answers cause the finding (the Review jumps there).
    section: str
    title: str
    detail: str
    action: str
    source: str
    answers: list[str] = Field(default_factory=list)


class InterviewStage(Derived):
    id: str
    name: str
    format: str
    minutes: int
    purpose: str
    focus: list[str]
    guards: list[int]


class ScoreAttribute(Derived):
    id: str
    name: str
    strong: str
    stages: list[str]


class ScoreCategory(Derived):
    name: str
    attributes: list[ScoreAttribute]


class Scorecard(Derived):
    categories: list[ScoreCategory]


class OnboardingItem(Derived):
    id: str
    text: str
    done: bool


class Onboarding(Derived):
    items: list[OnboardingItem]
    first_90_days: list[str]


class Plan(Derived):
    """A whole plan: answers plus everything the rules derive from them."""

    schema_version: int = SCHEMA_VERSION
    meta: Meta
    answers: Answers
    readiness: Readiness
    role: Role
    budget: Budget | None = None
    findings: list[Finding]
    interview_loop: list[InterviewStage]
    scorecard: Scorecard
    onboarding: Onboarding

    def to_toml_dict(self) -> dict[str, Any]:
        """Plain data for the TOML writer: unanswered questions and a missing budget dropped."""
        return self.model_dump(mode="python", exclude_none=True, serialize_as_any=True)
