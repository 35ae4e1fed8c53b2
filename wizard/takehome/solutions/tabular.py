"""Reference solution for the tabular take-home (standard library only).

Usage: python reviewer/solution.py CANDIDATE_DIR [--ablate] [--without ID ...]
       [--predictions FILE]

Finds the data problems in CANDIDATE_DIR/data from the data alone, fixes them, fits a ridge
model on standardised features and scores it on reviewer/holdout/holdout.csv (ROC AUC) next to
the rule the company uses today. ``--without ID`` leaves one fix out; ``--ablate`` reports the
score with each fix left out in turn, which shows what a candidate who misses it loses.
``--predictions FILE`` scores a candidate's ``id,score`` CSV on the holdout instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
from pathlib import Path
from typing import Any

Row = dict[str, str]
RIDGE = 1.0


def read_csv(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def num(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def words(text: str) -> set[str]:
    """The distinct words of a text, lower-cased, without punctuation."""
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def median(values: list[float]) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def auc(scores: list[float], labels: list[int]) -> float:
    """ROC AUC by ranks (Mann-Whitney), ties sharing their average rank."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return 0.5
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting for the small normal equations."""
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


class Spec:
    """Column roles from the data dictionary and the current rule."""

    def __init__(self, data: Path) -> None:
        rule = json.loads((data / "current_rule.json").read_text(encoding="utf-8"))
        self.id: str = rule["id"]
        self.label: str = rule["label"]
        self.rule: str = rule["rank_by"]
        self.rule_sign = 1.0 if rule.get("order", "desc") == "desc" else -1.0
        kinds = {r["name"]: r["type"] for r in read_csv(data / "DATA_DICTIONARY.csv")}
        self.numbers = [n for n, t in kinds.items() if t in ("number", "0/1")]
        self.categories = [n for n, t in kinds.items() if t == "category"]
        self.texts = [n for n, t in kinds.items() if t == "text"]
        self.labelled_by = next((n for n, t in kinds.items() if t == "label metadata"), None)


def detect(rows: list[Row], spec: Spec) -> dict[str, Any]:
    """Every problem found in the training rows, with what the fix needs to know."""
    found: dict[str, Any] = {}
    seen: set[str] = set()
    dupes = 0
    for r in rows:
        key = r[spec.id].strip().lower()
        dupes += key in seen
        seen.add(key)
    if dupes:
        found["duplicate_rows"] = dupes
    labels = [int(r[spec.label]) for r in rows]
    overall = sum(labels) / len(labels)
    if spec.labelled_by:
        groups: dict[str, list[int]] = {}
        for r, y in zip(rows, labels, strict=True):
            groups.setdefault(r[spec.labelled_by], []).append(y)
        bad = [
            g
            for g, ys in groups.items()
            if len(ys) >= 30 and 0.1 < overall < 0.9 and sum(ys) / len(ys) in (0.0, 1.0)
        ]
        if bad:
            found["label_batch"] = sorted(bad)
    leaks = []
    for col in spec.numbers:
        pairs = [(num(r[col]), y) for r, y in zip(rows, labels, strict=True)]
        known = [(v, y) for v, y in pairs if v is not None]
        if known and abs(auc([v for v, _ in known], [y for _, y in known]) - 0.5) >= 0.4:
            leaks.append(col)
    if leaks:
        found["leaking_column"] = leaks
    units: dict[str, dict[str, float]] = {}
    for col in spec.numbers:
        for cat in spec.categories:
            meds: dict[str, float] = {}
            for value in {r[cat] for r in rows}:
                vs = [v for r in rows if r[cat] == value and (v := num(r[col])) is not None]
                meds[value] = median(vs)
            low = min(m for m in meds.values() if m > 0) if any(meds.values()) else 0
            for value, m in meds.items():
                if low and m / low >= 20:
                    factor = 10 ** round(math.log10(m / low))
                    units.setdefault(col, {})[f"{cat}={value}"] = factor
    if units:
        found["unit_mixup"] = units
    patterned = []
    for col in spec.numbers:
        blank = [(r[col].strip() == "", y) for r, y in zip(rows, labels, strict=True)]
        rate = sum(b for b, _ in blank) / len(blank)
        pos = [b for b, y in blank if y]
        neg = [b for b, y in blank if not y]
        if rate >= 0.03 and pos and neg:
            rp, rn = sum(pos) / len(pos), sum(neg) / len(neg)
            if max(rp, rn) >= 2 * max(min(rp, rn), 1e-9):
                patterned.append(col)
    if patterned:
        found["missing_pattern"] = patterned
    return found


class Model:
    def __init__(self, rows: list[Row], spec: Spec, found: dict[str, Any], skip: set[str]):
        self.spec, self.found, self.skip = spec, found, skip
        if "duplicate_rows" in found and "duplicate_rows" not in skip:
            seen: set[str] = set()
            kept = []
            for r in rows:
                key = r[spec.id].strip().lower()
                if key not in seen:
                    kept.append(r)
                seen.add(key)
            rows = kept
        if "label_batch" in found and "label_batch" not in skip and spec.labelled_by:
            rows = [r for r in rows if r[spec.labelled_by] not in found["label_batch"]]
        leaks = set(found.get("leaking_column", [])) if "leaking_column" not in skip else set()
        self.numbers = [c for c in spec.numbers if c not in leaks]
        self.flags = [] if "missing_pattern" in skip else found.get("missing_pattern", [])
        if "missing_pattern" in skip:
            rows = [r for r in rows if all(r[c].strip() for c in spec.numbers)]
        self.medians = {
            c: median([v for r in rows if (v := self.value(r, c)) is not None])
            for c in self.numbers
        }
        self.levels = {c: sorted({r[c] for r in rows})[1:] for c in spec.categories}
        self.tokens = self._token_weights(rows)
        x = [self.features(r) for r in rows]
        y = [float(r[spec.label]) for r in rows]
        d = len(x[0])
        self.mean = [sum(col) / len(col) for col in zip(*x, strict=True)]
        self.sd = [
            math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0
            for col, m in zip(zip(*x, strict=True), self.mean, strict=True)
        ]
        z = [[(v - m) / s for v, m, s in zip(r, self.mean, self.sd, strict=True)] for r in x]
        ybar = sum(y) / len(y)
        cols = list(zip(*z, strict=True))
        xtx = [[0.0] * d for _ in range(d)]
        for i in range(d):
            for j in range(i, d):  # symmetric: each product summed once
                xtx[i][j] = xtx[j][i] = sum(a * b for a, b in zip(cols[i], cols[j], strict=True))
            xtx[i][i] += RIDGE
        yc = [t - ybar for t in y]
        xty = [sum(a * b for a, b in zip(cols[i], yc, strict=True)) for i in range(d)]
        self.w = solve(xtx, xty)

    def value(self, r: Row, col: str) -> float | None:
        v = num(r[col])
        if v is None:
            return None
        if "unit_mixup" not in self.skip:
            for where, factor in self.found.get("unit_mixup", {}).get(col, {}).items():
                cat, _, level = where.partition("=")
                if r[cat] == level:
                    v /= factor
        return v

    def _token_weights(self, rows: list[Row]) -> dict[str, float]:
        counts: dict[str, list[int]] = {}
        for r in rows:
            y = int(r[self.spec.label])
            for col in self.spec.texts:
                for tok in words(r[col]):
                    counts.setdefault(tok, [0, 0])[y] += 1
        n1 = sum(int(r[self.spec.label]) for r in rows)
        n0 = len(rows) - n1
        return {
            t: math.log((c[1] + 1) / (n1 + 2)) - math.log((c[0] + 1) / (n0 + 2))
            for t, c in counts.items()
        }

    def features(self, r: Row) -> list[float]:
        out = []
        for c in self.numbers:
            v = self.value(r, c)
            out.append(self.medians[c] if v is None else v)
        out += [float(r[c].strip() == "") for c in self.flags]
        out += [float(r[c] == level) for c, levels in self.levels.items() for level in levels]
        out += [sum(self.tokens.get(t, 0.0) for t in words(r[c])) for c in self.spec.texts]
        return out

    def score(self, r: Row) -> float:
        f = self.features(r)
        return float(
            sum(w * (v - m) / s for w, v, m, s in zip(self.w, f, self.mean, self.sd, strict=True))
        )


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
    data = args.candidate / "data"
    spec = Spec(data)
    train = read_csv(data / "train.csv")
    hold = read_csv(args.holdout / "holdout.csv")
    labels = [int(r[spec.label]) for r in hold]
    found = detect(train, spec)

    clean = Model(train, spec, found, set())

    def holdout_auc(skip: set[str]) -> float:
        model = Model(train, spec, found, skip) if skip else clean
        return round(auc([model.score(r) for r in hold], labels), 4)

    rule = [clean.value(r, spec.rule) for r in hold]
    fill = median([v for v in rule if v is not None])
    baseline = auc([spec.rule_sign * (fill if v is None else v) for v in rule], labels)
    result: dict[str, Any] = {
        "found": sorted(found),
        "metric": "roc_auc",
        "score": holdout_auc(set(args.without)),
        "baseline_score": round(baseline, 4),
        "higher_is_better": True,
    }
    if args.ablate:
        result["ablation"] = {pid: holdout_auc({pid}) for pid in sorted(found)}
    if args.predictions:
        given = {r[spec.id].strip(): num(r["score"]) for r in read_csv(args.predictions)}
        scored = [(given.get(r[spec.id].strip()), y) for r, y in zip(hold, labels, strict=True)]
        result["candidate_score"] = round(
            auc([s if s is not None else -1e300 for s, _ in scored], [y for _, y in scored]), 4
        )
    return result


def main() -> int:
    print(json.dumps(evaluate(parse()), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
