"""Every take-home kit, proven from its generated files alone.

Each test writes a kit to disk, runs the kit's own ``reviewer/solution.py`` as a subprocess (the
way a reviewer would), and checks its output against ``reviewer/answer_key.toml`` read from disk:
every planted problem is found from the data, and for modelling kits the reference solution beats
today's rule and each problem, left unfixed, measurably worsens the holdout score. Nothing here
reads the generator's in-memory bookkeeping.
"""

from __future__ import annotations

import json
import operator
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wizard.takehome import build_kit
from wizard.takehome.core import write_kit
from wizard.takehome.request import KitRequest

METRICS = {"roc_auc": True, "mae": False}
# What "measurably" means: an AUC point, or 3% of the error.
AUC_MARGIN = 0.01
MAE_SHARE = 0.03


def make_kit(tmp_path: Path, seed: int = 0, **fields: Any) -> Path:
    fields.setdefault("outcome", "Fewer failed payments")
    request = KitRequest(company="Paylane", **fields)
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / "kit"
    write_kit(build_kit(request, seed), out)
    return out


def solve(kit: Path, *extra: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(kit / "reviewer" / "solution.py"), str(kit / "candidate"), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, "solution.py prints exactly one JSON object"
    parsed: dict[str, Any] = json.loads(lines[0])
    return parsed


def planted_ids(kit: Path) -> list[str]:
    """The answer key's ids. The key is then deleted, so the solution run after this cannot
    lean on it: whatever it finds, it found in the data."""
    path = kit / "reviewer" / "answer_key.toml"
    key = tomllib.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    for entry in key["planted"]:
        assert set(entry) == {"id", "kind", "where", "detect", "impact"}
        assert all(isinstance(v, str) and v for v in entry.values())
    return [entry["id"] for entry in key["planted"]]


PAYMENTS = "Fewer failed payments"
# The last text kit is about invoices, so it gets the invoice domain, not support tickets.
MODELLING = [
    ("ml_engineer", "predictive_analytics", "structured", 0, 4, PAYMENTS),
    ("data_scientist", "computer_vision", "images", 1, 4, PAYMENTS),
    ("ml_engineer", "nlp", "text", 2, 3, PAYMENTS),
    ("ml_engineer", "time_series", "structured", 3, 4, PAYMENTS),
    ("data_scientist", "time_series", "structured", 4, 8, PAYMENTS),
    ("data_scientist", "nlp", "text", 6, 2, "Auto-categorise invoices"),
]


@pytest.mark.parametrize(("track", "problem", "kind", "seed", "hours", "outcome"), MODELLING)
def test_modelling_kit_problems_are_found_and_each_one_moves_the_score(
    tmp_path: Path, track: str, problem: str, kind: str, seed: int, hours: int, outcome: str
) -> None:
    kit = make_kit(
        tmp_path,
        seed,
        track=track,
        problem_type=problem,
        data_kind=kind,
        hours=hours,
        outcome=outcome,
    )
    if "invoices" in outcome:
        assert "invoice_id" in (kit / "candidate" / "data" / "train.csv").read_text("utf-8")
    ids = planted_ids(kit)
    result = solve(kit, "--ablate")
    assert len(ids) >= 5
    assert sorted(result["found"]) == sorted(ids)
    assert result["metric"] in METRICS
    higher = result["higher_is_better"]
    assert higher is METRICS[result["metric"]]
    score, baseline = result["score"], result["baseline_score"]
    better: Callable[[float, float], bool] = operator.gt if higher else operator.lt
    assert better(score, baseline), "the honest model beats today's rule"
    for pid in ids:
        missed = result["ablation"][pid]
        if higher:
            assert missed <= score - AUC_MARGIN, f"{pid}: {missed} vs {score}"
        else:
            assert missed >= score * (1 + MAE_SHARE), f"{pid}: {missed} vs {score}"


def test_leaving_a_fix_out_on_the_command_line_matches_the_ablation(tmp_path: Path) -> None:
    kit = make_kit(tmp_path, 5, track="ml_engineer", problem_type="time_series")
    full = solve(kit, "--ablate")
    assert solve(kit, "--without", "unit_change")["score"] == full["ablation"]["unit_change"]


def test_image_and_audio_kits_are_feature_tables_with_a_manifest(tmp_path: Path) -> None:
    for kind in ("images", "audio"):
        kit = make_kit(tmp_path / kind, track="ml_engineer", data_kind=kind)
        data = kit / "candidate" / "data"
        assert (data / "manifest.csv").is_file()
        assert all(p.suffix in {".csv", ".json"} for p in data.rglob("*") if p.is_file())


def test_data_engineering_kit_reference_pipeline_matches_and_every_case_matters(
    tmp_path: Path,
) -> None:
    kit = make_kit(tmp_path, 2, track="data_engineer")
    ids = planted_ids(kit)
    result = solve(kit, "--ablate")
    assert len(ids) >= 6
    assert sorted(result["found"]) == sorted(ids)
    assert result["matches_expected"] is True
    assert all(result["ablation"][pid] > 0 for pid in ids), result["ablation"]
    raw = (kit / "candidate" / "data" / "drops").glob("*.csv")
    undecodable = []
    for path in raw:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            undecodable.append(path.name)
    assert len(undecodable) == 1


def test_mlops_kit_faults_are_found_and_the_skew_changes_served_scores(tmp_path: Path) -> None:
    kit = make_kit(tmp_path, 3, track="mlops_engineer", serving="online_api")
    ids = planted_ids(kit)
    result = solve(kit, "--ablate")
    assert len(ids) >= 5
    assert sorted(result["found"]) == sorted(ids)
    assert result["probe_scores_matching"] == result["probes"]
    assert result["ablation"]["training_serving_skew"] < result["probes"] // 2
    model = json.loads((kit / "candidate" / "data" / "model" / "model.json").read_text())
    assert model["features"], "the model ships in a standard, readable format"


@pytest.mark.parametrize("seed", [0, 7])
def test_ai_engineering_kit_traps_are_found(tmp_path: Path, seed: int) -> None:
    kit = make_kit(tmp_path, seed, track="ai_engineer", problem_type="nlp", data_kind="text")
    ids = planted_ids(kit)
    result = solve(kit)
    assert len(ids) >= 5
    assert sorted(result["found"]) == sorted(ids)
    brief = (kit / "candidate" / "BRIEF.md").read_text(encoding="utf-8")
    assert "evaluation set first" in brief
    assert "latency" in brief and "cost" in brief


def test_a_candidates_predictions_are_scored_on_the_holdout(tmp_path: Path) -> None:
    kit = make_kit(tmp_path, 4, track="ml_engineer")
    rows = (kit / "reviewer" / "holdout" / "to_score.csv").read_text("utf-8").splitlines()
    header = rows[0].split(",")
    assert "labelled_by" not in header and "outcome_event" not in header
    # A candidate who ranks by today's rule scores exactly today's rule.
    rule = json.loads((kit / "candidate" / "data" / "current_rule.json").read_text("utf-8"))
    col = header.index(rule["rank_by"])
    preds = tmp_path / "predictions.csv"
    preds.write_text(
        "account_id,score\n"
        + "".join(f"{r.split(',')[0]},{r.split(',')[col]}\n" for r in rows[1:]),
        encoding="utf-8",
    )
    result = solve(kit, "--predictions", str(preds))
    assert result["candidate_score"] == result["baseline_score"]
