"""Data-engineering take-home: an idempotent, tested pipeline over messy order files.

The candidate gets daily CSV drops, an app event stream (JSON lines), an export whose schema
changed midway, the legacy job's output and a pipeline spec. The reviewer keeps the table a
correct pipeline produces. Seven problems are planted; each one, missed, makes some days of that
table wrong, which ``solution.py --ablate`` shows from the files.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone

from wizard.takehome.core import Kit, add_documents, csv_text, plant, rng_for
from wizard.takehome.request import KitRequest

FIRST = datetime(2026, 11, 2, tzinfo=UTC)
LOCAL = timezone(timedelta(hours=1))
INDIA = timezone(timedelta(hours=5, minutes=30))
V1 = ["order_id", "customer_id", "amount", "created_at", "status"]
V2 = ["order_id", "customer", "amount_cents", "created_ts", "status"]
NAMES = ["Müller", "Søren", "José", "Zoë", "Håkon", "Françoise", "Ana", "Olu", "Mei", "Sam"]


def _order(rng: random.Random, oid: int, day: datetime, customers: list[str]) -> dict[str, object]:
    at = day + timedelta(seconds=rng.randrange(86400))
    return {
        "order_id": f"O{oid}",
        "customer_id": rng.choice(customers),
        "amount": round(rng.uniform(5, 180), 2),
        "created_at": at,
        "status": "paid" if rng.random() < 0.93 else "cancelled",
        "name": rng.choice(NAMES),
    }


def generate(req: KitRequest, seed: int) -> Kit:
    rng = rng_for(req, seed)
    kit = Kit(req, seed)
    n_days = 4
    per_day = 60 * max(2, req.hours)
    customers = [f"C{n}" for n in rng.sample(range(1000, 9999), per_day)]
    oid = rng.randrange(100000, 200000)
    drops: list[list[dict[str, object]]] = []
    stream: list[dict[str, object]] = []
    truth: list[dict[str, object]] = []
    for d in range(n_days):
        day = FIRST + timedelta(days=d)
        web = []
        for _ in range(per_day):
            oid += 1
            web.append(_order(rng, oid, day, customers))
        # Case and whitespace variants of a customer who orders twice on the same day.
        for o in rng.sample(web, 6):
            oid += 1
            twin = dict(o, order_id=f"O{oid}", status="paid")
            twin["customer_id"] = rng.choice(
                [str(o["customer_id"]).lower(), f" {o['customer_id']} "]
            )
            twin["created_at"] = o["created_at"]
            web.append(twin)
        drops.append(sorted(web, key=lambda o: str(o["order_id"])))
        app = []
        for _ in range(per_day // 2):
            oid += 1
            app.append(_order(rng, oid, day, customers))
        for o in app:
            at = o["created_at"]
            assert isinstance(at, datetime)
            late = rng.random() < 0.08
            sent = at + (timedelta(days=rng.choice([1, 2])) if late else timedelta(minutes=3))
            stream.append({**o, "version": 1, "sent_at": sent})
            if rng.random() < 0.1:  # re-sent unchanged by the app's retry logic
                stream.append({**o, "version": 1, "sent_at": sent + timedelta(minutes=5)})
            if o["status"] == "paid" and rng.random() < 0.04:
                stream.append(
                    {**o, "status": "cancelled", "version": 2, "sent_at": sent + timedelta(hours=5)}
                )
        truth.extend(web)
        truth.extend(app)
    # Final state: latest version of each app order.
    final = {str(o["order_id"]): o for o in truth}
    for rec in sorted(stream, key=lambda r: (int(str(r["version"])), str(r["sent_at"]))):
        final[str(rec["order_id"])] = rec
    expected = _daily(final.values())
    # The day-2 drop repeats the last orders of day 1 (the export window overlaps).
    drops[1] = drops[0][-12:] + drops[1]

    def v1_row(o: dict[str, object]) -> list[object]:
        at = o["created_at"]
        assert isinstance(at, datetime)
        local = at.astimezone(LOCAL).replace(tzinfo=None).isoformat(sep=" ")
        return [o["order_id"], o["customer_id"], f"{o['amount']:.2f}", local, o["status"]]

    def v2_row(o: dict[str, object]) -> list[object]:
        at = o["created_at"]
        assert isinstance(at, datetime)
        cents = round(float(str(o["amount"])) * 100)
        return [
            o["order_id"],
            o["customer_id"],
            cents,
            at.isoformat().replace("+00:00", "Z"),
            o["status"],
        ]

    enc_day = 1
    for d, rows in enumerate(drops):
        name = f"candidate/data/drops/orders_{(FIRST + timedelta(days=d)).date().isoformat()}.csv"
        if d >= 2:
            text = csv_text([*V2, "customer_name"], [[*v2_row(o), o["name"]] for o in rows])
        else:
            text = csv_text([*V1, "customer_name"], [[*v1_row(o), o["name"]] for o in rows])
        kit.add(name, text.encode("cp1252") if d == enc_day else text.encode("utf-8"))
    lines = []
    stream.sort(key=lambda r: str(r["sent_at"]))
    for rec in stream:
        created, sent_at = rec["created_at"], rec["sent_at"]
        assert isinstance(created, datetime) and isinstance(sent_at, datetime)
        zone = INDIA if rng.random() < 0.5 else UTC
        lines.append(
            json.dumps(
                {
                    "order_id": rec["order_id"],
                    "customer_id": rec["customer_id"],
                    "amount": rec["amount"],
                    "created_at": created.astimezone(zone).isoformat().replace("+00:00", "Z"),
                    "status": rec["status"],
                    "version": rec["version"],
                    "sent_at": sent_at.isoformat().replace("+00:00", "Z"),
                    "customer_name": rec["name"],
                },
                ensure_ascii=False,
            )
        )
    kit.add("candidate/data/app_events.jsonl", "\n".join(lines) + "\n")
    legacy = _legacy(rng)
    kit.add(
        "candidate/data/daily_revenue.csv",
        csv_text(["date", "orders", "revenue", "customers"], legacy),
    )
    seen: dict[object, list[object]] = {}
    for row in legacy:
        seen[row[0]] = row
    full = list(seen.values()) + [[k, *v] for k, v in sorted(expected.items())]
    kit.add(
        "reviewer/holdout/expected_daily_revenue.csv",
        csv_text(["date", "orders", "revenue", "customers"], full),
    )
    kit.add(
        "candidate/data/sources.json",
        json.dumps({"till_local_time_utc_offset": "+01:00"}, indent=2) + "\n",
    )
    plant(
        kit,
        "customer_key_variants",
        "resent_records",
        "late_arrivals",
        "schema_change",
        "mixed_encodings",
        "mixed_time_zones",
        "non_idempotent_append",
        encoded_day=(FIRST + timedelta(days=enc_day)).date().isoformat(),
    )
    add_documents(kit)
    return kit


def _daily(orders: object) -> dict[str, list[object]]:
    days: dict[str, tuple[int, int, set[str]]] = {}
    for o in orders:  # type: ignore[attr-defined]
        if o["status"] != "paid":
            continue
        at = o["created_at"]
        key = at.astimezone(UTC).date().isoformat()
        n, cents, who = days.get(key, (0, 0, set()))
        who.add(str(o["customer_id"]).strip().upper())
        days[key] = (n + 1, cents + round(float(o["amount"]) * 100), who)
    return {k: [n, f"{c // 100}.{c % 100:02d}", len(w)] for k, (n, c, w) in days.items()}


def _legacy(rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for back in range(5, 0, -1):
        day = (FIRST - timedelta(days=back)).date().isoformat()
        rows.append(
            [day, rng.randint(300, 500), f"{rng.uniform(18000, 40000):.2f}", rng.randint(250, 420)]
        )
    rows.insert(3, list(rows[2]))
    return rows
