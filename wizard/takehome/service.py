"""MLOps take-home: take a given model to a served, monitored service.

The candidate gets a small logistic model (JSON coefficients with their feature transforms), the
scoring function the team wrote for serving, samples of training and incoming data, the
environment files, a deployment config and a request log. Five operational faults are planted:
training/serving skew in the scoring function, a dependency conflict with unpinned packages, no
health or readiness checks, a latency regression after the last release, and incoming data that
drifted from the training sample. The reviewer keeps the scores a correct service must return.
"""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, datetime, timedelta

from wizard.takehome.core import (
    Kit,
    Planted,
    add_reviewer_files,
    brief,
    csv_text,
    rng_for,
)
from wizard.takehome.request import KitRequest

FEATURES = (
    ("amount", "log1p", 3.8, 1.0),
    ("items", "identity", 3.0, 1.8),
    ("account_age_days", "identity", 400.0, 250.0),
    ("failed_logins_24h", "identity", 0.6, 0.9),
    ("distance_km", "log1p", 2.5, 1.2),
)
SCORE_PY = '''"""Serving-side scoring function: load model.json once, score one request."""

import json
import math
from pathlib import Path

MODEL = json.loads((Path(__file__).parent / "model.json").read_text(encoding="utf-8"))


def score(request: dict) -> float:
    """Probability of a positive outcome for one request (a dict of feature values)."""
    z = MODEL["intercept"]
    for f in MODEL["features"]:
        x = float(request[f["name"]])
        if f["transform"] == "log1p" and f["name"] != "{raw}":
            x = math.log1p(x)
        z += f["weight"] * (x - f["mean"]) / f["scale"]
    z = max(-30.0, min(30.0, z))
    return 1 / (1 + math.exp(-z))
'''


def _draw(rng: random.Random, drift: str | None) -> dict[str, float]:
    row = {
        "amount": round(math.exp(rng.gauss(3.8, 1.0)), 2),
        "items": max(1, round(rng.gauss(3, 1.8))),
        "account_age_days": max(0, round(rng.gauss(400, 250))),
        "failed_logins_24h": max(0, round(rng.expovariate(1 / 0.6))),
        "distance_km": round(math.exp(rng.gauss(2.5, 1.2)), 1),
    }
    if drift == "account_age_days":
        row[drift] = max(0, round(rng.gauss(120, 90)))
    elif drift == "distance_km":
        row[drift] = round(math.exp(rng.gauss(4.2, 1.0)), 1)
    elif drift == "items":
        row[drift] = max(1, round(rng.gauss(7, 2)))
    return row


def _score(model: dict[str, object], row: dict[str, float]) -> float:
    z = float(str(model["intercept"]))
    for f in model["features"]:  # type: ignore[attr-defined]
        x = float(row[f["name"]])
        if f["transform"] == "log1p":
            x = math.log1p(x)
        z += f["weight"] * (x - f["mean"]) / f["scale"]
    return 1 / (1 + math.exp(-z))


