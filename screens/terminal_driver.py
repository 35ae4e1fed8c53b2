"""Textual's Linux/macOS driver, made to notice and survive the terminal going away.

When the terminal closes (window closed, tmux session killed, ssh dropped) Textual's own driver
misbehaves in three ways, each enough to leave hirewiz running forever with the founder's last
answers unsaved and SIGTERM/SIGHUP ignored:

- its output thread dies on the first write that fails (EIO); the bounded queue feeding it
  fills up and the next screen update blocks the app's event loop, signal handlers included;
- a hung-up terminal reads as an endless end of file, which the input thread loops over
  without telling anyone;
- the SIGCONT the kernel sends with the SIGHUP restarts application mode (meant for coming back
  from Ctrl+Z), starting a second input thread that nothing stops.

This driver drops output once the terminal cannot take it, tells the app with
:class:`TerminalGone` (from a write that failed or from the terminal reporting a hang-up), and
resumes only after its own suspension. What the app does then is the app's business.

It also draws on stdout when stderr is not the terminal (``hirewiz 2>errors.log``): Textual
draws on stderr, which would have put the whole screen in the log and left the terminal blank.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from io import TextIOWrapper
from typing import IO, Any, cast

from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message


class TerminalGone(Message):
    """The terminal hung up: nothing more can be shown, nothing more will be typed."""


class _Output:
    """The output thread's file: after the first failed write, writes are dropped, not raised."""

    def __init__(self, file: IO[str], gone: threading.Event, report: Any) -> None:
        self._file = file
        self._gone = gone
        self._report = report

    def write(self, text: str) -> None:
        if not self._gone.is_set():
            try:
                self._file.write(text)
            except (OSError, ValueError):  # EIO/EPIPE, or the file was closed
                self._report()

    def flush(self) -> None:
        if not self._gone.is_set():
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._report()

    def fileno(self) -> int:
        return self._file.fileno()


def _screen_stream() -> TextIOWrapper | None:
    """stderr as in Textual, or stdout when only stdout is the terminal."""
    for stream in (sys.__stderr__, sys.__stdout__):
        try:
            if stream is not None and stream.isatty():
                return stream
        except (OSError, ValueError):
            continue
    return None


class TerminalDriver(LinuxDriver):
    """:class:`LinuxDriver` that reports a hang-up once and never blocks on a dead terminal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gone = threading.Event()
        self._reported = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._file = _screen_stream() or self._file
        if self._file is not None:
            # The writer thread only calls write, flush and fileno: a stand-in, hence the cast.
            self._file = cast("TextIOWrapper", _Output(self._file, self.gone, self.report_gone))

    def report_gone(self) -> None:
        """Note the terminal is gone and tell the app, once (any thread may call this)."""
        with self._reported:
            if self.gone.is_set():
                return
            self.gone.set()
        self._app.post_message(TerminalGone())

    def start_application_mode(self) -> None:
        super().start_application_mode()  # type: ignore[no-untyped-call]
        if self._watcher is None:
            self._watcher = threading.Thread(target=self._watch, name="hirewiz-hangup", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        """Wait for the terminal to report a hang-up, without reading from it.

        Polling for no events still reports POLLHUP and POLLERR, and only those: reading is
        the input thread's job. Where poll cannot watch a terminal (POLLNVAL, as on older
        macOS) this gives up, and failed writes and SIGHUP remain the signs.
        """
        poller = select.poll()
        poller.register(self.fileno, 0)
        events = poller.poll()  # blocks until the terminal hangs up (POLLHUP) or errs
        if not any(mask & select.POLLNVAL for _fd, mask in events):
            self.report_gone()

    def _sigcont_application(self, *args: Any) -> None:
        """Resume only after our own Ctrl+Z, and only onto a terminal that is still there."""
        if not self._must_signal_resume:
            return  # a SIGCONT from a hang-up or from `kill -CONT`: nothing was suspended
        if self.gone.is_set() or not os.isatty(self.fileno):
            self.report_gone()
            return
        super()._sigcont_application(*args)
