"""Plans, drafts and the recent list hold budgets and internal findings: what hirewiz creates in
the library is private (files 0600, folders 0700), and saving over any existing file keeps the
mode its owner gave it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers.cli import assert_clean_failure, run_cli
from tests.helpers.paths import SAMPLE_PLAN
from wizard.paths import drafts_dir, plans_dir
from wizard.planfile import PlanFileError, atomic_write


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> object:
    """The common 022 umask, under which an ordinary new file is world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("loose_umask")
@pytest.mark.parametrize("where", ["plans", "drafts", "recent"])
def test_new_library_files_are_private_in_private_folders(where: str, hirewiz_home: Path) -> None:
    target = {
        "plans": plans_dir() / "hire.toml",
        "drafts": drafts_dir() / "draft-1.toml",
        "recent": hirewiz_home / "recent.json",
    }[where]
    atomic_write(target, "x = 1\n")
    assert _mode(target) == 0o600
    if target.parent != hirewiz_home:
        assert _mode(target.parent) == 0o700


@pytest.mark.usefixtures("loose_umask")
def test_cli_output_into_the_library_is_private(hirewiz_home: Path) -> None:
    out = hirewiz_home / "plans" / "sub" / "hire.toml"
    code, _, err = run_cli("plan", "--answers", str(SAMPLE_PLAN), "-o", str(out))
    assert code == 0, err
    assert _mode(out) == 0o600
    assert _mode(out.parent) == 0o700 and _mode(out.parent.parent) == 0o700


@pytest.mark.usefixtures("loose_umask")
def test_a_missing_library_is_created_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "not-yet" / "hirewiz"
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    atomic_write(drafts_dir() / "d.toml", "x = 1\n")
    for folder in (home, home / "drafts"):
        assert _mode(folder) == 0o700
    assert _mode(home / "drafts" / "d.toml") == 0o600


@pytest.mark.usefixtures("loose_umask")
def test_the_library_is_found_through_a_symlink(tmp_path: Path, hirewiz_home: Path) -> None:
    from wizard.paths import is_in_library

    link = tmp_path / "link-to-home"
    link.symlink_to(hirewiz_home)
    atomic_write(link / "plans" / "p.toml", "x = 1\n")
    assert _mode(hirewiz_home / "plans" / "p.toml") == 0o600
    assert is_in_library(link / "plans") and not is_in_library(tmp_path)


@pytest.mark.usefixtures("loose_umask")
def test_new_files_outside_the_library_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "shared" / "plan.toml"
    out.parent.mkdir()
    atomic_write(out, "x = 1\n")
    assert _mode(out) == 0o644


@pytest.mark.parametrize("inside", [True, False])
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o600, 0o664], ids=oct)
def test_saving_over_a_file_keeps_its_mode(
    inside: bool, mode: int, tmp_path: Path, hirewiz_home: Path
) -> None:
    target = (hirewiz_home if inside else tmp_path) / "plan.toml"
    target.write_text("old = 1\n", encoding="utf-8")
    target.chmod(mode)
    atomic_write(target, "new = 1\n")
    assert _mode(target) == mode
    assert target.read_text(encoding="utf-8") == "new = 1\n"


def test_existing_library_folders_are_left_as_they_are(hirewiz_home: Path) -> None:
    from wizard.paths import make_private_dir

    hirewiz_home.chmod(0o750)
    make_private_dir(hirewiz_home / "plans")
    assert _mode(hirewiz_home) == 0o750 and _mode(hirewiz_home / "plans") == 0o700


def test_library_that_is_a_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("oops\n", encoding="utf-8")
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    target = plans_dir() / "p.toml"
    with pytest.raises(PlanFileError) as info:
        atomic_write(target, "x = 1\n")
    assert str(info.value).startswith(str(target)) and "not a folder" in str(info.value)
    assert home.read_text(encoding="utf-8") == "oops\n"
    code, _, err = run_cli("plan", "--answers", str(SAMPLE_PLAN), "-o", str(target))
    assert_clean_failure(code, err, target)
