"""The ``hirewiz`` command line.

Only argparse and the version string are imported up front: ``--version`` and ``--help`` must stay
as fast as a bare interpreter, so pydantic, rich and textual load inside the commands that need
them. Every expected failure becomes one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

from wizard import __version__

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from wizard.models import Plan

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Wrong arguments; shown as one line like every other error."""


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text).expanduser()


@functools.cache  # built once per process: in-process callers run main() many times
def build_parser() -> argparse.ArgumentParser:
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see '{self.prog} --help')")

    parser = _Parser(
        prog="hirewiz",
        description="Get ready to hire for machine-learning work: a guided questionnaire that "
        "writes a hiring plan (role profile, readiness score, findings, interview loop, "
        "budget and onboarding) as a TOML file.",
        epilog="Run 'hirewiz' with no command to open the wizard.",
    )
    parser.add_argument("--version", action="version", version=f"hirewiz {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("new", help="start a new plan in the wizard")
    p.add_argument("-o", "--output", type=_path, metavar="FILE", help="where to save the plan")
    p.add_argument(
        "--from",
        dest="source",
        type=_path,
        metavar="FILE",
        help="start from the answers of an existing plan",
    )

    p = sub.add_parser("edit", help="open a saved plan in the wizard; saving rewrites it")
    p.add_argument("file", type=_path, metavar="FILE")

    p = sub.add_parser("plan", help="build a full plan from an answers file, without the wizard")
    p.add_argument(
        "--answers",
        type=_path,
        metavar="FILE",
        required=True,
        help="a plan file or an answers-only TOML file",
    )
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="OUT",
        help="write the plan here ('-' or nothing: print it)",
    )

    p = sub.add_parser("show", help="print a readable summary of a plan")
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument(
        "--sources",
        action="store_true",
        help="also print where each statement comes from: citations, pay-survey details "
        "and occupation codes, mistake numbers",
    )

    p = sub.add_parser("check", help="validate a plan file (exit 0 valid, 2 invalid)")
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument(
        "--strict", action="store_true", help="also exit 1 when the plan has blocker findings"
    )

    p = sub.add_parser(
        "export", help="write a plan as Markdown: job post, interview kit, onboarding"
    )
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument("--format", choices=["md"], default="md", help="output format (md)")
    p.add_argument(
        "--only",
        choices=["job-post", "interview-kit", "onboarding"],
        help="write one part; the job post leaves out budget and findings",
    )
    p.add_argument(
        "-o", "--output", type=_path, metavar="OUT", help="write it here ('-' or nothing: print it)"
    )

    p = sub.add_parser("diff", help="what changed between two plans (exit 0 same, 1 different)")
    p.add_argument("a", type=_path, metavar="A")
    p.add_argument("b", type=_path, metavar="B")
    p.add_argument("--json", action="store_true", help="print the differences as JSON")

    sub.add_parser("list", help="the plans in your library")

    sub.add_parser(
        "keys", help="every answer key 'set' accepts, with its allowed values and if required"
    )

    p = sub.add_parser("set", help="change answers from the command line: key=value ...")
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument(
        "assignments",
        nargs="+",
        metavar="KEY=VALUE",
        help="e.g. data.pipeline=automated team.partners=backend,data "
        "goals.outcome= (empty clears an optional answer); 'hirewiz keys' lists every key",
    )

    p = sub.add_parser("schema", help="print the JSON Schema of the plan file")
    p.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="FILE",
        help="write it here ('-': print it); a folder gets plan-vN.schema.json",
    )
    p.add_argument(
        "--version",
        type=int,
        metavar="N",
        dest="schema_version",
        help="the schema of an older plan-file version (default: the current one)",
    )

    p = sub.add_parser("kit", help="write the take-home exercise the plan recommends")
    p.add_argument("file", type=_path, metavar="PLAN", help="a plan or answers file")
    p.add_argument("-o", "--output", type=_path, metavar="DIR", required=True, help="kit folder")
    p.add_argument(
        "--seed", type=int, default=0, metavar="N", help="another seed gives fresh data (default 0)"
    )
    p.add_argument("--zip", action="store_true", help="also write candidate.zip, ready to send")
    p.add_argument("--force", action="store_true", help="replace DIR if it is not empty")
    return parser


