"""A programme's results as IATI ``result`` elements: each indicator with its baseline,
and per reporting period its target and actual values.

A capacity indicator becomes an outcome result with an ordinal indicator
(``measure="4"``): its baseline is the one recorded, else the diagnostic's level
for its dimension (dated when the diagnostic closed); a period's actual value is
the value measured in it, else the latest follow-up level in it under the same
module version. Counts are measure 1, percentages 2, a milestone is nominal (3);
a qualitative indicator (5) carries no value, only its notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from compagnonnage.model import (
    Direction,
    Indicator,
    Measure,
    Measurement,
    Programme,
    ReportingPeriod,
    ResultLevel,
    Stage,
)

if TYPE_CHECKING:
    from lxml import etree

    from compagnonnage.iati._export import _Builder

RESULT_TYPES = {ResultLevel.OUTPUT: "1", ResultLevel.OUTCOME: "2", ResultLevel.IMPACT: "3"}
MEASURES = {
    Measure.COUNT: "1",
    Measure.PERCENTAGE: "2",
    Measure.MILESTONE: "3",
    Measure.CAPACITY_LEVEL: "4",
    Measure.QUALITATIVE: "5",
}


def number(value: Decimal) -> str:
    """A decimal as IATI writes it: ``12`` for twelve, ``12.5`` for twelve and a half."""
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def results_final(p: Programme) -> bool:
    """Whether every indicator has a final value or a reasoned "not measured"."""
    return all(i.final is not None or i.not_measured is not None for i in p.results.indicators)


def _baseline(p: Programme, indicator: Indicator) -> tuple[Decimal, dt.date] | None:
    if indicator.baseline is not None:
        return indicator.baseline.value, indicator.baseline.on
    ref = indicator.capacity
    closed = p.entered(Stage.ACCOMPANIMENT)
    if ref is None or closed is None:
        return None
    for s in p.diagnostic.scores:
        if s.module_id == ref.module_id and s.dimension_id == ref.dimension_id:
            return Decimal(s.level), closed.date()
    return None


def _follow_up_levels(p: Programme, indicator: Indicator) -> list[tuple[dt.date, Decimal]]:
    ref = indicator.capacity
    if ref is None:
        return []
    return sorted(
        (f.on, Decimal(s.level))
        for f in p.results.follow_ups
        if (f.module_id, f.module_version) == (ref.module_id, ref.module_version)
        for s in f.scores
        if s.dimension_id == ref.dimension_id
    )


def _in(period: ReportingPeriod, day: dt.date) -> bool:
    return period.period.start <= day <= period.period.end


def _value(value: Decimal | None, qualitative: bool) -> str | None:
    return None if qualitative or value is None else number(value)


def _actuals(b: _Builder, parent: etree._Element, m: Measurement, qualitative: bool) -> None:
    """The total, then one ``actual`` per disaggregated part with its ``dimension``."""
    total = b.sub(parent, "actual", value=_value(m.value, qualitative))
    if m.note is not None:
        b.narratives(b.sub(total, "comment"), m.note)
    for d in m.disaggregations:
        part = b.sub(parent, "actual", value=_value(d.value, qualitative))
        b.sub(part, "dimension", name=d.axis, value=d.group)


def _periods(
    p: Programme, indicator: Indicator
) -> Iterator[tuple[ReportingPeriod, Decimal | None, Measurement | None, Decimal | None]]:
    targets = {t.period_id: t.value for t in indicator.targets}
    levels = _follow_up_levels(p, indicator)
    for period in p.results.periods:
        measured = [m for m in indicator.values if m.period_id == period.id]
        latest = max(measured, key=lambda m: m.on) if measured else None
        followed = [level for on, level in levels if _in(period, on)]
        level = followed[-1] if followed and latest is None else None
        if period.id in targets or latest is not None or level is not None:
            yield period, targets.get(period.id), latest, level


def _indicator(b: _Builder, parent: etree._Element, p: Programme, indicator: Indicator) -> None:
    qualitative = indicator.measure is Measure.QUALITATIVE
    ascending = "1" if indicator.direction is Direction.ASCENDING else "0"
    el = b.sub(
        parent,
        "indicator",
        measure=MEASURES[indicator.measure],
        ascending=None if qualitative else ascending,
    )
    b.narratives(b.sub(el, "title"), indicator.title)
    if indicator.not_measured is not None:
        b.narratives(b.sub(el, "description"), indicator.not_measured.reason)
    baseline = _baseline(p, indicator)
    if baseline is not None:
        value, on = baseline
        b.sub(
            el,
            "baseline",
            year=str(on.year),
            iso_date=on.isoformat(),
            value=_value(value, qualitative),
        )
    for period, target, latest, level in _periods(p, indicator):
        pe = b.sub(el, "period")
        b.sub(pe, "period-start", iso_date=period.period.start.isoformat())
        b.sub(pe, "period-end", iso_date=period.period.end.isoformat())
        if target is not None:
            b.sub(pe, "target", value=_value(target, qualitative))
        if latest is not None:
            _actuals(b, pe, latest, qualitative)
        elif level is not None:
            b.sub(pe, "actual", value=_value(level, qualitative))


def add_results(b: _Builder, activity: etree._Element, p: Programme) -> None:
    """Append one ``result`` per indicator of ``p`` to ``activity``."""
    for indicator in p.results.indicators:
        level = ResultLevel.OUTCOME if indicator.capacity is not None else indicator.level
        result = b.sub(activity, "result", type=RESULT_TYPES[level], aggregation_status="0")
        b.narratives(b.sub(result, "title"), indicator.title)
        _indicator(b, result, p, indicator)
