"""Results records for the builder, and one defect planter per results rule (RES-001 …).

:func:`build_results` and :func:`build_ledger` take their choices from the
builder's :class:`~compagnonnage.testing._builder.Source`, so hypothesis draws
and seeded random sources both make them. What they build breaks no results
rule: every recommendation is tracked, baselines and targets come first,
values lie in their periods and on their scales, a closed programme has a final
value (or a reasoned "not measured") for every indicator.

How many records they make is a :class:`ResultsShape`; :data:`MEDIUM` is the
shape of the benchmarks' medium programmes, and :func:`with_results_shape`
gives a generated programme a results record and a ledger of another shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from compagnonnage.model import (
    ActionStatus,
    Baseline,
    CapacityRef,
    CapacityScore,
    Diagnostic,
    Disaggregation,
    FollowUp,
    HistoryEntry,
    Indicator,
    Measure,
    Measurement,
    Membership,
    ModuleUse,
    NotMeasured,
    Operation,
    Period,
    Programme,
    Recommendation,
    ReportingPeriod,
    ResultLevel,
    Results,
    Stage,
    SupportAction,
    Target,
)

if TYPE_CHECKING:
    from compagnonnage.testing._builder import Source

_MODULE = ModuleUse(module_id="consular-chamber", version="1.0", low=1, high=4)
_PERIOD_DAYS = 180
_MEASURES = (Measure.COUNT, Measure.PERCENTAGE, Measure.MILESTONE)


@frozen(kw_only=True)
class ResultsShape:
    """How many results records the builder makes; the defaults vary them widely."""

    periods: tuple[int, int] = (1, 4)
    """The fewest and most reporting periods."""
    indicators: int | None = None
    """How many indicators at most, the recommendations shared out among them round
    robin (every one tracked); ``None`` for one indicator per recommendation."""
    follow_up: bool = False
    """Whether a follow-up assessment is always made once values are measured
    (otherwise one is made half the time, when the diagnostic scored the body)."""
    ledger: tuple[int, int] = (1, 5)
    """The fewest and most points of the membership ledger."""


MEDIUM = ResultsShape(periods=(4, 4), indicators=15, follow_up=True, ledger=(5, 5))
"""The medium programme of issue 12's benchmark: 15 indicators, 4 periods, a
follow-up and a 5-point ledger."""


def build_ledger(
    src: Source, *, start: dt.date, points: tuple[int, int] = (1, 5)
) -> tuple[Membership, ...]:
    """``points`` (fewest, most) yearly membership points, the last a year before ``start``."""
    n = src.integer(*points)
    registered = src.integer(0, 50_000)
    ledger = []
    for i in range(n):
        registered += src.integer(0, 5_000) if i else 0
        ledger.append(
            Membership(
                registered=registered,
                paying_members=src.integer(0, registered),
                card_holders=src.integer(0, registered) if src.integer(0, 1) else None,
                service_users=src.integer(0, 10_000) if src.integer(0, 1) else None,
                as_of=dt.date(start.year - n + i, 12, 31),
            )
        )
    return tuple(ledger)


def _value(src: Source, measure: Measure) -> Decimal:
    if measure is Measure.PERCENTAGE:
        return Decimal(src.integer(0, 100))
    if measure is Measure.MILESTONE:
        return Decimal(src.integer(0, 1))
    if measure is Measure.CAPACITY_LEVEL:
        return Decimal(src.integer(_MODULE.low, _MODULE.high))
    return Decimal(src.integer(0, 5_000))


def _split(src: Source, total: Decimal) -> tuple[Disaggregation, ...]:
    women = Decimal(src.integer(0, int(total)))
    return (
        Disaggregation(axis="sex", group="women", value=women),
        Disaggregation(axis="sex", group="men", value=total - women),
    )


def _measurement(
    src: Source, measure: Measure, period: ReportingPeriod, limit: dt.date, *, final: bool
) -> Measurement:
    last = min(period.period.end, limit)
    on = period.period.start + dt.timedelta(days=src.integer(0, (last - period.period.start).days))
    value = _value(src, measure)
    split = measure is Measure.COUNT and src.integer(0, 1) == 1
    return Measurement(
        period_id=period.id,
        on=on,
        value=value,
        source="Rapport de suivi",
        recorded_by="exp-1",
        disaggregations=_split(src, value) if split else (),
        final=final,
    )


def _indicator(
    src: Source,
    n: int,
    recs: Sequence[Recommendation],
    *,
    measure: Measure,
    capacity: CapacityRef | None,
    actions: Sequence[SupportAction],
    periods: Sequence[ReportingPeriod],
    baseline_on: dt.date,
    limit: dt.date | None,
    closed: bool,
) -> Indicator:
    measured = [r for r in periods if limit is not None and r.period.start <= limit]
    values: list[Measurement] = []
    not_measured = None
    if measured and limit is not None:
        for r in measured[: src.integer(0, len(measured))]:
            values.append(_measurement(src, measure, r, limit, final=False))
        if closed:
            if src.integer(0, 3):
                values.append(_measurement(src, measure, measured[-1], limit, final=True))
            else:
                not_measured = NotMeasured(reason="Enquête non conduite", on=limit)
    return Indicator(
        id=f"ind-{n}",
        title=f"Indicateur {n}",
        level=src.pick(tuple(ResultLevel)),
        measure=measure,
        unit="%" if measure is Measure.PERCENTAGE else None,
        cumulative=src.integer(0, 1) == 1,
        recommendation_ids=tuple(r.id for r in recs),
        action_ids=tuple(a.id for a in actions if any(r.id in a.answers for r in recs)),
        capacity=capacity,
        baseline=Baseline(value=_value(src, measure), on=baseline_on, source="Diagnostic"),
        targets=(Target(period_id=periods[-1].id, value=_value(src, measure)),),
        values=tuple(values),
        not_measured=not_measured,
    )


def build_results(
    src: Source,
    *,
    stage: Stage,
    diagnostic: Diagnostic,
    actions: Sequence[SupportAction],
    start: dt.date,
    limit: dt.date | None,
    shape: ResultsShape = ResultsShape(),
) -> Results:
    """A results record for a programme at ``stage`` whose diagnostic began on ``start``.

    One indicator per recommendation, or ``shape.indicators`` sharing them (a
    capacity indicator for the first scored dimension, when there is one);
    values dated up to ``limit`` (``None``: no value yet); a follow-up
    assessment on ``limit`` once the accompaniment runs.
    """
    if stage.rank < Stage.DIAGNOSTIC.rank:
        return Results()
    periods = tuple(
        ReportingPeriod(
            id=f"per-{i}",
            period=Period(
                start=start + dt.timedelta(days=i * _PERIOD_DAYS),
                end=start + dt.timedelta(days=(i + 1) * _PERIOD_DAYS - 1),
            ),
        )
        for i in range(src.integer(*shape.periods))
    )
    scored = [s for s in diagnostic.scores if s.module_id == _MODULE.module_id]
    recommendations = diagnostic.recommendations
    share = len(recommendations) if shape.indicators is None else shape.indicators
    share = max(1, min(share, len(recommendations)))
    groups = [recommendations[i::share] for i in range(share)] if recommendations else []
    indicators = []
    for n, recs in enumerate(groups, start=1):
        capacity = None
        measure = src.pick(_MEASURES)
        if n == 1 and scored:
            measure = Measure.CAPACITY_LEVEL
            capacity = CapacityRef(
                module_id=_MODULE.module_id,
                module_version=_MODULE.version,
                dimension_id=scored[0].dimension_id,
            )
        indicators.append(
            _indicator(
                src,
                n,
                recs,
                measure=measure,
                capacity=capacity,
                actions=actions,
                periods=periods,
                baseline_on=start,
                limit=limit,
                closed=stage is Stage.CLOSED,
            )
        )
    follow_ups: tuple[FollowUp, ...] = ()
    if limit is not None and (shape.follow_up or (scored and src.integer(0, 1))):
        if not scored:
            from compagnonnage.testing._builder import CONSULAR_DIMENSIONS

            scored = [
                CapacityScore(
                    module_id=_MODULE.module_id,
                    dimension_id=CONSULAR_DIMENSIONS[0],
                    level=_MODULE.low,
                    evidence=("Entretien de suivi",),
                )
            ]
        follow_ups = (
            FollowUp(
                id="fu-1",
                module_id=_MODULE.module_id,
                module_version=_MODULE.version,
                on=limit,
                scores=tuple(
                    attrs.evolve(s, level=src.integer(_MODULE.low, _MODULE.high)) for s in scored
                ),
                respondent_ids=("off-1",),
            ),
        )
    return Results(
        periods=periods,
        modules=(_MODULE,),
        indicators=tuple(indicators),
        follow_ups=follow_ups,
    )


def with_results_shape(p: Programme, src: Source, shape: ResultsShape) -> Programme:
    """``p``, a programme the builder made, with a results record and a ledger of ``shape``.

    Built afresh from ``src``, as :func:`build_results` and :func:`build_ledger`
    build them: values up to 120 days into the accompaniment (the closing day of
    a closed programme), the ledger ending a year before the planned start.
    """
    entered = p.entered(Stage.DIAGNOSTIC)
    start = entered.date() if entered is not None else p.history[-1].at.date()
    limit = None
    closed, accompanied = p.entered(Stage.CLOSED), p.entered(Stage.ACCOMPANIMENT)
    if p.stage is Stage.CLOSED and closed is not None:
        limit = closed.date()
    elif p.stage is Stage.ACCOMPANIMENT and accompanied is not None:
        limit = accompanied.date() + dt.timedelta(days=src.integer(0, 120))
    results = build_results(
        src,
        stage=p.stage,
        diagnostic=p.diagnostic,
        actions=p.accompaniment.actions,
        start=start,
        limit=limit,
        shape=shape,
    )
    planned = p.planned.start if p.planned is not None else start
    ledger = build_ledger(src, start=planned, points=shape.ledger)
    return attrs.evolve(p, results=results, beneficiary=attrs.evolve(p.beneficiary, ledger=ledger))


# -- defect planters ------------------------------------------------------------------

Planter = Callable[[Programme], Programme]


def _results(p: Programme, **changes: Any) -> Programme:
    return attrs.evolve(p, results=attrs.evolve(p.results, **changes))


def _with_indicator(p: Programme, **fields: Any) -> Programme:
    """``p`` with one more indicator, tracking the first recommendation, stated not measured."""
    on = p.results.periods[0].period.start
    base: dict[str, Any] = {
        "not_measured": NotMeasured(reason="Indicateur planté", on=on),
        "id": "ind-planted",
        "title": "Indicateur planté",
        "level": ResultLevel.OUTPUT,
        "measure": Measure.COUNT,
        "recommendation_ids": (p.diagnostic.recommendations[0].id,),
    }
    base.update(fields)
    return _results(p, indicators=(*p.results.indicators, Indicator(**base)))


def _evolve_first_indicator(p: Programme, **changes: Any) -> Programme:
    first, *rest = p.results.indicators
    return _results(p, indicators=(attrs.evolve(first, **changes), *rest))


def _untimely_indicator(p: Programme) -> Programme:
    """RES-001: an indicator following a started action, with a target but no baseline."""
    closed = p.entered(Stage.ACCOMPANIMENT)
    assert closed is not None
    first, *rest = p.accompaniment.actions
    if not first.status.started:
        day = closed.date() if first.period is None else first.period.start
        period = first.period or Period(start=day, end=day)
        first = attrs.evolve(first, status=ActionStatus.IN_PROGRESS, period=period)
        acc = attrs.evolve(p.accompaniment, actions=(first, *rest))
        p = attrs.evolve(p, accompaniment=acc)
    target = Target(period_id=p.results.periods[-1].id, value=Decimal(1))
    return _with_indicator(
        p, recommendation_ids=(first.answers[0],), action_ids=(first.id,), targets=(target,)
    )


def _future_value(p: Programme) -> Programme:
    """RES-002: a value dated in 2999, inside a reporting period of that year."""
    ind = p.results.indicators[0]
    assert ind.baseline is not None
    day = dt.date(2999, 1, 1)
    period = ReportingPeriod(id="per-planted", period=Period(start=day, end=day))
    late = Measurement(period_id=period.id, on=day, value=ind.baseline.value)
    p = _results(p, periods=(*p.results.periods, period))
    return _evolve_first_indicator(p, values=(*ind.values, late))


def _percentage_above_hundred(p: Programme) -> Programme:
    """RES-003: a percentage indicator whose baseline is 150."""
    on = p.results.periods[0].period.start
    return _with_indicator(
        p, measure=Measure.PERCENTAGE, baseline=Baseline(value=Decimal(150), on=on)
    )


def _unused_module_version(p: Programme) -> Programme:
    """RES-004: a capacity indicator naming a module version the programme never used."""
    ref = CapacityRef(module_id="consular-chamber", module_version="0.9", dimension_id="dim-1")
    return _with_indicator(p, measure=Measure.CAPACITY_LEVEL, capacity=ref)


def _more_paying_than_registered(p: Programme) -> Programme:
    """RES-005: the last membership point counts more paying members than registered."""
    body = p.beneficiary
    *earlier, last = body.ledger
    wrong = attrs.evolve(last, paying_members=last.registered + 1)
    return attrs.evolve(p, beneficiary=attrs.evolve(body, ledger=(*earlier, wrong)))


def _untracked_recommendation(p: Programme) -> Programme:
    """RES-006: a recommendation no indicator tracks."""
    d = p.diagnostic
    rec = Recommendation(
        id="rec-planted", statement="Préconisation plantée", cites=(d.issues[0].id,)
    )
    return attrs.evolve(p, diagnostic=attrs.evolve(d, recommendations=(*d.recommendations, rec)))


def _closed_unmeasured(p: Programme) -> Programme:
    """RES-007: a closed programme (closed here if need be) whose first indicator has no final value."""
    if p.stage is not Stage.CLOSED:
        last = p.history[-1]
        entry = HistoryEntry(
            operation=Operation.CLOSE,
            at=last.at + dt.timedelta(hours=1),
            by=last.by,
            from_stage=p.stage,
            to_stage=Stage.CLOSED,
        )
        p = attrs.evolve(p, stage=Stage.CLOSED, history=(*p.history, entry))
    ind = p.results.indicators[0]
    values = tuple(attrs.evolve(m, final=False) for m in ind.values)
    return _evolve_first_indicator(p, values=values, not_measured=None)


def _ghost_recommendation(p: Programme) -> Programme:
    """RES-008: an indicator tracking a recommendation that does not exist."""
    ind = p.results.indicators[0]
    return _evolve_first_indicator(p, recommendation_ids=(*ind.recommendation_ids, "rec-ghost"))


RESULTS_DEFECTS: dict[str, tuple[Stage, int, Planter]] = {
    "RES-001": (Stage.ACCOMPANIMENT, 1, _untimely_indicator),
    "RES-002": (Stage.DIAGNOSTIC, 0, _future_value),
    "RES-003": (Stage.DIAGNOSTIC, 0, _percentage_above_hundred),
    "RES-004": (Stage.DIAGNOSTIC, 0, _unused_module_version),
    "RES-005": (Stage.DRAFT, 0, _more_paying_than_registered),
    "RES-006": (Stage.ACCOMPANIMENT, 0, _untracked_recommendation),
    "RES-007": (Stage.CLOSED, 0, _closed_unmeasured),
    "RES-008": (Stage.DIAGNOSTIC, 0, _ghost_recommendation),
}
"""For each results rule: the stage it needs, the support actions it needs, its planter."""
