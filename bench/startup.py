"""Startup benchmark: how long `hirewiz --version` and `hirewiz plan` take, as ratios.

Absolute times depend on the machine, so each command is compared with baselines measured in
the same run: a bare interpreter (`python -c pass`) and one that imports pydantic. Repetitions
are interleaved (every round runs each command once, in turn) so a slow patch of the machine
hits every command alike, and the median of the rounds is reported.

Targets: `--version` at most 2x a bare interpreter; the headless `plan` at most 2.5x
`import pydantic` (one pydantic model with one field, built and used, is already about 2.2x).
The report marks a missed target OVER; `--strict` turns that into exit status 1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "sample-input.toml"
VERSION_TARGET = 2.0
PLAN_TARGET = 2.5
ONE_MODEL = "from pydantic import BaseModel\nclass One(BaseModel):\n    x: int\nOne(x=1)"


def commands(python: str) -> dict[str, list[str]]:
    return {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import pydantic'": [python, "-c", "import pydantic"],
        "python -c 'from pydantic import BaseModel'": [
            python,
            "-c",
            "from pydantic import BaseModel",
        ],
        "python -c 'one 1-field model'": [python, "-c", ONE_MODEL],
        "hirewiz --version": [python, "-m", "wizard", "--version"],
        "hirewiz plan": [python, "-m", "wizard", "plan", "--answers", str(ANSWERS), "-o", "-"],
    }


def _once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(rounds: int, python: str = sys.executable) -> dict[str, float]:
    """Median wall time in seconds of each command over interleaved rounds (after a warm-up)."""
    cmds = commands(python)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HIREWIZ_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("PYDANTIC_DISABLE_PLUGINS", None)  # baselines as any program would run them
        for argv in cmds.values():  # warm the OS cache and write .pyc files
            _once(argv, env)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(rounds):
            for name, argv in cmds.items():
                times[name].append(_once(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def report(medians: dict[str, float]) -> tuple[str, bool]:
    bare = medians["python -c pass"]
    pyd = medians["python -c 'import pydantic'"]
    model = medians["python -c 'from pydantic import BaseModel'"]
    version = medians["hirewiz --version"] / bare
    plan = medians["hirewiz plan"] / pyd
    one = medians["python -c 'one 1-field model'"] / pyd
    lines = [f"{name:<44} {secs * 1000:8.1f} ms" for name, secs in medians.items()]
    ok_version, ok_plan = version <= VERSION_TARGET, plan <= PLAN_TARGET
    lines += [
        "",
        f"hirewiz --version / python -c pass        {version:5.2f}x  "
        f"(target <= {VERSION_TARGET}x) {'ok' if ok_version else 'OVER'}",
        f"headless: hirewiz plan / python -c 'import pydantic' {plan:5.2f}x  "
        f"(target <= {PLAN_TARGET}x) {'ok' if ok_plan else 'OVER'}",
        # `import pydantic` is lazy: BaseModel alone costs about 1.5x of it, so this ratio shows
        # what our own code (checklist, models, rules, TOML) adds on top of pydantic's real cost.
        f"hirewiz plan / ... 'from pydantic import BaseModel' "
        f"{medians['hirewiz plan'] / model:5.2f}x  (context)",
        f"one 1-field model / python -c 'import pydantic' {one:5.2f}x  (context: the floor of "
        "any run that builds a model)",
        f"(median of interleaved rounds; {os.cpu_count()} CPUs, Python {sys.version.split()[0]})",
    ]
    return "\n".join(lines), ok_version and ok_plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (default 15)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    text, ok = report(measure(args.rounds))
    print("Startup (bench/startup.py)")
    print(text)
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