def _is_stdout(output: Path | None) -> bool:
    """``-o -`` (or no ``-o``) means standard output."""
    return output is None or str(output) == "-"


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None or _is_stdout(output):
        sys.stdout.write(text)
        return
    from wizard.files import atomic_write
    from wizard.text import printable

    atomic_write(output, text)
    print(f"Wrote {printable(str(output))}", file=sys.stderr)


def cmd_plan(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.planfile import dumps, load_plan

    plan = load_plan(args.answers, get_checklist())
    _write_or_print(dumps(plan, args.output), args.output)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.planfile import load_plan
    from wizard.summary import print_summary

    checklist = get_checklist()
    from wizard.library import shell_word

    plan = load_plan(args.file, checklist)
    print_summary(plan, checklist, sources=args.sources, file=shell_word(str(args.file)))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.labels import counts
    from wizard.planfile import dumps, load_plan, parse_toml, read_text
    from wizard.text import printable

    checklist = get_checklist()
    plan = load_plan(args.file, checklist)
    name = printable(str(args.file))
    blockers = sum(f.severity == "blocker" for f in plan.findings)
    print(
        f"{name}: valid plan; verdict {plan.readiness.verdict}, score "
        f"{plan.readiness.score}/100, {counts(plan.findings).replace(' · ', ', ')}"
    )
    stored = parse_toml(args.file, read_text(args.file))
    fresh = parse_toml(args.file, dumps(plan))
    if "answers" in stored and any(
        stored.get(k) != fresh.get(k) for k in fresh if k not in ("meta", "answers")
    ):
        print(
            f"{name}: note: the derived tables are out of date; "
            f"'hirewiz plan --answers {name} -o {name}' refreshes them"
        )
    if args.strict and blockers:
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from wizard.models import SCHEMA_VERSION
    from wizard.schemafiles import schema_name, shipped_schema, shipped_versions

    version = args.schema_version or SCHEMA_VERSION
    if version == SCHEMA_VERSION:
        import json

        from wizard.answers import get_checklist
        from wizard.planfile import plan_schema

        text = json.dumps(plan_schema(get_checklist()), indent=2) + "\n"
    elif version in shipped_versions():
        text = shipped_schema(version)
    else:
        known = ", ".join(str(v) for v in shipped_versions())
        print(
            f"hirewiz: schema --version {version}: no such version (known: {known})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    output = args.output
    if output is not None and _is_folder(output):
        output = output / schema_name(version)
    _write_or_print(text, output)
    return EXIT_OK


def _is_folder(path: Path) -> bool:
    """A folder given as ``-o``; a path the system cannot even look up is not one (the write
    that follows reports it in one line)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def cmd_export(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.export import export_markdown
    from wizard.planfile import load_plan

    checklist = get_checklist()
    plan = load_plan(args.file, checklist)
    _write_or_print(export_markdown(plan, checklist, only=args.only), args.output)
    if args.only == "job-post":
        _note_post_changes(plan)
    return EXIT_OK


def _note_post_changes(plan: Plan) -> None:
    """The candidate-facing post stays clean, so the founder hears on stderr where it differs
    from their answers (the full export and ``show`` list the same)."""
    from wizard.post_changes import changes_heading, plan_post_changes
    from wizard.text import printable

    changes = plan_post_changes(plan)
    if not changes:
        return
    heading, _ = changes_heading()
    print(f"{heading} (for you; not in the post):", file=sys.stderr)
    for c in changes:
        print(f"  - {printable(c.what)} {printable(c.why)}", file=sys.stderr)


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    from wizard.answers import get_checklist
    from wizard.diff import diff_plans, print_diff
    from wizard.planfile import load_plan

    checklist = get_checklist()
    result = diff_plans(load_plan(args.a, checklist), load_plan(args.b, checklist), checklist)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, default=str))
    else:
        print_diff(result, str(args.a), str(args.b), checklist)
    return EXIT_OK if result.same else EXIT_FINDINGS


def cmd_list(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from wizard import labels
    from wizard.answers import get_checklist
    from wizard.library import display_path, list_plans, repeated_titles, shell_word, title_key
    from wizard.paths import plans_dir
    from wizard.text import printable

    entries = list_plans(get_checklist())
    console = Console()
    folder = printable(display_path(plans_dir()))
    if not entries:
        console.print(Text(f"No plans in {folder} yet. Start one with 'hirewiz new'."))
        return EXIT_OK
    table = Table(title=Text(f"Plans in {folder}"), title_justify="left", expand=True)
    table.add_column("Plan", ratio=3)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Recommended")
    table.add_column("Updated", no_wrap=True)
    # The file's name in that folder: the full path repeated the folder on every row and two
    # plans of one title differed only in the last folded line. Long names fold, never "…".
    table.add_column("File", ratio=2, overflow="fold")
    twins = repeated_titles(e.title for e in entries if not e.problem)
    for e in entries:
        name = Text(printable(e.path.name))
        if e.problem:
            table.add_row(Text("unreadable: " + printable(e.problem), "red"), "", "", "", name)
            continue
        plan = Text(printable(e.title) or "(untitled)", "bold")
        if e.company:
            plan.append("\n" + printable(e.company), "dim")
        # Two plans of one title also show the time they were updated.
        shape = "%Y-%m-%d %H:%M" if title_key(e.title) in twins else "%Y-%m-%d"
        when = e.updated.strftime(shape) if e.updated else ""
        table.add_row(
            plan,
            _verdict_label(e.verdict),
            labels.track_name(e.track) if e.track else "",
            when,
            name,
        )
    table.caption = Text(f"Open one with: hirewiz show {shell_word(folder)}/FILE")
    table.caption_justify = "left"
    console.print(table)
    return EXIT_OK


def cmd_keys(args: argparse.Namespace) -> int:
    """Every answer key as a block of its own: the key, its question, what it accepts.

    Not a table: at 80 columns a table's narrow value column cut "data_scientist" in two, and
    these values are meant to be copied into ``hirewiz set``. Wrapped lines break at spaces only.
    """
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    from wizard.answers import get_checklist
    from wizard.keys import key_infos

    console = Console()
    console.print(Text("Answer keys for: hirewiz set FILE KEY=VALUE", style="bold"))
    for info in key_infos(get_checklist()):
        head = Text("\n")
        head.append(info.key, style="bold")
        head.append(f"  ({info.need})", style="dim")
        console.print(head)
        body = Text(info.prompt)
        body.append("\n" + info.accepts)
        if info.asked_when:
            body.append(f"\nasked when {info.asked_when}", style="dim")
        console.print(Padding(body, (0, 0, 0, 2), expand=False))
    return EXIT_OK


def _verdict_label(value: str) -> str:
    from wizard import labels

    known = labels.labels().verdicts
    return known[value].label if value in known else value.replace("_", " ")


def cmd_set(args: argparse.Namespace) -> int:
    from wizard.answers import AnswerError, get_checklist, parse_text, set_value
    from wizard.planfile import PlanFileError, build_plan, load_answers, now, save_plan
    from wizard.text import printable

    checklist = get_checklist()
    loaded = load_answers(args.file, checklist)
    answers = loaded.answers
    for assignment in args.assignments:
        key, sep, text = assignment.partition("=")
        key = key.strip().removeprefix("answers.")
        if not sep:
            raise UsageError(f"'{assignment}' is not KEY=VALUE")
        try:
            question = checklist.question(key)
        except KeyError:
            from wizard.keys import closest_keys

            near = closest_keys(key, checklist)
            hint = f" (did you mean {' or '.join(near)}?" if near else " ("
            raise PlanFileError(
                args.file, key, f"no such question{hint} 'hirewiz keys' lists them all)"
            ) from None
        try:
            value = parse_text(question, text)
            if value is None and question.required:
                raise ValueError("is required and cannot be cleared")
            answers = set_value(answers, key, value, checklist)
        except (ValueError, AnswerError) as exc:
            reason = exc.reason if isinstance(exc, AnswerError) else str(exc)
            raise PlanFileError(args.file, key, reason) from None
    if answers == loaded.answers:
        print(f"{printable(str(args.file))}: no change", file=sys.stderr)
        return EXIT_OK
    plan = build_plan(answers, checklist, created=loaded.created, updated=now())
    save_plan(args.file, plan)
    r = plan.readiness
    print(
        f"{printable(str(args.file))}: saved; verdict {r.verdict}, score {r.score}/100, "
        f"role {printable(plan.role.title)}",
        file=sys.stderr,
    )
    return EXIT_OK


def _check_tui_paths(args: argparse.Namespace) -> None:
    """Refuse FIFOs, devices, folders and broken paths before the wizard takes the terminal."""
    from wizard.files import check_output, check_regular

    for name in ("file", "source"):
        path = getattr(args, name, None)
        if path is not None:
            check_regular(path)
    output = getattr(args, "output", None)
    if output is not None:
        if str(output) == "-":
            raise UsageError("-o -: the wizard saves to a file; name one")
        check_output(output)


def _is_terminal(stream: TextIO | None) -> bool:
    """Whether a standard stream is a terminal; one closed at start (``>&-``) is None."""
    return stream is not None and stream.isatty()


def cmd_tui(args: argparse.Namespace) -> int:
    _check_tui_paths(args)
    if not _is_terminal(sys.stdin) or not _is_terminal(sys.stdout):
        raise UsageError(
            "the wizard needs an interactive terminal; see 'hirewiz --help' for "
            "the headless commands"
        )
    from screens.app import run

    return run(
        command=args.command or "welcome",
        file=getattr(args, "file", None),
        output=getattr(args, "output", None),
        source=getattr(args, "source", None),
    )


def cmd_kit(args: argparse.Namespace) -> int:
    from wizard.takehome.command import run_kit

    return run_kit(args)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_tui,
    "new": cmd_tui,
    "edit": cmd_tui,
    "plan": cmd_plan,
    "show": cmd_show,
    "check": cmd_check,
    "schema": cmd_schema,
    "export": cmd_export,
    "diff": cmd_diff,
    "list": cmd_list,
    "keys": cmd_keys,
    "set": cmd_set,
    "kit": cmd_kit,
}


def _fail(message: str) -> int:
    from wizard.text import printable

    print(f"hirewiz: {printable(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


# Commands that read a few files, write one result and end. The cycle collector would run about
# fifty times over the objects their imports create (~8 ms of a `plan`, bench/README.md) and free
# almost nothing before the process exits; the wizard and `kit` (long or heavy) keep it.
_ONE_SHOT = frozenset({"plan", "show", "check", "schema", "export", "diff", "list", "set"})


def _run(args: argparse.Namespace) -> int:
    if args.command not in _ONE_SHOT or not gc.isenabled():
        return COMMANDS[args.command](args)
    gc.disable()
    try:
        return COMMANDS[args.command](args)
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:
        # The most common probe of all; answered before argparse is even imported.
        print(f"hirewiz {__version__}")
        return EXIT_OK
    # hirewiz uses no pydantic plugins; unless told so, pydantic reads the entry points of every
    # installed package when it builds the first model, a large share of a headless run
    # (bench/README.md). setdefault: a user who wants plugins can still set the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        args = build_parser().parse_args(words)
        return _run(args)
    except SystemExit as exc:
        # argparse's own --help and --version: report the code instead of exiting, so in-process
        # callers (tests, the TUI) get a return value like for every other command.
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from checklists.loader import ChecklistError
        from wizard.answers import AnswerError
        from wizard.planfile import PlanFileError

        if isinstance(exc, PlanFileError | ChecklistError | AnswerError):
            return _fail(str(exc))
        if os.environ.get("HIREWIZ_DEBUG"):
            raise
        return _fail(
            f"internal error: {type(exc).__name__}: {exc} (set HIREWIZ_DEBUG=1 for "
            "details, and please report it)"
        )
