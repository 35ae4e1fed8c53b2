"""The ``hirewiz`` command line.

Only argparse and the version string are imported up front: ``--version`` and ``--help`` must stay
as fast as a bare interpreter, so pydantic, rich and textual load inside the commands that need
them. Every expected failure becomes one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from wizard import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Wrong arguments; shown as one line like every other error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _path(text: str) -> Path:
    return Path(text).expanduser()


def build_parser() -> argparse.ArgumentParser:
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
    p.add_argument("--from", dest="source", type=_path, metavar="FILE",
                   help="start from the answers of an existing plan")

    p = sub.add_parser("edit", help="open a saved plan in the wizard; saving rewrites it")
    p.add_argument("file", type=_path, metavar="FILE")

    p = sub.add_parser("plan", help="build a full plan from an answers file, without the wizard")
    p.add_argument("--answers", type=_path, metavar="FILE", required=True,
                   help="a plan file or an answers-only TOML file")
    p.add_argument("-o", "--output", type=_path, metavar="OUT",
                   help="write the plan here (default: print it)")

    p = sub.add_parser("show", help="print a readable summary of a plan")
    p.add_argument("file", type=_path, metavar="FILE")

    p = sub.add_parser("check", help="validate a plan file (exit 0 valid, 2 invalid)")
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument("--strict", action="store_true",
                   help="also exit 1 when the plan has blocker findings")

    p = sub.add_parser("schema", help="print the JSON Schema of the plan file")
    p.add_argument("-o", "--output", type=_path, metavar="FILE", help="write it here instead")
    return parser


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from wizard.planfile import atomic_write

    atomic_write(output, text)
    print(f"Wrote {output}", file=sys.stderr)


def cmd_plan(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.planfile import dumps, load_plan

    plan = load_plan(args.answers, get_checklist())
    _write_or_print(dumps(plan), args.output)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.planfile import load_plan
    from wizard.summary import print_summary

    checklist = get_checklist()
    print_summary(load_plan(args.file, checklist), checklist)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.answers import get_checklist
    from wizard.planfile import dumps, load_plan, parse_toml, read_text

    checklist = get_checklist()
    plan = load_plan(args.file, checklist)
    counts = {s: sum(f.severity == s for f in plan.findings) for s in ("blocker", "warning", "tip")}
    print(
        f"{args.file}: valid plan; verdict {plan.readiness.verdict}, score "
        f"{plan.readiness.score}/100, {counts['blocker']} blocker(s), {counts['warning']} "
        f"warning(s), {counts['tip']} tip(s)"
    )
    stored = parse_toml(args.file, read_text(args.file))
    fresh = parse_toml(args.file, dumps(plan))
    if "answers" in stored and any(
        stored.get(k) != fresh.get(k) for k in fresh if k not in ("meta", "answers")
    ):
        print(
            f"{args.file}: note: the derived tables are out of date; "
            f"'hirewiz plan --answers {args.file} -o {args.file}' refreshes them"
        )
    if args.strict and counts["blocker"]:
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from wizard.answers import get_checklist
    from wizard.planfile import plan_schema

    _write_or_print(json.dumps(plan_schema(get_checklist()), indent=2) + "\n", args.output)
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError("the wizard needs an interactive terminal; see 'hirewiz --help' for "
                         "the headless commands")
    from screens.app import run

    return run(
        command=args.command or "welcome",
        file=getattr(args, "file", None),
        output=getattr(args, "output", None),
        source=getattr(args, "source", None),
    )


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_tui,
    "new": cmd_tui,
    "edit": cmd_tui,
    "plan": cmd_plan,
    "show": cmd_show,
    "check": cmd_check,
    "schema": cmd_schema,
}


def _fail(message: str) -> int:
    print(f"hirewiz: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return COMMANDS[args.command](args)
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
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set HIREWIZ_DEBUG=1 for "
                     "details, and please report it)")
