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
from compagnonnage._i18n import Lang, _, enum_label
from compagnonnage.errors import MissingExtraError
from compagnonnage.model import Programme
from compagnonnage.results._ledger import key_figures
from compagnonnage.results._progress import capacity_progress, progress

_SHEETS = {
    "indicators": _("Indicators"),
    "capacity": _("Capacity"),
    "membership": _("Membership"),
}
_HEADERS = {
    "indicators": (
        _("id"),
        _("indicator"),
        _("level"),
        _("measure"),
        _("unit"),
        _("baseline"),
        _("target"),
        _("target period"),
        _("latest value"),
        _("date"),
        _("share of target reached"),
        _("on track"),
        _("not measured: reason"),
    ),
    "capacity": (
        _("module"),
        _("version"),
        _("dimension"),
        _("diagnostic"),
        _("latest follow-up"),
        _("desired level"),
    ),
    "membership": (
        _("date"),
        _("registered"),
        _("card holders"),
        _("paying members"),
        _("service users"),
        _("paying share"),
        _("growth"),
        _("illustrative"),
    ),
}


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
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(programme: Programme, path: str | os.PathLike[str], lang: Lang = "fr") -> None:
    """Write the workbook of :func:`workbook_bytes` to ``path`` atomically."""
    write_atomically(path, workbook_bytes(programme, lang))
