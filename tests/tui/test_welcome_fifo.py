"""The welcome screen lists the library; a FIFO there (a plan, a draft, the recent list) must not
hang it. The app runs headless in a child process with a timeout, so a regression fails the test
instead of hanging the suite."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import run_child
from tests.helpers.paths import SAMPLE_PLAN

TIMEOUT = 30

SCRIPT = """
import asyncio
from screens.app import HirewizApp
from screens.welcome import WelcomeScreen

async def main() -> None:
    app = HirewizApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen), app.screen
        print("welcome screen up")

asyncio.run(main())
"""


def _welcome(home: Path) -> subprocess.CompletedProcess[str]:
    return run_child("-c", SCRIPT, home=home, timeout=TIMEOUT)


@pytest.mark.parametrize(
    "where",
    ["plans", "drafts", "recent"],
)
def test_welcome_screen_with_a_fifo_in_the_library(where: str, hirewiz_home: Path) -> None:
    plans = hirewiz_home / "plans"
    plans.mkdir()
    (plans / "good.toml").write_bytes(SAMPLE_PLAN.read_bytes())
    if where == "plans":
        os.mkfifo(plans / "pipe.toml")
    elif where == "drafts":
        (hirewiz_home / "drafts").mkdir()
        os.mkfifo(hirewiz_home / "drafts" / "pipe.toml")
    else:
        os.mkfifo(hirewiz_home / "recent.json")
    result = _welcome(hirewiz_home)
    assert result.returncode == 0, result.stderr
    assert "welcome screen up" in result.stdout
