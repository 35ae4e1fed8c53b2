"""Plan file I/O: every kind of bad input becomes one line naming the file and the key or line,
saves are atomic, old versions migrate, newer ones are refused, and save→load→save is stable.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.cli import run_cli
from tests.helpers.paths import ANSWERS_DIR, READY
from wizard import planfile
from wizard.models import SCHEMA_VERSION
from wizard.planfile import (
    MAX_BYTES,
    PlanFileError,
    atomic_write,
    dumps,
    load_answers,
    load_plan,
    save_plan,
)

SENTINEL = b"# someone's existing plan\nschema_version = 1\n"


def _ready_text() -> str:
    return READY.read_text(encoding="utf-8")


def _replace(old: str, new: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        text = _ready_text()
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


def _text(content: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(content, encoding="utf-8")

    return write


def _text_after_ready(extra: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(_ready_text() + extra, encoding="utf-8")

    return write


def _bytes(content: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(content)

    return write


def _plan_with(old: str, new: str) -> Callable[[Path], None]:
    """A full plan file (as `hirewiz plan` writes it) with one line changed."""

    def write(path: Path) -> None:
        from wizard.answers import get_checklist

        text = dumps(load_plan(READY, get_checklist()))
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return write


def _sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)

    return write


def _mkdir(path: Path) -> None:
    path.mkdir()


def _missing(path: Path) -> None:
    pass


# (name, how to write the bad file, what the error line must also contain)
BAD_INPUTS: list[tuple[str, Callable[[Path], None], str]] = [
    ("malformed toml", _text('[context]\ncompany = "Acme\n'), "line 2"),
    ("unclosed array", _text('[context]\na = ["x",'), "line 2 (end of file): invalid TOML"),
    ("wrong type", _replace("ml_staff = 1", 'ml_staff = "one"'), "context.ml_staff"),
    ("bool for int", _replace("ml_staff = 1", "ml_staff = true"), "context.ml_staff"),
    ("int for bool", _replace("recorded = true", "recorded = 1"), "data.recorded"),
    ("float for int", _replace("ml_staff = 1", "ml_staff = 1.5"), "context.ml_staff"),
    ("string for list", _replace('partners = ["', 'partners = "x"\nold = ["'), "team."),
    ("table for text", _replace('company = "Paylane"', "company = {a = 1}"), "context.company"),
    ("unknown key in answers", _replace("ml_staff = 1", "ml_stuff = 1"), "context.ml_stuff"),
    ("unknown step", _text_after_ready("\n[salary]\nbase = 1\n"), "salary"),
    ("unknown top-level key", _plan_with("schema_version = 2", "schema_version = 2\nx = 1"), "x"),
    (
        "unknown key in plan answers",
        _plan_with("ml_staff = 1", "ml_staff = 1\nextra = 2"),
        "answers.context.extra",
    ),
    ("unknown meta key", _plan_with('generator = "', 'mood = "ok"\ngenerator = "'), "meta.mood"),
    ("unknown enum value", _replace('"india"', '"mars"'), "context.hiring_region"),
    ("unknown multi value", _replace('"backend"', '"sales"'), "team.partners"),
    ("below minimum", _replace("ml_staff = 1", "ml_staff = -1"), "context.ml_staff"),
    ("above maximum", _replace("tz_overlap_hours = 6", "tz_overlap_hours = 25"), "tz_overlap"),
    ("huge int", _replace("ml_staff = 1", "ml_staff = 99999999999999999999"), "ml_staff"),
    ("required missing", _replace('company = "Paylane"\n', ""), "context.company"),
    ("too long text", _replace('"Paylane"', '"' + "x" * 500 + '"'), "context.company"),
    (
        "too many list items",
        _replace('["Python", "SQL"]', str([f"t{i}" for i in range(40)])),
        "at most 30 items",
    ),
    ("control char", _replace('"Paylane"', '"Pay\\u0007lane"'), "context.company"),
    ("newline in one-line text", _replace('"Paylane"', '"Pay\\nlane"'), "context.company"),
    ("newer schema_version", _plan_with("schema_version = 2", "schema_version = 3"), "newer"),
    ("schema_version text", _plan_with("schema_version = 2", 'schema_version = "2"'), "schema"),
    ("schema_version zero", _plan_with("schema_version = 2", "schema_version = 0"), "schema"),
    ("empty file", _text(""), "empty"),
    ("whitespace only", _text("  \n\n"), "empty"),
    ("directory", _mkdir, "directory"),
    ("missing file", _missing, "no such file"),
    ("non-utf8", _bytes(b'[context]\ncompany = "\xff\xfe"\n'), "line 2"),
    ("nul bytes", _bytes(b'[context]\ncompany = "a\x00b"\n'), "NUL"),
    ("deep arrays", _text("a = " + "[" * 100_000), "nested too deeply"),
    ("deep inline tables", _text("a = " + "{b = " * 100_000), "nested too deeply"),
    ("deep dotted key", _text("a" + ".a" * 400_000 + " = 1\n"), "line 1"),
    (
        "deep value in answer",
        _replace('"Paylane"', "[" * 150 + "]" * 150),
        "context.company",
    ),
    (
        "deep value too deep to parse",
        _replace('"Paylane"', "[" * 5000 + "]" * 5000),
        "nested too deeply",
    ),
    ("60 MB file", _sparse(60 * 1024 * 1024), "1 MiB"),
    ("just over the cap", _sparse(MAX_BYTES + 1), "1 MiB"),
    ("not a table", _text("context = 5\n"), "context"),
    ("answers not a table", _text("schema_version = 1\nanswers = 5\n"), "answers: must be a table"),
    ("step not a table", _text("schema_version = 1\n[answers]\ncontext = 5\n"), "answers.context"),
]
IDS = [row[0] for row in BAD_INPUTS]


def _one_line(err: str, path: Path) -> str:
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("hirewiz: ")
    assert str(path) in lines[0]
    return lines[0]


@pytest.mark.parametrize(("name", "write", "says"), BAD_INPUTS, ids=IDS)
def test_bad_input_is_one_line_exit_2_and_output_untouched(
    name: str, write: Callable[[Path], None], says: str, work: Path
) -> None:
    bad = work / "bad.toml"
    write(bad)
    out = work / "existing-plan.toml"
    out.write_bytes(SENTINEL)
    for argv in (
        ("plan", "--answers", bad, "-o", out),
        ("check", bad),
        ("check", "--strict", bad),
        ("show", bad),
    ):
        code, stdout, err = run_cli(*argv)
        assert code == 2, (argv, err)
        line = _one_line(err, bad)
        assert says in line, line
        assert stdout == ""
    assert out.read_bytes() == SENTINEL
    assert sorted(p.name for p in work.iterdir()) == sorted(
        {"existing-plan.toml"} | ({"bad.toml"} if name != "missing file" else set())
    )


@pytest.mark.parametrize(("name", "write", "says"), BAD_INPUTS, ids=IDS)
def test_bad_input_raises_plan_file_error(
    name: str, write: Callable[[Path], None], says: str, work: Path, checklist: Checklist
) -> None:
    bad = work / "bad.toml"
    write(bad)
    with pytest.raises(PlanFileError) as info:
        load_plan(bad, checklist)
    assert info.value.path == str(bad)
    assert "\n" not in str(info.value)
    assert says in str(info.value)


def test_errors_name_key_and_line(work: Path, checklist: Checklist) -> None:
    bad = work / "bad.toml"
    _replace("ml_staff = 1", "ml_staff = true")(bad)
    with pytest.raises(PlanFileError) as info:
        load_plan(bad, checklist)
    assert info.value.where == "context.ml_staff"
    assert "whole number" in info.value.reason
    _text('[context]\ncompany = "ok"\nplan_title = \n')(bad)
    with pytest.raises(PlanFileError) as info:
        load_plan(bad, checklist)
    assert info.value.where.startswith("line 3")


def test_unreadable_file_is_one_line(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """We run as root, which reads anything: simulate the refusal the OS gives other users."""
    bad = work / "locked.toml"
    bad.write_text(_ready_text(), encoding="utf-8")
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path) == bad:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run_cli("check", bad)
    assert code == 2
    assert "permission denied" in _one_line(err, bad)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(work: Path) -> None:
    bad = work / "locked.toml"
    bad.write_text(_ready_text(), encoding="utf-8")
    bad.chmod(0)
    code, _, err = run_cli("check", bad)
    assert code == 2 and "permission denied" in _one_line(err, bad)


def test_unwritable_output_is_one_line(work: Path) -> None:
    out = work / "no-such-folder" / "plan.toml"
    code, _, err = run_cli("plan", "--answers", READY, "-o", out)
    assert code == 2
    assert "does not exist" in _one_line(err, out)
    code, _, err = run_cli("plan", "--answers", READY, "-o", work)
    assert code == 2 and "directory" in _one_line(err, work)


# --- atomic save ----------------------------------------------------------------------------


@pytest.mark.parametrize("broken", ["replace", "fsync", "chmod"])
def test_failed_save_keeps_the_old_file_and_leaves_no_temp(
    broken: str, work: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = work / "plan.toml"
    target.write_bytes(SENTINEL)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, fail)
    with pytest.raises(PlanFileError) as info:
        save_plan(target, load_plan(READY, checklist))
    assert "cannot save" in str(info.value) and str(target) in str(info.value)
    monkeypatch.undo()
    assert target.read_bytes() == SENTINEL
    assert [p.name for p in work.iterdir()] == ["plan.toml"]


def test_interrupted_save_keeps_the_old_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = work / "plan.toml"
    target.write_bytes(SENTINEL)

    def interrupt(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new = 1\n")
    monkeypatch.undo()
    assert target.read_bytes() == SENTINEL
    assert [p.name for p in work.iterdir()] == ["plan.toml"]


def test_failed_cli_save_is_one_line(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = work / "plan.toml"
    out.write_bytes(SENTINEL)

    def fail(*args: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    code, _, err = run_cli("plan", "--answers", READY, "-o", out)
    monkeypatch.undo()
    assert code == 2 and "Input/output error" in _one_line(err, out)
    assert out.read_bytes() == SENTINEL
    assert [p.name for p in work.iterdir()] == ["plan.toml"]


def test_save_keeps_the_file_mode_and_writes_through_symlinks(
    work: Path, checklist: Checklist
) -> None:
    real = work / "real.toml"
    real.write_bytes(SENTINEL)
    real.chmod(0o640)
    link = work / "link.toml"
    link.symlink_to(real)
    save_plan(link, load_plan(READY, checklist))
    assert link.is_symlink()
    assert real.stat().st_mode & 0o777 == 0o640
    assert real.read_text(encoding="utf-8").startswith("# Editors can check this file")


# --- versions and migrations ----------------------------------------------------------------


def test_migration_chain_is_walked(
    work: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-0 file, where the company answer had another name, is upgraded on load."""
    old = dumps(load_plan(READY, checklist)).replace("schema_version = 2", "schema_version = 0")
    old = old.replace('company = "Paylane"\nplan_title', 'company_name = "Paylane"\nplan_title')
    path = work / "old.toml"
    path.write_text(old, encoding="utf-8")
    with pytest.raises(PlanFileError, match="no migration from version 0"):
        load_plan(path, checklist)
    seen: list[int] = []

    def zero_to_one(doc: dict[str, Any]) -> dict[str, Any]:
        seen.append(doc["schema_version"])
        context = doc["answers"]["context"]
        context["company"] = context.pop("company_name")
        return doc

    # The file already has version-2 answers, so the real 1 → 2 step is replaced by a no-op.
    monkeypatch.setattr(planfile, "MIGRATIONS", {0: zero_to_one, 1: lambda doc: doc})
    plan = load_plan(path, checklist)
    assert seen == [0]
    assert plan.schema_version == SCHEMA_VERSION
    assert plan.answers.context.company == "Paylane"
    # Saving writes the current version.
    assert tomllib.loads(dumps(plan))["schema_version"] == SCHEMA_VERSION


