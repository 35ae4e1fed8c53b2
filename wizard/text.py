"""Text safety for anything hirewiz prints that came from a file."""

from __future__ import annotations

import re

# C0 and C1 controls, zero-width marks and bidi overrides: each can hide, reorder or restyle
# what the terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Escape characters a hostile file could use to break a one-line error or the terminal."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)
