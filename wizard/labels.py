"""One source for the words every surface shows: verdicts, severities, counts, role names, scores.

The Review, ``hirewiz show``, ``hirewiz list`` and the Markdown exports used to keep their own
copies of these and they drifted ("Remote, across time zones (async)" in the wizard, "Remote,
asynchronous across time zones" in the job post). The words live in ``checklists/labels.toml``,
role names in ``checklists/roles.toml`` and answer labels in ``checklists/questions.toml``; this
module only reads them. It never imports textual or rich, so every surface can use it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from checklists.advice import load_advice
from checklists.loader import HERE, Checklist
from wizard.models import Finding, Readiness

Level = Literal["good", "fair", "poor"]


@dataclass(frozen=True)
class VerdictText:
    word: str  # "ALMOST", the Review's big word
    label: str  # "Almost ready", in sentences and exports
    line: str  # why this verdict and what to do next (a template, see verdict_line)
    line_score: str = ""  # "almost" held back by the score alone, with no warning
    # "almost" when the job post already follows some warnings ({handled}), or all of them.
    line_handled: str = ""
    line_all_handled: str = ""


@dataclass(frozen=True)
class Labels:
    verdicts: dict[str, VerdictText]
    severities: tuple[str, ...]  # most serious first
    plurals: dict[str, str]
    score_heading: str
    explain: str
    explain_full: str
    good: int
    fair: int
    why_handled: str
    data_bands: dict[str, str]
    engagements: dict[str, str]


@lru_cache(maxsize=1)
def labels() -> Labels:
    with (HERE / "labels.toml").open("rb") as fh:
        raw: dict[str, Any] = tomllib.load(fh)
    score = raw["score"]
    return Labels(
        verdicts={k: VerdictText(**v) for k, v in raw["verdicts"].items()},
        severities=tuple(s["id"] for s in raw["severities"]),
        plurals={s["id"]: s["plural"] for s in raw["severities"]},
        score_heading=score["heading"],
        explain=score["explain"],
        explain_full=score["explain_full"],
        good=score["good"],
        fair=score["fair"],
        why_handled=score["why_handled"],
        data_bands=dict(raw["data_bands"]),
        engagements=dict(raw["engagements"]),
    )


def verdict(value: str) -> VerdictText:
    return labels().verdicts[value]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 blocker``, ``9 warnings``, ``0 tips``."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def severity_rank(severity: str) -> int:
    return labels().severities.index(severity)


def by_severity(found: Iterable[Finding]) -> list[Finding]:
    """Findings most serious first, in their rule order within a severity."""
    return sorted(found, key=lambda f: severity_rank(f.severity))


def counts(found: Sequence[Finding], zero: bool = True) -> str:
    """``1 blocker · 9 warnings · 0 tips`` (``zero=False`` leaves out the zeros)."""
    parts = []
    for severity in labels().severities:
        n = sum(f.severity == severity for f in found)
        if n or zero:
            parts.append(plural(n, severity, labels().plurals[severity]))
    return " · ".join(parts)


def level(score: int) -> Level:
    """How a 0–100 score reads: the same thresholds colour the Review and ``hirewiz show``."""
    return "good" if score >= labels().good else "fair" if score >= labels().fair else "poor"


def bar_cells(score: int, width: int = 20) -> tuple[int, int]:
    """Filled and empty cells of a text bar for a 0–100 score."""
    filled = round(score * width / 100)
    return filled, width - filled


def track_name(track: str) -> str:
    """A role as a label: "ML engineer", "Data scientist" (roles.toml, first letter capital)."""
    profile = load_advice().profiles.get(track)
    name = profile.name if profile is not None else track.replace("_", " ")
    return name[:1].upper() + name[1:]


def answer_label(checklist: Checklist, key: str, value: str) -> str:
    """The label the wizard shows for a choice answer, so exports say the same words."""
    return checklist.question(key).label_for(value)


def weakest(readiness: Readiness) -> str | None:
    """The lowest-scoring section, or None when every section is full."""
    if not readiness.sections:
        return None
    step = min(readiness.sections, key=lambda s: readiness.sections[s])
    return None if readiness.sections[step] == 100 else step


def why_weakest(
    readiness: Readiness, found: Sequence[Finding], handled: Collection[str] = ()
) -> Finding | None:
    """The most serious finding of the weakest section that the founder still has to act on
    (not one the job post already follows, ``handled``, unless all of them are): the reason
    the section scores lowest.

    Every section below 100 has at least one finding of its own (docs/rules.md), so this is
    only None when nothing is weak.
    """
    step = weakest(readiness)
    if step is None:
        return None
    own = [f for f in found if f.section == step]
    todo = [f for f in own if f.id not in handled]
    ranked = by_severity(todo or own)
    return ranked[0] if ranked else None


def why_text(
    readiness: Readiness, found: Sequence[Finding], handled: Collection[str] = ()
) -> str | None:
    """The "Why:" line under the weakest section: the finding's title, and a note when the job
    post already follows it, so the line never contradicts "What hirewiz changed"."""
    why = why_weakest(readiness, found, handled)
    if why is None:
        return None
    return f"{why.title} {labels().why_handled}" if why.id in handled else why.title


def verdict_line(
    readiness: Readiness,
    found: Sequence[Finding],
    weakest_title: str | None,
    handled: Collection[str] = (),
) -> str:
    """Why the verdict is what it is, from the same counts and score the rules used
    (wizard/rules/derive.py, ``verdict``), so the word and the score never read as a
    contradiction. Warnings the job post already follows (``handled``) are counted apart:
    "fix before you post" lists only what is left to fix."""
    from wizard.rules.derive import READY_SCORE

    text = verdict(readiness.verdict)
    warned = [f for f in found if f.severity == "warning"]
    done = sum(f.id in handled for f in warned)
    left = len(warned) - done
    template = text.line
    if readiness.verdict == "almost":
        if not warned:
            template = text.line_score
        elif done and not left:
            template = text.line_all_handled
        elif done:
            template = text.line_handled
    return template.format(
        blockers=plural(sum(f.severity == "blocker" for f in found), "blocker"),
        warnings=plural(left, "warning"),
        handled=done if left else plural(done, "warning"),
        weakest=weakest_title or "",
        score=readiness.score,
        ready=READY_SCORE,
    )


def score_heading() -> str:
    """What the score is called beside the verdict: "Weakest section"."""
    return labels().score_heading


def explain_score(readiness: Readiness, weakest_title: str | None) -> str:
    """The score in one sentence a founder can read."""
    if weakest_title is None:
        return labels().explain_full.format(score=readiness.score)
    return labels().explain.format(
        score=readiness.score, weakest=weakest_title, mean=readiness.mean
    )


Need = Literal["required", "verdict", "recommended", "optional"]


def need(key: str, checklist: Checklist) -> Need:
    """How much a question matters, for its mark beside the prompt.

    "verdict": not needed to save, but leaving it empty raises a blocker (findings.toml has a
    "...-missing" blocker for exactly this answer), so there is no "ready" verdict without it.
    Marking those "recommended" undersold them.
    """
    q = checklist.question(key)
    if q.required:
        return "required"
    if not q.recommended:
        return "optional"
    for f in load_advice().findings.values():
        if f.severity == "blocker" and f.answers == (key,) and f.id.endswith("-missing"):
            return "verdict"
    return "recommended"


def data_band(band: str) -> str:
    return labels().data_bands.get(band, f"Data band {band}")


def engagement(value: str) -> str:
    """ "Full time", "Contract", "Advisor, time-boxed"."""
    return labels().engagements.get(value, value.replace("_", " "))
