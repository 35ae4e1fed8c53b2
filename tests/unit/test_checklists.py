"""The checklist data: it matches the plan-file contract (docs/plan-file.md), and a broken copy
fails loudly, naming the file and the key, instead of surfacing later as a wrong screen or a
wrong plan."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checklists.loader import HERE, Checklist, ChecklistError, _load, load_checklist
from tests.helpers.cli import run_cli
from tests.helpers.paths import READY
from wizard.answer_types import contract_problems
from wizard.answers import validate_answers
from wizard.models import answers_model
from wizard.planfile import build_plan, dumps, load_answers, load_plan

TEXT = "text"
INT = "int"
BOOL = "bool"
LIST = "list"

# docs/plan-file.md "Answers", transcribed: key → choice values (a tuple), or a kind.
CONTRACT_INPUTS: dict[str, tuple[str, ...] | str] = {
    "context.company": TEXT,
    "context.plan_title": TEXT,
    "context.planned_title": (
        "ml_engineer",
        "data_scientist",
        "mlops_engineer",
        "data_engineer",
        "ai_engineer",
        "ml_advisor",
        "unsure",
    ),
    "context.ml_staff": INT,
    "context.work_mode": ("onsite", "hybrid", "remote_same_tz", "remote_async"),
    "context.hiring_region": ("india", "us", "uk", "eu", "other"),
    "context.location": TEXT,
    "context.apply_contact": TEXT,
    "goals.problem_type": (
        "recommendation",
        "predictive_analytics",
        "nlp",
        "computer_vision",
        "time_series",
        "search_ranking",
        "other",
    ),
    "goals.data_kind": ("structured", "text", "images", "audio", "mixed"),
    "goals.build_mode": ("use_existing", "llm", "from_scratch", "unsure"),
    "goals.deliverable": ("insights", "product_feature", "ml_platform"),
    "goals.outcome": TEXT,
    "goals.success_metric": TEXT,
    "goals.heuristic_baseline": BOOL,
    "data.recorded": BOOL,
    "data.accessible": BOOL,
    "data.privacy_cleared": BOOL,
    "data.quality_checked": BOOL,
    "data.labels": ("yes", "partial", "no", "not_needed"),
    "data.pipeline": ("none", "manual", "automated"),
    "production.models_in_production": INT,
    "production.serving": ("none", "batch", "online_api", "on_device", "unsure"),
    "production.monitoring": ("none", "manual", "automated"),
    "production.retraining": ("none", "manual", "automated"),
    "production.drift_incidents": BOOL,
    "timing.stage": ("idea", "mvp", "product_market_fit", "scaling"),
    "timing.use_case_validated": BOOL,
    "timing.urgency": ("exploring", "this_quarter", "overdue"),
    "timing.monthly_budget": INT,
    "timing.budget_currency": ("USD", "EUR", "GBP", "INR"),
    "timing.equity_offered": BOOL,
    "timing.pay_low": INT,
    "timing.pay_high": INT,
    "team.reports_to": (
        "technical_founder",
        "non_technical_founder",
        "engineering_lead",
        "ml_lead",
    ),
    "team.partners": ("product_manager", "backend", "data", "domain_expert"),
    "team.tz_overlap_hours": INT,
    "team.async_practices": ("written_specs", "recorded_demos", "shared_tracker", "docs_first"),
    "assessment.take_home": ("none", "scenario_messy_data", "generic_algorithms"),
    "assessment.take_home_hours": INT,
    "assessment.take_home_paid": BOOL,
    "assessment.production_interview": BOOL,
    "assessment.product_interview": BOOL,
    "assessment.required_degree": ("none", "bachelor", "masters", "phd"),
    "assessment.must_have_tools": LIST,
    "assessment.competencies": LIST,
    "onboarding.plan_30_60_90": BOOL,
    "onboarding.pipelines_documented": BOOL,
    "onboarding.domain_expert_access": BOOL,
    "onboarding.buddy": BOOL,
    "onboarding.growth_budget": BOOL,
}
MULTI = {"team.partners", "team.async_practices"}
REQUIRED_TEXT = {"context.company", "context.plan_title"}
OPTIONAL = {
    "context.location",
    "context.apply_contact",
    "timing.monthly_budget",
    "timing.budget_currency",
    "timing.equity_offered",
    "timing.pay_low",
    "timing.pay_high",
}
# Ranges the contract states: (min, max); None where it gives no bound.
RANGES = {
    "context.ml_staff": (0, None),
    "production.models_in_production": (0, None),
    "timing.monthly_budget": (0, None),
    "timing.pay_low": (0, None),
    "timing.pay_high": (0, None),
    "team.tz_overlap_hours": (0, 24),
}


def test_shipped_checklist_loads_and_meets_the_contract(checklist: Checklist) -> None:
    assert contract_problems(checklist) == []
    assert [s.id for s in checklist.steps] == [
        "context",
        "goals",
        "data",
        "production",
        "timing",
        "team",
        "assessment",
        "onboarding",
    ]


@pytest.mark.parametrize("key", sorted(CONTRACT_INPUTS))
def test_spec_inputs_are_exactly_present(key: str, checklist: Checklist) -> None:
    q = checklist.question(key)
    spec = CONTRACT_INPUTS[key]
    if isinstance(spec, tuple):
        assert q.kind == ("multi" if key in MULTI else "choice")
        assert q.choice_values == spec  # same values, in the contract's order
    elif spec == TEXT:
        assert q.kind in ("text", "longtext")
    else:
        assert q.kind == spec
    if key in REQUIRED_TEXT:
        assert q.required
    if key in OPTIONAL:
        assert not q.required
    if key in RANGES:
        low, high = RANGES[key]
        assert q.min == low
        if high is not None:
            assert q.max == high


def test_every_question_has_prompt_help_and_mistakes_in_range(checklist: Checklist) -> None:
    for key, q in checklist.questions():
        assert q.prompt.strip() and q.help.strip(), key
        assert all(1 <= m <= 10 for m in q.mistakes), key


def test_rates_have_source_and_date(checklist: Checklist) -> None:
    """The one rates reader gives the checklist its pay data (details: test_pay.py)."""
    rates = checklist.pay.rates
    india = rates.full_time("india", "ml_engineer", "senior")
    assert india is not None
    assert (india.currency, india.period, india.low, india.high) == ("USD", "month", 2000, 6000)
    contract = rates.find("india", "ml_engineer", "senior", "contract")
    assert contract is not None
    assert (contract.period, contract.low, contract.high) == ("hour", 20, 60)
    us = rates.full_time("us", "ml_engineer", "senior")
    assert us is not None and us.proxy and "15-1252" in us.source
    for region in ("eu", "other"):
        assert rates.full_time(region, "ml_engineer", "senior") is None
    for rate in rates.shipped:
        assert rate.source and rate.as_of and rate.basis


# --- broken copies --------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "checklists"
    shutil.copytree(HERE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


BROKEN: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("bad toml", _edit("questions.toml", 'id = "company"', 'id = "company'), "questions.toml", ""),
    (
        "unknown kind",
        _edit("questions.toml", 'kind = "int"', 'kind = "integer"'),
        "questions.toml",
        "steps['context'].questions['ml_staff'].kind",
    ),
    (
        "duplicate question id",
        _edit("questions.toml", 'id = "plan_title"', 'id = "company"'),
        "questions.toml",
        "steps['context']",
    ),
    (
        "default not in choices",
        _edit("questions.toml", 'id = "work_mode"', 'id = "work_mode"\n  default = "moon"'),
        "questions.toml",
        "steps['context'].questions['work_mode'].default",
    ),
    (
        "when points nowhere",
        _edit("questions.toml", '"context.work_mode" = [', '"context.workmode" = ['),
        "questions.toml",
        "steps['team'].questions['tz_overlap_hours'].when",
    ),
    (
        "when value unknown",
        _edit(
            "questions.toml",
            '"context.work_mode" = ["remote_async"',
            '"context.work_mode" = ["x"',
        ),
        "questions.toml",
        "steps['team'].questions['tz_overlap_hours'].when",
    ),
    (
        "unknown field",
        _edit("questions.toml", 'placeholder = "Acme Analytics"', 'placeholdr = "Acme"'),
        "questions.toml",
        "steps['context'].questions['company'].placeholdr: unknown key",
    ),
    (
        "when_at_least on a choice",
        _edit("questions.toml", '"production.models_in_production" = 1', '"goals.deliverable" = 1'),
        "questions.toml",
        "steps['production'].questions['monitoring'].when_at_least: no int question",
    ),
    (
        "at_least names a later question",
        _edit("questions.toml", 'at_least = "pay_low"', 'at_least = "equity_offered"'),
        "questions.toml",
        "steps['timing'].questions['pay_high'].at_least",
    ),
    (
        "defaults miss a region",
        _edit("questions.toml", ', other = "USD" }', " }"),
        "questions.toml",
        "steps['timing'].questions['budget_currency'].defaults",
    ),
    (
        "default currency not a choice",
        _edit("questions.toml", 'other = "USD" }', 'other = "CHF" }'),
        "questions.toml",
        "steps['timing'].questions['budget_currency'].defaults: 'CHF'",
    ),
    (
        "format on a number",
        _edit("questions.toml", 'format = "url_or_email"', 'format = "url_or_email"\n  min = 1'),
        "questions.toml",
        "steps['context'].questions['apply_contact']",
    ),
    ("missing questions", _remove("questions.toml"), "questions.toml", "missing"),
    ("missing rates", _remove("rates.toml"), "rates.toml", "missing"),
    (
        "rate low above high",
        _edit("rates.toml", "low = 2000", "low = 9000"),
        "rates.toml",
        "low is above high",
    ),
    (
        "required and recommended",
        _edit(
            "questions.toml",
            "required = false\n  recommended = true",
            "required = true\n  recommended = true",
        ),
        "questions.toml",
        "steps['goals'].questions['outcome']: a required question cannot also be marked",
    ),
]


@pytest.mark.parametrize(("name", "breakit", "file", "key"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_checklist_names_file_and_key(
    name: str, breakit: Callable[[Path], None], file: str, key: str, tmp_path: Path
) -> None:
    folder = _copy(tmp_path)
    load_checklist(folder)  # the intact copy loads
    breakit(folder)
    _load.cache_clear()  # loads are cached per folder; this one changed on disk
    with pytest.raises(ChecklistError) as info:
        load_checklist(folder)
    message = str(info.value)
    assert str(folder / file) in message
    assert key in message
    assert "\n" not in message


def test_contract_problems_name_the_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit("questions.toml", '{ value = "phd", label = "PhD" },', "")(folder)
    problems = contract_problems(load_checklist(folder))
    assert problems == [
        "steps['assessment'].questions['required_degree'].choices: must be exactly "
        "none, bachelor, masters, phd"
    ]


def test_shipped_checklist_is_built_exactly_as_validation_would_build_it(tmp_path: Path) -> None:
    """The shipped data is not validated at run time (the tests do it, here and above), so
    building it without validation must give the very same objects."""
    _load.cache_clear()
    assert load_checklist(_copy(tmp_path)) == load_checklist()


def test_broken_user_rates_are_one_line_from_the_cli() -> None:
    """What a user supplies is validated on every run, the shipped data is not."""
    from wizard.paths import home_dir

    rates = home_dir() / "rates.toml"
    rates.parent.mkdir(parents=True, exist_ok=True)
    rates.write_text(
        '[[rates]]\nregion = "india"\nengagement = "full_time"\ncurrency = "USD"\n'
        'period = "month"\nlow = 9\nhigh = 1\nsource = "mine"\nas_of = "2026"\n',
        encoding="utf-8",
    )
    _load.cache_clear()
    code, _, err = run_cli("plan", "--answers", READY)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and str(rates) in err and "rates[0]" in err


# --- a question added to the data -----------------------------------------------------------

NEW_QUESTION = """
  [[steps.questions]]
  id = "visa_sponsorship"
  prompt = "Can you sponsor a work visa?"
  help = "Sponsorship widens the pool but adds months to the start date."
  kind = "choice"
  required = false
  mistakes = [9]
  choices = [
    { value = "yes", label = "Yes" },
    { value = "no", label = "No" },
  ]
