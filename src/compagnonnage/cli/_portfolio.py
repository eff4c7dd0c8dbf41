"""``portfolio DIR -o OUT.html|.md``: one report over every programme document in a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from compagnonnage.cli._common import OK, actor, os_message, write_text
from compagnonnage.cli._output import Progress, emit
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from compagnonnage.model import Programme
    from compagnonnage.reports._portfolio import PortfolioEntry
    from compagnonnage.rules import Violation


def _blocking(programme: Programme, s: Session) -> tuple[Violation, ...]:
    """What the lifecycle refuses if the next stage change were tried now (on a copy)."""
    from compagnonnage.errors import TransitionRefused
    from compagnonnage.model import Operation

    operation = next((op for op in Operation if op.closes is programme.stage), None)
    if operation is None:
        return ()
    by, at = actor(programme)
    try:
        getattr(s.plugins.lifecycle(), operation.value)(programme, by=by, at=at)
    except TransitionRefused as refused:
        return tuple(refused.violations)
    return ()


def _entry(path: Path, s: Session) -> PortfolioEntry:
    from compagnonnage.documents import DocumentError
    from compagnonnage.reports._portfolio import PortfolioEntry, summarise

    try:
        programme = s.load(path)
    except DocumentError as err:
        return PortfolioEntry(path=str(path), problem=err.message(s.lang))
    except OSError as err:
        return PortfolioEntry(path=str(path), problem=os_message(err, s))
    return summarise(str(path), programme, _blocking(programme, s))


def portfolio(args: argparse.Namespace, s: Session) -> int:
    """``portfolio DIR -o OUT``: every programme of ``DIR`` on one page (HTML or Markdown)."""
    from compagnonnage.reports import to_html, to_markdown
    from compagnonnage.reports._portfolio import build_portfolio

    folder, out = Path(args.folder), Path(args.output)
    if out.suffix not in (".html", ".md"):
        raise CliError("portfolio_output", path=args.output)
    if not folder.is_dir():
        raise CliError("portfolio_not_folder", path=args.folder)
    files = sorted(
        p for p in folder.rglob("*.json") if p.is_file() and p.resolve() != out.resolve()
    )
    if not files:
        raise CliError("empty_folder", path=args.folder)
    progress = Progress(len(files), lang=s.lang)
    entries = []
    for i, path in enumerate(files, 1):
        entries.append(_entry(path, s))
        progress.advance(i)
    progress.close()
    document = build_portfolio(entries, lang=s.lang)
    write_text(out, to_html(document) if out.suffix == ".html" else to_markdown(document))
    emit(s.say("written", path=args.output))
    return OK
