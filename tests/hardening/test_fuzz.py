"""Random and mutated plan files through load, check and plan: never an uncaught exception,
always either a valid plan or exit 2 with one line naming the file."""

from __future__ import annotations

import copy
import functools
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import SAMPLE_INPUT, SAMPLE_PLAN
from wizard.answers import get_checklist, validate_answers
from wizard.planfile import build_plan, dumps, load_answers

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PLAN_DOC = tomllib.loads(SAMPLE_PLAN.read_text(encoding="utf-8"))
PLAN_BYTES = SAMPLE_PLAN.read_bytes()
INPUT_BYTES = SAMPLE_INPUT.read_bytes()


def check_file(data: bytes, *, also_plan: bool = True) -> None:
    """Run `check` and `plan -o` on ``data``: valid, or one clean line; outputs untouched."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.toml"
        out = Path(tmp) / "out.toml"
        out.write_bytes(b"precious")
        path.write_bytes(data)
        code, _, err = run_cli("check", str(path))
        if code != 0:
            assert_clean_failure(code, err, path)
        if not also_plan:
            return
        code2, _, err2 = run_cli("plan", "--answers", str(path), "-o", str(out))
        assert (code2 == 0) == (code == 0), (err, err2)
        if code2 != 0:
            assert_clean_failure(code2, err2, path)
            assert out.read_bytes() == b"precious"
        else:
            assert tomllib.loads(out.read_text(encoding="utf-8"))["schema_version"] == 2


SHARDS = 3  # prime to 10, so the `plan` runs on every tenth cut spread evenly too


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_truncated_at_every_byte(shard: int) -> None:
    """Every cut of the sample answers; split in interleaved shards so parallel workers share
    the work (each shard sees cuts from every part of the file)."""
    for cut in range(shard, len(INPUT_BYTES) + 1, SHARDS):
        check_file(INPUT_BYTES[:cut], also_plan=cut % 10 == 0)


@FUZZ
@given(st.integers(min_value=0, max_value=len(PLAN_BYTES)))
def test_full_plan_truncated(cut: int) -> None:
    check_file(PLAN_BYTES[:cut])


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check_file(data)


@FUZZ
@given(st.integers(0, len(PLAN_BYTES) - 1), st.binary(min_size=1, max_size=8))
def test_byte_flips(at: int, junk: bytes) -> None:
    check_file(PLAN_BYTES[:at] + junk + PLAN_BYTES[at + len(junk) :])


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out.append((*prefix, k))
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.append((*prefix, i))
            out += _paths(v, (*prefix, i))
    return out


ALL_PATHS = _paths(PLAN_DOC)
REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    node = doc
    for part in path[:-1]:
        node = node[part]
    return node


@FUZZ
@given(
    st.sampled_from(ALL_PATHS),
    st.sampled_from(["drop", "retype", "rename", "duplicate"]),
    REPLACEMENTS,
    st.text(min_size=1, max_size=12),
)
@pytest.mark.slow
def test_structural_mutations(path: tuple[Any, ...], op: str, value: Any, name: str) -> None:
    doc = copy.deepcopy(PLAN_DOC)
    parent = _parent(doc, path)
    key = path[-1]
    if op == "drop":
        del parent[key]
    elif op == "retype":
        if value is None:
            value = ""
        parent[key] = value
    elif op == "rename" and isinstance(parent, dict):
        parent[name] = parent.pop(key)
    elif op == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    elif op == "duplicate":
        text = tomli_w.dumps(doc)
        line = next((ln for ln in text.splitlines() if ln.startswith(f"{key} =")), None)
        if line is not None:
            check_file((text + "\n" + line + "\n").encode())
            return
    try:
        data = tomli_w.dumps(doc).encode()
    except (TypeError, ValueError):
        return  # not representable in TOML (e.g. NaN keys); nothing to feed the loader
    check_file(data)


# --- round trip -------------------------------------------------------------------------------


def _answer_strategy() -> st.SearchStrategy[dict[str, dict[str, Any]]]:
    """Valid answers for every question, drawn from each question's kind and limits."""
    checklist = get_checklist()
    steps: dict[str, st.SearchStrategy[dict[str, Any]]] = {}
    text = st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
    ).filter(lambda s: s.strip() == s and s != "")
    for step in checklist.steps:
        fields: dict[str, st.SearchStrategy[Any]] = {}
        for q in step.questions:
            if q.format == "url_or_email":
                fields[q.id] = st.one_of(
                    st.emails(),
                    st.from_regex(r"https://[a-z]{1,10}\.example/[a-z0-9/]{0,10}", fullmatch=True),
                )
            elif q.kind in ("text", "longtext"):
                fields[q.id] = text
            elif q.kind == "int":
                fields[q.id] = st.integers(q.min or 0, min(q.max or 1000, 10**9))
            elif q.kind == "bool":
                fields[q.id] = st.booleans()
            elif q.kind == "choice":
                fields[q.id] = st.sampled_from(q.choice_values)
            elif q.kind == "multi":
                fields[q.id] = st.lists(st.sampled_from(q.choice_values), unique=True)
            else:
                fields[q.id] = st.lists(text, max_size=6)
        ordered = [(q.id, q.at_least) for q in step.questions if q.at_least]
        steps[step.id] = st.fixed_dictionaries(fields).map(
            functools.partial(_keep_order, pairs=ordered)
        )
    return st.fixed_dictionaries(steps)


def _keep_order(table: dict[str, Any], pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Raise an ``at_least`` answer to the one it may not be below (pay_high >= pay_low)."""
    for high, low in pairs:
        table[high] = max(table[high], table[low])
    return table


@settings(max_examples=120, deadline=None)
@given(_answer_strategy())
def test_save_load_save_is_byte_identical(raw: dict[str, dict[str, Any]]) -> None:
    checklist = get_checklist()
    answers = validate_answers(raw, checklist)
    first = dumps(build_plan(answers, checklist))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.toml"
        path.write_text(first, encoding="utf-8")
        loaded = load_answers(path, checklist)
        second = dumps(
            build_plan(loaded.answers, checklist, created=loaded.created, updated=loaded.updated)
        )
    assert second == first
