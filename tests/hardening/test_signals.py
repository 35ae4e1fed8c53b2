"""Closing the terminal (SIGHUP) or a polite kill (SIGTERM) keeps what was just typed.

A real hirewiz runs in a pseudo-terminal (no tmux needed): a key is typed and the signal sent
straight after it; the draft must hold that key, the exit code must say which signal ended the
run, and the last line must say where the draft is.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import tomllib
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

READY = b"Company name"


class Terminal:
    """A pty whose output is read continuously, so the app never blocks on a full buffer."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self.changed:
                self.output += chunk
                self.changed.notify_all()
            if not chunk:
                return

    def wait_for(self, text: bytes) -> None:
        with self.changed:
            found = self.changed.wait_for(lambda: text in self.output, timeout=120)
        assert found, self.output[-2000:]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_right_after_a_keystroke_keeps_it_in_the_draft(
    signum: int, hirewiz_home: Path
) -> None:
    env = {**os.environ, "HIREWIZ_HOME": str(hirewiz_home), "TERM": "xterm-256color"}
    env.pop("TEXTUAL_DRIVER", None)
    term = Terminal([sys.executable, "-m", "wizard", "new"], env)
    try:
        term.wait_for(READY)
        os.write(term.master, b"Q")
        term.proc.send_signal(signum)
        code = term.proc.wait(timeout=120)
    finally:
        term.close()
    assert code == 128 + signum, term.output[-2000:]
    drafts = list((hirewiz_home / "drafts").glob("*.toml"))
    assert len(drafts) == 1, term.output[-2000:]
    assert tomllib.loads(drafts[0].read_text())["answers"]["context"]["company"] == "Q"
    assert b"your answers are saved in the draft" in term.output