def test_failing_migration_is_one_line(
    work: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("responses")

    monkeypatch.setattr(planfile, "MIGRATIONS", {0: broken})
    path = work / "old.toml"
    _plan_with("schema_version = 2", "schema_version = 0")(path)
    with pytest.raises(PlanFileError, match="cannot upgrade from version 0") as info:
        load_plan(path, checklist)
    assert info.value.where == "schema_version"


def test_newer_version_is_refused_clearly(work: Path) -> None:
    path = work / "future.toml"
    _plan_with("schema_version = 2", "schema_version = 7")(path)
    code, _, err = run_cli("check", path)
    line = _one_line(err, path)
    assert code == 2
    assert "schema_version" in line and "newer hirewiz" in line and "upgrade" in line


# --- round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in ANSWERS_DIR.glob("*.toml")))
def test_round_trip_is_byte_identical(name: str, work: Path, checklist: Checklist) -> None:
    first = dumps(load_plan(ANSWERS_DIR / f"{name}.toml", checklist))
    path = work / "plan.toml"
    path.write_text(first, encoding="utf-8")
    second = dumps(load_plan(path, checklist))
    assert second == first
    save_plan(path, load_plan(path, checklist))
    assert path.read_text(encoding="utf-8") == first


def test_plan_file_layout(checklist: Checklist) -> None:
    """docs/plan-file.md: a schema line, a generator comment, then the tables in order."""
    text = dumps(load_plan(READY, checklist))
    lines = text.splitlines()
    assert lines[0].startswith("# Editors can check this file once plan-v2.schema.json")
    assert lines[1].startswith("# ") and "hirewiz" in lines[1]
    doc = tomllib.loads(text)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert set(doc) <= set(planfile.TOP_LEVEL)
    meta = doc["meta"]
    assert meta["generator"].startswith("hirewiz ")
    assert meta["created"].tzinfo is not None and meta["updated"] >= meta["created"]


@pytest.mark.parametrize(
    ("contact", "ok"),
    [
        ("jobs@paylane.example", True),
        ("https://paylane.example/jobs?team=ml", True),
        ("http://paylane.example", True),
        ("javascript:alert(1)", False),
        ("mailto:jobs@paylane.example", False),
        ("ftp://paylane.example", False),
        ("paylane.example", False),
        ("jobs@localhost", False),
        ("https://paylane.example/a b", False),
    ],
)
def test_apply_contact_is_a_web_address_or_an_email(contact: str, ok: bool, work: Path) -> None:
    path = work / "a.toml"
    line = f'hiring_region = "india"\napply_contact = "{contact}"'
    _replace('hiring_region = "india"', line)(path)
    code, _, err = run_cli("check", path)
    if ok:
        assert code == 0, err
    else:
        assert "context.apply_contact" in _one_line(err, path) and "e-mail" in err


@pytest.mark.parametrize(("low", "high", "ok"), [(10, 20, True), (20, 20, True), (21, 20, False)])
def test_pay_high_may_not_be_below_pay_low(low: int, high: int, ok: bool, work: Path) -> None:
    path = work / "a.toml"
    _replace("monthly_budget = 5000", f"pay_low = {low}\npay_high = {high}")(path)
    code, _, err = run_cli("check", path)
    if ok:
        assert code == 0, err
    else:
        assert "timing.pay_high" in _one_line(err, path)


@pytest.mark.parametrize(
    ("region", "currency"),
    [("india", "INR"), ("us", "USD"), ("uk", "GBP"), ("eu", "EUR"), ("other", "USD")],
)
def test_budget_currency_follows_the_region_unless_given(
    region: str, currency: str, work: Path, checklist: Checklist
) -> None:
    path = work / "a.toml"
    text = _ready_text().replace('hiring_region = "india"', f'hiring_region = "{region}"')
    path.write_text(text.replace('budget_currency = "USD"\n', ""), encoding="utf-8")
    assert load_plan(path, checklist).answers.timing.budget_currency == currency
    path.write_text(text.replace('budget_currency = "USD"', 'budget_currency = "EUR"'), "utf-8")
    assert load_plan(path, checklist).answers.timing.budget_currency == "EUR"


def test_unanswered_optional_questions_are_omitted(work: Path, checklist: Checklist) -> None:
    path = work / "a.toml"
    _replace("monthly_budget = 5000\n", "")(path)
    doc = tomllib.loads(dumps(load_plan(path, checklist)))
    assert "monthly_budget" not in doc["answers"]["timing"]


def test_hidden_answers_are_dropped_on_save(work: Path, checklist: Checklist) -> None:
    """The time box only applies to an exercise; without one it does not reach the file."""
    path = work / "a.toml"
    _replace('take_home = "scenario_messy_data"', 'take_home = "none"')(path)
    doc = tomllib.loads(dumps(load_plan(path, checklist)))
    assert "take_home_hours" not in doc["answers"]["assessment"]


def test_answers_under_an_answers_table_are_accepted(work: Path, checklist: Checklist) -> None:
    path = work / "a.toml"
    text = _ready_text().replace("\n[", "\n[answers.")
    path.write_text(text, encoding="utf-8")
    loaded = load_answers(path, checklist)
    assert loaded.plan_file and loaded.answers.context.company == "Paylane"


# --- meta timestamps ------------------------------------------------------------------------


def _stamped(checklist: Checklist, stamp: str) -> str:
    """The ready plan with both meta timestamps replaced by ``stamp``."""
    lines = dumps(load_plan(READY, checklist)).splitlines()
    for key in ("created", "updated"):
        lines = [f"{key} = {stamp}" if x.startswith(f"{key} = ") else x for x in lines]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "stamp",
    ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2026-01-01"],
)
def test_unusable_timestamps_are_one_line(stamp: str, work: Path, checklist: Checklist) -> None:
    """Extreme offsets used to pass the loader and crash `hirewiz list` when it sorted by time."""
    path = work / "plan.toml"
    path.write_text(_stamped(checklist, stamp), encoding="utf-8")
    code, _, err = run_cli("check", path)
    assert code == 2
    assert "meta.created" in _one_line(err, path)


