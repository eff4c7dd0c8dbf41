"""``portfolio DIR -o OUT.html|.md``: one report over every programme document in a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from compagnonnage.cli._common import OK, actor, os_message, write_text
from compagnonnage.cli._output import Progress, emit
from compagnonnage.cli._session import CliError, Session

if TYPE_CHECKING:
    from compagnonnage.lifecycle import Lifecycle
    from compagnonnage.reports._portfolio import PortfolioEntry


def _entry(path: Path, s: Session, lifecycle: Lifecycle) -> PortfolioEntry:
    from compagnonnage.documents import DocumentError
    from compagnonnage.reports._portfolio import PortfolioEntry, summarise

    try:
        programme = s.load(path)
    except DocumentError as err:
        return PortfolioEntry(path=str(path), problem=err.message(s.lang))
    except OSError as err:
        return PortfolioEntry(path=str(path), problem=os_message(err, s))
    # what the lifecycle refuses if the next stage change were tried now, on a copy: no
    # listener is told of a change that is not made, and no refusal is raised and worded
    by, at = actor(programme)
    return summarise(str(path), programme, lifecycle.blocking_codes(programme, by=by, at=at))


def portfolio(args: argparse.Namespace, s: Session) -> int:
    """``portfolio DIR -o OUT``: every programme of ``DIR`` on one page (HTML or Markdown)."""
    from compagnonnage.reports import to_html, to_markdown
    from compagnonnage.reports._portfolio import build_portfolio

    folder, out = Path(args.folder), Path(args.output)
    if out.suffix not in (".html", ".md"):
        raise CliError("portfolio_output", path=args.output)
    if not folder.is_dir():
        raise CliError("portfolio_not_folder", path=args.folder)
    written = out.resolve()
    files = sorted(p for p in folder.rglob("*.json") if p.is_file() and p.resolve() != written)
    if not files:
        raise CliError("empty_folder", path=args.folder)
    lifecycle = s.plugins.lifecycle()
    progress = Progress(len(files), lang=s.lang)
    entries = []
    for i, path in enumerate(files, 1):
        entries.append(_entry(path, s, lifecycle))
        progress.advance(i)
    progress.close()
    document = build_portfolio(entries, lang=s.lang)
    write_text(out, to_html(document) if out.suffix == ".html" else to_markdown(document))
    emit(s.say("written", path=args.output))
    return OK
