"""``hirewiz show``: a plan summary for the terminal.

Every string taken from the plan goes into Rich as a ``Text`` object, never as markup, so a plan
received from someone else cannot restyle or spoof the terminal output.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checklists.advice import load_advice
from checklists.loader import Checklist
from wizard import labels
from wizard.models import Plan
from wizard.pay import plan_budget_lines
from wizard.text import printable


def _t(text: str) -> str:
    """Plan text made safe for the terminal (see :func:`wizard.text.printable`)."""
    return printable(text, multiline=True)


VERDICT_STYLE = {"ready": "bold green", "almost": "bold yellow", "not_yet": "bold red"}
SEVERITY_STYLE = {"blocker": "bold red", "warning": "yellow", "tip": "cyan"}
TOP_FINDINGS = 6


LEVEL_STYLE = {"good": "green", "fair": "yellow", "poor": "red"}


def bar(score: int, width: int = 20) -> Text:
    filled, empty = labels.bar_cells(score, width)
    return Text("█" * filled, style=LEVEL_STYLE[labels.level(score)]) + Text("░" * empty, "dim")


def money(plan: Plan, checklist: Checklist) -> Text | None:
    """The budget sentences every view shares (wizard.pay.plan_budget_lines), proxy caveat
    included; the source line is dimmed."""
    lines = plan_budget_lines(plan, checklist.pay.exchange)
    if not lines:
        return None
    out = Text()
    for line in lines:
        out.append("\n  " + _t(line), style="dim" if line.startswith("Source: ") else "")
    return out


def render(plan: Plan, checklist: Checklist) -> Group:
    r, role = plan.readiness, plan.role
    head = Text()
    head.append(_t(plan.meta.title) or "Untitled plan", style="bold")
    if plan.meta.company:
        head.append(f" — {_t(plan.meta.company)}")
    verdict = Text(
        f" {labels.verdict(r.verdict).label} ", style=f"reverse {VERDICT_STYLE[r.verdict]}"
    )
    weakest = labels.weakest(r)
    title = checklist.step(weakest).title if weakest else None
    verdict.append(f"  readiness {r.score}/100 · {labels.counts(plan.findings)}\n")
    verdict.append(_t(labels.explain_score(r, title)), style="dim")
    why = labels.why_weakest(r, plan.findings)
    if why is not None and title is not None:
        verdict.append(f"\n{_t(title)} is weakest: {_t(why.title)}")
    verdict.append(f"\n{labels.data_band(r.data_band)}", style="dim")

    scores = Table.grid(padding=(0, 2))
    for name in checklist.steps:
        if name.id in r.sections:
            value = r.sections[name.id]
            scores.add_row(Text(_t(name.title)), bar(value), Text(f"{value:>3}"))

    role_text = Text()
    role_text.append(_t(role.title), style="bold")
    a_name = load_advice().profiles[role.track].a_name
    role_text.append(f"  ({a_name}; {role.seniority}, {role.engagement.replace('_', ' ')})\n")
    role_text.append(_t(role.summary) + "\n")
    for reason in role.rationale:
        role_text.append("• " + _t(reason.text), style="")
        role_text.append(f" [{_t(reason.source)}]\n", style="dim")
    for alt in role.alternatives:
        role_text.append(f"Alternative, {_t(alt.title)}: {_t(alt.why)}\n", style="italic")
    budget = money(plan, checklist)
    if budget is not None:
        role_text.append("Budget:", style="bold")
        role_text.append_text(budget)
    role_text.rstrip()

    findings = Table(show_header=True, header_style="bold", expand=True, box=None)
    findings.add_column("", width=8)
    findings.add_column("#", width=3, justify="right")
    findings.add_column("Finding and what to do")
    for f in plan.findings[:TOP_FINDINGS]:
        findings.add_row(
            Text(f.severity, style=SEVERITY_STYLE[f.severity]),
            Text("—" if f.mistake is None else str(f.mistake)),
            Text(_t(f.title), style="bold")
            + Text("\n" + _t(f.action))
            + Text(f"\n{_t(f.source)}", "dim"),
        )
    rest = len(plan.findings) - TOP_FINDINGS
    parts: list[Panel | Text] = [
        Panel(Group(head, verdict), border_style=VERDICT_STYLE[r.verdict]),
        Panel(scores, title="Readiness by section", title_align="left"),
        Panel(role_text, title="Recommended hire", title_align="left"),
        Panel(findings, title=f"Top findings ({len(plan.findings)} in all)", title_align="left"),
    ]
    if rest > 0:
        parts.append(Text(f"…and {rest} more in the plan file.", style="dim"))
    return Group(*parts)


def print_summary(plan: Plan, checklist: Checklist, console: Console | None = None) -> None:
    (console or Console()).print(render(plan, checklist))
