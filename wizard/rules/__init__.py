"""The rules engine: pure functions from answers to the derived plan (docs/rules.md).

One module per concern: ``goals`` (goal clarity), ``data`` (readiness band, feasibility),
``role`` (track, seniority, engagement, pay figure), ``findings`` (the other checks), ``scores``
(readiness by section), ``interview``, ``onboarding``, ``profile`` (the role text) and ``derive``
(the order they run in). What findings say is data: checklists/findings.toml.
"""

from __future__ import annotations

from wizard.rules.data import data_band
from wizard.rules.derive import Derivation, derive, verdict
from wizard.rules.findings import MAX_TAKE_HOME_HOURS, MAX_TOOLS
from wizard.rules.scores import section_scores

__all__ = [
    "MAX_TAKE_HOME_HOURS",
    "MAX_TOOLS",
    "Derivation",
    "data_band",
    "derive",
    "section_scores",
    "verdict",
]
