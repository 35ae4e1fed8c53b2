"""The verdict and the score read as one story, and ``show`` speaks plainly by default.

A founder read "Almost" beside "Readiness 39/100" as a contradiction: the verdict comes from the
findings, the score is the weakest section. Every surface now says why the verdict is what it is
and names the score for what it is. ``hirewiz show`` kept SOC codes, citations and mistake
numbers in the default output; they moved behind ``--sources``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from checklists.loader import Checklist
from tests.helpers.answers import Make
from tests.helpers.cli import run_cli
from wizard import labels
from wizard.export import export_markdown
from wizard.models import Readiness
from wizard.planfile import build_plan, dumps

# Almost, with a low score: the onboarding section is empty, only warnings (no blocker).
LOW = {
    "onboarding.plan_30_60_90": False,
    "onboarding.pipelines_documented": False,
    "onboarding.domain_expert_access": False,
    "onboarding.buddy": False,
    "onboarding.growth_budget": False,
}


def _plan_file(make: Make, checklist: Checklist, work: Path, changes: Mapping[str, object]) -> Path:
    path = work / "plan.toml"
    path.write_text(dumps(build_plan(make(changes), checklist)), encoding="utf-8")
    return path


def test_the_verdict_line_says_where_the_verdict_comes_from(
    make: Make, checklist: Checklist
) -> None:
    plan = build_plan(make(LOW), checklist)
    r = plan.readiness
    assert r.verdict == "almost" and r.score < 40
    warnings = sum(f.severity == "warning" for f in plan.findings)
    line = labels.verdict_line(r, plan.findings, "Onboarding")
    assert line.startswith("No blockers") and labels.plural(warnings, "warning") in line


def test_almost_from_the_score_alone_names_the_section() -> None:
    r = Readiness(score=55, mean=90, verdict="almost", data_band="A", sections={"team": 55})
    line = labels.verdict_line(r, [], "Team")
    assert "No blockers or warnings" in line and "Team scores 55" in line and "70" in line


def test_not_yet_counts_its_blockers() -> None:
    from wizard.models import Finding

    blocker = Finding(
        id="x", severity="blocker", section="goals", title="t", detail="d", action="a", source="s"
    )
    r = Readiness(score=10, mean=50, verdict="not_yet", data_band="C", sections={"goals": 10})
    assert labels.verdict_line(r, [blocker, blocker], "Goals").startswith("2 blockers")


def test_show_names_the_score_as_the_weakest_section(
    make: Make, checklist: Checklist, work: Path
) -> None:
    code, out, err = run_cli("show", _plan_file(make, checklist, work, LOW))
    assert code == 0, err
    assert "readiness " not in out.lower().replace("readiness by section", "")
    assert "Weakest section: Onboarding" in out and "No blockers, but" in out
    assert "not an overall grade" in " ".join(out.split())


def test_the_export_summary_names_the_score_as_the_weakest_section(
    make: Make, checklist: Checklist
) -> None:
    text = export_markdown(build_plan(make(LOW), checklist), checklist)
    summary = text.split("## Readiness summary (internal)", 1)[1].split("| Section", 1)[0]
    assert "**Almost ready**: No blockers, but" in summary
    assert "Weakest section: Onboarding," in summary and "readiness " not in summary


def test_show_is_plain_by_default_and_keeps_sources_on_a_flag(
    make: Make, checklist: Checklist, work: Path
) -> None:
    path = _plan_file(make, checklist, work, {"context.hiring_region": "us"})
    code, plain, err = run_cli("show", path)
    assert code == 0, err
    for jargon in ("SOC", "Source:", "Seed article", "What it measures"):
        assert jargon not in plain, jargon
    # The hint may wrap or fold at the terminal's width; its characters are what count.
    compact = "".join(plain.split())
    assert "hirewizshow--sources" in compact and "plan.toml" in compact
    code, full, err = run_cli("show", "--sources", path)
    assert code == 0, err
    for detail in ("SOC", "Source:", "Seed article", "What it measures"):
        assert detail in full, detail
    assert "--sources" not in full
