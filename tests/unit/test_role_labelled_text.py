"""A text feature on existing models with the founder's own labels is an ML engineer's work.

The Berlin walk: invoice categorisation, use_existing, 30k labelled invoices became "Senior AI
Engineer (LLM features)" while the plan's own alternative said to hire an ML engineer "if the
feature needs a model trained on your own labelled data". Fine-tuning or training on your own
labels and evaluating on held-out labels is an ML engineer's job; the llm build mode, or
existing models without labels of your own, stay an AI engineer's.
"""

from __future__ import annotations

from typing import Any

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.rules import derive

TEXT = {"goals.build_mode": "use_existing", "goals.data_kind": "text", "goals.problem_type": "nlp"}


@pytest.mark.parametrize(
    ("changes", "track", "alternative"),
    [
        ({**TEXT, "data.labels": "yes"}, "ml_engineer", "ai_engineer"),
        (
            {**TEXT, "goals.problem_type": "other", "data.labels": "yes"},
            "ml_engineer",
            "ai_engineer",
        ),
        ({**TEXT, "goals.data_kind": "mixed", "data.labels": "yes"}, "ml_engineer", "ai_engineer"),
        ({**TEXT, "data.labels": "partial"}, "ai_engineer", "ml_engineer"),
        ({**TEXT, "data.labels": "not_needed"}, "ai_engineer", "ml_engineer"),
        ({**TEXT, "goals.build_mode": "llm", "data.labels": "yes"}, "ai_engineer", "ml_engineer"),
        ({**TEXT, "data.labels": "yes", "data.pipeline": "none"}, "data_engineer", "ml_engineer"),
    ],
)
def test_track_for_text_features(
    make: Make, checklist: Checklist, changes: dict[str, Any], track: str, alternative: str
) -> None:
    d = derive(make(changes), checklist)
    assert d.role.track == track
    assert alternative in [a.track for a in d.role.alternatives]


def test_the_labelled_text_rationale_names_the_labels(make: Make, checklist: Checklist) -> None:
    d = derive(make({**TEXT, "data.labels": "yes"}), checklist)
    first = d.role.rationale[0]
    assert "labelled" in first.text and "data.labels" in first.answers
    why = next(a.why for a in d.role.alternatives if a.track == "ai_engineer")
    assert "language model" in why
