"""Where the job post says something other than the founder's answers, and why.

The post follows the plan's advice: a 6-hour unpaid take-home is posted as 2 hours, the planned
title gives way to the recommended one, a degree requirement is left out. Each of these has a
finding, but a founder reading the post would only notice the difference by comparing it line by
line with their answers. This module lists the differences in words aimed at the founder, so
``hirewiz show``, the Review, the full Markdown export and ``export --only job-post`` (on
stderr) can say so. The candidate-facing post itself never carries them.

The sentences live in ``checklists/job_post.toml`` (``[changes]``); this module only decides
which apply. It reads the answers and what the rules derived (role and interview loop), so the
wizard's live Review and a saved plan give the same list.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checklists.advice import load_advice
from checklists.loader import HERE
from wizard.models import Answers, InterviewStage, Plan, Role
from wizard.rules.catalog import join_and
from wizard.rules.findings import MAX_TOOLS
from wizard.rules.interview import time_box_hours
from wizard.rules.profile import MAX_COMPETENCIES

TAKE_HOME_STAGES = ("work_sample", "trial_task")


@dataclass(frozen=True)
class PostChange:
    key: str  # which difference: "title", "hours", "degree" … (tests and styling)
    what: str  # what the founder said and what the post says instead
    why: str  # the reason, in one sentence


@lru_cache(maxsize=1)
def post_text() -> dict[str, dict[str, Any]]:
    """The job post's sentences (checklists/job_post.toml), parsed once."""
    with (HERE / "job_post.toml").open("rb") as fh:
        return tomllib.load(fh)


def hours_text(hours: int) -> str:
    """A count of hours as a reader writes it: 1 hour, 3 hours."""
    return f"{hours} hour" if hours == 1 else f"{hours} hours"


def changes_heading() -> tuple[str, str]:
    """The heading and the one-sentence introduction every surface puts above the list."""
    t = post_text()["changes"]
    return t["heading"], t["intro"]


def _change(key: str, what: str, why: str, **params: Any) -> PostChange:
    t = post_text()["changes"]
    return PostChange(key, t[what].format(**params), t[why].format(**params))


def _title(answers: Answers, role: Role) -> list[PostChange]:
    planned = answers.context.planned_title
    if planned is None or planned in ("unsure", role.track):
        return []
    profiles = load_advice().profiles
    why = "title_advisor_why" if role.track == "ml_advisor" else "title_why"
    return [
        _change(
            "title",
            "title",
            why,
            planned=profiles[planned].a_name,
            recommended=profiles[role.track].a_name,
            title=role.title,
        )
    ]


def _take_home(answers: Answers, loop: list[InterviewStage]) -> list[PostChange]:
    a = answers.assessment
    stages = {s.id for s in loop}
    has_take_home = bool(stages & set(TAKE_HOME_STAGES))
    if not has_take_home:
        if a.take_home not in (None, "none"):
            return [_change("take_home", "take_home_dropped", "take_home_dropped_why")]
        return []
    out = []
    if a.take_home in ("none", "generic_algorithms"):
        what = "take_home_none" if a.take_home == "none" else "take_home_generic"
        out.append(_change("take_home", what, "take_home_added_why"))
    trial = "trial_task" in stages
    paid = bool(a.take_home_paid) or trial
    if trial and a.take_home_paid is False:
        out.append(_change("paid", "paid", "paid_why"))
    box = time_box_hours(a.take_home_hours, paid)
    hours = a.take_home_hours
    if hours is None:
        # No time box asked for only when the founder planned a take-home at all.
        if a.take_home not in (None, "none"):
            out.append(_change("hours", "hours_missing", "hours_missing_why", box=hours_text(box)))
    elif hours != box:
        kind = "hours_too_long" if paid else "hours_unpaid"
        out.append(
            _change("hours", kind, f"{kind}_why", asked=hours_text(hours), box=hours_text(box))
        )
    return out


def _interviews(answers: Answers, loop: list[InterviewStage]) -> list[PostChange]:
    a, stages = answers.assessment, {s.id for s in loop}
    out = []
    if a.product_interview is False and "product" in stages:
        out.append(_change("product", "product_added", "product_added_why"))
    if a.production_interview is False and "production" in stages:
        out.append(_change("production", "production_added", "production_added_why"))
    return out


def _requirements(answers: Answers, role: Role) -> list[PostChange]:
    a, out = answers.assessment, []
    if a.required_degree not in (None, "none"):
        degree = post_text()["changes"][f"degree_{a.required_degree}"]
        out.append(_change("degree", "degree", "degree_why", degree=degree))
    tools = a.must_have_tools or []
    must = " ".join(role.must_have)
    moved = [t for t in tools if t not in must]
    if len(tools) > MAX_TOOLS:
        # The languages the post keeps under Must have (wizard/rules/profile.py).
        languages = load_advice().words.languages
        kept = [t for t in tools if " ".join(t.lower().split()) in languages][:MAX_TOOLS]
        if kept:
            out.append(
                _change(
                    "tools",
                    "tools_many_languages",
                    "tools_many_languages_why",
                    count=len(tools),
                    languages=join_and(kept),
                    moved=len(tools) - len(kept),
                )
            )
        else:
            out.append(_change("tools", "tools_many", "tools_many_why", count=len(tools)))
    elif moved:
        out.append(_change("tools", "frameworks", "frameworks_why", tools=join_and(moved)))
    abilities = a.competencies or []
    if len(abilities) > MAX_COMPETENCIES:
        out.append(
            _change(
                "competencies",
                "competencies",
                "competencies_why",
                count=len(abilities),
                kept=MAX_COMPETENCIES,
            )
        )
    return out


def post_changes(answers: Answers, role: Role, loop: list[InterviewStage]) -> list[PostChange]:
    """Every difference between the answers and the job post, in the post's order: title,
    requirements, interviews."""
    return [
        *_title(answers, role),
        *_requirements(answers, role),
        *_interviews(answers, loop),
        *_take_home(answers, loop),
    ]


def plan_post_changes(plan: Plan) -> list[PostChange]:
    return post_changes(plan.answers, plan.role, plan.interview_loop)


def handled_ids(answers: Answers, role: Role, loop: list[InterviewStage]) -> frozenset[str]:
    """Ids of the findings the job post already follows (``[handles]`` in job_post.toml): a
    master's degree the post leaves out, a take-home it time-boxes. The verdict line counts
    them apart, so "fix before you post" never lists what the post has fixed."""
    handles = post_text()["handles"]
    return frozenset(
        fid for c in post_changes(answers, role, loop) for fid in handles.get(c.key, ())
    )


def plan_handled(plan: Plan) -> frozenset[str]:
    """The handled ids of a plan that the plan's findings actually raise."""
    raised = {f.id for f in plan.findings}
    return handled_ids(plan.answers, plan.role, plan.interview_loop) & raised
