"""The help screen's words, read from help.toml: the glossary and the ten hiring mistakes.

Shipped data checked by tests/unit/test_glossary.py; loading is plain TOML into frozen
dataclasses, like the other advice data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Term:
    term: str
    text: str


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    mistakes: tuple[tuple[int, str], ...]  # (number, what goes wrong), in order


@lru_cache(maxsize=1)
def load_glossary(path: Path = HERE / "help.toml") -> Glossary:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return Glossary(
        terms=tuple(Term(t["term"], t["text"]) for t in raw["terms"]),
        mistakes=tuple((int(m["number"]), m["text"]) for m in raw["mistakes"]),
    )
