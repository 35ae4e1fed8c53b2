"""Onboarding by engagement and track, in the plan's own words (seed mistake 10; lgmoneda).

Full-time hires get the 30/60/90 plan, documented pipelines, a domain expert, a buddy and a
learning budget; contractors and advisors get access, a context document, a weekly check-in and
a handover or read-out instead. Texts use the plan's outcome, metric, baseline and data state.
"""

from __future__ import annotations

from wizard.answers import get_value
from wizard.models import Onboarding, OnboardingItem
from wizard.rules.catalog import Ctx, join_and
from wizard.rules.data import missing_access
from wizard.rules.goals import metric_is_clear, outcome_is_clear


def inline(text: str) -> str:
    """User text placed mid-sentence: trailing full stop dropped, a capital lowered unless the
    word is an acronym ("Stock-out rate" → "stock-out rate", "NPS above 40" stays)."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


_GAP = {
    "recorded": "not_recorded",
    "accessible": "not_loadable",
    "privacy_cleared": "privacy_not_cleared",
}


def data_state(x: Ctx) -> str:
    p, d = x.advice.onboarding_phrases, x.answers.data
    gaps = [p[_GAP[m]] for m in missing_access(x.answers)]
    if not d.quality_checked:
        gaps.append(p["quality_unchecked"])
    if d.labels in ("no", "partial"):
        gaps.append(p[f"labels_{d.labels}"])
    return join_and(gaps) if gaps else p["data_ready"]


def _baseline_key(x: Ctx) -> str:
    """What the first results are measured against: the simple version live today, else the
    simplest thing to build (for LLM features a plain prompt, not a rule-based system)."""
    if x.answers.goals.heuristic_baseline:
        return "baseline_live"
    return "baseline_none_llm" if x.track == "ai_engineer" else "baseline_none"


def placeholders(x: Ctx) -> dict[str, str]:
    g, p, words = x.answers.goals, x.advice.onboarding_phrases, x.advice.words
    outcome, metric = g.outcome or "", g.success_metric or ""
    return {
        "outcome": inline(outcome) if outcome_is_clear(outcome, words) else p["outcome_missing"],
        "metric": inline(metric) if metric_is_clear(metric, words) else p["metric_missing"],
        "baseline": p[_baseline_key(x)],
        "data_state": data_state(x),
    }


def onboarding_for(x: Ctx) -> Onboarding:
    values = placeholders(x)
    items = [
        OnboardingItem(
            id=i.id,
            text=i.text.format(**values),
            done=bool(get_value(x.answers, i.answer)) if i.answer else False,
        )
        for i in x.advice.onboarding
        if x.engagement in i.engagements and (i.tracks is None or x.track in i.tracks)
    ]
    if x.engagement == "full_time" and x.track == "mlops_engineer" and not x.live:
        # Nothing live to list or monitor yet: the first weeks build the first model's path.
        p = x.advice.onboarding_phrases
        plan = tuple(p[f"mlops_new_weeks_{i}"] for i in (1, 2, 3))
    elif x.engagement == "full_time":
        plan = x.advice.profiles[x.track].first_90_days
    else:
        plan = x.advice.first_90_days[x.engagement]
    return Onboarding(items=items, first_90_days=[line.format(**values) for line in plan])
