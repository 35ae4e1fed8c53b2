"""``hirewiz diff``: what changed between two plans, and what that did to the advice.

Timestamps and the generator line are ignored: two plans are the same when their answers and
everything derived from them are the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from checklists.loader import Checklist
from wizard.answers import get_value
from wizard.models import Plan
from wizard.pay import ExchangeTable, plan_budget_lines


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class FindingRef:
    id: str
    mistake: int | None
    severity: str
    title: str


@dataclass(frozen=True)
class PlanDiff:
    answers: list[Change] = field(default_factory=list)
    recommendation: list[Change] = field(default_factory=list)
    findings_added: list[FindingRef] = field(default_factory=list)
    findings_removed: list[FindingRef] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (
            self.answers or self.recommendation or self.findings_added or self.findings_removed
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "same": self.same,
            "answers": [asdict(c) for c in self.answers],
            "recommendation": [asdict(c) for c in self.recommendation],
            "findings": {
                "added": [asdict(f) for f in self.findings_added],
                "removed": [asdict(f) for f in self.findings_removed],
            },
        }


def _budget(plan: Plan, exchange: ExchangeTable) -> str | None:
    """The same sentences as ``show`` and the export: range, basis, proxy, source, date, check."""
    lines = plan_budget_lines(plan, exchange)
    return " ".join(lines) if lines else None


def _outcomes(plan: Plan, exchange: ExchangeTable) -> dict[str, tuple[str, Any]]:
    r, role = plan.readiness, plan.role
    out: dict[str, tuple[str, Any]] = {
        "readiness.verdict": ("Verdict", r.verdict),
        "readiness.score": ("Readiness score", r.score),
        "readiness.mean": ("Mean section score", r.mean),
        "readiness.data_band": ("Data band", r.data_band),
        "role.track": ("Role track", role.track),
        "role.title": ("Role title", role.title),
        "role.seniority": ("Seniority", role.seniority),
        "role.engagement": ("Engagement", role.engagement),
        "budget": ("Budget", _budget(plan, exchange)),
    }
    for name, score in r.sections.items():
        out[f"readiness.sections.{name}"] = (f"Score: {name}", score)
    return out


def diff_plans(a: Plan, b: Plan, checklist: Checklist) -> PlanDiff:
    answers = [
        Change(key, q.prompt, get_value(a.answers, key), get_value(b.answers, key))
        for key, q in checklist.questions()
        if get_value(a.answers, key) != get_value(b.answers, key)
    ]
    before, after = _outcomes(a, checklist.pay.exchange), _outcomes(b, checklist.pay.exchange)
    recommendation = [
        Change(
            key,
            (before.get(key) or after[key])[0],
            before.get(key, ("", None))[1],
            after.get(key, ("", None))[1],
        )
        for key in dict.fromkeys([*before, *after])
        if before.get(key, ("", None))[1] != after.get(key, ("", None))[1]
    ]
    ids_a = {f.id: f for f in a.findings}
    ids_b = {f.id: f for f in b.findings}

    def ref(f: Any) -> FindingRef:
        return FindingRef(f.id, f.mistake, f.severity, f.title)

    return PlanDiff(
        answers=answers,
        recommendation=recommendation,
        findings_added=[ref(f) for i, f in ids_b.items() if i not in ids_a],
        findings_removed=[ref(f) for i, f in ids_a.items() if i not in ids_b],
    )


def show_value(value: Any, key: str, checklist: Checklist) -> str:
    """A readable rendering of an answer value, using choice labels where there are any."""
    if value is None:
        return "(unanswered)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    try:
        q = checklist.question(key)
    except KeyError:
        return str(value)
    if isinstance(value, list):
        return "; ".join(q.label_for(v) if q.choices else str(v) for v in value) or "(none)"
    if q.choices:
        return q.label_for(str(value))
    return str(value)


def distinct_names(a: str, b: str) -> tuple[str, str]:
    """Column headings for two plan paths that never read the same: the file names, or as many
    trailing folders as it takes to tell them apart, marked A and B.

    Two plans called ``plan.toml`` in different folders used to shorten to the same heading.
    """
    pa, pb = a.replace("\\", "/").split("/"), b.replace("\\", "/").split("/")
    n = 1
    while n < max(len(pa), len(pb)) and pa[-n:] == pb[-n:]:
        n += 1
    short_a, short_b = "/".join(pa[-n:]), "/".join(pb[-n:])
    return f"A: {short_a}", f"B: {short_b}"


def print_diff(d: PlanDiff, name_a: str, name_b: str, checklist: Checklist) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from wizard.text import printable

    def safe(text: str) -> str:
        return printable(text, multiline=True)

    name_a, name_b = printable(name_a), printable(name_b)
    console = Console()
    if d.same:
        console.print(Text(f"No differences between {name_a} and {name_b}."))
        return
    console.print(Text(f"A: {name_a}\nB: {name_b}", style="dim"))

    head_a, head_b = distinct_names(name_a, name_b)

    def before_after(title: str, first: str, rows: list[tuple[Text, str, str]]) -> None:
        table = Table(title=title, title_justify="left", expand=True)
        for header in (first, head_a, head_b):
            table.add_column(Text(header), overflow="fold")
        for label, before, after in rows:
            table.add_row(label, Text(safe(before), style="red"), Text(safe(after), style="green"))
        console.print(table)

    if d.answers:
        before_after(
            "Answers that changed",
            "Question",
            [
                (
                    Text(safe(c.label)) + Text(f"\n{safe(c.key)}", style="dim"),
                    show_value(c.before, c.key, checklist),
                    show_value(c.after, c.key, checklist),
                )
                for c in d.answers
            ],
        )
    if d.recommendation:
        before_after(
            "What that changed in the plan",
            "",
            [
                (
                    Text(safe(c.label)),
                    "—" if c.before is None else str(c.before),
                    "—" if c.after is None else str(c.after),
                )
                for c in d.recommendation
            ],
        )
    if d.findings_added or d.findings_removed:
        t = Table(title="Findings", title_justify="left", expand=True)
        t.add_column("", width=2)
        t.add_column("#", width=3)
        t.add_column("Severity", width=8)
        t.add_column("Finding")
        for sign, style, found in (
            ("+", "green", d.findings_added),
            ("−", "red", d.findings_removed),
        ):
            for f in found:
                mistake = "—" if f.mistake is None else str(f.mistake)
                t.add_row(Text(sign, style), mistake, f.severity, Text(safe(f.title)))
        console.print(t)
