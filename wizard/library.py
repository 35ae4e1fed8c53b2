"""The user's hirewiz library: plan files, the recent list, drafts, locks and file names.

Everything the wizard keeps on disk besides the plan the user picked lives here, so the rules
(one draft per session, never delete a draft a live hirewiz still owns, which names files get)
can be tested without a terminal. The TUI only decides *when* to call these.

Importing this module stays cheap (no pydantic, no rules): the welcome screen reads titles and
drafts with a bare TOML parse before anything heavy is loaded. Every write into the library goes
through :func:`wizard.planfile.atomic_write`.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.paths import drafts_dir, home_dir, plans_dir

# json, hashlib and secrets are imported where they are used: the welcome screen imports this
# module, and its first paint needs none of them (bench/first_paint.py).
from wizard.text import printable

if TYPE_CHECKING:
    from checklists.loader import Checklist
    from wizard.session import Session

RECENT_MAX = 8
RECENT_SHOWN = 12
MAX_LISTED = 500


class LibraryError(OSError):
    """The library folder itself cannot be used (say ``HIREWIZ_HOME`` is a file)."""


# --- file names -----------------------------------------------------------------------------


def slug(text: str) -> str:
    """A file name that survives every filesystem and still reads like the plan's title."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned[:60].strip("-") or "plan"


def free_target(title: str, folder: Path | None = None) -> Path:
    """A library path named after ``title`` that no file uses yet, so a suggestion accepted
    with Enter never lands on someone's plan."""
    base = folder or plans_dir()
    stem = slug(title or "plan")
    candidate = base / f"{stem}.toml"
    n = 2
    while occupied(candidate):
        candidate = base / f"{stem}-{n}.toml"
        n += 1
    return candidate


def copy_title(title: str, limit: int | None = None) -> str:
    """The title of a plan started from another one, so the two never share a name; cut to
    ``limit`` characters so the mark still fits a title already at its longest."""
    suffix = " (copy)"
    if not title:
        return "Copy"
    if limit is not None and len(title) + len(suffix) > limit:
        title = title[: max(0, limit - len(suffix))].rstrip()
    return title + suffix


def occupied(path: Path) -> bool:
    """Whether something (even a dangling symlink) is at ``path``; unknown counts as yes."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except (OSError, RuntimeError):
        return False


def display_path(path: Path) -> str:
    """A path the founder can paste into ``hirewiz show``: relative to home where it can be.

    It used to say "library/plan.toml" for plans in the library, which no command accepts.
    """
    with contextlib.suppress(ValueError, OSError, RuntimeError):
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    return str(path)


def fold_left(text: str, width: int) -> str:
    """``text`` cut to ``width`` from the left, so the file name (the end) always shows."""
    if len(text) <= width:
        return text
    if width < 1:
        return ""
    return "…" + text[len(text) - width + 1 :]


def saved_line(path: Path) -> str:
    """The line printed when the wizard closes after saving, so the plan can be found again.

    screens/app.py prints it on exit (the path goes through :func:`wizard.text.printable`).
    """
    shown = printable(display_path(path))
    return f"Saved {shown}  (see it with: hirewiz show {shell_word(shown)})"


def shell_word(path_text: str) -> str:
    """A displayed path quoted for a shell, keeping a leading ``~/`` outside the quotes."""
    import shlex

    if path_text.startswith("~/"):
        return "~/" + shlex.quote(path_text[2:])
    return shlex.quote(path_text)


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot take a plan or an export, found before anything is written; every
    filesystem error is an answer here, never a crash."""
    try:
        if path.is_dir():
            return "that is a folder; add a file name"
        if path.exists() and not path.is_file():
            return "that is not a regular file (a device, a pipe or a socket)"
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    return f"{parent} is a file, not a folder"
                break
    except (OSError, RuntimeError) as exc:
        return f"cannot use that path: {getattr(exc, 'strerror', None) or exc}"
    return None


