"""Where hirewiz keeps the user's plans, drafts and overrides."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def home_dir() -> Path:
    """The user's hirewiz folder: ``HIREWIZ_HOME`` if set (tests always set it), else the
    platform's data folder, so plans land where the OS expects application data."""
    env = os.environ.get("HIREWIZ_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("hirewiz", appauthor=False))


def plans_dir() -> Path:
    return home_dir() / "plans"


def drafts_dir() -> Path:
    return home_dir() / "drafts"


def is_in_library(path: Path) -> bool:
    """Whether ``path`` is the library folder or inside it (symlinks resolved on both sides).

    Plans there hold budgets and internal findings, so files written there are private.
    """
    home = Path(os.path.realpath(home_dir()))
    return Path(os.path.realpath(path)).is_relative_to(home)


def make_private_dir(path: Path) -> None:
    """Create the folder ``path`` and any missing parents, each new one 0700 (owner only).

    ``Path.mkdir(parents=True)`` would give the parents the default mode, so they are made one by
    one. Folders that already exist are left as they are; a file in the way is an error.
    """
    missing: list[Path] = []
    current = path
    while not current.is_dir():
        if os.path.lexists(current) and not current.is_symlink():
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(current))
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder)) from None
