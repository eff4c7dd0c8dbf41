"""``check PATH…``: every document checked as the kind its envelope names.

A programme gets its document errors and rule violations; an answers document
is checked against the installed modules; any other kind, against its type.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from collections.abc import Iterable
from typing import Any

from compagnonnage.cli._common import (
    INVALID,
    OK,
    VIOLATED,
    cell,
    counts_line,
    os_message,
    violation_data,
    violation_line,
)
from compagnonnage.cli._output import Progress, emit, emit_json, table
from compagnonnage.cli._session import CliError, Session


def _documents(paths: Iterable[str]) -> tuple[list[str], bool]:
    """The files to check (folders searched for ``*.json``), and whether a folder was given.

    A file is named as it was given; pathlib is imported for a folder only (it
    is a tenth of the start-up of checking one file).
    """
    files: list[str] = []
    folder = False
    for name in paths:
        if os.path.isdir(name):
            from pathlib import Path

            folder = True
            found = sorted(p for p in Path(name).rglob("*.json") if p.is_file())
            if not found:
                raise CliError("empty_folder", path=name)
            files += map(str, found)
        else:
            files.append(name)
    return files, folder


def _check_one(path: str, s: Session) -> dict[str, Any]:
    from compagnonnage.diagnostics import CollectedAnswers
    from compagnonnage.documents import DocumentError, answers_problems, document_kind, load_any
    from compagnonnage.model import Programme

    entry: dict[str, Any] = {"path": path}
    try:
        document = load_any(path, converter=s.converter)
        if isinstance(document, CollectedAnswers):
            problems = answers_problems(document, s.plugins.modules())
            if problems:
                raise DocumentError(problems, str(path))
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
    kind = document_kind(document, converter=s.converter)
    if not isinstance(document, Programme):
        entry.update(status="clean", kind=kind, violations=[])
        return entry
    programme = document
    report = s.plugins.check(programme)
    entry.update(
        kind=kind,
        status="clean" if not report.violations else ("errors" if report.errors else "warnings"),
        programme_id=programme.id,
        stage=programme.stage.value,
        violations=[violation_data(v, s) for v in report.violations],
    )
    return entry


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
        [
            code,
            s.say(f"severity_{severity}"),
            cell(n, s.lang),
            cell(len(files[(code, severity)]), s.lang),
        ]
        for (code, severity), n in sorted(by_code.items())
    ]
    return totals, rows


def check(args: argparse.Namespace, s: Session) -> int:
    """``check PATH…``: every document checked as the kind its envelope names.

    A programme gets its document errors and rule violations; an answers document
    is checked against the installed modules; any other kind, against its type.
    """
    files, folder = _documents(args.paths)
    progress = Progress(len(files), enabled=folder, lang=s.lang)
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
            lines.append(f"{e['path']}{s.say('colon')}{counts_line(e['violations'], s)}")
            lines += [violation_line(v, s) for v in e["violations"]]
    if folder or len(entries) > 1:
        lines += ["", s.say("summary")]
        lines.append(
            table(
                [s.say("total_" + k) for k in totals],
                [[cell(v, s.lang) for v in totals.values()]],
            )
        )
        if by_code:
            lines += [
                "",
                table([s.say(h) for h in ("code", "severity", "violations", "documents")], by_code),
            ]
    emit("\n".join(lines))
    return code
