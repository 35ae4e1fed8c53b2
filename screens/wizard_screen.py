"""The step orchestrator: the one place that knows the step order.

Step forms and the review pane only report; this screen decides where the founder goes next,
holds the draft (an immutable :class:`~wizard.models.Answers`, replaced on every valid edit),
writes the crash-safe draft file, and runs the save and quit conversations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Header, OptionList, Static
from textual.widgets.option_list import Option

from checklists.loader import Checklist
from screens.commands import WizardCommands
from screens.confirm import ConfirmDialog
from screens.conflict_dialog import ConflictDialog
from screens.fields import QuestionField, StepForm
from screens.footer import QuietFooter
from screens.path_dialog import PathDialog
from screens.plain import shown, styled
from screens.quit_dialog import QuitDialog
from screens.review import ReviewPane
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
from wizard.models import Plan
from wizard.planfile import PlanFileError, atomic_write, build_plan, load_answers
from wizard.session import Session, conflicts, save

REVIEW = "review"
AUTOSAVE_DELAY = 0.4


def _exporter() -> Callable[[Plan, Checklist], str] | None:
    """The Markdown exporter, when this build of the core has one."""
    try:
        from wizard.export import export_markdown
    except ImportError:
        return None
    return export_markdown


class WizardScreen(Screen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["wizard_screen.tcss", "review.tcss"]
    # Below 100 columns the review stacks its panels instead of setting them side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {WizardCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="wizard.next", priority=True),
        Binding("escape", "back", "Back", id="wizard.back"),
        Binding("ctrl+s", "save", "Save", id="wizard.save", priority=True),
        Binding("f2", "save_as", "Save as", id="wizard.save_as"),
        Binding("ctrl+r", "review", "Review", id="wizard.review", priority=True),
        Binding("ctrl+l", "steps", "Steps", id="wizard.steps"),
        Binding("ctrl+e", "export", "Export", id="wizard.export", show=False),
        Binding("ctrl+q", "app.quit", "Quit", id="wizard.quit"),
    ]

    def __init__(self, session: Session, checklist: Checklist, *, all_visited: bool = False):
        super().__init__()
        self.session = session
        self.checklist = checklist
        self.order = [s.id for s in checklist.steps] + [REVIEW]
        self.index = self.order.index(session.step) if session.step in self.order else 0
        self.visited: set[str] = set(self.order) if all_visited else set()
        self.forms: dict[str, StepForm] = {}
        self.review: ReviewPane | None = None
        self._autosave: Timer | None = None
        self._discarded = False
        self._labels: dict[int, str] = {}  # last text shown, to skip needless relayouts
        self._draft_problem = ""  # last draft write failure, told once rather than per key
        self._locked: Path | None = None
        self._exported: set[Path] = set()

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            sidebar = OptionList(id="sidebar")
            sidebar.border_title = "Steps"
            yield sidebar
            with Vertical(id="main"):
                yield ContentSwitcher(id="content")
                with Horizontal(id="nav"):
                    yield Static(id="position")
                    yield Button("‹ Back", id="back", compact=True)
                    yield Button("Next ›", id="next", compact=True, variant="primary")
        yield QuietFooter()

    async def on_mount(self) -> None:
        self.title = "hirewiz"
        sidebar = self.query_one("#sidebar", OptionList)
        sidebar.add_options(
            Option(self._step_label(i), id=f"nav-{s}") for i, s in enumerate(self.order)
        )
        self._lock(self.session.target)
        await self.go(self.index)

    def _lock(self, target: Path | None) -> None:
        """Mark the plan as open here, and say so when another hirewiz has it open too."""
        if self._locked is not None and (target is None or not same_file(target, self._locked)):
            library.release_lock(self._locked)
            self._locked = None
        if target is None or self._locked is not None:
            return
        others = library.other_locks(target)
        self._locked = target
        library.take_lock(target)
        if others:
            since = min((o.since for o in others if o.since), default=None)
            when = since.astimezone().strftime("%Y-%m-%d %H:%M") if since else "earlier"
            self.notify(
                f"This plan is open in another hirewiz since {when} (process "
                f"{others[0].owner.pid}). Your changes go to your own draft; saving checks "
                "for changes made there first.",
                title="Open elsewhere",
                severity="warning",
                timeout=15,
            )

    # --- step order ---------------------------------------------------------------------------

    @property
    def step_id(self) -> str:
        return self.order[self.index]

    def _title(self, step_id: str) -> str:
        return "Review" if step_id == REVIEW else self.checklist.step(step_id).title

    async def _pane(self, step_id: str) -> StepForm | ReviewPane:
        """Mount a step's pane the first time it is shown, so start-up builds one form only."""
        switcher = self.query_one("#content", ContentSwitcher)
        if step_id == REVIEW:
            if self.review is None:
                self.review = ReviewPane(self.session.answers, self.checklist)
                await switcher.mount(self.review)
            return self.review
        form = self.forms.get(step_id)
        if form is None:
            form = StepForm(
                self.checklist.step(step_id),
                self.session.answers,
                self.checklist,
                self.session.pending,
            )
            self.forms[step_id] = form
            await switcher.mount(form)
        return form

    async def go(self, index: int, key: str | None = None) -> None:
        """Show step ``index``; the step being left counts as visited and the draft is saved."""
        index = max(0, min(index, len(self.order) - 1))
        if index != self.index:
            self.visited.add(self.step_id)
        self.index = index
        pane = await self._pane(self.step_id)
        if isinstance(pane, ReviewPane):
            pane.refresh_from(self.session.answers)
        self.query_one("#content", ContentSwitcher).current = pane.id
        self.session = replace(self.session, step=self.step_id)
        self._refresh_chrome()
        self.write_draft()
        if isinstance(pane, ReviewPane):
            # Open at the verdict, with the findings list ready for Enter. Focusing without
            # scrolling, and scrolling home after layout, keeps the view the same however long
            # the layout takes (a focus scroll landing late used to leave it at the findings).
            pane.query_one("#findings").focus(scroll_visible=False)
            pane.scroll_home(animate=False)
            self.call_after_refresh(pane.scroll_home, animate=False)
        elif key is None:
            pane.focus_field()  # now, so keys typed as the step appears land in its first field
        else:
            self.call_after_refresh(pane.focus_field, key)  # after layout: it may need a scroll

    async def jump_to(self, key: str) -> None:
        step_id = key.partition(".")[0]
        if step_id in self.order:
            await self.go(self.order.index(step_id), key)

    async def action_next(self) -> None:
        if self.step_id == REVIEW:
            self.action_save()
        else:
            await self.go(self.index + 1)

    async def action_back(self) -> None:
        if self.index > 0:
            await self.go(self.index - 1)

    async def action_review(self) -> None:
        await self.go(len(self.order) - 1)

    def action_steps(self) -> None:
        sidebar = self.query_one("#sidebar", OptionList)
        sidebar.highlighted = self.index
        sidebar.focus()

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(OptionList.OptionSelected, "#sidebar")
    async def _sidebar_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.go(event.option_index)

    @on(ReviewPane.JumpTo)
    async def _review_jump(self, event: ReviewPane.JumpTo) -> None:
        event.stop()
        await self.jump_to(event.key)

    # --- the draft ----------------------------------------------------------------------------

    @on(StepForm.Updated)
    def _answers_updated(self, event: StepForm.Updated) -> None:
        event.stop()
        self.session = replace(self.session, answers=event.answers)
        for form in self.forms.values():
            form.sync(event.answers)
        self._refresh_chrome()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_DELAY, self.write_draft)

    @on(QuestionField.ReasonChanged)
    def _reason_changed(self, event: QuestionField.ReasonChanged) -> None:
        event.stop()
        self._refresh_chrome()

    @on(QuestionField.Refused)
    def _refused(self, event: QuestionField.Refused) -> None:
        event.stop()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_DELAY, self.write_draft)

    def _sync_pending(self) -> None:
        """Note refused text still in the fields, so the draft and "unsaved" include it."""
        pending = {
            k: v for k, v in self.session.pending.items() if k.partition(".")[0] not in self.forms
        }
        for form in self.forms.values():
            pending.update(form.refused_text())
        if pending != self.session.pending:
            self.session = replace(self.session, pending=pending)

    def write_draft(self) -> Path | None:
        """Keep a draft exactly while there is unsaved work, so a crash or kill loses nothing.

        Returns the draft's path when one was written."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self._discarded:
            return None
        self._sync_pending()
        if not self.session.dirty:
            library.delete_draft(self.session.draft_name)
            return None
        try:
            path = library.write_draft(self.session)
        except (PlanFileError, OSError) as exc:
            if str(exc) != self._draft_problem:
                self._draft_problem = str(exc)
                self.notify(f"Draft not saved: {exc}", severity="warning", timeout=8)
            return None
        self._draft_problem = ""
        return path

    def on_unmount(self) -> None:
        self.write_draft()
        if self._locked is not None:
            library.release_lock(self._locked)
            self._locked = None

    # --- chrome -------------------------------------------------------------------------------

    def _status(self, step_id: str, missing: list[str]) -> str:
        if step_id == REVIEW:
            return "review"
        form = self.forms.get(step_id)
        invalid = bool(form and form.problems())
        lacking = any(k.partition(".")[0] == step_id for k in missing)
        if invalid or (lacking and step_id in self.visited):
            return "problem"
        if step_id in self.visited:
            return "done"
        return "todo"

    def _step_label(self, index: int, missing: list[str] | None = None) -> Content:
        step_id = self.order[index]
        status = self._status(step_id, missing or [])
        icon = {
            "done": "[$success]✓[/]",
            "problem": "[$error]![/]",
            "todo": "[dim]○[/]",
            "review": "[$accent]◆[/]",
        }[status]
        if index == self.index:
            return styled(icon + " [b $accent]$step ◂[/]", step=self._title(step_id))
        return styled(icon + " $step", step=self._title(step_id))

    def _refresh_chrome(self) -> None:
        missing = missing_required(self.session.answers, self.checklist)
        sidebar = self.query_one("#sidebar", OptionList)
        for index in range(len(self.order)):
            label = self._step_label(index, missing)
            if self._labels.get(index) != label.markup:
                self._labels[index] = label.markup
                sidebar.replace_option_prompt_at_index(index, label)
        if not sidebar.has_focus:
            sidebar.highlighted = self.index
        steps = len(self.order) - 1
        template = (
            "Review · Enter on a finding jumps there"
            if self.step_id == REVIEW
            else f"Step {self.index + 1} of {steps} · $step"
        )
        if missing:
            template += f" · [$warning]{len(missing)} required left[/]"
        position = styled(template, step=self._title(self.step_id))
        if self._labels.get(-1) != position.markup:
            self._labels[-1] = position.markup
            self.query_one("#position", Static).update(position)
            self.query_one("#next", Button).label = "Save ✓" if self.step_id == REVIEW else "Next ›"
            self.query_one("#back", Button).disabled = self.index == 0
        where = display_path(self.session.target) if self.session.target else "not saved yet"
        unsaved = " · unsaved" if self.session.dirty else ""
        self.sub_title = shown(f"{self.session.label} · {where}{unsaved}")

    def _goto_command(self, index: int) -> Callable[[], object]:
        def goto() -> None:
            self.run_worker(self.go(index), exclusive=True, group="go")

        return goto

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """What the command palette offers on this screen: the same actions as the keys."""
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for index, step_id in enumerate(self.order):
            commands.append(
                (
                    f"Go to step: {shown(self._title(step_id))}",
                    f"Jump to step {index + 1}" if step_id != REVIEW else "The recommendation",
                    self._goto_command(index),
                )
            )
        commands.append(("Save", "Save the plan (Ctrl+S)", self.action_save))
        commands.append(("Save as…", "Save the plan to another file (F2)", self.action_save_as))
        if _exporter() is not None:
            commands.append(
                ("Export Markdown", "Write <plan>.md beside the plan file", self.action_export)
            )
        return commands

    # --- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        self._save_worker(ask_path=False)

    def action_save_as(self) -> None:
        self._save_worker(ask_path=True)

    @work(exclusive=True, group="save")
    async def _save_worker(self, ask_path: bool) -> None:
        await self.run_save(ask_path=ask_path)

    async def _ready_to_write(self) -> bool:
        """Refuse to write a plan with refused or missing answers, and show the first one."""
        invalid = [k for form in self.forms.values() for k in form.problems()]
        if invalid:
            question = self.checklist.question(invalid[0])
            self.notify(f"Fix “{question.prompt}” first.", title="Not saved", severity="error")
            await self.jump_to(invalid[0])
            return False
        missing = missing_required(self.session.answers, self.checklist)
        if missing:
            question = self.checklist.question(missing[0])
            more = f" ({len(missing) - 1} more after it)" if len(missing) > 1 else ""
            self.notify(
                f"“{question.prompt}” is required{more}.", title="Not saved yet", severity="error"
            )
            await self.jump_to(missing[0])
            return False
        return True

    async def _confirm_replace(self, target: Path) -> bool:
        """Ask before writing over a file this session did not load; Enter means Cancel."""
        answer = await self.app.push_screen_wait(
            ConfirmDialog(
                "Replace existing file?",
                f"{target} already exists. Replace it with this plan?",
                yes="Replace",
                no="Cancel",
                focus="no",
            )
        )
        return bool(answer)

    async def run_save(self, *, ask_path: bool = False) -> bool:
        """The whole save conversation; True when the plan is on disk.

        A path that cannot be written re-opens the path dialog with the reason, the typed path
        still in it; a file changed on disk since it was loaded opens the conflict dialog.
        """
        if not await self._ready_to_write():
            return False
        target = self.session.target
        problem = ""
        while True:
            if ask_path or target is None or problem:
                suggestion = target or free_target(self.session.answers.context.plan_title or "")
                title = "Save plan as" if self.session.target else "Save the plan"
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
                self.session.target is not None
                and self.session.confirmed_target
                and same_file(target, self.session.target)
            )
            if same and conflicts(self.session, target):
                outcome = await self._resolve_conflict(target)
                if outcome == "cancel":
                    return False
                if outcome == "save_as":
                    ask_path, target = True, None
                    continue
            elif not same and library.occupied(target) and not await self._confirm_replace(target):
                return False
            old = self.session
            try:
                saved = save(old, target, self.checklist)
            except PlanFileError as exc:
                problem = exc.reason if exc.path == str(target) else str(exc)
                continue
            break
        library.delete_draft(old.draft_name)
        self.session = replace(saved, draft_name=new_draft_name(target))
        self._lock(target)
        self.visited.update(self.order)
        self._refresh_chrome()
        self.notify(f"Saved {display_path(target)}", title="Plan saved")
        return True

    async def _resolve_conflict(self, target: Path) -> str:
        """Ask what to do about a plan file someone else changed; merging happens here.

        Returns ``"write"`` (the session now holds what to write), ``"save_as"`` or
        ``"cancel"``."""
        assert self.session.saved is not None
        merged = None
        problem = ""
        try:
            theirs = load_answers(target, self.checklist, require_complete=False).answers
            merged = merge(self.session.saved, self.session.answers, theirs, self.checklist)
        except PlanFileError as exc:
            problem = exc.reason
        except AnswerError as exc:
            problem = f"{exc.key}: {exc.reason}"
        prompts = [self.checklist.question(k).prompt for k in merged.both] if merged else []
        choice = await self.app.push_screen_wait(
            ConflictDialog(display_path(target), prompts, problem)
        )
        if choice is None:
            return "cancel"
        if choice == "save_as":
            return "save_as"
        if choice == "merge" and merged is not None:
            disk = fingerprint(target)
            self.session = replace(
                self.session, answers=merged.answers, saved=merged.theirs, disk=disk
            )
            await self.reload_forms()
            if merged.both:
                self.notify(
                    "Kept your answers for: " + "; ".join(prompts),
                    title="Merged",
                    timeout=12,
                )
        return "write"

    async def reload_forms(self) -> None:
        """Show the session's answers afresh in every form (after a merge replaced them)."""
        for form in list(self.forms.values()):
            await form.remove()
        self.forms.clear()
        if self.review is not None:
            await self.review.remove()
            self.review = None
        await self.go(self.index)

    def action_export(self) -> None:
        self._export_worker()

    @work(exclusive=True, group="save")
    async def _export_worker(self) -> None:
        """Write the Markdown next to the plan; the plan file itself is left untouched."""
        export = _exporter()
        if export is None:
            self.notify("This version of hirewiz cannot export yet.", severity="warning")
            return
        if not await self._ready_to_write():
            return
        title = self.session.answers.context.plan_title or ""
        base = self.session.target or free_target(title)
        out = base.with_suffix(".md")
        problem = ""
        ask = self.session.target is None
        while True:
            if ask or problem:
                chosen = await self.app.push_screen_wait(
                    PathDialog("Export Markdown to", out, "Export", problem=problem)
                )
                if chosen is None:
                    return
                out = chosen
            problem = path_problem(out) or ""
            if problem:
                continue
            if (
                out not in self._exported
                and library.occupied(out)
                and not await self._confirm_replace(out)
            ):
                return
            try:
                plan = build_plan(
                    self.session.answers,
                    self.checklist,
                    created=self.session.created,
                    updated=self.session.updated,
                )
                library.ensure_folder(out.parent)
                atomic_write(out, export(plan, self.checklist))
            except (PlanFileError, LibraryError) as exc:
                problem = exc.reason if isinstance(exc, PlanFileError) else str(exc)
                continue
            break
        self._exported.add(out)
        self.notify(f"Wrote {display_path(out)}", title="Exported")

    # --- quitting -----------------------------------------------------------------------------

    @work(exclusive=True, group="quit")
    async def request_quit(self) -> None:
        """Ask before unsaved work is left behind; a kept draft is offered back next start."""
        self._sync_pending()
        if not self.session.dirty:
            library.delete_draft(self.session.draft_name)
            self.app.exit()
            return
        choice = await self.app.push_screen_wait(QuitDialog(self.session.label))
        if choice == "save":
            if await self.run_save():
                self.app.exit()
        elif choice == "keep":
            self.write_draft()
            self.app.exit()
        elif choice == "discard":
            self._discarded = True
            library.delete_draft(self.session.draft_name)
            self.app.exit()
