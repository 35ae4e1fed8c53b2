"""The advice data (checklists/findings.toml and friends) is checked here, not at run time.

Every finding is well formed, raised by exactly one check that declares it, documented in
docs/rules.md, and cites sources from the project's list; broken copies of the files are caught
with the file and key named.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checklists.advice import HERE, load_advice, problems, read_advice
from checklists.loader import Checklist
from tests.helpers.paths import ROOT
from wizard.rules.catalog import AFTER_TRACK, BEFORE_TRACK, Check

RULES_MD = ROOT / "docs" / "rules.md"
# The short names of the sources the advice stands on (docs/rules.md, "Sources").
SOURCE_NAMES = (
    "Seed article (EngineerBabu)",
    "ML Test Score (Breck et al., 2017)",
    "Data Readiness Levels (Lawrence, 2017)",
    "Rules of ML (Zinkevich)",
    "AI hierarchy of needs (Rogati, 2017)",
    "MLOps maturity model (Microsoft)",
    "ML feasibility study (Microsoft engineering playbook)",
    "Roles (Full Stack Deep Learning; Huyen, ML Interviews)",
    "Seniority and onboarding (lgmoneda, data-science-management)",
    "Structured hiring (Greenhouse; Google re:Work)",
    "Take-home practice (hiring-without-whiteboards)",
    "Predictive validity (Schmidt & Hunter, 1998; Sackett et al., 2022)",
    "Remote work (GitLab remote playbook)",
    "AI engineering (Huyen, AI Engineering, O'Reilly, 2025)",
    "Advisor equity (Founder Institute, FAST agreement)",
    "Pay transparency",
)


def _keys(checklist: Checklist) -> set[str]:
    return {k for k, _ in checklist.questions()}


def test_shipped_advice_data_has_no_problems(checklist: Checklist) -> None:
    assert problems(load_advice(), _keys(checklist)) == []


CHECKS: list[Check[Any]] = [*BEFORE_TRACK, *AFTER_TRACK]


def test_every_finding_is_declared_by_exactly_one_check() -> None:
    declared = [fid for c in CHECKS for fid in c.raises]
    assert len(declared) == len(set(declared)), "a finding id is declared by two checks"
    assert set(declared) == set(load_advice().findings)


def test_every_check_says_why() -> None:
    for c in CHECKS:
        assert len(c.why) > 20, c.name


def test_only_goal_too_early_and_feasibility_findings_block() -> None:
    blockers = {f.id for f in load_advice().findings.values() if f.severity == "blocker"}
    assert blockers == {
        "goal-outcome-missing",
        "goal-outcome-hype",
        "goal-outcome-vague",
        "goal-metric-missing",
        "goal-metric-no-number",
        "goal-metric-only-numbers",
        "too-early-data",
        "too-early-unvalidated",
        "feasibility-first",
    }
    before = {fid for c in BEFORE_TRACK for fid in c.raises}
    assert blockers <= before, "blockers must be computed before the track"


def test_every_source_is_a_known_reference() -> None:
    advice = load_advice()
    texts = [f.source for f in advice.findings.values()] + [
        r.source for r in advice.reasons.values()
    ]
    for text in texts:
        if text == "{source}":
            continue  # filled with the pay figure's own source
        assert any(name in text for name in SOURCE_NAMES), text


def test_every_finding_id_is_documented_in_rules_md() -> None:
    doc = RULES_MD.read_text(encoding="utf-8")
    missing = [fid for fid in load_advice().findings if f"`{fid}`" not in doc]
    assert missing == []


def test_rules_md_names_no_finding_that_does_not_exist() -> None:
    doc = RULES_MD.read_text(encoding="utf-8")
    ids = set(load_advice().findings)
    section = doc.split("## Findings", 1)[1]
    named = set(re.findall(r"^\| `([a-z0-9-]+)`", section, flags=re.M))
    assert named == ids


def test_word_lists_catch_the_review_examples() -> None:
    words = load_advice().words
    assert "langchain" in words.frameworks and "python" in words.languages
    assert {"disrupt", "leverage ai", "transform our business"} <= set(words.hype_phrases)
    assert {"accuracy", "f1", "auc", "perplexity"} <= words.model_measures


def test_placeholders_are_plain_names() -> None:
    for f in load_advice().findings.values():
        for name in f.placeholders():
            assert re.fullmatch(r"[a-z_]+", name), (f.id, name)


def test_run_time_advice_loader_uses_no_validation_library() -> None:
    tree = ast.parse((HERE / "advice.py").read_text(encoding="utf-8"))
    modules = {
        n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
    }
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert "pydantic" not in modules


def _copy(tmp: Path) -> Path:
    target = tmp / "checklists"
    shutil.copytree(HERE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


BROKEN = [
    (
        "attribute names an unknown stage",
        _edit("interview.toml", 'stages = ["work_sample", "trial_task"]', 'stages = ["lunch"]'),
        "interview.toml: categories['craft'].attributes['messy_data'].stages: no stage 'lunch'",
    ),
    (
        "onboarding answer unknown",
        _edit("onboarding.toml", 'answer = "onboarding.buddy"', 'answer = "onboarding.pal"'),
        "onboarding.toml: items['buddy'].answer: no question 'onboarding.pal'",
    ),
    (
        "track missing",
        _edit("roles.toml", "[tracks.ml_advisor]", "[tracks.ml_wizard]"),
        "roles.toml: tracks: must be exactly",
    ),
    (
        "finding severity unknown",
        _edit("findings.toml", 'severity = "tip"', 'severity = "hint"'),
        "findings.toml: findings['goal-metric-no-current-value'].severity",
    ),
    (
        "finding answer unknown",
        _edit("findings.toml", 'answers = ["goals.outcome"]', 'answers = ["goals.result"]'),
        "findings.toml: findings['goal-outcome-missing'].answers: no question 'goals.result'",
    ),
    (
        "finding text not a sentence",
        _edit("findings.toml", 'title = "There is no success metric."', 'title = "No metric"'),
        "findings.toml: findings['goal-metric-missing'].title: must be whole sentences",
    ),
    (
        "a tip that blocks",
        _edit(
            "findings.toml",
            'mistake = 4\nseverity = "warning"',
            'mistake = 4\nseverity = "blocker"',
        ),
        "findings.toml: findings['no-product-interview'].severity: only goal",
    ),
]


@pytest.mark.parametrize(("name", "breakit", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_advice_data_is_named(
    name: str, breakit: Callable[[Path], None], message: str, tmp_path: Path, checklist: Checklist
) -> None:
    folder = _copy(tmp_path)
    assert problems(read_advice(folder), _keys(checklist)) == []
    breakit(folder)
    found = problems(read_advice(folder), _keys(checklist))
    assert any(p.startswith(message) for p in found), found


def test_interview_kit_text_covers_every_track() -> None:
    from checklists.advice import TRACKS
    from checklists.interview_kit import load_interview_kit

    kit = load_interview_kit()
    assert set(kit.take_home_brief) == set(TRACKS) - {"ml_advisor"} | {"common"}
    assert {"production", "product", "remote", "scoping", "on_device"} <= set(kit.question_areas)
    for lines in (*kit.take_home_brief.values(), *kit.question_areas.values()):
        assert all(line.endswith((".", "?")) for line in lines)


def test_job_post_text_covers_every_choice(checklist: Checklist) -> None:
    import tomllib

    post = tomllib.loads((HERE / "job_post.toml").read_text(encoding="utf-8"))
    for table, key in (
        ("stage", "timing.stage"),
        ("reports_to", "team.reports_to"),
        ("work_mode", "context.work_mode"),
    ):
        assert set(post[table]) == set(checklist.question(key).choice_values), table
    labels = {f"labels_{v}" for v in checklist.question("data.labels").choice_values}
    pipelines = {f"pipeline_{v}" for v in checklist.question("data.pipeline").choice_values}
    assert labels | pipelines <= set(post["data"])
