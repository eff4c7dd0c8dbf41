"""Programme reports: one report model, rendered as Markdown and as self-contained HTML.

>>> from compagnonnage.reports import build_report, to_html, to_markdown
>>> document = build_report(programme, lang="fr")      # doctest: +SKIP
>>> html = to_html(document)                           # doctest: +SKIP

:func:`build_report` resolves every word in the report's language (English, French,
Portuguese: any language with a catalogue); :func:`to_markdown` and :func:`to_html`
only lay the same content out.
The HTML page holds its CSS and SVG charts inline, needs no script and no
network, and prints on A4.
"""

from compagnonnage.reports._build import build_report
from compagnonnage.reports._html import to_html
from compagnonnage.reports._markdown import to_markdown
from compagnonnage.reports._model import (
    Block,
    CapacityChart,
    CapacityLevel,
    Facts,
    LedgerChart,
    LedgerPoint,
    Paragraph,
    ReportDocument,
    Section,
    Span,
    Table,
    Timeline,
)

__all__ = [
    "Block",
    "CapacityChart",
    "CapacityLevel",
    "Facts",
    "LedgerChart",
    "LedgerPoint",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Span",
    "Table",
    "Timeline",
    "build_report",
    "to_html",
    "to_markdown",
]
