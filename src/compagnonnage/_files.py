"""Writing a file safely: what ``documents.dump`` and the command line both need.

:func:`write_atomically` writes beside the file, flushes to disk and renames over
it, so that a crash never leaves a half-written file; it writes through symbolic
links to their target, refuses to replace what is not a regular file (a device,
``/dev/null``, a pipe), a read-only file or one with other hard links (unless
forced), keeps the permissions (and, when allowed, the owner) of the file it
replaces, and, given the :func:`file_stamp` of what was read, refuses to
overwrite a file that changed since: a lost update becomes an error. Writers in
one folder take turns under a lock on the folder.

Temporary files are named ``.NAME.PID.RANDOM.tmp`` beside ``NAME``; one left by
a killed writer (its process no longer runs) is removed by the next write of
``NAME``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from typing import Final

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _
from compagnonnage.errors import CompagnonnageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no folder lock, the stamp check remains
    fcntl = None  # type: ignore[assignment]


class WriteRefusedError(CompagnonnageError):
    """A file was not written, and is left as it was: why, in any language.

    :ivar path: the path given by the caller.
    :ivar reason: why nothing was written.
    """

    def __init__(self, path: str, reason: Message) -> None:
        self.path = path
        self.reason = reason
        super().__init__(_("{path}: {reason}", path=path, reason=reason))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """``path: reason`` in ``lang``."""
        return super().message(lang)


_NOT_REGULAR = _("not a regular file (a device, a pipe or a socket): it is not replaced")
_READ_ONLY = _("read-only file: it is not replaced (force to replace it)")
_HARD_LINKS = _(
    "the file has other hard links, which replacing it would break: it is not replaced (force to replace this name only)"
)
_CHANGED = _(
    "the file changed since it was read (another program wrote it): nothing is written, so that its changes are not lost; run the command again"
)

ABSENT: Final = "absent"
"""The :func:`file_stamp` of a path where no file is."""


def file_stamp(path: str | os.PathLike[str]) -> str:
    """What the file at ``path`` holds, as a SHA-256 of its bytes (:data:`ABSENT` if none).

    Take it *before* reading the file, and give it to :func:`write_atomically`:
    if the file changed in between, the write is refused.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return ABSENT
    if not stat.S_ISREG(info.st_mode):  # never opened: a pipe would block
        return "not a regular file"
    import hashlib  # on first use: it loads OpenSSL, a tenth of the start-up of `check`

    digest = hashlib.sha256()
    with open(target, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _renamed(err: OSError, given: str) -> OSError:
    """``err`` naming the path the caller gave, not a temporary file (or nothing)."""
    return OSError(err.errno, err.strerror or str(err), given)


@contextlib.contextmanager
def _folder_lock(directory: str) -> Iterator[None]:
    """Writers of one folder take turns (an advisory lock on the folder itself)."""
    if fcntl is None:
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_orphans(directory: str, name: str) -> None:
    """Remove the temporary files of ``name`` whose writer no longer runs."""
    pattern = re.compile(rf"\.{re.escape(name)}\.(\d+)\.[^.]+\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            found = pattern.fullmatch(entry.name)
            if found and int(found.group(1)) != os.getpid() and not _running(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _refusal(target: str, given: str, force: bool) -> Message | None:
    """Why the file at ``target`` must not be replaced, if it must not; ``None`` if it is absent."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), given)
    if not stat.S_ISREG(info.st_mode):
        return _NOT_REGULAR
    if force:
        return None
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        return _READ_ONLY
    if info.st_nlink > 1:
        return _HARD_LINKS
    return None


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    expected: str | None = None,
    force: bool = False,
) -> None:
    """Write ``data`` to ``path``: a temporary file beside it, flushed to disk, then renamed.

    A crash never leaves a half-written file. A symbolic link is written
    through (its target is replaced, the link stays). An existing file keeps its
    permissions and, where allowed, its owner; a new one gets ``0o644``. The
    folder must exist.

    :param expected: the :func:`file_stamp` of the file when it was read; if
        the file holds something else now, nothing is written (``None``: no check).
    :param force: replace a read-only file, or one with other hard links (the
        other names keep the old content).
    :raises WriteRefusedError: ``path`` is not a regular file, is read-only or
        has other hard links (without ``force``), or changed since ``expected``.
    :raises OSError: the file cannot be written; the error names ``path``.
    """
    given = os.fspath(path)
    target = os.path.realpath(given)
    directory, name = os.path.split(target)
    try:
        with _folder_lock(directory):
            reason = _refusal(target, given, force)
            if reason is None and expected is not None and file_stamp(target) != expected:
                reason = _CHANGED
            if reason is not None:
                raise WriteRefusedError(given, reason)
            _remove_orphans(directory, name)
            _replace(target, directory, name, data)
    except FileNotFoundError as err:
        if not os.path.isdir(directory):
            raise FileNotFoundError(
                errno.ENOENT, os.strerror(errno.ENOENT), os.path.dirname(given) or "."
            ) from None
        raise _renamed(err, given) from None
    except OSError as err:
        raise _renamed(err, given) from None


def _replace(target: str, directory: str, name: str, data: bytes) -> None:
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    import tempfile  # on first write: reading and checking never need it

    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644 if old is None else stat.S_IMODE(old.st_mode))
        if old is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only the owner's group, or root, may
                os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the rename itself reaches the disk
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
