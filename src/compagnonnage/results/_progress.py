"""Progress of an indicator towards its target, and of capacity from diagnostic to follow-up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from attrs import frozen

from compagnonnage.model import Direction, Indicator, Measure, Programme, Results

_ZERO, _ONE = Decimal(0), Decimal(1)
_COUNT, _QUALITATIVE, _ASCENDING = Measure.COUNT, Measure.QUALITATIVE, Direction.ASCENDING
"""Looked up once: a portfolio reads the progress of every indicator of every programme."""


@frozen(kw_only=True)
class Progress:
    """Where an indicator stands against its target.

    :ivar target: the target of the latest reporting period that has one.
    :ivar achieved: the value read against the target: the latest value, or for
        a count that is not cumulative the sum of each period's latest value.
    :ivar share: the share of the way from the baseline to the target, between
        0 and 1 (1 exactly when the target is reached); ``None`` when a number is
        missing or the target does not lie beyond the baseline in the
        indicator's direction.
    :ivar on_track: whether the share keeps up with the time elapsed between the
        baseline and the end of the target's period (``True`` once reached).
    """

    indicator_id: str
    baseline: Decimal | None
    target: Decimal | None
    target_period_id: str | None
    achieved: Decimal | None
    share: Decimal | None
    reached: bool | None
    on_track: bool | None


def _achieved(indicator: Indicator) -> Decimal | None:
    numbers = [m for m in indicator.values if m.value is not None]
    if not numbers:
        return None
    if indicator.measure is _COUNT and not indicator.cumulative:
        latest: dict[str, tuple[dt.date, Decimal]] = {}
        for m in numbers:
            assert m.value is not None
            if m.period_id not in latest or m.on >= latest[m.period_id][0]:
                latest[m.period_id] = (m.on, m.value)
        return sum((v for _, v in latest.values()), _ZERO)
    value = max(numbers, key=lambda m: m.on).value
    assert value is not None
    return value


def progress(indicator: Indicator, results: Results, *, on: dt.date | None = None) -> Progress:
    """The progress of ``indicator`` (one of ``results``' indicators) on day ``on``.

    ``on`` defaults to the date of the latest value. A qualitative indicator has
    no share and no track.

    >>> from compagnonnage.example import togo_programme
    >>> p = togo_programme()
    >>> register = p.results.indicators[0]
    >>> result = progress(register, p.results)
    >>> result.achieved, result.target, result.reached, result.on_track
    (Decimal('21300'), Decimal('20000'), True, True)
    """
    periods = results.periods_by_id
    dated = [t for t in indicator.targets if t.period_id in periods]
    target = max(dated, key=lambda t: periods[t.period_id].period.end) if dated else None
    baseline = indicator.baseline.value if indicator.baseline is not None else None
    qualitative = indicator.measure is _QUALITATIVE
    achieved = None if qualitative else _achieved(indicator)
    if qualitative or target is None or achieved is None:
        return Progress(
            indicator_id=indicator.id,
            baseline=baseline,
            target=target.value if target else None,
            target_period_id=target.period_id if target else None,
            achieved=achieved,
            share=None,
            reached=None,
            on_track=None,
        )
    sign = 1 if indicator.direction is _ASCENDING else -1
    reached = sign * (achieved - target.value) >= 0
    share = None
    if baseline is not None and sign * (target.value - baseline) > 0:
        share = min(_ONE, max(_ZERO, (achieved - baseline) / (target.value - baseline)))
        if reached:
            share = _ONE
        elif share == _ONE:  # rounding cannot say more than the values
            share = Decimal("0.9999")
    on_track: bool | None = True if reached else None
    if not reached and share is not None and indicator.baseline is not None:
        day = on if on is not None else max(m.on for m in indicator.values)
        start, end = indicator.baseline.on, periods[target.period_id].period.end
        span = (end - start).days
        elapsed = _ONE if span <= 0 else Decimal(min(max((day - start).days, 0), span)) / span
        on_track = share >= elapsed
    return Progress(
        indicator_id=indicator.id,
        baseline=baseline,
        target=target.value,
        target_period_id=target.period_id,
        achieved=achieved,
        share=share,
        reached=reached,
        on_track=on_track,
    )


@frozen(kw_only=True)
class DimensionProgress:
    """One capacity dimension: the diagnostic's level and the latest follow-up's, same version."""

    module_id: str
    module_version: str
    dimension_id: str
    baseline: int
    desired: int | None
    follow_up_id: str | None
    follow_up: int | None


def capacity_progress(programme: Programme) -> tuple[DimensionProgress, ...]:
    """Per dimension scored at the diagnostic, its level then and at the latest follow-up.

    The diagnostic scored with the first version of its module recorded in
    :attr:`~compagnonnage.model.Results.modules`; a follow-up under another version is never compared
    (its dimension shows no follow-up level). A module with no recorded version
    is left out: nothing says which scale its levels are on.
    """
    results = programme.results
    rows = []
    for score in programme.diagnostic.scores:
        use = next((m for m in results.modules if m.module_id == score.module_id), None)
        if use is None:
            continue
        same = [
            f
            for f in results.follow_ups
            if (f.module_id, f.module_version) == (use.module_id, use.version)
            and any(s.dimension_id == score.dimension_id for s in f.scores)
        ]
        latest = max(same, key=lambda f: f.on) if same else None
        level = (
            None
            if latest is None
            else next(s.level for s in latest.scores if s.dimension_id == score.dimension_id)
        )
        rows.append(
            DimensionProgress(
                module_id=use.module_id,
                module_version=use.version,
                dimension_id=score.dimension_id,
                baseline=score.level,
                desired=score.desired,
                follow_up_id=latest.id if latest else None,
                follow_up=level,
            )
        )
    return tuple(rows)
