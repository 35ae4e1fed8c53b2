"""The plan-file contract (docs/plan-file.md): the answers models and the derived tables.

Answers are what a person or a file supplies, so they are validated, by pydantic models built
from the checklist by :func:`answers_model`: a question added to the checklist is validated and
stored without code changes while unknown keys are still refused. That is the one validation
path. The derived tables are computed by the rules from validated answers, so they are plain
frozen dataclasses: cheap to build on every run, and described to JSON Schema by pydantic only
when ``hirewiz schema`` asks. The typed per-step view the rules read lives in
``wizard.answer_types``, for the type checker only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, cast, dataclass_transform

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
_T = TypeVar("_T")

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
    """Base of every answers section: strict types, unknown keys refused, never mutated.

    Validators are built on first use (``defer_build``): validating the whole answers builds
    one validator for all steps instead of one per step, and this base is never built.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


if TYPE_CHECKING:
    # The typed view of the answers the rules read; at run time every answers model is built
    # from the checklist by answers_model(), so no static section class is built per run.
    from wizard.answer_types import Answers as Answers
else:
    Answers = Section


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


def answers_model(checklist: Checklist) -> type[Answers]:
    """Build the validating answers model for a checklist (cached on the checklist object)."""
    cached = _MODELS.get(id(checklist))
    if cached is not None and cached[0] is checklist:
        return cached[1]
    sections: dict[str, Any] = {}
    for step in checklist.steps:
        fields: dict[str, Any] = {q.id: (_annotation(q), None) for q in step.questions}
        name = f"{step.id.title().replace('_', '')}Answers"
        model = create_model(name, __base__=Section, **fields)
        sections[step.id] = (model, Field(default_factory=model))
    result = cast("type[Answers]", create_model("PlanAnswers", __base__=Section, **sections))
    _MODELS[id(checklist)] = (checklist, result)
    return result


_MODELS: dict[int, tuple[Checklist, type[Answers]]] = {}

# --- derived tables ---------------------------------------------------------------------------


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def derived(cls: type[_T]) -> type[_T]:
    """A derived table: a frozen, keyword-only dataclass that JSON Schema calls closed."""
    cls.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]
    return dataclass(frozen=True, kw_only=True)(cls)


@derived
class Meta:
    title: str = ""
    company: str = ""
    created: datetime
    updated: datetime
    generator: str


@derived
class Readiness:
    score: Annotated[int, Field(ge=0, le=100)]
    mean: Annotated[int, Field(ge=0, le=100)]
    verdict: Verdict
    data_band: DataBand
    sections: dict[str, int]


@derived
class Reason:
    text: str
    source: str
    answers: list[str] = field(default_factory=list)


@derived
class Alternative:
    track: Track
    title: str
    why: str


@derived
class Role:
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


@derived
class Budget:
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
    buys: Annotated[int, Field(ge=0)] | None = None


@derived
class Finding:
    id: str
    # One of the seed article's ten mistakes; None for answer conflicts and budget findings.
    mistake: Annotated[int, Field(ge=1, le=10)] | None = None
    severity: Severity
    # The wizard step whose answers cause the finding (the Review jumps there).
    section: str
    title: str
    detail: str
    action: str
    source: str
    answers: list[str] = field(default_factory=list)


@derived
class InterviewStage:
    id: str
    name: str
    format: str
    minutes: int
    purpose: str
    focus: list[str]
    guards: list[int]


@derived
class ScoreAttribute:
    id: str
    name: str
    strong: str
    stages: list[str]


@derived
class ScoreCategory:
    name: str
    attributes: list[ScoreAttribute]


@derived
class Scorecard:
    categories: list[ScoreCategory]


@derived
class OnboardingItem:
    id: str
    text: str
    done: bool


@derived
class Onboarding:
    items: list[OnboardingItem]
    first_90_days: list[str]


@derived
class Plan:
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
        return {
            name: _plain(self.answers) if name == "answers" else _plain(getattr(self, name))
            for name in (f.name for f in fields(self))
            if getattr(self, name) is not None
        }


def _plain(value: Any) -> Any:
    """Derived tables and answers as dicts and lists, leaving out what is None."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", exclude_none=True)
    if is_dataclass(value) and not isinstance(value, type):
        items = ((f.name, getattr(value, f.name)) for f in fields(value))
        return {k: _plain(v) for k, v in items if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    return value
