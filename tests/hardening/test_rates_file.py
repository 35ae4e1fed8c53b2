"""A user's ``rates.toml`` gets the same guards as a plan: it is read by the same guarded
reader (regular files only, size, nesting, dotted keys, numbers other tools accept), every number
is bounded, and every problem is one line naming the file and the key, exit 2."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tests.helpers.cli import assert_clean_failure, run_child, run_cli
from tests.helpers.paths import SAMPLE_PLAN
from wizard.planfile import PlanFileError, parse_toml

RATE = """\
[[rates]]
region = "india"
engagement = "full_time"
currency = "USD"
period = "month"
low = {low}
high = {high}
source = "{source}"
as_of = "2025"
"""


def _rates(home: Path, text: str) -> Path:
    path = home / "rates.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _rate(low: object = 2500, high: object = 7000, source: str = "Our own survey") -> str:
    return RATE.format(low=low, high=high, source=source)


def test_user_rates_replace_the_shipped_figures(hirewiz_home: Path) -> None:
    _rates(hirewiz_home, _rate())
    code, out, err = run_cli("plan", "--answers", str(SAMPLE_PLAN))
    assert code == 0, err
    budget = tomllib.loads(out)["budget"]
    assert (budget["low"], budget["high"], budget["source"]) == (2500, 7000, "Our own survey")


def test_long_dotted_key_does_not_hang(hirewiz_home: Path) -> None:
    path = _rates(hirewiz_home, "a" + ".a" * 200_000 + " = 1\n")
    result = run_child("-m", "wizard", "show", SAMPLE_PLAN, home=hirewiz_home)
    assert_clean_failure(result.returncode, result.stderr, path)
    assert "line 1" in result.stderr and "dotted key" in result.stderr


def test_fifo_rates_file_does_not_hang(hirewiz_home: Path) -> None:
    path = hirewiz_home / "rates.toml"
    os.mkfifo(path)
    result = run_child("-m", "wizard", "show", SAMPLE_PLAN, home=hirewiz_home)
    assert_clean_failure(result.returncode, result.stderr, path)
    assert "not a regular file" in result.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x = " + "[" * 5_000 + "]" * 5_000 + "\n", "nested too deeply"),
        ("x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n", "nested too deeply"),
        (_rate(low="9" * 340, high="9" * 341), "rates[0].low"),
        (_rate(high=2**63), "rates[0].high"),
        (_rate(low=-(2**63) - 1), "rates[0].low"),
        (_rate(high=2**62), "rates[0].high"),
        (_rate(high=10**13), "rates[0].high"),
        (_rate(low="nan"), "rates[0].low"),
        (_rate(high="inf"), "rates[0].high"),
        (_rate(source="Survey\\u001b[2J"), "rates[0].source"),
        (_rate(source="Survey\\u202eyevruS"), "rates[0].source"),
        (_rate(source="x" * 5_000), "rates[0].source"),
        ("\x00", "NUL"),
        ("x = 1\n" + "#" * (1024 * 1024), "over 1 MiB"),
        ("x = \xff\n", "line 1"),
    ],
    ids=[
        "deep arrays",
        "deep inline tables",
        "340 digits",
        "2**63",
        "below -2**63",
        "2**62",
        "above any pay",
        "nan",
        "inf",
        "terminal escape",
        "bidi override",
        "very long text",
        "NUL",
        "too big",
        "not UTF-8",
    ],
)
@pytest.mark.parametrize("command", ["show", "plan", "export"])
def test_bad_rates_file_is_one_line(
    command: str, text: str, words: str, hirewiz_home: Path
) -> None:
    path = hirewiz_home / "rates.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    argv = (
        ["plan", "--answers", str(SAMPLE_PLAN)]
        if command == "plan"
        else [command, str(SAMPLE_PLAN)]
    )
    code, out, err = run_cli(*argv)
    assert_clean_failure(code, err, path)
    assert words in err and out == ""


def test_empty_or_absent_rates_file_changes_nothing(hirewiz_home: Path, tmp_path: Path) -> None:
    code, expected, err = run_cli("plan", "--answers", str(SAMPLE_PLAN))
    assert code == 0, err
    _rates(hirewiz_home, "\n# nothing yet\n")
    code, out, err = run_cli("plan", "--answers", str(SAMPLE_PLAN))
    assert code == 0, err
    assert tomllib.loads(out)["budget"] == tomllib.loads(expected)["budget"]


def test_library_that_is_a_file_has_no_rates_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    code, _, err = run_cli("check", str(SAMPLE_PLAN))
    assert code == 0, err


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("x = nan\n", "x"),
        ("[t]\ny = [1, -inf]\n", "t.y[1]"),
        (f"big = {2**63}\n", "big"),
        (f"small = {-(2**63) - 1}\n", "small"),
        ("a = " + "[" * 40 + "]" * 40 + "\n", "a"),
    ],
)
def test_guarded_parser_names_the_key(text: str, key: str, tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        parse_toml(tmp_path / "f.toml", text)
    assert info.value.where.startswith(key)


def test_guarded_parser_accepts_64_bit_edges(tmp_path: Path) -> None:
    doc = parse_toml(tmp_path / "f.toml", f"a = {2**63 - 1}\nb = {-(2**63)}\nc = 1.5\n")
    assert doc == {"a": 2**63 - 1, "b": -(2**63), "c": 1.5}
