"""What gets imported: the core never pulls in textual, and the cheap flags pull in neither
textual nor pydantic. Checked in fresh interpreters, since this process has imported both."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import wizard
from tests.helpers.paths import ROOT


def _modules_after(code: str, home: Path) -> set[str]:
    """Run ``code`` in a fresh interpreter and return the top-level modules it loaded."""
    script = (
        "import sys, json\n"
        f"{code}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.__stderr__)"
    )
    return set(json.loads(_stderr_lines(script, home)[-1]))


def _stderr_lines(script: str, home: Path) -> list[str]:
    """Run ``script`` in a fresh interpreter; the lines it wrote to stderr."""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HIREWIZ_HOME": str(home)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip().splitlines()


WIZARD_MODULES = sorted(
    f"wizard.{m.name}" for m in pkgutil.iter_modules(wizard.__path__) if m.name != "__main__"
)


def test_module_list_is_complete() -> None:
    assert {"wizard.cli", "wizard.rules", "wizard.planfile", "wizard.models"} <= set(WIZARD_MODULES)


def test_importing_every_wizard_module_loads_no_textual(tmp_path: Path) -> None:
    imports = "\n".join(f"import {m}" for m in ["wizard", "checklists.loader", *WIZARD_MODULES])
    loaded = _modules_after(imports, tmp_path)
    assert "pydantic" in loaded  # the imports really happened
    assert "textual" not in loaded


@pytest.mark.parametrize("command", ["plan", "check", "show", "schema"])
def test_headless_commands_load_no_textual(command: str, tmp_path: Path) -> None:
    answers = ROOT / "tests" / "fixtures" / "answers" / "fraud_model.toml"
    argv = {"plan": ["plan", "--answers"], "check": ["check"], "show": ["show"]}.get(
        command, [command]
    )
    args = [*argv, str(answers)] if command != "schema" else argv
    code = (
        "import contextlib, io\n"
        "from wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({args!r}) == 0\n"
    )
    assert "textual" not in _modules_after(code, tmp_path)


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_cheap_flags_load_neither_textual_nor_pydantic(flag: str, tmp_path: Path) -> None:
    code = (
        "import contextlib, io\n"
        "from wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main([{flag!r}])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code in (0, None)\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert not loaded & {"textual", "pydantic", "pydantic_core", "rich", "tomli_w", "tomllib"}


def test_python_m_wizard_version_loads_no_pydantic(tmp_path: Path) -> None:
    """The real entry point, observed with -X importtime."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "wizard", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HIREWIZ_HOME": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 0
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "wizard" in imported
    assert not imported & {"textual", "pydantic", "rich"}


def test_headless_plan_builds_only_the_answers_validator(tmp_path: Path) -> None:
    """A headless run validates what the user supplied (the answers) and nothing else: no
    pydantic validator is built for the shipped checklist (the tests validate it), and the
    static answer sections, a type-checking aid, are not even imported (bench/README.md)."""
    answers = ROOT / "tests" / "fixtures" / "answers" / "fraud_model.toml"
    script = (
        "import contextlib, io, json, sys\n"
        "import pydantic\n"
        "from wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['plan', '--answers', {str(answers)!r}]) == 0\n"
        "built = sorted(\n"
        "    f'{c.__module__}.{c.__qualname__}'\n"
        "    for m in list(sys.modules.values()) if getattr(m, '__name__', '').startswith(\n"
        "        ('wizard', 'checklists'))\n"
        "    for c in vars(m).values()\n"
        "    if isinstance(c, type) and issubclass(c, pydantic.BaseModel)\n"
        "    and c.__module__ == m.__name__ and c.__pydantic_complete__\n"
        ")\n"
        "print(json.dumps(built), file=sys.__stderr__)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('wizard'))),\n"
        "      file=sys.__stderr__)\n"
    )
    built_line, modules_line = _stderr_lines(script, tmp_path)[-2:]
    assert json.loads(built_line) == []  # the answers models are built by create_model
    assert "wizard.answer_types" not in json.loads(modules_line)


def test_headless_plan_skips_what_it_does_not_use(tmp_path: Path) -> None:
    """`hirewiz plan` loads no UI library and no JSON Schema tooling (bench/README.md)."""
    answers = ROOT / "docs" / "sample-input.toml"
    code = (
        "import contextlib, io\n"
        "from wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['plan', '--answers', {str(answers)!r}]) == 0\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "pydantic" in loaded  # the answers were validated
    assert not loaded & {"textual", "rich", "platformdirs", "jsonschema"}


def test_the_welcome_screen_module_loads_no_json_hashing_or_toml(tmp_path: Path) -> None:
    """The first paint imports only what it draws: the lock token, the recent list and the
    step titles bring in ``json``, ``hashlib``, ``secrets`` and ``tomllib`` when they are used."""
    script = (
        "import sys\n"
        "import screens.app\n"
        "loaded = sorted(sys.modules)\n"
        "import json\n"
        "print(json.dumps(loaded), file=sys.__stderr__)"
    )
    loaded = set(json.loads(_stderr_lines(script, tmp_path)[-1]))
    assert "textual" in loaded  # the import really happened
    assert not {"json", "hashlib", "secrets", "hmac", "tomllib"} & loaded
