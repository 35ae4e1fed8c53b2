"""Markdown exports of a plan: the job post, the interview kit and the onboarding checklist.

Plans travel between people, so everything taken from a plan is escaped before it is embedded:
a hostile plan cannot inject Markdown structure, links, images or raw HTML into the document.
The job post is meant for candidates and leaves out internal material (budget, findings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from checklists.kit import load_kit
from checklists.loader import Checklist
from wizard.models import Plan
from wizard.rules import MAX_TAKE_HOME_HOURS, TRACK_NAMES
from wizard.text import printable

Part = Literal["job-post", "interview-kit", "onboarding"]
PARTS: tuple[Part, ...] = ("job-post", "interview-kit", "onboarding")

_MD_INLINE = re.compile(r"([\\`*_\[\]|~#])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
# GitHub turns `name@host.tld` into a mailto: link; escaping the @ splits it.
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@(?=[\w-])")
VERDICT_LABEL = {"ready": "Ready to hire", "almost": "Almost ready", "not_yet": "Not yet"}
ENGAGEMENT_LABEL = {
    "full_time": "Full time",
    "contract": "Contract",
    "advisor": "Advisor, time-boxed",
}
WORK_MODE_LABEL = {
    "onsite": "On site",
    "hybrid": "Hybrid",
    "remote_same_tz": "Remote, similar time zone",
    "remote_async": "Remote, asynchronous across time zones",
}


def md(text: object) -> str:
    """Escape plan text for inline Markdown: no HTML, no markup, no links, no line breaks.

    Only characters that can change meaning are escaped, so the Markdown stays readable as
    plain text: inline markup everywhere, block markers at the start, and bare URLs, which
    GitHub would otherwise turn into links, and e-mail addresses, which become mailto: links.
    Invisible and control characters are shown escaped (see :func:`wizard.text.printable`).
    """
    flat = printable(" ".join(str(text).split()))
    flat = _MD_INLINE.sub(r"\\\1", flat)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _MD_ORDERED.sub(r"\1\\\2", flat)
    flat = re.sub(r"^([+\-=])", r"\\\1", flat)
    flat = _EMAIL_AT.sub(r"\\@", flat)
    return _AUTOLINK.sub(lambda m: m.group(1).replace(":", "\\:").replace(".", "\\."), flat)


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {md(i)}" for i in items]


def _cell(text: object) -> str:
    return md(text) or " "


def job_post(plan: Plan, checklist: Checklist) -> list[str]:
    role, ctx = plan.role, plan.answers.context
    lines = [f"## {md(role.title)}", ""]
    facts = [f"**{ENGAGEMENT_LABEL[role.engagement]}**"]
    if ctx.company:
        facts.insert(0, f"**{md(ctx.company)}**")
    if ctx.work_mode:
        facts.append(WORK_MODE_LABEL.get(ctx.work_mode, md(ctx.work_mode)))
    lines += [" · ".join(facts), "", md(role.summary), ""]
    lines += ["### What you will do", "", *_bullets(role.responsibilities), ""]
    lines += ["### What you bring", "", *_bullets(role.must_have), ""]
    if role.nice_to_have:
        lines += ["### Nice to have", "", *_bullets(role.nice_to_have), ""]
    lines += ["### What we do not ask for", "", *_bullets(role.not_required), ""]
    lines += ["### How we interview", ""]
    lines += [
        f"{i}. {md(s.name)} ({s.minutes} min): {md(s.purpose)}"
        for i, s in enumerate(plan.interview_loop, start=1)
    ]
    lines.append("")
    return lines


def interview_kit(plan: Plan, checklist: Checklist) -> list[str]:
    kit = load_kit()
    a = plan.answers.assessment
    lines = ["## Interview kit", "", "### Stages", ""]
    lines += [
        "| # | Stage | Format | Minutes | Focus | Guards against mistakes |",
        "|---|---|---|---|---|---|",
    ]
    for i, s in enumerate(plan.interview_loop, start=1):
        lines.append(
            f"| {i} | {_cell(s.name)} | {_cell(s.format)} | {s.minutes} | "
            f"{_cell('; '.join(s.focus))} | {', '.join(str(g) for g in s.guards)} |"
        )
    lines.append("")
    stage_ids = {s.id for s in plan.interview_loop}
    if "work_sample" in stage_ids:
        hours = (
            a.take_home_hours
            if a.take_home_hours and a.take_home_hours <= MAX_TAKE_HOME_HOURS
            else MAX_TAKE_HOME_HOURS
        )
        paid = "paid" if a.take_home_paid else "paid (recommended: the plan does not yet say so)"
        lines += ["### Take-home brief", "", f"Time box: **{hours} hours**, {paid}.", ""]
        lines += [*_bullets(kit.take_home_brief), ""]
    if "production" in stage_ids:
        lines += ["### Production readiness: question areas", ""]
        lines += [*_bullets(kit.question_areas.production), ""]
    lines += ["### Product thinking and communication: question areas", ""]
    lines += [*_bullets(kit.question_areas.product), ""]
    if "async_trial" in stage_ids:
        lines += ["### Remote and async work: question areas", ""]
        lines += [*_bullets(kit.question_areas.remote), ""]
    lines += [
        "### Scorecard",
        "",
        "Rate each attribute 1 (poor) to 4 (strong) in the stages listed, and write one "
        "sentence of evidence for every rating.",
        "",
    ]
    stage_names = {s.id: s.name for s in plan.interview_loop}
    for cat in plan.scorecard.categories:
        lines += [
            f"#### {md(cat.name)}",
            "",
            "| Attribute | What a strong answer shows | Assessed in | Rating |",
            "|---|---|---|---|",
        ]
        for attr in cat.attributes:
            where = "; ".join(stage_names.get(s, s) for s in attr.stages)
            lines.append(f"| {_cell(attr.name)} | {_cell(attr.strong)} | {_cell(where)} |   |")
        lines.append("")
    return lines


def onboarding(plan: Plan, checklist: Checklist) -> list[str]:
    lines = ["## Onboarding checklist", ""]
    lines += [f"- [{'x' if i.done else ' '}] {md(i.text)}" for i in plan.onboarding.items]
    lines += ["", "### First 90 days", "", *_bullets(plan.onboarding.first_90_days), ""]
    return lines


def readiness(plan: Plan, checklist: Checklist) -> list[str]:
    r, role = plan.readiness, plan.role
    lines = ["## Readiness summary (internal)", ""]
    lines.append(
        f"**{VERDICT_LABEL[r.verdict]}**: readiness {r.score}/100 (weakest section), "
        f"mean {r.mean}/100, data band {r.data_band}."
    )
    lines += ["", "| Section | Score |", "|---|---|"]
    for step in checklist.steps:
        if step.id in r.sections:
            lines.append(f"| {_cell(step.title)} | {r.sections[step.id]} |")
    lines += [
        "",
        f"Recommended hire: **{md(role.title)}** ({TRACK_NAMES[role.track]}, "
        f"{role.seniority}, {ENGAGEMENT_LABEL[role.engagement].lower()}).",
        "",
    ]
    lines += [f"- {md(x.text)} *({md(x.source)})*" for x in role.rationale]
    lines += [f"- Alternative: {md(x.title)}. {md(x.why)}" for x in role.alternatives]
    lines.append("")
    b = plan.budget
    if b is not None:
        lines += [
            f"Budget: {md(b.currency)} {b.low:,} to {b.high:,} per {b.period} "
            f"*({md(b.source)}, {md(b.as_of)})*.",
            "",
        ]
        if b.basis:
            lines += [f"Basis: {md(b.basis)}.", ""]
    if plan.findings:
        lines += [
            "### Findings",
            "",
            "| Severity | Mistake | Finding | What to do | Source |",
            "|---|---|---|---|---|",
        ]
        for f in plan.findings:
            lines.append(
                f"| {f.severity} | {f.mistake} | {_cell(f.title)} | {_cell(f.action)} "
                f"| {_cell(f.source)} |"
            )
        lines.append("")
    return lines


def export_markdown(plan: Plan, checklist: Checklist, only: Part | None = None) -> str:
    """The plan as Markdown: everything, or one part (``job-post`` is candidate-facing)."""
    title = plan.meta.title or "Hiring plan"
    company = f" at {md(plan.meta.company)}" if plan.meta.company else ""
    if only == "job-post":
        body = job_post(plan, checklist)
    elif only == "interview-kit":
        body = [
            f"# Interview kit: {md(plan.role.title)}{company}",
            "",
            *interview_kit(plan, checklist)[2:],
        ]
    elif only == "onboarding":
        body = [
            f"# Onboarding: {md(plan.role.title)}{company}",
            "",
            *onboarding(plan, checklist)[2:],
        ]
    else:
        body = [
            f"# {md(title)}{company}",
            "",
            f"Hiring plan written by {md(plan.meta.generator)}; "
            f"updated {plan.meta.updated.date().isoformat()}.",
            "",
            *readiness(plan, checklist),
            *job_post(plan, checklist),
            *interview_kit(plan, checklist),
            *onboarding(plan, checklist),
        ]
    if only == "job-post":
        body = [f"# {md(plan.role.title)}{company}", "", *body[2:]]
    return "\n".join(body).rstrip() + "\n"
