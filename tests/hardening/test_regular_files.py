"""Only regular files: a FIFO, a device, a socket or a folder is refused, never read from, never
replaced; every broken path (a link loop, a name too long, a parent that is a file) is one line.

Anything that could hang runs the real command in a child process with a timeout, so a
regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import assert_clean_failure, run_child, run_cli
from tests.helpers.paths import SAMPLE_PLAN


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(SAMPLE_PLAN.read_bytes())
    return path


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A character device inside tmp_path (a copy of /dev/null), so replacing it harms nothing."""
    path = tmp_path / "null-device"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    return path


@pytest.fixture
def unix_socket() -> Iterator[Path]:
    # AF_UNIX paths are limited to ~100 bytes, so not under pytest's long tmp_path.
    folder = Path(tempfile.mkdtemp(prefix="hw-"))
    path = folder / "sock.toml"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    try:
        yield path
    finally:
        server.close()
        path.unlink(missing_ok=True)
        folder.rmdir()


def _one_line(result: subprocess.CompletedProcess[str], path: Path) -> str:
    assert_clean_failure(result.returncode, result.stderr, path)
    assert result.stdout == ""
    return result.stderr


# --- input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{fifo}"],
        ["check", "{fifo}"],
        ["export", "{fifo}"],
        ["diff", "{fifo}", "{plan}"],
        ["diff", "{plan}", "{fifo}"],
        ["set", "{fifo}", "data.pipeline=automated"],
        ["plan", "--answers", "{fifo}"],
        ["edit", "{fifo}"],
        ["new", "--from", "{fifo}"],
    ],
)
def test_fifo_as_input_is_refused_without_hanging(
    argv: list[str], fifo: Path, plan: Path, hirewiz_home: Path
) -> None:
    args = [a.format(fifo=fifo, plan=plan) for a in argv]
    err = _one_line(run_child("-m", "wizard", *args, home=hirewiz_home), fifo)
    assert "not a regular file" in err and "pipe" in err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_fifo_in_the_library_is_listed_as_unreadable(hirewiz_home: Path, plan: Path) -> None:
    library = hirewiz_home / "plans"
    library.mkdir()
    os.mkfifo(library / "a-pipe.toml")
    (library / "good.toml").write_bytes(plan.read_bytes())
    result = run_child("-m", "wizard", "list", home=hirewiz_home)
    assert result.returncode == 0, result.stderr
    assert "a-pipe.toml" in result.stdout and "not a regular file" in result.stdout
    assert "Shelfwise" in result.stdout  # the good plan is still listed


@pytest.mark.parametrize("name", ["/dev/null", "/dev/zero"])
def test_device_as_input_is_refused(name: str) -> None:
    code, out, err = run_cli("show", name)
    assert_clean_failure(code, err, Path(name))
    assert "is a device, not a regular file" in err and out == ""


def test_socket_as_input_is_refused(unix_socket: Path, hirewiz_home: Path) -> None:
    err = _one_line(run_child("-m", "wizard", "check", unix_socket, home=hirewiz_home), unix_socket)
    assert "is a socket, not a regular file" in err


def test_folder_as_input_is_refused(tmp_path: Path) -> None:
    code, _, err = run_cli("show", str(tmp_path))
    assert_clean_failure(code, err, tmp_path)
    assert "directory" in err


# --- output ---

# Every command that takes -o.
WRITERS = [
    ["plan", "--answers", "{plan}", "-o", "{out}"],
    ["export", "{plan}", "-o", "{out}"],
    ["schema", "-o", "{out}"],
    ["new", "-o", "{out}"],
]

