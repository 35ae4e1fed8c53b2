"""Answers built from a ready baseline: a test changes one answer and sees one rule fire."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from tests.helpers.paths import READY
from wizard.answers import get_checklist, set_value
from wizard.models import Answers
from wizard.planfile import build_plan, load_answers, save_plan

DROP = object()
# A fixed created/updated time, for tests that compare saved files byte for byte.
STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

Make = Callable[..., Answers]


def ready_raw() -> dict[str, Any]:
    return tomllib.loads(READY.read_text(encoding="utf-8"))


def apply(raw: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Set dotted answer keys in raw answers; ``DROP`` removes one."""
    for key, value in changes.items():
        step, _, qid = key.partition(".")
        if value is DROP:
            raw[step].pop(qid, None)
        else:
            raw[step][qid] = value
    return raw


def answers_file(path: Path, changes: dict[str, Any]) -> Path:
    """Write the ready answers with ``changes`` applied (see :func:`apply`) to ``path``."""
    path.write_text(tomli_w.dumps(apply(ready_raw(), changes)), encoding="utf-8")
    return path


def jsonable(value: Any) -> Any:
    """A parsed TOML document as JSON Schema validators see it: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def saved_plan(
    path: Path, changes: dict[str, Any] | None = None, *, stamp: datetime | None = None
) -> Path:
    """Save the ready answers as a plan at ``path``, each of ``changes`` set the way the wizard
    sets an answer (dotted keys); ``stamp`` fixes its created and updated times."""
    checklist = get_checklist()
    answers = load_answers(READY, checklist).answers
    for key, value in (changes or {}).items():
        answers = set_value(answers, key, value, checklist)
    save_plan(path, build_plan(answers, checklist, created=stamp, updated=stamp))
    return path
