"""The small, typed request every take-home generator works from.

Generators never read a plan directly: they get a :class:`KitRequest`, built from a plan by
:func:`from_plan` or by hand in tests. That keeps each generator testable on its own, lets a new
track (such as ai_engineer) be generated before the plan model knows it, and keeps the plan's free
text in one place where it is cleaned before any file is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from wizard.rules.interview import time_box_hours

if TYPE_CHECKING:
    from wizard.models import Plan

KitTrack = Literal[
    "ml_engineer", "data_scientist", "data_engineer", "mlops_engineer", "ai_engineer"
]
KIT_TRACKS: tuple[KitTrack, ...] = (
    "ml_engineer",
    "data_scientist",
    "data_engineer",
    "mlops_engineer",
    "ai_engineer",
)
# Stages of the interview loop whose scorecard attributes the take-home assesses.
TAKE_HOME_STAGES = frozenset({"work_sample", "take_home", "trial_task"})
DEFAULT_HOURS = 4
MAX_HOURS = 8

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
MAX_TEXT = 300


class NoKit(Exception):
    """The plan's track gets no take-home; ``str()`` says why in one line."""


def clean_text(value: object, limit: int = MAX_TEXT) -> str:
    """Plan text made safe to embed anywhere: control, bidi and zero-width characters become
    spaces, whitespace runs collapse, and very long text is cut at a word boundary."""
    flat = " ".join(_UNSAFE.sub(" ", str(value or "")).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


@dataclass(frozen=True)
class Attribute:
    """One scorecard attribute the exercise covers, with what a strong answer shows."""

    name: str
    strong: str


@dataclass(frozen=True)
class KitRequest:
    track: KitTrack
    problem_type: str = "predictive_analytics"
    data_kind: str = "structured"
    company: str = "the company"
    outcome: str = ""
    success_metric: str = ""
    competencies: tuple[str, ...] = ()
    hours: int = DEFAULT_HOURS
    paid: bool | None = True  # None: the plan does not say
    heuristic_baseline: bool = True
    serving: str = "batch"
    attributes: tuple[Attribute, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        # Every text field is cleaned here, once, so no generator can forget it.
        set_ = object.__setattr__
        set_(self, "company", clean_text(self.company, 80) or "the company")
        set_(self, "outcome", clean_text(self.outcome))
        set_(self, "success_metric", clean_text(self.success_metric))
        set_(self, "competencies", tuple(clean_text(c, 160) for c in self.competencies if c))
        set_(self, "hours", min(max(int(self.hours), 1), MAX_HOURS))
        set_(
            self,
            "attributes",
            tuple(
                Attribute(clean_text(a.name, 160), clean_text(a.strong)) for a in self.attributes
            ),
        )

    @property
    def family(self) -> str:
        """Which generator builds this kit, and which solution.py it ships."""
        if self.track in ("ml_engineer", "data_scientist"):
            return "forecast" if self.problem_type == "time_series" else "tabular"
        return {"data_engineer": "pipeline", "mlops_engineer": "service"}.get(
            self.track, "documents"
        )


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def from_plan(plan: Plan) -> KitRequest:
    """The request for a plan's take-home, or :class:`NoKit` when its track has none."""
    track = plan.role.track
    if track not in KIT_TRACKS:
        raise NoKit(
            "this plan recommends a time-boxed advisor, who is engaged through a scoping "
            "conversation, not a take-home; resolve the plan's blocker findings first"
        )
    a = plan.answers
    attributes = tuple(
        Attribute(attr.name, attr.strong)
        for cat in plan.scorecard.categories
        for attr in cat.attributes
        if TAKE_HOME_STAGES.intersection(attr.stages)
    )
    # The time box the plan's own interview loop states (4 hours at most, 2 when unpaid; a
    # contract's trial is always paid), so the brief never asks for more than the plan allows.
    paid = _get(a, "assessment", "take_home_paid")
    asked = _get(a, "assessment", "take_home_hours")
    hours = time_box_hours(
        asked if isinstance(asked, int) and asked > 0 else None,
        bool(paid) or plan.role.engagement == "contract",
    )
    return KitRequest(
        track=track,
        problem_type=_get(a, "goals", "problem_type") or "predictive_analytics",
        data_kind=_get(a, "goals", "data_kind") or "structured",
        company=_get(a, "context", "company") or "the company",
        outcome=_get(a, "goals", "outcome") or "",
        success_metric=_get(a, "goals", "success_metric") or "",
        competencies=tuple(_get(a, "assessment", "competencies") or ()),
        hours=hours,
        paid=paid,
        heuristic_baseline=bool(_get(a, "goals", "heuristic_baseline")),
        serving=_get(a, "production", "serving") or "batch",
        attributes=attributes,
    )
