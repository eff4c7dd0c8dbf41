"""Writing files: atomically, through links, never over what is not a regular file,
keeping mode and owner, refusing read-only files and lost updates, naming the target."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from compagnonnage._files import ABSENT, WriteRefusedError, file_stamp, write_atomically

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file semantics")


def test_a_new_file_is_written_with_mode_644_and_nothing_left_beside(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["doc.json"]


@POSIX
def test_a_symbolic_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "doc.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert sorted(os.listdir(target.parent)) == ["doc.json"]


@POSIX
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_never_replaced_even_through_a_link(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / "out.json"
    link.symlink_to(device)  # as /proc/self/fd/1 is a link to a terminal or a pipe
    for path in (device, str(link)):
        with pytest.raises(WriteRefusedError) as caught:
            write_atomically(path, b"x", force=True)
        assert caught.value.path == path
        assert "not a regular file" in caught.value.message("en")
        assert "pas un fichier ordinaire" in caught.value.message("fr")
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert link.is_symlink()


@POSIX
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert file_stamp(fifo) != ABSENT
    with pytest.raises(WriteRefusedError):
        write_atomically(fifo, b"x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@POSIX
def test_the_mode_of_the_file_replaced_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@POSIX
def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(WriteRefusedError) as caught:
        write_atomically(path, b"new")
    assert "read-only" in str(caught.value)
    assert path.read_bytes() == b"old"
    write_atomically(path, b"new", force=True)
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@POSIX
def test_a_file_with_other_hard_links_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"old")
    other = tmp_path / "other.json"
    os.link(path, other)
    with pytest.raises(WriteRefusedError) as caught:
        write_atomically(path, b"new")
    assert "hard links" in str(caught.value)
    write_atomically(path, b"new", force=True)
    assert (path.read_bytes(), other.read_bytes()) == (b"new", b"old")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_the_owner_of_the_file_replaced_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"old")
    os.chown(path, 1234, 5678)
    write_atomically(path, b"new")
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 5678)


# -- lost updates ----------------------------------------------------------------------


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"read")
    stamp = file_stamp(path)  # what this writer read
    path.write_bytes(b"written by another")  # the other writer commits first
    with pytest.raises(WriteRefusedError) as caught:
        write_atomically(path, b"mine", expected=stamp)
    assert "changed since it was read" in str(caught.value)
    assert "a changé depuis sa lecture" in caught.value.message("fr")
    assert path.read_bytes() == b"written by another"
    assert os.listdir(tmp_path) == ["doc.json"]


def test_an_unchanged_file_is_written_and_its_stamp_changes(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"read")
    stamp = file_stamp(path)
    write_atomically(path, b"mine", expected=stamp)
    assert path.read_bytes() == b"mine"
    assert file_stamp(path) != stamp
    with pytest.raises(WriteRefusedError):  # the same stamp again: a second, stale writer
        write_atomically(path, b"stale", expected=stamp)


def test_a_file_created_since_it_was_found_absent_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    stamp = file_stamp(path)
    assert stamp == ABSENT
    path.write_bytes(b"another")
    with pytest.raises(WriteRefusedError):
        write_atomically(path, b"mine", expected=stamp)
    assert path.read_bytes() == b"another"


# -- errors name what the caller gave ------------------------------------------------------


def test_a_missing_folder_is_not_created_and_is_named(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "doc.json"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomically(path, b"x")
    assert caught.value.filename == str(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_a_failure_without_a_file_name_names_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b"old")

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError, match="No space left") as caught:
        write_atomically(path, b"new")
    assert caught.value.filename == str(path)
    assert caught.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["doc.json"]


def test_a_failure_on_the_temporary_file_names_the_target_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.json"

    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(
            errno.EACCES, "Permission denied", str(tmp_path / ".doc.json.1.x.tmp")
        )

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(PermissionError) as caught:
        write_atomically(path, b"new")
    assert caught.value.filename == str(path)


# -- what a killed writer leaves ------------------------------------------------------------


@POSIX
def test_temporary_files_of_dead_writers_are_removed_those_of_live_ones_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "doc.json"
    dead = tmp_path / f".doc.json.{2**22 + 12345}.abcd1234.tmp"  # beyond any pid
    alive = tmp_path / f".doc.json.{os.getppid()}.efgh5678.tmp"
    another = tmp_path / f".other.json.{2**22 + 12345}.abcd1234.tmp"
    for orphan in (dead, alive, another):
        orphan.write_bytes(b"half")
    write_atomically(path, b"new")
    assert sorted(os.listdir(tmp_path)) == sorted(["doc.json", alive.name, another.name])