def generate(req: KitRequest, seed: int) -> Kit:
    rng = rng_for(req, seed)
    kit = Kit(req, seed)
    weights = [round(rng.uniform(0.4, 1.2) * rng.choice([-1, 1]), 3) for _ in FEATURES]
    model: dict[str, object] = {
        "format": "logistic-regression/json-v1",
        "trained_on": "2026-09-30",
        "intercept": round(rng.uniform(-2.2, -1.4), 3),
        "threshold": 0.5,
        "features": [
            {"name": n, "transform": t, "mean": m, "scale": s, "weight": w}
            for (n, t, m, s), w in zip(FEATURES, weights, strict=True)
        ],
    }
    skewed = rng.choice([f[0] for f in FEATURES if f[1] == "log1p"])
    drifted = rng.choice(["account_age_days", "distance_km", "items"])
    n = 300 * max(2, req.hours)
    train = [_draw(rng, None) for _ in range(n)]
    incoming = [_draw(rng, drifted) for _ in range(n // 2)]
    names = [f[0] for f in FEATURES]
    kit.add("candidate/data/model/model.json", json.dumps(model, indent=2) + "\n")
    kit.add("candidate/data/model/score.py", SCORE_PY.replace("{raw}", skewed))
    kit.add(
        "candidate/data/training_sample.csv",
        csv_text(
            [*names, "score_at_training"],
            ([r[c] for c in names] + [round(_score(model, r), 6)] for r in train),
        ),
    )
    kit.add(
        "candidate/data/incoming_sample.csv",
        csv_text(names, ([r[c] for c in names] for r in incoming)),
    )
    probe = [_draw(rng, drifted if i % 2 else None) for i in range(200)]
    kit.add(
        "reviewer/holdout/expected_scores.csv",
        csv_text(
            [*names, "expected_score"],
            ([r[c] for c in names] + [round(_score(model, r), 6)] for r in probe),
        ),
    )
    pyd_old, pyd_new = rng.choice([("1.10.13", "2"), ("1.10.9", "2.4")])
    kit.add(
        "candidate/data/requirements-train.txt",
        f"pydantic=={pyd_old}\nnumpy==1.26.4\nscikit-learn==1.3.2\n",
    )
    kit.add(
        "candidate/data/service/requirements.txt",
        f"fastapi\nuvicorn\npydantic>={pyd_new}\n",
    )
    probes = rng.choice(["", '[probes]\nliveness = ""\n'])
    kit.add(
        "candidate/data/service/service.toml",
        "[service]\n"
        f'name = "scorer"\nport = {rng.choice([8000, 8080, 9000])}\nworkers = 2\n'
        'timeout_seconds = 2\n\n[resources]\ncpu = "500m"\nmemory = "512Mi"\n\n' + probes,
    )
    kit.add("candidate/data/logs/requests.jsonl", _log(rng))
    _plant(kit, skewed, drifted, pyd_old, pyd_new)
    _documents(kit)
    return kit


def _log(rng: random.Random) -> str:
    start = datetime(2026, 10, 20, 8, tzinfo=UTC)
    release = rng.randrange(300, 500)
    lines = []
    for i in range(900):
        version = "1.4.0" if i < release else "1.5.0"
        base = rng.lognormvariate(math.log(35), 0.35)
        if version == "1.5.0" and rng.random() < 0.3:
            base *= rng.uniform(3, 6)
        at = start + timedelta(seconds=i * 37 + rng.randrange(30))
        lines.append(
            json.dumps(
                {
                    "ts": at.isoformat().replace("+00:00", "Z"),
                    "model_version": version,
                    "latency_ms": round(base, 1),
                    "status": 200 if rng.random() > 0.004 else 500,
                }
            )
        )
    return "\n".join(lines) + "\n"


def _plant(kit: Kit, skewed: str, drifted: str, old: str, new: str) -> None:
    kit.plant(
        Planted(
            "training_serving_skew",
            "training/serving skew",
            f"model/score.py: {skewed} is used raw although the model was trained on "
            f"log1p({skewed})",
            "Score training_sample.csv with score.py and compare with score_at_training.",
            "Served scores differ from the trained model's; decisions at the threshold flip.",
        ),
        Planted(
            "dependency_conflict",
            "unpinned dependency conflict",
            f"requirements-train.txt pins pydantic=={old}; service/requirements.txt asks "
            f"pydantic>={new} and leaves fastapi and uvicorn unpinned",
            "Compare the two requirement files; look for lines without ==.",
            "Training and serving cannot share one environment; builds are not reproducible.",
        ),
        Planted(
            "missing_health_checks",
            "missing health and readiness checks",
            "service/service.toml: no readiness check, and liveness missing or empty",
            "The deployment config has no readiness probe and no working liveness probe.",
            "Traffic reaches instances before the model is loaded; hung instances stay up.",
        ),
        Planted(
            "latency_regression",
            "latency regression",
            "logs/requests.jsonl: model_version 1.5.0",
            "p95 latency by model_version: the newer release is several times slower.",
            "The new release breaks the latency budget for a share of requests.",
        ),
        Planted(
            "input_drift",
            "drifted incoming data",
            f"incoming_sample.csv: {drifted}",
            f"Compare each feature's distribution with training_sample.csv: {drifted} moved.",
            "The model scores data unlike what it learned from; quality drops unnoticed.",
        ),
    )


def _documents(kit: Kit) -> None:
    req = kit.request
    mode = {
        "batch": "a scheduled batch job with a small HTTP endpoint for on-demand scores",
        "on_device": "an HTTP service today, with the same scoring later shipped to devices",
    }.get(req.serving, "an HTTP service called by our product")
    task = [
        f"Our team trained the model in `data/model/` and wants it served as {mode}.",
        "",
        "- Serve `POST /score` that takes one request (the feature names in `model.json`) and "
        "returns the probability the trained model gives.",
        "- Make it ready for production: safe to deploy, restart and roll back, within 100 ms at "
        "the 95th percentile, and able to tell us when something goes wrong.",
        "- Review what we gave you (`data/`) as if it were handed over by a colleague: say what "
        "you would not ship as it is, and fix what you can in the time.",
    ]
    data = [
        ("data/model/model.json", "the trained model: coefficients and feature transforms"),
        ("data/model/score.py", "the scoring function our backend developer wrote"),
        ("data/training_sample.csv", "a sample of training inputs with the training-time score"),
        ("data/incoming_sample.csv", "a sample of last week's requests"),
        ("data/requirements-train.txt", "the training environment"),
        ("data/service/requirements.txt", "the service environment so far"),
        ("data/service/service.toml", "the deployment config so far"),
        ("data/logs/requests.jsonl", "request log from the current deployment"),
    ]
    hand_in = [
        "Your code (a repository or a zip) with a README: how to build, run and test it.",
        "A one-page note: what you found in the hand-over, what you changed, what you would "
        "monitor and alert on, and what you would do next.",
    ]
    assessed = [
        "We send a set of requests to your service and compare its scores with the right ones.",
        "We read how you found and handled the problems in the hand-over.",
        "We look at how the service would behave in production: start-up, failure, rollback.",
    ]
    kit.add(
        "candidate/BRIEF.md", brief(kit, task=task, data=data, hand_in=hand_in, assessed=assessed)
    )
    n = len(kit.planted)
    own = [
        (
            "Hand-over problems found",
            f"Finds at least {n - 1} of the {n} planted faults and fixes or flags each.",
            "Finds two or three.",
            "Finds at most one; ships the hand-over as it is.",
        ),
        (
            "Correct, operable service",
            "Scores match the trained model; health, readiness and pinned environment in place.",
            "Runs, but scores or operations have gaps the candidate names.",
            "Scores differ from the model, or it does not run.",
        ),
        (
            "Monitoring plan",
            "Names drift, latency and error signals with thresholds and an owner.",
            "Lists signals without thresholds.",
            "No monitoring beyond logs.",
        ),
    ]
    metric = "Scores matching holdout/expected_scores.csv (to 1e-6): ____ of 200"
    add_reviewer_files(kit, own, metric, "service")
    kit.add(
        "reviewer/README.md",
        "# For the reviewer\n\n"
        "- `answer_key.toml`: the planted faults. `RUBRIC.md` and `score_sheet.md`: how to score.\n"
        "- `python reviewer/solution.py candidate` lists the faults it finds and checks that the "
        "corrected scoring matches `holdout/expected_scores.csv`.\n"
        "- Score a candidate: send the rows of `holdout/expected_scores.csv` to their service and "
        "save `score` per row as a CSV; `--predictions FILE` counts the matches.\n",
    )
