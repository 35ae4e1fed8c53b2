"""Markdown exports of a plan: the job post, the interview kit and the onboarding checklist.

Plans travel between people, so everything taken from a plan is escaped before it is embedded:
a hostile plan cannot inject Markdown structure, links, images or raw HTML into the document.
The job post is meant for candidates and leaves out internal material (budget, findings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from checklists.advice import load_advice
from checklists.interview_kit import load_interview_kit
from checklists.loader import Checklist
from wizard import labels
from wizard.models import Plan
from wizard.pay import plan_budget_lines
from wizard.post_changes import (
    changes_heading,
    hours_text,
    plan_handled,
    plan_post_changes,
    post_text,
)
from wizard.rules.profile import abilities
from wizard.text import printable

Part = Literal["job-post", "interview-kit", "onboarding"]
PARTS: tuple[Part, ...] = ("job-post", "interview-kit", "onboarding")

_MD_INLINE = re.compile(r"([\\`*_\[\]|~#])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
# GitHub turns `name@host.tld` into a mailto: link; escaping the @ splits it.
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@(?=[\w-])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# The one deliberate link of a job post: a plain web address or e-mail address, nothing that
# could close the Markdown link or smuggle markup in.
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~/?#@!$&'*+,;=%-]*)?")
_SAFE_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def md(text: object) -> str:
    """Escape plan text for inline Markdown: no HTML, no markup, no links, no line breaks.

    Only characters that can change meaning are escaped, so the Markdown stays readable as
    plain text: inline markup everywhere, block markers at the start, and bare URLs, which
    GitHub would otherwise turn into links, and e-mail addresses, which become mailto: links.
    Invisible and control characters are shown escaped (see :func:`wizard.text.printable`).
    """
    flat = printable(" ".join(str(text).split()))
    flat = _MD_INLINE.sub(r"\\\1", flat)
    # Only an ampersand that would start an entity is escaped, so "Schmidt & Hunter" stays.
    flat = _ENTITY.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    flat = _MD_ORDERED.sub(r"\1\\\2", flat)
    flat = re.sub(r"^([+\-=])", r"\\\1", flat)
    flat = _EMAIL_AT.sub(r"\\@", flat)
    return _AUTOLINK.sub(lambda m: m.group(1).replace(":", "\\:").replace(".", "\\."), flat)


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {md(i)}" for i in items]


def _cell(text: object) -> str:
    return md(text) or " "


def _sentence(text: str) -> str:
    """User text as a whole sentence: one trailing full stop, whatever they typed."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def apply_link(contact: str) -> str:
    """The apply contact as the post's one deliberate link, or escaped text if it is unusual."""
    if _SAFE_URL.fullmatch(contact):
        return f"[{md(contact)}]({contact})"
    if _SAFE_EMAIL.fullmatch(contact):
        return f"[{md(contact)}](mailto:{contact})"
    return md(contact)


def _data_state(plan: Plan) -> list[str]:
    """Where the data is, told as the work a candidate walks into (checklists/job_post.toml)."""
    d, t = plan.answers.data, post_text()["data"]
    models = plan.answers.production.models_in_production or 0
    basics = (
        ("recorded", d.recorded),
        ("accessible", d.accessible),
        ("privacy", d.privacy_cleared),
    )
    have = [t[f"{name}_yes"] for name, ok in basics if ok]
    out = []
    if have:
        facts = have[0] if len(have) == 1 else ", ".join(have[:-1]) + " and " + have[-1]
        out.append(t["in_place"].format(facts=facts))
    out += [t[f"{name}_no"] for name, ok in basics if not ok]
    # Nothing recorded means nothing to audit yet: the quality sentence would promise data.
    if d.recorded:
        out.append(t["quality_yes" if d.quality_checked else "quality_no"])
    if d.labels:
        out.append(t[f"labels_{d.labels}"])
    if d.pipeline:
        out.append(t[f"pipeline_{d.pipeline}"])
    # Analysis work runs nothing in production: "no model yet" would promise one.
    if models or plan.answers.goals.deliverable != "insights":
        key = "models_none" if not models else "models_one" if models == 1 else "models_many"
        out.append(t[key].format(count=models))
    return [" ".join(out)]


def _about(plan: Plan) -> list[str]:
    post, ctx, t = post_text(), plan.answers.context, plan.answers.timing
    company = ctx.company or "We"
    out = []
    if t.stage:
        out.append(post["stage"][t.stage].format(company=company))
    staff = ctx.ml_staff or 0
    key = "first" if staff == 0 else "one" if staff == 1 else "many"
    out.append(post["team"][key].format(count=staff))
    if plan.answers.team.reports_to:
        out.append(post["reports_to"][plan.answers.team.reports_to])
    team = plan.answers.team
    if ctx.work_mode == "remote_async" and not team.async_practices:
        out.append(post["text"]["remote_async_no_habits"])
    elif ctx.work_mode:
        out.append(post["work_mode"][ctx.work_mode])
    if ctx.work_mode == "remote_async" and team.tz_overlap_hours is not None:
        out.append(post["text"]["overlap"].format(hours=hours_text(team.tz_overlap_hours)))
    if ctx.location:
        out.append(post["text"]["location"].format(location=_sentence(ctx.location)[:-1]))
    return [md(" ".join(out))]


