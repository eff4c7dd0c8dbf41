"""The lifecycle state machine draws only usable inputs: no precondition, no filter."""

from __future__ import annotations

from hypothesis import find, settings
from hypothesis.stateful import RuleStrategy, run_state_machine_as_test

from compagnonnage.model import ActionStatus, Programme, Stage
from compagnonnage.testing.machine import ProgrammeMachine
from compagnonnage.testing.strategies import programmes


def test_no_rule_draw_is_refused_by_a_precondition() -> None:
    draws = refused = 0
    original = RuleStrategy.is_valid

    def counted(self: RuleStrategy, rule: object) -> bool:
        nonlocal draws, refused
        valid = bool(original(self, rule))
        draws += 1
        refused += not valid
        return valid

    RuleStrategy.is_valid = counted  # type: ignore[method-assign]
    try:
        run_state_machine_as_test(
            ProgrammeMachine,
            settings=settings(
                max_examples=15, stateful_step_count=20, derandomize=True, deadline=None
            ),
        )
    finally:
        RuleStrategy.is_valid = original  # type: ignore[method-assign]
    assert draws > 100
    assert refused == 0


def _machine_in_accompaniment() -> ProgrammeMachine:
    machine = ProgrammeMachine()
    draft = find(programmes(stage=Stage.DRAFT), lambda p: True)
    machine.start(draft)
    for _ in range(3):
        machine.advance()
    assert machine.programme is not None
    assert machine.programme.stage is Stage.ACCOMPANIMENT
    return machine


def _statuses(p: Programme | None) -> list[ActionStatus]:
    assert p is not None
    return [a.status for a in p.accompaniment.actions]


def test_acting_on_no_action_plans_then_starts_then_finishes_one() -> None:
    machine = _machine_in_accompaniment()
    before = _statuses(machine.programme)
    machine.finish_action(5, cancel=False)  # nothing in progress, nothing planned: plan one
    assert _statuses(machine.programme) == [*before, ActionStatus.PLANNED]
    machine.finish_action(5, cancel=True)  # nothing in progress: start the planned one
    assert _statuses(machine.programme)[-1] is ActionStatus.IN_PROGRESS
    machine.finish_action(5, cancel=True)  # cancel the one in progress
    assert _statuses(machine.programme)[-1] is ActionStatus.CANCELLED
    assert machine.refusals == 0
