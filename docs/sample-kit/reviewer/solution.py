"""Reference solution for the demand-forecast take-home (standard library only).

Usage: python reviewer/solution.py CANDIDATE_DIR [--ablate] [--without ID ...]
       [--predictions FILE]

Finds the data problems in CANDIDATE_DIR/data from the data alone, fixes them, and forecasts
each store-day as level x weekday shape x promotion uplift. Prints the mean absolute error on
reviewer/holdout/actuals.csv next to today's rule (same weekday last week). ``--without ID``
leaves one fix out; ``--ablate`` reports the error with each fix left out in turn.
``--predictions FILE`` scores a candidate's ``date,store_id,units`` CSV instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

Series = dict[date, float]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def median(values: list[float]) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def corr(a: list[float], b: list[float]) -> float:
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = math.sqrt(sum((x - ma) ** 2 for x in a))
    vb = math.sqrt(sum((y - mb) ** 2 for y in b))
    return cov / (va * vb) if va and vb else 0.0


class Data:
    def __init__(self, data: Path) -> None:
        rule = json.loads((data / "current_rule.json").read_text(encoding="utf-8"))
        self.end = date.fromisoformat(rule["history_end"])
        self.rows = read_csv(data / "sales.csv")
        self.promo: dict[tuple[str, date], int] = {
            (r["store_id"], date.fromisoformat(r["date"])): int(r["promo"])
            for r in read_csv(data / "promotions.csv")
        }
        self.request = [
            (r["store_id"], date.fromisoformat(r["date"]))
            for r in read_csv(data / "forecast_request.csv")
        ]
        self.stores = sorted({r["store_id"] for r in self.rows})


def detect(d: Data) -> dict[str, Any]:
    found: dict[str, Any] = {}
    keys: dict[tuple[str, str], int] = {}
    for r in d.rows:
        keys[(r["store_id"], r["date"])] = keys.get((r["store_id"], r["date"]), 0) + 1
    if any(c > 1 for c in keys.values()):
        found["resent_rows"] = sum(c - 1 for c in keys.values())
    if any(r["in_stock"] == "0" and float(r["units_sold"]) == 0 for r in d.rows):
        found["stockout_zeros"] = True
    raw = daily(d, found, {"bulk_orders", "unit_change", "shifted_dates"})
    changes: dict[str, tuple[date, float]] = {}
    shifts: list[str] = []
    for store, s in raw.items():
        days = sorted(s)
        best = (1.0, days[0])
        for i in range(14, len(days) - 14):
            before = median([s[x] for x in days[i - 14 : i]])
            after = median([s[x] for x in days[i : i + 14]])
            if before and after and abs(math.log(before / after)) > abs(math.log(best[0])):
                best = (before / after, days[i])
        if best[0] >= 5:
            changes[store] = (best[1], float(round(best[0])))
        if promo_lag(d, store, s, 1) > promo_lag(d, store, s, 0) + 0.2:
            shifts.append(store)
    if changes:
        found["unit_change"] = {k: [v[0].isoformat(), v[1]] for k, v in changes.items()}
    if shifts:
        found["shifted_dates"] = shifts
    clean = daily(d, found, {"bulk_orders"})
    bulk: dict[str, list[str]] = {}
    for store, s in clean.items():
        normal = [v for x, v in s.items() if not d.promo.get((store, x))]
        typical = median(normal)
        for x, v in s.items():
            if not d.promo.get((store, x)) and typical and v > 5 * typical:
                bulk.setdefault(store, []).append(x.isoformat())
    if bulk:
        found["bulk_orders"] = bulk
    return found


def promo_lag(d: Data, store: str, s: Series, lag: int) -> float:
    """How strongly sales follow promotion days ``lag`` days earlier, measured against the same
    weekday in nearby weeks so level changes and the weekly shape drop out."""
    values, flags = [], []
    for x in sorted(s):
        local = median([v for k in range(-3, 4) if (v := s.get(x + timedelta(days=7 * k)))])
        flag = d.promo.get((store, x - timedelta(days=lag)))
        if local and flag is not None:
            values.append(min(s[x] / local, 3.0))  # one-off spikes must not swamp the signal
            flags.append(float(flag))
    return corr(values, flags) if values else 0.0


def daily(d: Data, found: dict[str, Any], skip: set[str]) -> dict[str, Series]:
    """One value per store and day (None-free), with every fix not in ``skip`` applied."""
    out: dict[str, Series] = {s: {} for s in d.stores}
    seen: set[tuple[str, str]] = set()
    for r in d.rows:
        key = (r["store_id"], r["date"])
        store, day, units = r["store_id"], date.fromisoformat(r["date"]), float(r["units_sold"])
        if key in seen and "resent_rows" not in skip and "resent_rows" in found:
            continue
        seen.add(key)
        if r["in_stock"] == "0" and "stockout_zeros" not in skip and "stockout_zeros" in found:
            continue
        if "shifted_dates" not in skip and store in found.get("shifted_dates", []):
            day -= timedelta(days=1)
        change = found.get("unit_change", {}).get(store)
        if change and "unit_change" not in skip and day >= date.fromisoformat(change[0]):
            units *= change[1]
        if "bulk_orders" not in skip and day.isoformat() in found.get("bulk_orders", {}).get(
            store, []
        ):
            continue
        out[store][day] = out[store].get(day, 0.0) + units
    return out


def forecast(d: Data, series: dict[str, Series]) -> dict[tuple[str, date], float]:
    recent = d.end - timedelta(days=112)
    level0 = {
        st: sum(v for x, v in s.items() if x > recent and not d.promo.get((st, x)))
        / max(1, sum(1 for x in s if x > recent and not d.promo.get((st, x))))
        for st, s in series.items()
    }
    shape: dict[str, dict[int, float]] = {}
    for st, s in series.items():
        ratios: dict[int, list[float]] = {w: [] for w in range(7)}
        for x, v in s.items():
            if x > recent and not d.promo.get((st, x)) and level0[st]:
                ratios[x.weekday()].append(v / level0[st])
        shape[st] = {w: sum(r) / len(r) if r else 1.0 for w, r in ratios.items()}
    start = d.end - timedelta(days=56)
    level = {}
    for st, s in series.items():
        vals = [
            v / shape[st][x.weekday()]
            for x, v in s.items()
            if x > start and not d.promo.get((st, x))
        ]
        level[st] = sum(vals) / len(vals) if vals else level0[st]
    lifts = [
        v / (level[st] * shape[st][x.weekday()])
        for st, s in series.items()
        for x, v in s.items()
        if x > d.end - timedelta(days=182) and d.promo.get((st, x)) and level[st]
    ]
    uplift = median(lifts) if lifts else 1.0
    return {
        (st, x): level[st] * shape[st][x.weekday()] * (uplift if d.promo.get((st, x)) else 1.0)
        for st, x in d.request
    }


def naive(d: Data, series: dict[str, Series]) -> dict[tuple[str, date], float]:
    """Today's rule: what the store sold on the same weekday in the last week of history."""
    out = {}
    for st, x in d.request:
        back = x - timedelta(days=7 * ((x - d.end).days // 7 + 1))
        while back not in series[st] and back > d.end - timedelta(days=70):
            back -= timedelta(days=7)
        out[(st, x)] = series[st].get(back, 0.0)
    return out


def mae(pred: dict[tuple[str, date], float], truth: dict[tuple[str, date], float]) -> float:
    return sum(abs(pred.get(k, 0.0) - v) for k, v in truth.items()) / len(truth)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidate", type=Path)
    parser.add_argument("--holdout", type=Path, default=Path(__file__).resolve().parent / "holdout")
    parser.add_argument("--without", action="append", default=[], metavar="ID")
    parser.add_argument("--ablate", action="store_true")
    parser.add_argument("--predictions", type=Path)
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the solution reports, as one JSON-ready object."""
    d = Data(args.candidate / "data")
    truth = {
        (r["store_id"], date.fromisoformat(r["date"])): float(r["units_sold"])
        for r in read_csv(args.holdout / "actuals.csv")
    }
    found = detect(d)
    clean = daily(d, found, set())
    result: dict[str, Any] = {
        "found": sorted(found),
        "metric": "mae",
        "score": round(mae(forecast(d, daily(d, found, set(args.without))), truth), 3),
        "baseline_score": round(mae(naive(d, clean), truth), 3),
        "higher_is_better": False,
    }
    if args.ablate:
        result["ablation"] = {
            pid: round(mae(forecast(d, daily(d, found, {pid})), truth), 3) for pid in sorted(found)
        }
    if args.predictions:
        given = {
            (r["store_id"].strip(), date.fromisoformat(r["date"].strip())): float(r["units"])
            for r in read_csv(args.predictions)
        }
        result["candidate_score"] = round(mae(given, truth), 3)
    return result


def main() -> int:
    print(json.dumps(evaluate(parse()), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
