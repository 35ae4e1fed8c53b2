"""The founder hears where the job post differs from their answers; candidates never do.

A founder asked for a 6-hour unpaid take-home, an ML engineer title and a master's degree, and
got a post with 2 hours, another title and no degree, with nothing saying so. The differences are
listed for the founder (full export, ``show``, ``export --only job-post`` on stderr) and stay out
of the candidate-facing post.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from tests.helpers.cli import run_cli
from wizard.export import export_markdown
from wizard.planfile import build_plan, dumps
from wizard.post_changes import changes_heading, plan_post_changes

# The founder's answers from the walk: a data scientist planned for product work, a long unpaid
# take-home, a master's degree.
ASKED = {
    "context.planned_title": "data_scientist",
    "assessment.take_home_hours": 6,
    "assessment.take_home_paid": False,
    "assessment.required_degree": "masters",
}


def _changes(make: Make, checklist: Checklist, changes: dict[str, Any]) -> dict[str, str]:
    plan = build_plan(make(changes), checklist)
    return {c.key: f"{c.what} {c.why}" for c in plan_post_changes(plan)}


def test_each_silent_adjustment_is_named_with_its_reason(make: Make, checklist: Checklist) -> None:
    found = _changes(make, checklist, ASKED)
    assert set(found) == {"title", "hours", "degree"}
    assert "6 hours" in found["hours"] and "2 hours" in found["hours"]
    assert "unpaid" in found["hours"] and "Pay for it" in found["hours"]
    assert "a data scientist" in found["title"] and "Machine Learning Engineer" in found["title"]
    assert "a master's degree" in found["degree"]


def test_answers_the_post_follows_give_no_note(make: Make, checklist: Checklist) -> None:
    assert _changes(make, checklist, {}) == {}


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"assessment.required_degree": "bachelor"}, "degree", "a bachelor's degree"),
        ({"assessment.take_home_hours": 8}, "hours", "8 hours"),
        ({"assessment.take_home": "none"}, "take_home", "you chose none"),
        ({"assessment.take_home": "generic_algorithms"}, "take_home", "generic"),
        ({"assessment.product_interview": False}, "product", "no product interview"),
        ({"assessment.production_interview": False}, "production", "no production interview"),
        (
            {"assessment.must_have_tools": ["Python", "SQL", "Go", "Rust", "Java", "Scala"]},
            "tools",
            "6 must-have tools",
        ),
        (
            {"assessment.competencies": ["a", "b", "c", "d", "e", "f"]},
            "competencies",
            "keeps the first 4",
        ),
    ],
)
def test_other_adjustments_are_named(
    make: Make, checklist: Checklist, changes: dict[str, Any], key: str, words: str
) -> None:
    found = _changes(make, checklist, changes)
    assert key in found and words in found[key], found


def test_the_full_export_tells_the_founder_above_the_post(make: Make, checklist: Checklist) -> None:
    text = export_markdown(build_plan(make(ASKED), checklist), checklist)
    heading, _ = changes_heading()
    note, post = text.split(f"## {heading}", 1)[1].split("\n## ", 1)
    assert "6 hours" in note and "2 hours" in note and "master" in note
    # The note comes before the post and nothing of it leaks into the post.
    assert heading not in post and "you asked for" not in post


def test_the_candidate_post_stays_clean_and_stderr_tells_the_founder(
    make: Make, checklist: Checklist, work: Path
) -> None:
    path = work / "plan.toml"
    path.write_text(dumps(build_plan(make(ASKED), checklist)), encoding="utf-8")
    code, out, err = run_cli("export", path, "--only", "job-post")
    assert code == 0, err
    heading, _ = changes_heading()
    assert heading not in out and "you asked for" not in out and "you planned" not in out
    assert "2 hours" in out  # the post states the time box it uses
    assert heading in err and "6 hours" in err and "master's degree" in err


def test_no_note_on_stderr_when_the_post_follows_the_answers(
    make: Make, checklist: Checklist, work: Path
) -> None:
    path = work / "plan.toml"
    path.write_text(dumps(build_plan(make({}), checklist)), encoding="utf-8")
    code, _, err = run_cli("export", path, "--only", "job-post")
    assert code == 0 and err == ""


# --- item 2: the data state reads as the work, never as self-harm ----------------------------

DATA_STATES = list(product([True, False], [True, False], [True, False], [True, False]))


@pytest.mark.parametrize(("recorded", "accessible", "privacy", "quality"), DATA_STATES)
def test_every_data_state_reads_right_for_a_candidate(
    make: Make,
    checklist: Checklist,
    recorded: bool,
    accessible: bool,
    privacy: bool,
    quality: bool,
) -> None:
    changes = {
        "data.recorded": recorded,
        "data.accessible": accessible,
        "data.privacy_cleared": privacy,
        "data.quality_checked": quality,
    }
    text = export_markdown(build_plan(make(changes), checklist), checklist, only="job-post")
    data = text.split("### Where our data is today\n", 1)[1].split("\n### ", 1)[0]
    assert "Nobody" not in data and "nobody" not in data
    if recorded and not quality:
        assert "You will be the first to audit its quality." in data
    if not recorded:
        # Nothing recorded: nothing to audit, and capturing it is the work.
        assert "quality" not in data and "part of the work" in data
    if not accessible:
        assert "Getting the data into analysis tools is part of the work." in data
    # Every sentence is whole: a capital letter after each full stop.
    sentences = [s.strip() for s in data.strip().split(". ") if s.strip()]
    assert all(s[0].isupper() or s[0].isdigit() for s in sentences), data
