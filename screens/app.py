"""The hirewiz Textual app: starts the right screen and guards the terminal size.

Everything heavy (pydantic, the rules) is imported only once a plan is actually opened, so a
bare ``hirewiz`` paints its welcome screen about as fast as an empty Textual app.

Nothing typed may be lost: an uncaught exception, SIGTERM, SIGHUP or the terminal going away
(screens/terminal_driver.py notices) first writes every open wizard's draft, then exits non-zero
and says where the draft is.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen

from screens.commands import CommandSource, PlainSystemCommands
from screens.plain import shown
from screens.too_small import TooSmallScreen, too_small
from screens.welcome import WelcomeScreen

if TYPE_CHECKING:
    from checklists.loader import Checklist
    from wizard.session import Session

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
HOPS = 20  # more than any chain of messages a key press sets off


@dataclass(frozen=True)
class Start:
    """What to show first, worked out before the app starts so bad files never open it."""

    session: Session | None = None
    all_visited: bool = False
    draft: Path | None = None


class HirewizApp(App[int]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "hirewiz"
    cursor_blink: bool = True  # the text cursor blinks in every Input and TextArea
    COMMANDS = {PlainSystemCommands}  # noqa: RUF012  # Textual's own, names shown as text
    # Help on every screen: screens with keys of their own (the wizard, dialogs) bind it too.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", id="app.help", key_display="F1"),
        # Textual's own Ctrl+Q, shown: its priority hides the screens' "Quit" from the footer.
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, start: Start | None = None, checklist: Checklist | None = None) -> None:
        super().__init__()
        self.start = start or Start()
        self._checklist = checklist
        self.rescued: list[Path] = []  # drafts written on the way out of a crash or signal
        self.crash: str = ""
        self.saved: Path | None = None  # the plan saved last, named on the way out
        self.exit_signal: int | None = None  # the signal (SIGHUP for a lost terminal) ending it
        self._sized = False  # whether the first screen is up and the size is watched
        self._big_enough = asyncio.Event()  # start-up questions wait for this

    @property
    def checklist(self) -> Checklist:
        if self._checklist is None:
            from wizard.answers import get_checklist

            self._checklist = get_checklist()
        return self._checklist

    def on_mount(self) -> None:
        self.install_signal_handlers()
        if self.start.session is None:
            self.push_screen(WelcomeScreen())
        else:
            self._open_session(self.start.session, self.start.all_visited, self.start.draft)
        # The size is checked only now, with the first screen in place: the terminal reports
        # its size before the app mounts, and a notice pushed then ended up under the welcome.
        self._sized = True
        self._check_size()

    def action_help(self) -> None:
        """F1 / ?: the glossary and the keys of the screen in front (not over "too small")."""
        from screens.help_screen import open_help

        if not isinstance(self.screen, TooSmallScreen):
            open_help(self.screen)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Text boxes blink unless :attr:`cursor_blink` is off (steady snapshots)."""
        if self.cursor_blink:
            return  # and TextArea (~20 ms of imports) stays unloaded until a form needs it
        from textual.widgets import Input, TextArea

        if isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice shows its text as text: messages carry paths, titles and errors."""
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
        )

    # --- never lose the draft on the way out ---------------------------------------------------

    def rescue_drafts(self) -> list[Path]:
        """Write the draft of every open wizard now; returns where they are."""
        from screens.wizard_screen import WizardScreen

        written = []
        for screen in self.screen_stack:
            if isinstance(screen, WizardScreen):
                path = screen.write_draft()
                if path is not None:
                    written.append(path)
        self.rescued = written
        return written

    def _handle_exception(self, error: Exception) -> None:
        with contextlib.suppress(Exception):
            self.rescue_drafts()
        self.crash = type(error).__name__
        super()._handle_exception(error)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, except on Linux and macOS: one that survives the terminal closing."""
        found = super().get_driver_class()
        if found.__module__ != "textual.drivers.linux_driver":
            return found  # Windows, or a driver picked with TEXTUAL_DRIVER
        from screens.terminal_driver import TerminalDriver

        return TerminalDriver

    def install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in EXIT_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._on_exit_signal, signum)

    def _on_exit_signal(self, signum: int) -> None:
        """Start the way out; the first signal decides the exit code, later ones add nothing."""
        if self.exit_signal is None:
            self.exit_signal = signum
            self.run_worker(self._exit_on_signal(signum), group="signal")

    def on_terminal_gone(self) -> None:
        """The terminal hung up without a SIGHUP reaching us (or before it did): same way out."""
        self._on_exit_signal(signal.SIGHUP)

    async def _exit_on_signal(self, signum: int) -> None:
        """Let keys already typed reach their fields, write the drafts, then exit 128+signal."""
        for _ in range(50):
            if not _unread_input():
                break
            await asyncio.sleep(0.02)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._handle_queued(), timeout=1.0)
        self.rescue_drafts()
        self.exit(return_code=128 + signum)

    async def _handle_queued(self) -> None:
        """Return once every message queued on the app and its screen has been handled.

        A key read from the terminal travels app -> focused widget -> field -> form -> wizard,
        one message queue per hop. ``call_later`` runs a callback after everything already in
        a node's queue, so one pass over the nodes drains one hop; the passes stop when a pass
        finds every queue already empty (its callbacks ran without anything queued before
        them). Only public Textual API: no private idle probe, no fixed sleep.
        """
        for _ in range(HOPS):
            nodes = [self, *self.screen.walk_children(with_self=True)]
            waiting = [node for node in nodes if node.message_queue_size]
            if not waiting:
                return
            done = [asyncio.Event() for _ in waiting]
            for node, event in zip(waiting, done, strict=True):
                if not node.call_later(event.set):
                    event.set()  # closing: nothing more will be handled there
            for event in done:
                await event.wait()

    # --- terminal size ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Runs before App's own resize handling, so use the event's size, not self.size.
        if self._sized:
            self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        small = too_small(width or self.size.width, height or self.size.height)
        covered = any(isinstance(s, TooSmallScreen) for s in self.screen_stack)
        if small and not covered:
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        if small:
            self._big_enough.clear()
        else:
            self._big_enough.set()

    # --- opening plans ----------------------------------------------------------------------

    def _open_session(self, session: Session, all_visited: bool, draft: Path | None) -> None:
        """Show the wizard, first offering back a draft left by a crash or a kill."""
        self._wizard_worker(session, all_visited, draft)

    async def _offer_draft(self, session: Session, draft: Path) -> Session | None:
        """Ask about a draft left over for this plan: the resumed session, the file's own
        session, or ``None`` when the founder backed out (the draft is kept for next time)."""
        from screens.confirm import ConfirmDialog
        from wizard.library import delete_draft, read_draft
        from wizard.planfile import PlanFileError

        try:
            found = read_draft(draft, self.checklist)
        except PlanFileError as exc:
            self.notify(str(exc), title="Draft skipped", severity="warning")
            return session
        if found.session.answers == session.answers and not found.session.pending:
            delete_draft(found.session.draft_name)  # holds nothing the file does not
            return session
        # Asked only once the window is big enough: a dialog opened under the notice would
        # sit on top of it, at a size the notice says hirewiz cannot handle.
        await self._big_enough.wait()
        choice = await self.push_screen_wait(
            ConfirmDialog(
                "Resume unsaved changes?",
                "This plan has changes from an earlier session that were never saved. Pick up "
                "where you left off, or throw those changes away?",
                yes="Resume",
                no="Discard draft",
                cancel="Cancel",
            )
        )
        if choice is None:
            return None
        if choice:
            return self._resumed(found.session)
        delete_draft(found.session.draft_name)
        return session

    def _resumed(self, session: Session) -> Session:
        """Take over a draft; warn at once when its plan file changed since it was written."""
        from wizard.conflict import changed_on_disk

        if session.target is not None and changed_on_disk(session.target, session.disk):
            self.notify(
                f"{session.target} changed since this draft was written. Saving will ask "
                "whether to merge, save as another file, or overwrite.",
                title="File changed",
                severity="warning",
                timeout=12,
            )
        return session

    @work(exclusive=True, group="open")
    async def _wizard_worker(self, session: Session, all_visited: bool, draft: Path | None) -> None:
        from screens.wizard_screen import WizardScreen

        if draft is not None:
            offered = await self._offer_draft(session, draft)
            if offered is None:
                if not isinstance(self.screen, WelcomeScreen):
                    await self.push_screen(WelcomeScreen())
                    self._check_size()
                return
            if offered is not session:
                session, all_visited = offered, True
        screen = WizardScreen(session, self.checklist, all_visited=all_visited)
        if isinstance(self.screen, WelcomeScreen | TooSmallScreen) and len(self.screen_stack) > 1:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        self._check_size()

    @on(WelcomeScreen.NewPlan)
    def _new_plan(self) -> None:
        from wizard.answers import new_answers
        from wizard.library import new_draft_name
        from wizard.session import Session

        answers = new_answers(self.checklist)
        self._open_session(
            Session(answers=answers, pristine=answers, draft_name=new_draft_name(None)),
            False,
            None,
        )

    @on(WelcomeScreen.ResumeDraft)
    def _resume(self, event: WelcomeScreen.ResumeDraft) -> None:
        from wizard.library import read_draft
        from wizard.planfile import PlanFileError

        try:
            draft = read_draft(event.path, self.checklist)
        except PlanFileError as exc:
            self.notify(str(exc), title="Cannot resume", severity="error", timeout=10)
            return
        session = self._resumed(draft.session)
        self._open_session(session, session.saved is not None, None)

    @on(WelcomeScreen.OpenPlan)
    def _open(self, event: WelcomeScreen.OpenPlan) -> None:
        self._open_worker(event.path)

    @work(exclusive=True, group="open-file")
    async def _open_worker(self, path: Path | None) -> None:
        from screens.path_dialog import PathDialog
        from wizard.planfile import PlanFileError

        typed, problem = path is None, ""
        while True:
            if typed:
                # A typed path stays in the dialog with the reason until it opens or the
                # founder cancels: closing it on a typo made them type the path again.
                path = await self.push_screen_wait(
                    PathDialog("Open a plan file", path, "Open", problem=problem)
                )
            if path is None:
                return
            try:
                start = start_for_file(path, self.checklist)
                break
            except PlanFileError as exc:
                if not typed:
                    self.notify(str(exc), title="Cannot open", severity="error", timeout=10)
                    return
                problem = str(exc)
        assert start.session is not None
        self._open_session(start.session, start.all_visited, start.draft)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, CommandSource):
            yield from screen.palette_commands()

    def on_wizard_screen_back_to_welcome(self) -> None:
        """Escape on the first step: back to the welcome screen; leaving writes the draft."""
        self.switch_screen(WelcomeScreen())
        self.call_after_refresh(self._check_size)

    # --- quitting -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Route every quit (keys, palette) through the wizard, which asks about unsaved work."""
        from screens.conversations import QuitGuard

        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuitGuard):
                screen.request_quit()
                return
        self.exit(0)


