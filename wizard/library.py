"""The user's plan library: the plan files kept in ``plans_dir()``.

Listing reads each file through the normal loader, so a damaged file shows up as a row saying
what is wrong with it instead of stopping the listing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checklists.loader import Checklist
from wizard.paths import plans_dir
from wizard.planfile import PlanFileError, load_plan

MAX_LISTED = 500


@dataclass(frozen=True)
class Entry:
    path: Path
    title: str = ""
    company: str = ""
    verdict: str = ""
    track: str = ""
    updated: datetime | None = None
    problem: str = ""


def list_plans(checklist: Checklist, directory: Path | None = None) -> list[Entry]:
    """Plans in the library, most recently updated first; unreadable ones last."""
    folder = directory or plans_dir()
    if not folder.is_dir():
        return []
    entries: list[Entry] = []
    for path in sorted(folder.glob("*.toml"))[:MAX_LISTED]:
        try:
            plan = load_plan(path, checklist)
        except PlanFileError as exc:
            entries.append(Entry(path=path, problem=exc.reason))
            continue
        entries.append(
            Entry(
                path=path,
                title=plan.meta.title,
                company=plan.meta.company,
                verdict=plan.readiness.verdict,
                track=plan.role.track,
                updated=plan.meta.updated,
            )
        )
    return sorted(
        entries,
        key=lambda e: (e.problem != "", -(e.updated.timestamp() if e.updated else 0.0)),
    )
