"""The lifecycle: operations return new programmes, record history, and refuse cleanly."""

from __future__ import annotations

import copy
import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import run_state_machine_as_test

from compagnonnage import TransitionRefused, UnknownReferenceError, check
from compagnonnage import lifecycle as lc
from compagnonnage.errors import LifecycleMisuse
from compagnonnage.example import togo_programme, togo_steps
from compagnonnage.model import (
    ActionStatus,
    Domain,
    GoodPractice,
    HistoryEntry,
    MandatePlan,
    MethodologicalSupport,
    Modality,
    NotMeasured,
    Operation,
    Programme,
    ServiceOffer,
    Stage,
)
from compagnonnage.testing.machine import ProgrammeMachine
from compagnonnage.testing.strategies import programmes

AT = dt.datetime(2030, 1, 1, 9, tzinfo=dt.timezone.utc)


def codes(refused: pytest.ExceptionInfo[TransitionRefused]) -> list[str]:
    return [v.code for v in refused.value.violations]


def test_example_walks_through_every_stage_and_records_each_step() -> None:
    steps = list(togo_steps())
    stages = [p.stage for _, p in steps]
    assert stages[0] is Stage.DRAFT
    assert stages[-1] is Stage.ACCOMPANIMENT
    assert [s for i, s in enumerate(stages) if i == 0 or s is not stages[i - 1]] == [
        Stage.DRAFT,
        Stage.PREPARATION,
        Stage.DIAGNOSTIC,
        Stage.ACCOMPANIMENT,
    ]
    final = steps[-1][1]
    assert check(final).violations == ()
    moves = [
        (e.operation, e.from_stage, e.to_stage)
        for e in final.history
        if e.from_stage is not e.to_stage
    ]
    assert moves == [
        (Operation.OPEN, Stage.DRAFT, Stage.PREPARATION),
        (Operation.CLOSE_PREPARATION, Stage.PREPARATION, Stage.DIAGNOSTIC),
        (Operation.CLOSE_DIAGNOSTIC, Stage.DIAGNOSTIC, Stage.ACCOMPANIMENT),
    ]
    for (_, before), (_, after) in itertools.pairwise(steps):
        assert after.history[: len(before.history)] == before.history


def test_open_without_reference_partner_is_refused_and_changes_nothing() -> None:
    draft = attrs.evolve(togo_programme(stage=Stage.DRAFT), reference_partner=None)
    kept = copy.deepcopy(draft)
    with pytest.raises(TransitionRefused) as refused:
        lc.open_programme(draft, by="cma-durand", at=AT)
    assert codes(refused) == ["STG-002"]
    assert (
        refused.value.violations[0].message("en")
        == "Programme cma-ucrm-2021 is open without a reference partner."
    )
    assert (
        refused.value.violations[0].message("fr")
        == "Le programme cma-ucrm-2021 est ouvert sans partenaire de référence."
    )
    assert draft == kept


def test_close_preparation_reports_every_missing_deliverable_at_once() -> None:
    opened = lc.open_programme(togo_programme(stage=Stage.DRAFT), by="cma-durand", at=AT)
    with pytest.raises(TransitionRefused) as refused:
        lc.close_preparation(opened, by="cma-durand", at=AT)
    assert codes(refused) == ["STG-003"] * 3
    assert [v.subjects[1] for v in refused.value.violations] == [
        "method_toolkit",
        "terms_of_reference",
        "work_programme",
    ]
    assert (
        "close_preparation (closing the preparation) refused on programme 'cma-ucrm-2021'"
        in str(refused.value)
    )
    assert "3 blocking violations" in str(refused.value)
    assert refused.value.message("fr").startswith(
        "opération « clôture de la préparation » (close_preparation) refusée pour le "
        "programme 'cma-ucrm-2021' : 3 violations bloquantes\n  STG-003 Livrable"
    )


def test_close_diagnostic_needs_an_on_site_mission_organised_by_the_partner() -> None:
    prepared = togo_programme(stage=Stage.DIAGNOSTIC)
    before_missions = next(p for what, p in togo_steps() if what == "close preparation")
    assert before_missions.diagnostic.missions == ()
    with pytest.raises(TransitionRefused) as refused:
        lc.close_diagnostic(before_missions, by="cma-durand", at=AT)
    assert codes(refused) == ["STG-004", "STG-004", "STG-004"]
    assert {v.message("en") for v in refused.value.violations} == {
        "The diagnostic has no on-site mission organised by the reference partner.",
        "The diagnostic records no major issue.",
        "The diagnostic makes no recommendation.",
    }
    assert prepared.stage is Stage.DIAGNOSTIC


