"""The too-long take-home finding reads right for every number of hours.

"A {hours}-hour take-home" gave "A 8-hour take-home" (and "A 11-hour"): the article depends on
how the number is spoken, so the title no longer puts one in front of it.
"""

from __future__ import annotations

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard.rules import derive


@pytest.mark.parametrize("hours", [5, 8, 11, 18, 80])
def test_no_article_before_the_hours(make: Make, checklist: Checklist, hours: int) -> None:
    plan = derive(make({"assessment.take_home_hours": hours}), checklist)
    (title,) = [f.title for f in plan.findings if f.id == "take-home-too-long"]
    assert f"{hours} hours" in title
    assert not title.startswith(("A 8", "A 11", "A 18", "A 80"))
