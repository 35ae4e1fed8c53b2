"""Time-series take-home for ML engineers and data scientists: forecast daily demand per store.

Demand has a level per store, a weekly shape and a promotion uplift, so an honest forecast beats
"same day last week". Five problems are planted, each one moving the holdout error when missed:
re-sent days, one store switching to reporting in cases, one store's dates a day late (its
till closes the day in UTC), stock-out days recorded as zero sales, and one-off bulk orders.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from wizard.takehome.core import (
    Kit,
    Planted,
    add_reviewer_files,
    brief,
    csv_text,
    rng_for,
)
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
    kit.add(
        "candidate/data/DATA_DICTIONARY.csv",
        csv_text(
            ["file", "column", "meaning"],
            [
                ["sales.csv", "date", "the store's trading day"],
                ["sales.csv", "store_id", "one store"],
                ["sales.csv", "units_sold", "units sold that day"],
                ["sales.csv", "in_stock", "1 when the product was on the shelf all day"],
                ["promotions.csv", "promo", "1 when the product was on promotion that day"],
                ["forecast_request.csv", "date, store_id", "the days to forecast"],
            ],
        ),
    )
    kit.plant(
        Planted(
            "resent_rows",
            "duplicates",
            f"sales.csv: the last 28 days of stores {', '.join(sorted(resent_stores))} "
            "appear twice",
            "Count rows per (store_id, date): some keys appear twice.",
            "Summing per day doubles those stores' recent sales; their forecasts run high.",
        ),
        Planted(
            "unit_change",
            "unit mix-up",
            f"sales.csv: store {unit_store} reports cases of {CASE} from {change_day.isoformat()}",
            "Plot each store's sales: one drops about twelvefold overnight and stays there.",
            f"Taken at face value, {unit_store}'s forecast is about a twelfth of real demand.",
        ),
        Planted(
            "shifted_dates",
            "time-zone error",
            f"sales.csv: dates of {', '.join(sorted(shift_stores))} are one day late (the till "
            "closes the day in UTC)",
            "Promotion days line up with sales peaks one day later there, not the same day.",
            "Unshifted, those stores' weekly shape and promotion days are off by one.",
        ),
        Planted(
            "stockout_zeros",
            "missing values with a pattern",
            f"sales.csv: {stockout_rows} recent rows with in_stock = 0 and units_sold = 0",
            "Zero sales exactly where in_stock is 0: unmet demand, not low demand.",
            "Counted as demand, they pull every recent level down; forecasts run low.",
        ),
        Planted(
            "bulk_orders",
            "outliers",
            f"sales.csv: {outlier_rows} recent one-off bulk orders, about ten times a normal day",
            "Days far above the store's usual range with no promotion.",
            "Averaged in, they lift the level of the stores that had them.",
        ),
    )
    _documents(kit)
    return kit


def _documents(kit: Kit) -> None:
    req = kit.request
    ds = req.track == "data_scientist"
    task = [
        f"`data/sales.csv` holds a year of daily sales per store up to {END.isoformat()}. "
        "Today we plan each day with what the store sold on the same weekday last week (see "
        "`data/current_rule.json`).",
        "",
    ]
    if ds:
        task.append(
            "Write a read-out for the founders: what drives daily demand (weekday, promotions, "
            "trend), how much better than today's rule a forecast can do over the next "
            f"{HORIZON} days (measured on days you did not fit on), which parts of the data you "
            "did not trust and why, and what you recommend."
        )
        hand_in = [
            "A read-out of at most two pages for non-specialists, with the numbers behind it.",
            "The notebook or scripts behind every number.",
            "`forecast.csv` with `date,store_id,units` for every row of "
            "`data/forecast_request.csv`.",
        ]
    else:
        task.append(
            f"Clean the data, then forecast demand for every store and day in "
            f"`data/forecast_request.csv` (the {HORIZON} days after the history; "
            "`data/promotions.csv` already covers them). Evaluate it honestly against today's "
            "rule and say which error measure fits the problem above."
        )
        hand_in = [
            "Your code (a repository or a zip) with a short README.",
            "`forecast.csv` with `date,store_id,units` for every row of "
            "`data/forecast_request.csv`.",
            "A one-page note: what you found in the data, what you did about it, your results and "
            "what you would do next.",
        ]
    data = [
        ("data/sales.csv", "daily sales per store"),
        ("data/promotions.csv", "promotion days per store, history and forecast window"),
        ("data/forecast_request.csv", "the store-days to forecast"),
        ("data/current_rule.json", "the rule we use today"),
        ("data/DATA_DICTIONARY.csv", "what each column means"),
    ]
    assessed = [
        "We compare your forecast with what really sold, next to today's rule.",
        "We read how you found and handled problems in the data, and how you checked the forecast.",
        "Clear reasoning and honest limits count as much as the final number.",
    ]
    kit.add(
        "candidate/BRIEF.md", brief(kit, task=task, data=data, hand_in=hand_in, assessed=assessed)
    )
    n = len(kit.planted)
    own = [
        (
            "Data problems found",
            f"Finds at least {n - 1} of the {n} planted problems and says how each changes the "
            "forecast.",
            "Finds two or three, or finds them but does not fix them.",
            "Finds at most one; forecasts from the file as it is.",
        ),
        (
            "Beats today's rule honestly",
            "Holdout error clearly below today's rule, with a back-test that predicted it.",
            "Below today's rule, but the back-test was far too optimistic.",
            "Not below today's rule, or only in a back-test that peeks at the future.",
        ),
        (
            "Read-out for the founders" if ds else "Code and hand-off",
            "Plain-language findings with numbers and uncertainty; a clear next step."
            if ds
            else "Runs from the README; cleaning and forecasting steps are separate and tested.",
            "Right content but hard to follow." if ds else "Runs with some help; steps tangled.",
            "Jargon, no numbers, or no recommendation." if ds else "Does not run.",
        ),
    ]
    metric = "Holdout MAE (units per store-day): ______ (today's rule: see baseline_score)"
    add_reviewer_files(kit, own, metric, "forecast")
    kit.add(
        "reviewer/README.md",
        "# For the reviewer\n\n"
        "- `answer_key.toml`: the planted problems. `RUBRIC.md` and `score_sheet.md`: how to "
        "score.\n"
        "- `python reviewer/solution.py candidate` prints what the reference solution finds and "
        "its holdout MAE against today's rule; `--ablate` also shows the error when each fix is "
        "left out.\n"
        "- Score a candidate: `python reviewer/solution.py candidate --predictions "
        "forecast.csv`.\n",
    )