def test_operations_outside_their_stage_are_refused_with_the_stage_rules() -> None:
    p = togo_programme()
    with pytest.raises(TransitionRefused) as closed:
        lc.record_finding(
            p, GoodPractice(id="bp-late", statement="Tardive"), by="cma-durand", at=AT
        )
    assert codes(closed) == ["STG-014"]
    assert "reopen it first" in closed.value.violations[0].message()
    draft = togo_programme(stage=Stage.DRAFT)
    with pytest.raises(TransitionRefused) as early:
        lc.close_diagnostic(draft, by="cma-durand", at=AT)
    assert codes(early) == ["STG-001"]


def test_reopening_needs_a_reason_and_is_recorded() -> None:
    p = togo_programme()
    with pytest.raises(LifecycleMisuse, match=r"LIF-005 reopen .*: reason: expected a non-empty"):
        lc.reopen(p, reason=" ", by="cma-durand", at=AT)
    reopened = lc.reopen(p, reason="Compléter le diagnostic économique", by="cma-durand", at=AT)
    assert reopened.stage is Stage.DIAGNOSTIC
    assert reopened.history[-1] == HistoryEntry(
        operation=Operation.REOPEN,
        at=AT,
        by="cma-durand",
        from_stage=Stage.ACCOMPANIMENT,
        to_stage=Stage.DIAGNOSTIC,
        reason="Compléter le diagnostic économique",
    )
    added = lc.record_finding(
        reopened, GoodPractice(id="bp-more", statement="Plus"), by="cma-durand", at=AT
    )
    closed = lc.close_diagnostic(added, by="cma-durand", at=AT)
    assert closed.stage is Stage.ACCOMPANIMENT
    assert check(closed).ok
    assert closed.entered(Stage.ACCOMPANIMENT) == p.entered(Stage.ACCOMPANIMENT)


def test_preparation_cannot_be_reopened_into_the_draft() -> None:
    opened = lc.open_programme(togo_programme(stage=Stage.DRAFT), by="cma-durand", at=AT)
    with pytest.raises(TransitionRefused) as refused:
        lc.reopen(opened, reason="Pourquoi pas", by="cma-durand", at=AT)
    assert codes(refused) == ["STG-001"]


def test_methodological_support_waits_for_an_adopted_mandate_plan() -> None:
    planned = next(p for what, p in togo_steps() if what == "plan support actions")
    with pytest.raises(TransitionRefused) as refused:
        lc.start_action(planned, "act-register", on=dt.date(2021, 6, 1), by="cma-durand", at=AT)
    assert codes(refused) == ["STG-009"]


def test_no_action_starts_before_the_diagnostic_closed() -> None:
    planned = next(p for what, p in togo_steps() if what == "plan support actions")
    with pytest.raises(TransitionRefused) as refused:
        lc.start_action(planned, "act-structuring", on=dt.date(2021, 5, 1), by="cma-durand", at=AT)
    assert codes(refused) == ["STG-005"]


def test_action_operations_name_unknown_ids_and_wrong_states() -> None:
    p = togo_programme()
    with pytest.raises(UnknownReferenceError, match="no support action with id 'act-nope'"):
        lc.start_action(p, "act-nope", on=dt.date(2022, 1, 1), by="cma-durand", at=AT)
    with pytest.raises(
        LifecycleMisuse,
        match=r"LIF-001 start_action .*: action_id: expected action 'act-training-elus' with status planned, got 'completed'",
    ):
        lc.start_action(p, "act-training-elus", on=dt.date(2022, 1, 1), by="cma-durand", at=AT)
    with pytest.raises(
        LifecycleMisuse, match=r"LIF-001 complete_action .*with status in_progress, got 'planned'"
    ):
        lc.complete_action(p, "act-structuring", on=dt.date(2022, 1, 1), by="cma-durand", at=AT)
    running = lc.start_action(p, "act-structuring", on=dt.date(2022, 1, 3), by="cma-durand", at=AT)
    with pytest.raises(LifecycleMisuse, match=r"LIF-002 complete_action .*: produces: "):
        lc.complete_action(
            running,
            "act-structuring",
            on=dt.date(2022, 1, 4),
            by="cma-durand",
            at=AT,
            produces=ServiceOffer(),
        )
    finished = lc.complete_action(
        running, "act-structuring", on=dt.date(2022, 1, 4), by="cma-durand", at=AT
    )
    action = next(a for a in finished.accompaniment.actions if a.id == "act-structuring")
    assert action.status is ActionStatus.COMPLETED
    assert (action.period.start, action.period.end) == (dt.date(2022, 1, 3), dt.date(2022, 1, 4))  # type: ignore[union-attr]
    with pytest.raises(LifecycleMisuse, match=r"LIF-001 cancel_action .*'act-structuring'"):
        lc.cancel_action(finished, "act-structuring", reason="Trop tard", by="cma-durand", at=AT)


