"""The library: unique draft names, drafts and locks owned by live processes, names for new
files, and the three-way merge behind a conflicting save. No terminal needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checklists.loader import Checklist
from tests.helpers.answers import Make
from wizard import library
from wizard.conflict import changed_on_disk, fingerprint, merge
from wizard.library import (
    Owner,
    alive,
    delete_draft,
    draft_for,
    draft_infos,
    free_target,
    new_draft_name,
    other_locks,
    take_lock,
    write_draft,
)
from wizard.paths import drafts_dir, home_dir, plans_dir
from wizard.planfile import build_plan, save_plan
from wizard.session import Session, conflicts, save


@pytest.fixture
def other_process() -> Iterator[Owner]:
    """A live process that is not this one, standing in for a second hirewiz."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield Owner(proc.pid, library._start_ticks(proc.pid))
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_draft_names_never_repeat() -> None:
    target = Path("plan.toml")
    names = {new_draft_name(None) for _ in range(2000)} | {
        new_draft_name(target) for _ in range(2000)
    }
    assert len(names) == 4000


def test_every_session_writes_its_own_draft(make: Make) -> None:
    target = Path("shared.toml")
    one = Session(answers=make(), target=target, draft_name=new_draft_name(target))
    two = Session(
        answers=make({"context.company": "Two"}), target=target, draft_name=new_draft_name(target)
    )
    assert write_draft(one) != write_draft(two)
    assert len(list(drafts_dir().glob("*.toml"))) == 2


def test_a_draft_owned_by_a_live_process_is_never_deleted_or_offered(
    make: Make, checklist: Checklist, other_process: Owner
) -> None:
    target = Path("plan.toml").resolve()
    session = Session(answers=make(), target=target, draft_name=new_draft_name(target))
    path = write_draft(session)
    text = path.read_text().replace(f"pid = {os.getpid()}", f"pid = {other_process.pid}")
    text = text.replace(f"ticks = {library.me().ticks}", f"ticks = {other_process.ticks}")
    path.write_text(text)
    assert library.owned_by_other(path)
    delete_draft(session.draft_name)
    assert path.exists()
    assert draft_for(target, checklist) is None
    assert draft_infos() == []


def test_a_draft_of_a_dead_process_is_offered_and_can_be_deleted(
    make: Make, checklist: Checklist
) -> None:
    target = Path("plan.toml").resolve()
    session = Session(answers=make(), target=target, draft_name=new_draft_name(target))
    path = write_draft(session)
    path.write_text(path.read_text().replace(f"pid = {os.getpid()}", f"pid = {_dead_pid()}"))
    found = draft_for(target, checklist)
    assert found is not None and found.path == path
    assert [d.path for d in draft_infos()] == [path]
    delete_draft(session.draft_name)
    assert not path.exists()


def test_a_recycled_pid_is_not_alive(other_process: Owner) -> None:
    assert alive(other_process)
    assert not alive(Owner(other_process.pid, other_process.ticks + 1))
    assert not alive(Owner(_dead_pid(), 0))


def test_locks_name_the_other_session_and_stale_ones_are_cleaned(other_process: Owner) -> None:
    target = Path("plan.toml").resolve()
    assert take_lock(target) is not None
    assert other_locks(target) == []  # our own lock is not "another hirewiz"
    locks = home_dir() / "locks"
    live = locks / f"{library.plan_key(target)}--{other_process.pid}.json"
    live.write_text(json.dumps({**other_process.to_doc(), "since": "2026-01-02T03:04:05+00:00"}))
    dead_pid = _dead_pid()
    stale = locks / f"{library.plan_key(target)}--{dead_pid}.json"
    stale.write_text(json.dumps({"pid": dead_pid, "ticks": 0}))
    found = other_locks(target)
    assert [lock.owner.pid for lock in found] == [other_process.pid]
    assert found[0].since is not None and found[0].since.year == 2026
    assert not stale.exists()
    library.release_lock(target)
    assert not (locks / f"{library.plan_key(target)}--{os.getpid()}.json").exists()


def test_free_target_never_suggests_an_existing_file() -> None:
    plans_dir().mkdir(parents=True)
    (plans_dir() / "fraud-hire.toml").write_text("")
    (plans_dir() / "fraud-hire-2.toml").write_text("")
    assert free_target("Fraud hire") == plans_dir() / "fraud-hire-3.toml"
    assert free_target("") == plans_dir() / "plan.toml"


def test_a_copy_title_always_fits() -> None:
    assert library.copy_title("Fraud hire") == "Fraud hire (copy)"
    assert library.copy_title("") == "Copy"
    long = library.copy_title("x" * 120, 120)
    assert len(long) == 120 and long.endswith("x (copy)")


def test_a_library_that_is_a_file_is_a_library_error(
    make: Make, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "home-file"
    home.write_text("")
    monkeypatch.setenv("HIREWIZ_HOME", str(home))
    with pytest.raises(OSError, match=r"is a file|in the way"):
        write_draft(Session(answers=make(), draft_name=new_draft_name(None)))
    library.remember(tmp_path / "x.toml")  # quietly skipped
    assert library.recent_plans() == [] and draft_infos() == []


def test_merge_keeps_their_changes_and_mine_win_where_both_changed(
    make: Make, checklist: Checklist
) -> None:
    base = make()
    mine = make({"context.company": "Mine", "goals.success_metric": "My metric"})
    theirs = make({"context.company": "Theirs", "data.pipeline": "none"})
    result = merge(base, mine, theirs, checklist)
    assert result.answers.context.company == "Mine"
    assert result.answers.goals.success_metric == "My metric"
    assert result.answers.data.pipeline == "none"
    assert result.both == ["context.company"]
    assert result.mine == ["context.company", "goals.success_metric"]


def test_a_save_notices_a_file_changed_since_it_was_loaded(
    make: Make, checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "plan.toml"
    save_plan(path, build_plan(make(), checklist))
    session = Session(
        answers=make(),
        target=path,
        saved=make(),
        disk=fingerprint(path),
        confirmed_target=True,
        draft_name=new_draft_name(path),
    )
    assert not conflicts(session, path)
    os.utime(path, ns=(1, 1))  # touched, same bytes: not a conflict
    assert not conflicts(session, path)
    save_plan(path, build_plan(make({"context.company": "Other"}), checklist))
    assert conflicts(session, path)
    assert not changed_on_disk(path, fingerprint(path))
    saved = save(session, path, checklist)
    assert not conflicts(saved, path)


def test_peek_refuses_a_long_dotted_key_instead_of_parsing_it(tmp_path: Path) -> None:
    """The welcome screen peeks at every plan in the library: a pathological dotted key there
    (quadratic for tomllib) reads as empty, like any other unusable file."""
    from wizard.library import peek

    bad = tmp_path / "bad.toml"
    bad.write_text("a" + ".a" * 300_000 + " = 1\n", encoding="utf-8")
    assert peek(bad) == {}
    good = tmp_path / "good.toml"
    good.write_text(
        '[meta]\ntitle = "v1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18"\n', encoding="utf-8"
    )
    assert peek(good)["meta"]["title"].startswith("v1.2.3")
