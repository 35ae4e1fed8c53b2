"""``hirewiz show``: a plan summary for the terminal.

By default it reads for a founder: no citations, occupation codes or mistake numbers, with one
closing line saying ``--sources`` shows them (the plan file keeps them all either way). Every
string taken from the plan goes into Rich as a ``Text`` object, never as markup, so a plan
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
from wizard.post_changes import changes_heading, plan_handled, plan_post_changes
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


# Budget lines that only matter to someone checking the figure: shown with --sources.
SOURCE_LINES = ("What it measures: ", "Source: ")
SOURCES_HINT = "Sources, pay-survey details and mistake numbers: hirewiz show --sources {file}"


def money(plan: Plan, checklist: Checklist, sources: bool = True) -> Text | None:
    """The budget sentences every view shares (wizard.pay.plan_budget_lines), proxy caveat
    included; the source line is dimmed, and left out with the measure when ``sources`` is
    off."""
    lines = plan_budget_lines(plan, checklist.pay.exchange)
    if not sources:
        lines = [line for line in lines if not line.startswith(SOURCE_LINES)]
    if not lines:
        return None
    out = Text()
    for line in lines:
        out.append("\n  " + _t(line), style="dim" if line.startswith("Source: ") else "")
    return out


def _post_changes(plan: Plan) -> Panel | None:
    """Where the job post differs from the answers, and why (wizard/post_changes.py)."""
    changes = plan_post_changes(plan)
    if not changes:
        return None
    heading, intro = changes_heading()
    body = Text(_t(intro), style="dim")
    for c in changes:
        body.append("\n• " + _t(c.what))
        body.append(" " + _t(c.why), style="dim")
    return Panel(body, title=heading, title_align="left")


def render(plan: Plan, checklist: Checklist, sources: bool = False, file: str = "FILE") -> Group:
    """The summary; ``sources`` adds citations, pay-survey details and mistake numbers, and
    ``file`` is the path the closing hint names."""
    r, role = plan.readiness, plan.role
    head = Text()
    head.append(_t(plan.meta.title) or "Untitled plan", style="bold")
    if plan.meta.company:
        head.append(f" — {_t(plan.meta.company)}")
    weakest = labels.weakest(r)
    title = checklist.step(weakest).title if weakest else None
    verdict = Text(
        f" {labels.verdict(r.verdict).label} ", style=f"reverse {VERDICT_STYLE[r.verdict]}"
    )
    handled = plan_handled(plan)
    verdict.append("  " + _t(labels.verdict_line(r, plan.findings, title, handled)) + "\n")
    verdict.append(f"{labels.score_heading()}: ")
    if title is not None:
        verdict.append(_t(title) + " ", style="bold")
    verdict.append(f"{r.score}/100")
    why = labels.why_text(r, plan.findings, handled)
    if why is not None:
        verdict.append(f"\nWhy: {_t(why)}")
    verdict.append("\n" + _t(labels.explain_score(r, title)), style="dim")
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
        if sources:
            role_text.append(f" [{_t(reason.source)}]", style="dim")
        role_text.append("\n")
    for alt in role.alternatives:
        role_text.append(f"Alternative, {_t(alt.title)}: {_t(alt.why)}\n", style="italic")
    budget = money(plan, checklist, sources)
    if budget is not None:
        role_text.append("Budget:", style="bold")
        role_text.append_text(budget)
    role_text.rstrip()

    findings = Table(show_header=True, header_style="bold", expand=True, box=None)
    findings.add_column("", width=8)
    if sources:
        findings.add_column("#", width=3, justify="right")
    findings.add_column("Finding and what to do")
    for f in plan.findings[:TOP_FINDINGS]:
        text = Text(_t(f.title), style="bold") + Text("\n" + _t(f.action))
        mistake = Text("—" if f.mistake is None else str(f.mistake))
        if sources:
            text += Text(f"\n{_t(f.source)}", "dim")
        cells = [
            Text(f.severity, style=SEVERITY_STYLE[f.severity]),
            *([mistake] if sources else []),
            text,
        ]
        findings.add_row(*cells)
    rest = len(plan.findings) - TOP_FINDINGS
    parts: list[Panel | Text] = [
        Panel(Group(head, verdict), border_style=VERDICT_STYLE[r.verdict]),
        Panel(scores, title="Readiness by section", title_align="left"),
        Panel(role_text, title="Recommended hire", title_align="left"),
    ]
    changes = _post_changes(plan)
    if changes is not None:
        parts.append(changes)
    parts.append(
        Panel(findings, title=f"Top findings ({len(plan.findings)} in all)", title_align="left")
    )
    if rest > 0:
        parts.append(Text(f"…and {rest} more in the plan file.", style="dim"))
    if not sources:
        parts.append(Text(SOURCES_HINT.format(file=_t(file)), style="dim"))
    return Group(*parts)


def print_summary(
    plan: Plan,
    checklist: Checklist,
    console: Console | None = None,
    sources: bool = False,
    file: str = "FILE",
) -> None:
    (console or Console()).print(render(plan, checklist, sources, file))
