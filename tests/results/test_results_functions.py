"""The results room: traceability, progress, capacity progress and membership key figures."""

from __future__ import annotations

import datetime as dt
import doctest
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

import compagnonnage.results._ledger
import compagnonnage.results._progress
import compagnonnage.results._trace
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    Baseline,
    CapacityScore,
    Direction,
    FollowUp,
    Indicator,
    Measure,
    Measurement,
    Membership,
    Period,
    Programme,
    ReportingPeriod,
    ResultLevel,
    Results,
    Stage,
    Target,
)
from compagnonnage.results import capacity_progress, growth, key_figures, progress, traceability
from compagnonnage.testing.strategies import programmes

PERIODS = (
    ReportingPeriod(id="p1", period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))),
    ReportingPeriod(id="p2", period=Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))),
)
RESULTS = Results(periods=PERIODS)
_numbers = st.integers(-1_000, 1_000).map(Decimal)


def _indicator(
    baseline: Decimal, target: Decimal, values: list[Decimal], direction: Direction
) -> Indicator:
    return Indicator(
        id="ind",
        title="Indicateur",
        level=ResultLevel.OUTCOME,
        measure=Measure.COUNT,
        direction=direction,
        baseline=Baseline(value=baseline, on=dt.date(2024, 1, 1)),
        targets=(Target(period_id="p2", value=target),),
        values=tuple(
            Measurement(period_id="p1", on=dt.date(2024, 2, 1) + dt.timedelta(days=i), value=v)
            for i, v in enumerate(values)
        ),
    )


def test_the_doctests_of_the_room_hold() -> None:
    for module in (
        compagnonnage.results._trace,
        compagnonnage.results._progress,
        compagnonnage.results._ledger,
    ):
        failed, tried = doctest.testmod(module)
        assert tried > 0
        assert failed == 0


@given(programmes(stage=st.sampled_from(list(Stage))))
def test_every_recommendation_has_one_row_with_its_chain(p: Programme) -> None:
    rows = traceability(p)
    assert [r.recommendation_id for r in rows] == [r.id for r in p.diagnostic.recommendations]
    for row in rows:
        for a in row.action_ids:
            assert any(
                x.id == a and row.recommendation_id in x.answers for x in p.accompaniment.actions
            )
        for t in row.indicators:
            ind = next(i for i in p.results.indicators if i.id == t.indicator_id)
            assert row.recommendation_id in ind.recommendation_ids
            assert t.latest == ind.latest


@given(_numbers, _numbers, st.lists(_numbers, min_size=1, max_size=4))
def test_progress_never_says_more_than_the_values(
    baseline: Decimal, target: Decimal, values: list[Decimal]
) -> None:
    pr = progress(_indicator(baseline, target, values, Direction.ASCENDING), RESULTS)
    assert pr.achieved == values[-1]
    assert pr.reached == (values[-1] >= target)
    if target <= baseline:
        assert pr.share is None
        return
    assert pr.share is not None
    assert 0 <= pr.share <= 1
    assert (pr.share == 1) == (values[-1] >= target)
    assert (pr.share == 0) == (values[-1] <= baseline)


@given(_numbers, _numbers, st.lists(_numbers, min_size=1, max_size=4))
def test_a_descending_indicator_reads_the_other_way(
    baseline: Decimal, target: Decimal, values: list[Decimal]
) -> None:
    down = progress(_indicator(baseline, target, values, Direction.DESCENDING), RESULTS)
    up = progress(
        _indicator(-baseline, -target, [-v for v in values], Direction.ASCENDING), RESULTS
    )
    assert (down.share, down.reached, down.on_track) == (up.share, up.reached, up.on_track)


@given(_numbers, st.integers(1, 1_000).map(Decimal), st.integers(0, 364))
def test_on_track_follows_the_time_elapsed(baseline: Decimal, gap: Decimal, day: int) -> None:
    ind = _indicator(baseline, baseline + gap, [baseline + gap / 2], Direction.ASCENDING)
    on = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    pr = progress(ind, RESULTS, on=on)
    elapsed = Decimal(day) / (dt.date(2025, 12, 31) - dt.date(2024, 1, 1)).days
    assert pr.on_track == (pr.share is not None and pr.share >= elapsed)


