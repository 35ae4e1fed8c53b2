"""The one way tests run ``hirewiz``: in-process for speed, or as a child when the test is about
the process itself (signals, FIFOs that could hang, imports at start-up)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import ROOT
from wizard.cli import main


def run_cli(*argv: str | Path) -> tuple[int, str, str]:
    """Run ``hirewiz ARGV`` in this process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def assert_clean_failure(code: int, err: str, path: Path) -> None:
    """Exit 2 with exactly one line that names the file, and no traceback."""
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0], err
    assert "Traceback" not in err and "internal error" not in err, err


# Generous: a child only imports hirewiz and reads a file or two, but the machine is shared.
CHILD_TIMEOUT = 90


def run_child(
    *args: str | Path, home: Path, timeout: float = CHILD_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in a child process with its own library and a timeout.

    For anything that could hang (FIFOs, pathological TOML): a regression raises
    ``TimeoutExpired`` and fails the test instead of hanging the suite.
    """
    return subprocess.run(
        [sys.executable, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "HIREWIZ_HOME": str(home), "COLUMNS": "250"},
        stdin=subprocess.DEVNULL,
    )
