"""``iati FILE… -o OUT --reporting-org …``: publish programmes as IATI 2.03 activities;
``iati --check FILE…``: check any IATI 2.03 activity file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compagnonnage.cli._common import INVALID, OK
from compagnonnage.cli._output import emit, emit_json
from compagnonnage.cli._session import CliError, Session


def _problem_lines(problems: tuple[object, ...], s: Session) -> list[str]:
    from compagnonnage.iati import IatiProblem

    return [
        f"  {p.path} [{p.code}]{s.say('colon')}{p.message(s.lang)}"
        for p in problems
        if isinstance(p, IatiProblem)
    ]


def _check(args: argparse.Namespace, s: Session) -> int:
    from compagnonnage.iati import check_file

    entries = []
    for name in args.files:
        found = check_file(name)
        entries.append((name, found))
    if args.format == "json":
        emit_json(
            [
                {
                    "path": name,
                    "valid": not found,
                    "problems": [
                        {"path": p.path, "code": p.code, "message": p.message(s.lang)}
                        for p in found
                    ],
                }
                for name, found in entries
            ]
        )
    else:
        lines: list[str] = []
        for name, found in entries:
            if found:
                lines.append(s.say("iati_invalid", path=name, count=len(found)))
                lines += _problem_lines(found, s)
            else:
                lines.append(s.say("iati_valid", path=name))
        emit("\n".join(lines))
    return INVALID if any(found for _, found in entries) else OK


def iati(args: argparse.Namespace, s: Session) -> int:
    """``iati``: export programme documents to IATI, or check IATI files."""
    if args.check:
        return _check(args, s)
    from compagnonnage.iati import IatiError, ReportingOrg, write

    missing = [
        option
        for option, value in (
            ("-o", args.output),
            ("--reporting-org", args.reporting_org),
            ("--reporting-org-type", args.reporting_org_type),
            ("--reporting-org-name", args.reporting_org_name),
        )
        if not value
    ]
    if missing:
        raise CliError("iati_needs", options=", ".join(missing))
    org = ReportingOrg(
        ref=args.reporting_org, type=args.reporting_org_type, name=args.reporting_org_name
    )
    programmes = [s.load(name) for name in args.files]
    try:
        write(
            programmes,
            Path(args.output),
            org,
            lang=s.lang,
            rules=s.plugins.rules(),
            context=s.plugins.rule_context(),
        )
    except IatiError as err:
        print(s.say("iati_refused", count=len(err.problems)), file=sys.stderr)
        print("\n".join(_problem_lines(err.problems, s)), file=sys.stderr)
        return INVALID
    emit(s.say("iati_written", path=args.output, count=len(programmes)))
    return OK
