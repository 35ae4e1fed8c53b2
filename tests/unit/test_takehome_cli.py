"""``hirewiz kit``: which plans get a kit, what goes where, determinism, and hostile plan text."""

from __future__ import annotations

import os
import re
import tomllib
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import tomli_w

from checklists.loader import Checklist
from tests.helpers.answers import apply
from tests.helpers.cli import run_cli
from tests.helpers.paths import ANSWERS_DIR, ROOT
from wizard.planfile import load_plan
from wizard.takehome import build_kit
from wizard.takehome.core import KitError, write_kit
from wizard.takehome.request import KIT_TRACKS, KitRequest, KitTrack, from_plan

REVIEWER_ONLY = {"answer_key.toml", "RUBRIC.md", "solution.py", "score_sheet.md"}
PLANS = {
    "fraud_model": "ml_engineer",
    "analysis_only": "data_scientist",
    "saas_no_pipeline": "data_engineer",
    "drifting_models": "mlops_engineer",
}
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


# A Markdown link or a bare URL that was not escaped (md() writes "\\](" and "http\\://").
LINK = re.compile(r"(?<!\\)\]\(|https?://")


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(("name", "track"), sorted(PLANS.items()))
def test_kit_follows_the_plans_track_and_keeps_answers_out_of_candidate(
    work: Path, name: str, track: str
) -> None:
    out = work / "kit"
    code, _, err = run_cli("kit", ANSWERS_DIR / f"{name}.toml", "-o", out, "--zip")
    assert code == 0, err
    key = tomllib.loads((out / "reviewer" / "answer_key.toml").read_text(encoding="utf-8"))
    assert key["kit"]["track"] == track
    assert (out / "candidate" / "BRIEF.md").is_file()
    assert any((out / "candidate" / "data").iterdir())
    for name_ in REVIEWER_ONLY:
        assert (out / "reviewer" / name_).is_file()
    assert (out / "reviewer" / "holdout").is_dir() and any((out / "reviewer" / "holdout").iterdir())
    candidate_names = {p.name for p in (out / "candidate").rglob("*")}
    assert not candidate_names & REVIEWER_ONLY
    assert not any("holdout" in n for n in candidate_names)
    with zipfile.ZipFile(out / "candidate.zip") as zf:
        names = zf.namelist()
    assert names == sorted(names) and all(n.startswith("candidate/") for n in names)
    assert not {Path(n).name for n in names} & REVIEWER_ONLY
    brief = (out / "candidate" / "BRIEF.md").read_text(encoding="utf-8")
    planted = key["planted"]
    for entry in planted:
        assert entry["id"] not in brief, "the brief never names a planted problem"


def test_brief_uses_the_plans_words_time_box_and_pay(work: Path) -> None:
    plan = tomllib.loads((ANSWERS_DIR / "fraud_model.toml").read_text(encoding="utf-8"))
    out = work / "kit"
    assert run_cli("kit", ANSWERS_DIR / "fraud_model.toml", "-o", out)[0] == 0
    brief = (out / "candidate" / "BRIEF.md").read_text(encoding="utf-8")
    a = plan.get("answers", plan)
    assert a["context"]["company"] in brief
    assert f"at most {a['assessment']['take_home_hours']} hour" in brief
    assert ("is paid" in brief) is a["assessment"]["take_home_paid"]
    for comp in a["assessment"].get("competencies", []):
        assert comp in brief


def test_advisor_plan_gets_one_line_and_no_kit(work: Path) -> None:
    out = work / "kit"
    code, out_text, err = run_cli("kit", ANSWERS_DIR / "seed_no_data.toml", "-o", out)
    assert code == 2
    assert out_text == ""
    assert len(err.strip().splitlines()) == 1 and "advisor" in err
    assert not out.exists()


def test_invalid_plan_is_the_usual_one_line_error(work: Path) -> None:
    bad = work / "bad.toml"
    bad.write_text('[answers.goals]\nproblem_type = "telepathy"\n', encoding="utf-8")
    code, _, err = run_cli("kit", bad, "-o", work / "kit")
    assert code == 2
    assert err.startswith(f"hirewiz: {bad}") and len(err.strip().splitlines()) == 1
    assert not (work / "kit").exists()


