"""The Review step: the live recommendation, laid out to be screenshotted and sent on.

It is a pane inside the wizard screen rather than a screen of its own, so it stays in the step
order the orchestrator owns and re-derives from whatever the draft says right now. Its styles
live in ``review.tcss``, loaded by the wizard screen.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from checklists.loader import Checklist
from screens.hanging import Hanging, Stacked
from screens.plain import plain, styled
from wizard import labels
from wizard.answers import missing_required, prune_hidden
from wizard.models import Answers, Finding
from wizard.post_changes import changes_heading, handled_ids, post_changes
from wizard.rules import Derivation, derive
from wizard.rules.profile import abilities

# Severity labels are drawn as a solid block of the severity's colour with text in whichever
# of dark or light reads on it ("auto"): reversed, the warning label was pale grey on orange
# on the light theme. Scores and marks are text, in the $text-* colours, which mix the text
# colour in and stay readable on either theme.
SEVERITY_STYLE = {"blocker": "$error", "warning": "$warning", "tip": "$primary"}
LEVEL_STYLE = {"good": "$text-success", "fair": "$text-warning", "poor": "$text-error"}
BAR_WIDTH = 20


def _score_style(score: int) -> str:
    return LEVEL_STYLE[labels.level(score)]


def bar(score: int, width: int = BAR_WIDTH) -> str:
    """A text bar, so the scores read the same in an SVG, a screenshot and a plain terminal."""
    filled, empty = labels.bar_cells(score, width)
    return f"[{_score_style(score)}]{'█' * filled}[/][dim]{'░' * empty}[/]"


def save_label(unsaved: bool) -> str:
    """The Review's save button says what pressing it does: "Save" while there are unsaved
    changes, "Saved ✓" once everything is on disk (it used to say "Save ✓" either way).

    The button lives in the wizard screen's navigation bar, which sets its label from this.
    """
    return "Save" if unsaved else "Saved ✓"


BULLET = Content("  • ")


def _item(template: str, **values: str) -> Hanging:
    """A bullet whose text wraps under itself, not under the bullet."""
    return Hanging(BULLET, styled(template, **values))


def _human(value: str) -> str:
    return value.replace("_", " ")


class FindingsList(OptionList):
    """The findings grow with the Review page instead of scrolling inside it (one scrollbar at
    80x24), so keeping the highlighted finding in view is the page's job: a request to scroll
    the list itself is passed to the first ancestor that can scroll.

    For the same reason the keys the list cannot use go on to the page: Page Up/Down,
    Home and End always scroll the page, and Up on the first finding or Down on the last one
    scroll on past the list. Without this the list swallowed them and, with it focused (as
    the Review opens), the role, budget and onboarding below could not be reached.
    """

    PAGE_KEYS = frozenset({"page_up", "page_down", "first", "last"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.max_scroll_y > 0:
            return True  # a list taller than its own box (never on the Review) keeps its keys
        last = self.option_count - 1
        if action in self.PAGE_KEYS:
            return False
        if action == "cursor_down":
            return self.highlighted is None or self.highlighted < last
        if action == "cursor_up":
            return self.highlighted is None or self.highlighted > 0
        return True

    def scroll_to_region(self, region: Region, *args: Any, **kwargs: Any) -> Any:
        if self.max_scroll_y > 0:
            return super().scroll_to_region(region, *args, **kwargs)
        for page in self.ancestors:
            if isinstance(page, Widget) and page.max_scroll_y > 0:
                shift = self.content_region.offset - page.content_region.offset
                return page.scroll_to_region(
                    region.translate(shift + page.scroll_offset), *args, **kwargs
                )
        return super().scroll_to_region(region, *args, **kwargs)


class ReviewPane(VerticalScroll):
    """Everything the rules derive from the draft, refreshed whenever the draft changes."""

    class JumpTo(Message):
        """The founder picked a finding: go to the answer that causes it."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, answers: Answers, checklist: Checklist) -> None:
        super().__init__(id="step-review", classes="review")
        self.checklist = checklist
        self.answers = answers
        self._findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-top"):
            with Vertical(id="verdict"):
                yield Static(id="verdict-word")
                yield Static(id="verdict-line")
                yield Static(id="verdict-score")
            yield Static(id="sections")
        yield Static(id="missing")
        findings = FindingsList(id="findings")
        findings.border_title = "Findings"
        findings.border_subtitle = "Enter: go to the answer"
        yield findings
        with Vertical(id="role", classes="panel") as role:
            role.border_title = "Recommended role"
            yield Static(id="role-body")
        with Vertical(id="post-changes", classes="panel") as changes:
            changes.border_title = changes_heading()[0]
            yield Static(id="post-changes-body")
        with Horizontal(id="review-bottom"):
            with Vertical(id="budget", classes="panel") as budget:
                budget.border_title = "Budget"
                yield Static(id="budget-body")
            with Vertical(id="onboarding", classes="panel") as onboarding:
                onboarding.border_title = "Onboarding"
                yield Static(id="onboarding-body")
        with Vertical(id="loop", classes="panel") as loop:
            loop.border_title = "Interview loop"
            yield Static(id="loop-body")

    def on_mount(self) -> None:
        self.refresh_from(self.answers)

    def refresh_from(self, answers: Answers) -> None:
        """Re-derive from the draft; hidden answers are pruned exactly as a saved plan would be."""
        self.answers = answers
        missing = missing_required(answers, self.checklist)
        self._show_missing(missing)
        # Until every required answer is in there is no verdict and no role: the core does not
        # guess, so neither does the Review (docs/plan-file.md, "Required for a verdict").
        parts = "#sections, #findings, #role, #post-changes, #review-bottom, #loop"
        for part in self.query(parts):
            part.display = not missing
        if missing:
            self._show_incomplete(len(missing))
            return
        pruned = prune_hidden(answers, self.checklist)
        d = derive(pruned, self.checklist)
        self._show_verdict(d)
        self._show_sections(d)
        self._show_findings(d.findings)
        self._show_role(d)
        self._show_post_changes(pruned, d)
        self._show_budget(d)
        self._show_onboarding(d)
        self._show_loop(d)

    def _title(self, step_id: str) -> str:
        try:
            return self.checklist.step(step_id).title
        except KeyError:
            return step_id.title()

    def _show_incomplete(self, count: int) -> None:
        box = self.query_one("#verdict")
        for verdict in labels.labels().verdicts:
            box.remove_class(f"-{verdict.replace('_', '-')}")
        self.query_one("#verdict-word", Static).update("[b]INCOMPLETE[/b]")
        self.query_one("#verdict-line", Static).update(
            "No recommendation yet: answer the required questions listed below."
        )
        self.query_one("#verdict-score", Static).update(
            labels.plural(count, "required answer") + " missing"
        )

    def _show_verdict(self, d: Derivation) -> None:
        r = d.readiness
        text = labels.verdict(r.verdict)
        box = self.query_one("#verdict")
        for verdict in labels.labels().verdicts:
            box.set_class(verdict == r.verdict, f"-{verdict.replace('_', '-')}")
        weakest = labels.weakest(r)
        pruned = prune_hidden(self.answers, self.checklist)
        handled = handled_ids(pruned, d.role, d.interview_loop)
        why = labels.why_text(r, d.findings, handled)
        title = self._title(weakest) if weakest else None
        self.query_one("#verdict-word", Static).update(styled("[b]$word[/b]", word=text.word))
        self.query_one("#verdict-line", Static).update(
            plain(labels.verdict_line(r, d.findings, title, handled))
        )
        # The score is named for what it is, the weakest section, so "ALMOST" above a low
        # score reads as one story: the verdict from the findings, the score from one section.
        where = " [b]$weakest[/b]" if title else ""
        self.query_one("#verdict-score", Static).update(
            styled(
                f"$heading:{where} [b {_score_style(r.score)}]{r.score}[/]/100"
                + ("\nWhy: $why" if why is not None else "")
                + "\n[dim]$explain[/]\n[dim]$band[/]",
                heading=labels.score_heading(),
                explain=labels.explain_score(r, title),
                weakest=title or "",
                why=why or "",
                band=labels.data_band(r.data_band),
            )
        )

    def _show_sections(self, d: Derivation) -> None:
        r = d.readiness
        lowest = min(r.sections.values()) if r.sections else None
        scored = [s for s in self.checklist.steps if s.id in r.sections]
        width = max((len(s.title) for s in scored), default=8)
        lines = []
        for step in scored:
            score = r.sections[step.id]
            mark = " [b $text-error]◀[/]" if score == lowest and score < 100 else ""
            lines.append(
                styled(f"$title {bar(score)} {score:>3}{mark}", title=step.title.ljust(width))
            )
        unscored = [s.title for s in self.checklist.steps if s.id not in r.sections]
        if unscored:
            lines.append(styled("[dim]Not scored: $steps[/]", steps=", ".join(unscored)))
        self.query_one("#sections", Static).update(Content("\n").join(lines))

    def _show_missing(self, missing: list[str]) -> None:
        widget = self.query_one("#missing", Static)
        widget.display = bool(missing)
        if missing:
            lines = [
                f"{self._title(k.partition('.')[0])}: {self.checklist.question(k).prompt}"
                for k in missing
            ]
            widget.update(
                styled(
                    f"[b]Missing answers ({len(missing)})[/b] — the recommendation and saving "
                    "wait for these:\n$lines",
                    lines="\n".join(lines),
                )
            )

    def _show_findings(self, found: list[Finding]) -> None:
        ordered = labels.by_severity(found)
        self._findings = ordered
        findings = self.query_one("#findings", OptionList)
        highlighted = findings.highlighted
        findings.clear_options()
        findings.border_title = f"Findings · {labels.counts(found)}"
        if not ordered:
            findings.add_option(Option("[dim]No findings: nothing stands in the way.[/]"))
            return
        for index, f in enumerate(ordered):
            style = SEVERITY_STYLE[f.severity]
            where = "Do"
            if f.answers:
                where = f"Fix in {self._title(f.answers[0].partition('.')[0])}"
            findings.add_option(
                Option(
                    styled(
                        f"[b auto on {style}] {f.severity.upper():<7} [/] "
                        + ("[b]Mistake $mistake[/b] · " if f.mistake else "")
                        + "$title\n[dim]$where:[/] $action",
                        mistake=f.mistake,
                        title=f.title,
                        where=where,
                        action=f.action,
                    ),
                    id=f"finding-{index}",
                )
            )
        # Keep the founder's place across refreshes; otherwise start on the first finding so
        # Enter jumps straight away instead of needing an arrow key first.
        keep = highlighted is not None and highlighted < len(ordered)
        findings.highlighted = highlighted if keep else 0

    @on(OptionList.OptionSelected, "#findings")
    def _finding_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if index < len(self._findings) and self._findings[index].answers:
            self.post_message(self.JumpTo(self._findings[index].answers[0]))

    def _show_role(self, d: Derivation) -> None:
        role = d.role
        lines = [
            styled(
                "[b $text-accent]$title[/]  ·  $seniority  ·  $engagement",
                title=role.title,
                seniority=_human(role.seniority),
                engagement=labels.engagement(role.engagement),
            ),
            plain(role.summary),
        ]
        sections = [
            ("\n[b]Must have[/b]", [_item("$text", text=t) for t in role.must_have]),
            (
                "[b]What you will need to show[/b]",
                [_item("$text", text=t) for t in abilities(self.answers)],
            ),
            ("[b]Nice to have[/b]", [_item("$text", text=t) for t in role.nice_to_have]),
            ("[b]Not required[/b]", [_item("[dim]$text[/]", text=t) for t in role.not_required]),
            (
                "[b]Why this role[/b]",
                [
                    _item("$text [dim]($source)[/]", text=r.text, source=r.source)
                    for r in role.rationale
                ],
            ),
            (
                "[b]Alternatives[/b]",
                [_item("$title: $why", title=a.title, why=a.why) for a in role.alternatives],
            ),
        ]
        parts: list[Visual] = list(lines)
        for heading, items in sections:
            if items:
                parts.append(Content.from_markup(heading))
                parts += items
        self.query_one("#role-body", Static).update(Stacked(parts))

    def _show_post_changes(self, answers: Answers, d: Derivation) -> None:
        """Where the job post will say something other than the answers, and why: the founder
        sees it here, the candidate-facing post stays clean (wizard/post_changes.py)."""
        changes = post_changes(answers, d.role, d.interview_loop)
        panel = self.query_one("#post-changes")
        panel.display = bool(changes)
        if not changes:
            return
        lines: list[Visual] = [styled("[dim]$intro[/]", intro=changes_heading()[1])]
        lines += [_item("$what [dim]$why[/]", what=c.what, why=c.why) for c in changes]
        self.query_one("#post-changes-body", Static).update(Stacked(lines))

    def _show_budget(self, d: Derivation) -> None:
        """The same sentences as ``hirewiz show`` and the export (wizard.pay.budget_lines): the
        range, what it measures and whether it is a proxy, the source and date, and the
        comparison with the founder's budget; without a figure, the rationale says why."""
        if not d.budget_lines:
            reason = next(
                (r.text for r in d.role.rationale if r.text.startswith("No sourced")), None
            )
            text = styled("[dim]$why[/]", why=reason or "No sourced pay figure for this plan.")
        else:
            text = Content("\n").join(
                styled("[dim]$line[/]" if line.startswith("Source: ") else "$line", line=line)
                for line in d.budget_lines
            )
        self.query_one("#budget-body", Static).update(text)

    def _show_onboarding(self, d: Derivation) -> None:
        done, missing = (
            Content.from_markup("[$text-success]✓[/] "),
            Content.from_markup("[$text-error]✗[/] "),
        )
        lines: list[Visual] = [
            Hanging(done if i.done else missing, plain(i.text)) for i in d.onboarding.items
        ]
        self.query_one("#onboarding-body", Static).update(Stacked(lines))

    def _show_loop(self, d: Derivation) -> None:
        lines: list[Visual] = []
        width = len(str(len(d.interview_loop))) + 2  # "1. ", or "10. " when there are ten
        for n, stage in enumerate(d.interview_loop, 1):
            guards = " ".join(f"#{g}" for g in stage.guards)
            text = styled(
                f"[b]$name[/b] · {stage.minutes} min · [dim]guards mistakes $guards[/]\n$format",
                name=stage.name,
                guards=guards,
                format=stage.format,
            )
            number = Content.from_markup(f"[b]{n}.[/b]")
            lines.append(Hanging(number.pad_right(width - number.cell_length), text))
        body = Stacked(lines) if lines else Content.from_markup("[dim]—[/]")
        self.query_one("#loop-body", Static).update(body)
