"""Shared test setup: every test gets its own empty hirewiz library.

Without this a test could read or overwrite the developer's real plans and drafts, and tests
could see each other's files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# One bound for every property test that does not set its own: the suite's run time stays
# predictable as tests are added. HYPOTHESIS_PROFILE=thorough explores more when hunting bugs.
settings.register_profile(
    "bounded",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "bounded"))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` starts two workers per core: most TUI tests spend their time asleep in
    Pilot's waits for the app to go idle, so one worker per core leaves the cores half idle."""
    # sched_getaffinity counts the cores this process may use; macOS and Windows lack it.
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return 2 * cores


@pytest.fixture(autouse=True)
def hirewiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "hirewiz-home"
    home.mkdir()
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    return home
