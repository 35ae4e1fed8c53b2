"""The interview loop and scorecard (structured hiring: Greenhouse scorecards, Google re:Work).

Stages come from checklists/interview.toml by engagement and track: full-time at most five stages
and 240 live minutes (the take-home and its review call are one stage, only the call counts),
contract at most three, advisor at most two and no take-home. The take-home is the job in small
for the track; on-device serving adds its own production topics; the scorecard has 3-4
categories of at most six attributes, each assessed in some stage of this loop.
"""

from __future__ import annotations

from checklists.advice import StageText
from wizard.models import InterviewStage, ScoreAttribute, Scorecard, ScoreCategory
from wizard.rules.catalog import Ctx
from wizard.rules.findings import (
    MAX_TAKE_HOME_HOURS,
    MAX_UNPAID_HOURS,
    nobody_can_judge,
    production_interview_applies,
    production_topics,
)

MAX_ATTRIBUTES = 6
STAGE_LIMITS = {"full_time": (5, 240), "contract": (3, 240), "advisor": (2, 240)}
# Where the founder's own competencies are assessed, in order of preference.
COMPETENCY_STAGES = ("work_sample", "trial_task", "scoping", "deep_dive", "contract_deep_dive")


def stages_for(x: Ctx) -> list[StageText]:
    return [
        s
        for s in x.advice.interview.stages
        if x.engagement in s.engagements and (s.tracks is None or x.track in s.tracks)
    ]


def time_box_hours(hours: int | None, paid: bool) -> int:
    """The time box the loop states: the founder's hours within the limits the take-home
    findings set (4 hours; 2 when unpaid), so the kit and the post never advertise an exercise
    the plan itself warns against."""
    limit = MAX_TAKE_HOME_HOURS if paid else MAX_UNPAID_HOURS
    return hours if hours is not None and 0 < hours <= limit else limit


def time_box(x: Ctx) -> int:
    """A contract's trial task is always paid; a full-time take-home only when the plan says so."""
    paid = bool(x.answers.assessment.take_home_paid) or x.engagement == "contract"
    return time_box_hours(x.answers.assessment.take_home_hours, paid)


def _fill(x: Ctx, s: StageText) -> tuple[str, str]:
    iv = x.advice.interview
    paid = x.answers.assessment.take_home_paid
    topics = production_topics(x)
    # Analysis work runs nothing in production: its debrief is about the reasoning instead.
    runs = production_interview_applies(x)
    debrief = iv.notes["debrief_production" if runs else "debrief_analysis"].format(topics=topics)
    params = {
        "debrief": debrief,
        "hours": time_box(x),
        "pay": iv.notes["paid" if paid else "unpaid"],
        "reviewer": iv.reviewer["borrowed" if nobody_can_judge(x) else "default"],
        "task": iv.take_home.get(x.track, {}).get("task", ""),
        "topics": topics,
    }
    fmt, purpose = s.format.format(**params), s.purpose.format(**params)
    if s.take_home and x.answers.context.work_mode == "remote_async":
        purpose += " " + iv.notes["async"]
    return fmt, purpose


def _scorecard(x: Ctx, stage_ids: list[str]) -> Scorecard:
    present = set(stage_ids)
    categories: list[ScoreCategory] = []
    for cat in x.advice.interview.categories:
        attrs = [
            ScoreAttribute(
                id=a.id,
                name=a.name,
                strong=a.strong,
                stages=[s for s in a.stages if s in present],
            )
            for a in cat.attributes
            if a.tracks is None or x.track in a.tracks
        ]
        if cat.id == "craft":
            where = [s for s in COMPETENCY_STAGES if s in present][:2]
            for i, comp in enumerate(x.answers.assessment.competencies or [], start=1):
                attrs.append(
                    ScoreAttribute(
                        id=f"competency_{i}",
                        name=comp,
                        strong=x.advice.interview.notes["competency_strong"],
                        stages=where,
                    )
                )
        attrs = [a for a in attrs if a.stages][:MAX_ATTRIBUTES]
        if attrs:
            categories.append(ScoreCategory(name=cat.name, attributes=attrs))
    return Scorecard(categories=categories)


def interview_and_scorecard(x: Ctx) -> tuple[list[InterviewStage], Scorecard]:
    """The loop for this track and engagement, and a scorecard whose every attribute it assesses."""
    stages = stages_for(x)
    card = _scorecard(x, [s.id for s in stages])
    loop = []
    for s in stages:
        fmt, purpose = _fill(x, s)
        loop.append(
            InterviewStage(
                id=s.id,
                name=s.name,
                format=fmt,
                minutes=s.minutes,
                purpose=purpose,
                focus=[a.name for c in card.categories for a in c.attributes if s.id in a.stages],
                guards=list(s.guards),
            )
        )
    return loop, card