def test_existing_folder_is_kept_without_force_and_replaced_with_it(work: Path) -> None:
    out = work / "kit"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    plan = ANSWERS_DIR / "fraud_model.toml"
    code, _, err = run_cli("kit", plan, "-o", out)
    assert code == 2 and "--force" in err
    assert _files(out) == {"notes.txt": b"mine"}
    file_out = work / "file"
    file_out.write_text("keep", encoding="utf-8")
    assert run_cli("kit", plan, "-o", file_out, "--force")[0] == 2
    assert file_out.read_text(encoding="utf-8") == "keep"
    code, _, err = run_cli("kit", plan, "-o", out, "--force")
    assert code == 0, err
    assert not (out / "notes.txt").exists() and (out / "candidate" / "BRIEF.md").is_file()
    assert [p.name for p in work.iterdir() if p.name.startswith(".")] == []


def test_same_plan_and_seed_give_byte_identical_kits(work: Path) -> None:
    plan = ANSWERS_DIR / "analysis_only.toml"
    for name in ("a", "b"):
        assert run_cli("kit", plan, "-o", work / name, "--seed", "3", "--zip")[0] == 0
    assert _files(work / "a") == _files(work / "b")
    with zipfile.ZipFile(work / "a" / "candidate.zip") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("track", KIT_TRACKS)
def test_another_seed_gives_new_data_the_same_problems_and_the_same_solution(
    track: KitTrack,
) -> None:
    problem = "time_series" if track == "data_scientist" else "predictive_analytics"
    request = KitRequest(track=track, problem_type=problem)
    one, two = build_kit(request, 1), build_kit(request, 2)
    data = [p for p in one.files if p.startswith("candidate/data/")]
    assert any(one.files[p] != two.files.get(p) for p in data)
    assert one.files["reviewer/solution.py"] == two.files["reviewer/solution.py"]
    keys = [tomllib.loads(k.files["reviewer/answer_key.toml"].decode()) for k in (one, two)]
    assert [e["id"] for e in keys[0]["planted"]] == [e["id"] for e in keys[1]["planted"]]
    assert sum(len(v) for v in one.files.values()) == pytest.approx(
        sum(len(v) for v in two.files.values()), rel=0.15
    )


# What a valid plan can hold: markup, links and long lines (answers refuse control, bidi and
# invisible characters, so those reach the kit only through a request built by hand, below).
PLAN_HOSTILE = (
    "<script>alert(1)</script> [click](http://evil.example) **bold** `code` # head [/] "
    "[link=x]y " + "x" * 5000
)
HOSTILE = PLAN_HOSTILE + " \u202eevil\u202c zero\u200bwidth"


def test_hostile_plan_text_gives_clean_files(work: Path) -> None:
    raw = tomllib.loads((ANSWERS_DIR / "fraud_model.toml").read_text(encoding="utf-8"))
    answers = raw.get("answers", raw)
    apply(
        answers,
        {
            "context.company": "<b>Evil</b> [co](https://evil.example)",
            "goals.outcome": "Cut fraud losses by a third " + PLAN_HOSTILE[:900],
            "assessment.competencies": ["<img src=x onerror=alert(1)>", "![i](http://x.example/a)"],
        },
    )
    plan = work / "hostile.toml"
    plan.write_text(tomli_w.dumps(raw), encoding="utf-8")
    out = work / "kit"
    code, _, err = run_cli("kit", plan, "-o", out)
    assert code == 0, err
    _assert_clean(out)


@pytest.mark.parametrize("track", KIT_TRACKS)
def test_hostile_request_text_with_control_characters_gives_clean_files(
    tmp_path: Path, track: KitTrack
) -> None:
    request = KitRequest(
        track=track,
        company="Acme\x1b[31m\x07<script>" + HOSTILE,
        outcome="line one\nline two\r\x00" + HOSTILE,
        success_metric="[x](javascript:alert(1)) 5%",
        competencies=("\u2066isolate\u2069 " + HOSTILE,),
    )
    write_kit(build_kit(request, 0), tmp_path / "kit")
    _assert_clean(tmp_path / "kit")