def _unread_input() -> bool:
    """Whether keys sit in the terminal's buffer that the input thread has not read yet.

    A hung-up terminal selects readable forever but holds nothing: that is no unread input.
    """
    import select

    try:
        fd = sys.__stdin__.fileno()  # type: ignore[union-attr]
        ready, _, _ = select.select([fd], [], [], 0)
        if not ready:
            return False
        poller = select.poll()
        poller.register(fd, 0)  # reports only hang-ups and errors
        hung_up = any(mask & (select.POLLHUP | select.POLLERR) for _fd, mask in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False
    return not hung_up


def start_for_file(path: Path, checklist: Checklist) -> Start:
    """Open a saved plan for editing: every answer prefilled, saving rewrites the same file."""
    from wizard.conflict import fingerprint
    from wizard.library import draft_for, new_draft_name, remember
    from wizard.planfile import load_answers
    from wizard.session import Session

    disk = fingerprint(path)
    loaded = load_answers(path, checklist)
    remember(path)
    draft = draft_for(path, checklist)
    session = Session(
        answers=loaded.answers,
        target=path,
        saved=loaded.answers,
        created=loaded.created,
        updated=loaded.updated,
        draft_name=new_draft_name(path),
        confirmed_target=True,
        disk=disk,
    )
    return Start(session=session, all_visited=True, draft=draft.path if draft else None)


def start_for_new(
    checklist: Checklist, output: Path | None = None, source: Path | None = None
) -> Start:
    """A new plan, optionally seeded from another plan's answers and aimed at ``output``.

    A plan started from another gets "(copy)" in its title, so the suggested file name is a new
    one and saving can never land on the source by accident.
    """
    from wizard.answers import new_answers, set_value
    from wizard.library import copy_title, draft_for, new_draft_name
    from wizard.planfile import load_answers
    from wizard.session import Session

    if source is not None:
        answers = load_answers(source, checklist, require_complete=False).answers
        limit = checklist.question("context.plan_title").max_length
        title = copy_title(answers.context.plan_title or "", limit)
        with contextlib.suppress(ValueError):
            answers = set_value(answers, "context.plan_title", title, checklist)
    else:
        answers = new_answers(checklist)
    draft = draft_for(output, checklist) if output is not None else None
    session = Session(
        answers=answers,
        target=output,
        pristine=answers,
        draft_name=new_draft_name(output),
    )
    return Start(
        session=session, all_visited=source is not None, draft=draft.path if draft else None
    )


def prepare(command: str, file: Path | None, output: Path | None, source: Path | None) -> Start:
    """Read everything the first screen needs; any problem raises before the terminal changes."""
    if command == "welcome":
        return Start()
    from wizard.answers import get_checklist

    checklist = get_checklist()
    if command == "edit":
        if file is None:
            raise ValueError("edit needs a file")
        return start_for_file(file, checklist)
    return start_for_new(checklist, output, source)


def run(
    command: str = "welcome",
    file: Path | None = None,
    output: Path | None = None,
    source: Path | None = None,
) -> int:
    """Entry point used by ``wizard.cli``; returns the process exit code."""
    try:
        start = prepare(command, file, output, source)
    except Exception as exc:
        from checklists.loader import ChecklistError
        from wizard.answers import AnswerError
        from wizard.planfile import PlanFileError

        if isinstance(exc, PlanFileError | AnswerError | ChecklistError):
            from wizard.text import printable

            print(f"hirewiz: {printable(str(exc))}", file=sys.stderr)
            return 2
        raise
    app = HirewizApp(start)
    result = app.run()
    return exit_report(app, result)


def exit_report(app: HirewizApp, result: Any) -> int:
    """The exit code, with one line saying where the drafts are when hirewiz did not end well."""
    code = app.return_code or 0
    if code == 0:
        if app.saved is not None:
            from wizard.library import saved_line

            print(saved_line(app.saved))
        return result or 0
    why = f"internal error ({app.crash})" if app.crash else "stopped by a signal"
    if app.rescued:
        where = ", ".join(str(p) for p in app.rescued)
        _report(
            f"hirewiz: {why}; your answers are saved in the draft {shown(where)} "
            "(run hirewiz to resume it)"
        )
    else:
        _report(f"hirewiz: {why}; there were no unsaved answers to keep")
    return code


def _report(line: str) -> None:
    """Print the last line to stderr, unless the terminal it would go to is gone.

    Then stdout and stderr are pointed at the null device, so the interpreter's final flush of
    what could not be written does not fail too (and turn the exit code into 120).
    """
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:
        null = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):  # None: closed
                os.dup2(null, stream.fileno())
        os.close(null)
