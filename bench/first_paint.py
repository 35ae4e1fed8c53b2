"""First paint: time from process start to the first frame, hirewiz vs a minimal Textual app.

Both apps run in fresh interpreters, alternating, in the same run, headless (the frame is
composed but not written to a terminal), so machine speed and Textual's own start-up cancel out
of the ratio. Each pair (one run of each, back to back, in alternating order) gives a ratio;
the figure is the median of those ratios. Target: hirewiz at most 1.15x the minimal app. The
same ratio of the children's CPU time (user + system) is printed as context: on a machine shared
with other work it moves far less than the wall time. Run it standalone:

    .venv/bin/python bench/first_paint.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TARGET = 1.15

CHILD = {
    "hirewiz": (
        "from screens.app import HirewizApp\n"
        "class Probe(HirewizApp):\n"
        "    def on_ready(self):\n"
        "        self.exit()\n"
        "Probe().run(headless=True, size=(100, 30))\n"
    ),
    "minimal": (
        "from textual.app import App\n"
        "from textual.widgets import Static\n"
        "class Probe(App):\n"
        "    def compose(self):\n"
        "        yield Static('hello')\n"
        "    def on_ready(self):\n"
        "        self.exit()\n"
        "Probe().run(headless=True, size=(100, 30))\n"
    ),
}


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure(kind: str, home: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run, in seconds."""
    env = dict(os.environ, HIREWIZ_HOME=home)
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", CHILD[kind]], check=True, env=env, timeout=60)
    return time.perf_counter() - start, _children_cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        for kind in CHILD:  # warm the OS file cache and .pyc files
            measure(kind, home)
        times: dict[str, list[float]] = {kind: [] for kind in CHILD}
        ratios, cpu_ratios = [], []
        for run in range(args.runs):
            order = list(CHILD) if run % 2 == 0 else list(reversed(CHILD))
            pair = {kind: measure(kind, home) for kind in order}
            for kind, (took, _) in pair.items():
                times[kind].append(took)
            ratios.append(pair["hirewiz"][0] / pair["minimal"][0])
            cpu_ratios.append(pair["hirewiz"][1] / pair["minimal"][1])
    hw = statistics.median(times["hirewiz"])
    base = statistics.median(times["minimal"])
    ratio = statistics.median(ratios)
    print(
        f"first paint, median of {args.runs}: hirewiz {hw * 1000:.0f} ms, "
        f"minimal Textual app {base * 1000:.0f} ms"
    )
    spread = f"pairs {min(ratios):.2f}x-{max(ratios):.2f}x"
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"median of paired ratios {ratio:.2f}x ({spread}; target <= {TARGET:.2f}x) {verdict}")
    cpu_spread = f"pairs {min(cpu_ratios):.2f}x-{max(cpu_ratios):.2f}x"
    print(
        f"CPU time, median of paired ratios {statistics.median(cpu_ratios):.2f}x"
        f" ({cpu_spread}; context)"
    )
    print(
        f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
