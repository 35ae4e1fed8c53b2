"""Sharing and reuse: Markdown export, diff, list, set, schema and the README samples."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest

from tests.helpers.answers import jsonable
from tests.helpers.cli import run_cli
from tests.helpers.paths import DOCS, ROOT
from wizard.answers import get_checklist
from wizard.export import export_markdown, md
from wizard.models import SCHEMA_VERSION
from wizard.planfile import load_plan

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    return home


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    out = tmp_path / "plan.toml"
    assert run_cli("plan", "--answers", str(DOCS / "sample-input.toml"), "-o", str(out))[0] == 0
    return out


def one_error_line(err: str, path: Path) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    assert "Traceback" not in err


# --- export -----------------------------------------------------------------------------------


def test_export_matches_golden(plan_file: Path) -> None:
    code, out, _ = run_cli("export", str(plan_file), "--format", "md")
    assert code == 0
    assert out == (DOCS / "sample-plan.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("part", ["job-post", "interview-kit", "onboarding"])
def test_export_parts_match_golden(part: str, plan_file: Path) -> None:
    code, out, _ = run_cli("export", str(plan_file), "--only", part)
    assert code == 0
    assert out == (GOLDEN / f"sample-{part}.md").read_text(encoding="utf-8")


def test_job_post_leaves_out_internal_material(plan_file: Path) -> None:
    _, out, _ = run_cli("export", str(plan_file), "--only", "job-post")
    # The founder's own pay range is in the post; the market figure and the budget check are not.
    assert "USD 30,000 to 48,000 a year" in out
    assert "2,000" not in out and "Budget" not in out and "budget" not in out
    assert "Finding" not in out and "blocker" not in out and "Readiness" not in out
    # The degree the founder asked for is replaced by what the plan recommends.
    assert "A specific degree" in out


def test_export_writes_file_atomically(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit.md"
    assert run_cli("export", str(plan_file), "--only", "interview-kit", "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Interview kit: Senior Machine Learning Engineer at Shelfwise")
    assert "Time box: **4 hours**, paid." in text
    assert list(tmp_path.glob(".kit.md.*")) == []


HOSTILE = {
    "company": "<script>alert('x')</script> | evil",
    "plan_title": "[click me](https://evil.example/x) ![img](https://evil.example/i.png)",
    "outcome": "Cut fraud | by *half* <img src=x onerror=alert(1)> see www.evil.example",
    "competency": "# Heading\n\n- list | pipe `code` __bold__",
}


def hostile_plan(tmp_path: Path) -> Path:
    src = tomllib.loads((DOCS / "sample-input.toml").read_text(encoding="utf-8"))
    src["answers"]["context"]["company"] = HOSTILE["company"]
    src["answers"]["context"]["plan_title"] = HOSTILE["plan_title"]
    src["answers"]["goals"]["outcome"] = HOSTILE["outcome"]
    src["answers"]["assessment"]["competencies"] = [HOSTILE["competency"].replace("\n", " ")]
    import tomli_w

    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(src), encoding="utf-8")
    return path


def test_hostile_plan_exports_safely(tmp_path: Path) -> None:
    path = hostile_plan(tmp_path)
    code, out, err = run_cli("export", str(path))
    assert code == 0, err
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert "](https://" not in out and "![" not in out
    assert "https\\://" in out and "www\\.evil" in out
    for line in out.splitlines():
        if line.startswith("|"):
            # Every table row keeps its column count: injected pipes are escaped.
            cells = [c for c in line.replace("\\|", "").split("|")]
            header_cells = len(cells)
            assert header_cells in (4, 5, 6, 7, 8), line
    assert "\n# Heading" not in out


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("trade-offs. fine", "trade-offs. fine"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("a | b", "a \\| b"),
        ("[x](y)", "\\[x\\](y)"),
        ("1. one", "1\\. one"),
        ("- item", "\\- item"),
        ("> quote", "&gt; quote"),
        ("two\nlines", "two lines"),
        ("http://x.io", "http\\://x.io"),
        ("*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
    ],
)
def test_md_escaping(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_markdown_renders_without_injected_structure(tmp_path: Path) -> None:
    """Render with a real CommonMark parser if one is installed; skip otherwise."""
    markdown_it = pytest.importorskip("markdown_it")
    checklist = get_checklist()
    html = markdown_it.MarkdownIt("gfm-like").render(
        export_markdown(load_plan(hostile_plan(tmp_path), checklist), checklist)
    )
    assert "<script" not in html and "<img" not in html and 'href="https://evil' not in html


# --- diff -------------------------------------------------------------------------------------


def test_diff_against_itself_is_empty(plan_file: Path) -> None:
    code, out, _ = run_cli("diff", str(plan_file), str(plan_file))
    assert code == 0
    assert "No differences" in out
    code, out, _ = run_cli("diff", "--json", str(plan_file), str(plan_file))
    assert code == 0
    assert json.loads(out) == {
        "same": True,
        "answers": [],
        "recommendation": [],
        "findings": {"added": [], "removed": []},
    }


def test_diff_shows_track_change_from_pipeline(plan_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(plan_file.read_bytes())
    assert run_cli("set", str(other), "data.pipeline=none")[0] == 0
    code, out, _ = run_cli("diff", "--json", str(plan_file), str(other))
    assert code == 1
    data = json.loads(out)
    assert [c["key"] for c in data["answers"]] == ["data.pipeline"]
    changes = {c["key"]: (c["before"], c["after"]) for c in data["recommendation"]}
    assert changes["role.track"] == ("ml_engineer", "data_engineer")
    code, out, _ = run_cli("diff", str(plan_file), str(other))
    assert code == 1
    assert "Role track" in out and "data_engineer" in out and "Automated" not in out


def test_diff_unreadable_file_exits_2(plan_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run_cli("diff", str(plan_file), str(bad))
    assert code == 2 and out == ""
    one_error_line(err, bad)


# --- set --------------------------------------------------------------------------------------


def test_set_changes_answers_and_recomputes(plan_file: Path) -> None:
    before = tomllib.loads(plan_file.read_text(encoding="utf-8"))
    code, _, err = run_cli(
        "set",
        str(plan_file),
        "assessment.required_degree=none",
        "assessment.production_interview=yes",
        "team.partners=product_manager,domain_expert",
    )
    assert code == 0, err
    after = tomllib.loads(plan_file.read_text(encoding="utf-8"))
    assert after["answers"]["assessment"]["required_degree"] == "none"
    assert after["answers"]["assessment"]["production_interview"] is True
    assert after["answers"]["team"]["partners"] == ["product_manager", "domain_expert"]
    ids_before = {f["id"] for f in before["findings"]}
    ids_after = {f["id"] for f in after["findings"]}
    assert {"degree-filter", "no-production-interview"} <= ids_before - ids_after
    assert after["meta"]["created"] == before["meta"]["created"]
    assert after["meta"]["updated"] > before["meta"]["updated"]
    untouched = {k: v for k, v in before["answers"].items() if k not in ("assessment", "team")}
    assert {k: after["answers"][k] for k in untouched} == untouched


@pytest.mark.parametrize(
    ("assignment", "needle"),
    [
        ("data.foo=1", "data.foo: no such question"),
        ("nosuch.step=1", "nosuch.step: no such question"),
        ("data.pipeline=sometimes", "data.pipeline: must be one of"),
        ("context.ml_staff=-1", "context.ml_staff: must be greater than or equal to 0"),
        ("context.ml_staff=many", "context.ml_staff: must be a whole number"),
        ("data.recorded=maybe", "data.recorded: must be yes or no"),
        ("context.company=", "context.company: is required"),
        ("team.tz_overlap_hours=30", "team.tz_overlap_hours: must be less than or equal to 24"),
        ("pipeline", "is not KEY=VALUE"),
    ],
)
def test_set_rejects_bad_input_without_touching_file(
    assignment: str, needle: str, plan_file: Path
) -> None:
    original = plan_file.read_bytes()
    code, out, err = run_cli("set", str(plan_file), "data.pipeline=automated", assignment)
    assert code == 2 and out == ""
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert plan_file.read_bytes() == original


def test_set_on_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_bytes(bytes(range(256)))
    code, _, err = run_cli("set", str(bad), "data.pipeline=none")
    assert code == 2
    one_error_line(err, bad)
    assert bad.read_bytes() == bytes(range(256))


# --- list and reuse ---------------------------------------------------------------------------


def test_list_shows_library(
    plan_file: Path,
    _home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run_cli("list")
    assert code == 0 and "No plans" in out
    plans = _home / "plans"
    plans.mkdir(parents=True)
    (plans / "shelfwise.toml").write_bytes(plan_file.read_bytes())
    (plans / "broken.toml").write_text("company = = 1\n", encoding="utf-8")
    code, out, _ = run_cli("list")
    assert code == 0
    # The same words as the Review and the exports: capitalised, from the checklists.
    assert "Shelfwise" in out and "Almost ready" in out and "ML engineer" in out
    assert "2026-11-20" in out
    assert "unreadable" in out
    # The file column folds instead of cutting: the whole name is there, one piece a line; the
    # folder is named once above the table.
    files = "".join(
        line.split("│")[-2].strip() for line in out.splitlines() if line.count("│") == 6
    )
    assert "broken.toml" in files and "shelfwise.toml" in files and str(plans) in out
    assert "…" not in out


# --- schema -----------------------------------------------------------------------------------


def test_schema_validates_plan_files(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert run_cli("schema", "-o", str(out))[0] == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    doc = jsonable(tomllib.loads(plan_file.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(doc)) == []
    bad = json.loads(json.dumps(doc))
    bad["answers"]["data"]["pipeline"] = "sometimes"
    assert list(validator.iter_errors(bad))
    bad = json.loads(json.dumps(doc))
    bad["answers"]["data"]["surprise"] = 1
    assert list(validator.iter_errors(bad))


def test_shipped_schema_is_current() -> None:
    code, out, _ = run_cli("schema")
    assert code == 0
    shipped = ROOT / "wizard" / "schemas" / f"plan-v{SCHEMA_VERSION}.schema.json"
    assert out == shipped.read_text(encoding="utf-8")


# --- README samples ---------------------------------------------------------------------------


def test_docs_samples_are_what_the_commands_make(tmp_path: Path) -> None:
    out = tmp_path / "sample-plan.toml"
    assert run_cli("plan", "--answers", str(DOCS / "sample-input.toml"), "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == (DOCS / "sample-plan.toml").read_text("utf-8")
    md_out = tmp_path / "sample-plan.md"
    assert run_cli("export", str(DOCS / "sample-plan.toml"), "-o", str(md_out))[0] == 0
    assert md_out.read_text(encoding="utf-8") == (DOCS / "sample-plan.md").read_text("utf-8")


def test_readme_excerpts_come_from_the_samples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    plan = (DOCS / "sample-plan.toml").read_text(encoding="utf-8")
    export = (DOCS / "sample-plan.md").read_text(encoding="utf-8")
    blocks = readme.split("```")
    toml_blocks = [b.removeprefix("toml\n") for b in blocks if b.startswith("toml\n")]
    md_blocks = [b.removeprefix("markdown\n") for b in blocks if b.startswith("markdown\n")]
    assert toml_blocks and md_blocks
    for block in toml_blocks:
        assert block in plan
    for block in md_blocks:
        assert block in export


def test_python_m_wizard_export(plan_file: Path, _home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "export", str(plan_file), "--only", "onboarding"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Onboarding: Senior Machine Learning Engineer at Shelfwise")
    assert "- [x] Write the 30/60/90-day plan" in result.stdout
    assert "- [ ] Document the data sources and pipelines" in result.stdout
