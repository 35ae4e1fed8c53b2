"""A kit fits the founder's problem, or says plainly what it is.

A tester's plan about categorising invoices got a brief about support tickets marked urgent, with
messages such as "invoice account invoice when question when". A candidate reading that cannot
tell a deliberate stand-in from a careless founder. These tests read the generated files: the
domain follows the plan's words where a closer one exists, every brief says its data is a
synthetic stand-in shaped like the company's problem, and the short texts read as sentences.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from itertools import pairwise

import pytest

from wizard.takehome import build_kit
from wizard.takehome.request import KitRequest

INVOICES = KitRequest(
    track="ml_engineer",
    problem_type="nlp",
    data_kind="text",
    company="Ledgerly",
    outcome="Auto-categorise invoices",
    competencies=("Classify invoices into accounting categories",),
)
TICKETS = KitRequest(
    track="data_scientist",
    problem_type="nlp",
    data_kind="text",
    outcome="Spot urgent support tickets sooner",
)
STAND_IN = "synthetic stand-in"
# One request per family and data kind, none of them about support tickets.
NOT_TICKETS = [
    INVOICES,
    KitRequest(track="ml_engineer", outcome="Fewer churned users"),
    KitRequest(track="data_scientist", data_kind="text", outcome="Sort customer reviews"),
    KitRequest(track="ml_engineer", data_kind="images", outcome="Catch scratched lenses"),
    KitRequest(track="ml_engineer", problem_type="time_series", outcome="Less waste"),
    KitRequest(track="data_engineer", outcome="One clean orders table"),
    KitRequest(track="mlops_engineer", outcome="Serve the churn model"),
    KitRequest(track="ai_engineer", outcome="Answer tenants' questions"),
]


@cache
def _files(request: KitRequest, seed: int) -> dict[str, bytes]:
    """Each kit is built once for the module: building measures it with its own solution."""
    return build_kit(request, seed).files


def _file(request: KitRequest, path: str, seed: int = 0) -> str:
    return _files(request, seed)[path].decode("utf-8")


def _messages(request: KitRequest, seed: int = 0) -> list[str]:
    rows = csv.DictReader(io.StringIO(_file(request, "candidate/data/train.csv", seed)))
    return [r["message"] for r in rows]


def test_an_invoice_plan_gets_invoices_and_a_brief_that_names_the_stand_in() -> None:
    brief = _file(INVOICES, "candidate/BRIEF.md")
    assert "Auto-categorise invoices" in brief
    assert STAND_IN in brief
    assert "one invoice" in brief
    assert "ticket" not in brief.lower()
    dictionary = _file(INVOICES, "candidate/data/DATA_DICTIONARY.csv")
    assert "invoice_id" in dictionary and "ticket" not in dictionary.lower()
    train = _file(INVOICES, "candidate/data/train.csv")
    assert "support_team" not in train and "ticket" not in train.lower()


def test_a_ticket_plan_still_gets_tickets() -> None:
    brief = _file(TICKETS, "candidate/BRIEF.md")
    assert "one ticket" in brief and STAND_IN in brief


@pytest.mark.parametrize("request_", NOT_TICKETS, ids=lambda r: f"{r.track}-{r.outcome}")
def test_every_brief_says_its_data_is_a_stand_in(request_: KitRequest) -> None:
    brief = _file(request_, "candidate/BRIEF.md")
    problem = brief.split("## ", 2)[1]
    assert STAND_IN in problem, "the stand-in is named where the problem is"
    if "ticket" in brief.lower():
        assert STAND_IN in brief


def test_without_an_outcome_the_brief_still_names_the_stand_in() -> None:
    brief = _file(KitRequest(track="ml_engineer", data_kind="text"), "candidate/BRIEF.md")
    assert STAND_IN in brief


@pytest.mark.parametrize("request_", [INVOICES, TICKETS], ids=["invoices", "tickets"])
def test_messages_read_as_sentences_not_word_salad(request_: KitRequest) -> None:
    messages = _messages(request_)
    assert len(set(messages)) > len(messages) // 4, "the messages vary"
    for message in messages:
        assert message.endswith((".", "?")), message
        words = re.findall(r"[a-z0-9']+", message.lower())
        assert all(a != b for a, b in pairwise(words)), message
        for sentence in re.split(r"(?<=[.?]) ", message):
            assert len(sentence.split()) >= 3, message
            assert sentence[0].isupper() or sentence[0].isdigit(), message


def test_invoice_messages_are_about_invoices_and_ticket_messages_about_orders() -> None:
    invoice_words = " ".join(_messages(INVOICES)).lower()
    ticket_words = " ".join(_messages(TICKETS)).lower()
    for word in ("refund", "angry", "broken"):
        assert word not in invoice_words
    assert "licence" in invoice_words or "subscription" in invoice_words
    assert "order" in ticket_words
