"""Text safety for anything hirewiz prints that came from a file, a path or a person.

One list of characters serves both sides: answers containing them are refused (like a C0 control),
and every output escapes them anyway, because a plan written by another tool, a file name or a
user's ``rates.toml`` never went through that check.
"""

from __future__ import annotations

import re

# Characters that can hide, reorder or restyle what a terminal or an editor shows: C0 and C1
# controls and DEL; the zero-width space, the word joiner and the other invisible operators;
# bidi embeddings, overrides and isolates (the "Trojan Source" set); line and paragraph
# separators, which many tools treat as line breaks; the byte-order mark and the interlinear
# annotation marks. U+200C/U+200D (zero-width non-joiner and joiner) and the LRM/RLM marks stay
# allowed: Devanagari, Persian and other scripts need them in ordinary words.
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
)
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")


def unsafe_char(text: str, *, multiline: bool = False) -> str | None:
    """The first character of ``text`` that may not appear in an answer, or None.

    Tabs and line breaks are allowed only in ``multiline`` text.
    """
    found = (_UNSAFE_IN_TEXT if multiline else _UNSAFE_IN_LINE).search(text)
    return found.group() if found else None


def describe_char(char: str) -> str:
    """``U+202E`` style name for a character, for error messages."""
    return f"U+{ord(char):04X}"


def printable(text: str, *, multiline: bool = False) -> str:
    """Escape every character :func:`unsafe_char` refuses, as ``\\x1b`` / ``\\u202e``.

    With ``multiline`` tabs and line breaks are kept, for text shown as a block.
    """
    pattern = _UNSAFE_IN_TEXT if multiline else _UNSAFE_IN_LINE
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
