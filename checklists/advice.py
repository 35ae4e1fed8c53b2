"""Load the advice data: finding texts, word lists, role profiles, interview and onboarding.

These files ship with hirewiz and are checked by the tests (``problems()`` lists every defect;
tests/unit/test_findings_data.py fails on any), so loading them at run time is plain TOML reading
into frozen dataclasses, with no validation library involved (docs/rules.md, "Data files").
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from checklists.shipped import read_shipped

HERE = Path(__file__).resolve().parent
TRACKS = ("ml_engineer", "ai_engineer", "data_scientist", "mlops_engineer", "data_engineer",
          "ml_advisor")  # fmt: skip
ENGAGEMENTS = ("full_time", "contract", "advisor")
SECTIONS = ("context", "goals", "data", "production", "timing", "team", "assessment", "onboarding")
SEVERITIES = ("blocker", "warning", "tip")


@dataclass(frozen=True)
class FindingText:
    """One finding as written in findings.toml; ``{name}`` fields are filled by its check."""

    id: str
    severity: str
    section: str
    answers: tuple[str, ...]
    title: str
    detail: str
    action: str
    source: str
    mistake: int | None = None

    def placeholders(self) -> set[str]:
        """The names its texts ask a check to fill."""
        found = set()
        for text in (self.title, self.detail, self.action, self.source):
            found |= {name for _, name, _, _ in string.Formatter().parse(text) if name}
        return found


@dataclass(frozen=True)
class Words:
    hype_phrases: tuple[str, ...]
    filler_words: frozenset[str]
    tech_words: frozenset[str]
    model_measures: frozenset[str]
    business_words: frozenset[str]
    units: frozenset[str]
    frameworks: tuple[str, ...]
    languages: frozenset[str]
    solution_phrases: tuple[str, ...] = ()
    second_project_joins: tuple[str, ...] = ()
    project_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Profile:
    title: str
    name: str
    a_name: str
    summary: str
    responsibilities: tuple[str, ...]
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    first_90_days: tuple[str, ...]


@dataclass(frozen=True)
class StageText:
    id: str
    name: str
    engagements: tuple[str, ...]
    format: str
    minutes: int
    guards: tuple[int, ...]
    purpose: str
    tracks: tuple[str, ...] | None = None
    take_home: bool = False


@dataclass(frozen=True)
class AttributeText:
    id: str
    name: str
    strong: str
    stages: tuple[str, ...]
    tracks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CategoryText:
    id: str
    name: str
    attributes: tuple[AttributeText, ...]


@dataclass(frozen=True)
class Interview:
    stages: tuple[StageText, ...]
    take_home: dict[str, dict[str, str]]
    topics: dict[str, str]
    reviewer: dict[str, str]
    notes: dict[str, str]
    categories: tuple[CategoryText, ...]


@dataclass(frozen=True)
class OnboardingText:
    id: str
    text: str
    engagements: tuple[str, ...]
    answer: str | None = None
    tracks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ReasonText:
    text: str
    source: str


@dataclass(frozen=True)
class Advice:
    """Everything the rules read besides the questions and the pay figures."""

    findings: dict[str, FindingText]
    words: Words
    profiles: dict[str, Profile]
    not_required: dict[str, str]
    interview: Interview
    onboarding: tuple[OnboardingText, ...]
    first_90_days: dict[str, tuple[str, ...]]
    onboarding_phrases: dict[str, str]
    reasons: dict[str, ReasonText]
    alternatives: dict[str, str]
    phrases: dict[str, str] = field(default_factory=dict)


def _read(path: Path) -> dict[str, Any]:
    text = path.read_bytes().decode()
    return read_shipped(path, text, lambda: tomllib.loads(text))


def _tuple(value: Any) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


def _finding(raw: dict[str, Any]) -> FindingText:
    return FindingText(**{**raw, "answers": tuple(raw.get("answers", ()))})


def _profile(raw: dict[str, Any]) -> Profile:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
    return Profile(**fields)


def _stage(raw: dict[str, Any]) -> StageText:
    return StageText(
        **{
            **raw,
            "engagements": tuple(raw["engagements"]),
            "guards": tuple(raw["guards"]),
            "tracks": _tuple(raw.get("tracks")),
        }
    )


def _category(raw: dict[str, Any]) -> CategoryText:
    attrs = tuple(
        AttributeText(**{**a, "stages": tuple(a["stages"]), "tracks": _tuple(a.get("tracks"))})
        for a in raw["attributes"]
    )
    return CategoryText(id=raw["id"], name=raw["name"], attributes=attrs)


def read_advice(directory: Path = HERE) -> Advice:
    """Read the advice files from ``directory``; KeyError or TypeError if one is malformed."""
    words = _read(directory / "words.toml")
    roles = _read(directory / "roles.toml")
    interview = _read(directory / "interview.toml")
    onboarding = _read(directory / "onboarding.toml")
    findings = [_finding(f) for f in _read(directory / "findings.toml")["findings"]]
    reasons = _read(directory / "reasons.toml")
    return Advice(
        findings={f.id: f for f in findings},
        words=Words(
            hype_phrases=tuple(words["hype_phrases"]),
            filler_words=frozenset(words["filler_words"]),
            tech_words=frozenset(words["tech_words"]),
            model_measures=frozenset(words["model_measures"]),
            business_words=frozenset(words["business_words"]),
            units=frozenset(words["units"]),
            frameworks=tuple(words["frameworks"]),
            languages=frozenset(words["languages"]),
            solution_phrases=tuple(words["solution_phrases"]),
            second_project_joins=tuple(words["second_project_joins"]),
            project_words=frozenset(words["project_words"]),
        ),
        profiles={track: _profile(p) for track, p in roles["tracks"].items()},
        not_required=dict(roles["not_required"]),
        interview=Interview(
            stages=tuple(_stage(s) for s in interview["stages"]),
            take_home=dict(interview["take_home"]),
            topics=dict(interview["topics"]),
            reviewer=dict(interview["reviewer"]),
            notes=dict(interview["notes"]),
            categories=tuple(_category(c) for c in interview["categories"]),
        ),
        onboarding=tuple(
            OnboardingText(
                **{
                    **i,
                    "engagements": tuple(i["engagements"]),
                    "tracks": _tuple(i.get("tracks")),
                }
            )
            for i in onboarding["items"]
        ),
        first_90_days={k: tuple(v) for k, v in onboarding["first_90_days"].items()},
        onboarding_phrases=dict(onboarding["phrases"]),
        reasons={k: ReasonText(**v) for k, v in reasons["reasons"].items()},
        alternatives=dict(reasons["alternatives"]),
        phrases=dict(reasons["phrases"]),
    )


@lru_cache(maxsize=1)
def load_advice() -> Advice:
    """The shipped advice data, read once per process."""
    return read_advice(HERE)


# --- checks the tests run on the shipped data ---------------------------------------------------


def _finding_problems(advice: Advice, question_keys: set[str]) -> list[str]:
    out: list[str] = []
    for fid, f in advice.findings.items():
        where = f"findings.toml: findings[{fid!r}]"
        if not fid.replace("-", "").isalnum() or fid != fid.lower() or fid.startswith("-"):
            out.append(f"{where}.id: must be kebab-case")
        if f.severity not in SEVERITIES:
            out.append(f"{where}.severity: must be one of {', '.join(SEVERITIES)}")
        if f.section not in SECTIONS:
            out.append(f"{where}.section: must be one of {', '.join(SECTIONS)}")
        if f.mistake is not None and not 1 <= f.mistake <= 10:
            out.append(f"{where}.mistake: must be 1-10")
        if f.severity == "blocker" and f.mistake not in (1, 7):
            out.append(f"{where}.severity: only goal (1) and too-early (7) findings block")
        for key in f.answers:
            if key not in question_keys:
                out.append(f"{where}.answers: no question {key!r}")
        for name in ("title", "detail", "action"):
            text = getattr(f, name).replace("{", "").replace("}", "")
            if not text.strip() or text.rstrip()[-1] not in ".?!":
                out.append(f"{where}.{name}: must be whole sentences ending in a full stop")
        if not f.source.strip():
            out.append(f"{where}.source: is empty")
    return out


def problems(advice: Advice, question_keys: set[str]) -> list[str]:
    """Every defect in the advice data, as 'file: key: problem' lines (empty when sound)."""
    out = _finding_problems(advice, question_keys)
    if set(advice.profiles) != set(TRACKS):
        out.append(f"roles.toml: tracks: must be exactly {', '.join(TRACKS)}")
    for track, p in advice.profiles.items():
        if not p.a_name.startswith(("a ", "an ")) or not p.a_name.endswith(p.name):
            out.append(f"roles.toml: tracks.{track}.a_name: must be 'a'/'an' + name")
        for line in (*p.responsibilities, *p.must_have, *p.nice_to_have, *p.first_90_days):
            if not line.endswith((".", "?")):
                out.append(f"roles.toml: tracks.{track}: {line!r} must end in a full stop")
    stage_ids = {s.id for s in advice.interview.stages}
    for s in advice.interview.stages:
        if set(s.engagements) - set(ENGAGEMENTS) or set(s.tracks or ()) - set(TRACKS):
            out.append(f"interview.toml: stages[{s.id!r}]: unknown engagement or track")
        if not s.guards or not all(1 <= g <= 10 for g in s.guards):
            out.append(f"interview.toml: stages[{s.id!r}].guards: mistakes 1-10, at least one")
    if set(advice.interview.take_home) != set(TRACKS) - {"ml_advisor"}:
        out.append("interview.toml: take_home: one entry per track except ml_advisor")
    for cat in advice.interview.categories:
        for a in cat.attributes:
            unknown = set(a.stages) - stage_ids
            if unknown:
                out.append(
                    f"interview.toml: categories[{cat.id!r}].attributes[{a.id!r}].stages: "
                    f"no stage {sorted(unknown)[0]!r}"
                )
    for item in advice.onboarding:
        if item.answer is not None and item.answer not in question_keys:
            out.append(f"onboarding.toml: items[{item.id!r}].answer: no question {item.answer!r}")
        if set(item.engagements) - set(ENGAGEMENTS):
            out.append(f"onboarding.toml: items[{item.id!r}].engagements: unknown engagement")
    if set(advice.first_90_days) != {"contract", "advisor"}:
        out.append("onboarding.toml: first_90_days: must have contract and advisor")
    return out