# --------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", WRITERS)
@pytest.mark.parametrize("kind", ["fifo", "device", "link-to-fifo"])
def test_non_regular_output_is_refused_and_left_alone(
    argv: list[str], kind: str, tmp_path: Path, plan: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "link-to-fifo":
        real = request.getfixturevalue("fifo")
        out = tmp_path / "link.toml"
        out.symlink_to(real)
    else:
        real = out = request.getfixturevalue(kind)
    before = os.stat(real)
    code, stdout, err = run_cli(*(a.format(plan=plan, out=out) for a in argv))
    assert_clean_failure(code, err, out)
    assert "only writes regular files" in err and stdout == ""
    after = os.stat(real)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--answers", "{plan}"],
        ["export", "{plan}"],
        ["export", "{plan}", "--only", "job-post"],
        ["schema"],
    ],
)
def test_dash_output_is_standard_output(
    argv: list[str], plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = [a.format(plan=plan) for a in argv]
    code, expected, said = run_cli(*args)
    assert code == 0, said
    code, out, err = run_cli(*args, "-o", "-")
    assert code == 0, err
    # Nothing more on stderr than without -o (no "Wrote -"; the job post's note to the founder
    # is said either way).
    assert out == expected and err == said and "Wrote" not in err
    assert not (tmp_path / "-").exists()


def test_dash_output_is_refused_for_the_wizard() -> None:
    code, _, err = run_cli("new", "-o", "-")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "-o -" in err and "internal error" not in err


def _loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "loop-a.toml", tmp_path / "loop-b.toml"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _too_long(tmp_path: Path) -> Path:
    return tmp_path / ("x" * 300 + ".toml")


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "a-file" / "plan.toml"


def _deep_too_long(tmp_path: Path) -> Path:
    return tmp_path.joinpath(*["d" * 200] * 25, "plan.toml")  # over PATH_MAX


BROKEN_PATHS = {
    "symlink loop": (_loop, "link loop"),
    "name too long": (_too_long, "too long"),
    "parent is a file": (_under_a_file, "is a file, not a folder"),
    "path too long": (_deep_too_long, "too long"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PATHS))
@pytest.mark.parametrize("argv", WRITERS)
def test_broken_output_path_is_one_line(
    case: str, argv: list[str], plan: Path, tmp_path: Path
) -> None:
    make, words = BROKEN_PATHS[case]
    out = make(tmp_path)
    code, stdout, err = run_cli(*(a.format(plan=plan, out=out) for a in argv))
    assert_clean_failure(code, err, out)
    assert words in err and stdout == ""


@pytest.mark.parametrize("case", sorted(BROKEN_PATHS))
@pytest.mark.parametrize("command", ["show", "check", "export", "set", "plan", "edit", "diff"])
def test_broken_input_path_is_one_line(case: str, command: str, plan: Path, tmp_path: Path) -> None:
    make, words = BROKEN_PATHS[case]
    bad = make(tmp_path)
    argv = {
        "set": ["set", str(bad), "data.pipeline=automated"],
        "plan": ["plan", "--answers", str(bad)],
        "diff": ["diff", str(plan), str(bad)],
    }.get(command, [command, str(bad)])
    code, _, err = run_cli(*argv)
    assert_clean_failure(code, err, bad)
    assert words in err


def test_unwritable_folder_is_one_line(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """We run as root, which writes anywhere: simulate the refusal others get."""
    import tempfile as tempfile_module

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile_module, "mkstemp", refuse)
    out = tmp_path / "out.toml"
    code, _, err = run_cli("plan", "--answers", str(plan), "-o", str(out))
    assert_clean_failure(code, err, out)
    assert "Permission denied" in err


def test_output_through_a_proc_fd_link_to_a_pipe_is_refused(plan: Path) -> None:
    """``-o /dev/stdout`` with stdout piped: the kernel's lookup sees the pipe behind the link."""
    read_end, write_end = os.pipe()
    try:
        out = Path(f"/proc/self/fd/{write_end}")
        if not out.exists():
            pytest.skip("no /proc on this system")
        code, stdout, err = run_cli("export", str(plan), "-o", str(out))
        assert_clean_failure(code, err, out)
        assert "named pipe" in err and stdout == ""
    finally:
        os.close(read_end)
        os.close(write_end)