"""


def test_added_question_is_validated_and_round_trips(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "questions.toml"
    text = path.read_text(encoding="utf-8")
    marker = '[[steps]]\nid = "goals"'
    path.write_text(text.replace(marker, NEW_QUESTION + "\n" + marker, 1), encoding="utf-8")
    custom = load_checklist(folder)
    assert contract_problems(custom) == []
    model = answers_model(custom)
    assert "visa_sponsorship" in model.model_fields["context"].annotation.model_fields  # type: ignore[union-attr]

    answers_file = tmp_path / "answers.toml"
    answers_file.write_text(
        READY.read_text(encoding="utf-8").replace(
            'hiring_region = "india"', 'hiring_region = "india"\nvisa_sponsorship = "no"'
        ),
        encoding="utf-8",
    )
    plan = load_plan(answers_file, custom)
    assert plan.answers.context.visa_sponsorship == "no"  # type: ignore[attr-defined]
    text1 = dumps(plan)
    assert 'visa_sponsorship = "no"' in text1
    saved = tmp_path / "plan.toml"
    saved.write_text(text1, encoding="utf-8")
    assert dumps(load_plan(saved, custom)) == text1

    # The new question's choices are enforced like any other.
    raw = load_answers(answers_file, custom).answers.model_dump(exclude_none=True)
    raw["context"]["visa_sponsorship"] = "maybe"
    with pytest.raises(ValueError, match=r"context\.visa_sponsorship"):
        validate_answers(raw, custom)
    # The shipped checklist still refuses it as an unknown key.
    from checklists.loader import load_checklist as shipped

    with pytest.raises(ValueError, match="unknown key"):
        validate_answers(raw, shipped())
    assert build_plan(plan.answers, custom).answers == plan.answers


def test_plan_file_doc_names_every_answer_and_value(checklist: Checklist) -> None:
    """docs/plan-file.md is the user-facing contract: every question and choice is in it."""
    doc = (HERE.parent / "docs" / "plan-file.md").read_text(encoding="utf-8")
    for step in checklist.steps:
        section = doc.split(f"### `[answers.{step.id}]`", 1)[1].split("\n### ", 1)[0]
        for q in step.questions:
            assert f"`{q.id}`" in section, (step.id, q.id)
            for value in q.choice_values:
                assert f'"{value}"' in section, (step.id, q.id, value)
