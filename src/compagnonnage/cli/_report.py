"""``report FILE`` and ``schema``: the programme report, and the JSON Schema of documents."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from compagnonnage._i18n import Lang
from compagnonnage.cli._common import OK, write_text
from compagnonnage.cli._output import emit, emit_json
from compagnonnage.cli._session import Session

if TYPE_CHECKING:
    from compagnonnage.diagnostics import DiagnosticResult
    from compagnonnage.model import Programme


def render_report(
    programme: Programme,
    fmt: str,
    s: Session,
    *,
    lang: Lang | None = None,
    results: Iterable[DiagnosticResult] = (),
) -> str:
    """The report of ``programme`` as ``html`` or ``md``, in ``lang`` (the session's by default).

    The plugins name the trades and the diagnostic dimensions, and their rules
    take part in the rule report.
    """
    from compagnonnage.reports import build_report, to_html, to_markdown

    pm = s.plugins
    lang = s.lang if lang is None else lang
    document = build_report(
        programme,
        lang=lang,
        rule_report=pm.check(programme),
        modules=pm.modules(),
        results=results,
        trade_names={ref: trade.title(lang) for ref, trade in pm.trades().items()},
    )
    return to_html(document) if fmt == "html" else to_markdown(document)


def report(args: argparse.Namespace, s: Session) -> int:
    """``report FILE``: the programme report, HTML or Markdown, in the session's language."""
    text = render_report(s.load(args.file), args.format, s)
    if args.output is None or args.output == "-":
        emit(text)
    else:
        from pathlib import Path  # here: a report printed on the terminal need not import it

        write_text(Path(args.output), text, force=args.force)
        print(s.say("written", path=args.output), file=sys.stderr)
    return OK


def schema(args: argparse.Namespace, s: Session) -> int:
    """``schema``: the JSON Schema of programme documents."""
    from compagnonnage.documents import json_schema

    emit_json(json_schema())
    return OK
