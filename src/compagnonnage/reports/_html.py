"""Render the report model as one self-contained HTML file.

Inline CSS and SVG only: no script, no font, no image to fetch (a Content
Security Policy says so to the browser), and a print style for A4.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from compagnonnage._i18n import Lang
from compagnonnage._locale import format_month, format_number
from compagnonnage.reports._model import (
    Block,
    CapacityChart,
    Facts,
    LedgerChart,
    Paragraph,
    ReportDocument,
    Section,
    Table,
    Timeline,
)
from compagnonnage.reports._text import TEXT

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; line-height: 1.45; color: #1a1a1a; background: #fff; max-width: 62rem;
  margin: 2rem auto; padding: 0 1.5rem; }
header { border-bottom: 4px solid #1d3557; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .2rem; }
.subtitle { color: #4a4a4a; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1d3557; padding-bottom: .2rem;
  margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
nav ol { columns: 2; padding-left: 1.4rem; }
a { color: #1d3557; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.4rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid #b8bec6; padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
thead th { background: #e6ecf3; }
tbody th { background: #f5f7fa; font-weight: 600; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
figure p { margin: .3rem 0 0; color: #333; }
svg { width: 100%; max-width: 56rem; height: auto; display: block; }
footer { margin-top: 2.5rem; border-top: 1px solid #b8bec6; color: #4a4a4a; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3, caption, figcaption { break-after: avoid; }
  tr, figure, dl { break-inside: avoid; }
  thead { display: table-header-group; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_LANE_STYLE = {
    "stage": ("#1d3557", "#1d3557"),
    "mission": ("#d9822b", "#8a4b0f"),
    "action": ("#9fd3e6", "#1d6f8c"),
}
_WIDTH = 720
_INK = "#1a1a1a"
_GRID = "#c9ced6"
_ILLUSTRATIVE = 'fill="#9fd3e6" stroke="#1d6f8c" stroke-dasharray="4 2"'
"""The fill and outline attributes of an illustrative figure's bar."""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _labelled(label: str, value: int, lang: Lang) -> str:
    """``Current level: 3`` (``Niveau actuel : 3``), escaped for HTML."""
    return TEXT["label_value"].bind(label=_e(label), value=format_number(value, lang))(lang)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(table: Table) -> str:
    if not table.rows:
        return f"<p><strong>{_e(table.caption)}</strong> — {_e(table.empty)}</p>"
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in table.headers)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{_e(row[0])}</th>'
        + "".join(f"<td>{_e(c)}</td>" for c in row[1:])
        + "</tr>"
        for row in table.rows
    )
    return (
        f"<table><caption>{_e(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _svg_open(ident: str, title: str, summary: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}" role="img" '
        f'width="{_WIDTH}" height="{height}" viewBox="0 0 {_WIDTH} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-size="12" '
        f'font-family="system-ui, sans-serif">'
        f'<title id="{ident}-title">{_e(title)}</title>'
        f'<desc id="{ident}-desc">{_e(summary)}</desc>'
    )


