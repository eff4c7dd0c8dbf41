"""Planting one defect per rule code in a valid programme.

Each planter takes a programme that breaks no error-level rule and returns one
that breaks the given rule, and no other error-level rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from compagnonnage.model import (
    ActionStatus,
    Affiliation,
    Audience,
    Domain,
    Expert,
    HistoryEntry,
    MethodologicalSupport,
    Modality,
    Operation,
    Period,
    Programme,
    Stage,
    SupportAction,
    TradeRef,
    Training,
)
from compagnonnage.testing._funding import FUNDING_PLANTERS
from compagnonnage.testing._results import RESULTS_DEFECTS

Planter = Callable[[Programme], Programme]


@attrs.frozen
class Defect:
    """How to plant a breach of one rule, and what the programme needs for it."""

    min_stage: Stage
    min_actions: int
    plant: Planter
    max_stage: Stage = Stage.CLOSED


def _evolve_first(items: tuple[SupportAction, ...], **changes: Any) -> tuple[SupportAction, ...]:
    return (attrs.evolve(items[0], **changes), *items[1:])


def _with_action(p: Programme, action: SupportAction) -> Programme:
    acc = attrs.evolve(p.accompaniment, actions=(*p.accompaniment.actions, action))
    return attrs.evolve(p, accompaniment=acc)


def _late_action(p: Programme, cls: type[SupportAction], **fields: object) -> SupportAction:
    """A new action of ``cls`` after every other, answering the first recommendation."""
    last = max((a.period.end for a in p.accompaniment.actions if a.period), default=None)
    closed = _diagnostic_closed_on(p)
    begin = max(closed, last or closed) + dt.timedelta(days=1)
    base: dict[str, object] = {
        "id": "act-planted",
        "title": "Action plantée",
        "modality": Modality.REMOTE,
        "period": Period(start=begin, end=begin),
        "expert_ids": (next(e.id for e in p.experts if e.affiliation is Affiliation.NETWORK),),
        "participant_ids": (p.reference_partner.id,) if p.reference_partner else (),
        "answers": (p.diagnostic.recommendations[0].id,),
    }
    base.update(fields)
    return cls(**base)  # type: ignore[arg-type]


def _diagnostic_closed_on(p: Programme) -> dt.date:
    closed = p.entered(Stage.ACCOMPANIMENT)
    assert closed is not None, "defects that need actions are planted after the diagnostic"
    return closed.date()


def _stage_mismatch(p: Programme) -> Programme:
    return attrs.evolve(p, stage=Stage.DRAFT)


def _foreign_partner(p: Programme) -> Programme:
    assert p.reference_partner is not None
    return attrs.evolve(
        p, reference_partner=attrs.evolve(p.reference_partner, body_id="other-body")
    )


def _unapproved_terms(p: Programme) -> Programme:
    tor = p.preparation.terms_of_reference
    assert tor is not None
    return attrs.evolve(
        p,
        preparation=attrs.evolve(
            p.preparation, terms_of_reference=attrs.evolve(tor, approval=None)
        ),
    )


def _uncited_recommendation(p: Programme) -> Programme:
    d = p.diagnostic
    recs = (attrs.evolve(d.recommendations[0], cites=()), *d.recommendations[1:])
    return attrs.evolve(p, diagnostic=attrs.evolve(d, recommendations=recs))


def _early_action(p: Programme) -> Programme:
    closed = _diagnostic_closed_on(p)
    day = closed - dt.timedelta(days=1)
    early = _late_action(
        p, Training, period=Period(start=day, end=day), audience=frozenset(Audience)
    )
    return _with_action(p, early)


def _action_answering_nothing(p: Programme) -> Programme:
    acc = p.accompaniment
    return attrs.evolve(
        p, accompaniment=attrs.evolve(acc, actions=_evolve_first(acc.actions, answers=()))
    )


def _undecided_modality(p: Programme) -> Programme:
    acc = p.accompaniment
    return attrs.evolve(
        p, accompaniment=attrs.evolve(acc, actions=_evolve_first(acc.actions, modality=None))
    )


def _training_for_nobody(p: Programme) -> Programme:
    return _with_action(p, _late_action(p, Training, audience=frozenset()))


def _support_without_plan(p: Programme) -> Programme:
    body = attrs.evolve(p.beneficiary, current_term=None)
    action = _late_action(
        p, MethodologicalSupport, status=ActionStatus.IN_PROGRESS, domain=Domain.TRADES_REGISTER
    )
    return _with_action(attrs.evolve(p, beneficiary=body), action)


def _local_alone(p: Programme) -> Programme:
    local = Expert(id="exp-local", name="Expert local", affiliation=Affiliation.LOCAL)
    p = attrs.evolve(p, experts=(*p.experts, local))
    return _with_action(
        p, _late_action(p, Training, expert_ids=("exp-local",), audience=frozenset(Audience))
    )


def _trade_out_of_scope(p: Programme) -> Programme:
    d = p.diagnostic
    issues = (attrs.evolve(d.issues[0], trade=TradeRef("elsewhere", "X01")), *d.issues[1:])
    return attrs.evolve(p, diagnostic=attrs.evolve(d, issues=issues))


def _unqualified_expert(p: Programme) -> Programme:
    novice = Expert(id="exp-novice", name="Novice", affiliation=Affiliation.NETWORK)
    d = p.diagnostic
    m = d.missions[0]
    missions = (attrs.evolve(m, expert_ids=(*m.expert_ids, novice.id)), *d.missions[1:])
    return attrs.evolve(
        p, experts=(*p.experts, novice), diagnostic=attrs.evolve(d, missions=missions)
    )


def _ends_before_start(p: Programme) -> Programme:
    day = dt.date(2024, 6, 1)
    return attrs.evolve(p, planned=Period(start=day, end=day - dt.timedelta(days=1)))


def _silent_reopening(p: Programme) -> Programme:
    last = p.history[-1]
    entry = HistoryEntry(
        operation=Operation.REOPEN,
        at=last.at + dt.timedelta(hours=1),
        by=last.by,
        from_stage=p.stage,
        to_stage=p.stage.previous(),
    )
    return attrs.evolve(p, stage=entry.to_stage, history=(*p.history, entry))


def _partner_absent_from_first(p: Programme) -> Programme:
    acc = p.accompaniment
    assert p.reference_partner is not None
    rp = p.reference_partner.id
    actions = tuple(
        attrs.evolve(
            a,
            participant_ids=tuple(i for i in a.participant_ids if i != rp),
            status=ActionStatus.PLANNED if a.status is ActionStatus.CANCELLED else a.status,
        )
        for a in acc.actions
    )
    return attrs.evolve(p, accompaniment=attrs.evolve(acc, actions=actions))


def _ghost_expert(p: Programme) -> Programme:
    d = p.diagnostic
    m = d.missions[0]
    missions = (attrs.evolve(m, expert_ids=(*m.expert_ids, "exp-ghost")), *d.missions[1:])
    return attrs.evolve(p, diagnostic=attrs.evolve(d, missions=missions))


def _twin_expert(p: Programme) -> Programme:
    return attrs.evolve(p, experts=(*p.experts, p.experts[0]))


DEFECTS: dict[str, Defect] = {
    "STG-001": Defect(Stage.PREPARATION, 0, _stage_mismatch),
    "STG-002": Defect(Stage.PREPARATION, 0, _foreign_partner),
    "STG-003": Defect(Stage.DIAGNOSTIC, 0, _unapproved_terms),
    "STG-004": Defect(Stage.ACCOMPANIMENT, 0, _uncited_recommendation),
    "STG-005": Defect(Stage.ACCOMPANIMENT, 0, _early_action),
    "STG-006": Defect(Stage.ACCOMPANIMENT, 1, _action_answering_nothing),
    "STG-007": Defect(Stage.ACCOMPANIMENT, 1, _undecided_modality),
    "STG-008": Defect(Stage.ACCOMPANIMENT, 0, _training_for_nobody),
    "STG-009": Defect(Stage.ACCOMPANIMENT, 0, _support_without_plan),
    "STG-010": Defect(Stage.ACCOMPANIMENT, 0, _local_alone),
    "STG-011": Defect(Stage.ACCOMPANIMENT, 0, _trade_out_of_scope),
    "STG-012": Defect(Stage.DIAGNOSTIC, 0, _unqualified_expert),
    "STG-013": Defect(Stage.DRAFT, 0, _ends_before_start),
    "STG-014": Defect(Stage.DIAGNOSTIC, 0, _silent_reopening),
    "STG-015": Defect(Stage.ACCOMPANIMENT, 1, _partner_absent_from_first),
    "REF-001": Defect(Stage.DIAGNOSTIC, 0, _ghost_expert),
    "REF-002": Defect(Stage.DRAFT, 0, _twin_expert),
    **{code: Defect(Stage.DRAFT, 0, plant) for code, plant in FUNDING_PLANTERS.items()},
}
"""The planter for each core rule code."""

DEFECTS.update(
    {
        code: Defect(stage, actions, plant)
        for code, (stage, actions, plant) in RESULTS_DEFECTS.items()
    }
)
