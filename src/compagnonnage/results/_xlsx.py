"""The Excel workbook of a programme's results (the ``results`` extra: openpyxl, imported lazily).

Three sheets: the indicator table, the capacity scores (diagnostic against the
latest follow-up under the same module version) and the membership ledger.
"""

from __future__ import annotations

import io
import os
from decimal import Decimal
from typing import Any

from compagnonnage._files import write_atomically
from compagnonnage._i18n import Lang, _p, enum_label
from compagnonnage.errors import MissingExtraError
from compagnonnage.model import Programme
from compagnonnage.results._ledger import key_figures
from compagnonnage.results._progress import capacity_progress, progress

# Sheet titles and column headers have a context of their own: short words ("date",
# "level", "target") that other places of the library may translate otherwise. A
# sheet title has at most 31 characters, none of []:*?/\\ (Excel's limits).
_SHEETS = {
    "indicators": _p("results sheet", "Indicators"),
    "capacity": _p("results sheet", "Capacity"),
    "membership": _p("results sheet", "Membership"),
}
_HEADERS = {
    "indicators": (
        _p("results column", "id"),
        _p("results column", "indicator"),
        _p("results column", "level"),
        _p("results column", "measure"),
        _p("results column", "unit"),
        _p("results column", "baseline"),
        _p("results column", "target"),
        _p("results column", "target period"),
        _p("results column", "latest value"),
        _p("results column", "date"),
        _p("results column", "share of target reached"),
        _p("results column", "on track"),
        _p("results column", "not measured: reason"),
    ),
    "capacity": (
        _p("results column", "module"),
        _p("results column", "version"),
        _p("results column", "dimension"),
        _p("results column", "diagnostic"),
        _p("results column", "latest follow-up"),
        _p("results column", "desired level"),
    ),
    "membership": (
        _p("results column", "date"),
        _p("results column", "registered"),
        _p("results column", "card holders"),
        _p("results column", "paying members"),
        _p("results column", "service users"),
        _p("results column", "paying share"),
        _p("results column", "growth"),
        _p("results column", "illustrative"),
    ),
}

# The columns holding a share (0.42): numbers in the cell, shown as a percentage by the
# spreadsheet, in its user's own way (42 %, 42%), like the dates and the counts.
_PERCENT_COLUMNS = {"indicators": (10,), "capacity": (), "membership": (5, 6)}
_PERCENT_FORMAT = "0%"


def _cell(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _rows(programme: Programme, lang: Lang) -> dict[str, list[list[Any]]]:
    results = programme.results
    indicators = []
    for ind in results.indicators:
        pr = progress(ind, results)
        latest = ind.latest
        indicators.append(
            [
                ind.id,
                ind.title,
                enum_label(ind.level, lang),
                enum_label(ind.measure, lang),
                ind.unit,
                _cell(pr.baseline),
                _cell(pr.target),
                pr.target_period_id,
                None if latest is None else _cell(latest.value),
                None if latest is None else latest.on,
                _cell(pr.share),
                pr.on_track,
                None if ind.not_measured is None else ind.not_measured.reason,
            ]
        )
    capacity = [
        [d.module_id, d.module_version, d.dimension_id, d.baseline, d.follow_up, d.desired]
        for d in capacity_progress(programme)
    ]
    ledger = programme.beneficiary.ledger
    membership = [
        [
            m.as_of,
            m.registered,
            m.card_holders,
            m.paying_members,
            m.service_users,
            _cell(f.paying_share),
            _cell(f.growth),
            m.illustrative,
        ]
        for m, f in zip(ledger, key_figures(ledger), strict=True)
    ]
    return {"indicators": indicators, "capacity": capacity, "membership": membership}


def workbook_bytes(programme: Programme, lang: Lang = "fr") -> bytes:
    """The ``.xlsx`` workbook of ``programme``'s results, headers in ``lang``.

    Values stay what they are, for the spreadsheet to compute with and to show in
    its user's own way: numbers, dates, ``TRUE``/``FALSE``, shares as percentages.
    The words (sheet titles, headers, the model's terms) are in ``lang``.

    Raises :class:`MissingExtraError` when openpyxl (the ``results`` extra) is missing.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("results", "openpyxl") from None
    book = Workbook()
    first = True
    for key, rows in _rows(programme, lang).items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = _SHEETS[key](lang)
        sheet.append([h(lang) for h in _HEADERS[key]])
        for row in rows:
            sheet.append(row)
        for column in _PERCENT_COLUMNS[key]:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cell.number_format = _PERCENT_FORMAT
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(programme: Programme, path: str | os.PathLike[str], lang: Lang = "fr") -> None:
    """Write the workbook of :func:`workbook_bytes` to ``path`` atomically."""
    write_atomically(path, workbook_bytes(programme, lang))
