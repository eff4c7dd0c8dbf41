"""The commands. Each takes the parsed arguments and a session, prints, and returns an exit code.

Exit codes: 0 all is well; 1 an error-level rule is violated; 2 the input could
not be read or is invalid, or the command was misused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import stage_label
from compagnonnage.cli._output import Progress, emit, emit_json, table
from compagnonnage.cli._session import CliError, Session
from compagnonnage.model import Stage

if TYPE_CHECKING:
    from compagnonnage.model import Programme
    from compagnonnage.rules import Violation

OK, VIOLATED, INVALID = 0, 1, 2

Command = Callable[[argparse.Namespace, Session], int]


# -- shared pieces ----------------------------------------------------------------


def _violation(v: Violation, s: Session) -> dict[str, Any]:
    return {
        "code": v.code,
        "severity": v.severity.value,
        "subjects": list(v.subjects),
        "message": v.message(s.lang),
        "origin": v.origin,
    }


def _violation_line(v: dict[str, Any], s: Session) -> str:
    subjects = f" ({', '.join(v['subjects'])})" if v["subjects"] else ""
    return (
        f"  [{s.say('severity_' + v['severity'])}] {v['code']}{subjects}"
        f"{s.say('colon')}{v['message']}"
    )


def _counts(violations: list[dict[str, Any]], s: Session) -> str:
    if not violations:
        return s.say("clean")
    errors = sum(1 for v in violations if v["severity"] == "error")
    return s.say("counts", errors=errors, warnings=len(violations) - errors)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


# -- check -----------------------------------------------------------------------


def _documents(paths: Iterable[str]) -> tuple[list[Path], bool]:
    """The files to check (folders searched for ``*.json``), and whether a folder was given."""
    files: list[Path] = []
    folder = False
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = True
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            if not found:
                raise CliError("empty_folder", path=name)
            files += found
        else:
            files.append(path)
    return files, folder


def _check_one(path: Path, s: Session) -> dict[str, Any]:
    from compagnonnage.documents import DocumentError

    entry: dict[str, Any] = {"path": str(path)}
    try:
        programme = s.load(path)
    except DocumentError as err:
        entry.update(
            status="invalid",
            problems=[{"path": p.path, "message": p.message(s.lang)} for p in err.problems],
        )
        entry["text"] = err.message(s.lang)
        return entry
    except OSError as err:
        entry.update(status="unreadable", problems=[{"path": "$", "message": os_message(err, s)}])
        entry["text"] = os_message(err, s)
        return entry
    report = s.plugins.check(programme)
    entry.update(
        status="clean" if not report.violations else ("errors" if report.errors else "warnings"),
        programme_id=programme.id,
        stage=programme.stage.value,
        violations=[_violation(v, s) for v in report.violations],
    )
    return entry


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


def _summary(entries: list[dict[str, Any]], s: Session) -> tuple[dict[str, int], list[list[str]]]:
    status = Counter(e["status"] for e in entries)
    totals = {
        "documents": len(entries),
        "clean": status["clean"],
        "with_errors": status["errors"],
        "with_warnings": status["warnings"],
        "invalid": status["invalid"] + status["unreadable"],
    }
    by_code: Counter[tuple[str, str]] = Counter()
    files: dict[tuple[str, str], set[str]] = {}
    for e in entries:
        for v in e.get("violations", ()):
            key = (v["code"], v["severity"])
            by_code[key] += 1
            files.setdefault(key, set()).add(e["path"])
    rows = [
        [code, s.say(f"severity_{severity}"), str(n), str(len(files[(code, severity)]))]
        for (code, severity), n in sorted(by_code.items())
    ]
    return totals, rows


def check(args: argparse.Namespace, s: Session) -> int:
    """``check PATH…``: document errors and rule violations of every programme document."""
    files, folder = _documents(args.paths)
    progress = Progress(len(files), enabled=folder)
    entries: list[dict[str, Any]] = []
    for i, path in enumerate(files, 1):
        entries.append(_check_one(path, s))
        progress.advance(i)
    progress.close()
    totals, by_code = _summary(entries, s)
    code = INVALID if totals["invalid"] else (VIOLATED if totals["with_errors"] else OK)
    if args.format == "json":
        for e in entries:
            e.pop("text", None)
        emit_json({"documents": entries, "summary": totals, "exit_code": code})
        return code
    lines: list[str] = []
    for e in entries:
        if "text" in e:
            lines.append(e["text"])
        elif e["violations"] or not folder:
            lines.append(f"{e['path']}{s.say('colon')}{_counts(e['violations'], s)}")
            lines += [_violation_line(v, s) for v in e["violations"]]
    if folder or len(entries) > 1:
        lines += ["", s.say("summary")]
        lines.append(
            table(
                [s.say("total_" + k) for k in totals],
                [[str(v) for v in totals.values()]],
            )
        )
        if by_code:
            lines += [
                "",
                table([s.say(h) for h in ("code", "severity", "violations", "documents")], by_code),
            ]
    emit("\n".join(lines))
    return code


# -- status ----------------------------------------------------------------------

_NEXT: dict[Stage, tuple[str, tuple[str, ...]]] = {
    Stage.DRAFT: ("open", ("STG-002",)),
    Stage.PREPARATION: ("close_preparation", ("STG-003",)),
    Stage.DIAGNOSTIC: ("close_diagnostic", ("STG-004",)),
    Stage.ACCOMPANIMENT: ("close", ()),
}


def _blocking(programme: Programme, operation: str, s: Session) -> list[Violation]:
    """What the lifecycle would refuse if the transition were tried now (tried on a copy)."""
    from compagnonnage.errors import TransitionRefused

    last = programme.history[-1].at if programme.history else None
    now = dt.datetime.now(dt.timezone.utc)
    at = now if last is None else max(now, last)
    by = programme.reference_partner.id if programme.reference_partner else "status"
    try:
        getattr(s.plugins.lifecycle(), operation)(programme, by=by, at=at)
    except TransitionRefused as refused:
        return list(refused.violations)
    return []


def status(args: argparse.Namespace, s: Session) -> int:
    """``status FILE``: the stage, what the next transition needs, and what blocks it."""
    from compagnonnage.rules import RuleSet

    programme = s.load(args.file)
    report = s.plugins.check(programme)
    data: dict[str, Any] = {
        "path": args.file,
        "programme_id": programme.id,
        "stage": programme.stage.value,
        "next": None,
        "warnings": [_violation(v, s) for v in report.warnings],
    }
    if programme.stage in _NEXT:
        operation, codes = _NEXT[programme.stage]
        core = RuleSet.core()
        blocking = [_violation(v, s) for v in _blocking(programme, operation, s)]
        data["next"] = {
            "operation": operation,
            "stage": programme.stage.next().value,
            "needs": [{"code": c, "rule": core[c].title(s.lang)} for c in codes],
            "ready": not blocking,
            "blocked_by": blocking,
        }
    code = OK if report.ok else VIOLATED
    if args.format == "json":
        emit_json(data)
        return code
    colon = s.say("colon")
    lines = [
        f"{s.say('programme')}{colon}{programme.title} ({programme.id})",
        f"{s.say('stage')}{colon}{stage_label(programme.stage, s.lang)}",
    ]
    nxt = data["next"]
    if nxt is None:
        lines.append(s.say("no_next"))
    else:
        lines.append(
            s.say(
                "next_transition",
                operation=s.say("op_" + nxt["operation"]),
                stage=stage_label(Stage(nxt["stage"]), s.lang),
            )
        )
        lines += [f"  {n['code']}{colon}{n['rule']}" for n in nxt["needs"]]
        lines.append("  " + s.say("needs_all"))
        if nxt["ready"]:
            lines.append(s.say("ready"))
        else:
            lines.append(s.say("blocked_by", count=len(nxt["blocked_by"])))
            lines += [_violation_line(v, s) for v in nxt["blocked_by"]]
    if data["warnings"]:
        lines.append(s.say("warnings", count=len(data["warnings"])))
        lines += [_violation_line(v, s) for v in data["warnings"]]
    emit("\n".join(lines))
    return code


# -- report and schema -----------------------------------------------------------


def render_report(programme: Programme, fmt: str, s: Session) -> str:
    """The report of ``programme`` as ``html`` or ``md``, in the session's language."""
    from compagnonnage.reports import build_report, to_html, to_markdown

    document = build_report(programme, lang=s.lang, rule_report=s.plugins.check(programme))
    return to_html(document) if fmt == "html" else to_markdown(document)


def report(args: argparse.Namespace, s: Session) -> int:
    """``report FILE``: the programme report, HTML or Markdown, French or English."""
    text = render_report(s.load(args.file), args.format, s)
    if args.output is None or args.output == "-":
        emit(text)
    else:
        write_text(Path(args.output), text)
        print(s.say("written", path=args.output), file=sys.stderr)
    return OK


def schema(args: argparse.Namespace, s: Session) -> int:
    """``schema``: the JSON Schema of programme documents."""
    from compagnonnage.documents import json_schema

    emit_json(json_schema())
    return OK
