"""Parsed copies of the shipped TOML files, kept between runs the way Python keeps ``.pyc`` files.

``tomllib`` reads basic strings a character at a time, so parsing the ~100 KB of shipped data is
about 10 ms of every ``hirewiz plan`` (bench/README.md); ``marshal`` reads the parsed form back in
well under a millisecond. A copy is keyed by a hash of the file's bytes, so an edited file is
always parsed again, and any trouble reading or writing a copy falls back to parsing. Copies are
written beside the bytecode (``checklists/__pycache__``) and never when Python is told not to
write bytecode. Only the shipped folder is cached: everything else is parsed every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / "__pycache__"


def cache_file(path: Path) -> Path:
    return CACHE / f"{path.name}.{sys.implementation.cache_tag}.marshal"


def read_shipped(path: Path, text: str, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``parse()``'s result for a shipped file whose content is ``text``, from the copy kept
    from an earlier run when that copy was made from the same bytes."""
    if path.parent != HERE:
        return parse()
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    where = cache_file(path)
    try:
        stored_key, doc = marshal.loads(where.read_bytes())
        if stored_key == key and isinstance(doc, dict):
            return doc
    except (OSError, ValueError, EOFError, TypeError):
        pass
    doc = parse()
    if not sys.dont_write_bytecode:
        _store(where, key, doc)
    return doc


def _store(where: Path, key: bytes, doc: dict[str, Any]) -> None:
    try:
        data = marshal.dumps((key, doc))
    except ValueError:  # a value marshal cannot hold (a TOML date): parse it every time
        return
    tmp = where.with_name(f"{where.name}.{os.getpid()}.tmp")
    try:
        CACHE.mkdir(exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, where)  # readers see the old copy or the new, never half of one
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
