"""Every conversation that ends in a file: save, save as, export, the take-home kit, quitting,
and the conflict that saving can run into.

The wizard screen keeps the step order; this module owns the questions asked on the way to the
disk, so each rule (refuse an incomplete plan, never overwrite without asking, never save the
plan as a side effect of an export) is written once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from screens.confirm import ConfirmDialog
from screens.conflict_dialog import ConflictDialog
from screens.export_dialog import ExportDialog
from screens.path_dialog import PathDialog
from screens.quit_dialog import QuitDialog
from wizard import library
from wizard.answers import AnswerError, missing_required
from wizard.conflict import fingerprint, merge
from wizard.library import (
    LibraryError,
    display_path,
    free_target,
    new_draft_name,
    path_problem,
    same_file,
)
from wizard.planfile import PlanFileError, atomic_write, build_plan, load_answers
from wizard.session import conflicts, save

if TYPE_CHECKING:
    from screens.wizard_screen import WizardScreen
    from wizard.models import Plan

Outcome = Literal["write", "save_as", "cancel"]


@runtime_checkable
class QuitGuard(Protocol):
    """A screen that must be asked before the app quits (it may hold unsaved work)."""

    def request_quit(self) -> None: ...


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot take a kit folder; an empty or missing folder is fine."""
    try:
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            return "that is a file, not a folder"
        if path.is_dir() and any(path.iterdir()):
            return "that folder is not empty; choose a new or empty one"
        for parent in path.parents:
            if parent.exists():
                return None if parent.is_dir() else f"{parent} is a file, not a folder"
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