def test_timestamp_without_offset_is_read_as_utc(work: Path, checklist: Checklist) -> None:
    path = work / "plan.toml"
    path.write_text(_stamped(checklist, "2026-01-02 03:04:05"), encoding="utf-8")
    meta = load_plan(path, checklist).meta
    assert meta.created.isoformat() == "2026-01-02T03:04:05+00:00"


def test_library_listing_survives_odd_timestamps(hirewiz_home: Path, checklist: Checklist) -> None:
    plans = hirewiz_home / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    (plans / "odd.toml").write_text(_stamped(checklist, "0001-01-01T00:00:00+23:59"))
    (plans / "early.toml").write_text(_stamped(checklist, "0001-01-01T00:00:00Z"))
    code, out, err = run_cli("list")
    assert code == 0, err
    assert out.count("unreadable") == 1


DOTTED = ".".join(f"p{i}" for i in range(20))


@pytest.mark.parametrize(
    "text",
    [
        f"Cut stock-outs for grocery customers by a third (ids {DOTTED})",
        f'Quoted "{DOTTED}" and a # that is not a comment',
    ],
)
def test_dotted_text_in_an_answer_saves_and_loads_again(tmp_path: Path, text: str) -> None:
    """The dotted-key guard looks only where keys can be: a founder's answer full of dots is a
    value, and the plan holding it must open again (the fuzz test found the opposite)."""
    plan = tmp_path / "plan.toml"
    code, _, err = run_cli("plan", "--answers", str(ANSWERS_DIR / "fraud_model.toml"), "-o", plan)
    assert code == 0, err
    code, _, err = run_cli("set", str(plan), f"goals.outcome={text}")
    assert code == 0, err
    code, _, err = run_cli("check", str(plan))
    assert code == 0, err
    assert tomllib.loads(plan.read_text(encoding="utf-8"))["answers"]["goals"]["outcome"] == text


@pytest.mark.parametrize(
    "doc",
    [
        f"{DOTTED} = 1\n",
        f'x = "a string first"\n[{DOTTED}]\n',
        f"x = {{ {DOTTED} = 1 }}\n",
        f'# a comment first\n"quoted".{DOTTED} = 1\n',
    ],
)
def test_long_dotted_keys_are_still_refused_wherever_a_key_can_be(tmp_path: Path, doc: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(doc, encoding="utf-8")
    with pytest.raises(PlanFileError, match="dotted key has more than"):
        planfile.parse_toml(path, doc)
