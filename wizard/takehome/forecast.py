"""Time-series take-home for ML engineers and data scientists: forecast daily demand per store.

Demand has a level per store, a weekly shape and a promotion uplift, so an honest forecast beats
"same day last week". Five problems are planted, each one moving the holdout error when missed:
re-sent days, one store switching to reporting in cases, one store's dates a day late (its
till closes the day in UTC), stock-out days recorded as zero sales, and one-off bulk orders.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from wizard.takehome.core import Kit, add_documents, csv_text, plant, rng_for, text_for
from wizard.takehome.request import KitRequest

END = date(2026, 9, 27)  # a Sunday: the last day of history
HISTORY_DAYS = 364
HORIZON = 28
WEEKLY = (0.85, 0.8, 0.85, 0.95, 1.15, 1.45, 1.3)  # Monday first
UPLIFT = 1.7
CASE = 12


def generate(req: KitRequest, seed: int) -> Kit:
    rng = rng_for(req, seed)
    kit = Kit(req, seed)
    n = 6 + max(2, req.hours)
    stores = [f"S{i:02d}" for i in rng.sample(range(1, 90), n)]
    start = END - timedelta(days=HISTORY_DAYS - 1)
    days = [start + timedelta(days=i) for i in range(HISTORY_DAYS + HORIZON)]
    # Bigger kits have more stores; the one-store problems grow with them to stay as visible.
    shifted = 1 + (n >= 12)
    roles = rng.sample(stores, 3 + shifted)
    unit_store, shift_stores, resent_stores = roles[0], roles[1 : 1 + shifted], roles[-2:]
    change_day = END - timedelta(days=rng.randrange(50, 80))
    sales: list[list[object]] = []
    promos: list[list[object]] = []
    actuals: list[list[object]] = []
    stockout_rows = outlier_rows = 0
    for store in stores:
        level = rng.uniform(30, 160)
        trend = rng.uniform(-0.0004, 0.0008)
        for i, day in enumerate(days):
            promo = int(rng.random() < 0.14)
            promos.append([day.isoformat(), store, promo])
            mean = level * (1 + trend * i) * WEEKLY[day.weekday()] * (UPLIFT if promo else 1)
            units = max(0, round(rng.gauss(mean, 0.16 * mean + 2)))
            if day > END:
                actuals.append([day.isoformat(), store, units])
                continue
            recent = (END - day).days < 56
            in_stock = 1
            if recent and rng.random() < 0.22:
                in_stock, units = 0, 0
                stockout_rows += 1
            elif recent and rng.random() < 0.04:
                units = round(units * rng.uniform(9, 14))
                outlier_rows += 1
            if store == unit_store and day >= change_day:
                units = round(units / CASE)
            shown = day + timedelta(days=1) if store in shift_stores else day
            sales.append([shown.isoformat(), store, units, in_stock])
    resent = [
        r
        for r in sales
        if r[1] in resent_stores and (END - date.fromisoformat(str(r[0]))).days < 28
    ]
    rows = sales + [list(r) for r in resent]
    rows.sort(key=lambda r: (str(r[0]), str(r[1])))
    header = ["date", "store_id", "units_sold", "in_stock"]
    kit.add("candidate/data/sales.csv", csv_text(header, rows))
    kit.add("candidate/data/promotions.csv", csv_text(["date", "store_id", "promo"], promos))
    kit.add(
        "candidate/data/forecast_request.csv",
        csv_text(["date", "store_id"], ([d, s] for d, s, _ in actuals)),
    )
    kit.add("reviewer/holdout/actuals.csv", csv_text(["date", "store_id", "units_sold"], actuals))
    rule = {"rule": "same_weekday_last_week", "history_end": END.isoformat(), "horizon": HORIZON}
    kit.add("candidate/data/current_rule.json", json.dumps(rule, indent=2) + "\n")
    # The dictionary's rows are the phrases "file column" = "meaning", in their order.
    meanings = text_for("forecast").phrases.items()
    kit.add(
        "candidate/data/DATA_DICTIONARY.csv",
        csv_text(["file", "column", "meaning"], ([*k.split(" ", 1), v] for k, v in meanings)),
    )
    plant(
        kit,
        "resent_rows",
        "unit_change",
        "shifted_dates",
        "stockout_zeros",
        "bulk_orders",
        resent_stores=", ".join(sorted(resent_stores)),
        unit_store=unit_store,
        case=CASE,
        change_day=change_day.isoformat(),
        shifted_stores=", ".join(sorted(shift_stores)),
        stockouts=stockout_rows,
        outliers=outlier_rows,
    )
    add_documents(kit, {"end": END.isoformat(), "horizon": HORIZON})
    return kit
