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
    """The ``(label, value)`` pairs, in order."""


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str
    """The paragraph's text."""


@frozen(kw_only=True)
class Table:
    """A table with a caption and column headers; the first cell of each row heads the row.

    ``empty`` is said instead of the table when it has no rows.
    """

    caption: str
    """The table's caption."""
    headers: tuple[str, ...]
    """The column headers."""
    rows: tuple[tuple[str, ...], ...]
    """The rows, each as long as ``headers``."""
    empty: str
    """What to show instead of a table without rows."""


@frozen(kw_only=True)
class Span:
    """One bar of the timeline: a stage, a mission or a support action."""

    label: str
    """What the bar stands for."""
    lane: str
    """Id of the lane it is drawn in."""
    start: dt.date
    """Its first day."""
    end: dt.date
    """Its last day."""


@frozen(kw_only=True)
class Timeline:
    """The timeline chart; ``table`` holds the same data as its text alternative."""

    title: str
    """The chart's title."""
    summary: str
    """A sentence saying what the chart shows, for screen readers."""
    lanes: tuple[tuple[str, str], ...]
    """The lanes, as ``(id, label)`` pairs, top to bottom."""
    spans: tuple[Span, ...]
    """The bars."""
    table: Table
    """The same data as a table."""


@frozen(kw_only=True)
class CapacityLevel:
    """One dimension of the capacity chart: current and desired level."""

    label: str
    """The dimension's name."""
    current: int
    """The level reached."""
    desired: int | None
    """The level aimed at, if set."""


@frozen(kw_only=True)
class CapacityChart:
    """Capacity per dimension, current vs desired; ``table`` is its text alternative.

    The results section reuses it for the diagnostic against the latest
    follow-up; ``ident`` tells the two charts apart in HTML.
    """

    title: str
    """The chart's title."""
    summary: str
    """A sentence saying what the chart shows, for screen readers."""
    scale_max: int
    """The top of the scale."""
    legend: tuple[str, str]
    """The labels of the current and desired bars."""
    levels: tuple[CapacityLevel, ...]
    """One entry per dimension."""
    table: Table
    """The same data as a table."""
    ident: str = "capacity-chart"
    """The chart's HTML id, telling it apart from the results section's follow-up chart."""


@frozen(kw_only=True)
class LedgerPoint:
    """One point of the membership chart: its date, the registered and the paying members."""

    label: str
    """The point's date as shown (its year), or the word for undated."""
    registered: int
    """The craft businesses on the trades register."""
    paying: int | None
    """The members paying their dues, if known."""
    illustrative: bool
    """Whether the figures are invented for an example (marked ``*``)."""


@frozen(kw_only=True)
class LedgerChart:
    """The membership ledger over time; ``table`` is its text alternative."""

    title: str
    """The chart's title."""
    summary: str
    """A sentence saying what the chart shows, for screen readers."""
    legend: tuple[str, str, str]
    """The labels of the registered and paying bars, and of illustrative figures."""
    points: tuple[LedgerPoint, ...]
    """One entry per point of the ledger, in its order."""
    table: Table
    """The same data as a table."""


Block = Facts | Paragraph | Table | Timeline | CapacityChart | LedgerChart


@frozen(kw_only=True)
class Section:
    """A headed section: its blocks, then its subsections."""

    anchor: str
    """The section's anchor, unique in the report."""
    title: str
    """The section's title."""
    blocks: tuple[Block, ...] = ()
    """Its blocks, in order."""
    sections: tuple[Section, ...] = ()
    """Its subsections, after the blocks."""


@frozen(kw_only=True)
class ReportDocument:
    """A programme report in one language, ready to render."""

    lang: Lang
    """The language every word is in."""
    title: str
    """The report's title: the programme's."""
    subtitle: str
    """The line under the title."""
    contents_label: str
    """The heading of the table of contents."""
    sections: tuple[Section, ...]
    """The top-level sections, in order."""
    footer: str
    """The closing line."""