@given(st.lists(st.integers(0, 50), min_size=1, max_size=6))
def test_a_count_that_is_not_cumulative_adds_each_periods_latest(values: list[int]) -> None:
    readings = tuple(
        Measurement(
            period_id=PERIODS[i % 2].id,
            on=PERIODS[i % 2].period.start + dt.timedelta(days=i),
            value=Decimal(v),
        )
        for i, v in enumerate(values)
    )
    ind = attrs.evolve(
        _indicator(Decimal(0), Decimal(100), [], Direction.ASCENDING),
        cumulative=False,
        values=readings,
    )
    latest = {}
    for m in readings:
        latest[m.period_id] = m.value
    assert progress(ind, RESULTS).achieved == sum(latest.values(), Decimal(0))


def test_a_qualitative_indicator_has_no_progress() -> None:
    ind = attrs.evolve(
        _indicator(Decimal(0), Decimal(1), [Decimal(1)], Direction.ASCENDING),
        measure=Measure.QUALITATIVE,
    )
    pr = progress(ind, RESULTS)
    assert (pr.achieved, pr.share, pr.on_track) == (None, None, None)


def test_capacity_is_compared_under_the_same_module_version_only() -> None:
    p = togo_programme()
    rows = capacity_progress(p)
    assert [r.dimension_id for r in rows] == [s.dimension_id for s in p.diagnostic.scores]
    assert all(r.follow_up_id == "fu-2022-10" for r in rows)
    register = next(r for r in rows if r.dimension_id == "trades-register")
    assert (register.baseline, register.follow_up) == (3, 4)
    other = FollowUp(
        id="fu-v2",
        module_id="consular-chamber",
        module_version="2.0",
        on=dt.date(2023, 1, 1),
        scores=(
            CapacityScore(module_id="consular-chamber", dimension_id="trades-register", level=1),
        ),
    )
    later = attrs.evolve(
        p, results=attrs.evolve(p.results, follow_ups=(*p.results.follow_ups, other))
    )
    assert capacity_progress(later) == rows
    unrecorded = attrs.evolve(p, results=attrs.evolve(p.results, modules=()))
    assert capacity_progress(unrecorded) == ()


_points = st.builds(
    Membership,
    registered=st.integers(0, 1_000),
    paying_members=st.none() | st.integers(0, 1_000),
    service_users=st.none() | st.integers(0, 1_000),
    as_of=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
    dues_revenue=st.none() | st.integers(0, 1_000).map(Decimal),
    service_revenue=st.none() | st.integers(0, 1_000).map(Decimal),
)


@given(st.lists(_points, max_size=6))
def test_key_figures_are_defined_exactly_where_their_inputs_are(
    ledger: list[Membership],
) -> None:
    figures = key_figures(tuple(ledger))
    assert len(figures) == len(ledger)
    for i, (m, f) in enumerate(zip(ledger, figures, strict=True)):
        assert (f.paying_share is None) == (m.paying_members is None or m.registered == 0)
        assert (f.service_uptake is None) == (m.service_users is None or m.registered == 0)
        total = (
            None
            if m.dues_revenue is None or m.service_revenue is None
            else m.dues_revenue + m.service_revenue
        )
        assert (f.services_revenue_share is None) == (total is None or total == 0)
        before = ledger[i - 1] if i else None
        defined = (
            before is not None
            and before.as_of is not None
            and m.as_of is not None
            and before.registered > 0
        )
        assert (f.growth is None) == (not defined)
        if f.growth is not None:
            assert before is not None
            assert f.growth == Decimal(m.registered) / before.registered - 1


def test_growth_between_two_dates_needs_both_points() -> None:
    ledger = togo_programme().beneficiary.ledger
    assert (
        growth(ledger, dt.date(2018, 12, 31), dt.date(2022, 12, 31)) == Decimal(43_000) / 7_055 - 1
    )
    assert growth(ledger, dt.date(2019, 1, 1), dt.date(2022, 12, 31)) is None


def test_the_example_ledger_keeps_its_public_figures_and_marks_the_rest() -> None:
    ledger = togo_programme().beneficiary.ledger
    public = [(m.as_of, m.registered) for m in ledger if not m.illustrative]
    assert public == [(dt.date(2018, 12, 31), 7_055), (dt.date(2022, 12, 31), 43_000)]
    assert [m.illustrative for m in ledger] == [False, False, True, True]
