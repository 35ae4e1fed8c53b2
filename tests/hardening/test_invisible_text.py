"""Characters that hide, reorder or restyle text (C1 controls, bidi overrides and isolates,
zero-width and other invisible marks) are refused in answers like C0 controls, and escaped in
every output anyway: file names, plans from other tools and derived text never went through the
answer check. ZWNJ and ZWJ, which Persian and Devanagari need, stay allowed."""

from __future__ import annotations

import contextlib
import io
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from rich.console import Console

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import SAMPLE_INPUT, SAMPLE_PLAN
from wizard.answers import get_checklist
from wizard.export import md
from wizard.planfile import load_plan
from wizard.text import printable

HIDDEN = {
    "NEL (C1)": "\x85",
    "CSI (C1)": "\x9b",
    "RLO": "\u202e",
    "LRE": "\u202a",
    "LRI": "\u2066",
    "PDI": "\u2069",
    "ZWSP": "\u200b",
    "WJ": "\u2060",
    "BOM": "\ufeff",
    "LINE SEPARATOR": "\u2028",
}
# Persian "I want" with a ZWNJ, Devanagari "kṣa" with a ZWJ.
SCRIPTS = "می\u200cخواهم क्\u200dष"


def _plan_with(tmp_path: Path, **answers: Any) -> Path:
    doc = tomllib.loads(SAMPLE_INPUT.read_text(encoding="utf-8"))
    for key, value in answers.items():
        step, _, question = key.partition("__")
        doc["answers"][step][question] = value
    path = tmp_path / "received.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


def _no_hidden(text: str) -> None:
    for name, char in HIDDEN.items():
        assert char not in text, name
    assert "\x1b" not in text


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
@pytest.mark.parametrize("key", ["context__company", "goals__outcome", "assessment__competencies"])
def test_hidden_characters_in_answers_are_refused(char: str, key: str, tmp_path: Path) -> None:
    value: Any = f"Acme{char}Corp"
    if key == "assessment__competencies":
        value = [value]
    path = _plan_with(tmp_path, **{key: value})
    for command in ("check", "show", "export"):
        code, out, err = run_cli(command, str(path))
        assert_clean_failure(code, err, path)
        assert key.replace("__", ".") in err and "invisible" in err
        assert out == ""
        _no_hidden(err)


def test_zwnj_and_zwj_stay_allowed(tmp_path: Path) -> None:
    path = _plan_with(tmp_path, context__company=SCRIPTS, goals__outcome=SCRIPTS)
    code, _, err = run_cli("check", str(path))
    assert code == 0, err
    code, out, err = run_cli("show", str(path))
    assert code == 0, err
    assert SCRIPTS in out


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_printable_escapes_every_hidden_character(char: str) -> None:
    shown = printable(f"a{char}b")
    assert char not in shown and shown.startswith("a\\") and shown.endswith("b")
    assert printable(SCRIPTS) == SCRIPTS
    assert printable("two\nlines", multiline=True) == "two\nlines"
    assert printable("two\nlines") == "two\\nlines"


def test_show_escapes_hidden_text_a_plan_cannot_carry_in_answers() -> None:
    """Derived text and meta come from code and checklists; escape them anyway."""
    from wizard.summary import print_summary

    checklist = get_checklist()
    plan = load_plan(SAMPLE_PLAN, checklist)
    evil = "Evil\u202e\x9b\u2066title"
    plan = replace(
        plan,
        meta=replace(plan.meta, title=evil, company=evil),
        role=replace(plan.role, title=evil, summary=evil),
    )
    buffer = io.StringIO()
    print_summary(plan, checklist, Console(file=buffer, width=200))
    out = buffer.getvalue()
    _no_hidden(out)
    assert "Evil\\u202e" in out


def _library_plan(home: Path, name: str) -> Path:
    library = home / "plans"
    library.mkdir(exist_ok=True)
    path = library / name
    path.write_bytes(SAMPLE_PLAN.read_bytes())
    return path


def test_list_escapes_file_names(hirewiz_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    _library_plan(hirewiz_home, "evil\u202e\x1b[31m.toml")
    broken = _library_plan(hirewiz_home, "broken\u2066.toml")
    broken.write_text("not = [toml", encoding="utf-8")
    code, out, err = run_cli("list")
    assert code == 0, err
    _no_hidden(out)
    assert "evil\\u202e\\x1b" in out and "broken\\u2066" in out


def test_diff_and_check_escape_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    a = tmp_path / "a\u202e\x9b.toml"
    a.write_bytes(SAMPLE_PLAN.read_bytes())
    b = tmp_path / "b.toml"
    doc = tomllib.loads(SAMPLE_PLAN.read_text(encoding="utf-8"))
    doc["answers"]["data"]["pipeline"] = "automated"
    b.write_text(tomli_w.dumps(doc), encoding="utf-8")
    for argv in (["diff", str(a), str(b)], ["diff", str(a), str(a)], ["check", str(a)]):
        code, out, err = run_cli(*argv)
        assert code in (0, 1), err
        _no_hidden(out + err)
        assert "a\\u202e\\x9b.toml" in out


def test_set_escapes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "p\u2069lan.toml"
    path.write_bytes(SAMPLE_PLAN.read_bytes())
    code, _, err = run_cli("set", str(path), "data.pipeline=automated")
    assert code == 0, err
    _no_hidden(err)
    assert "p\\u2069lan.toml" in err


def test_written_output_name_is_escaped(tmp_path: Path) -> None:
    out = tmp_path / "o\u202eut.md"
    with contextlib.redirect_stdout(io.StringIO()):
        code, _, err = run_cli("export", str(SAMPLE_PLAN), "-o", str(out))
    assert code == 0, err
    _no_hidden(err)
    assert out.exists()


# --- Markdown: no links, including mailto: --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("jobs@evil.example", "jobs\\@evil.example"),
        ("mail first.last+tag@sub.evil.co.uk now", "mail first.last+tag\\@sub.evil.co.uk now"),
        ("mailto:x@evil.example", "mailto:x\\@evil.example"),
        ("a @ b", "a @ b"),
        ("hidden\u202etext", "hidden\\\\u202etext"),
    ],
)
def test_md_escapes_email_addresses(text: str, escaped: str) -> None:
    assert md(text) == escaped


@pytest.mark.parametrize(
    "text",
    [
        "jobs@evil.com",
        "write to ceo@evil.com.",
        "<x@evil.com>",
        "mailto:x@evil.com",
        "a_b@evil.io",
    ],
)
def test_emails_do_not_become_links(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    html = markdown_it.MarkdownIt("gfm-like").render(md(text))
    assert "href=" not in html and "<a " not in html


def test_exported_plan_has_no_mailto_links(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    path = _plan_with(
        tmp_path,
        context__company="Acme (jobs@evil.com)",
        goals__outcome="Write to ceo@evil.com for details",
    )
    code, out, err = run_cli("export", str(path))
    assert code == 0, err
    html = markdown_it.MarkdownIt("gfm-like").render(out)
    # The founder's own apply_contact is the job post's one deliberate link; addresses anywhere
    # else in the plan never become links.
    apply_to = _contact(path)
    assert "mailto:" not in html.replace(f'href="mailto:{apply_to}"', "")
    assert (
        "evil.com" not in apply_to and "mailto:jobs@evil" not in html and "mailto:ceo@" not in html
    )
    assert "jobs\\@evil.com" in out


def _contact(path: Path) -> str:
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
    return str(answers["context"].get("apply_contact", ""))
