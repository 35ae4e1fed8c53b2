"""Reference review of the MLOps take-home hand-over (standard library only).

Usage: python reviewer/solution.py CANDIDATE_DIR [--ablate] [--predictions FILE]

Checks the hand-over in CANDIDATE_DIR/data for operational faults, then scores the reviewer's
probe requests (reviewer/holdout/expected_scores.csv) with the model as trained, and reports
whether the scores match; ``--ablate`` also counts the matches when the hand-over's own
score.py is served unchanged. ``--predictions FILE`` (one ``score`` column, rows in probe order)
counts how many of a candidate service's scores match instead.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import math
import re
import statistics
import tomllib
from pathlib import Path
from typing import Any

REQ = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(?:(==|>=|<=|<|>|~=)\s*([0-9][0-9.]*))?")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".") if p.isdigit())


def requirements(path: Path) -> dict[str, tuple[str, str] | None]:
    out: dict[str, tuple[str, str] | None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = REQ.match(line.split("#")[0])
        if m:
            out[m.group(1).lower()] = (m.group(2), m.group(3)) if m.group(2) else None
    return out


def allows(spec: tuple[str, str], pinned: str) -> bool:
    op, ver = spec
    a, b = version(pinned), version(ver)
    return {"==": a == b, ">=": a >= b, "<=": a <= b, "<": a < b, ">": a > b, "~=": a >= b}[op]


def trained_score(model: dict[str, Any], row: dict[str, str]) -> float:
    z = float(model["intercept"])
    for f in model["features"]:
        x = float(row[f["name"]])
        if f["transform"] == "log1p":
            x = math.log1p(x)
        z += f["weight"] * (x - f["mean"]) / f["scale"]
    return 1 / (1 + math.exp(-z))


def p95(values: list[float]) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(0.95 * len(s)))]


def served_module(data: Path) -> Any:
    """The hand-over's scoring function, loaded from its file."""
    spec = importlib.util.spec_from_file_location("served", data / "model" / "score.py")
    assert spec is not None and spec.loader is not None
    served = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(served)
    return served


def detect(data: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    served = served_module(data)
    train = read_csv(data / "training_sample.csv")
    gaps = [abs(served.score(r) - float(r["score_at_training"])) for r in train]
    if max(gaps) > 1e-4:
        found["training_serving_skew"] = round(max(gaps), 4)
    train_env = requirements(data / "requirements-train.txt")
    serve_env = requirements(data / "service" / "requirements.txt")
    unpinned = sorted(p for p, s in serve_env.items() if s is None or s[0] != "==")
    clashes = sorted(
        p
        for p, s in serve_env.items()
        if s and (t := train_env.get(p)) and t[0] == "==" and not allows(s, t[1])
    )
    if unpinned and clashes:
        found["dependency_conflict"] = {"unpinned": unpinned, "conflicts": clashes}
    config = tomllib.loads((data / "service" / "service.toml").read_text(encoding="utf-8"))
    probes = config.get("probes", {})
    if not probes.get("readiness") or not probes.get("liveness"):
        found["missing_health_checks"] = sorted(
            k for k in ("liveness", "readiness") if not probes.get(k)
        )
    by_version: dict[str, list[float]] = {}
    for line in (data / "logs" / "requests.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        by_version.setdefault(rec["model_version"], []).append(float(rec["latency_ms"]))
    tails = {v: p95(ls) for v, ls in by_version.items() if len(ls) >= 50}
    if tails and max(tails.values()) >= 1.5 * min(tails.values()):
        found["latency_regression"] = {v: round(t, 1) for v, t in sorted(tails.items())}
    incoming = read_csv(data / "incoming_sample.csv")
    drifted = []
    for col in incoming[0]:
        a = [math.log1p(float(r[col])) for r in train]
        b = [math.log1p(float(r[col])) for r in incoming]
        sd = statistics.pstdev(a) or 1.0
        if abs(statistics.fmean(b) - statistics.fmean(a)) / sd >= 0.5:
            drifted.append(col)
    if drifted:
        found["input_drift"] = drifted
    return found


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidate", type=Path)
    parser.add_argument("--holdout", type=Path, default=Path(__file__).resolve().parent / "holdout")
    parser.add_argument("--ablate", action="store_true")
    parser.add_argument("--predictions", type=Path)
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the solution reports, as one JSON-ready object."""
    data = args.candidate / "data"
    model = json.loads((data / "model" / "model.json").read_text(encoding="utf-8"))
    probes = read_csv(args.holdout / "expected_scores.csv")
    matches = sum(abs(trained_score(model, r) - float(r["expected_score"])) <= 1e-6 for r in probes)
    result: dict[str, Any] = {
        "found": sorted(detect(data)),
        "probe_scores_matching": matches,
        "probes": len(probes),
    }
    if args.ablate:
        served = served_module(data)
        result["ablation"] = {
            "training_serving_skew": sum(
                abs(served.score(r) - float(r["expected_score"])) <= 1e-6 for r in probes
            )
        }
    if args.predictions:
        given = read_csv(args.predictions)
        result["candidate_matching"] = sum(
            abs(float(g["score"]) - float(r["expected_score"])) <= 1e-6
            for g, r in zip(given, probes, strict=False)
        )
    return result


def main() -> int:
    print(json.dumps(evaluate(parse()), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
