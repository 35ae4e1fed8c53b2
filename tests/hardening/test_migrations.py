"""Every released plan-file version still opens, migrates and saves as the current version."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.hardening.conftest import ROOT, run_cli
from wizard import planfile
from wizard.answers import as_dict, get_checklist
from wizard.models import SCHEMA_VERSION
from wizard.planfile import load_answers

FROZEN = sorted((ROOT / "tests" / "fixtures" / "plans").glob("v*/*.toml"))


def test_every_version_up_to_current_is_frozen() -> None:
    versions = {int(p.parent.name[1:]) for p in FROZEN}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("path", FROZEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_frozen_plan_loads_and_saves_as_current(path: Path, tmp_path: Path) -> None:
    original = tomllib.loads(path.read_text(encoding="utf-8"))
    out = tmp_path / "migrated.toml"
    code, _, err = run_cli("plan", "--answers", str(path), "-o", str(out))
    assert code == 0, err
    migrated = tomllib.loads(out.read_text(encoding="utf-8"))
    assert migrated["schema_version"] == SCHEMA_VERSION
    assert migrated["meta"]["created"] == original["meta"]["created"]
    # No answer is lost: every answered question is still answered, with the same value
    # unless a migration says otherwise (none has, so far).
    assert migrated["answers"] == original["answers"]
    code, _, err = run_cli("check", str(out))
    assert code == 0, err


def test_migration_chain_is_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the current format is version 2, whose only change from 1 is that the data step
    was renamed: the loader must walk the chain and hand back version-2 answers."""
    old = FROZEN[0].read_text(encoding="utf-8").replace("[answers.data]", "[answers.dataset]")
    path = tmp_path / "old.toml"
    path.write_text(old, encoding="utf-8")
    calls: list[int] = []

    def one_to_two(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(doc["schema_version"])
        doc["answers"]["data"] = doc["answers"].pop("dataset")
        return doc

    checklist = get_checklist()
    expected = load_answers(FROZEN[0], checklist).answers
    monkeypatch.setattr(planfile, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(planfile, "MIGRATIONS", {1: one_to_two})
    loaded = load_answers(path, checklist)
    assert calls == [1]
    assert as_dict(loaded.answers) == as_dict(expected)


def test_missing_migration_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planfile, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(planfile, "MIGRATIONS", {})
    code, _, err = run_cli("check", str(FROZEN[0]))
    assert code == 2 and "no migration from version 1" in err


def test_newer_version_is_refused_with_upgrade_hint(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_text(
        FROZEN[0]
        .read_text(encoding="utf-8")
        .replace("schema_version = 1", f"schema_version = {SCHEMA_VERSION + 1}"),
        encoding="utf-8",
    )
    out = tmp_path / "out.toml"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("plan", "--answers", str(path), "-o", str(out))
    assert code == 2
    assert "schema_version" in err and "newer hirewiz" in err and "upgrade" in err
    assert out.read_text(encoding="utf-8") == "keep me"
