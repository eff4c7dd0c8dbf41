"""Properties of the results rules (RES-001 … RES-008) and of the results lifecycle operations."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage import check
from compagnonnage import lifecycle as lc
from compagnonnage.errors import InvalidValueError, TransitionRefused, UnknownReferenceError
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    Baseline,
    CapacityRef,
    Disaggregation,
    Indicator,
    Measure,
    Measurement,
    Membership,
    NotMeasured,
    Operation,
    Programme,
    ResultLevel,
    Stage,
    Target,
)
from compagnonnage.rules import RuleContext
from compagnonnage.testing.strategies import programmes

AT = dt.datetime(2030, 1, 1, 9, tzinfo=dt.timezone.utc)
MONITORED = st.sampled_from([Stage.DIAGNOSTIC, Stage.ACCOMPANIMENT, Stage.CLOSED])


def _codes(p: Programme, code: str, *, today: dt.date | None = None) -> list[tuple[str, ...]]:
    ctx = RuleContext() if today is None else RuleContext(clock=lambda: today)
    return [v.subjects for v in check(p, context=ctx) if v.code == code]


def _with_indicators(p: Programme, *indicators: Indicator) -> Programme:
    return attrs.evolve(p, results=attrs.evolve(p.results, indicators=indicators))


# -- what the builder makes ------------------------------------------------------------


@given(programmes(stage=MONITORED))
def test_generated_results_track_every_recommendation_and_close_measured(p: Programme) -> None:
    tracked = {r for i in p.results.indicators for r in i.recommendation_ids}
    assert tracked == p.diagnostic.recommendation_ids
    for indicator in p.results.indicators:
        assert indicator.baseline is not None
        assert indicator.targets
        if p.stage is Stage.CLOSED:
            assert (indicator.final is None) != (indicator.not_measured is None)
    assert not {v.code for v in check(p)} & {f"RES-00{i}" for i in range(1, 9)}


# -- RES-001 ----------------------------------------------------------------------------


@given(programmes(stage=st.just(Stage.ACCOMPANIMENT), min_actions=1), st.integers(1, 400))
def test_a_baseline_dated_after_the_first_followed_start_is_reported(
    p: Programme, days: int
) -> None:
    started = [a for a in p.accompaniment.actions if a.status.started and a.period is not None]
    followed = [i for i in p.results.indicators if set(i.action_ids) & {a.id for a in started}]
    if not followed:
        return
    first = followed[0]
    start = min(a.period.start for a in started if a.id in first.action_ids and a.period)
    assert first.baseline is not None
    late = attrs.evolve(first, baseline=attrs.evolve(first.baseline, on=start + dt.timedelta(days)))
    others = tuple(i for i in p.results.indicators if i.id != first.id)
    found = _codes(_with_indicators(p, late, *others), "RES-001", today=dt.date(2999, 1, 1))
    assert [s[0] for s in found] == [first.id]


# -- RES-002: the injectable clock -------------------------------------------------------


@given(programmes(stage=st.sampled_from([Stage.ACCOMPANIMENT, Stage.CLOSED])), st.integers(0, 60))
def test_values_after_the_clock_are_reported_and_none_before(p: Programme, back: int) -> None:
    dates = [m.on for i in p.results.indicators for m in i.values]
    dates += [i.baseline.on for i in p.results.indicators if i.baseline]
    dates += [f.on for f in p.results.follow_ups]
    latest = max(dates)
    assert _codes(p, "RES-002", today=latest) == []
    today = latest - dt.timedelta(days=back + 1)
    found = _codes(p, "RES-002", today=today)
    late = {i.id for i in p.results.indicators for m in i.values if m.on > today}
    late |= {i.id for i in p.results.indicators if i.baseline and i.baseline.on > today}
    late |= {f.id for f in p.results.follow_ups if f.on > today}
    assert {s[0] for s in found} == late
    assert found


def test_a_value_outside_its_period_is_reported() -> None:
    p = togo_programme()
    ind = next(i for i in p.results.indicators if i.id == "ind-register")
    stray = Measurement(period_id="y2021", on=dt.date(2022, 3, 1), value=Decimal(1))
    p = _with_indicators(p, attrs.evolve(ind, values=(*ind.values, stray)))
    [subjects] = _codes(p, "RES-002")
    assert subjects == ("ind-register", "y2021")


# -- RES-003 ------------------------------------------------------------------------------


@given(st.decimals(min_value=-1000, max_value=1000, places=2))
def test_a_percentage_is_reported_exactly_when_outside_0_to_100(value: Decimal) -> None:
    p = togo_programme()
    ind = next(i for i in p.results.indicators if i.id == "ind-paying-share")
    assert ind.measure is Measure.PERCENTAGE
    p = _with_indicators(p, attrs.evolve(ind, baseline=attrs.evolve(ind.baseline, value=value)))
    assert bool(_codes(p, "RES-003")) == (not 0 <= value <= 100)


@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_a_breakdown_is_reported_exactly_when_it_does_not_add_up(
    total: int, women: int, men: int
) -> None:
    p = togo_programme()
    ind = next(i for i in p.results.indicators if i.id == "ind-officials-trained")
    value = Measurement(
        period_id="y2021",
        on=dt.date(2021, 6, 9),
        value=Decimal(total),
        disaggregations=(
            Disaggregation(axis="sex", group="women", value=Decimal(women)),
            Disaggregation(axis="sex", group="men", value=Decimal(men)),
        ),
    )
    p = _with_indicators(p, attrs.evolve(ind, values=(value,)))
    assert bool(_codes(p, "RES-003")) == (women + men != total)


# -- RES-004 ------------------------------------------------------------------------------


@given(st.decimals(min_value=-10, max_value=10, places=1))
def test_a_capacity_value_is_reported_exactly_when_off_the_module_scale(value: Decimal) -> None:
    p = togo_programme()
    ind = next(i for i in p.results.indicators if i.measure is Measure.CAPACITY_LEVEL)
    use = p.results.modules[0]
    reading = Measurement(period_id="y2022", on=dt.date(2022, 6, 1), value=value)
    p = _with_indicators(p, attrs.evolve(ind, values=(reading,)))
    on_scale = value == value.to_integral_value() and use.low <= value <= use.high
    assert bool(_codes(p, "RES-004")) == (not on_scale)


def test_a_capacity_indicator_without_a_dimension_or_under_another_version_is_reported() -> None:
    p = togo_programme()
    ind = next(i for i in p.results.indicators if i.measure is Measure.CAPACITY_LEVEL)
    assert ind.capacity is not None
    other = attrs.evolve(ind.capacity, module_version="2.0")
    assert _codes(_with_indicators(p, attrs.evolve(ind, capacity=None)), "RES-004") == [(ind.id,)]
    assert _codes(_with_indicators(p, attrs.evolve(ind, capacity=other)), "RES-004") == [(ind.id,)]


# -- RES-005 ------------------------------------------------------------------------------

_points = st.builds(
    Membership,
    registered=st.integers(0, 100),
    paying_members=st.none() | st.integers(0, 120),
    card_holders=st.none() | st.integers(0, 120),
    as_of=st.dates(dt.date(2018, 1, 1), dt.date(2018, 1, 10)),
)


@given(st.lists(_points, max_size=5))
def test_a_ledger_is_reported_exactly_when_incoherent(ledger: list[Membership]) -> None:
    p = togo_programme()
    p = attrs.evolve(p, beneficiary=attrs.evolve(p.beneficiary, ledger=tuple(ledger)))
    above = any(
        n is not None and n > m.registered
        for m in ledger
        for n in (m.paying_members, m.card_holders)
    )
    dates = [m.as_of for m in ledger]
    unordered = any(b >= a for a, b in zip(dates[1:], dates, strict=False))
    assert bool(_codes(p, "RES-005")) == (above or unordered)


def test_an_undated_point_is_allowed_only_alone() -> None:
    p = togo_programme()
    alone = attrs.evolve(p.beneficiary, ledger=(Membership(registered=10),))
    assert _codes(attrs.evolve(p, beneficiary=alone), "RES-005") == []
    two = attrs.evolve(alone, ledger=(*alone.ledger, *p.beneficiary.ledger))
    assert _codes(attrs.evolve(p, beneficiary=two), "RES-005") == [("ucrm-togo",)]


# -- RES-006, RES-007, RES-008 --------------------------------------------------------------


@given(programmes(stage=st.sampled_from([Stage.ACCOMPANIMENT, Stage.CLOSED])), st.data())
def test_untracking_a_recommendation_warns_for_it_alone(p: Programme, data: st.DataObject) -> None:
    rec = data.draw(st.sampled_from(sorted(p.diagnostic.recommendation_ids)))
    kept = tuple(
        attrs.evolve(i, recommendation_ids=tuple(r for r in i.recommendation_ids if r != rec))
        for i in p.results.indicators
    )
    assert _codes(_with_indicators(p, *kept), "RES-006") == [(rec,)]


def test_tracking_is_not_asked_during_the_diagnostic() -> None:
    p = togo_programme(stage=Stage.DIAGNOSTIC)
    assert p.results.indicators == ()
    assert _codes(p, "RES-006") == []


@given(programmes(stage=st.just(Stage.ACCOMPANIMENT)))
@settings(max_examples=40)
def test_closing_is_refused_exactly_while_an_indicator_lacks_a_final_value(p: Programme) -> None:
    open_ones = {i.id for i in p.results.indicators if i.final is None and i.not_measured is None}
    at = p.history[-1].at + dt.timedelta(days=1)
    if open_ones:
        with pytest.raises(TransitionRefused) as refused:
            lc.close(p, by="exp-1", at=at)
        blocking = {v.subjects[0] for v in refused.value.violations if v.code == "RES-007"}
        assert blocking == open_ones
        for ind_id in sorted(open_ones):
            statement = NotMeasured(reason="Pas d'enquête", on=at.date())
            p = lc.record_not_measured(p, ind_id, statement, by="exp-1", at=at)
    assert lc.close(p, by="exp-1", at=at).stage is Stage.CLOSED


def test_references_to_unknown_ids_and_twin_ids_are_reported() -> None:
    p = togo_programme()
    first, *rest = p.results.indicators
    ghost = attrs.evolve(first, action_ids=("act-ghost",), plan_action_ids=("pa-ghost",))
    found = _codes(_with_indicators(p, ghost, *rest), "RES-008")
    assert sorted(found) == [(first.id, "act-ghost"), (first.id, "pa-ghost")]
    twins = _codes(_with_indicators(p, first, first, *rest), "RES-008")
    assert twins == [(first.id,)]
    stray = attrs.evolve(first, targets=(Target(period_id="y1999", value=Decimal(1)),))
    assert _codes(_with_indicators(p, stray, *rest), "RES-008") == [(first.id, "y1999")]


# -- lifecycle operations ---------------------------------------------------------------------

_NEW = Indicator(
    id="ind-new",
    title="Sessions de formation",
    level=ResultLevel.OUTPUT,
    measure=Measure.COUNT,
    recommendation_ids=("rec-apprenticeship",),
)


def test_each_results_operation_appends_one_history_entry() -> None:
    p = togo_programme()
    steps = [
        (
            Operation.DEFINE_INDICATOR,
            lambda q: lc.define_indicator(q, _NEW, by="cma-durand", at=AT),
        ),
        (
            Operation.RECORD_BASELINE,
            lambda q: lc.record_baseline(
                q, "ind-new", Baseline(value=Decimal(0), on=dt.date(2021, 5, 1)), by="x", at=AT
            ),
        ),
        (
            Operation.SET_TARGET,
            lambda q: lc.set_target(
                q, "ind-new", Target(period_id="y2022", value=Decimal(4)), by="x", at=AT
            ),
        ),
        (
            Operation.RECORD_VALUE,
            lambda q: lc.record_value(
                q,
                "ind-new",
                Measurement(period_id="y2022", on=dt.date(2022, 5, 2), value=Decimal(2)),
                by="x",
                at=AT,
            ),
        ),
        (
            Operation.RECORD_MEMBERSHIP,
            lambda q: lc.record_membership(
                q, Membership(registered=51_000, as_of=dt.date(2025, 12, 31)), by="x", at=AT
            ),
        ),
    ]
    for operation, step in steps:
        before = p
        p = step(p)
        assert p.history[:-1] == before.history
        assert p.history[-1].operation is operation
    assert p.results.indicators[-1].latest == Measurement(
        period_id="y2022", on=dt.date(2022, 5, 2), value=Decimal(2)
    )
    assert p.beneficiary.membership == Membership(registered=51_000, as_of=dt.date(2025, 12, 31))
    assert check(p).ok


@given(st.integers(-100, 100), st.integers(0, 100))
def test_a_results_operation_is_refused_exactly_when_it_breaks_a_rule_and_changes_nothing(
    percent: int, registered: int
) -> None:
    p = togo_programme()
    kept = copy.deepcopy(p)
    reading = Measurement(period_id="y2022", on=dt.date(2022, 6, 1), value=Decimal(percent * 2))
    figure = Membership(registered=registered, paying_members=50, as_of=dt.date(2026, 1, 1))
    for attempt, code, bad in (
        (
            lambda: lc.record_value(p, "ind-paying-share", reading, by="x", at=AT),
            "RES-003",
            not 0 <= percent * 2 <= 100,
        ),
        (lambda: lc.record_membership(p, figure, by="x", at=AT), "RES-005", registered < 50),
    ):
        if bad:
            with pytest.raises(TransitionRefused) as refused:
                attempt()
            assert {v.code for v in refused.value.violations} == {code}
        else:
            assert attempt().history[-1].at == AT
        assert p == kept


def test_results_operations_keep_to_their_stages() -> None:
    preparing = togo_programme(stage=Stage.PREPARATION)
    with pytest.raises(TransitionRefused) as refused:
        lc.define_indicator(preparing, _NEW, by="x", at=AT)
    assert refused.value.violations[0].code == "STG-001"
    with pytest.raises(UnknownReferenceError):
        lc.record_baseline(
            togo_programme(),
            "ind-ghost",
            Baseline(value=Decimal(0), on=dt.date(2021, 5, 1)),
            by="x",
        )
    with pytest.raises(InvalidValueError):
        lc.record_membership(togo_programme(), Membership(registered=1), by="x", at=AT)


def test_a_capacity_indicator_is_defined_against_a_recorded_module_version() -> None:
    p = togo_programme()
    ref = CapacityRef(module_id="consular-chamber", module_version="1.0", dimension_id="finances")
    ind = attrs.evolve(_NEW, id="ind-finances", measure=Measure.CAPACITY_LEVEL, capacity=ref)
    assert lc.define_indicator(p, ind, by="x", at=AT).results.indicators[-1] == ind
    unused = attrs.evolve(ind, capacity=attrs.evolve(ref, module_version="9.9"))
    with pytest.raises(TransitionRefused) as refused:
        lc.define_indicator(p, unused, by="x", at=AT)
    assert [v.code for v in refused.value.violations] == ["RES-004"]
