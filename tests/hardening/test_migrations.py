"""Every released plan-file version still opens, migrates and saves as the current version."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import ROOT
from wizard import planfile
from wizard.answers import as_dict, get_checklist, visible
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
    # No answer is lost: every answered question that is still asked keeps the value the
    # registered migrations give it; only questions that no longer apply are left out.
    expected = copy.deepcopy(original)
    for version in range(original["schema_version"], SCHEMA_VERSION):
        expected = planfile.MIGRATIONS[version](expected)
    checklist = get_checklist()
    answers = load_answers(out, checklist).answers
    for step, table in expected["answers"].items():
        for key, value in table.items():
            if visible(f"{step}.{key}", answers, checklist):
                assert migrated["answers"][step].get(key) == value, (step, key)
            else:
                assert key not in migrated["answers"][step], (step, key)
    code, _, err = run_cli("check", str(out))
    assert code == 0, err


def test_migration_chain_is_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend a next format renames the data step: a version-1 file must go through the real
    1 → 2 step and then the next one, and come back as the same answers."""
    old = FROZEN[0].read_text(encoding="utf-8").replace("[answers.data]", "[answers.dataset]")
    path = tmp_path / "old.toml"
    path.write_text(old, encoding="utf-8")
    calls: list[int] = []
    nxt = SCHEMA_VERSION

    def rename_data(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(doc["schema_version"])
        doc["answers"]["data"] = doc["answers"].pop("dataset")
        return doc

    checklist = get_checklist()
    expected = load_answers(FROZEN[0], checklist).answers
    monkeypatch.setattr(planfile, "SCHEMA_VERSION", nxt + 1)
    monkeypatch.setattr(planfile, "MIGRATIONS", {**planfile.MIGRATIONS, nxt: rename_data})
    loaded = load_answers(path, checklist)
    assert calls == [nxt]
    assert as_dict(loaded.answers) == as_dict(expected)


def test_missing_migration_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


# --- version 1 → 2 (docs/plan-file.md, "Versions") -------------------------------------------

V1 = ROOT / "tests" / "fixtures" / "plans" / "v1" / "shelfwise.toml"


def _v1_text(old: str = "", new: str = "") -> str:
    text = V1.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_v1_budget_becomes_monthly_budget_in_usd(tmp_path: Path) -> None:
    out = tmp_path / "v2.toml"
    code, _, err = run_cli("plan", "--answers", str(V1), "-o", str(out))
    assert code == 0, err
    timing = tomllib.loads(out.read_text(encoding="utf-8"))["answers"]["timing"]
    assert "monthly_budget_usd" not in timing
    assert (timing["monthly_budget"], timing["budget_currency"]) == (4500, "USD")


def test_v1_plan_is_not_rewritten_by_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_bytes(V1.read_bytes())
    for argv in (("check", str(path)), ("export", str(path), "-o", str(tmp_path / "p.md"))):
        code, _, err = run_cli(*argv)
        assert code == 0, err
    assert path.read_bytes() == V1.read_bytes()


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('build_mode = "use_existing"', 'build_mode = "llm"', "answers.goals.build_mode"),
        (
            'planned_title = "data_scientist"',
            'planned_title = "ai_engineer"',
            "answers.context.planned_title",
        ),
        ('hiring_region = "india"', 'hiring_region = "india"\nlocation = "Pune"', "location"),
        ("monthly_budget_usd = 4500", "monthly_budget = 4500", "answers.timing.monthly_budget"),
        (
            "monthly_budget_usd = 4500",
            "monthly_budget_usd = 4500\nmonthly_budget = 4500",
            "answers.timing.monthly_budget",
        ),
        (
            "monthly_budget_usd = 4500",
            'monthly_budget_usd = 4500\nbudget_currency = "INR"',
            "answers.timing.budget_currency",
        ),
    ],
    ids=["v2 value llm", "v2 value ai_engineer", "v2 key", "new key name", "both", "both currency"],
)
def test_v1_file_using_v2_is_one_line_naming_schema_version(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    path = tmp_path / "old.toml"
    path.write_text(_v1_text(old, new), encoding="utf-8")
    out = tmp_path / "out.toml"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli("plan", "--answers", str(path), "-o", str(out))
    assert_clean_failure(code, err, path)
    assert key in err and "schema_version" in err
    assert out.read_text(encoding="utf-8") == "keep me"


def _answers_only(text: str) -> str:
    """The frozen v1 plan's answers as an answers-only file: step tables, no schema_version."""
    doc = tomllib.loads(text)
    lines: list[str] = []
    for step, table in doc["answers"].items():
        lines.append(f"[{step}]")
        for key, value in table.items():
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    import json

    return json.dumps(value)


def test_answers_only_file_with_a_v1_key_is_read_as_v1(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(_answers_only(_v1_text()), encoding="utf-8")
    loaded = load_answers(path, get_checklist())
    assert loaded.answers.timing.monthly_budget == 4500
    assert loaded.answers.timing.budget_currency == "USD"


def test_answers_only_file_without_v1_keys_is_read_as_current(tmp_path: Path) -> None:
    text = _answers_only(_v1_text("monthly_budget_usd = 4500", "monthly_budget = 4500"))
    path = tmp_path / "answers.toml"
    path.write_text(text.replace('"use_existing"', '"llm"'), encoding="utf-8")
    loaded = load_answers(path, get_checklist())
    assert loaded.answers.goals.build_mode == "llm"
    assert loaded.answers.timing.monthly_budget == 4500
    assert loaded.answers.timing.budget_currency is None  # filled from the region on save


def test_answers_only_v1_file_with_a_v2_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(_answers_only(_v1_text()).replace('"use_existing"', '"llm"'), "utf-8")
    code, _, err = run_cli("check", str(path))
    assert_clean_failure(code, err, path)
    assert "goals.build_mode" in err and "schema_version" in err


def test_answers_only_file_with_both_budget_keys_is_refused(tmp_path: Path) -> None:
    text = _answers_only(_v1_text()).replace(
        "monthly_budget_usd = 4500", "monthly_budget_usd = 4500\nmonthly_budget = 4500"
    )
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli("check", str(path))
    assert_clean_failure(code, err, path)
    assert "timing.monthly_budget" in err and "not both" in err
