"""``answers import EXPORT… --module ID -o ANSWERS.json``: ODK or Kobo exports as an answers document."""

from __future__ import annotations

import argparse
from pathlib import Path

from compagnonnage.cli._common import OK
from compagnonnage.cli._form import module_named
from compagnonnage.cli._output import emit
from compagnonnage.cli._session import Session
from compagnonnage.cli._text import TEXT


def _shape(shape: str, s: Session) -> str:
    """The name of an export shape (a key of :data:`compagnonnage.forms.FORMATS`)."""
    key = f"shape_{shape}"
    return s.say(key) if key in TEXT else shape


def answers(args: argparse.Namespace, s: Session) -> int:
    """``answers import EXPORT… --module ID -o ANSWERS.json``: exports as an answers document."""
    from compagnonnage.documents import dump
    from compagnonnage.forms import read_exports

    module = module_named(args.module, s)
    report = read_exports(args.exports, module, skip_rejected=args.skip_rejected)
    output = Path(args.output)
    if output.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(output))
    dump(report.answers, output, converter=s.converter)
    lines = [
        s.say("import_file", path=path, shape=_shape(shape, s)) for path, shape in report.files
    ]
    kept = len(report.answers.respondents)
    lines.append(
        s.say(
            "import_read_kept",
            read=s.say("import_read", count=report.read),
            kept=s.say("import_kept", count=kept),
        )
    )
    for reason, count in report.skipped.items():
        if count:
            lines.append(s.say(f"import_skipped_{reason}", count=count))
    lines.append(
        s.say("import_written", path=args.output, module=module.id, version=module.version)
    )
    emit("\n".join(lines))
    return OK
