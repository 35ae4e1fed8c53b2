"""A plan received from someone else is data: nothing in it runs, no path in it is followed,
and its text cannot restyle the terminal or inject Markdown."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import SAMPLE_INPUT

_EVENTS: list[tuple[str, tuple[Any, ...]]] = []
_RECORDING = [False]


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _RECORDING[0] and (
        event == "open"
        or event.startswith(("subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn"))
    ):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)


@contextmanager
def recording() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    _EVENTS.clear()
    _RECORDING[0] = True
    try:
        yield _EVENTS
    finally:
        _RECORDING[0] = False


def _plan_with(tmp_path: Path, **context: Any) -> Path:
    doc = tomllib.loads(SAMPLE_INPUT.read_text(encoding="utf-8"))
    doc["answers"]["context"].update(context)
    path = tmp_path / "received.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "show", "export", "plan"])
def test_paths_inside_a_plan_are_never_followed(command: str, tmp_path: Path) -> None:
    bait = tmp_path / "bait.toml"
    bait.write_text("this file must never be opened", encoding="utf-8")
    path = _plan_with(
        tmp_path,
        company=str(bait),
        plan_title="../bait.toml",
    )
    args = ["plan", "--answers", str(path)] if command == "plan" else [command, str(path)]
    with recording() as audit:
        code, _, err = run_cli(*args)
    assert code == 0, err
    opened = [str(a[0]) for e, a in audit if e == "open" and isinstance(a[0], str | Path)]
    assert str(path) in opened
    assert not any("bait" in name for name in opened), opened
    assert not [e for e, _ in audit if e != "open"], "a plan made hirewiz start a process"


def test_rich_markup_in_a_plan_is_printed_literally(tmp_path: Path) -> None:
    path = _plan_with(tmp_path, company="[bold red]PWNED[/] [link=https://evil.example]x[/link]")
    code, out, err = run_cli("show", str(path))
    assert code == 0, err
    assert "[bold red]PWNED[/]" in out
    assert "[link=https://evil.example]x[/link]" in out


@pytest.mark.parametrize(
    "evil",
    ["Acme\x1b[2J\x1b[31mPWNED", "Acme\x07", "Acme\rFAKE", "Acme\x00"],
)
def test_terminal_control_characters_are_refused(evil: str, tmp_path: Path) -> None:
    doc = tomllib.loads(SAMPLE_INPUT.read_text(encoding="utf-8"))
    doc["answers"]["context"]["company"] = evil
    path = tmp_path / "received.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    for command in ("check", "show", "export"):
        code, out, err = run_cli(command, str(path))
        assert_clean_failure(code, err, path)
        assert "answers.context.company" in err
        assert "\x1b" not in err and "\x07" not in err and "\r" not in err
        assert out == ""


def test_hostile_key_names_cannot_break_the_error_line(tmp_path: Path) -> None:
    path = tmp_path / "received.toml"
    path.write_text('"\\u001b[31mred\\r\\nsecond line" = 1\n', encoding="utf-8")
    code, _, err = run_cli("check", str(path))
    assert_clean_failure(code, err, path)
    assert "\x1b" not in err and "\\x1b" in err
