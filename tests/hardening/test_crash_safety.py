"""A failed or interrupted save never damages the previous file.

Faults are injected at each step of the atomic save (write, fsync, rename, a full disk, a
folder we may not write to), and a real hirewiz process is killed with SIGKILL while saving,
again and again: the file on disk is always the old version or the new one, never a mix.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import SAMPLE_PLAN
from wizard import planfile
from wizard.answers import get_checklist, set_value
from wizard.planfile import PlanFileError, dumps, load_answers, save_plan


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.toml"
    path.write_bytes(SAMPLE_PLAN.read_bytes())
    return path


def _changed_plan(path: Path) -> Any:
    checklist = get_checklist()
    loaded = load_answers(path, checklist)
    answers = set_value(loaded.answers, "data.pipeline", "automated", checklist)
    return planfile.build_plan(answers, checklist, created=loaded.created)


def _raise(exc: OSError) -> Any:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return fail


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("fsync", OSError(errno.EIO, "Input/output error")),
        ("replace", OSError(errno.EXDEV, "Invalid cross-device link")),
        ("chmod", OSError(errno.EPERM, "Operation not permitted")),
    ],
)
def test_fault_in_os_call_keeps_old_file(
    target: str, error: OSError, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    plan = _changed_plan(saved)
    monkeypatch.setattr(os, target, _raise(error))
    with pytest.raises(PlanFileError) as info:
        save_plan(saved, plan)
    assert str(saved) in str(info.value) and "cannot save" in str(info.value)
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["plan.toml"]


def test_disk_full_during_write_keeps_old_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    plan = _changed_plan(saved)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(PlanFileError, match="No space left on device"):
        save_plan(saved, plan)
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["plan.toml"]


def test_unwritable_folder_is_a_clear_error(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = saved.read_bytes()
    plan = _changed_plan(saved)
    monkeypatch.setattr(
        tempfile, "mkstemp", _raise(PermissionError(errno.EACCES, "Permission denied"))
    )
    with pytest.raises(PlanFileError, match="Permission denied"):
        save_plan(saved, plan)
    assert saved.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_read_only_folder_for_real(saved: Path) -> None:
    before = saved.read_bytes()
    saved.parent.chmod(0o555)
    try:
        code, _, err = run_cli("set", str(saved), "data.pipeline=automated")
        assert_clean_failure(code, err, saved)
    finally:
        saved.parent.chmod(0o755)
    assert saved.read_bytes() == before


def test_cli_reports_save_failure_in_one_line(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = saved.read_bytes()
    monkeypatch.setattr(os, "replace", _raise(OSError(errno.EROFS, "Read-only file system")))
    code, _, err = run_cli("set", str(saved), "data.pipeline=automated")
    assert_clean_failure(code, err, saved)
    assert "Read-only file system" in err
    assert saved.read_bytes() == before


def test_interrupt_during_save_cleans_up(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = saved.read_bytes()
    plan = _changed_plan(saved)
    monkeypatch.setattr(os, "replace", _raise(KeyboardInterrupt()))  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        save_plan(saved, plan)
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["plan.toml"]


SAVER = """
import sys
import tempfile
from pathlib import Path
from wizard.answers import get_checklist, set_value
from wizard.planfile import build_plan, load_answers, save_plan

path = Path(sys.argv[1])
checklist = get_checklist()
loaded = load_answers(path, checklist)
plans = []
for value in ("automated", "manual"):
    answers = set_value(loaded.answers, "data.pipeline", value, checklist)
    plans.append(build_plan(answers, checklist, created=loaded.created, updated=loaded.updated))
print("ready", flush=True)
i = 0
while True:
    save_plan(path, plans[i % 2])
    i += 1
"""


@pytest.mark.slow
def test_sigkill_mid_save_leaves_old_or_new(saved: Path) -> None:
    checklist = get_checklist()
    loaded = load_answers(saved, checklist)
    versions = {
        dumps(
            planfile.build_plan(
                set_value(loaded.answers, "data.pipeline", value, checklist),
                checklist,
                created=loaded.created,
                updated=loaded.updated,
            )
        ).encode()
        for value in ("automated", "manual")
    }
    versions.add(saved.read_bytes())
    env = {**os.environ}
    for round_ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(saved)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.02 + 0.013 * round_)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert saved.read_bytes() in versions, f"partial file after kill {round_}"
        code, _, err = run_cli("check", str(saved))
        assert code == 0, err
    # Temp files from killed saves may remain; they never look like plans to the library.
    leftovers = [p for p in saved.parent.iterdir() if p.name != "plan.toml"]
    assert all(p.name.startswith(".plan.toml.") and p.suffix == ".tmp" for p in leftovers)
