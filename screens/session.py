"""What one wizard run is working on, and how it survives a crash.

Kept free of Textual so the save, draft and recent-plan rules can be tested and reasoned about on
their own; the screens only decide *when* to call them.
"""

from __future__ import annotations

import contextlib
import hashlib
import tomllib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from checklists.loader import Checklist
from screens.library import remember, slug
from wizard.answers import AnswerError, validate_answers
from wizard.models import Answers
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import PlanFileError, atomic_write, build_plan, now, save_plan


def default_target(answers: Answers) -> Path:
    return plans_dir() / f"{slug(answers.context.plan_title or 'plan')}.toml"


@dataclass(frozen=True)
class Session:
    """The plan being edited: the draft answers plus where and when it was last saved.

    ``saved`` is the answers as they are on disk (``None`` for a plan never saved) and
    ``pristine`` what a new plan started from, so "unsaved changes" means exactly "the draft
    differs from the file" and an untouched new plan can be left without a question.
    """

    answers: Answers
    target: Path | None = None
    saved: Answers | None = None
    pristine: Answers | None = None
    created: datetime | None = None
    updated: datetime | None = None
    draft_name: str = ""
    step: str = ""
    confirmed_target: bool = False

    @property
    def dirty(self) -> bool:
        baseline = self.saved if self.saved is not None else self.pristine
        return baseline is None or baseline != self.answers

    @property
    def label(self) -> str:
        title = self.answers.context.plan_title or "Untitled plan"
        company = self.answers.context.company
        return f"{title} — {company}" if company else title


def new_draft_name(target: Path | None) -> str:
    """Drafts of a file share one name, so a crash while editing X is offered back on X."""
    if target is not None:
        digest = hashlib.sha1(str(target.expanduser().resolve()).encode()).hexdigest()[:12]
        return f"file-{digest}"
    return "new-" + now().strftime("%Y%m%dT%H%M%S") + f"-{id(object()) % 10000:04d}"


def draft_path(session: Session) -> Path:
    return drafts_dir() / f"{session.draft_name}.toml"


def write_draft(session: Session) -> None:
    """Write the draft atomically: a kill during the write leaves the previous draft whole."""
    doc: dict[str, Any] = {
        "draft": {
            "step": session.step,
            "updated": now(),
            **({"target": str(session.target)} if session.target else {}),
            **({"created": session.created} if session.created else {}),
            **({"saved_updated": session.updated} if session.updated else {}),
            "confirmed_target": session.confirmed_target,
        },
        "answers": session.answers.model_dump(mode="python", exclude_none=True),
    }
    if session.saved is not None:
        doc["saved"] = session.saved.model_dump(mode="python", exclude_none=True)
    path = draft_path(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, tomli_w.dumps(doc))


def delete_draft(session: Session) -> None:
    with contextlib.suppress(OSError):
        draft_path(session).unlink(missing_ok=True)


@dataclass(frozen=True)
class Draft:
    """An unfinished draft found on disk, ready to be offered back."""

    path: Path
    session: Session
    when: datetime | None = None


def read_draft(path: Path, checklist: Checklist) -> Draft:
    """Read one draft; any damage is a PlanFileError so the caller can skip it with one line."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlanFileError(path, "", f"unreadable draft: {exc}") from None
    meta = doc.get("draft", {})
    if not isinstance(meta, dict):
        raise PlanFileError(path, "draft", "must be a table")
    try:
        answers = validate_answers(doc.get("answers", {}), checklist)
        saved = validate_answers(doc["saved"], checklist) if "saved" in doc else None
    except AnswerError as exc:
        raise PlanFileError(path, exc.key, exc.reason) from None
    target = meta.get("target")
    created = meta.get("created")
    updated = meta.get("saved_updated")
    when = meta.get("updated")
    session = Session(
        answers=answers,
        target=Path(target) if isinstance(target, str) else None,
        saved=saved,
        created=created if isinstance(created, datetime) else None,
        updated=updated if isinstance(updated, datetime) else None,
        draft_name=path.stem,
        step=str(meta.get("step", "")),
        confirmed_target=bool(meta.get("confirmed_target", False)),
    )
    return Draft(path=path, session=session, when=when if isinstance(when, datetime) else None)


def draft_for(target: Path, checklist: Checklist) -> Draft | None:
    """The unfinished draft of a given plan file, if a previous run left one."""
    name = new_draft_name(target)
    path = drafts_dir() / f"{name}.toml"
    if not path.is_file():
        return None
    try:
        return read_draft(path, checklist)
    except PlanFileError:
        return None


def save(session: Session, target: Path, checklist: Checklist) -> Session:
    """Write the plan through the core (atomic) and return the session as now saved.

    An unchanged plan keeps its ``updated`` stamp, so saving without edits rewrites the same
    bytes and a co-founder's diff stays empty.
    """
    unchanged = session.saved is not None and session.saved == session.answers
    created = session.created or now()
    updated = session.updated if unchanged and session.updated else now()
    plan = build_plan(session.answers, checklist, created=created, updated=updated)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_plan(target, plan)
    remember(target)
    return replace(
        session,
        target=target,
        saved=session.answers,
        created=created,
        updated=updated,
        confirmed_target=True,
    )
