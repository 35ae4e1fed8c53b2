"""What ``hirewiz set`` accepts: every answer key, its kind, its allowed values, whether required.

``hirewiz keys`` prints the list, and a mistyped key ("budget") gets the closest real keys as a
hint instead of a bare "no such question". Read from the checklist, so a question added to
``checklists/questions.toml`` appears here without code.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from checklists.loader import Checklist, Question

KIND_TEXT = {
    "text": "text",
    "longtext": "text",
    "int": "whole number",
    "bool": "yes or no",
    "choice": "one of",
    "multi": "comma-separated, any of",
    "list": "comma-separated list",
}


# The same words as the wizard's marks beside each prompt (screens/fields.py).
NEED_TEXT = {
    "required": "required",
    "verdict": "needed for a verdict",
    "recommended": "recommended",
    "optional": "optional",
}


@dataclass(frozen=True)
class KeyInfo:
    key: str
    prompt: str
    accepts: str
    need: str  # "required", "needed for a verdict", "recommended" or "optional"
    asked_when: str  # "" when always asked


def _accepts(q: Question) -> str:
    text = KIND_TEXT.get(q.kind, q.kind)
    if q.choices:
        return f"{text}: " + ", ".join(c.value for c in q.choices)
    if q.kind == "int":
        low = "" if q.min is None else f"{q.min:,}"
        high = "" if q.max is None else f"{q.max:,}"
        if low or high:
            return f"{text}, {low or '…'} to {high or '…'}"
    if q.kind == "bool":
        return "yes or no (true/false)"
    return text


def _when(q: Question) -> str:
    parts = [f"{k} is {' or '.join(v)}" for k, v in q.when.items()]
    parts += [f"{k} ≥ {n}" for k, n in q.when_at_least.items()]
    return " and ".join(parts)


def key_infos(checklist: Checklist) -> list[KeyInfo]:
    from wizard.labels import need as need_of

    rows = []
    for key, q in checklist.questions():
        need = NEED_TEXT[need_of(key, checklist)]
        rows.append(KeyInfo(key, q.prompt, _accepts(q), need, _when(q)))
    return rows


def closest_keys(name: str, checklist: Checklist, limit: int = 3) -> list[str]:
    """Real keys a mistyped one most likely meant: same question name first, then lookalikes."""
    keys = [k for k, _ in checklist.questions()]
    bare = name.rpartition(".")[2].lower()
    found = [k for k in keys if bare and bare in k.rpartition(".")[2]]
    found += [
        k
        for k in difflib.get_close_matches(name.lower(), keys, n=limit, cutoff=0.5)
        if k not in found
    ]
    by_id = {k.rpartition(".")[2]: k for k in keys}
    found += [
        by_id[i]
        for i in difflib.get_close_matches(bare, list(by_id), n=limit, cutoff=0.6)
        if by_id[i] not in found
    ]
    return found[:limit]
