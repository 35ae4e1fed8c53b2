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
from textual.markup import escape
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Header, OptionList, Static
from textual.widgets.option_list import Option

from checklists.loader import Checklist
from screens.commands import WizardCommands
from screens.confirm import ConfirmDialog
from screens.fields import QuestionField, StepForm
from screens.footer import QuietFooter
from screens.library import display_path
from screens.path_dialog import PathDialog
from screens.quit_dialog import QuitDialog
from screens.review import ReviewPane
from screens.session import (
    Session,
    default_target,
    delete_draft,
    new_draft_name,
    save,
    write_draft,
)
from wizard.answers import missing_required
from wizard.models import Plan
from wizard.planfile import PlanFileError, atomic_write, build_plan

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
        await self.go(self.index)

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
            form = StepForm(self.checklist.step(step_id), self.session.answers, self.checklist)
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
        else:
            self.call_after_refresh(pane.focus_field, key)

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

    def write_draft(self) -> None:
        """Keep a draft exactly while there is unsaved work, so a crash or kill loses nothing."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self._discarded:
            return
        if not self.session.dirty:
            delete_draft(self.session)
            return
        try:
            write_draft(self.session)
        except (PlanFileError, OSError) as exc:
            self.notify(f"Draft not saved: {exc}", severity="warning", timeout=8)

    def on_unmount(self) -> None:
        self.write_draft()

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

    def _step_label(self, index: int, missing: list[str] | None = None) -> str:
        step_id = self.order[index]
        status = self._status(step_id, missing or [])
        icon = {
            "done": "[$success]✓[/]",
            "problem": "[$error]![/]",
            "todo": "[dim]○[/]",
            "review": "[$accent]◆[/]",
        }[status]
        title = escape(self._title(step_id))
        if index == self.index:
            return f"{icon} [b $accent]{title} ◂[/]"
        return f"{icon} {title}"

    def _refresh_chrome(self) -> None:
        missing = missing_required(self.session.answers, self.checklist)
        sidebar = self.query_one("#sidebar", OptionList)
        for index in range(len(self.order)):
            label = self._step_label(index, missing)
            if self._labels.get(index) != label:
                self._labels[index] = label
                sidebar.replace_option_prompt_at_index(index, label)
        if not sidebar.has_focus:
            sidebar.highlighted = self.index
        steps = len(self.order) - 1
        position = (
            "Review · Enter on a finding jumps there"
            if self.step_id == REVIEW
            else f"Step {self.index + 1} of {steps} · {escape(self._title(self.step_id))}"
        )
        if missing:
            position += f" · [$warning]{len(missing)} required left[/]"
        if self._labels.get(-1) != position:
            self._labels[-1] = position
            self.query_one("#position", Static).update(position)
            self.query_one("#next", Button).label = "Save ✓" if self.step_id == REVIEW else "Next ›"
            self.query_one("#back", Button).disabled = self.index == 0
        where = display_path(self.session.target) if self.session.target else "not saved yet"
        unsaved = " · unsaved" if self.session.dirty else ""
        self.sub_title = f"{self.session.label} · {where}{unsaved}"

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
                    f"Go to step: {self._title(step_id)}",
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

    async def run_save(self, *, ask_path: bool = False) -> bool:
        """The whole save conversation; True when the plan is on disk."""
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
        target = self.session.target
        if ask_path or target is None:
            suggestion = target or default_target(self.session.answers)
            title = "Save plan as" if target else "Save the plan"
            target = await self.app.push_screen_wait(PathDialog(title, suggestion))
            if target is None:
                return False
        same = (
            self.session.target is not None
            and self.session.confirmed_target
            and _same_file(target, self.session.target)
        )
        if target.exists() and not same:
            replace_it = await self.app.push_screen_wait(
                ConfirmDialog(
                    "Replace existing file?",
                    f"{target} already exists. Replace it with this plan?",
                    yes="Replace",
                    no="Cancel",
                )
            )
            if not replace_it:
                return False
        old = self.session
        try:
            saved = save(old, target, self.checklist)
        except PlanFileError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        delete_draft(old)
        self.session = replace(saved, draft_name=new_draft_name(target))
        delete_draft(self.session)
        self.visited.update(self.order)
        self._refresh_chrome()
        self.notify(f"Saved {display_path(target)}", title="Plan saved")
        return True

    def action_export(self) -> None:
        self._export_worker()

    @work(exclusive=True, group="save")
    async def _export_worker(self) -> None:
        export = _exporter()
        if export is None:
            self.notify("This version of hirewiz cannot export yet.", severity="warning")
            return
        if (self.session.dirty or self.session.target is None) and not await self.run_save():
            return
        target = self.session.target
        assert target is not None
        out = target.with_suffix(".md")
        try:
            plan = build_plan(
                self.session.answers,
                self.checklist,
                created=self.session.created,
                updated=self.session.updated,
            )
            atomic_write(out, export(plan, self.checklist))
        except PlanFileError as exc:
            self.notify(str(exc), title="Not exported", severity="error", timeout=10)
            return
        self.notify(f"Wrote {display_path(out)}", title="Exported")

    # --- quitting -----------------------------------------------------------------------------

    @work(exclusive=True, group="quit")
    async def request_quit(self) -> None:
        """Ask before unsaved work is left behind; a kept draft is offered back next start."""
        if not self.session.dirty:
            delete_draft(self.session)
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
            delete_draft(self.session)
            self.app.exit()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return False
