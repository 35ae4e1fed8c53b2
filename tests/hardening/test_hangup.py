"""The terminal going away (window closed, tmux session killed, ssh dropped) keeps every answer.

A real hirewiz runs in a pseudo-terminal; the test types a key, waits until the screen shows it,
then closes the terminal's side of the pty. hirewiz must write its draft with that key, exit by
itself with 129 (hung up) and report nothing but the line naming the draft. Once the terminal is
gone every write to it fails: the app must neither die in its output thread nor block on output
that can never be written (which used to leave it running forever, deaf to SIGTERM and SIGHUP).

The child is run with and without the pty as its controlling terminal: with it, the kernel also
sends SIGHUP and SIGCONT; without it, hirewiz can only tell from the terminal itself. Everything
Python reports as an error (stderr once the app is done, exceptions in threads, unraisable
exceptions) goes to a log file, because the terminal that would show it is gone.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY = b"Company name"
WAIT = 120  # generous bound on a shared machine: a regression fails here instead of hanging

# Runs hirewiz in this process after optionally taking the pty as controlling terminal, with
# Python's error reports sent to sys.stderr, first made the log named in argv[2] unless "-".
LAUNCHER = """
import fcntl, runpy, sys, termios, threading, traceback
if sys.argv[1] == "controlling":
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
if sys.argv[2] != "-":
    sys.stderr = open(sys.argv[2], "w", buffering=1)
log = sys.stderr
def report(args):
    log.write("".join(traceback.format_exception(args.exc_value)))
threading.excepthook = report
sys.unraisablehook = lambda args: log.write(f"unraisable: {args.exc_value!r}\\n")
sys.argv = ["hirewiz", "new"]
runpy.run_module("wizard", run_name="__main__", alter_sys=True)
"""


class Terminal:
    """A pty read continuously (the app never blocks on a full buffer) that can be hung up.

    Only the reader thread closes the terminal's side: closing it from another thread while
    the reader is blocked in a read would not hang up until that read returned.
    """

    def __init__(self, home: Path, log: Path, *, controlling: bool, errors: str) -> None:
        """``errors``: where Python's error reports go: "log" (sys.stderr made a file, fd 2
        the terminal), "fd2-log" (fd 2 itself a file) or "terminal" (nowhere readable)."""
        env = {**os.environ, "HIREWIZ_HOME": str(home), "TERM": "xterm-256color"}
        for name in ("TEXTUAL_DRIVER", "COLUMNS", "LINES"):  # xdist workers set the size ones
            env.pop(name, None)
        self.master, slave = os.openpty()
        self.resize(100, 30)
        mode = "controlling" if controlling else "not-controlling"
        with log.open("w") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", LAUNCHER, mode, str(log) if errors == "log" else "-"],
                stdin=slave,
                stdout=slave,
                stderr=stderr if errors == "fd2-log" else slave,
                env=env,
                cwd=ROOT,
                start_new_session=True,
            )
        os.close(slave)
        self.output = b""
        self.changed = threading.Condition()
        self.wake, self.waker = os.pipe()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        """Collect output until the app's side closes or :meth:`hang_up` says stop."""
        try:
            while True:
                ready, _, _ = select.select([self.master, self.wake], [], [])
                if self.wake in ready:
                    return
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: every process closed the app's side
                    chunk = b""
                with self.changed:
                    self.output += chunk
                    self.changed.notify_all()
                if not chunk:
                    return
        finally:
            os.close(self.master)

    def wait_for(self, text: bytes) -> None:
        with self.changed:
            found = self.changed.wait_for(lambda: text in self.output, timeout=WAIT)
        assert found, self.output[-2000:]

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def resize(self, columns: int, rows: int) -> None:
        """Change the window size and say so (the kernel only tells a controlling terminal)."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        if hasattr(self, "proc"):
            self.proc.send_signal(signal.SIGWINCH)

    def hang_up(self) -> None:
        """Close the terminal's side, as a terminal emulator or tmux does when it goes away."""
        os.write(self.waker, b"!")
        self.reader.join()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.hang_up()
        os.close(self.wake)
        os.close(self.waker)


def draft_answers(home: Path) -> dict[str, object]:
    drafts = list((home / "drafts").glob("*.toml"))
    assert len(drafts) == 1, f"drafts: {drafts}"
    answers: dict[str, object] = tomllib.loads(drafts[0].read_text())["answers"]["context"]
    return answers


@pytest.mark.parametrize(
    ("controlling", "errors", "shrink"),
    [
        pytest.param(True, "log", False, id="controlling-terminal"),
        pytest.param(False, "log", False, id="not-controlling-terminal"),
        pytest.param(False, "fd2-log", False, id="stderr-to-a-file"),
        pytest.param(True, "log", True, id="shrunk-to-1x1-first"),
        pytest.param(True, "terminal", False, id="last-line-unprintable"),
    ],
)
def test_closing_the_terminal_writes_the_draft_and_exits(
    controlling: bool, errors: str, shrink: bool, hirewiz_home: Path, tmp_path: Path
) -> None:
    log = tmp_path / "errors.log"
    term = Terminal(hirewiz_home, log, controlling=controlling, errors=errors)
    try:
        term.wait_for(READY)  # with stderr not the terminal, the screen must still be drawn
        term.type(b"Qzx")
        term.wait_for(b"Qzx")
        if shrink:
            term.resize(40, 12)
            term.wait_for("40×12".encode())  # the "too small" notice
            term.resize(1, 1)
        term.hang_up()
        code = term.proc.wait(timeout=WAIT)
    finally:
        term.close()
    report = log.read_text()
    assert code == 128 + signal.SIGHUP, report  # a failed last line would make it 1 or 120
    assert draft_answers(hirewiz_home)["company"] == "Qzx", report
    if errors != "terminal":
        assert "Traceback" not in report and "unraisable" not in report, report
        assert "your answers are saved in the draft" in report, report


@pytest.mark.parametrize(
    "redirect",
    [
        pytest.param("</dev/null", id="stdin-not-a-terminal"),
        pytest.param(">&-", id="stdout-closed"),
        pytest.param("| true", id="stdout-a-pipe"),
    ],
)
def test_without_a_terminal_the_wizard_refuses_in_one_line(
    redirect: str, hirewiz_home: Path, tmp_path: Path
) -> None:
    """stdin or stdout not a terminal: one line saying so and exit 2, never a traceback."""
    log = tmp_path / "errors.log"
    master, slave = os.openpty()
    try:
        with log.open("w") as stderr:
            done = subprocess.run(
                ["sh", "-c", f'"$0" -m wizard new {redirect}', sys.executable],
                stdin=slave,
                stdout=slave,
                stderr=stderr,
                cwd=ROOT,
                env={**os.environ, "HIREWIZ_HOME": str(hirewiz_home)},
                timeout=WAIT,
                start_new_session=True,
            )
    finally:
        os.close(slave)
        os.close(master)
    report = log.read_text()
    assert report.splitlines() == [
        "hirewiz: the wizard needs an interactive terminal; see 'hirewiz --help' for the "
        "headless commands"
    ], report
    if "|" not in redirect:
        assert done.returncode == 2, report
