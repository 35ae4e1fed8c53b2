"""Answers built from a ready baseline: a test changes one answer and sees one rule fire."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

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
