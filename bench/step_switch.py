"""Step switching in the wizard, and what a 1,000-question checklist costs.

In-process and headless. Each switch is timed from the call until Textual paints the next frame
(the app's ``_display`` hook), which is the latency a founder feels after pressing a key.

- step switch (shipped checklist) vs one 60 Hz frame (16.7 ms), with a minimal Textual app
  switching between plain panes measured in the same run as the baseline;
- a checklist with 1,000 questions (about 125 per step, shown a page at a time) vs two frames
  (33.3 ms) for a switch, and vs the shipped one: time to open the wizard and to switch steps
  (first visit mounts a step; later visits reuse it).

CPU time to the first frame is printed beside the wall times as context: on a machine shared
with other work, most of the wall time can be waiting for a CPU.

    .venv/bin/python bench/step_switch.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
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


def big_checklist(folder: Path, total: int = 1000) -> Path:
    """A copy of the shipped checklist with ``total`` extra questions spread over the steps."""
    import tomllib

    import tomli_w

    src = ROOT / "checklists"
    names = ("questions.toml", "roles.toml", "interview.toml", "onboarding.toml", "rates.toml")
    for name in (*names, "exchange_rates.toml"):
        shutil.copy(src / name, folder / name)
    doc = tomllib.loads((src / "questions.toml").read_text(encoding="utf-8"))
    kinds = ["bool", "text", "choice", "int"]
    for n in range(total):
        step = doc["steps"][n % len(doc["steps"])]
        kind = kinds[n % len(kinds)]
        q: dict[str, Any] = {
            "id": f"extra_{n}",
            "prompt": f"Extra question {n}",
            "help": "Generated for the benchmark.",
            "kind": kind,
            "required": False,
            "mistakes": [],
        }
        if kind == "choice":
            q["choices"] = [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]
        step["questions"].append(q)
    (folder / "questions.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")
    return folder


async def wizard_timings(checklist_dir: Path | None, rounds: int) -> dict[str, float]:
    from checklists.loader import load_checklist
    from screens.app import HirewizApp, start_for_new
    from screens.wizard_screen import WizardScreen

    checklist = load_checklist(checklist_dir)
    start = time.perf_counter()
    app = HirewizApp(start_for_new(checklist), checklist)
    clock = FrameClock(app)
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.screen, WizardScreen):
            await asyncio.sleep(0.001)
        screen = app.screen
        shown = time.perf_counter()
        opened = (shown - start) + await clock.until_painted(shown) / 1000
        await pilot.pause()
        first_visits = []
        for index in range(1, len(screen.order)):
            await pilot.pause(0.1)
            t = time.perf_counter()
            await screen.go(index)
            first_visits.append(await clock.until_painted(t))
        switches, cpu = [], []
        steps = len(screen.order) - 1
        for r in range(rounds):
            for index in (0, 3, 1, 5, 2):
                target = (index + r) % steps
                if target == screen.index:
                    target = (target + 1) % steps  # switching to the shown step paints nothing
                await pilot.pause(0.1)
                t, c = time.perf_counter(), time.process_time()
                await screen.go(target)
                switches.append(await clock.until_painted(t))
                cpu.append(clock.cpu_since(c))
    return {
        "open_ms": opened * 1000,
        "first_visit_ms": statistics.median(first_visits),
        "switch_ms": statistics.median(switches),
        "switch_cpu_ms": statistics.median(cpu),
    }


async def minimal_switch(rounds: int) -> tuple[float, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import ContentSwitcher, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            with ContentSwitcher(initial="p0"):
                for i in range(9):
                    yield Static(f"pane {i}\n" * 20, id=f"p{i}")

    app = Minimal()
    clock = FrameClock(app)
    times, cpu = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        switcher = app.query_one(ContentSwitcher)
        await pilot.pause()
        for r in range(rounds):
            for i in (0, 3, 1, 5, 2):
                target = f"p{(i + r) % 9}"
                if target == switcher.current:
                    target = f"p{(i + r + 1) % 9}"
                await pilot.pause(0.1)
                t, c = time.perf_counter(), time.process_time()
                switcher.current = target
                times.append(await clock.until_painted(t))
                cpu.append(clock.cpu_since(c))
    return statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HIREWIZ_HOME"] = str(Path(tmp) / "home")
        big = big_checklist(Path(tmp))
        base_ms, base_cpu = asyncio.run(minimal_switch(args.rounds))
        shipped = asyncio.run(wizard_timings(None, args.rounds))
        large = asyncio.run(wizard_timings(big, args.rounds))
    switch = shipped["switch_ms"]
    print("Step switching (bench/step_switch.py)")
    print(f"minimal app, pane switch            {base_ms:8.1f} ms")
    print(f"hirewiz step switch (shipped)       {switch:8.1f} ms")
    print(f"hirewiz first visit of a step       {shipped['first_visit_ms']:8.1f} ms")
    print(f"hirewiz open wizard (shipped)       {shipped['open_ms']:8.1f} ms")
    print(f"1,000-question checklist: open      {large['open_ms']:8.1f} ms")
    print(f"1,000-question checklist: 1st visit {large['first_visit_ms']:8.1f} ms")
    print(f"1,000-question checklist: switch    {large['switch_ms']:8.1f} ms")
    print("CPU time to the first frame (context: wall time minus waiting for a CPU)")
    print(f"  minimal app, pane switch          {base_cpu:8.1f} ms")
    print(f"  hirewiz step switch (shipped)     {shipped['switch_cpu_ms']:8.1f} ms")
    print(f"  1,000-question checklist: switch  {large['switch_cpu_ms']:8.1f} ms")
    print()
    verdict = "ok" if switch <= FRAME_MS else "OVER"
    print(
        f"step switch / 60 Hz frame            {switch / FRAME_MS:5.2f}x"
        f"  (target <= 1.0x) {verdict}"
    )
    print(f"step switch / minimal pane switch    {switch / base_ms:5.2f}x  (context)")
    big = large["switch_ms"] / FRAME_MS
    print(
        f"1,000 questions: switch / 60 Hz frame {big:5.2f}x"
        f"  (target <= 2.0x) {'ok' if big <= 2.0 else 'OVER'}"
    )
    for key, label in (
        ("open_ms", "open"),
        ("first_visit_ms", "first visit"),
        ("switch_ms", "switch"),
    ):
        print(f"1,000 questions / shipped, {label:<11} {large[key] / shipped[key]:6.2f}x")
    print(
        f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
