"""One source for labels, readable scores, findable paths and the keys `hirewiz set` takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklists.advice import TRACKS
from tests.helpers.cli import run_cli
from tests.helpers.paths import FRAUD
from wizard import labels
from wizard.answers import get_checklist
from wizard.diff import distinct_names
from wizard.keys import closest_keys, key_infos
from wizard.library import display_path, fold_left, saved_line
from wizard.models import Finding, Readiness, Severity
from wizard.planfile import load_plan


def _finding(severity: Severity, section: str = "goals", title: str = "t") -> Finding:
    return Finding(
        id="x", severity=severity, section=section, title=title, detail="d", action="a", source="s"
    )


def test_counts_use_plurals() -> None:
    found = [_finding("blocker")] + [_finding("warning")] * 9
    assert labels.counts(found) == "1 blocker · 9 warnings · 0 tips"
    assert labels.counts([], zero=False) == ""


def test_severity_order_is_one_list() -> None:
    found = [_finding("tip"), _finding("blocker"), _finding("warning")]
    assert [f.severity for f in labels.by_severity(found)] == ["blocker", "warning", "tip"]


@pytest.mark.parametrize("track", TRACKS)
def test_role_names_start_with_a_capital(track: str) -> None:
    name = labels.track_name(track)
    assert name[0].isupper() and "_" not in name
    assert labels.track_name("data_scientist") == "Data scientist"
    assert labels.track_name("ml_engineer") == "ML engineer"


def test_score_is_explained_with_the_weakest_sections_finding() -> None:
    r = Readiness(
        score=20, mean=78, verdict="almost", data_band="B", sections={"goals": 90, "onboarding": 20}
    )
    assert labels.weakest(r) == "onboarding"
    found = [
        _finding("tip", "onboarding", "no buddy"),
        _finding("warning", "onboarding", "no plan"),
    ]
    why = labels.why_weakest(r, found)
    assert why is not None and why.title == "no plan"  # the most serious one explains it
    sentence = labels.explain_score(r, "Onboarding")
    assert "Onboarding" in sentence and "20" in sentence and "78" in sentence
    assert "recorded and usable" in labels.data_band("B")


def test_every_verdict_has_words() -> None:
    for verdict in ("ready", "almost", "not_yet"):
        text = labels.verdict(verdict)
        assert text.word and text.label and text.line


def test_export_work_mode_matches_the_wizard() -> None:
    from wizard.export import job_post

    checklist = get_checklist()
    plan = load_plan(FRAUD, checklist)
    label = checklist.question("context.work_mode").label_for(plan.answers.context.work_mode or "")
    assert any(label in line for line in job_post(plan, checklist))


def test_library_paths_are_real_paths(hirewiz_home: Path) -> None:
    shown = display_path(hirewiz_home / "plans" / "a.toml")
    assert not shown.startswith("library/")
    assert Path(shown).expanduser() == (hirewiz_home / "plans" / "a.toml").resolve()
    home_plan = Path.home() / "my plans" / "a.toml"
    assert display_path(home_plan) == "~/my plans/a.toml"
    assert saved_line(home_plan).endswith("hirewiz show ~/'my plans/a.toml')")


def test_fold_left_keeps_the_file_name() -> None:
    assert fold_left("/a/b/c/plan.toml", 10) == "…plan.toml"
    assert fold_left("short", 10) == "short"
    assert len(fold_left("x" * 10_000, 40)) == 40


def test_diff_headings_differ_when_names_shorten_alike() -> None:
    a, b = distinct_names("/tmp/one/plan.toml", "/tmp/two/plan.toml")
    assert a != b and a == "A: one/plan.toml" and b == "B: two/plan.toml"
    assert distinct_names("x.toml", "y.toml") == ("A: x.toml", "B: y.toml")
    a, b = distinct_names("plan.toml", "plan.toml")
    assert a != b


def test_every_question_is_a_key() -> None:
    checklist = get_checklist()
    infos = {i.key: i for i in key_infos(checklist)}
    assert set(infos) == {k for k, _ in checklist.questions()}
    assert infos["context.company"].need == "required"
    assert "onsite" in infos["context.work_mode"].accepts
    assert infos["goals.outcome"].need == "needed for a verdict"


def test_a_mistyped_key_gets_the_closest_ones() -> None:
    near = closest_keys("budget", get_checklist())
    assert "timing.monthly_budget" in near
    assert closest_keys("zzzzzz", get_checklist()) == []


def test_set_names_the_closest_keys(hirewiz_home: Path, tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    assert run_cli("plan", "--answers", FRAUD, "-o", plan)[0] == 0
    before = plan.read_bytes()
    code, _, err = run_cli("set", plan, "budget=5")
    assert code == 2
    assert "timing.monthly_budget" in err and "hirewiz keys" in err
    assert len(err.strip().splitlines()) == 1 and plan.read_bytes() == before


def test_keys_lists_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run_cli("keys")
    assert code == 0
    for key, _ in get_checklist().questions():
        assert key in out


def test_outcome_and_metric_are_needed_for_a_verdict() -> None:
    checklist = get_checklist()
    assert labels.need("goals.outcome", checklist) == "verdict"
    assert labels.need("goals.success_metric", checklist) == "verdict"
    assert labels.need("timing.monthly_budget", checklist) == "recommended"
    assert labels.need("context.company", checklist) == "required"


def test_no_prompt_carries_its_own_mark() -> None:
    """The field adds "(optional)" or "(recommended)"; a prompt saying it too doubled it."""
    for key, q in get_checklist().questions():
        assert "(optional)" not in q.prompt and "(recommended)" not in q.prompt, key
