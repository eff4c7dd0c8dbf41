"""The report model: a language-resolved tree of sections and blocks.

Every string in it is already in the report's language, so the renderers only
lay it out: Markdown and HTML show the same content, block for block.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from compagnonnage._i18n import Lang


@frozen(kw_only=True)
class Facts:
    """Labelled values (a definition list)."""

    items: tuple[tuple[str, str], ...]


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str


@frozen(kw_only=True)
class Table:
    """A table with a caption and column headers; the first cell of each row heads the row.

    ``empty`` is said instead of the table when it has no rows.
    """

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str


@frozen(kw_only=True)
class Span:
    """One bar of the timeline: a stage, a mission or a support action."""

    label: str
    lane: str
    start: dt.date
    end: dt.date


@frozen(kw_only=True)
class Timeline:
    """The timeline chart; ``table`` holds the same data as its text alternative."""

    title: str
    summary: str
    lanes: tuple[tuple[str, str], ...]
    spans: tuple[Span, ...]
    table: Table


@frozen(kw_only=True)
class CapacityLevel:
    """One dimension of the capacity chart: current and desired level."""

    label: str
    current: int
    desired: int | None


@frozen(kw_only=True)
class CapacityChart:
    """Capacity per dimension, current vs desired; ``table`` is its text alternative.

    The results section reuses it for the diagnostic against the latest
    follow-up; ``ident`` tells the two charts apart in HTML.
    """

    title: str
    summary: str
    scale_max: int
    legend: tuple[str, str]
    levels: tuple[CapacityLevel, ...]
    table: Table
    ident: str = "capacity-chart"


@frozen(kw_only=True)
class LedgerPoint:
    """One point of the membership chart: its date, the registered and the paying members."""

    label: str
    registered: int
    paying: int | None
    illustrative: bool


@frozen(kw_only=True)
class LedgerChart:
    """The membership ledger over time; ``table`` is its text alternative."""

    title: str
    summary: str
    legend: tuple[str, str, str]
    points: tuple[LedgerPoint, ...]
    table: Table


Block = Facts | Paragraph | Table | Timeline | CapacityChart | LedgerChart


@frozen(kw_only=True)
class Section:
    """A headed section: its blocks, then its subsections."""

    anchor: str
    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


@frozen(kw_only=True)
class ReportDocument:
    """A programme report in one language, ready to render."""

    lang: Lang
    title: str
    subtitle: str
    contents_label: str
    sections: tuple[Section, ...]
    footer: str
