"""Plans that real editors can validate: the ``#:schema`` line always names a schema file that
exists beside the plan, checked with the real `taplo` and `tombi` linters."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest

from checklists.loader import Checklist
from tests.helpers.answers import jsonable
from tests.helpers.cli import run_cli
from tests.helpers.paths import READY, ROOT
from wizard.models import SCHEMA_VERSION
from wizard.paths import plans_dir
from wizard.planfile import load_plan, save_plan
from wizard.schemafiles import schema_name, shipped_schema, shipped_versions

BIN = Path(sys.executable).parent
CURRENT = schema_name()
SCHEMA_LINE = f"#:schema ./{CURRENT}"


def _lint(tool: str, path: Path) -> tuple[int, str]:
    """Run a real TOML linter on one file; (exit code, everything it printed)."""
    argv = {
        # --no-auto-config: no taplo.toml from a parent folder may change what is checked.
        "taplo": [str(BIN / "taplo"), "check", "--no-auto-config", "--colors", "never"],
        # --offline: tests never touch the network; a schema that needs it would fail to load.
        "tombi": [str(BIN / "tombi"), "lint", "--offline", "--error-on-warnings"],
    }[tool]
    result = subprocess.run(
        [*argv, str(path)],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(path.parent), "NO_COLOR": "1"},
    )
    return result.returncode, result.stdout + result.stderr


def _library_plan(checklist: Checklist) -> Path:
    folder = plans_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fraud.toml"
    save_plan(path, load_plan(READY, checklist))
    return path


def test_library_holds_every_schema_and_plans_point_at_it(checklist: Checklist) -> None:
    path = _library_plan(checklist)
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE
    for version in shipped_versions():
        held = path.parent / schema_name(version)
        assert held.read_text(encoding="utf-8") == shipped_schema(version)
    assert shipped_versions() == list(range(1, SCHEMA_VERSION + 1))


def test_a_stale_library_schema_is_replaced(checklist: Checklist) -> None:
    folder = plans_dir()
    folder.mkdir(parents=True)
    (folder / CURRENT).write_text("{}", encoding="utf-8")
    _library_plan(checklist)
    assert (folder / CURRENT).read_text(encoding="utf-8") == shipped_schema()


def test_elsewhere_the_line_says_how_until_the_schema_is_beside_it(
    work: Path, checklist: Checklist
) -> None:
    path = work / "plan.toml"
    plan = load_plan(READY, checklist)
    save_plan(path, plan)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert not first.startswith("#:schema") and f"hirewiz schema -o {CURRENT}" in first
    code, _, err = run_cli("schema", "-o", work)  # a folder: the file gets the name plans use
    assert code == 0, err
    assert (work / CURRENT).is_file()
    save_plan(path, plan)
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE
    code, _, err = run_cli("plan", "--answers", READY, "-o", work / "second.toml")
    assert code == 0, err
    assert (work / "second.toml").read_text(encoding="utf-8").startswith(SCHEMA_LINE + "\n")


def test_no_plan_names_a_schema_by_address(work: Path, checklist: Checklist) -> None:
    path = _library_plan(checklist)
    for plan in (path, ROOT / "docs" / "sample-plan.toml"):
        assert "://" not in plan.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("tool", ["taplo", "tombi"])
def test_real_linters_accept_a_saved_plan_and_reject_a_wrong_value(
    tool: str, checklist: Checklist
) -> None:
    path = _library_plan(checklist)
    code, output = _lint(tool, path)
    assert code == 0, output
    assert "schema" not in output.lower().replace("#:schema", ""), output  # no load failure
    bad = path.with_name("bad.toml")
    text = path.read_text(encoding="utf-8")
    assert 'serving = "online_api"' in text
    bad.write_text(text.replace('serving = "online_api"', 'serving = "carrier_pigeon"'), "utf-8")
    code, output = _lint(tool, bad)
    assert code != 0 and "carrier_pigeon" in output, output


@pytest.mark.parametrize("tool", ["taplo", "tombi"])
def test_real_linters_report_a_schema_that_cannot_load(tool: str, work: Path) -> None:
    """The failure this file exists to prevent, shown by the same tools: a #:schema line that
    points at nothing is an error (so the passing test above means the schema did load)."""
    plan = (ROOT / "docs" / "sample-plan.toml").read_text(encoding="utf-8").splitlines()
    path = work / "plan.toml"
    path.write_text("\n".join(["#:schema ./missing.schema.json", *plan[1:]]) + "\n", "utf-8")
    code, output = _lint(tool, path)
    assert code != 0, output
    if tool == "tombi":  # taplo's log lines do not always reach its output before it exits
        assert "missing.schema.json" in output, output


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_each_shipped_schema_validates_its_frozen_plans(version: int) -> None:
    schema = json.loads(shipped_schema(version))
    jsonschema.Draft202012Validator.check_schema(schema)
    frozen = sorted((ROOT / "tests" / "fixtures" / "plans" / f"v{version}").glob("*.toml"))
    assert frozen
    for path in frozen:
        doc = jsonable(tomllib.loads(path.read_text(encoding="utf-8")))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
        assert errors == [], (path.name, errors[0].message if errors else "")


def test_older_schema_versions_print_as_shipped() -> None:
    code, out, err = run_cli("schema", "--version", "1")
    assert code == 0, err
    assert out == shipped_schema(1)
    code, _, err = run_cli("schema", "--version", "99")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "99" in err
