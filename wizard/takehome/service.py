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

from wizard.takehome.core import Kit, add_documents, csv_text, plant, rng_for, text_for
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
    plant(
        kit,
        "training_serving_skew",
        "dependency_conflict",
        "missing_health_checks",
        "latency_regression",
        "input_drift",
        skewed=skewed,
        old=pyd_old,
        new=pyd_new,
        drifted=drifted,
    )
    modes = text_for("service").phrases
    add_documents(kit, {"mode": modes.get(req.serving, modes["other"])})
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
