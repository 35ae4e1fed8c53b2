"""Typing in a field until the draft, the chrome and the Review are current.

In-process and headless. A key is sent through the app's driver, as a terminal would send it;
the time runs until the wizard's draft holds the new text *and* the next frame is painted (the
field, the header's "unsaved" mark and the step list drawn from it). The Review is derived from
that same draft when it is shown, so its part is timed separately: re-deriving a mounted Review
for the new answers (``ReviewPane.refresh_from``), with everything it draws. A minimal Textual
app with one ``Input`` gives the baseline: a key press to its next frame, in the same run.

    .venv/bin/python bench/typing_latency.py [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from _frames import FRAME_MS, FrameClock  # noqa: E402  (bench/ is put on the path just above)

KEY = "goals.success_metric"  # a one-line text field, like most
TITLE_KEY = "context.company"  # also names the plan in the header, so the header changes too
GAP = 0.05  # seconds between keys: a quick typist, and the draft's autosave never fires


def _send(app: Any, char: str) -> None:
    from textual import events

    event = events.Key(char, char)
    event.set_sender(app)
    app._driver.send_message(event)


async def wizard_typing(keys: int, key: str = KEY) -> dict[str, float]:
    from checklists.loader import load_checklist
    from screens.app import HirewizApp, start_for_new
    from screens.fields import widget_id
    from screens.review import ReviewPane
    from screens.wizard_screen import REVIEW, WizardScreen
    from wizard.answers import get_value

    checklist = load_checklist(None)
    app = HirewizApp(start_for_new(checklist), checklist)
    app.cursor_blink = False  # a blink is a frame of its own
    clock = FrameClock(app)
    typed, derived = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.screen, WizardScreen):
            await asyncio.sleep(0.001)
        screen = app.screen
        await screen.go(screen.order.index(REVIEW))  # mount the Review once, as a founder would
        await screen.jump_to(key)
        await pilot.pause()
        while getattr(app.focused, "id", "") != widget_id(key):
            await asyncio.sleep(0.005)
        review = screen.review
        assert isinstance(review, ReviewPane)
        text = ""
        for n in range(keys + 3):  # the first three warm the path up
            char = "abcdefghij"[n % 10]
            text += char
            await asyncio.sleep(GAP)
            start = time.perf_counter()
            _send(app, char)
            while get_value(screen.session.answers, key) != text:
                if time.perf_counter() - start > 10:
                    raise TimeoutError("the key never reached the draft")
                await asyncio.sleep(0.0002)
            painted = await clock.until_settled(screen, start)
            t = time.perf_counter()
            review.refresh_from(screen.session.answers)
            derive_ms = (time.perf_counter() - t) * 1000
            if n >= 3:
                typed.append(painted)
                derived.append(derive_ms)
    return {
        "typed_ms": statistics.median(typed),
        "review_ms": statistics.median(derived),
    }


async def minimal_typing(keys: int) -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="box")

        def on_mount(self) -> None:
            self.query_one(Input).cursor_blink = False

    app = Minimal()
    clock = FrameClock(app)
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        box = app.query_one(Input)
        box.focus()
        await pilot.pause()
        for n in range(keys + 3):
            char = "abcdefghij"[n % 10]
            await asyncio.sleep(GAP)
            start = time.perf_counter()
            _send(app, char)
            while len(box.value) != n + 1:
                await asyncio.sleep(0.0002)
            painted = await clock.until_settled(app.screen, start)
            if n >= 3:
                times.append(painted)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HIREWIZ_HOME"] = str(Path(tmp) / "home")
        base = asyncio.run(minimal_typing(args.keys))
        wizard = asyncio.run(wizard_typing(args.keys))
        titled = asyncio.run(wizard_typing(args.keys, TITLE_KEY))
    total = wizard["typed_ms"] + wizard["review_ms"]
    print(f"Typing to the Review being current (bench/typing_latency.py, median of {args.keys})")
    print(f"minimal app: key to painted frame       {base:7.1f} ms")
    print(f"hirewiz: key to draft + painted frame   {wizard['typed_ms']:7.1f} ms")
    print(f"hirewiz: Review re-derived for it       {wizard['review_ms']:7.1f} ms")
    print(f"hirewiz: the same in the company field  {titled['typed_ms']:7.1f} ms  (header too)")
    print()
    verdict = "ok" if total <= FRAME_MS else "OVER"
    ratio = total / FRAME_MS
    print(f"key to Review current / 60 Hz frame      {ratio:5.2f}x  (target <= 1.0x) {verdict}")
    print(f"key to painted / minimal app             {wizard['typed_ms'] / base:5.2f}x  (context)")
    print(
        f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
