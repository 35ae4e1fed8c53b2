"""Reference pipeline for the data-engineering take-home (standard library only).

Usage: python reviewer/solution.py CANDIDATE_DIR [--ablate] [--without ID ...]
       [--predictions FILE]

Reads every source in CANDIDATE_DIR/data, reports the problems it finds in them, builds the
daily revenue table and compares it with reviewer/holdout/expected_daily_revenue.csv.
``--without ID`` leaves one fix out; ``--ablate`` reports how many days go wrong with each fix
left out. ``--predictions FILE`` compares a candidate's table instead.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

Order = dict[str, Any]
RENAMES = {"customer": "customer_id", "amount_cents": "amount", "created_ts": "created_at"}
OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


class Sources:
    def __init__(self, data: Path) -> None:
        self.data = data
        notes = json.loads((data / "sources.json").read_text(encoding="utf-8"))
        self.local = offset(notes["till_local_time_utc_offset"])
        self.files: list[tuple[str, str | None, list[str], list[dict[str, str]]]] = []
        for path in sorted((data / "drops").glob("*.csv")):
            raw = path.read_bytes()
            try:
                text, encoding = raw.decode("utf-8"), None
            except UnicodeDecodeError:
                text, encoding = raw.decode("cp1252"), "cp1252"
            reader = csv.DictReader(io.StringIO(text, newline=""))
            rows = list(reader)
            self.files.append((path.name, encoding, list(reader.fieldnames or []), rows))
        self.events = [
            json.loads(line)
            for line in (data / "app_events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        with (data / "daily_revenue.csv").open(newline="", encoding="utf-8") as fh:
            self.legacy = list(csv.reader(fh))


def when(text: str, local: timezone, skip_zones: bool) -> datetime:
    text = text.strip().replace("Z", "+00:00")
    at = datetime.fromisoformat(text)
    if skip_zones:
        return at.replace(tzinfo=UTC)
    return (at if at.tzinfo else at.replace(tzinfo=local)).astimezone(UTC)


def detect(src: Sources) -> dict[str, Any]:
    found: dict[str, Any] = {}
    ids: dict[str, set[str]] = {}
    stamps: list[str] = [
        r.get("created_at") or r.get("created_ts") or "" for *_, rows in src.files for r in rows
    ]
    stamps += [e["created_at"] for e in src.events]
    for *_, rows in src.files:
        for r in rows:
            raw = r.get("customer_id", r.get("customer", ""))
            ids.setdefault(raw.strip().upper(), set()).add(raw)
    for e in src.events:
        ids.setdefault(e["customer_id"].strip().upper(), set()).add(e["customer_id"])
    if any(len(v) > 1 for v in ids.values()):
        found["customer_key_variants"] = sum(len(v) > 1 for v in ids.values())
    keys = [r["order_id"] for *_, rows in src.files for r in rows]
    keys += [f"{e['order_id']}@{e['version']}" for e in src.events]
    if len(keys) != len(set(keys)):
        found["resent_records"] = len(keys) - len(set(keys))
    late = [
        e["order_id"]
        for e in src.events
        if when(e["sent_at"], src.local, False) - when(e["created_at"], src.local, False)
        >= timedelta(days=1)
    ]
    if late:
        found["late_arrivals"] = len(late)
    if len({tuple(header) for _, _, header, _ in src.files}) > 1:
        found["schema_change"] = sorted({name for name, _, h, _ in src.files if "amount" not in h})
    odd = [name for name, enc, _, _ in src.files if enc]
    if odd:
        found["mixed_encodings"] = odd
    styles = {m.group(1) if (m := OFFSET.search(s.strip())) else "none" for s in stamps}
    if len(styles) > 1:
        found["mixed_time_zones"] = sorted(styles)
    dates = [row[0] for row in src.legacy[1:]]
    if len(dates) != len(set(dates)):
        found["non_idempotent_append"] = sorted({d for d in dates if dates.count(d) > 1})
    return found


def run(src: Sources, found: dict[str, Any], skip: set[str]) -> list[list[str]]:
    """The daily table, with every fix for a found problem applied unless skipped."""

    def fix(pid: str) -> bool:
        return pid in found and pid not in skip

    orders: list[Order] = []
    for _, encoding, header, rows in src.files:
        if encoding and not fix("mixed_encodings"):
            continue  # what a UTF-8-only reader does: the file fails and is skipped
        v2 = "amount" not in header
        if v2 and not fix("schema_change"):
            continue  # read with the old names, the rows have no amount or timestamp
        for r in rows:
            r = {RENAMES.get(k, k): v for k, v in r.items()}
            amount = int(r["amount"]) if v2 else round(float(r["amount"]) * 100)
            orders.append({**r, "cents": amount, "version": 0, "sent": None})
    for e in src.events:
        orders.append({**e, "cents": round(float(e["amount"]) * 100), "sent": e["sent_at"]})
    if fix("resent_records"):
        latest: dict[str, Order] = {}
        for o in sorted(orders, key=lambda o: (int(o["version"]), o["sent"] or "")):
            latest[o["order_id"]] = o
        orders = list(latest.values())
    days: dict[str, tuple[int, int, set[str]]] = {}
    for o in orders:
        if o["status"] != "paid":
            continue
        stamp = o["sent"] if o["sent"] and not fix("late_arrivals") else o["created_at"]
        day = when(stamp, src.local, not fix("mixed_time_zones")).date().isoformat()
        who = o["customer_id"].strip().upper() if fix("customer_key_variants") else o["customer_id"]
        n, cents, people = days.get(day, (0, 0, set()))
        people.add(who)
        days[day] = (n + 1, cents + o["cents"], people)
    new = [
        [d, str(n), f"{c // 100}.{c % 100:02d}", str(len(p))]
        for d, (n, c, p) in sorted(days.items())
    ]
    if not fix("non_idempotent_append"):
        return src.legacy[1:] + new
    table = {row[0]: row for row in src.legacy[1:]}
    table.update({row[0]: row for row in new})
    return [table[d] for d in sorted(table)]


def wrong_days(table: list[list[str]], expected: list[list[str]]) -> int:
    """Days whose row differs from the expected one, plus rows that are missing or extra."""
    want = {row[0]: row for row in expected}
    got: dict[str, list[list[str]]] = {}
    for row in table:
        got.setdefault(row[0], []).append(row)
    bad = sum(1 for d, rows in got.items() if rows != [want.get(d)])
    return bad + sum(1 for d in want if d not in got)


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
    src = Sources(args.candidate / "data")
    with (args.holdout / "expected_daily_revenue.csv").open(newline="", encoding="utf-8") as fh:
        expected = list(csv.reader(fh))[1:]
    found = detect(src)
    table = run(src, found, set(args.without))
    result: dict[str, Any] = {
        "found": sorted(found),
        "wrong_days": wrong_days(table, expected),
        "matches_expected": wrong_days(table, expected) == 0,
    }
    if args.ablate:
        result["ablation"] = {
            pid: wrong_days(run(src, found, {pid}), expected) for pid in sorted(found)
        }
    if args.predictions:
        with args.predictions.open(newline="", encoding="utf-8") as fh:
            result["candidate_wrong_days"] = wrong_days(list(csv.reader(fh))[1:], expected)
    return result


def main() -> int:
    print(json.dumps(evaluate(parse()), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