class Conversations:
    """The file conversations of one wizard screen; every method runs inside a worker."""

    def __init__(self, screen: WizardScreen) -> None:
        self.screen = screen
        self.exported: set[Path] = set()  # written by this session: replaced without asking

    @property
    def app(self):  # type: ignore[no-untyped-def]  # the screen's app, typed by Textual
        return self.screen.app

    # --- shared checks ------------------------------------------------------------------------

    async def ready_to_write(self) -> bool:
        """Refuse to write a plan with refused or missing answers, and show the first one."""
        screen = self.screen
        invalid = screen.problems()
        if invalid:
            question = screen.checklist.question(invalid[0])
            screen.notify(f"Fix “{question.prompt}” first.", title="Not saved", severity="error")
            await screen.jump_to(invalid[0])
            return False
        missing = missing_required(screen.session.answers, screen.checklist)
        if missing:
            question = screen.checklist.question(missing[0])
            more = f" ({len(missing) - 1} more after it)" if len(missing) > 1 else ""
            screen.notify(
                f"“{question.prompt}” is required{more}.", title="Not saved yet", severity="error"
            )
            await screen.jump_to(missing[0])
            return False
        return True

    async def confirm_replace(self, target: Path) -> bool:
        """Ask before writing over a file this session did not write; Enter means Cancel."""
        answer = await self.app.push_screen_wait(
            ConfirmDialog(
                "Replace existing file?",
                f"{display_path(target)} already exists. Replace it?",
                yes="Replace",
                no="Cancel",
                focus="no",
            )
        )
        return bool(answer)

    def plan(self) -> Plan:
        session = self.screen.session
        return build_plan(
            session.answers, self.screen.checklist, created=session.created, updated=session.updated
        )

    # --- saving -------------------------------------------------------------------------------

    async def save(self, *, ask_path: bool = False) -> bool:
        """The whole save conversation; True when the plan is on disk.

        A path that cannot be written re-opens the path dialog with the reason, the typed path
        still in it; a file changed on disk since it was loaded opens the conflict dialog.
        """
        screen = self.screen
        if not await self.ready_to_write():
            return False
        target = screen.session.target
        problem = ""
        while True:
            if ask_path or target is None or problem:
                suggestion = target or free_target(screen.session.answers.context.plan_title or "")
                title = "Save plan as" if screen.session.target else "Save the plan"
                chosen = await self.app.push_screen_wait(
                    PathDialog(title, suggestion, problem=problem)
                )
                if chosen is None:
                    return False
                target = chosen
            problem = path_problem(target) or ""
            if problem:
                continue
            same = (
                screen.session.target is not None
                and screen.session.confirmed_target
                and same_file(target, screen.session.target)
            )
            if same and conflicts(screen.session, target):
                outcome = await self.resolve_conflict(target)
                if outcome == "cancel":
                    return False
                if outcome == "save_as":
                    ask_path, target = True, None
                    continue
            elif not same and library.occupied(target) and not await self.confirm_replace(target):
                return False
            old = screen.session
            try:
                saved = save(old, target, screen.checklist)
            except PlanFileError as exc:
                problem = exc.reason if exc.path == str(target) else str(exc)
                continue
            break
        library.delete_draft(old.draft_name)
        screen.saved_as(replace(saved, draft_name=new_draft_name(target)))
        screen.notify(f"Saved {display_path(target)}", title="Plan saved")
        screen.app.saved = target  # type: ignore[attr-defined]  # printed on exit (app.py)
        return True

    async def resolve_conflict(self, target: Path) -> Outcome:
        """Ask what to do about a plan file someone else changed; merging happens here.

        Returns ``"write"`` (the session now holds what to write), ``"save_as"`` or
        ``"cancel"``."""
        screen = self.screen
        session = screen.session
        assert session.saved is not None
        merged = None
        problem = ""
        try:
            theirs = load_answers(target, screen.checklist, require_complete=False).answers
            merged = merge(session.saved, session.answers, theirs, screen.checklist)
        except PlanFileError as exc:
            problem = exc.reason
        except AnswerError as exc:
            problem = f"{exc.key}: {exc.reason}"
        prompts = [screen.checklist.question(k).prompt for k in merged.both] if merged else []
        choice = await self.app.push_screen_wait(
            ConflictDialog(display_path(target), prompts, problem)
        )
        if choice is None:
            return "cancel"
        if choice == "save_as":
            return "save_as"
        if choice == "merge" and merged is not None:
            screen.session = replace(
                session, answers=merged.answers, saved=merged.theirs, disk=fingerprint(target)
            )
            await screen.reload_forms()
            if merged.both:
                screen.notify(
                    "Kept your answers for: " + "; ".join(prompts), title="Merged", timeout=12
                )
        return "write"

    # --- exports ------------------------------------------------------------------------------

    async def export(self, part: str | None = None) -> None:
        """Write Markdown (the whole plan or one part); the plan file itself is left untouched.

        ``part`` of ``None`` asks which part first."""
        from wizard.export import export_markdown

        screen = self.screen
        if part is None:
            part = await self.app.push_screen_wait(ExportDialog())
            if part is None:
                return
        if not await self.ready_to_write():
            return
        base = screen.session.target or free_target(screen.session.answers.context.plan_title or "")
        suffix = "" if part == "all" else f".{part}"
        out = base.with_name(base.stem + suffix + ".md")
        problem = path_problem(out) or ""  # an offered path that cannot be used says so at once
        while True:
            # Always asked, offering the file beside the plan: Enter takes it, and the founder
            # sees where the file goes before it is written.
            chosen = await self.app.push_screen_wait(
                PathDialog("Export Markdown to", out, "Export", problem=problem)
            )
            if chosen is None:
                return
            out = chosen
            problem = path_problem(out) or ""
            if problem:
                continue
            fresh = out not in self.exported and library.occupied(out)
            if fresh and not await self.confirm_replace(out):
                return
            only = None if part == "all" else part
            try:
                text = export_markdown(self.plan(), screen.checklist, only)  # type: ignore[arg-type]
                library.ensure_folder(out.parent)
                atomic_write(out, text)
            except (PlanFileError, LibraryError) as exc:
                problem = exc.reason if isinstance(exc, PlanFileError) else str(exc)
                continue
            break
        self.exported.add(out)
        screen.notify(f"Wrote {display_path(out)}", title="Exported")

    async def kit(self) -> None:
        """Write the take-home kit the plan recommends into a folder the founder picks."""
        from wizard.takehome import build_kit
        from wizard.takehome.core import KitError, write_kit
        from wizard.takehome.request import NoKit, from_plan

        screen = self.screen
        if not await self.ready_to_write():
            return
        try:
            request = from_plan(self.plan())
        except NoKit as exc:
            screen.notify(f"No take-home kit: {exc}", title="Take-home kit", severity="warning")
            return
        base = screen.session.target or free_target(screen.session.answers.context.plan_title or "")
        out = base.with_name(base.stem + "-kit")
        problem = ""
        while True:
            chosen = await self.app.push_screen_wait(
                PathDialog(
                    "Write the take-home kit to the folder",
                    out,
                    "Write kit",
                    problem=problem,
                    check=folder_problem,
                    placeholder="path/to/new-folder",
                )
            )
            if chosen is None:
                return
            out = chosen
            try:
                write_kit(build_kit(request), out)
            except KitError as exc:
                problem = str(exc)
                continue
            break
        screen.notify(
            f"Wrote {display_path(out)}: candidate/ to send, reviewer/ to keep",
            title="Take-home kit",
        )

    # --- quitting -----------------------------------------------------------------------------

    async def quit(self) -> None:
        """Ask before unsaved work is left behind; a kept draft is offered back next start."""
        screen = self.screen
        screen.sync_pending()
        if not screen.session.dirty:
            library.delete_draft(screen.session.draft_name)
            self.app.exit()
            return
        choice = await self.app.push_screen_wait(QuitDialog(screen.session.label))
        if choice == "save":
            if await self.save():
                self.app.exit()
        elif choice == "keep":
            screen.write_draft()
            self.app.exit()
        elif choice == "discard":
            screen.discard()
            self.app.exit()