def _month_ticks(first: dt.date, last: int) -> list[dt.date]:
    """About eight first days of months, from ``first`` to the day ``last`` (an ordinal).

    ``last`` may be the day after 9999-12-31, which no date can hold.
    """
    end = dt.date.fromordinal(min(last, dt.date.max.toordinal()))
    months = (end.year - first.year) * 12 + end.month - first.month + 1
    if last > dt.date.max.toordinal():
        months += 1  # the month after December 9999 has no date, and no tick
    step = max(1, -(-months // 8))
    ticks = []
    for i in range(0, months, step):
        m = first.month - 1 + i
        if first.year + m // 12 <= dt.MAXYEAR:
            ticks.append(dt.date(first.year + m // 12, m % 12 + 1, 1))
    return ticks


def _timeline(chart: Timeline, lang: Lang) -> str:
    label_w, top, row = 210, 34, 22
    left, right = label_w + 10, _WIDTH - 12
    first = min(s.start for s in chart.spans).replace(day=1)
    # Days as ordinals: the day after a span ending 9999-12-31 is beyond any date.
    last = max(s.end for s in chart.spans).toordinal() + 1
    days = max(1, last - first.toordinal())

    def x(day: int) -> float:
        return left + (right - left) * (day - first.toordinal()) / days

    legend_y = top + row * len(chart.spans) + 14
    height = legend_y + 22
    parts = [_svg_open("timeline-chart", chart.title, chart.summary, height)]
    for tick in _month_ticks(first, last):
        tx = round(x(tick.toordinal()), 1)
        parts.append(
            f'<line x1="{tx}" y1="{top - 6}" x2="{tx}" y2="{legend_y - 8}" stroke="{_GRID}"/>'
            f'<text x="{tx + 2}" y="{top - 12}" fill="{_INK}">'
            f"{_e(format_month(tick, lang))}</text>"
        )
    for i, span in enumerate(chart.spans):
        y = top + i * row
        fill, stroke = _LANE_STYLE[span.lane]
        x0 = x(span.start.toordinal())
        width = max(3.0, x(span.end.toordinal() + 1) - x0)
        parts.append(
            f'<text x="4" y="{y + 14}" fill="{_INK}">{_e(_short(span.label, 32))}</text>'
            f'<rect class="span {span.lane}" x="{x0:.1f}" y="{y + 3}" width="{width:.1f}" '
            f'height="15" rx="2" fill="{fill}" stroke="{stroke}">'
            f"<title>{_e(span.label)}</title></rect>"
        )
    lx = 4
    for lane, name in chart.lanes:
        fill, stroke = _LANE_STYLE[lane]
        parts.append(
            f'<rect x="{lx}" y="{legend_y}" width="14" height="12" fill="{fill}" stroke="{stroke}"/>'
            f'<text x="{lx + 20}" y="{legend_y + 11}" fill="{_INK}">{_e(name)}</text>'
        )
        lx += 30 + 8 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _capacity(chart: CapacityChart, lang: Lang) -> str:
    label_w, top, row = 250, 30, 44
    left, right = label_w + 10, _WIDTH - 16
    unit = (right - left) / chart.scale_max
    legend_y = top + row * len(chart.levels) + 10
    height = legend_y + 24
    parts = [_svg_open(chart.ident, chart.title, chart.summary, height)]
    for level in range(chart.scale_max + 1):
        gx = left + level * unit
        parts.append(
            f'<line x1="{gx:.1f}" y1="{top - 8}" x2="{gx:.1f}" y2="{legend_y - 6}" stroke="{_GRID}"/>'
            f'<text x="{gx:.1f}" y="{top - 14}" text-anchor="middle" fill="{_INK}">{level}</text>'
        )
    for i, item in enumerate(chart.levels):
        y = top + i * row
        parts.append(
            f'<text x="4" y="{y + 20}" fill="{_INK}">{_e(_short(item.label, 38))}'
            f"<title>{_e(item.label)}</title></text>"
            f'<rect class="current" x="{left}" y="{y + 6}" width="{item.current * unit:.1f}" '
            f'height="14" fill="#1d3557"><title>{_labelled(chart.legend[0], item.current, lang)}</title></rect>'
        )
        if item.desired is not None:
            parts.append(
                f'<rect class="desired" x="{left}" y="{y + 23}" width="{item.desired * unit:.1f}" '
                f'height="9" fill="#f2c14e" stroke="#7a5a00">'
                f"<title>{_labelled(chart.legend[1], item.desired, lang)}</title></rect>"
            )
    parts.append(
        f'<rect x="4" y="{legend_y}" width="14" height="12" fill="#1d3557"/>'
        f'<text x="24" y="{legend_y + 11}" fill="{_INK}">{_e(chart.legend[0])}</text>'
        f'<rect x="204" y="{legend_y + 2}" width="14" height="9" fill="#f2c14e" stroke="#7a5a00"/>'
        f'<text x="224" y="{legend_y + 11}" fill="{_INK}">{_e(chart.legend[1])}</text></svg>'
    )
    return "".join(parts)


def _ledger(chart: LedgerChart, lang: Lang) -> str:
    """Bars of the registered and the paying members per date; illustrative points dashed."""
    top, bottom, left = 24, 230, 60
    right = _WIDTH - 12
    peak = max(p.registered for p in chart.points) or 1
    slot = (right - left) / len(chart.points)
    bar = min(40.0, slot / 3)

    def y(value: int) -> float:
        return bottom - (bottom - top) * value / peak

    height = bottom + 56
    parts = [
        _svg_open("ledger-chart", chart.title, chart.summary, height),
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{_INK}"/>',
        f'<text x="4" y="{top + 4}" fill="{_INK}">{format_number(peak, lang)}</text>'
        f'<line x1="{left}" y1="{top}" x2="{right}" y2="{top}" stroke="{_GRID}"/>',
    ]
    for i, point in enumerate(chart.points):
        x0 = left + i * slot + (slot - 2 * bar) / 2
        style = _ILLUSTRATIVE if point.illustrative else 'fill="#1d3557"'
        mark = " *" if point.illustrative else ""
        parts.append(
            f'<rect class="registered" x="{x0:.1f}" y="{y(point.registered):.1f}" '
            f'width="{bar:.1f}" height="{bottom - y(point.registered):.1f}" {style}>'
            f"<title>{_e(point.label)}{mark} — "
            f"{_labelled(chart.legend[0], point.registered, lang)}</title></rect>"
        )
        if point.paying is not None:
            parts.append(
                f'<rect class="paying" x="{x0 + bar:.1f}" y="{y(point.paying):.1f}" '
                f'width="{bar:.1f}" height="{bottom - y(point.paying):.1f}" fill="#f2c14e" '
                f'stroke="#7a5a00"><title>{_e(point.label)}{mark} — '
                f"{_labelled(chart.legend[1], point.paying, lang)}</title></rect>"
            )
        parts.append(
            f'<text x="{x0 + bar:.1f}" y="{bottom + 16}" text-anchor="middle" fill="{_INK}">'
            f"{_e(point.label)}{mark}</text>"
        )
    legend_y = bottom + 32
    parts.append(
        f'<rect x="4" y="{legend_y}" width="14" height="12" fill="#1d3557"/>'
        f'<text x="24" y="{legend_y + 11}" fill="{_INK}">{_e(chart.legend[0])}</text>'
        f'<rect x="204" y="{legend_y}" width="14" height="12" fill="#f2c14e" stroke="#7a5a00"/>'
        f'<text x="224" y="{legend_y + 11}" fill="{_INK}">{_e(chart.legend[1])}</text>'
        f'<rect x="404" y="{legend_y}" width="14" height="12" {_ILLUSTRATIVE}/>'
        f'<text x="424" y="{legend_y + 11}" fill="{_INK}">{_e(chart.legend[2])}</text></svg>'
    )
    return "".join(parts)


def _figure(block: Timeline | CapacityChart | LedgerChart, svg: str) -> str:
    return (
        f"<figure><figcaption>{_e(block.title)}</figcaption>{svg}"
        f"<p>{_e(block.summary)}</p></figure>{_table(block.table)}"
    )


def _block(block: Block, lang: Lang) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Facts):
        items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in block.items)
        return f"<dl>{items}</dl>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Timeline):
        return _figure(block, _timeline(block, lang))
    if isinstance(block, LedgerChart):
        return _figure(block, _ledger(block, lang))
    return _figure(block, _capacity(block, lang))


def _section(section: Section, depth: int, lang: Lang) -> str:
    body = "".join(_block(b, lang) for b in section.blocks)
    body += "".join(_section(s, depth + 1, lang) for s in section.sections)
    heading = f"h{depth}"
    return (
        f'<section aria-labelledby="{section.anchor}">'
        f'<{heading} id="{section.anchor}">{_e(section.title)}</{heading}>{body}</section>'
    )


def to_html(document: ReportDocument) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no script)."""
    lang = document.lang
    toc = "".join(f'<li><a href="#{s.anchor}">{_e(s.title)}</a></li>' for s in document.sections)
    sections = "\n".join(_section(s, 2, lang) for s in document.sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(document.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_e(document.title)}</h1>"
        f'<p class="subtitle">{_e(document.subtitle)}</p></header>\n'
        f'<nav aria-labelledby="contents"><h2 id="contents">{_e(document.contents_label)}</h2>'
        f"<ol>{toc}</ol></nav>\n<main>\n{sections}\n</main>\n"
        f"<footer><p>{_e(document.footer)}</p></footer>\n</body>\n</html>\n"
    )
