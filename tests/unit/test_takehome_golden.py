"""The words of every kind of take-home kit, pinned byte for byte.

The kits' text lives in checklists/takehome.toml and is put together by wizard/takehome/; this
pins what comes out for one kit of each family and track (the sample kit in docs/ pins only the
sample plan's). The golden file was first written by the generators as they were before the text
moved to data, so this test is what shows the move changed no byte. After a deliberate change of
wording, rewrite it with ``.venv/bin/python tests/unit/test_takehome_golden.py`` and read the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.takehome import build_kit
from wizard.takehome.request import Attribute, KitRequest

GOLDEN = Path(__file__).parent / "golden" / "takehome-texts.md"
# The files of a kit written from its words (not its generated rows), in this order; the AI
# engineer's help-centre documents come after them.
TEXTS = (
    "candidate/BRIEF.md",
    "candidate/data/DATA_DICTIONARY.csv",
    "candidate/data/current_rule.json",
    "candidate/data/questions.jsonl",
    "reviewer/README.md",
    "reviewer/RUBRIC.md",
    "reviewer/score_sheet.md",
    "reviewer/answer_key.toml",
    "reviewer/holdout/reference_answers.jsonl",
)
DOCS = "candidate/data/docs/"
HOSTILE = "Acme <b>*x*</b> [a](http://e.vil) `t` | {hours} {0}"
KITS = {
    "tabular, ml_engineer, plan text, scorecard attributes": KitRequest(
        track="ml_engineer",
        company=HOSTILE,
        outcome="Fewer churned *users*!",
        success_metric="Churn down 10%; [link](x)",
        competencies=("SQL <i>", "Python | pandas"),
        attributes=(Attribute("Data sense | x", "Finds *leaks*"),),
    ),
    "tabular, data_scientist, images, unpaid, one hour": KitRequest(
        track="data_scientist",
        problem_type="computer_vision",
        data_kind="images",
        paid=False,
        hours=1,
        competencies=("Statistics",),
    ),
    "tabular, ml_engineer, text": KitRequest(track="ml_engineer", data_kind="text", hours=8),
    "tabular, data_scientist, text about invoices": KitRequest(
        track="data_scientist",
        problem_type="nlp",
        data_kind="text",
        outcome="Auto-categorise invoices",
        competencies=("Classify invoices into accounting categories",),
    ),
    "tabular, ml_engineer, audio, recommendation": KitRequest(
        track="ml_engineer", data_kind="audio", problem_type="recommendation"
    ),
    "tabular, data_scientist, search ranking": KitRequest(
        track="data_scientist", problem_type="search_ranking"
    ),
    "forecast, ml_engineer, pay not decided": KitRequest(
        track="ml_engineer", problem_type="time_series", paid=None, success_metric="MAE < 5"
    ),
    "forecast, data_scientist": KitRequest(
        track="data_scientist", problem_type="time_series", outcome="Less waste"
    ),
    "pipeline, data_engineer": KitRequest(track="data_engineer", hours=2),
    "service, mlops_engineer, on device": KitRequest(track="mlops_engineer", serving="on_device"),
    "service, mlops_engineer, realtime": KitRequest(track="mlops_engineer", serving="realtime"),
    "documents, ai_engineer": KitRequest(track="ai_engineer", company="Docs & Co"),
}


def rendered() -> str:
    """The text files of every kit in ``KITS``, one after another under a heading each."""
    out: list[str] = []
    for name, request in KITS.items():
        files = build_kit(request, 1).files
        docs = sorted(p for p in files if p.startswith(DOCS))
        for path in [*TEXTS, *docs]:
            if path in files:
                out += [f"===== {name}: {path}", files[path].decode("utf-8")]
    return "\n".join(out)


def test_kit_texts_are_byte_identical_to_the_golden_file() -> None:
    assert rendered() == GOLDEN.read_text(encoding="utf-8"), (
        "kit text changed; if on purpose, run this file with python and read the diff"
    )


if __name__ == "__main__":
    GOLDEN.write_text(rendered(), encoding="utf-8")
    sys.stdout.write(f"wrote {GOLDEN}\n")


def test_code_spans_show_no_escape_backslashes() -> None:
    """Markdown does not unescape inside a code span, so `account\\_id` shows its backslash.

    Plan text is escaped where it may be read as Markdown; names inside backticks come from the
    kit's own data and must go in as they are.
    """
    import re

    spans = re.findall(r"`([^`\n]+)`", rendered())
    shown = sorted({s for s in spans if "\\_" in s or "\\*" in s})
    assert not shown, shown
