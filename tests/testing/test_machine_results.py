"""The lifecycle state machine drives the nine results operations, and its invariants bite."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import find, settings
from hypothesis.stateful import run_state_machine_as_test

from compagnonnage.lifecycle import Lifecycle
from compagnonnage.model import Measure, Operation, Programme, Stage
from compagnonnage.testing.machine import ProgrammeMachine
from compagnonnage.testing.strategies import programmes

RESULTS_OPERATIONS = (
    Operation.RECORD_PERIOD,
    Operation.RECORD_MODULE,
    Operation.DEFINE_INDICATOR,
    Operation.RECORD_BASELINE,
    Operation.SET_TARGET,
    Operation.RECORD_VALUE,
    Operation.RECORD_NOT_MEASURED,
    Operation.RECORD_FOLLOW_UP,
    Operation.RECORD_MEMBERSHIP,
)


def _draft() -> Programme:
    return find(programmes(stage=Stage.DRAFT), lambda p: True)


def _machine(stage: Stage, machine_class: type[ProgrammeMachine] = ProgrammeMachine) -> Any:
    """A machine whose programme reached ``stage`` through its own ``advance`` rule."""
    machine = machine_class()
    machine.start(_draft())
    for _ in range(stage.rank):
        machine.advance()
    assert machine.programme is not None
    assert machine.programme.stage is stage
    return machine


def _every_results_operation(machine: ProgrammeMachine) -> None:
    """Each of the nine results rules, with the smallest draws, in an order that needs no fallback."""
    machine.record_period(30)
    machine.record_module("1.0", 4)
    machine.define_indicator(Measure.CAPACITY_LEVEL, 0, follows=True, again=False)
    machine.record_baseline(0, 3)
    machine.set_target(0, 0, 3)
    machine.record_value(0, 1, final=False, split=False)
    machine.record_not_measured(0)
    machine.record_follow_up(0, again=False)
    machine.record_membership(1, 3, cards=True)


def test_the_machine_runs_with_the_results_operations() -> None:
    """A bounded run: every invariant holds at every step, and results are recorded.

    Which operations a random walk reaches depends on the draws; the test below
    drives each of the nine to acceptance.
    """
    seen: Counter[Operation] = Counter()

    class Counting(ProgrammeMachine):
        def teardown(self) -> None:
            seen.update(self.accepted)

    run_state_machine_as_test(
        Counting,
        settings=settings(max_examples=30, stateful_step_count=50, derandomize=True, deadline=None),
    )
    assert seen[Operation.DEFINE_INDICATOR] > 0
    assert seen[Operation.RECORD_VALUE] > 0
    assert sum(seen[op] for op in RESULTS_OPERATIONS) >= 20


def test_in_the_accompaniment_every_results_operation_is_accepted() -> None:
    machine = _machine(Stage.ACCOMPANIMENT)
    refusals, before = machine.refusals, len(machine.programme.history)
    _every_results_operation(machine)
    assert machine.refusals == refusals
    added = [e.operation for e in machine.programme.history[before:]]
    assert added == list(RESULTS_OPERATIONS)
    machine.no_error_level_violation()
    machine.results_rules_hold()
    machine.history_records_every_accepted_operation()


def test_the_rules_read_the_machines_clock() -> None:
    machine = _machine(Stage.DIAGNOSTIC)
    machine.record_period(30)
    machine.define_indicator(Measure.COUNT, 0, follows=False, again=False)
    machine.record_value(0, 7, final=False, split=False)
    value = machine.programme.results.indicators[0].values[-1]
    assert value.on <= machine.today() == machine.clock.date()


def test_with_nothing_to_act_on_a_results_rule_builds_what_it_needs_first() -> None:
    machine = _machine(Stage.DIAGNOSTIC)
    machine.record_value(2, 2, final=True, split=True)  # no indicator: a period, then one
    assert len(machine.programme.results.periods) == 1
    assert len(machine.programme.results.indicators) == 1
    assert machine.programme.results.indicators[0].values == ()
    machine.record_value(2, 2, final=True, split=True)  # a final value, broken down
    (indicator,) = machine.programme.results.indicators
    assert indicator.final is not None
    assert sum(d.value for d in indicator.final.disaggregations) == indicator.final.value
    machine.record_value(2, 2, final=True, split=True)  # never a second final value
    assert len([v for v in machine.programme.results.indicators[0].values if v.final]) == 1
    machine.record_follow_up(0, again=False)  # no module version: record one, then the
    assert machine.programme.results.modules != ()  # follow-up, refused in the diagnostic
    assert machine.refusals == 1
    assert machine.programme.results.follow_ups == ()


def test_before_their_stage_results_operations_are_refused_and_change_nothing() -> None:
    machine = ProgrammeMachine()
    machine.start(_draft())
    draft = machine.programme
    assert draft is not None
    _every_results_operation(machine)
    assert machine.refusals >= 8  # all but the membership ledger, kept from the draft on
    assert machine.accepted == Counter({Operation.RECORD_MEMBERSHIP: 1})
    assert machine.programme is not None
    assert attrs.evolve(machine.programme, beneficiary=draft.beneficiary, history=()) == draft


def test_a_closed_programme_takes_no_more_results() -> None:
    machine = _machine(Stage.ACCOMPANIMENT)
    _every_results_operation(machine)
    machine.advance()  # plan an action: the accompaniment closes with one
    machine.advance()  # conclude every indicator, then close
    assert machine.programme.stage is Stage.CLOSED
    closed, refusals = machine.programme, machine.refusals
    _every_results_operation(machine)
    assert machine.refusals == refusals + len(RESULTS_OPERATIONS)
    assert machine.programme is closed


@attrs.frozen
class _Meddling(Lifecycle):
    """Records a value, and renames the programme on the way: more than its record."""

    def record_value(self, p: Programme, *args: Any, **kwargs: Any) -> Programme:
        recorded = super().record_value(p, *args, **kwargs)
        return attrs.evolve(recorded, title="Autre titre")


@attrs.frozen
class _Silent(Lifecycle):
    """Records a membership figure without a history entry."""

    def record_membership(self, p: Programme, *args: Any, **kwargs: Any) -> Programme:
        recorded = super().record_membership(p, *args, **kwargs)
        return attrs.evolve(recorded, history=p.history)


def test_the_invariants_catch_an_operation_that_changes_more_than_its_record() -> None:
    class Meddled(ProgrammeMachine):
        lifecycle = _Meddling()

    machine = _machine(Stage.DIAGNOSTIC, Meddled)
    machine.record_period(30)
    machine.define_indicator(Measure.COUNT, 0, follows=False, again=False)
    with pytest.raises(AssertionError, match="record_value changed more than its record"):
        machine.record_value(0, 0, final=False, split=False)


def test_the_invariants_catch_an_operation_that_leaves_no_history() -> None:
    class Silenced(ProgrammeMachine):
        lifecycle = _Silent()

    machine = Silenced()
    machine.start(_draft())
    with pytest.raises(AssertionError):
        machine.record_membership(1, 1, cards=False)
