"""The headless CLI: exit codes, one-line errors, the JSON Schema and the cheap flags."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers.cli import run_cli
from tests.helpers.paths import ANSWERS_DIR, READY, ROOT
from wizard import __version__


def _subprocess(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "HIREWIZ_HOME": str(home)},
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize("flag", ["--version", "--help", "-h"])
def test_version_and_help_exit_0(flag: str, tmp_path: Path) -> None:
    result = _subprocess(flag, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if flag == "--version":
        assert result.stdout.strip() == f"hirewiz {__version__}"
    else:
        for command in ("plan", "show", "check", "schema"):
            assert command in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["plan"],
        ["plan", "--answers"],
        ["check"],
        ["check", "a.toml", "--bogus"],
        ["--nope"],
    ],
)
def test_usage_errors_are_one_line_exit_2(argv: list[str]) -> None:
    code, out, err = run_cli(*argv)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hirewiz: ") and "--help" in lines[0]


def test_tui_without_a_terminal_is_one_line() -> None:
    code, _, err = run_cli("new")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "terminal" in err


def test_plan_prints_to_stdout_without_output() -> None:
    code, out, err = run_cli("plan", "--answers", READY)
    assert code == 0, err
    # Printed, the plan has no folder and so no schema beside it: the first line says how.
    assert out.startswith("# Editors can check this file") and "#:schema" not in out
    assert tomllib.loads(out)["role"]["track"] == "ml_engineer"


def test_plan_output_replaces_an_existing_file(work: Path) -> None:
    out = work / "plan.toml"
    out.write_text("old", encoding="utf-8")
    code, stdout, err = run_cli("plan", "--answers", READY, "-o", out)
    assert code == 0 and stdout == ""
    assert "Wrote" in err
    assert tomllib.loads(out.read_text(encoding="utf-8"))["schema_version"] == 2


def test_check_reports_a_stale_plan(work: Path) -> None:
    """Derived tables edited by hand (or by an older rule set) are recomputed and flagged."""
    plan = work / "plan.toml"
    assert run_cli("plan", "--answers", READY, "-o", plan)[0] == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('verdict = "ready"', 'verdict = "not_yet"'), encoding="utf-8")
    code, out, _ = run_cli("check", plan)
    assert code == 0
    assert "verdict ready" in out and "out of date" in out


def test_show_prints_a_summary() -> None:
    code, out, err = run_cli("show", ANSWERS_DIR / "seed_no_data.toml")
    assert code == 0, err
    assert "Sproutly" in out and "Not yet" in out and "ML advisor" in out


def test_show_does_not_interpret_markup_from_the_file(work: Path) -> None:
    path = work / "a.toml"
    text = READY.read_text(encoding="utf-8").replace('"Paylane"', '"[bold red]Paylane[/]"')
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("show", path)
    assert code == 0
    assert "[bold red]Paylane[/]" in out


# --- JSON Schema ----------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """TOML values as JSON would carry them: datetimes become RFC 3339 strings."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


@pytest.fixture
def schema() -> dict[str, Any]:
    code, out, err = run_cli("schema")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def test_schema_is_a_valid_json_schema(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("name", sorted(p.stem for p in ANSWERS_DIR.glob("*.toml")))
def test_schema_validates_generated_plans(name: str, schema: dict[str, Any]) -> None:
    code, out, _ = run_cli("plan", "--answers", ANSWERS_DIR / f"{name}.toml")
    assert code == 0
    doc = _jsonable(tomllib.loads(out))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("answers", "context", "hiring_region"), "mars"),
        (("answers", "context", "ml_staff"), -1),
        (("answers", "context", "surprise"), 1),
        (("readiness", "verdict"), "maybe"),
        (("surprise",), 1),
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    path: tuple[str, ...], value: Any, schema: dict[str, Any]
) -> None:
    doc = _jsonable(tomllib.loads(run_cli("plan", "--answers", READY)[1]))
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_schema_to_file(work: Path) -> None:
    out = work / "schema.json"
    assert run_cli("schema", "-o", out)[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "hirewiz plan file"
