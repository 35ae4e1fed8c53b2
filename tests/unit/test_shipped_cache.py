"""The parsed copies of the shipped TOML files (checklists/shipped.py) give exactly what parsing
gives, are made again when a file changes, and never stand in for anything else."""

from __future__ import annotations

import marshal
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checklists import shipped
from checklists.advice import read_advice
from checklists.loader import HERE, _read

SHIPPED = sorted(HERE.glob("*.toml"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies go to a folder of the test's own, and are written even under -B."""
    monkeypatch.setattr(shipped, "CACHE", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "__pycache__"


def _parse_counting(text: str, calls: list[int]) -> Callable[[], dict[str, Any]]:
    def parse() -> dict[str, Any]:
        calls.append(1)
        return tomllib.loads(text)

    return parse


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_kept_copy_equals_a_fresh_parse(path: Path, cache_dir: Path) -> None:
    text = path.read_text(encoding="utf-8")
    calls: list[int] = []
    first = shipped.read_shipped(path, text, _parse_counting(text, calls))
    second = shipped.read_shipped(path, text, _parse_counting(text, calls))
    assert first == second == tomllib.loads(text)
    assert calls == [1]  # the second read came from the copy
    assert (cache_dir / shipped.cache_file(path).name).is_file()


def test_a_changed_file_is_parsed_again(cache_dir: Path) -> None:
    path = HERE / "words.toml"
    text = path.read_text(encoding="utf-8")
    shipped.read_shipped(path, text, lambda: tomllib.loads(text))
    edited = text + '\nextra_words = ["changed"]\n'
    doc = shipped.read_shipped(path, edited, lambda: tomllib.loads(edited))
    assert doc["extra_words"] == ["changed"]
    assert shipped.read_shipped(path, text, lambda: tomllib.loads(text)) == tomllib.loads(text)


def test_a_damaged_copy_is_ignored_and_replaced(cache_dir: Path) -> None:
    path = HERE / "reasons.toml"
    text = path.read_text(encoding="utf-8")
    cache_dir.mkdir()
    copy = cache_dir / shipped.cache_file(path).name
    for junk in (b"", b"\x00not marshal", marshal.dumps(("key", "not a dict"))):
        copy.write_bytes(junk)
        assert shipped.read_shipped(path, text, lambda: tomllib.loads(text)) == tomllib.loads(text)
    assert marshal.loads(copy.read_bytes())[1] == tomllib.loads(text)


def test_nothing_is_written_when_python_writes_no_bytecode(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = HERE / "roles.toml"
    text = path.read_text(encoding="utf-8")
    assert shipped.read_shipped(path, text, lambda: tomllib.loads(text)) == tomllib.loads(text)
    assert not cache_dir.exists()


def test_files_outside_the_shipped_folder_are_always_parsed(
    tmp_path: Path, cache_dir: Path
) -> None:
    other = tmp_path / "words.toml"
    other.write_text('hype_phrases = ["x"]\n', encoding="utf-8")
    calls: list[int] = []
    text = other.read_text(encoding="utf-8")
    for _ in range(2):
        shipped.read_shipped(other, text, _parse_counting(text, calls))
    assert calls == [1, 1]
    assert not cache_dir.exists()


def test_the_loaders_read_the_same_data_with_and_without_copies(cache_dir: Path) -> None:
    fresh_questions = _read(HERE / "questions.toml")
    fresh_advice = read_advice(HERE)
    assert _read(HERE / "questions.toml") == fresh_questions  # now from the copy
    assert read_advice(HERE) == fresh_advice
    assert fresh_questions == tomllib.loads((HERE / "questions.toml").read_text(encoding="utf-8"))
