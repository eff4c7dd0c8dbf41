"""What the commands share: exit codes, violations as data and lines, files, cells.

Exit codes: 0 all is well; 1 an error-level rule is violated; 2 the input could
not be read or is invalid, or the command was misused; 3 a plugin failed (its
code raised or returned the wrong thing, or, in strict mode, it could not be
loaded): one line per failure on standard error, naming the plugin.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import Lang
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from pathlib import Path

    from compagnonnage.model import Programme
    from compagnonnage.rules import Violation


OK, VIOLATED, INVALID, PLUGIN_FAILED = 0, 1, 2, 3

Command = Callable[[argparse.Namespace, Session], int]


def violation_data(v: Violation, s: Session) -> dict[str, Any]:
    """A violation as the JSON output gives it, its message in the session's language."""
    return {
        "code": v.code,
        "severity": v.severity.value,
        "subjects": [{"kind": subject.kind, "id": subject.id} for subject in v.subjects],
        "message": v.message(s.lang),
        "origin": v.origin,
    }


def violation_line(v: dict[str, Any], s: Session) -> str:
    """One indented line of text for a violation given as :func:`violation_data`."""
    ids = ", ".join(subject["id"] for subject in v["subjects"])
    subjects = f" ({ids})" if ids else ""
    return (
        f"  [{s.say('severity_' + v['severity'])}] {v['code']}{subjects}"
        f"{s.say('colon')}{v['message']}"
    )


def counts_line(violations: list[dict[str, Any]], s: Session) -> str:
    """ "clean", or how many errors and warnings ("1 error, 0 warnings")."""
    if not violations:
        return s.say("clean")
    errors = sum(1 for v in violations if v["severity"] == "error")
    return s.say(
        "counts",
        errors=s.say("count_errors", count=errors),
        warnings=s.say("count_warnings", count=len(violations) - errors),
    )


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`~compagnonnage._files.write_atomically`).

    The folder must exist: a mistyped one is not created behind the user's back.
    """
    write_bytes(path, text.encode("utf-8"), force=force)


def write_bytes(
    path: Path, data: bytes, *, expected: str | None = None, force: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically, in an existing folder; ``expected`` as in
    :func:`~compagnonnage._files.write_atomically`."""
    from compagnonnage._files import write_atomically

    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not path.resolve().parent.is_dir():
        raise CliError("no_such_folder", path=str(path.parent))
    write_atomically(path, data, expected=expected, force=force)


def load_for_update(path: str, s: Session) -> tuple[Programme, str]:
    """The programme at ``path``, and the stamp :func:`rewrite` checks before writing."""
    from compagnonnage._files import file_stamp

    stamp = file_stamp(path)  # before reading: a change in between is seen as one
    return s.load(path), stamp


def rewrite(path: str, programme: Programme, stamp: str, s: Session, *, force: bool) -> None:
    """Write ``programme`` back to ``path``, unless the file changed since :func:`load_for_update`.

    Every command that rewrites a document goes through here, so that two of them
    running at once never lose an update silently: the second is refused.
    """
    from compagnonnage.documents import DocumentError, dumpb

    try:
        data = dumpb(programme, converter=s.converter)
    except DocumentError as err:  # what could not be read back: say which file it was for
        raise DocumentError(err.problems, path) from None
    from pathlib import Path

    write_bytes(Path(path), data, expected=stamp, force=force)


def actor(programme: Programme) -> tuple[str, dt.datetime]:
    """Who records an operation from the command line, and when: the reference partner, now.

    "Now" is never before the programme's last history entry.
    """
    now = dt.datetime.now(dt.timezone.utc)
    if programme.history:
        now = max(now, programme.history[-1].at)
    by = programme.reference_partner.id if programme.reference_partner else "compagnonnage"
    return by, now


def cell(value: object, lang: Lang | None = None) -> str:
    """A table cell: lists joined by commas, nothing as a dash.

    Given a language, a whole number is written its way (``1 500`` in French).
    """
    if isinstance(value, list):
        return ", ".join(cell(v, lang) for v in value) or "—"
    if value is None:
        return "—"
    if lang is not None and isinstance(value, int) and not isinstance(value, bool):
        from compagnonnage._locale import format_number

        return format_number(value, lang)
    return str(value)


def os_message(err: OSError, s: Session) -> str:
    """An operating-system error on a file, in the session's language, naming the file."""
    name = err.filename if err.filename is not None else "?"
    if isinstance(err, FileNotFoundError):
        return s.say("no_such_file", path=name)
    if isinstance(err, IsADirectoryError):
        return s.say("is_a_directory", path=name)
    if isinstance(err, PermissionError):
        return s.say("permission_denied", path=name)
    return s.say("os_error", path=name, reason=err.strerror or err)


def plugin_failures(s: Session, debug: bool, raised: BaseException | None = None) -> int:
    """Report the plugin failures of the command: :data:`PLUGIN_FAILED` if any, else 0.

    Each failure the plugin manager recorded is one line on standard error in
    the session's language, naming the plugin (``--debug`` adds its traceback);
    ``raised``, the error that stopped the command, was already printed.
    """
    failures = [f for f in s.plugin_failures() if f is not raised]
    for f in failures:
        if debug:
            import traceback

            traceback.print_exception(f)
        print(s.say("plugin_failed", message=f.message(s.lang)), file=sys.stderr)
    errors = sys.modules.get("compagnonnage.plugins._errors")
    stopped = errors is not None and isinstance(raised, errors.PluginError)
    return PLUGIN_FAILED if failures or stopped else 0