def _assert_clean(root: Path) -> None:
    for path in root.rglob("*"):
        if not path.is_file() or path.suffix not in {".md", ".toml", ".csv", ".json", ".jsonl"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the data engineer's deliberately Windows-1252 drop
        assert not UNSAFE.search(text), path
        assert "<script" not in text and "<img" not in text and "<b>" not in text, path
        assert not LINK.search(text), path
        assert max(len(line) for line in text.splitlines() or [""]) < 2000, path
        if path.suffix == ".toml":
            tomllib.loads(text)


def test_sample_kit_in_docs_is_what_make_samples_writes(checklist: Checklist) -> None:
    """The committed sample was written by another process: byte-identical output across runs."""
    docs = ROOT / "docs"
    kit = build_kit(from_plan(load_plan(docs / "sample-plan.toml", checklist)), 0)
    assert _files(docs / "sample-kit") == kit.files, "run 'make samples'"


def _llm_plan(work: Path) -> Path:
    raw = tomllib.loads((ANSWERS_DIR / "fraud_model.toml").read_text(encoding="utf-8"))
    apply(
        raw.get("answers", raw),
        {
            "goals.build_mode": "llm",
            "goals.problem_type": "nlp",
            "goals.data_kind": "text",
            "goals.deliverable": "product_feature",
        },
    )
    path = work / "llm.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    return path


def test_an_llm_feature_plan_gets_the_kit_of_its_derived_track(work: Path) -> None:
    plan = _llm_plan(work)
    derived = tomllib.loads(run_cli("plan", "--answers", plan)[1])["role"]["track"]
    code, _, err = run_cli("kit", plan, "-o", work / "kit")
    assert code == 0, err
    key = tomllib.loads((work / "kit" / "reviewer" / "answer_key.toml").read_text("utf-8"))
    assert key["kit"]["track"] == derived
    expected = "documents" if derived == "ai_engineer" else "tabular"
    assert key["kit"]["family"] == expected


def test_an_ai_engineer_plan_maps_to_the_document_kit(checklist: Checklist, work: Path) -> None:
    plan = load_plan(_llm_plan(work), checklist)
    plan = replace(plan, role=replace(plan.role, track="ai_engineer"))
    request = from_plan(plan)
    assert (request.track, request.family) == ("ai_engineer", "documents")
    assert request.company == plan.answers.context.company
    assert request.hours == plan.answers.assessment.take_home_hours


def test_a_failed_swap_puts_the_users_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kit"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    real = os.replace

    def flaky(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == out and Path(src).name != "kit":  # the new kit's swap, not the restore
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(KitError, match="No space left"):
        write_kit(build_kit(KitRequest(track="ai_engineer"), 0), out, force=True)
    assert _files(out) == {"notes.txt": b"mine"}
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_plan_without_a_take_home_answer_gets_a_kit_that_does_not_invent_pay(work: Path) -> None:
    raw = tomllib.loads((ANSWERS_DIR / "fraud_model.toml").read_text(encoding="utf-8"))
    apply(raw.get("answers", raw), {"assessment.take_home": "none"})
    for key in ("take_home_hours", "take_home_paid"):
        raw.get("answers", raw)["assessment"].pop(key, None)
    plan = work / "no_take_home.toml"
    plan.write_text(tomli_w.dumps(raw), encoding="utf-8")
    assert run_cli("kit", plan, "-o", work / "kit")[0] == 0
    brief = (work / "kit" / "candidate" / "BRIEF.md").read_text(encoding="utf-8")
    assert "paid for your time" not in brief and "is not paid" not in brief
    # Pay not decided: the time box is the plan's own for an unpaid exercise (its loop says 2 h).
    assert "We will confirm" in brief and "at most 2 hours" in brief


@pytest.mark.parametrize(
    ("hours", "paid", "told"),
    [(40, False, 2), (4, False, 2), (1, False, 1), (40, True, 4), (3, True, 3)],
)
def test_brief_states_the_time_box_the_plan_allows(
    work: Path, hours: int, paid: bool, told: int
) -> None:
    """The kit asks for no more than the plan's own loop: 4 hours at most, 2 when unpaid (the
    take-home findings), whatever the founder typed."""
    raw = tomllib.loads((ANSWERS_DIR / "fraud_model.toml").read_text(encoding="utf-8"))
    apply(
        raw.get("answers", raw),
        {"assessment.take_home_hours": hours, "assessment.take_home_paid": paid},
    )
    plan = work / "boxed.toml"
    plan.write_text(tomli_w.dumps(raw), encoding="utf-8")
    out = work / "kit"
    code, _, err = run_cli("kit", plan, "-o", out)
    assert code == 0, err
    brief = (out / "candidate" / "BRIEF.md").read_text(encoding="utf-8")
    assert f"at most {told} hour{'s' if told != 1 else ''}." in brief
