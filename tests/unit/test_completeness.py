"""No verdict from guessed answers: questions that change the advice start unanswered, and the
core says "incomplete", with what is missing, until every required answer that applies is in."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import DROP, apply, ready_raw
from tests.helpers.cli import run_cli
from tests.helpers.paths import READY
from wizard.answers import (
    IncompleteAnswers,
    missing_required,
    new_answers,
    require_complete,
    validate_answers,
    visible,
)
from wizard.planfile import build_plan, dumps, load_plan

FOLLOW_UPS = ("production.monitoring", "production.retraining", "production.drift_incidents")


def _write(path: Path, raw: dict[str, dict[str, Any]]) -> Path:
    import tomli_w

    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    return path


def test_no_question_starts_with_an_answer(checklist: Checklist) -> None:
    """Only lists start as something, and that something is an empty selection."""
    for key, q in checklist.questions():
        if q.kind in ("multi", "list"):
            assert q.default in (None, []), key
        else:
            assert q.default is None, key


def test_region_is_not_preselected(checklist: Checklist) -> None:
    assert new_answers(checklist).context.hiring_region is None


def test_a_new_plan_is_incomplete_and_names_what_is_missing(checklist: Checklist) -> None:
    answers = new_answers(checklist)
    missing = missing_required(answers, checklist)
    assert "context.hiring_region" in missing and "goals.build_mode" in missing
    assert set(FOLLOW_UPS).isdisjoint(missing)  # not shown until models are in production
    with pytest.raises(IncompleteAnswers) as info:
        build_plan(answers, checklist)
    assert list(info.value.missing) == missing


def test_required_for_a_verdict_is_every_shown_non_optional_input(checklist: Checklist) -> None:
    answers = new_answers(checklist)
    expected = [
        key
        for key, q in checklist.questions()
        if q.required and visible(key, answers, checklist) and q.default is None
    ]
    assert missing_required(answers, checklist) == expected
    optional = {key for key, q in checklist.questions() if not q.required}
    assert optional == {
        "context.location",
        "context.apply_contact",
        "goals.outcome",  # empty is a blocker with its own finding, not a missing answer
        "goals.success_metric",
        "timing.monthly_budget",
        "timing.budget_currency",
        "timing.pay_low",
        "timing.pay_high",
        "timing.equity_offered",
        "team.async_practices",  # asked of remote_async teams; none ticked means none
    }


def test_complete_answers_pass(checklist: Checklist) -> None:
    answers = validate_answers(ready_raw(), checklist)
    require_complete(answers, checklist)
    assert build_plan(answers, checklist).readiness.verdict


@pytest.mark.parametrize("key", ["context.hiring_region", "data.recorded", "team.partners"])
def test_answers_file_missing_a_required_answer_is_one_line_exit_2(
    key: str, tmp_path: Path
) -> None:
    path = _write(tmp_path / "a.toml", apply(ready_raw(), {key: DROP}))
    out = tmp_path / "out.toml"
    code, _, err = run_cli("plan", "--answers", path, "-o", out)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and f"{key}: is required" in lines[0]
    assert not out.exists()


def test_no_models_in_production_means_no_follow_up_questions(
    tmp_path: Path, checklist: Checklist
) -> None:
    raw = apply(ready_raw(), dict.fromkeys(FOLLOW_UPS, DROP))
    assert raw["production"]["models_in_production"] == 0
    path = _write(tmp_path / "a.toml", raw)
    code, _, err = run_cli("check", path)
    assert code == 0, err
    # Answers given anyway are not asked and not saved.
    text = dumps(load_plan(READY, checklist))
    production = tomllib.loads(text)["answers"]["production"]
    assert set(production) == {"models_in_production", "serving"}


def test_models_in_production_make_the_follow_ups_required(
    tmp_path: Path, checklist: Checklist
) -> None:
    raw = apply(ready_raw(), {"production.models_in_production": 2, FOLLOW_UPS[0]: DROP})
    answers = validate_answers(raw, checklist)
    assert missing_required(answers, checklist) == [FOLLOW_UPS[0]]
    path = _write(tmp_path / "a.toml", raw)
    code, _, err = run_cli("check", path)
    assert code == 2 and f"{FOLLOW_UPS[0]}: is required" in err


def test_follow_ups_wait_for_the_model_count(checklist: Checklist) -> None:
    """Unanswered count: the follow-ups are not shown yet (and so not missing)."""
    answers = new_answers(checklist)
    assert not any(visible(k, answers, checklist) for k in FOLLOW_UPS)


@pytest.mark.parametrize(
    ("changes", "dropped", "missing"),
    [
        ({"context.work_mode": "remote_async"}, "team.tz_overlap_hours", True),
        ({"context.work_mode": "onsite"}, "team.tz_overlap_hours", False),
        ({"assessment.take_home": "generic_algorithms"}, "assessment.take_home_hours", True),
        ({"assessment.take_home": "none"}, "assessment.take_home_paid", False),
    ],
)
def test_follow_up_questions_are_required_only_when_shown(
    changes: dict[str, Any], dropped: str, missing: bool, checklist: Checklist
) -> None:
    answers = validate_answers(apply(ready_raw(), {dropped: DROP, **changes}), checklist)
    assert missing_required(answers, checklist) == ([dropped] if missing else [])
