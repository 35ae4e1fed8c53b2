"""``hirewiz keys`` must be copyable at 80 columns: no key, value or word cut in two.

A four-column table broke "data_scientist" into "data_scientis" / "t" at 80 columns, so a
founder could not copy the value into ``hirewiz set``.
"""

from __future__ import annotations

import re

import pytest

from wizard.answers import get_checklist
from wizard.cli import main


@pytest.mark.parametrize("columns", ["80", "60"])
def test_every_key_and_value_is_whole_on_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["keys"]) == 0
    out = capsys.readouterr().out
    words = {w for line in out.splitlines() for w in re.findall(r"[\w.]+", line)}
    for key, q in get_checklist().questions():
        assert key in words, key
        for choice in q.choices:
            assert choice.value in words, (key, choice.value)
    assert max(len(line.rstrip()) for line in out.splitlines()) <= int(columns)


def test_outcome_is_marked_as_the_wizard_marks_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wizard says "(needed for a verdict)"; the key list used to say "recommended"."""
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["keys"]) == 0
    out = capsys.readouterr().out
    assert "goals.outcome  (needed for a verdict)" in out
