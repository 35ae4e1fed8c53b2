"""Regular files only: the one guarded reader and the one atomic writer every file goes through.

Plans, answers files, drafts, the recent list and a user's ``rates.toml`` may come from anyone,
so reading one must never hang, never run anything and never crash: a FIFO, a device, a socket or
a folder is refused before a byte is read, and the size, encoding, nesting, dotted-key and number
checks apply to every TOML file alike. Every problem becomes a :class:`PlanFileError`, one line
naming the file and the key or line.

Writing is atomic (temp file in the same folder, fsync, rename), so a failed save leaves the
previous file exactly as it was. It also never replaces anything that is not a regular file, and
what lands in the user's library is private to them.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from wizard.paths import is_in_library, make_private_dir

MAX_BYTES = 1024 * 1024
# tomllib spends time and memory quadratic in the number of parts of a dotted key: a 1 MiB line
# of `a.a.a...` never finishes. Plan keys have at most three parts, so anything this long is
# refused before parsing.
MAX_KEY_PARTS = 16
# Plans are four levels deep; anything far deeper is damage or an attack.
MAX_DEPTH = 32
# TOML integers are signed 64-bit; Python reads any size, other tools do not.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_KEY_PART = r"""(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++|"[^"\n]*+"|'[^'\n]*+')"""
_LONG_DOTTED_KEY = re.compile(rf"(?:{_KEY_PART}[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS - 1}}}")
# Strings and comments, so the dotted-key guard looks only where keys can be: a founder's
# answer such as "v1.2.3.4…" is a value, and a plan holding one must load again.
# An unterminated string runs to the end of its line (or of the file) instead of failing, so
# every match moves the scan forward: linear on any input (tomllib reports the bad string).
_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^\\]|\\.)*?(?:"""|\Z)|\'\'\'.*?(?:\'\'\'|\Z)'
    r'|"(?:[^"\\\n]|\\.)*+"?|\'[^\'\n]*+\'?|#[^\n]*+',
    re.S,
)
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
# Plain words for the path errors a user can cause; anything else uses the system's wording.
_REASONS = {
    errno.ENOENT: "no such file",
    errno.ELOOP: "too many levels of symbolic links (a link loop?)",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a directory, not a file",
}
_READ_REASONS = {**_REASONS, errno.EACCES: "permission denied", errno.EPERM: "permission denied"}


class PlanFileError(Exception):
    """A plan or answers file cannot be used. ``str()`` is the one line shown to the user.

    ``errno`` is set when the cause was an operating-system error, so callers can tell "there
    is no such file" (often fine) from real trouble.
    """

    def __init__(
        self, path: Path | str, where: str, reason: str, *, errno: int | None = None
    ) -> None:
        self.path = str(path)
        self.where = where
        self.reason = reason
        self.errno = errno
        super().__init__(f"{path}: {where}: {reason}" if where else f"{path}: {reason}")


def os_reason(exc: OSError, *, reading: bool = False) -> str:
    """A short, plain reason for an OS error, without the path (the caller names it)."""
    reasons = _READ_REASONS if reading else _REASONS
    return reasons.get(exc.errno or 0) or exc.strerror or str(exc)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _not_regular(path: Path, kind: str) -> PlanFileError:
    return PlanFileError(path, "", f"is {kind}, not a regular file")


def check_regular(path: Path) -> None:
    """Refuse an existing ``path`` that is not a regular file, without opening it.

    A missing file passes (the caller reports it when it reads). Used to fail early, before the
    wizard takes over the terminal; :func:`read_text` checks again on the open file itself.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PlanFileError(path, "", os_reason(exc, reading=True), errno=exc.errno) from None
    kind = _kind(mode)
    if kind:
        raise _not_regular(path, kind)


def read_bytes(path: Path) -> bytes:
    """Read at most ``MAX_BYTES + 1`` bytes of a regular file.

    The type is checked before opening (opening some devices has effects) and again on the open
    descriptor, which is opened non-blocking so a FIFO swapped in between cannot hang us.
    """
    check_regular(path)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise PlanFileError(path, "", os_reason(exc, reading=True), errno=exc.errno) from None
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind:
            raise _not_regular(path, kind)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot read: {os_reason(exc)}", errno=exc.errno) from None
    finally:
        os.close(fd)


def read_text(path: Path) -> str:
    """Read a file as text with the type, size, binary and encoding checks every input gets."""
    data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise PlanFileError(path, "", "file is over 1 MiB; plan files are a few kilobytes")
    if b"\x00" in data:
        raise PlanFileError(path, "", "contains NUL bytes; this is not a TOML text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError(path, f"line {line}", "not UTF-8 text") from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML with the guards: dotted-key length, nesting, and numbers other tools accept."""
    if not text.strip():
        raise PlanFileError(path, "", "the file is empty")
    keys_only = _STRINGS_AND_COMMENTS.sub(_hollow, text)
    long_key = _LONG_DOTTED_KEY.search(keys_only)
    if long_key:
        line = keys_only.count("\n", 0, long_key.start()) + 1
        raise PlanFileError(
            path, f"line {line}", f"a dotted key has more than {MAX_KEY_PARTS} parts"
        )
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)$", msg)
        if match:
            reason = msg[: match.start()].strip()
            where = f"line {match.group(1)}, column {match.group(2)}"
        elif msg.endswith("(at end of document)"):
            reason = msg.removesuffix("(at end of document)").strip()
            where = f"line {len(text.splitlines()) or 1} (end of file)"
        else:
            reason, where = msg, ""
        raise PlanFileError(path, where, f"invalid TOML: {reason}") from None
    except RecursionError:
        raise PlanFileError(path, "", "invalid TOML: nested too deeply") from None
    _check_values(path, doc)
    return doc


def _hollow(match: re.Match[str]) -> str:
    """A string kept as empty quotes (a quoted key part still counts as one part) and a comment
    dropped; newlines stay, so line numbers in errors still point at the file's own lines."""
    token = match.group()
    if token.startswith("#"):
        return ""
    quote = token[:3] if token[:3] in ('"""', "'''") else token[0]
    return quote + "\n" * token.count("\n") + quote


def read_toml(path: Path) -> dict[str, Any]:
    """:func:`read_text` then :func:`parse_toml`: the whole guarded read of one TOML file."""
    return parse_toml(path, read_text(path))


def _check_values(path: Path, doc: dict[str, Any]) -> None:
    """Refuse deep nesting, NaN and infinities, and integers outside signed 64 bits.

    Walks without recursion, so the check itself cannot run out of stack.
    """
    stack: list[tuple[str, Any, int]] = [("", doc, 0)]
    while stack:
        key, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise PlanFileError(path, key, f"nested more than {MAX_DEPTH} levels deep")
        # Children go on the stack last-first, so the first problem in the file is reported.
        if isinstance(value, dict):
            children = [(f"{key}.{k}" if key else str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{key}[{i}]", v) for i, v in enumerate(value)]
        else:
            children = []
        stack.extend((k, v, depth + 1) for k, v in reversed(children))
        if isinstance(value, float) and not math.isfinite(value):
            raise PlanFileError(path, key, f"{value} is not a usable number")
        elif isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            raise PlanFileError(path, key, "number is too large (TOML allows 64-bit integers)")


def _write_target(path: Path) -> tuple[Path, int | None]:
    """The file a save of ``path`` replaces (through a symlink) and its mode, None if new.

    Refuses anything that is not a regular file, and turns every path problem (a link loop, a
    name too long, a parent that is a file…) into one line naming ``path``.
    """
    try:
        # The kernel's own lookup: follows links, including /dev/stdout-style magic links.
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot save: {os_reason(exc)}", errno=exc.errno) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise PlanFileError(path, "", "is a directory; choose a file name")
    kind = None if mode is None else _kind(mode)
    if kind:
        raise PlanFileError(path, "", f"is {kind}; hirewiz only writes regular files")
    target = path
    try:
        if path.is_symlink():
            try:
                target = Path(os.path.realpath(path, strict=True))
            except FileNotFoundError:
                target = Path(os.path.realpath(path))  # a dangling link: create its target
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot save: {os_reason(exc)}", errno=exc.errno) from None
    return target, None if mode is None else stat.S_IMODE(mode)


def check_output(path: Path) -> None:
    """Refuse an output path :func:`atomic_write` would refuse, before any work is done."""
    _write_target(path)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new, never a mix.

    - Only regular files: an existing FIFO, device, socket or folder at ``path`` is refused.
    - A symlink is followed: the file it points to is replaced and the link stays.
    - Saving over an existing file keeps that file's permission bits.
    - A new file inside the library (``home_dir()`` and below) is created 0600, and missing
      library folders are created 0700; elsewhere a new file gets the usual 0666 minus umask
      and its folder must already exist.
    - Every failure is a :class:`PlanFileError` whose text starts with ``path``; a temp file
      is never left behind.
    """
    target, mode = _write_target(path)
    directory = target.parent if str(target.parent) else Path(".")
    private = is_in_library(directory)
    try:
        if private:
            make_private_dir(directory)
        # Keep the temp name short enough that a long (but valid) file name still fits.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name[:80]}.", suffix=".tmp", dir=directory
        )
    except FileNotFoundError:
        raise PlanFileError(
            path, "", f"cannot save: folder {directory} does not exist", errno=errno.ENOENT
        ) from None
    except OSError as exc:
        raise PlanFileError(path, "", f"cannot save: {os_reason(exc)}", errno=exc.errno) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o600 if private else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PlanFileError(path, "", f"cannot save: {os_reason(exc)}", errno=exc.errno) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
