"""Data readiness (Lawrence, *Data Readiness Levels*) and the feasibility gate.

Band C: not recorded, not loadable or not cleared; band B: accessible but quality or labels not in
place; band A: quality checked and labels present or not needed. Findings name the exact missing
item, so "privacy not cleared" never reads as "instrument the product".
"""

from __future__ import annotations

from collections.abc import Iterator

from wizard.models import Answers, DataBand
from wizard.rules.catalog import Ctx, Facts, Hit, blocker_check, check, hit, join_and

UNSTRUCTURED = ("text", "images", "audio", "mixed")
# The band-C items, each with the phrase that names it and the phrase that fixes it.
ACCESS_ITEMS = (
    ("recorded", "data-not-recorded"),
    ("accessible", "data-not-loadable"),
    ("privacy_cleared", "data-privacy-not-cleared"),
)
_PHRASE = {"recorded": "recorded", "accessible": "accessible", "privacy_cleared": "privacy"}


def data_band(answers: Answers) -> DataBand:
    d = answers.data
    if not (d.recorded and d.accessible and d.privacy_cleared):
        return "C"
    if d.quality_checked and d.labels in ("yes", "not_needed"):
        return "A"
    return "B"


def missing_access(answers: Answers) -> list[str]:
    """The band-C items that are not in place, as answer ids."""
    return [item for item, _ in ACCESS_ITEMS if not getattr(answers.data, item)]


def needs_feasibility(answers: Answers) -> bool:
    """Own model (or undecided) on unstructured data without full labels, nothing live yet."""
    g, d = answers.goals, answers.data
    return (
        g.build_mode in ("from_scratch", "unsure")
        and g.data_kind in UNSTRUCTURED
        and d.labels in ("no", "partial")
        and not answers.production.models_in_production
    )


def hosted_privacy(x: Facts) -> str:
    """What advice to try a hosted API adds about customer data: with privacy not cleared, or
    hiring in the EU (personal data under the GDPR), clear the use and sign the vendor's
    data-processing agreement before real data goes out; empty otherwise."""
    if x.answers.context.hiring_region == "eu":
        return x.phrase("hosted_privacy_eu")
    if not x.answers.data.privacy_cleared:
        return x.phrase("hosted_privacy")
    return ""


@blocker_check("too-early-data")
def data_usable(x: Facts) -> Iterator[Hit]:
    """Band C with nothing in production: a full-time hire would have nothing to learn from
    (seed mistake 7). The finding names each missing item and its fix."""
    if x.band != "C" or x.live:
        return
    missing = missing_access(x.answers)
    names = [x.phrase(f"missing_{_PHRASE[m]}") for m in missing]
    # At the idea stage there is no product to instrument yet: record from the first version.
    idea = x.answers.timing.stage == "idea"
    fixes = [
        x.phrase("fix_recorded_idea" if idea and m == "recorded" else f"fix_{_PHRASE[m]}")
        for m in missing
    ]
    # Privacy alone is a clearance to get, not data that is unusable: the title says which.
    what = x.phrase("too_early_privacy" if missing == ["privacy_cleared"] else "too_early_unusable")
    yield hit("too-early-data", what=what, missing=join_and(names), fix=" ".join(fixes))


@blocker_check("feasibility-first", "goal-build-mode-unsure")
def feasibility(x: Facts) -> Iterator[Hit]:
    """Training your own model (or not knowing) on unlabelled unstructured data needs a
    feasibility study first (Microsoft feasibility playbook); otherwise an undecided build mode
    is a warning."""
    g = x.answers.goals
    if needs_feasibility(x.answers):
        yield hit(
            "feasibility-first",
            build=x.phrase(f"build_{g.build_mode}"),
            data=x.phrase(f"data_{g.data_kind}"),
            labels=x.phrase(f"labels_{x.answers.data.labels}"),
        )
    elif g.build_mode == "unsure":
        # Tables and forecasts start from a baseline on their own data, which no vendor sees.
        if g.data_kind == "structured" or g.problem_type == "time_series":
            yield hit(
                "goal-build-mode-unsure", first_try=x.phrase("first_try_baseline"), privacy=""
            )
        else:
            first = x.phrase("first_try_hosted")
            yield hit("goal-build-mode-unsure", first_try=first, privacy=hosted_privacy(x))


@check("data-not-recorded", "data-not-loadable", "data-privacy-not-cleared")
def data_access_live(x: Ctx) -> Iterator[Hit]:
    """With models already live, a band-C gap is a warning per missing item, not a blocker."""
    if x.band == "C" and x.live:
        for item, fid in ACCESS_ITEMS:
            if not getattr(x.answers.data, item):
                yield hit(fid)


@check("data-quality-unchecked", "data-labels-missing")
def data_validity(x: Ctx) -> Iterator[Hit]:
    """Band B: quality unchecked, or labels missing where the work needs them."""
    d = x.answers.data
    if x.band == "C" and not x.live:
        return  # the too-early blocker covers the data until it is usable
    if not d.quality_checked:
        yield hit("data-quality-unchecked")
    if d.labels in ("no", "partial"):
        yield hit("data-labels-missing", labels=x.phrase(f"labels_{d.labels}"))


@check("data-pipeline-none", "data-pipeline-manual")
def data_pipeline(x: Ctx) -> Iterator[Hit]:
    """A hand-run or missing pipeline, unless building it is what the hire is for."""
    if "data.pipeline" in x.exempt or (x.band == "C" and not x.live):
        return
    if x.answers.data.pipeline == "none":
        yield hit("data-pipeline-none")
    elif x.answers.data.pipeline == "manual":
        yield hit("data-pipeline-manual")