def _problem(plan: Plan) -> list[str]:
    from wizard.rules.goals import metric_is_clear, outcome_is_clear

    g, text, words = plan.answers.goals, post_text()["text"], load_advice().words
    if not outcome_is_clear(g.outcome, words):
        return [md(text["goal_unclear"])]
    out = [text["goal"].format(outcome=_sentence(g.outcome or ""))]
    if metric_is_clear(g.success_metric, words):
        out.append(text["metric"].format(metric=_sentence(g.success_metric or "")))
    return [md(" ".join(out))]


def _how_we_interview(plan: Plan) -> list[str]:
    text, a = post_text()["text"], plan.answers.assessment
    lines = [
        f"{i}. {md(s.name)} ({s.minutes} min): {md(s.purpose)}"
        for i, s in enumerate(plan.interview_loop, start=1)
    ]
    minutes = sum(s.minutes for s in plan.interview_loop)
    after = [text["loop_total"].format(stages=len(plan.interview_loop), minutes=minutes)]
    stage_ids = {s.id for s in plan.interview_loop}
    if "trial_task" in stage_ids:
        after.append(text["trial_task"].format(hours=hours_text(_time_box(plan))))
    elif "work_sample" in stage_ids:
        key = "take_home_paid" if a.take_home_paid else "take_home_unpaid"
        after.append(text[key].format(hours=hours_text(_time_box(plan))))
    return [*lines, "", md(" ".join(after))]


def _pay(plan: Plan) -> list[str]:
    """The founder's own range, never a market figure presented as the offer."""
    t, text = plan.answers.timing, post_text()["text"]
    currency = t.budget_currency or ""
    out = []
    if t.pay_low is not None and t.pay_high is not None:
        out.append(text["pay_range"].format(currency=currency, low=f"{t.pay_low:,}",
                                            high=f"{t.pay_high:,}"))  # fmt: skip
    elif t.pay_low is not None:
        out.append(text["pay_from"].format(currency=currency, low=f"{t.pay_low:,}"))
    elif t.pay_high is not None:
        out.append(text["pay_up_to"].format(currency=currency, high=f"{t.pay_high:,}"))
    if t.equity_offered:
        out.append(text["equity"])
    return [md(" ".join(out))] if out else []


def job_post(plan: Plan, checklist: Checklist) -> list[str]:
    """The candidate-facing post: company, problem, data, work, requirements, interviews, pay,
    how to apply. No findings, scores or budget check."""
    role, ctx = plan.role, plan.answers.context
    lines = [f"## {md(role.title)}", ""]
    facts = [f"**{labels.engagement(role.engagement)}**"]
    if ctx.company:
        facts.insert(0, f"**{md(ctx.company)}**")
    if ctx.work_mode:
        facts.append(md(labels.answer_label(checklist, "context.work_mode", ctx.work_mode)))
    if ctx.location:
        facts.append(md(ctx.location))
    company = md(ctx.company) if ctx.company else "us"
    lines += [" · ".join(facts), "", md(role.summary), ""]
    lines += [f"### About {company}", "", *_about(plan), ""]
    lines += ["### The problem", "", *_problem(plan), ""]
    lines += ["### Where our data is today", "", *(md(x) for x in _data_state(plan)), ""]
    lines += ["### What you will do", "", *_bullets(role.responsibilities), ""]
    lines += ["### Must have", "", *_bullets(role.must_have), ""]
    shown = abilities(plan.answers)
    if shown:
        lead = md(post_text()["text"]["abilities"])
        lines += ["### What you will need to show", "", lead, "", *_bullets(shown), ""]
    if role.nice_to_have:
        lines += ["### Nice to have", "", *_bullets(role.nice_to_have), ""]
    lines += ["### Not required", "", *_bullets(role.not_required), ""]
    lines += ["### How we interview", "", *_how_we_interview(plan), ""]
    pay = _pay(plan)
    if pay:
        lines += ["### Pay", "", *pay, ""]
    text = post_text()["text"]
    how = (
        text["apply"].replace("{contact}", apply_link(ctx.apply_contact))
        if ctx.apply_contact
        else md(text["apply_missing"])
    )
    lines += ["### How to apply", "", how, ""]
    return lines


def _time_box(plan: Plan) -> int:
    """The same time box as the plan's loop (a trial task is always paid)."""
    from wizard.rules.interview import time_box_hours

    a = plan.answers.assessment
    paid = bool(a.take_home_paid) or any(s.id == "trial_task" for s in plan.interview_loop)
    return time_box_hours(a.take_home_hours, paid)


