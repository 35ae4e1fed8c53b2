"""Shared helpers for the core's unit tests (imported by conftest and by the tests)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard.models import Answers

ROOT = Path(__file__).resolve().parents[2]
ANSWERS_DIR = ROOT / "tests" / "fixtures" / "answers"
# Every rule is satisfied by this company, so a test that changes one answer sees one rule fire.
READY = ANSWERS_DIR / "fraud_model.toml"
DROP = object()

Make = Callable[..., Answers]
RunCli = Callable[..., tuple[int, str, str]]


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
