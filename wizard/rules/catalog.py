"""Checks and the findings they raise, kept apart the way pylint keeps messages from checkers.

A check is a small named function registered with :func:`check`, which declares the finding ids
it may raise; its docstring says why. What a finding *says* lives in checklists/findings.toml.
Checks yield :class:`Hit` values (an id and the placeholders its text needs); :func:`run` turns
them into :class:`~wizard.models.Finding` objects and refuses an id the check did not declare.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from checklists.advice import Advice, FindingText
from wizard.models import Answers, DataBand, Engagement, Finding, Seniority, Severity, Track

if TYPE_CHECKING:
    from wizard.pay import PayAdvice, PayData


@dataclass(frozen=True)
class Facts:
    """What every check may read before the track is chosen."""

    answers: Answers
    advice: Advice
    band: DataBand
    # The budget's currency: as answered, or the hiring region's default.
    currency: str | None = None

    @property
    def live(self) -> bool:
        """A model already runs in production (the too-early blockers no longer apply)."""
        return bool(self.answers.production.models_in_production)

    def phrase(self, key: str, **params: Any) -> str:
        return self.advice.phrases[key].format(**params)


@dataclass(frozen=True)
class Ctx(Facts):
    """What the checks that run after the role is chosen may read."""

    track: Track = "ml_engineer"
    seniority: Seniority = "senior"
    engagement: Engagement = "full_time"
    blocked: bool = False
    # The pay facts for the chosen role (None: no hiring region yet) and the data behind them.
    pay: PayAdvice | None = None
    pay_data: PayData | None = None
    # Answer keys the hire exists to fix (not held against readiness).
    exempt: frozenset[str] = field(default_factory=frozenset)
    # Ids raised before the track was chosen (blockers and goal findings).
    raised: frozenset[str] = field(default_factory=frozenset)


def join_and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def first_whole_word(phrases: tuple[str, ...], text: str) -> str | None:
    """The first of ``phrases``, in list order, that ``text`` holds as whole words, or None.

    A phrase that is not even a substring of ``text`` cannot match, and most are not: only the
    rest cost a regular expression (compiling one per phrase on every run was ~5 ms).
    """
    for phrase in phrases:
        if phrase in text and re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text):
            return phrase
    return None


@dataclass(frozen=True)
class Hit:
    id: str
    params: dict[str, Any]


def hit(fid: str, **params: Any) -> Hit:
    return Hit(fid, params)


C = TypeVar("C", bound=Facts)


@dataclass(frozen=True)
class Check(Generic[C]):
    name: str
    raises: tuple[str, ...]
    why: str
    fn: Callable[[C], Iterable[Hit]]


BEFORE_TRACK: list[Check[Facts]] = []
AFTER_TRACK: list[Check[Ctx]] = []


def _register(
    registry: list[Check[Any]], raises: tuple[str, ...]
) -> Callable[[Callable[[Any], Iterable[Hit]]], Callable[[Any], Iterable[Hit]]]:
    def wrap(fn: Callable[[Any], Iterable[Hit]]) -> Callable[[Any], Iterable[Hit]]:
        registry.append(Check(fn.__name__, raises, (fn.__doc__ or "").strip(), fn))
        return fn

    return wrap


def blocker_check(
    *raises: str,
) -> Callable[[Callable[[Facts], Iterable[Hit]]], Callable[[Facts], Iterable[Hit]]]:
    """Register a check that runs on the answers alone, before the track (it may block)."""
    return _register(BEFORE_TRACK, raises)


def check(
    *raises: str,
) -> Callable[[Callable[[Ctx], Iterable[Hit]]], Callable[[Ctx], Iterable[Hit]]]:
    """Register a check that runs once the track, seniority and engagement are known."""
    return _register(AFTER_TRACK, raises)


def build(text: FindingText, params: dict[str, Any]) -> Finding:
    """A finding from its data and the placeholders its check filled."""
    return Finding(
        id=text.id,
        mistake=text.mistake,
        severity=cast(Severity, text.severity),
        section=text.section,
        title=text.title.format(**params),
        detail=text.detail.format(**params),
        action=text.action.format(**params),
        source=text.source.format(**params),
        answers=list(text.answers),
    )


def run(registry: Iterable[Check[C]], ctx: C) -> Iterator[Finding]:
    for c in registry:
        for h in c.fn(ctx):
            if h.id not in c.raises:
                raise RuntimeError(f"check {c.name} raised {h.id!r}, which it does not declare")
            yield build(ctx.advice.findings[h.id], h.params)
