"""The hirewiz Textual app: starts the right screen and guards the terminal size.

Everything heavy (pydantic, the rules) is imported only once a plan is actually opened, so a
bare ``hirewiz`` paints its welcome screen about as fast as an empty Textual app.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App

from screens.too_small import TooSmallScreen, too_small
from screens.welcome import WelcomeScreen

if TYPE_CHECKING:
    from checklists.loader import Checklist
    from screens.session import Session


@dataclass(frozen=True)
class Start:
    """What to show first, worked out before the app starts so bad files never open it."""

    session: Session | None = None
    all_visited: bool = False
    draft: Path | None = None


class HirewizApp(App[int]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "hirewiz"

    def __init__(self, start: Start | None = None, checklist: Checklist | None = None) -> None:
        super().__init__()
        self.start = start or Start()
        self._checklist = checklist

    @property
    def checklist(self) -> Checklist:
        if self._checklist is None:
            from wizard.answers import get_checklist

            self._checklist = get_checklist()
        return self._checklist

    def on_mount(self) -> None:
        if self.start.session is None:
            self.push_screen(WelcomeScreen())
        else:
            self._open_session(self.start.session, self.start.all_visited, self.start.draft)
        self._check_size()

    # --- terminal size ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Runs before App's own resize handling, so use the event's size, not self.size.
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        small = too_small(width or self.size.width, height or self.size.height)
        covered = any(isinstance(s, TooSmallScreen) for s in self.screen_stack)
        if small and not covered:
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    # --- opening plans ----------------------------------------------------------------------

    def _open_session(self, session: Session, all_visited: bool, draft: Path | None) -> None:
        """Show the wizard, first offering back a draft left by a crash or a kill."""
        self._wizard_worker(session, all_visited, draft)

    @work(exclusive=True, group="open")
    async def _wizard_worker(self, session: Session, all_visited: bool, draft: Path | None) -> None:
        from screens.confirm import ConfirmDialog
        from screens.session import read_draft
        from screens.wizard_screen import WizardScreen
        from wizard.planfile import PlanFileError

        if draft is not None:
            try:
                found = read_draft(draft, self.checklist)
            except PlanFileError as exc:
                self.notify(str(exc), title="Draft skipped", severity="warning")
            else:
                if found.session.answers != session.answers:
                    resume = await self.push_screen_wait(
                        ConfirmDialog(
                            "Resume unsaved changes?",
                            "This plan has changes from an earlier session that were never "
                            "saved. Pick up where you left off?",
                            yes="Resume",
                            no="Start from the file",
                        )
                    )
                    if resume:
                        session = found.session
                        all_visited = True
        screen = WizardScreen(session, self.checklist, all_visited=all_visited)
        if isinstance(self.screen, WelcomeScreen | TooSmallScreen) and len(self.screen_stack) > 1:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        self._check_size()

    @on(WelcomeScreen.NewPlan)
    def _new_plan(self) -> None:
        from screens.session import Session, new_draft_name
        from wizard.answers import new_answers

        answers = new_answers(self.checklist)
        self._open_session(
            Session(answers=answers, pristine=answers, draft_name=new_draft_name(None)),
            False,
            None,
        )

    @on(WelcomeScreen.ResumeDraft)
    def _resume(self, event: WelcomeScreen.ResumeDraft) -> None:
        from screens.session import read_draft
        from wizard.planfile import PlanFileError

        try:
            draft = read_draft(event.path, self.checklist)
        except PlanFileError as exc:
            self.notify(str(exc), title="Cannot resume", severity="error", timeout=10)
            return
        self._open_session(draft.session, draft.session.saved is not None, None)

    @on(WelcomeScreen.OpenPlan)
    def _open(self, event: WelcomeScreen.OpenPlan) -> None:
        self._open_worker(event.path)

    @work(exclusive=True, group="open-file")
    async def _open_worker(self, path: Path | None) -> None:
        from screens.path_dialog import PathDialog
        from wizard.planfile import PlanFileError

        if path is None:
            path = await self.push_screen_wait(PathDialog("Open a plan file", None, "Open"))
            if path is None:
                return
        try:
            start = start_for_file(path, self.checklist)
        except PlanFileError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", timeout=10)
            return
        assert start.session is not None
        self._open_session(start.session, start.all_visited, start.draft)

    # --- quitting -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Route every quit (keys, palette) through the wizard, which asks about unsaved work."""
        for screen in reversed(self.screen_stack):
            request = getattr(screen, "request_quit", None)
            if callable(request):
                request()
                return
        self.exit(0)


def start_for_file(path: Path, checklist: Checklist) -> Start:
    """Open a saved plan for editing: every answer prefilled, saving rewrites the same file."""
    from screens.library import remember
    from screens.session import Session, draft_for, new_draft_name
    from wizard.planfile import load_answers

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
    )
    return Start(session=session, all_visited=True, draft=draft.path if draft else None)


def start_for_new(
    checklist: Checklist, output: Path | None = None, source: Path | None = None
) -> Start:
    """A new plan, optionally seeded from another plan's answers and aimed at ``output``."""
    from screens.session import Session, draft_for, new_draft_name
    from wizard.answers import new_answers
    from wizard.planfile import load_answers

    if source is not None:
        answers = load_answers(source, checklist, require_complete=False).answers
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
    return result or 0