def interview_kit(plan: Plan, checklist: Checklist) -> list[str]:
    kit = load_interview_kit()
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
    guarded = sorted({g for s in plan.interview_loop for g in s.guards})
    if guarded:
        legend = "; ".join(f"{g} — {kit.mistakes[g]}" for g in guarded)
        lines += [md(f"Mistake numbers: {legend}."), ""]
    stage_ids = {s.id for s in plan.interview_loop}
    track = plan.role.track
    if stage_ids & {"work_sample", "trial_task"} and track in kit.take_home_brief:
        paid = a.take_home_paid or "trial_task" in stage_ids
        box = f"Time box: **{hours_text(_time_box(plan))}**, {'paid' if paid else 'unpaid'}."
        lines += ["### Take-home brief", "", box, ""]
        lines += [*_bullets(kit.take_home_brief[track] + kit.take_home_brief["common"]), ""]
    if stage_ids & {"production", "trial_task"}:
        areas = kit.question_areas.get(track, kit.question_areas["production"])
        if plan.answers.production.serving == "on_device":
            areas = areas + kit.question_areas["on_device"]
        lines += ["### Production readiness: question areas", "", *_bullets(areas), ""]
    if "scoping" in stage_ids:
        lines += ["### Scoping conversation: question areas", ""]
        lines += [*_bullets(kit.question_areas["scoping"]), ""]
    lines += ["### Product thinking and communication: question areas", ""]
    lines += [*_bullets(kit.question_areas["product"]), ""]
    if plan.answers.context.work_mode == "remote_async":
        lines += ["### Remote and async work: question areas", ""]
        lines += [*_bullets(kit.question_areas["remote"]), ""]
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
    heading = "First 90 days" if plan.role.engagement == "full_time" else "First weeks"
    lines += ["", f"### {heading}", "", *_bullets(plan.onboarding.first_90_days), ""]
    return lines


def _budget_lines(plan: Plan, checklist: Checklist) -> list[str]:
    """The same budget sentences as ``show`` and ``diff`` (wizard.pay.plan_budget_lines)."""
    lines = plan_budget_lines(plan, checklist.pay.exchange)
    if not lines:
        return []
    return ["### Budget", "", *[f"- {md(line)}" for line in lines], ""]


def readiness(plan: Plan, checklist: Checklist) -> list[str]:
    r, role = plan.readiness, plan.role
    profile = load_advice().profiles[role.track]
    lines = ["## Readiness summary (internal)", ""]
    weakest = labels.weakest(r)
    title = checklist.step(weakest).title if weakest else None
    line = labels.verdict_line(r, plan.findings, title, plan_handled(plan))
    lines.append(f"**{labels.verdict(r.verdict).label}**: {md(line)}")
    where = f" {md(title)}," if title else ""
    lines += [
        "",
        f"{labels.score_heading()}:{where} {r.score}/100. {md(labels.explain_score(r, title))}",
    ]
    lines += ["", f"{md(labels.data_band(r.data_band))}."]
    lines += ["", "| Section | Score |", "|---|---|"]
    for step in checklist.steps:
        if step.id in r.sections:
            lines.append(f"| {_cell(step.title)} | {r.sections[step.id]} |")
    lines += [
        "",
        f"Recommended hire: **{md(role.title)}**, {md(profile.a_name)} "
        f"({role.seniority}, {labels.engagement(role.engagement).lower()}).",
        "",
    ]
    lines += [f"- {md(x.text)} *({md(x.source)})*" for x in role.rationale]
    lines += [f"- Alternative, {md(x.title)}: {md(x.why)}" for x in role.alternatives]
    lines.append("")
    lines += _budget_lines(plan, checklist)
    if plan.findings:
        lines += [
            "### Findings",
            "",
            "| Severity | Mistake | Finding | What to do | Source |",
            "|---|---|---|---|---|",
        ]
        for f in plan.findings:
            mistake = "—" if f.mistake is None else str(f.mistake)
            lines.append(
                f"| {f.severity} | {mistake} | {_cell(f.title)} | {_cell(f.action)} "
                f"| {_cell(f.source)} |"
            )
        lines.append("")
    return lines


def post_changes_section(plan: Plan) -> list[str]:
    """For the founder, above the post in the full export: where the post differs from the
    answers and why (wizard/post_changes.py). Never part of the candidate-facing post."""
    changes = plan_post_changes(plan)
    if not changes:
        return []
    heading, intro = changes_heading()
    lines = [f"## {md(heading)} (internal)", "", md(intro), ""]
    lines += [f"- {md(c.what)} {md(c.why)}" for c in changes]
    return [*lines, ""]


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
            *post_changes_section(plan),
            *job_post(plan, checklist),
            *interview_kit(plan, checklist),
            *onboarding(plan, checklist),
        ]
    if only == "job-post":
        body = [f"# {md(plan.role.title)}{company}", "", *body[2:]]
    return "\n".join(body).rstrip() + "\n"
