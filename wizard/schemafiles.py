"""The JSON Schema files of the plan file, and the ``#:schema`` line that points editors at them.

A ``#:schema`` line that cannot load is worse than none: TOML editors and linters (Even Better
TOML, taplo, tombi) report a schema error on every plan. So a plan names a schema only by a
relative path that exists beside it; the library folder always holds every version's schema,
and ``hirewiz schema -o`` puts one beside a plan anywhere else (docs/plan-file.md, "Editors").
Each released version's schema ships frozen in ``wizard/schemas``, so an old plan kept in the
library still validates against the version it was written in.
"""

from __future__ import annotations

import re
from pathlib import Path

from wizard.models import SCHEMA_VERSION

SHIPPED = Path(__file__).resolve().parent / "schemas"
_NAME = re.compile(r"plan-v(\d+)\.schema\.json")


def schema_name(version: int = SCHEMA_VERSION) -> str:
    return f"plan-v{version}.schema.json"


def shipped_versions() -> list[int]:
    """Every plan-file version whose schema ships with hirewiz, oldest first."""
    found = (_NAME.fullmatch(p.name) for p in SHIPPED.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def shipped_schema(version: int = SCHEMA_VERSION) -> str:
    """The text of a shipped schema; KeyError for a version hirewiz does not know."""
    path = SHIPPED / schema_name(version)
    if not path.is_file():
        raise KeyError(version)
    return path.read_text(encoding="utf-8")


def has_schema_beside(plan_path: Path | None) -> bool:
    """Whether the current version's schema file sits in the plan's folder."""
    if plan_path is None or str(plan_path) == "-":
        return False
    return (plan_path.parent / schema_name()).is_file()


def header_line(plan_path: Path | None) -> str:
    """The first line of a plan written to ``plan_path`` (None: printed, no folder)."""
    name = schema_name()
    if has_schema_beside(plan_path):
        return f"#:schema ./{name}"
    return (
        f"# Editors can check this file once {name} sits beside it: run "
        f"`hirewiz schema -o {name}` in this folder and save the plan again."
    )


def install(folder: Path) -> None:
    """Write every shipped schema into ``folder`` (the library) where missing or out of date.

    Written atomically like the plans beside them; a failure is not fatal to the save that
    asked for it: the plan then says how to validate instead of pointing nowhere.
    """
    from wizard.planfile import PlanFileError, atomic_write

    for version in shipped_versions():
        target = folder / schema_name(version)
        text = shipped_schema(version)
        try:
            if target.is_file() and target.read_text(encoding="utf-8") == text:
                continue
            atomic_write(target, text)
        except (OSError, UnicodeDecodeError, PlanFileError):
            continue
