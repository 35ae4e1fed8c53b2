"""The checks about money: the founder's budget against the sourced full-time range, what it
buys, how old the figure is, and the pay range a job post needs.

docs/rules.md, "Engagement and budget" and "Pay figures", is the table these implement. Every
amount in a finding comes from wizard/pay.py, which compares exactly and converts currencies
only through the shipped exchange-rate table, so the arithmetic in the text is the arithmetic
behind the check.
"""

from __future__ import annotations

from collections.abc import Iterator

from wizard.pay import (
    SENIORITY_NAMES,
    TRACK_NAMES,
    money,
    range_hint,
    transparency_severity,
)
from wizard.rules.catalog import Ctx, Hit, check, hit
from wizard.rules.role import said_budget


def _who(x: Ctx) -> str:
    """``senior ML engineer``: the role the figure is for, in words."""
    return f"{SENIORITY_NAMES[x.seniority]} {TRACK_NAMES[x.track]}"


@check("no-budget", "budget-below-range", "budget-below-range-contract", "budget-hours")
def budget(x: Ctx) -> Iterator[Hit]:
    """Compare the monthly budget with the low end of the full-time range (monthly, in the
    range's currency). Below it: a warning while the engagement stays full time, a tip when the
    engagement already became a contract (the plan adapted; the tip gives the arithmetic). For
    contract and advisor engagements with a sourced hourly rate, say how many hours it buys."""
    t = x.answers.timing
    if t.monthly_budget is None:
        yield hit("no-budget")
        return
    pay = x.pay
    if pay is None:
        return
    c = pay.check
    below = c is not None and c.check == "below" and x.engagement != "advisor"
    if below and c is not None and pay.figure is not None:
        params = {
            "budget": said_budget(c),
            "low": money(c.rate.currency, c.low_monthly),
            "figure": pay.figure.range_text(),
            "who": _who(x),
            "sentence": pay.sentence or "",
            "source": f"{pay.figure.source} ({pay.figure.as_of})",
        }
        yield hit(
            "budget-below-range" if x.engagement == "full_time" else "budget-below-range-contract",
            **params,
        )
    elif x.engagement != "full_time" and pay.buys is not None:
        b = pay.buys
        yield hit(
            "budget-hours",
            budget=f"{money(x.currency or b.rate.currency, t.monthly_budget)} a month",
            rate=b.rate.range_text(),
            mid=money(b.rate.currency, b.midpoint),
            hours=b.hours,
            source=f"{b.rate.source} ({b.rate.as_of})",
        )


@check("pay-figure-stale")
def stale_figure(x: Ctx) -> Iterator[Hit]:
    """A figure whose reference period ended more than 36 months before the plan's
    meta.updated: pay moves, so the comparison may be off."""
    pay = x.pay
    if pay is None or pay.figure is None or not pay.stale:
        return
    yield hit("pay-figure-stale", as_of=pay.figure.as_of, source=pay.figure.source)


@check("pay-range-missing-required", "pay-range-missing")
def pay_range(x: Ctx) -> Iterator[Hit]:
    """A full-time job post needs the founder's own yearly range: a warning in the US and EU,
    where pay-transparency laws expect one, a tip elsewhere. The sourced range is offered as a
    starting point, never put in the post. Contracts and advisors are priced by the hour or
    the engagement instead."""
    t = x.answers.timing
    if x.engagement != "full_time" or (t.pay_low is not None and t.pay_high is not None):
        return
    region = x.answers.context.hiring_region or "other"
    figure = x.pay.figure if x.pay is not None else None
    hint = ""
    if figure is not None and x.pay_data is not None:
        currency = x.currency or figure.currency
        hint = x.phrase(
            "pay_hint",
            who=_who(x),
            figure=range_hint(figure, currency, x.pay_data.exchange),
            as_of=figure.as_of,
            proxy=x.phrase("pay_hint_proxy") if figure.proxy else "",
        )
    elif figure is None:
        # No shipped figure: say where an official one is published and how to add it, and
        # never make one up (docs/pay.md).
        hint = x.phrase("pay_hint_none_eu" if region == "eu" else "pay_hint_none")
    required = transparency_severity(region) == "warning"
    yield hit("pay-range-missing-required" if required else "pay-range-missing", hint=hint)
