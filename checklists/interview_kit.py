"""Load the interview-kit text used by Markdown exports (``kit.toml``).

Kept apart from the question checklist because only exports need it, so the wizard's start-up
does not pay for reading it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field

from checklists.loader import HERE, _Data, _parse, _read


class QuestionAreas(_Data):
    production: tuple[str, ...] = Field(min_length=1)
    product: tuple[str, ...] = Field(min_length=1)
    remote: tuple[str, ...] = Field(min_length=1)


class Kit(_Data):
    take_home_brief: tuple[str, ...] = Field(min_length=1)
    question_areas: QuestionAreas


@lru_cache(maxsize=4)
def load_kit(directory: Path = HERE) -> Kit:
    path = directory / "kit.toml"
    return _parse(Kit, path, _read(path))