def test_planning_takes_only_planned_actions() -> None:
    p = togo_programme()
    running = MethodologicalSupport(
        id="act-x",
        title="X",
        modality=Modality.REMOTE,
        answers=("rec-register",),
        status=ActionStatus.IN_PROGRESS,
        domain=Domain.COMMUNICATION,
    )
    with pytest.raises(
        LifecycleMisuse,
        match=r"LIF-001 plan_action .*: action: expected action 'act-x' with status planned",
    ):
        lc.plan_action(p, running, by="cma-durand", at=AT)


def test_mandate_planning_records_the_plan_it_produced() -> None:
    p = togo_programme()
    plan = next(a for a in p.accompaniment.actions if a.id == "act-mandate-plan").plan  # type: ignore[attr-defined]
    assert isinstance(plan, MandatePlan)
    assert plan.adopted
    assert plan.term == p.beneficiary.current_term


def test_stage_listeners_hear_stage_changes_only() -> None:
    heard: list[tuple[str, Operation]] = []
    life = lc.Lifecycle(listeners=(lambda p, e: heard.append((p.id, e.operation)),))
    draft = togo_programme(stage=Stage.DRAFT)
    opened = life.open(draft, by="cma-durand", at=AT)
    life.record_deliverable(
        opened, togo_programme(stage=Stage.DIAGNOSTIC).preparation.toolkit, by="x", at=AT
    )  # type: ignore[arg-type]
    assert heard == [("cma-ucrm-2021", Operation.OPEN)]


def test_closing_the_programme_ends_its_lifecycle() -> None:
    p = togo_programme()
    for indicator in p.results.indicators:
        if indicator.final is None:
            statement = NotMeasured(reason="Enquête non conduite", on=dt.date(2022, 12, 16))
            p = lc.record_not_measured(p, indicator.id, statement, by="cma-durand", at=AT)
    closed = lc.close(p, by="cma-durand", at=AT)
    assert closed.stage is Stage.CLOSED
    assert check(closed).ok
    with pytest.raises(TransitionRefused):
        lc.plan_action(closed, togo_programme().accompaniment.actions[2], by="cma-durand", at=AT)


@given(
    programme=programmes(),
    op=st.sampled_from(["open", "close_preparation", "close_diagnostic", "close", "reopen"]),
    hours=st.integers(-10_000, 10_000),
)
@settings(max_examples=60)
def test_a_refused_operation_leaves_the_programme_equal_to_before(
    programme: Programme, op: str, hours: int
) -> None:
    kept = copy.deepcopy(programme)
    at = (programme.history[-1].at if programme.history else AT) + dt.timedelta(hours=hours)
    kwargs = {"reason": "Motif"} if op == "reopen" else {}
    operation = getattr(lc, "open_programme" if op == "open" else op)
    refusal: TransitionRefused | None = None
    try:
        after = operation(programme, by="exp-1", at=at, **kwargs)
    except TransitionRefused as refused:
        refusal = refused
    if refusal is not None:
        assert refusal.violations
        assert programme == kept
    else:
        assert check(after).ok
        assert after.history[:-1] == programme.history
        assert len(after.history) == len(programme.history) + 1


TestProgrammeMachine = ProgrammeMachine.TestCase
TestProgrammeMachine.settings = settings(max_examples=40, stateful_step_count=40, deadline=None)


def test_the_machine_reaches_every_stage() -> None:
    reached: set[Stage] = set()

    class Recording(ProgrammeMachine):
        def applied(self, programme: Programme) -> None:
            reached.add(programme.stage)

    run_state_machine_as_test(
        Recording,
        settings=settings(max_examples=40, stateful_step_count=40, derandomize=True, deadline=None),
    )
    assert reached == set(Stage)
