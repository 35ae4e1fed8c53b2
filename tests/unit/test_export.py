"""The Markdown exports read as the review asked (issue 9, items 12 and 13).

The job post has a company section, the problem in a full sentence, the success metric, an honest
data state, the founder's own pay range, equity and one deliberate apply link, and no findings,
scores or budget check; the kit shows no "(recommended …)" leaks; tables do not double-escape.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.export import apply_link, export_markdown, md
from wizard.planfile import build_plan

BASE = {"timing.budget_currency": "USD", "timing.pay_low": 36000, "timing.pay_high": 60000}


def post(make: Make, checklist: Checklist, changes: dict[str, Any] | None = None) -> str:
    plan = build_plan(make({**BASE, **(changes or {})}), checklist)
    return export_markdown(plan, checklist, only="job-post")


def section(text: str, heading: str) -> str:
    body = text.split(f"### {heading}\n", 1)[1]
    return body.split("\n### ", 1)[0]


def test_job_post_has_every_section_in_order(make: Make, checklist: Checklist) -> None:
    """Review 12."""
    text = post(make, checklist, {"context.location": "Pune", "timing.equity_offered": True,
                                  "context.apply_contact": "jobs@paylane.example"})  # fmt: skip
    headings = re.findall(r"^### (.+)$", text, flags=re.M)
    assert headings == [
        "About Paylane",
        "The problem",
        "Where our data is today",
        "What you will do",
        "Must have",
        "What you will need to show",
        "Nice to have",
        "Not required",
        "How we interview",
        "Pay",
        "How to apply",
    ]
    about = section(text, "About Paylane")
    assert "customers rely on" in about and "One person already works" in about
    assert "technical founder" in about and "Location: Pune." in about
    problem = section(text, "The problem")
    assert problem.strip().startswith("What we want to achieve: Cut chargeback losses")
    assert "good customers." in problem and "Chargeback rate below 0.3%" in problem
    assert "USD 36,000 to 60,000 a year. The offer includes equity." in section(text, "Pay")
    # The link text is escaped like any plan text (its @ too); the target is the address.
    assert "[jobs\\@paylane.example](mailto:jobs@paylane.example)" in text


def test_job_post_states_the_data_honestly(make: Make, checklist: Checklist) -> None:
    text = post(make, checklist, {"data.quality_checked": False, "data.pipeline": "manual"})
    data = section(text, "Where our data is today")
    assert "You will be the first to audit its quality." in data
    assert "run by hand" in data


def test_job_post_leaves_out_internal_material(make: Make, checklist: Checklist) -> None:
    text = post(make, checklist, {"assessment.required_degree": "phd", "team.partners": []})
    for word in ("Finding", "blocker", "warning", "Readiness", "/100", "budget",
                 "Seed article", "2,000"):  # fmt: skip
        assert word not in text, word


def test_pay_is_the_founders_range_never_a_market_figure(make: Make, checklist: Checklist) -> None:
    text = post(make, checklist, {"timing.pay_low": None, "timing.pay_high": None})
    assert "### Pay" not in text and "2,000" not in text and "6,000" not in text


def test_tools_line_never_says_every_tool_beside_a_tool_list(
    make: Make, checklist: Checklist
) -> None:
    """Review 12: no "experience with every tool" beside a list of four tools."""
    with_tools = post(
        make, checklist, {"assessment.must_have_tools": ["Python", "SQL", "dbt", "Go"]}
    )
    assert "every tool" not in with_tools.lower()
    assert "Tools beyond the ones named above" in with_tools
    without = post(make, checklist, {"assessment.must_have_tools": []})
    assert "Experience with any particular tool" in without


def test_job_post_sentences_are_whole(make: Make, checklist: Checklist) -> None:
    """Review 12 and 13: no subject-less fragment, the pasted goal ends with a full stop."""
    text = post(make, checklist, {"goals.outcome": "Cut refund handling time by half"})
    assert "What we want to achieve: Cut refund handling time by half." in text
    for line in text.splitlines():
        if line and not line.startswith(("#", "**", "|", "- ", "[")) and not line[0].isdigit():
            assert line.rstrip().endswith((".", ")")), line


@pytest.mark.parametrize(
    "changes",
    [
        {"assessment.take_home_paid": False},
        {"assessment.take_home_hours": 12},
        {"timing.urgency": "overdue", "timing.monthly_budget": 1500},
        {"data.recorded": False},
    ],
)
def test_kit_has_no_recommendation_leaks(
    make: Make, checklist: Checklist, changes: dict[str, Any]
) -> None:
    """Review 13: "(recommended: the plan does not yet say so)" never reaches the kit."""
    plan = build_plan(make({**BASE, **changes}), checklist)
    text = export_markdown(plan, checklist)
    assert "(recommended" not in text and "does not yet say so" not in text
    assert not re.search(r"\ba (ML|MLOps|AI) ", text)


def test_ampersands_are_not_double_escaped_in_tables(make: Make, checklist: Checklist) -> None:
    """Review 13: `Schmidt &amp; Hunter` in a Markdown table renders as it reads."""
    plan = build_plan(make({**BASE, "assessment.take_home": "none",
                            "assessment.take_home_hours": None,
                            "assessment.take_home_paid": None}), checklist)  # fmt: skip
    text = export_markdown(plan, checklist)
    assert "Schmidt & Hunter" in text and "&amp;" not in text
    # An ampersand that would start an entity is still escaped ("&#60;" has its # escaped).
    assert md("R&D &amp; more &#60;") == "R&D &amp;amp; more &\\#60;"


@pytest.mark.parametrize(
    ("contact", "rendered"),
    [
        ("https://acme.example/jobs", "https://acme.example/jobs"),
        ("jobs@acme.example", "mailto:jobs@acme.example"),
        # Anything that could break out of the link is shown as escaped text, not a link.
        ("https://acme.example/a)[x](https://evil.example", None),
        ("https://acme.example/<script>", None),
    ],
)
def test_apply_contact_is_the_one_deliberate_link(contact: str, rendered: str | None) -> None:
    out = apply_link(contact)
    if rendered is None:
        assert out == md(contact) and "<" not in out
    else:
        # The text is escaped like any plan text; the target is the address itself.
        assert out == f"[{md(contact)}]({rendered})"


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({}, "The take-home is time-boxed to 4 hours, and we pay for it."),
        ({"assessment.take_home_paid": False, "assessment.take_home_hours": 2},
         "The take-home is time-boxed to 2 hours."),
        ({"timing.urgency": "overdue", "timing.monthly_budget": 1500},
         "The trial task is time-boxed to 4 hours, and we pay for it."),
        ({"data.recorded": False}, "In all: 2 stages and 120 minutes of conversation."),
    ],
)  # fmt: skip
def test_how_we_interview_states_time_box_and_pay(
    make: Make, checklist: Checklist, changes: dict[str, Any], says: str
) -> None:
    text = section(post(make, checklist, changes), "How we interview")
    assert says in text
    if changes.get("data.recorded") is False:
        assert "take-home" not in text and "trial task" not in text


@pytest.mark.parametrize(
    ("changes", "says", "never"),
    [
        ({}, "No model runs in production yet.", None),
        ({"goals.deliverable": "insights", "production.serving": "none"}, None,
         "No model runs in production"),
        ({"production.models_in_production": 2, "production.monitoring": "automated",
          "production.retraining": "automated", "production.drift_incidents": False},
         "2 models already run in production.", None),
    ],
)  # fmt: skip
def test_data_state_mentions_production_only_where_it_applies(
    make: Make, checklist: Checklist, changes: dict[str, Any], says: str | None, never: str | None
) -> None:
    """An analysis role is not told that no model runs "yet", as if one were promised."""
    text = section(post(make, checklist, changes), "Where our data is today")
    assert says is None or says in text
    assert never is None or never not in text


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"assessment.take_home_paid": False, "assessment.take_home_hours": 40},
         "The take-home is time-boxed to 2 hours."),
        ({"assessment.take_home_paid": False, "assessment.take_home_hours": 3},
         "The take-home is time-boxed to 2 hours."),
        ({"timing.urgency": "overdue", "timing.monthly_budget": 1500,
          "assessment.take_home_paid": False}, "The trial task is time-boxed to 4 hours"),
    ],
)  # fmt: skip
def test_unpaid_take_home_is_advertised_within_two_hours(
    make: Make, checklist: Checklist, changes: dict[str, Any], says: str
) -> None:
    """The post and the kit use the loop's time box: unpaid work never runs past two hours."""
    plan = build_plan(make({**BASE, **changes}), checklist)
    assert says in section(export_markdown(plan, checklist, only="job-post"), "How we interview")
    kit = export_markdown(plan, checklist, only="interview-kit")
    hours = says.split("time-boxed to ")[1].split(" hours")[0]
    assert f"Time box: **{hours} hours**" in kit


