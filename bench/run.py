"""`make bench`: run every benchmark module in bench/ that has a ``main()``.

Each engineer adds a module (startup.py, first_paint.py, ...) and it is picked up here without
editing this file. A module's ``main()`` prints its own report and returns 0 when its targets
are met (benchmarks report misses and return 0 unless asked to be strict); this runner exits 1
if any benchmark returned non-zero or crashed.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    if str(HERE.parent) not in sys.path:
        sys.path.insert(0, str(HERE.parent))
    failed: list[str] = []
    for path in sorted(HERE.glob("*.py")):
        if path.name == Path(__file__).name or path.name.startswith("_"):
            continue
        try:
            module = _load(path)
        except Exception:
            traceback.print_exc()
            failed.append(path.name)
            continue
        entry = getattr(module, "main", None)
        if not callable(entry):
            continue
        print(f"== {path.name}", flush=True)
        try:
            code = entry([]) if _takes_argv(entry) else entry()
        except Exception:
            traceback.print_exc()
            code = 1
        if code:
            failed.append(path.name)
        print(flush=True)
    if failed:
        print(f"Missed target or failed: {', '.join(failed)}")
        return 1
    print("All benchmarks ran; see each report for its targets.")
    return 0


def _takes_argv(func: object) -> bool:
    """Benchmarks may take argv (to ignore make's) or nothing."""
    import inspect

    try:
        return bool(inspect.signature(func).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main())
