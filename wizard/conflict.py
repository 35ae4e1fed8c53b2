"""Lost-update protection: notice that a plan file changed on disk, and merge the two edits.

The wizard remembers a :class:`Fingerprint` of the file as it loaded (or last saved) it. Before
writing, it compares that with the file now on disk; when another ``hirewiz set`` or an editor
changed it meanwhile, :func:`merge` re-applies only the answers this session changed on top of
the file's current answers, and names the answers both sides changed (this session's win).
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checklists.loader import Checklist
    from wizard.models import Answers


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like: its modification time, size and content hash."""

    mtime_ns: int
    size: int
    sha256: str

    def to_doc(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_doc(cls, doc: Any) -> Fingerprint | None:
        if not isinstance(doc, dict):
            return None
        mtime, size, digest = doc.get("mtime_ns"), doc.get("size"), doc.get("sha256")
        if isinstance(mtime, int) and isinstance(size, int) and isinstance(digest, str):
            return cls(mtime, size, digest)
        return None


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint, or ``None`` when there is no regular file to read."""
    from wizard.files import MAX_BYTES, PlanFileError, read_bytes

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        # Non-blocking and regular-only: a FIFO swapped in after the stat cannot hang a save.
        data = read_bytes(path)
    except (OSError, RuntimeError, PlanFileError):
        return None
    return Fingerprint(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def changed_on_disk(path: Path, known: Fingerprint | None) -> bool:
    """Whether ``path`` holds something other than what was loaded.

    The content hash decides, so a rewrite of identical bytes (``touch``, an unchanged save)
    is not a conflict. A file that is gone is not one either: there is nothing on disk to lose.
    """
    if known is None:
        return False
    now = fingerprint(path)
    if now is None:
        return _exists(path)
    return now.sha256 != known.sha256


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return True


def changed_keys(before: Answers, after: Answers, checklist: Checklist) -> list[str]:
    """Question keys whose answer differs between two versions, in checklist order."""
    from wizard.answers import get_value

    return [
        f"{step.id}.{q.id}"
        for step in checklist.steps
        for q in step.questions
        if get_value(before, f"{step.id}.{q.id}") != get_value(after, f"{step.id}.{q.id}")
    ]


@dataclass(frozen=True)
class Merge:
    """The file's answers with this session's changes re-applied."""

    answers: Answers
    theirs: Answers
    mine: list[str]  # keys this session changed, all re-applied
    both: list[str]  # keys both sides changed differently: this session's value won


def merge(base: Answers, mine: Answers, theirs: Answers, checklist: Checklist) -> Merge:
    """Three-way merge per answer: mine where I changed it, theirs everywhere else.

    Raises :class:`wizard.answers.AnswerError` when the combination is not a valid set of
    answers (a rule spanning two answers, each valid on its own side).
    """
    from wizard.answers import get_value, validate_answers

    mine_keys = changed_keys(base, mine, checklist)
    theirs_keys = set(changed_keys(base, theirs, checklist))
    raw = theirs.model_dump(mode="python")
    both = []
    for key in mine_keys:
        step, _, qid = key.partition(".")
        raw[step][qid] = get_value(mine, key)
        if key in theirs_keys and get_value(theirs, key) != get_value(mine, key):
            both.append(key)
    merged = validate_answers(
        {s: {k: v for k, v in t.items() if v is not None} for s, t in raw.items()}, checklist
    )
    return Merge(answers=merged, theirs=theirs, mine=mine_keys, both=both)
