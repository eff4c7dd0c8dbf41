"""Recording replaces the record with the same id, and only that one; completing an
action takes only what its kind produces."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from compagnonnage import lifecycle as lc
from compagnonnage.errors import CompagnonnageError
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    ActionStatus,
    Audience,
    GoodPractice,
    MandatePlan,
    MandatePlanning,
    Modality,
    Programme,
    ServiceOffer,
    ServiceOfferDesign,
    Stage,
    SupportAction,
    Term,
    Training,
)
from compagnonnage.testing.samples import sample_programme

AT = dt.datetime(2030, 1, 1, 9, tzinfo=dt.timezone.utc)


@pytest.fixture
def diagnosing() -> Programme:
    return sample_programme(3, stage=Stage.DIAGNOSTIC, missions=3, findings=6, actions=0)


@pytest.mark.parametrize("ident", ["aaa", "mis-0", "zzz"])
def test_a_mission_with_a_new_id_is_added_and_replaces_nothing(
    diagnosing: Programme, ident: str
) -> None:
    first = diagnosing.diagnostic.missions[0]
    new = attrs.evolve(first, id=ident, modality=Modality.REMOTE)
    after = lc.record_mission(diagnosing, new, by="exp-1", at=AT)
    assert after.diagnostic.missions == (*diagnosing.diagnostic.missions, new)


def test_a_mission_with_a_known_id_replaces_that_one_in_place(diagnosing: Programme) -> None:
    missions = diagnosing.diagnostic.missions
    changed = attrs.evolve(missions[1], modality=Modality.REMOTE)
    after = lc.record_mission(diagnosing, changed, by="exp-1", at=AT)
    assert after.diagnostic.missions == (missions[0], changed, *missions[2:])


@pytest.mark.parametrize("ident", ["a-practice", "gp-0", "zz-practice"])
def test_a_finding_with_a_new_id_is_added_and_replaces_nothing(
    diagnosing: Programme, ident: str
) -> None:
    new = GoodPractice(id=ident, statement="Nouvelle pratique")
    after = lc.record_finding(diagnosing, new, by="exp-1", at=AT)
    assert after.diagnostic.practices == (*diagnosing.diagnostic.practices, new)
    assert after.diagnostic.issues == diagnosing.diagnostic.issues


def _running(kind: type[SupportAction], **fields: object) -> tuple[Programme, str]:
    p = togo_programme()
    base = next(a for a in p.accompaniment.actions if a.status is ActionStatus.IN_PROGRESS)
    common = {
        "id": "act-running",
        "title": "En cours",
        "modality": base.modality,
        "period": base.period,
        "expert_ids": base.expert_ids,
        "participant_ids": base.participant_ids,
        "answers": base.answers,
        "status": ActionStatus.IN_PROGRESS,
    }
    action = kind(**common, **fields)  # type: ignore[arg-type]
    p = attrs.evolve(
        p, accompaniment=attrs.evolve(p.accompaniment, actions=(*p.accompaniment.actions, action))
    )
    return p, action.id


def _plan(p: Programme) -> MandatePlan:
    term = p.beneficiary.current_term
    assert isinstance(term, Term)
    return MandatePlan(term=term, adopted_on=dt.date(2029, 12, 1))


@pytest.mark.parametrize(
    ("kind", "fields", "produces"),
    [
        (MandatePlanning, {}, "offer"),
        (ServiceOfferDesign, {}, "plan"),
        (Training, {"audience": frozenset(Audience)}, "plan"),
        (Training, {"audience": frozenset(Audience)}, "offer"),
    ],
    ids=["planning-offer", "offer-plan", "training-plan", "training-offer"],
)
def test_completing_an_action_refuses_what_its_kind_does_not_produce(
    kind: type[SupportAction], fields: dict[str, object], produces: str
) -> None:
    p, ident = _running(kind, **fields)
    made = ServiceOffer() if produces == "offer" else _plan(p)
    with pytest.raises(CompagnonnageError):
        lc.complete_action(p, ident, on=dt.date(2030, 1, 1), by="cma-durand", at=AT, produces=made)


def test_completing_a_mandate_planning_records_its_plan() -> None:
    p, ident = _running(MandatePlanning)
    plan = _plan(p)
    after = lc.complete_action(
        p, ident, on=dt.date(2030, 1, 1), by="cma-durand", at=AT, produces=plan
    )
    done = next(a for a in after.accompaniment.actions if a.id == ident)
    assert isinstance(done, MandatePlanning)
    assert (done.status, done.plan) == (ActionStatus.COMPLETED, plan)
