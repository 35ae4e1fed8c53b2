"""The user's library as the welcome screen sees it: recent plans and unfinished drafts.

This module must stay cheap to import (no pydantic, no rules): the welcome screen is the first
thing drawn, and reading titles with a bare TOML parse keeps it as quick as an empty Textual app.
Real validation happens when a plan or draft is actually opened.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.paths import drafts_dir, home_dir, plans_dir

RECENT_MAX = 8


def slug(text: str) -> str:
    """A file name that survives every filesystem and still reads like the plan's title."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned[:60].strip("-") or "plan"


def _recent_file() -> Path:
    return home_dir() / "recent.json"


def remember(path: Path) -> None:
    """Put a plan at the top of the recent list; a broken list is simply started afresh."""
    entry = str(path.expanduser().resolve())
    paths = [p for p in recent_paths() if p != entry]
    paths.insert(0, entry)
    from wizard.planfile import PlanFileError, atomic_write

    with contextlib.suppress(OSError, PlanFileError):
        home_dir().mkdir(parents=True, exist_ok=True)
        atomic_write(_recent_file(), json.dumps(paths[:RECENT_MAX], indent=1) + "\n")


def recent_paths() -> list[str]:
    try:
        data = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in data if isinstance(p, str)] if isinstance(data, list) else []


@dataclass(frozen=True)
class RecentPlan:
    path: Path
    title: str


def recent_plans() -> list[RecentPlan]:
    """Plans opened or saved lately, then the rest of the library, newest first, no repeats.

    Titles are read with a cheap TOML parse (no validation) so a slow or broken file cannot
    hold up the welcome screen; a broken one is still listed and explains itself when opened.
    """
    seen: set[str] = set()
    out: list[RecentPlan] = []
    candidates = [Path(p) for p in recent_paths()]
    library = plans_dir()
    if library.is_dir():
        files = sorted(library.glob("*.toml"), key=lambda p: (-_mtime(p), p.name))
        candidates += files
    for path in candidates:
        key = str(path.resolve())
        if key in seen or not path.is_file():
            continue
        seen.add(key)
        out.append(RecentPlan(path=path, title=_title_of(path)))
    return out[:12]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _peek(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > 1024 * 1024:
            return {}
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}


def _title_of(path: Path) -> str:
    meta = _peek(path).get("meta")
    title = meta.get("title") if isinstance(meta, dict) else None
    return title if isinstance(title, str) and title else path.stem


def display_path(path: Path) -> str:
    """Short, stable path text: library plans by name, others relative to the user's home."""
    with contextlib.suppress(ValueError):
        return "library/" + str(path.resolve().relative_to(plans_dir().resolve()))
    with contextlib.suppress(ValueError):
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    return str(path)


@dataclass(frozen=True)
class DraftInfo:
    """What the welcome screen shows about a draft before anything validates it."""

    path: Path
    title: str
    step: str
    updated: float


def draft_infos() -> list[DraftInfo]:
    """Unfinished drafts, newest first."""
    directory = drafts_dir()
    if not directory.is_dir():
        return []
    found = []
    for path in directory.glob("*.toml"):
        doc = _peek(path)
        answers = doc.get("answers")
        context = answers.get("context") if isinstance(answers, dict) else None
        title = context.get("plan_title") if isinstance(context, dict) else None
        meta = doc.get("draft")
        step = meta.get("step") if isinstance(meta, dict) else None
        found.append(
            DraftInfo(
                path=path,
                title=title if isinstance(title, str) and title else "Untitled plan",
                step=step if isinstance(step, str) else "",
                updated=_mtime(path),
            )
        )
    found.sort(key=lambda d: (-d.updated, d.path.name))
    return found
