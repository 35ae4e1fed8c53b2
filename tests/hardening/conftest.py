"""Helpers for the hardening tests: run the CLI in-process and check its one error line.

HIREWIZ_HOME is set per test by tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_INPUT = ROOT / "docs" / "sample-input.toml"
SAMPLE_PLAN = ROOT / "docs" / "sample-plan.toml"


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_clean_failure(code: int, err: str, path: Path) -> None:
    """Exit 2 with exactly one line that names the file, and no traceback."""
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0], err
    assert "Traceback" not in err and "internal error" not in err, err
