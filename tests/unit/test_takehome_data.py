"""The take-home kits' words (checklists/takehome.toml) are checked here, not at run time.

Every family has every text for every track it builds, every {name} is one its generator fills,
there are no unknown keys, every planted problem a generator plants has its words and no words
are left for a problem nobody plants, and the tabular domains and help-centre documents are
complete; broken copies of the file are caught with the key named.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path
from typing import cast

import pytest

from checklists.takehome import (
    FAMILIES,
    FAMILY_TRACKS,
    FILE,
    HERE,
    load_takehome,
    placeholders,
    problems,
    read_takehome,
)
from wizard.takehome import GENERATORS, build_kit
from wizard.takehome.request import KIT_TRACKS, KitRequest, KitTrack

PROBLEM_TYPES = ("predictive_analytics", "time_series", "nlp")


def test_shipped_takehome_text_has_no_problems() -> None:
    assert problems(load_takehome()) == []


def test_every_generator_has_its_words_and_every_track_its_family() -> None:
    assert set(FAMILIES) == set(GENERATORS) == set(FAMILY_TRACKS)
    built = {
        (KitRequest(track=t, problem_type=p).family, t) for t in KIT_TRACKS for p in PROBLEM_TYPES
    }
    assert built == {(f, t) for f, tracks in FAMILY_TRACKS.items() for t in tracks}


@pytest.mark.parametrize("family", FAMILIES)
def test_the_answer_key_words_are_exactly_the_problems_planted(family: str) -> None:
    track = FAMILY_TRACKS[family][0]
    request = KitRequest(
        track=cast(KitTrack, track), problem_type="time_series" if family == "forecast" else "x"
    )
    kit = build_kit(request, 0)
    assert [p.id for p in kit.planted] == list(load_takehome().families[family].planted)


def test_placeholders_are_plain_names() -> None:
    text = load_takehome()
    for fam in text.families.values():
        for p in fam.planted.values():
            for name in placeholders(p.where + p.detect + p.impact):
                assert re.fullmatch(r"[a-z_]+", name), name


def test_run_time_takehome_loader_uses_no_validation_library() -> None:
    tree = ast.parse((HERE / "takehome.py").read_text(encoding="utf-8"))
    modules = {
        n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
    }
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert "pydantic" not in modules and "wizard" not in modules


def _copy(tmp: Path) -> Path:
    target = tmp / "checklists"
    target.mkdir()
    shutil.copy(HERE / FILE, target / FILE)
    return target


def _replace(folder: Path, old: str, new: str) -> None:
    path = folder / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    (
        "unknown placeholder in a brief",
        'title = "Take-home exercise for {company}"',
        'title = "For {firm}"',
        "takehome.toml: brief.title: unknown placeholder {firm}",
    ),
    (
        "unknown placeholder in a planted problem",
        'where = "incoming_sample.csv: {drifted}"',
        'where = "{feature}"',
        "takehome.toml: service.planted.input_drift.where: unknown placeholder {feature}",
    ),
    (
        "a brace left open",
        'metric = "Holdout MAE',
        'metric = "{Holdout MAE',
        "takehome.toml: forecast.metric: unbalanced braces",
    ),
    (
        "an unknown key in a track",
        "[tabular.tracks.data_scientist]\ntask",
        "[tabular.tracks.data_scientist]\nold_task",
        "refused: old_task",
    ),
    (
        "a track the family does not build",
        "[forecast.tracks.data_scientist]",
        "[forecast.tracks.data_engineer]",
        "takehome.toml: forecast.tracks.data_engineer: not a track this kit is built for",
    ),
    (
        "an unknown key in the frame",
        'also_look_for = "',
        'also_watch_for = "',
        "refused: also_watch_for",
    ),
    (
        "a phrase missing",
        'other = "an HTTP service called by our product"',
        "",
        "takehome.toml: service.phrases: must be exactly",
    ),
    (
        "a domain the generator picks is missing",
        "[tabular.domains.audio]",
        "[tabular.domains.podcast]",
        "takehome.toml: tabular.domains: must be exactly",
    ),
    (
        "an unknown placeholder in a help-centre answer",
        'answer = "{n} days"',
        'answer = "{days} days"',
        "takehome.toml: documents.topics[0].answer: unknown placeholder {days}",
    ),
    (
        "a domain with a repeated column",
        'leak = ["retention_call_logged"',
        'leak = ["tenure_months"',
        "takehome.toml: tabular.domains.generic: column names repeat",
    ),
    (
        "a domain variant of a domain that does not exist",
        'variant_of = "nlp"',
        'variant_of = "email"',
        "takehome.toml: tabular.domains.invoices: variant_of names another domain",
    ),
    (
        "a message that is a bag of words, not a sentence",
        '"Printer paper and toner cartridges.",',
        '"invoice account invoice when",',
        "takehome.toml: tabular.domains.invoices.messages.no[4]: not a sentence",
    ),
    (
        "a message list too short to vary",
        """either = [
  "Hi there, hope you are well.",
  "I am writing about my recent order.",""",
        """either = [""",
        "takehome.toml: tabular.domains.nlp.messages.either: at least five different sentences",
    ),
    (
        "a family that does not say what its stand-in data is",
        'stand_in = "a small help centre and questions of the kind our users ask"',
        'stand_in = " "',
        "takehome.toml: documents.stand_in: is empty",
    ),
    (
        "an impact that is not a sentence",
        'impact = "The new release breaks the latency budget for a share of requests."',
        'impact = "slower"',
        "takehome.toml: service.planted.latency_regression.impact: must end in a full stop",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_takehome_text_is_named(
    name: str, old: str, new: str, message: str, tmp_path: Path
) -> None:
    folder = _copy(tmp_path)
    assert problems(read_takehome(folder)) == []
    _replace(folder, old, new)
    if message.startswith("refused: "):  # a key no dataclass has: reading the file fails
        with pytest.raises(TypeError, match=message.removeprefix("refused: ")):
            read_takehome(folder)
        return
    found = problems(read_takehome(folder))
    assert any(p.startswith(message) for p in found), found


def test_an_unknown_part_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / FILE).open("a", encoding="utf-8") as fh:
        fh.write("\n[quiz]\ntitle = 'x'\n")
    with pytest.raises(KeyError, match="quiz"):
        read_takehome(folder)


def test_kit_words_come_from_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edited words reach the kit: the generators hold none of their own."""
    folder = _copy(tmp_path)
    _replace(folder, 'hire_signal = "Hire signal', 'hire_signal = "Verdict')
    _replace(folder, 'kind = "latency regression"', 'kind = "slow release"')
    monkeypatch.setattr("wizard.takehome.core.load_takehome", lambda: read_takehome(folder))
    files = build_kit(KitRequest(track="mlops_engineer"), 0).files
    assert b"Verdict (strong yes" in files["reviewer/score_sheet.md"]
    assert b'kind = "slow release"' in files["reviewer/answer_key.toml"]
