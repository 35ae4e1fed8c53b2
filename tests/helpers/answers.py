"""Answers built from a ready baseline: a test changes one answer and sees one rule fire."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from tests.helpers.paths import READY
from wizard.models import Answers

DROP = object()

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