def in_library(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(home_dir().resolve())
    except (OSError, RuntimeError):
        return False


def ensure_folder(folder: Path) -> None:
    """Create a folder (private to the user inside the library); a file in the way, or any
    other reason it cannot be made, is a LibraryError with one readable line."""
    try:
        folder.mkdir(mode=0o700 if in_library(folder) else 0o777, parents=True, exist_ok=True)
    except FileExistsError:
        raise LibraryError(f"cannot use {folder}: a file is in the way") from None
    except NotADirectoryError:
        raise LibraryError(f"cannot use {folder}: part of the path is a file") from None
    except OSError as exc:
        raise LibraryError(f"cannot use {folder}: {exc.strerror or exc}") from None


def _write(path: Path, text: str) -> None:
    from wizard.planfile import PlanFileError, atomic_write

    ensure_folder(path.parent)
    try:
        atomic_write(path, text)
    except PlanFileError as exc:
        raise LibraryError(str(exc)) from None


# --- the recent list ------------------------------------------------------------------------


def _recent_file() -> Path:
    return home_dir() / "recent.json"


def remember(path: Path) -> None:
    """Put a plan at the top of the recent list; a broken list is simply started afresh."""
    import json

    try:
        entry = str(path.expanduser().resolve())
    except (OSError, RuntimeError):
        return
    paths = [p for p in recent_paths() if p != entry]
    paths.insert(0, entry)
    with contextlib.suppress(OSError):
        _write(_recent_file(), json.dumps(paths[:RECENT_MAX], indent=1) + "\n")


def recent_paths() -> list[str]:
    import json

    raw = _read_small(_recent_file())
    try:
        data = json.loads(raw.decode("utf-8")) if raw is not None else []
    except (ValueError, RecursionError):
        return []
    return [p for p in data if isinstance(p, str)] if isinstance(data, list) else []


@dataclass(frozen=True)
class RecentPlan:
    path: Path
    title: str
    saved: float = 0.0  # the file's modification time, to tell two plans of one title apart


def recent_plans() -> list[RecentPlan]:
    """Plans opened or saved lately, then the rest of the library, newest first, no repeats.

    Titles are read with a cheap TOML parse (no validation) so a slow or broken file cannot
    hold up the welcome screen; a broken one is still listed and explains itself when opened.
    Only regular files are listed: a FIFO or a device would hang the read.
    """
    seen: set[str] = set()
    out: list[RecentPlan] = []
    candidates = [Path(p) for p in recent_paths()]
    candidates += sorted(_toml_files(plans_dir()), key=lambda p: (-_mtime(p), p.name))
    for path in candidates:
        try:
            key = str(path.resolve())
        except (OSError, RuntimeError):
            continue
        if key in seen or not _regular(path):
            continue
        seen.add(key)
        out.append(RecentPlan(path=path, title=_title_of(path), saved=_mtime(path)))
        if len(out) == RECENT_SHOWN:
            break
    return out


def _toml_files(folder: Path) -> list[Path]:
    try:
        return list(folder.glob("*.toml")) if folder.is_dir() else []
    except OSError:
        return []


def _regular(path: Path) -> bool:
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, RuntimeError):
        return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def peek(path: Path) -> dict[str, Any]:
    """A guarded TOML parse (no validation) of a small regular file; anything else reads as
    empty. The guards matter here too: a 1 MiB dotted key in the library would otherwise hold
    up the welcome screen."""
    from wizard.files import PlanFileError, parse_toml

    data = _read_small(path)
    if data is None:
        return {}
    try:
        return parse_toml(path, data.decode("utf-8"))
    except (UnicodeDecodeError, PlanFileError):
        return {}


def _read_small(path: Path) -> bytes | None:
    """A small regular file's bytes, or ``None`` for anything else: a missing or oversized file,
    a FIFO or a device (read through the guarded reader, so none of them can hang the caller)."""
    from wizard.files import MAX_BYTES, PlanFileError, read_bytes

    try:
        data = read_bytes(path)
    except PlanFileError:
        return None
    return data if len(data) <= MAX_BYTES else None


def _title_of(path: Path) -> str:
    meta = peek(path).get("meta")
    title = meta.get("title") if isinstance(meta, dict) else None
    return title if isinstance(title, str) and title else path.stem


# --- who owns a draft or a lock -------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """A process, recognised again by its pid *and* start time, so a recycled pid is dead."""

    pid: int
    ticks: int = 0  # start time in clock ticks since boot (Linux), 0 when unknown

    def to_doc(self) -> dict[str, int]:
        return {"pid": self.pid, "ticks": self.ticks}

    @classmethod
    def from_doc(cls, doc: Any) -> Owner | None:
        if not isinstance(doc, dict):
            return None
        pid, ticks = doc.get("pid"), doc.get("ticks", 0)
        if not isinstance(pid, int) or not isinstance(ticks, int) or not 0 < pid < 2**31:
            return None
        return cls(pid, ticks)


def _start_ticks(pid: int) -> int:
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat_line.rpartition(")")[2].split()[19])
    except (OSError, ValueError, IndexError):
        return 0


def me() -> Owner:
    return Owner(os.getpid(), _start_ticks(os.getpid()))


