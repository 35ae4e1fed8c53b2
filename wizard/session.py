"""What one wizard run is working on, and how it is written to the plan file.

Kept free of Textual so the save and conflict rules can be tested and reasoned about on their
own; the screens only decide *when* to call them. Drafts, names and locks are in
:mod:`wizard.library`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from checklists.loader import Checklist
from wizard.conflict import Fingerprint, changed_on_disk, fingerprint
from wizard.library import LibraryError, ensure_folder, remember, same_file
from wizard.models import Answers
from wizard.planfile import PlanFileError, build_plan, now, save_plan


@dataclass(frozen=True)
class Session:
    """The plan being edited: the draft answers plus where and when it was last saved.

    ``saved`` is the answers as they are on disk (``None`` for a plan never saved) and
    ``pristine`` what a new plan started from, so "unsaved changes" means exactly "the draft
    differs from the file" and an untouched new plan can be left without a question. ``disk``
    is the fingerprint of the file those ``saved`` answers came from, checked before any save.
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
    disk: Fingerprint | None = None
    # Text typed into a field that the core refused (too long, out of range…): not an answer
    # yet, but typed, so it is kept in the draft and put back into its field on resume.
    pending: dict[str, str] = field(default_factory=dict)

    @property
    def dirty(self) -> bool:
        baseline = self.saved if self.saved is not None else self.pristine
        return baseline is None or baseline != self.answers or bool(self.pending)

    @property
    def label(self) -> str:
        title = self.answers.context.plan_title or "Untitled plan"
        company = self.answers.context.company
        return f"{title} — {company}" if company else title


def conflicts(session: Session, target: Path) -> bool:
    """Whether saving to ``target`` would overwrite changes someone else made to that file
    since this session loaded (or last saved) it."""
    if session.target is None or session.saved is None or not same_file(target, session.target):
        return False
    return changed_on_disk(target, session.disk)


def save(session: Session, target: Path, checklist: Checklist) -> Session:
    """Write the plan through the core (atomic) and return the session as now saved.

    An unchanged plan keeps its ``updated`` stamp, so saving without edits rewrites the same
    bytes and a co-founder's diff stays empty. Every filesystem problem is a PlanFileError.
    """
    unchanged = session.saved is not None and session.saved == session.answers
    created = session.created or now()
    updated = session.updated if unchanged and session.updated else now()
    plan = build_plan(session.answers, checklist, created=created, updated=updated)
    try:
        ensure_folder(target.parent)
    except LibraryError as exc:
        raise PlanFileError(target, "", str(exc)) from None
    save_plan(target, plan)
    remember(target)
    return replace(
        session,
        pending={},
        target=target,
        saved=session.answers,
        created=created,
        updated=updated,
        confirmed_target=True,
        disk=fingerprint(target),
    )
