"""The step orchestrator: the one place that knows the step order.

Step forms and the review pane only report; this screen decides where the founder goes next,
holds the draft (an immutable :class:`~wizard.models.Answers`, replaced on every valid edit)
and writes the crash-safe draft file. The conversations that end in a file (save, save as,
export, the take-home kit, quitting, a conflict on disk) live in :mod:`screens.conversations`;
the step list is :class:`~screens.sidebar.StepSidebar`, driven by two reactives.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Header, OptionList, Static

from checklists.loader import Checklist
from screens.answers_screen import AnswersScreen
from screens.conversations import Conversations
from screens.export_dialog import CHOICES
from screens.footer import QuietFooter
from screens.help_screen import open_help
from screens.plain import shown, styled
from screens.review import ReviewPane, save_label
from screens.sidebar import Status, StepSidebar
from screens.step_form import StepForm
from wizard import labels, library
from wizard.answers import missing_required
from wizard.library import display_path, same_file
from wizard.planfile import PlanFileError
from wizard.session import Session

REVIEW = "review"
# Keys that scroll the Review page, and the page's own action for each.
SCROLL_KEYS = {
    "pageup": "page_up",
    "pagedown": "page_down",
    "home": "scroll_home",
    "end": "scroll_end",
    "up": "scroll_up",
    "down": "scroll_down",
}
AUTOSAVE_DELAY = 0.4


def _keep_out_of_collections() -> None:
    """Take everything alive now out of the cycle collector's full passes (``gc.freeze``).

    The wizard holds tens of thousands of long-lived objects (modules, the checklist, pydantic
    models, the mounted forms). Every few seconds of typing or switching, a full collection
    walked all of them: about 200 ms on a busy 2-CPU machine, landing inside a key press or a
    step switch as a visible stall. Frozen objects are the ones the screen keeps for its life
    anyway; :meth:`WizardScreen.on_unmount` unfreezes them so they can go with it.
    """
    gc.freeze()


class WizardScreen(Screen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["wizard_screen.tcss", "review.tcss"]
    # Below 100 columns the review stacks its panels instead of setting them side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="wizard.next", priority=True),
        Binding("escape", "back", "Back", id="wizard.back"),
        Binding("ctrl+s", "save", "Save", id="wizard.save", priority=True),
        Binding("f2", "save_as", "Save as", id="wizard.save_as"),
        Binding("ctrl+r", "review", "Review", id="wizard.review", priority=True),
        Binding("f3", "answers", "All answers", id="wizard.answers"),
        Binding("ctrl+l", "steps", "Steps", id="wizard.steps"),
        # Priority: the text boxes take Ctrl+E for "end of line" (End does that too).
        Binding("ctrl+e", "export", "Export", id="wizard.export", show=False, priority=True),
        # Shown in the footer on the Review only (check_action); the palette has it everywhere.
        Binding("f4", "kit", "Kit", id="wizard.kit", tooltip="Build the take-home kit"),
        Binding("f1,question_mark", "help", "Help", id="wizard.help", key_display="F1"),
        Binding("ctrl+q", "app.quit", "Quit", id="wizard.quit"),
        # On the Review the page scrolls whatever has focus (a button, the findings list at
        # either end): only keys a focused widget does not use itself get this far.
        *(Binding(key, f"scroll_review('{how}')", show=False) for key, how in SCROLL_KEYS.items()),
    ]

    # Textual repaints the whole screen whenever focus moves. Here the widget that gains focus
    # and the one that loses it repaint themselves (and their field's focus ring), so a step
    # switch or a Tab paints the changed widgets instead of every row a second time.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    class BackToWelcome(Message):
        """Escape on the first step: the founder wants the welcome screen (the draft is kept)."""

    def __init__(self, session: Session, checklist: Checklist, *, all_visited: bool = False):
        super().__init__()
        self.session = session
        self.checklist = checklist
        self.order = [s.id for s in checklist.steps] + [REVIEW]
        self.index = self.order.index(session.step) if session.step in self.order else 0
        self.visited: set[str] = set(self.order) if all_visited else set()
        self.forms: dict[str, StepForm] = {}
        self.review: ReviewPane | None = None
        self.talk = Conversations(self)
        self._autosave: Timer | None = None
        self._discarded = False
        self._position = ""  # step bar text last shown, to skip needless relayouts
        self._draft_problem = ""  # last draft write failure, told once rather than per key
        self._locked: Path | None = None

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield StepSidebar([self._title(s) for s in self.order], id="sidebar")
            with Vertical(id="main"):
                yield ContentSwitcher(id="content")
                with Horizontal(id="nav"):
                    yield Static(id="position")
                    yield Button("‹ Back", id="back", compact=True)
                    yield Button("Next ›", id="next", compact=True, variant="primary")
        yield QuietFooter()

    async def on_mount(self) -> None:
        self.title = "hirewiz"
        self._lock(self.session.target)
        await self.go(self.index)
        _keep_out_of_collections()

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
            _keep_out_of_collections()
        return form

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The take-home kit key belongs to the Review, where the plan's advice is read; so do
        the page keys bound here (elsewhere they go on to the app untouched)."""
        if action in ("kit", "scroll_review"):
            return self.step_id == REVIEW
        return True

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
        # Written right after the step has painted: a draft write on a switch is a file
        # replace, and the founder should see the next step first.
        self.call_after_refresh(self.write_draft)
        if isinstance(pane, ReviewPane):
            # Open at the verdict, with the findings list ready for Enter. Focusing without
            # scrolling, and scrolling home after layout, keeps the view the same however long
            # the layout takes (a focus scroll landing late used to leave it at the findings).
            # An incomplete plan has no findings list: the page itself takes focus then, so
            # the scroll keys work and nothing hidden holds the focus.
            findings = pane.query_one("#findings")
            (findings if findings.display else pane).focus(scroll_visible=False)
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
        else:
            self.post_message(self.BackToWelcome())

    async def action_review(self) -> None:
        await self.go(len(self.order) - 1)

    def action_steps(self) -> None:
        sidebar = self.query_one(StepSidebar)
        sidebar.highlighted = self.index
        sidebar.focus()

    async def action_scroll_review(self, how: str) -> None:
        if self.review is not None and how in SCROLL_KEYS.values():
            await self.review.run_action(how)

    def action_help(self) -> None:
        open_help(self)

    @work(exclusive=True, group="answers")
    async def action_answers(self) -> None:
        """Show every answer at once; the one picked there opens in its step for editing."""
        key = await self.app.push_screen_wait(AnswersScreen(self.session.answers, self.checklist))
        if key is not None:
            await self.jump_to(key)

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
        self._schedule_draft()

    @on(StepForm.ValidityChanged)
    def _validity_changed(self, event: StepForm.ValidityChanged) -> None:
        event.stop()
        self._refresh_chrome()

    @on(StepForm.Refused)
    def _refused(self, event: StepForm.Refused) -> None:
        event.stop()
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_DELAY, self.write_draft)

    @property
    def draft_pending(self) -> bool:
        """Whether a draft write is scheduled but has not happened yet (tests wait on this)."""
        return self._autosave is not None

    def problems(self) -> list[str]:
        """Keys of visible fields holding text the core refused, in step order."""
        return [k for form in self.forms.values() for k in form.problems()]

    def sync_pending(self) -> None:
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
        self.sync_pending()
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

    def discard(self) -> None:
        """Throw the unsaved work away for good: no draft now, none written on the way out."""
        self._discarded = True
        library.delete_draft(self.session.draft_name)

    def saved_as(self, session: Session) -> None:
        """The plan is on disk as ``session`` says: lock that file and count every step seen."""
        self.session = session
        self._lock(session.target)
        self.visited.update(self.order)
        self._refresh_chrome()

    async def reload_forms(self) -> None:
        """Show the session's answers afresh in every form (after a merge replaced them)."""
        for form in list(self.forms.values()):
            await form.remove()
        self.forms.clear()
        if self.review is not None:
            await self.review.remove()
            self.review = None
        await self.go(self.index)

    def on_unmount(self) -> None:
        gc.unfreeze()  # the forms go with the screen: let the collector see them again
        self.write_draft()
        if self._locked is not None:
            library.release_lock(self._locked)
            self._locked = None

    # --- chrome -------------------------------------------------------------------------------

    def _status(self, step_id: str, missing: list[str]) -> Status:
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

    def _position_text(self, missing: list[str]) -> str:
        """The step bar: where the founder is, and what is still required here and overall."""
        steps = len(self.order) - 1
        if self.step_id == REVIEW:
            if not missing:
                return "Review · Enter on a finding jumps there"
            # No findings until the plan is complete, and nothing is asked on the Review itself.
            missing_text = labels.plural(len(missing), "required answer") + " missing"
            return f"Review · [b $text-error]{missing_text}[/]"
        template = f"Step {self.index + 1}/{steps} · $step"
        here = sum(1 for k in missing if k.partition(".")[0] == self.step_id)
        # Bold, in the colour of the fields' required mark: the warning orange this used was
        # 1.3:1 on the bar's grey on the light theme, and even $text-warning stays under 3:1.
        if missing and here == len(missing):
            template += f" · [b $text-error]{here} required here[/]"
        elif missing:
            template += f" · [b $text-error]required: {here} here, {len(missing)} in plan[/]"
        return template

    def _refresh_chrome(self) -> None:
        missing = missing_required(self.session.answers, self.checklist)
        sidebar = self.query_one(StepSidebar)
        sidebar.statuses = tuple(self._status(s, missing) for s in self.order)
        sidebar.index = self.index
        position = styled(self._position_text(missing), step=self._title(self.step_id))
        if self._position != position.markup:
            self._position = position.markup
            self.query_one("#position", Static).update(position)
        # On the Review the button saves: it says whether there is anything left to save.
        self.refresh_bindings()
        nothing_on_disk = self.session.dirty or self.session.target is None
        label = save_label(nothing_on_disk) if self.step_id == REVIEW else "Next ›"
        next_button = self.query_one("#next", Button)
        if str(next_button.label) != label:
            next_button.label = label
        where = display_path(self.session.target) if self.session.target else "not saved yet"
        # "unsaved" first: a long title or path is cut at the right edge, never this word.
        unsaved = "● unsaved · " if self.session.dirty else ""
        self.sub_title = shown(f"{unsaved}{self.session.label} · {where}")

    # --- the command palette ------------------------------------------------------------------

    def _goto_command(self, index: int) -> Callable[[], object]:
        def goto() -> None:
            self.run_worker(self.go(index), exclusive=True, group="go")

        return goto

    def _export_command(self, part: str) -> Callable[[], object]:
        def export() -> None:
            self.run_worker(self.talk.export(part), exclusive=True, group="save")

        return export

    def palette_commands(self) -> Iterable[SystemCommand]:
        """What the command palette offers on this screen: the same actions as the keys."""
        for index, step_id in enumerate(self.order):
            yield SystemCommand(
                f"Go to step: {shown(self._title(step_id))}",
                f"Jump to step {index + 1}" if step_id != REVIEW else "The recommendation",
                self._goto_command(index),
            )
        yield SystemCommand("All answers", "Every answer on one page (F3)", self.action_answers)
        yield SystemCommand("Save", "Save the plan (Ctrl+S)", self.action_save)
        yield SystemCommand("Save as…", "Save the plan to another file (F2)", self.action_save_as)
        for part, label, reader in CHOICES:
            name = "Export Markdown" if part == "all" else f"Export {label.lower()}"
            yield SystemCommand(f"{name}…", f"Markdown {reader}", self._export_command(part))
        yield SystemCommand(
            "Take-home kit…",
            "Write the recommended take-home exercise into a folder (the plan is not saved)",
            self.action_kit,
        )
        yield SystemCommand("Help", "What the words mean, and the keys (F1)", self.action_help)

    # --- conversations ------------------------------------------------------------------------

    def action_save(self) -> None:
        self._save_worker(ask_path=False)

    def action_save_as(self) -> None:
        self._save_worker(ask_path=True)

    @work(exclusive=True, group="save")
    async def _save_worker(self, ask_path: bool) -> None:
        await self.talk.save(ask_path=ask_path)

    async def run_save(self, *, ask_path: bool = False) -> bool:
        return await self.talk.save(ask_path=ask_path)

    @work(exclusive=True, group="save")
    async def action_export(self) -> None:
        await self.talk.export()

    @work(exclusive=True, group="save")
    async def action_kit(self) -> None:
        await self.talk.kit()

    @work(exclusive=True, group="quit")
    async def request_quit(self) -> None:
        await self.talk.quit()