def alive(owner: Owner) -> bool:
    """Whether the process that wrote a draft or lock is still running."""
    if owner.pid == os.getpid():
        return owner.ticks in (0, _start_ticks(owner.pid))
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it exists
    except OSError:
        return False
    if owner.ticks:
        current = _start_ticks(owner.pid)
        return current in (0, owner.ticks)
    return True


# --- drafts ---------------------------------------------------------------------------------


def plan_key(target: Path | None) -> str:
    """What all drafts and locks of one plan file share; new plans share ``new``."""
    import hashlib

    if target is None:
        return "new"
    try:
        where = str(target.expanduser().resolve())
    except (OSError, RuntimeError):
        where = str(target.expanduser().absolute())
    return "file-" + hashlib.sha1(where.encode()).hexdigest()[:12]


def new_draft_name(target: Path | None) -> str:
    """A name no other session will ever pick: the plan's key and a random id."""
    import secrets

    return f"{plan_key(target)}--{secrets.token_hex(8)}"


def draft_path(name: str) -> Path:
    return drafts_dir() / f"{name}.toml"


def write_draft(session: Session) -> Path:
    """Write the session's draft atomically, owned by this process; returns where it is."""
    import tomli_w

    from wizard.planfile import now

    meta: dict[str, Any] = {
        "step": session.step,
        "updated": now(),
        "owner": me().to_doc(),
        "confirmed_target": session.confirmed_target,
    }
    if session.target:
        meta["target"] = str(session.target)
    if session.created:
        meta["created"] = session.created
    if session.updated:
        meta["saved_updated"] = session.updated
    if session.disk is not None:
        meta["disk"] = session.disk.to_doc()
    doc: dict[str, Any] = {
        "draft": meta,
        "answers": session.answers.model_dump(mode="python", exclude_none=True),
    }
    if session.saved is not None:
        doc["saved"] = session.saved.model_dump(mode="python", exclude_none=True)
    if session.pending:
        doc["pending"] = dict(session.pending)
    path = draft_path(session.draft_name)
    _write(path, tomli_w.dumps(doc))
    return path


def draft_owner(path: Path) -> Owner | None:
    meta = peek(path).get("draft")
    return Owner.from_doc(meta.get("owner")) if isinstance(meta, dict) else None


def owned_by_other(path: Path) -> bool:
    """A draft another running hirewiz is still writing: never offer it, never delete it."""
    owner = draft_owner(path)
    return owner is not None and owner.pid != os.getpid() and alive(owner)


def delete_draft(name: str) -> None:
    """Remove a draft unless a live hirewiz other than this one owns it."""
    path = draft_path(name)
    if owned_by_other(path):
        return
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Draft:
    """An unfinished draft found on disk, ready to be offered back."""

    path: Path
    session: Session
    when: datetime | None = None


def read_draft(path: Path, checklist: Checklist) -> Draft:
    """Read one draft; any damage is a PlanFileError so the caller can skip it with one line.

    The draft keeps its own name: resuming it takes it over, so the old file is replaced by the
    resumed session's next write instead of lingering beside it.
    """
    from wizard.answers import AnswerError, validate_answers
    from wizard.conflict import Fingerprint
    from wizard.planfile import PlanFileError, parse_toml, read_text
    from wizard.session import Session

    doc = parse_toml(path, read_text(path))
    meta = doc.get("draft", {})
    if not isinstance(meta, dict):
        raise PlanFileError(path, "draft", "must be a table")
    try:
        answers = validate_answers(doc.get("answers", {}), checklist)
        saved = validate_answers(doc["saved"], checklist) if "saved" in doc else None
    except AnswerError as exc:
        raise PlanFileError(path, exc.key, exc.reason) from None
    pending = doc.get("pending", {})
    if not isinstance(pending, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in pending.items()
    ):
        raise PlanFileError(path, "pending", "must be a table of texts")
    target = meta.get("target")
    created = meta.get("created")
    updated = meta.get("saved_updated")
    when = meta.get("updated")
    session = Session(
        answers=answers,
        target=Path(target) if isinstance(target, str) and target else None,
        saved=saved,
        created=created if isinstance(created, datetime) else None,
        updated=updated if isinstance(updated, datetime) else None,
        draft_name=path.stem,
        step=str(meta.get("step", "")),
        confirmed_target=bool(meta.get("confirmed_target", False)),
        disk=Fingerprint.from_doc(meta.get("disk")),
        pending={k: v for k, v in pending.items() if _is_question(k, checklist)},
    )
    return Draft(path=path, session=session, when=when if isinstance(when, datetime) else None)


def _is_question(key: str, checklist: Checklist) -> bool:
    try:
        checklist.question(key)
    except KeyError:
        return False
    return True


