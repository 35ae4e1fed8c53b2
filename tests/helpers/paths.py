"""Where the repository's test data lives, found from this file so any working folder works."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FIXTURES = ROOT / "tests" / "fixtures"
ANSWERS_DIR = FIXTURES / "answers"
# Every rule is satisfied by this company, so a test that changes one answer sees one rule fire;
# it also has an answer for every kind of widget, which the keyboard walks use.
READY = ANSWERS_DIR / "fraud_model.toml"
FRAUD = READY
SAMPLE_INPUT = DOCS / "sample-input.toml"
SAMPLE_PLAN = DOCS / "sample-plan.toml"
