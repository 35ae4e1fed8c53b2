"""The help screen's glossary covers every term the review shows, in order, with no gaps."""

from __future__ import annotations

from checklists.glossary import load_glossary


def test_every_review_term_is_explained() -> None:
    glossary = load_glossary()
    names = " ".join(t.term.lower() for t in glossary.terms)
    for word in ("readiness score", "verdict", "data band", "labels", "drift", "engagement",
                 "mistake n", "guards"):  # fmt: skip
        assert word in names, word
    assert all(len(t.text) > 60 for t in glossary.terms)


def test_the_ten_mistakes_are_numbered_one_to_ten() -> None:
    assert [n for n, _ in load_glossary().mistakes] == list(range(1, 11))
