"""Every company in tests/fixtures/answers/ end to end: answers file → plan, through the loader,
the CLI in-process and a real ``python -m wizard`` subprocess.

tests/fixtures/scenarios.toml pins, per company, the track, seniority, engagement, verdict, data
band, score and the exact list of findings, so changing any rule that touches a realistic
company fails here as well as in test_rules. Together they cover every track, engagement and
hiring region.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.cli import run_cli
from tests.helpers.paths import ANSWERS_DIR, ROOT
from wizard.planfile import load_plan

SCENARIOS: dict[str, dict[str, Any]] = tomllib.loads(
    (ROOT / "tests" / "fixtures" / "scenarios.toml").read_text(encoding="utf-8")
)
NAMES = sorted(SCENARIOS)


def test_every_answers_file_has_expectations() -> None:
    assert sorted(p.stem for p in ANSWERS_DIR.glob("*.toml")) == NAMES
    assert len(NAMES) >= 12


def test_scenarios_cover_every_track_engagement_and_region() -> None:
    def seen(key: str) -> set[str]:
        return {e[key] for e in SCENARIOS.values()}

    assert seen("track") == {
        "ml_engineer", "ai_engineer", "data_scientist", "mlops_engineer", "data_engineer",
        "ml_advisor",
    }  # fmt: skip
    assert seen("engagement") == {"full_time", "contract", "advisor"}
    assert seen("region") == {"india", "us", "uk", "eu", "other"}
    assert seen("verdict") == {"ready", "almost", "not_yet"}


def _check_plan_dict(doc: dict[str, Any], e: dict[str, Any]) -> None:
    role, readiness = doc["role"], doc["readiness"]
    got = {
        "track": role["track"],
        "seniority": role["seniority"],
        "engagement": role["engagement"],
        "verdict": readiness["verdict"],
        "band": readiness["data_band"],
        "score": readiness["score"],
        "region": doc["answers"]["context"]["hiring_region"],
        "findings": [f["id"] for f in doc.get("findings", [])],
        "alternatives": [a["track"] for a in role["alternatives"]],
        "budget_check": doc["budget"]["check"] if "budget" in doc else "none",
    }
    assert got == e
    assert readiness["score"] == min(readiness["sections"].values())
    for f in doc.get("findings", []):
        assert f["section"] and f["title"].endswith((".", "?"))


@pytest.mark.parametrize("name", NAMES)
def test_scenario_through_loader(name: str, checklist: Checklist) -> None:
    plan = load_plan(ANSWERS_DIR / f"{name}.toml", checklist)
    _check_plan_dict(plan.to_toml_dict(), SCENARIOS[name])


@pytest.mark.parametrize("name", NAMES)
def test_scenario_through_cli(name: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    code, _, err = run_cli("plan", "--answers", ANSWERS_DIR / f"{name}.toml", "-o", out)
    assert code == 0, err
    doc = tomllib.loads(out.read_text(encoding="utf-8"))
    _check_plan_dict(doc, SCENARIOS[name])
    code, stdout, err = run_cli("check", out)
    assert code == 0, err
    assert f"verdict {SCENARIOS[name]['verdict']}" in stdout
    assert "out of date" not in stdout


@pytest.mark.parametrize("name", ["fraud_model", "seed_no_data", "contracts_rag"])
def test_scenario_in_subprocess(name: str, tmp_path: Path) -> None:
    env = {**os.environ, "HIREWIZ_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "plan", "--answers", str(ANSWERS_DIR / f"{name}.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Editors can check this file")  # printed: no schema beside
    _check_plan_dict(tomllib.loads(result.stdout), SCENARIOS[name])


def test_strict_check_separates_blocked_from_ready(tmp_path: Path) -> None:
    """`check --strict` is the CI gate: 1 for a plan with blockers, 0 otherwise."""
    blocked, ready = tmp_path / "seed.toml", tmp_path / "fraud.toml"
    assert run_cli("plan", "--answers", ANSWERS_DIR / "seed_no_data.toml", "-o", blocked)[0] == 0
    assert run_cli("plan", "--answers", ANSWERS_DIR / "fraud_model.toml", "-o", ready)[0] == 0
    assert run_cli("check", "--strict", blocked)[0] == 1
    assert run_cli("check", blocked)[0] == 0
    assert run_cli("check", "--strict", ready)[0] == 0
    almost = tmp_path / "drift.toml"
    assert run_cli("plan", "--answers", ANSWERS_DIR / "drifting_models.toml", "-o", almost)[0] == 0
    assert run_cli("check", "--strict", almost)[0] == 0
