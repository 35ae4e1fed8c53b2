"""Timing to the next painted frame, shared by the in-process TUI benchmarks.

A key press or a step switch is felt when Textual paints the frame after it, so the benchmarks
time from the action to the next call of the app's ``_display`` (the one place every frame goes
through, headless or not). ``_display`` is private Textual API; it is used here only, never by
hirewiz itself, and a Textual release that renames it fails the benchmark loudly, not silently.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

FRAME_MS = 1000 / 60  # one frame at 60 Hz: the unit every in-process target is given in


class FrameClock:
    """Records when the app paints a frame, so a switch can be timed to the next paint."""

    def __init__(self, app: Any) -> None:
        self.frames: list[float] = []
        self.cpu: list[float] = []  # this process's CPU time at each frame (time.process_time)
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            self.frames.append(time.perf_counter())
            self.cpu.append(time.process_time())
            original(screen, renderable)

        app._display = display

    async def until_painted(self, since: float, limit: float = 30.0) -> float:
        while not self.frames or self.frames[-1] < since:
            if time.perf_counter() - since > limit:
                raise TimeoutError("no frame was painted after the switch")
            await asyncio.sleep(0.0005)
        return (self.frames[-1] - since) * 1000

    def cpu_since(self, since: float) -> float:
        """Milliseconds of CPU this process spent from ``since`` (a ``time.process_time()``)
        to the last frame: on a machine shared with other work, the wall time also holds the
        time the process waited for a CPU, which this does not."""
        return (self.cpu[-1] - since) * 1000

    async def until_settled(self, screen: Any, since: float) -> float:
        """Milliseconds from ``since`` to the frame that shows everything done by then.

        ``call_after_refresh`` runs once the screen has nothing left to lay out or paint, so the
        last frame before it is the one with every change; when a change needed no new frame
        (nothing on screen moved), the time is when the screen was found clean."""
        clean = asyncio.Event()
        screen.call_after_refresh(clean.set)
        await asyncio.wait_for(clean.wait(), timeout=30)
        now = time.perf_counter()
        painted = [f for f in self.frames if since <= f <= now]
        return ((painted[-1] if painted else now) - since) * 1000