def _draft_files() -> list[Path]:
    return sorted(_toml_files(drafts_dir()), key=lambda p: (-_mtime(p), p.name))


def draft_for(target: Path, checklist: Checklist) -> Draft | None:
    """The newest unfinished draft of a plan file that no running hirewiz owns."""
    from wizard.planfile import PlanFileError

    prefix = plan_key(target) + "--"
    for path in _draft_files():
        if not path.stem.startswith(prefix) or owned_by_other(path):
            continue
        with contextlib.suppress(PlanFileError):
            return read_draft(path, checklist)
    return None


@dataclass(frozen=True)
class DraftInfo:
    """What the welcome screen shows about a draft before anything validates it."""

    path: Path
    title: str
    step: str
    updated: float


def draft_infos() -> list[DraftInfo]:
    """Unfinished drafts no running hirewiz owns, newest first."""
    found = []
    for path in _draft_files():
        doc = peek(path)
        meta = doc.get("draft")
        owner = Owner.from_doc(meta.get("owner")) if isinstance(meta, dict) else None
        if owner is not None and owner.pid != os.getpid() and alive(owner):
            continue
        answers = doc.get("answers")
        context = answers.get("context") if isinstance(answers, dict) else None
        title = context.get("plan_title") if isinstance(context, dict) else None
        step = meta.get("step") if isinstance(meta, dict) else None
        found.append(
            DraftInfo(
                path=path,
                title=title if isinstance(title, str) and title else "Untitled plan",
                step=step if isinstance(step, str) else "",
                updated=_mtime(path),
            )
        )
    return found


# --- locks ----------------------------------------------------------------------------------


def _locks_dir() -> Path:
    return home_dir() / "locks"


@dataclass(frozen=True)
class Lock:
    """One running hirewiz editing a plan file."""

    path: Path
    owner: Owner
    since: datetime | None


def _lock_path(target: Path, owner: Owner) -> Path:
    return _locks_dir() / f"{plan_key(target)}--{owner.pid}.json"


def other_locks(target: Path) -> list[Lock]:
    """Live hirewiz sessions (not this one) that have ``target`` open; stale locks are removed."""
    import json

    prefix = plan_key(target) + "--"
    out: list[Lock] = []
    try:
        files = sorted(_locks_dir().glob(prefix + "*.json")) if _locks_dir().is_dir() else []
    except OSError:
        return []
    for path in files:
        try:
            raw = _read_small(path)
            doc = json.loads(raw.decode("utf-8")) if raw is not None else None
        except (ValueError, RecursionError):
            doc = None
        owner = Owner.from_doc(doc)
        if owner is None or not alive(owner):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        if owner.pid == os.getpid():
            continue
        since = None
        if isinstance(doc, dict) and isinstance(doc.get("since"), str):
            with contextlib.suppress(ValueError):
                since = datetime.fromisoformat(doc["since"])
        out.append(Lock(path=path, owner=owner, since=since))
    return out


def take_lock(target: Path) -> Path | None:
    """Record that this process has ``target`` open; ``None`` when the library is unusable."""
    import json

    owner = me()
    path = _lock_path(target, owner)
    doc = {
        **owner.to_doc(),
        "since": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "target": str(target),
    }
    try:
        _write(path, json.dumps(doc) + "\n")
    except OSError:
        return None
    return path


def release_lock(target: Path) -> None:
    with contextlib.suppress(OSError):
        _lock_path(target, me()).unlink(missing_ok=True)


# --- the plan files -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    path: Path
    title: str = ""
    company: str = ""
    verdict: str = ""
    track: str = ""
    updated: datetime | None = None
    problem: str = ""


def title_key(title: str) -> str:
    """A title as two plans would clash on it: case and spacing ignored."""
    return " ".join(title.casefold().split())


def repeated_titles(titles: Iterable[str]) -> set[str]:
    """The title keys more than one plan has: ``hirewiz list`` and the welcome screen add the
    file name or the save time to those rows so they can be told apart."""
    counts = Counter(title_key(t) for t in titles)
    return {key for key, n in counts.items() if n > 1}


def list_plans(checklist: Checklist, directory: Path | None = None) -> list[Entry]:
    """Plans in the library, most recently updated first; unreadable ones last.

    Listing reads each file through the normal loader, so a damaged file shows up as a row
    saying what is wrong with it instead of stopping the listing.
    """
    from wizard.planfile import PlanFileError, load_plan

    folder = directory or plans_dir()
    entries: list[Entry] = []
    for path in sorted(_toml_files(folder))[:MAX_LISTED]:
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
