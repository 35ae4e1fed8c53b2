"""The role profile the job post is built from: the track's profile (checklists/roles.toml) with
the founder's own tools and abilities folded in, frameworks kept out of the must-haves."""

from __future__ import annotations

from wizard.models import Alternative, Answers, Reason, Role
from wizard.rules.catalog import Ctx, join_and
from wizard.rules.findings import MAX_TOOLS, frameworks_in

# The founder's own abilities folded into the must-haves; wizard/post_changes.py tells the
# founder when more were given.
MAX_COMPETENCIES = 4


def role_title(x: Ctx) -> str:
    base = x.advice.profiles[x.track].title
    if x.track == "ml_advisor" or x.seniority == "mid":
        return base
    return f"{x.seniority.title()} {base}"


def abilities(answers: Answers) -> list[str]:
    """The founder's own abilities as the job post lists them: as typed, first letter capital,
    at most MAX_COMPETENCIES. They are free text, verb phrases ("Classify invoices") as often as
    noun phrases ("Forecasting demand"), so they are listed under a lead-in of their own and
    never spliced into a sentence ("Hands-on experience with classify invoices")."""
    items = [" ".join(c.split()) for c in (answers.assessment.competencies or [])]
    return [c[:1].upper() + c[1:] for c in items if c][:MAX_COMPETENCIES]


def languages_in(tools: list[str], x: Ctx) -> list[str]:
    """The tools that are programming languages (words.toml): skills, kept as must-haves."""
    return [t for t in tools if " ".join(t.lower().split()) in x.advice.words.languages]


# Tracks whose job post describes shipping models; on-device serving changes what that means.
SHIPS_MODELS = ("ml_engineer",)


def _on_device(x: Ctx, responsibilities: list[str], must: list[str]) -> None:
    """An on-device product ships models to devices, not behind an API: say so in the duties
    and ask for that experience (the production stage already tests it)."""
    if x.answers.production.serving != "on_device" or x.track not in SHIPS_MODELS:
        return
    responsibilities[:] = [
        x.phrase("on_device_ship") if r.startswith("Ship models") else r for r in responsibilities
    ]
    must.insert(1, x.phrase("on_device_must"))


def describe_role(x: Ctx, rationale: list[Reason], alternatives: list[Alternative]) -> Role:
    profile = x.advice.profiles[x.track]
    a = x.answers.assessment
    tools = a.must_have_tools or []
    frameworks = frameworks_in(tools, x)
    must = list(profile.must_have)
    nice = list(profile.nice_to_have)
    core = [t for t in tools if t not in frameworks]
    if len(tools) > MAX_TOOLS:
        # As the tool-checklist finding says: languages stay must-haves, the rest move.
        kept = languages_in(tools, x)[:MAX_TOOLS]
        if kept:
            must.append(f"You work fluently in {join_and(kept)}.")
        moved = [t for t in tools if t not in kept]
        if moved:
            nice.append(f"Familiarity with some of these tools: {join_and(moved)}.")
    else:
        if core:
            must.append(f"You work fluently in {join_and(core)}.")
        if frameworks:
            nice.append(f"Familiarity with {join_and(frameworks)}.")
    responsibilities = list(profile.responsibilities)
    _on_device(x, responsibilities, must)
    nr = x.advice.not_required
    return Role(
        track=x.track,
        title=role_title(x),
        seniority=x.seniority,
        engagement=x.engagement,
        # "The models we already run" would be false when none runs yet.
        summary=(
            x.phrase("mlops_summary_new")
            if x.track == "mlops_engineer" and not x.live
            else profile.summary
        ),
        responsibilities=responsibilities,
        must_have=must,
        nice_to_have=nice,
        not_required=[nr["degree"], nr["tools_beyond"] if tools else nr["tools"], nr["research"]],
        rationale=rationale,
        alternatives=alternatives,
    )