@pytest.mark.parametrize(
    ("changes", "says", "never"),
    [
        ({"context.work_mode": "remote_async", "team.tz_overlap_hours": 3},
         "We work remotely and asynchronously across time zones, mostly in writing. Our working "
         "hours overlap by about 3 hours a day.", None),
        # No async habits: the post does not claim the team works in writing.
        ({"context.work_mode": "remote_async", "team.tz_overlap_hours": 1,
          "team.async_practices": []},
         "We work remotely across time zones. Our working hours overlap by about 1 hour a day.",
         "mostly in writing"),
        ({"context.work_mode": "onsite"}, "We work on site.", "overlap"),
    ],
)  # fmt: skip
def test_about_states_the_work_mode_honestly(
    make: Make, checklist: Checklist, changes: dict[str, Any], says: str, never: str | None
) -> None:
    about = section(post(make, checklist, changes), "About Paylane")
    assert says in about
    assert never is None or never not in about


def test_one_hour_is_singular(make: Make, checklist: Checklist) -> None:
    """An unpaid one-hour exercise reads "1 hour", not "1 hours", in the post and the kit."""
    changes = {**BASE, "assessment.take_home_paid": False, "assessment.take_home_hours": 1}
    plan = build_plan(make(changes), checklist)
    text = export_markdown(plan, checklist)
    assert "The take-home is time-boxed to 1 hour." in text
    assert "Time box: **1 hour**, unpaid." in text
    assert "1 hours" not in text


@pytest.mark.parametrize(
    "changes",
    [{}, {"data.recorded": False}, {"timing.urgency": "overdue", "timing.monthly_budget": 1500}],
)
def test_kit_explains_the_mistake_numbers(
    make: Make, checklist: Checklist, changes: dict[str, Any]
) -> None:
    """ "Guards against mistakes: 2, 3, 8" means nothing to a founder who has not read the
    article: the kit names every number its stages use, and only those."""
    plan = build_plan(make({**BASE, **changes}), checklist)
    kit = export_markdown(plan, checklist, only="interview-kit")
    legend = next(line for line in kit.splitlines() if line.startswith("Mistake numbers: "))
    used = sorted({g for s in plan.interview_loop for g in s.guards})
    named = [int(n) for n in re.findall(r"(?:: |; )(\d+) — ", legend)]
    assert named == used
    assert legend.endswith(".")
