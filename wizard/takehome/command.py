"""``hirewiz kit PLAN -o DIR``: write the take-home kit a plan recommends.

Kept out of cli.py so the command's logic has one home; cli.py only parses and dispatches.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_kit(args: argparse.Namespace) -> int:
    """Load and check the plan, build its kit and write it; errors are one line, exit 2."""
    from wizard.answers import get_checklist
    from wizard.planfile import load_plan
    from wizard.takehome import build_kit
    from wizard.takehome.core import KitError, write_kit
    from wizard.takehome.request import NoKit, from_plan
    from wizard.text import printable

    plan = load_plan(args.file, get_checklist())
    try:
        request = from_plan(plan)
        kit = build_kit(request, args.seed)
        write_kit(kit, args.output, force=args.force, with_zip=args.zip)
    except NoKit as exc:
        print(f"hirewiz: {printable(str(args.file))}: no take-home kit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KitError as exc:
        print(f"hirewiz: {printable(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    extra = " and candidate.zip" if args.zip else ""
    print(
        f"Wrote the {request.track.replace('_', ' ')} take-home to {printable(str(args.output))}: "
        f"candidate/ to send{extra}, reviewer/ to keep ({len(kit.planted)} planted problems)",
        file=sys.stderr,
    )
    return EXIT_OK
