"""``form MODULE_ID -o FORM.xlsx``: a diagnostic module as an XLSForm for ODK and KoboToolbox."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from compagnonnage._i18n import Lang, languages
from compagnonnage.cli._common import OK, write_bytes
from compagnonnage.cli._output import emit
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from compagnonnage.diagnostics import DiagnosticModule


def module_named(module_id: str, s: Session) -> DiagnosticModule:
    """The installed module ``module_id``, or a :class:`CliError` listing the installed ones."""
    modules = {m.id: m for m in s.plugins.modules()}
    if module_id not in modules:
        raise CliError("unknown_module", module=module_id, known=", ".join(sorted(modules)))
    return modules[module_id]


def _languages(text: str) -> tuple[Lang, ...]:
    wanted = tuple(dict.fromkeys(part.strip() for part in text.split(",")))
    if not wanted or any(lang not in languages() for lang in wanted):
        raise CliError("form_languages", given=text, known=", ".join(languages()))
    return wanted


def form(args: argparse.Namespace, s: Session) -> int:
    """``form MODULE_ID -o FORM.xlsx``: a diagnostic module as an XLSForm for ODK and KoboToolbox."""
    from compagnonnage.forms import xlsform

    module = module_named(args.module, s)
    languages = _languages(args.languages)
    workbook = xlsform(module, languages=languages, programme_id=args.programme)
    write_bytes(Path(args.output), workbook.to_xlsx())
    questions = len(module.questions)
    emit(
        s.say(
            "form_written",
            path=args.output,
            module=module.id,
            version=module.version,
            plugin=s.plugins.origin("module", module.id) or "?",
            dimensions=len(module.dimensions),
            questions=questions,
            languages=", ".join(languages),
        )
    )
    return OK
