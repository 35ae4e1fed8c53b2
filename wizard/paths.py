"""Where hirewiz keeps the user's plans, drafts and overrides."""

from __future__ import annotations

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
