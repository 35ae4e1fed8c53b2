"""Load the interview-kit text used by Markdown exports (``interview_kit.toml``).

This is the interview kit (take-home briefs and question areas for interviewers), not the
take-home kit ``hirewiz kit`` generates. Kept apart from the question checklist because only
exports need it; shipped data, checked by tests, so it is read without validation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checklists.loader import HERE


@dataclass(frozen=True)
class InterviewKit:
    take_home_brief: dict[str, tuple[str, ...]]
    question_areas: dict[str, tuple[str, ...]]
    # The seed article's ten mistakes by number, for the legend under the stages table.
    mistakes: dict[int, str]


@lru_cache(maxsize=4)
def load_interview_kit(directory: Path = HERE) -> InterviewKit:
    with (directory / "interview_kit.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return InterviewKit(
        take_home_brief={k: tuple(v) for k, v in raw["take_home_brief"].items()},
        question_areas={k: tuple(v) for k, v in raw["question_areas"].items()},
        mistakes={int(k): v for k, v in raw["mistakes"].items()},
    )
