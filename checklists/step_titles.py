"""The steps' titles without loading the checklist.

The welcome screen names the step a draft stopped at ("stopped at Company", not the id
"context"). Loading the checklist would pull in pydantic and validate every question, too much
for a screen that must paint as fast as an empty Textual app; the titles are read straight from
``questions.toml`` through the parsed copy kept between runs (checklists/shipped.py), so there is
still one source for them.
"""

from __future__ import annotations

from pathlib import Path

from checklists.shipped import HERE, read_shipped
from wizard.files import PlanFileError, parse_toml, read_text


def step_titles(directory: Path = HERE) -> dict[str, str]:
    """``{step id: title}`` in step order; empty if the file cannot be read (the caller shows
    what it has, and the wizard reports the broken file when it loads the checklist)."""
    path = directory / "questions.toml"
    try:
        text = read_text(path)
        doc = read_shipped(path, text, lambda: parse_toml(path, text))
    except PlanFileError:
        return {}
    steps = doc.get("steps")
    if not isinstance(steps, list):
        return {}
    return {
        s["id"]: s["title"]
        for s in steps
        if isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("title"), str)
    }
