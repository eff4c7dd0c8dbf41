"""Planting a defect in a valid programme: every distinct way of breaking each rule.

Each planter takes a programme that breaks no error-level rule and returns one
that breaks the given rule, and no other error-level rule. :data:`VARIANTS`
names the ways of breaking each rule (its first variant is the classic one,
:data:`DEFECTS` keeps it); ``docs/testing.md`` lists them.
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
    Competence,
    Debriefing,
    Domain,
    Expert,
    GoodPractice,
    HistoryEntry,
    MethodologicalSupport,
    Mission,
    Modality,
    Operation,
    Period,
    PlanAction,
    PlanAxis,
    Preparation,
    Programme,
    RegionRef,
    StaffMember,
    Stage,
    SupportAction,
    Term,
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


_DAY = dt.timedelta(days=1)


def _first(items: tuple[Any, ...], **changes: Any) -> tuple[Any, ...]:
    return (attrs.evolve(items[0], **changes), *items[1:])


def _diagnostic(p: Programme, **changes: Any) -> Programme:
    return attrs.evolve(p, diagnostic=attrs.evolve(p.diagnostic, **changes))


def _actions(p: Programme, actions: tuple[SupportAction, ...]) -> Programme:
    return attrs.evolve(p, accompaniment=attrs.evolve(p.accompaniment, actions=actions))


def _with_action(p: Programme, *actions: SupportAction) -> Programme:
    return _actions(p, (*p.accompaniment.actions, *actions))


def _network_id(p: Programme) -> str:
    return next(e.id for e in p.experts if e.affiliation is Affiliation.NETWORK)


def _partner_id(p: Programme) -> str:
    assert p.reference_partner is not None, "generated programmes have a reference partner"
    return p.reference_partner.id


def _diagnostic_closed_on(p: Programme) -> dt.date:
    closed = p.entered(Stage.ACCOMPANIMENT)
    assert closed is not None, "defects that need actions are planted after the diagnostic"
    return closed.date()


def _late_action(
    p: Programme, cls: type[SupportAction], ident: str = "act-planted", **fields: object
) -> SupportAction:
    """A new action of ``cls`` after every other, answering the first recommendation."""
    last = max((a.period.end for a in p.accompaniment.actions if a.period), default=None)
    closed = _diagnostic_closed_on(p)
    begin = max(closed, last or closed) + _DAY
    base: dict[str, object] = {
        "id": ident,
        "title": "Action plantée",
        "modality": Modality.REMOTE,
        "period": Period(start=begin, end=begin),
        "expert_ids": (_network_id(p),),
        "participant_ids": (_partner_id(p),),
        "answers": (p.diagnostic.recommendations[0].id,),
    }
    base.update(fields)
    return cls(**base)  # type: ignore[arg-type]


def _training(p: Programme, ident: str = "act-planted", **fields: object) -> SupportAction:
    return _late_action(p, Training, ident, **{"audience": frozenset(Audience), **fields})


def _late_mission(p: Programme, **fields: object) -> Mission:
    """A new remote mission of the lead expert, inside the diagnostic's dates."""
    opened = p.entered(Stage.DIAGNOSTIC)
    assert opened is not None
    lead = p.diagnostic.missions[0]
    base: dict[str, object] = {
        "id": "mis-planted",
        "kind": lead.kind,
        "modality": Modality.REMOTE,
        "period": Period(start=opened.date(), end=opened.date()),
        "place": lead.place,
        "expert_ids": lead.expert_ids[:1],
    }
    base.update(fields)
    return Mission(**base)  # type: ignore[arg-type]


def _with_mission(p: Programme, mission: Mission) -> Programme:
    return _diagnostic(p, missions=(*p.diagnostic.missions, mission))


def _history_last(p: Programme, **changes: Any) -> Programme:
    return attrs.evolve(p, history=(*p.history[:-1], attrs.evolve(p.history[-1], **changes)))


def _appended(p: Programme, entry: HistoryEntry) -> Programme:
    return attrs.evolve(p, stage=entry.to_stage, history=(*p.history, entry))


def _entry(p: Programme, operation: Operation, to: Stage, **fields: Any) -> HistoryEntry:
    last = p.history[-1]
    return HistoryEntry(
        operation=operation,
        at=last.at + dt.timedelta(hours=1),
        by=last.by,
        from_stage=p.stage,
        to_stage=to,
        **fields,
    )


# -- STG-001 -------------------------------------------------------------------------


def _stage_mismatch(p: Programme) -> Programme:
    return attrs.evolve(p, stage=Stage.DRAFT)


_OTHER_CLOSING = {
    Operation.OPEN: Operation.CLOSE_PREPARATION,
    Operation.CLOSE_PREPARATION: Operation.CLOSE_DIAGNOSTIC,
    Operation.CLOSE_DIAGNOSTIC: Operation.CLOSE,
    Operation.CLOSE: Operation.OPEN,
}


def _wrong_closing_operation(p: Programme) -> Programme:
    return _history_last(p, operation=_OTHER_CLOSING[p.history[-1].operation])


def _moves_without_closing(p: Programme) -> Programme:
    return _history_last(p, operation=Operation.RECORD_FINDING)


# -- STG-002 -------------------------------------------------------------------------


def _foreign_partner(p: Programme) -> Programme:
    assert p.reference_partner is not None
    return attrs.evolve(
        p, reference_partner=attrs.evolve(p.reference_partner, body_id="other-body")
    )


def _partner_not_a_member(p: Programme) -> Programme:
    # in the preparation, before any deliverable names the partner
    assert p.reference_partner is not None
    return attrs.evolve(
        p,
        reference_partner=attrs.evolve(p.reference_partner, id="rp-outsider"),
        preparation=Preparation(),
    )


def _no_partner(p: Programme) -> Programme:
    return attrs.evolve(p, reference_partner=None, preparation=Preparation())


# -- STG-003 -------------------------------------------------------------------------


def _deliverable(p: Programme, name: str, **changes: Any) -> Programme:
    d = getattr(p.preparation, name)
    assert d is not None
    new = None if changes.get("missing") else attrs.evolve(d, **changes)
    return attrs.evolve(p, preparation=attrs.evolve(p.preparation, **{name: new}))


def _unapproved_terms(p: Programme) -> Programme:
    return _deliverable(p, "terms_of_reference", approval=None)


def _missing_toolkit(p: Programme) -> Programme:
    return _deliverable(p, "toolkit", missing=True)


def _no_network_author(p: Programme) -> Programme:
    return _deliverable(p, "work_programme", author_ids=(_partner_id(p),))


def _partner_not_author(p: Programme) -> Programme:
    return _deliverable(p, "terms_of_reference", author_ids=(_network_id(p),))


# -- STG-004 -------------------------------------------------------------------------


def _uncited_recommendation(p: Programme) -> Programme:
    return _diagnostic(p, recommendations=_first(p.diagnostic.recommendations, cites=()))


def _cites_unknown(p: Programme) -> Programme:
    recs = p.diagnostic.recommendations
    return _diagnostic(p, recommendations=_first(recs, cites=(*recs[0].cites, "iss-ghost")))


def _missions_off_site(p: Programme) -> Programme:
    missions = tuple(attrs.evolve(m, modality=Modality.REMOTE) for m in p.diagnostic.missions)
    return _diagnostic(p, missions=missions)


def _missions_organised_by_others(p: Programme) -> Programme:
    rp = _partner_id(p)
    others = sorted(p.beneficiary.people_ids - {rp})
    organiser = others[0] if others else None
    missions = tuple(attrs.evolve(m, organiser_id=organiser) for m in p.diagnostic.missions)
    return _diagnostic(p, missions=missions)


def _no_major_issue(p: Programme) -> Programme:
    d = p.diagnostic
    practices = d.practices or (GoodPractice(id="gp-planted", statement="Bonne pratique"),)
    cited = practices[0].id
    recs = tuple(attrs.evolve(r, cites=(cited,)) for r in d.recommendations)
    return _diagnostic(p, issues=(), practices=practices, recommendations=recs)


def _no_recommendation(p: Programme) -> Programme:
    # without recommendations nor actions, the indicators track none (else RES-008 fires)
    indicators = tuple(
        attrs.evolve(i, recommendation_ids=(), action_ids=()) for i in p.results.indicators
    )
    p = attrs.evolve(p, results=attrs.evolve(p.results, indicators=indicators))
    return _actions(_diagnostic(p, recommendations=()), ())


# -- STG-005 -------------------------------------------------------------------------


def _early_action(p: Programme) -> Programme:
    day = _diagnostic_closed_on(p) - _DAY
    return _with_action(p, _training(p, period=Period(start=day, end=day)))


def _started_while_diagnosing(p: Programme) -> Programme:
    action = Training(
        id="act-planted",
        title="Action plantée",
        modality=Modality.REMOTE,
        expert_ids=(_network_id(p),),
        participant_ids=(_partner_id(p),),
        answers=(p.diagnostic.recommendations[0].id,),
        status=ActionStatus.IN_PROGRESS,
        audience=frozenset(Audience),
    )
    return _with_action(p, action)


# -- STG-006 -------------------------------------------------------------------------


def _action_answering_nothing(p: Programme) -> Programme:
    return _actions(p, _first(p.accompaniment.actions, answers=()))


def _action_answering_unknown(p: Programme) -> Programme:
    first = p.accompaniment.actions[0]
    return _actions(p, _first(p.accompaniment.actions, answers=(*first.answers, "rec-ghost")))


# -- STG-007 -------------------------------------------------------------------------


def _undecided_action(p: Programme) -> Programme:
    return _actions(p, _first(p.accompaniment.actions, modality=None))


def _undecided_mission(p: Programme) -> Programme:
    return _with_mission(p, _late_mission(p, modality=None))


# -- STG-008 … STG-010 ---------------------------------------------------------------


def _training_for_nobody(p: Programme) -> Programme:
    return _with_action(p, _training(p, audience=frozenset()))


def _started_support(p: Programme) -> SupportAction:
    return _late_action(
        p, MethodologicalSupport, status=ActionStatus.IN_PROGRESS, domain=Domain.TRADES_REGISTER
    )


def _support_without_term(p: Programme) -> Programme:
    body = attrs.evolve(p.beneficiary, current_term=None)
    return _with_action(attrs.evolve(p, beneficiary=body), _started_support(p))


def _plan_not_adopted(p: Programme) -> Programme:
    plan = p.beneficiary.mandate_plan
    assert plan is not None
    body = attrs.evolve(p.beneficiary, mandate_plan=attrs.evolve(plan, adopted_on=None))
    return _with_action(attrs.evolve(p, beneficiary=body), _started_support(p))


def _plan_of_another_term(p: Programme) -> Programme:
    plan = p.beneficiary.mandate_plan
    assert plan is not None
    earlier = Period(
        start=plan.term.period.start - dt.timedelta(days=1825), end=plan.term.period.start - _DAY
    )
    body = attrs.evolve(p.beneficiary, mandate_plan=attrs.evolve(plan, term=Term(period=earlier)))
    return _with_action(attrs.evolve(p, beneficiary=body), _started_support(p))


def _local(p: Programme) -> tuple[Programme, str]:
    local = Expert(
        id="exp-local",
        name="Expert local",
        affiliation=Affiliation.LOCAL,
        competences=frozenset(Competence),
    )
    return attrs.evolve(p, experts=(*p.experts, local)), local.id


def _local_alone_on_action(p: Programme) -> Programme:
    p, local = _local(p)
    return _with_action(p, _training(p, expert_ids=(local,)))


def _local_alone_on_mission(p: Programme) -> Programme:
    p, local = _local(p)
    return _with_mission(p, _late_mission(p, expert_ids=(local,)))


# -- STG-011 … STG-012 ---------------------------------------------------------------


def _elsewhere(p: Programme) -> RegionRef:
    country = "SN" if p.beneficiary.region.country != "SN" else "TG"
    return RegionRef(country=country)


def _finding_trade_out_of_scope(p: Programme) -> Programme:
    return _diagnostic(p, issues=_first(p.diagnostic.issues, trade=TradeRef("elsewhere", "X01")))


def _finding_region_out_of_scope(p: Programme) -> Programme:
    recs = p.diagnostic.recommendations
    return _diagnostic(p, recommendations=_first(recs, region=_elsewhere(p)))


def _action_trade_out_of_scope(p: Programme) -> Programme:
    return _with_action(p, _training(p, trade=TradeRef("elsewhere", "X01")))


def _action_region_out_of_scope(p: Programme) -> Programme:
    return _with_action(p, _training(p, region=_elsewhere(p)))


def _unqualified_expert(p: Programme) -> Programme:
    novice = Expert(id="exp-novice", name="Novice", affiliation=Affiliation.NETWORK)
    m = p.diagnostic.missions[0]
    p = attrs.evolve(p, experts=(*p.experts, novice))
    return _diagnostic(
        p, missions=_first(p.diagnostic.missions, expert_ids=(*m.expert_ids, novice.id))
    )


# -- STG-013 -------------------------------------------------------------------------


def _reversed(period: Period) -> Period:
    return Period(start=period.end + _DAY, end=period.end)


def _ends_before_start(p: Programme) -> Programme:
    day = dt.date(2024, 6, 1)
    return attrs.evolve(p, planned=Period(start=day, end=day - _DAY))


def _reversed_mission(p: Programme) -> Programme:
    missions = p.diagnostic.missions
    return _diagnostic(p, missions=_first(missions, period=_reversed(missions[0].period)))


def _reversed_action(p: Programme) -> Programme:
    action = _training(p)
    assert action.period is not None
    return _with_action(p, attrs.evolve(action, period=_reversed(action.period)))


def _reversed_planned_mission(p: Programme) -> Programme:
    wp = p.preparation.work_programme
    assert wp is not None
    planned = _first(wp.missions, period=_reversed(wp.missions[0].period))
    return _deliverable(p, "work_programme", missions=planned)


def _history_out_of_order(p: Programme) -> Programme:
    return _history_last(p, at=p.history[-2].at - dt.timedelta(hours=1))


def _mission_before_diagnostic(p: Programme) -> Programme:
    opened = p.entered(Stage.DIAGNOSTIC)
    assert opened is not None
    day = opened.date() - _DAY
    return _with_mission(p, _late_mission(p, period=Period(start=day, end=day)))


def _double_booked_mission(p: Programme) -> Programme:
    lead = p.diagnostic.missions[0]
    return _with_mission(
        p,
        _late_mission(
            p,
            modality=Modality.ON_SITE,
            period=lead.period,
            place=f"{lead.place} (ailleurs)",
        ),
    )


def _double_booked_action(p: Programme) -> Programme:
    here = _training(p, "act-planted-1", modality=Modality.ON_SITE, place="Ici")
    there = _training(
        p, "act-planted-2", modality=Modality.ON_SITE, place="Ailleurs", participant_ids=()
    )
    return _with_action(p, here, there)


# -- STG-014 -------------------------------------------------------------------------


def _silent_reopening(p: Programme) -> Programme:
    return _appended(p, _entry(p, Operation.REOPEN, p.stage.previous()))


def _reopening_too_far(p: Programme) -> Programme:
    return _appended(p, _entry(p, Operation.REOPEN, p.stage.previous().previous(), reason="Trop"))


def _reopening_the_draft(p: Programme) -> Programme:
    return _appended(p, _entry(p, Operation.REOPEN, Stage.DRAFT, reason="Brouillon"))


def _broken_chain(p: Programme) -> Programme:
    back = p.stage.previous()
    entry = attrs.evolve(_entry(p, Operation.RECORD_FINDING, back), from_stage=back)
    return _appended(p, entry)


def _move_back_without_reopening(p: Programme) -> Programme:
    return _appended(p, _entry(p, Operation.RECORD_FINDING, p.stage.previous()))


# -- STG-015, REF-001 … REF-003 ------------------------------------------------------


def _partner_absent_from_first(p: Programme) -> Programme:
    rp = _partner_id(p)
    actions = tuple(
        attrs.evolve(
            a,
            participant_ids=tuple(i for i in a.participant_ids if i != rp),
            status=ActionStatus.PLANNED if a.status is ActionStatus.CANCELLED else a.status,
        )
        for a in p.accompaniment.actions
    )
    return _actions(p, actions)


def _ghost_mission_expert(p: Programme) -> Programme:
    m = p.diagnostic.missions[0]
    return _diagnostic(
        p, missions=_first(p.diagnostic.missions, expert_ids=(*m.expert_ids, "exp-ghost"))
    )


def _ghost_action_expert(p: Programme) -> Programme:
    return _with_action(p, _training(p, expert_ids=(_network_id(p), "exp-ghost")))


def _stranger_participant(p: Programme) -> Programme:
    return _with_action(p, _training(p, participant_ids=(_partner_id(p), "someone-else")))


def _ghost_organiser(p: Programme) -> Programme:
    return _with_mission(p, _late_mission(p, organiser_id="org-ghost"))


def _ghost_author(p: Programme) -> Programme:
    tor = p.preparation.terms_of_reference
    assert tor is not None
    return _deliverable(p, "terms_of_reference", author_ids=(*tor.author_ids, "author-ghost"))


def _ghost_attendee(p: Programme) -> Programme:
    deb = p.diagnostic.debriefing
    if deb is None:
        last = max(m.period.end for m in p.diagnostic.missions)
        deb = Debriefing(on=last, attendee_ids=(_partner_id(p),))
    return _diagnostic(
        p, debriefing=attrs.evolve(deb, attendee_ids=(*deb.attendee_ids, "attendee-ghost"))
    )


def _ghost_member(p: Programme) -> Programme:
    body = p.beneficiary
    g = body.governing_bodies[0]
    ghost = attrs.evolve(g, member_ids=(*g.member_ids, "member-ghost"))
    return attrs.evolve(
        p, beneficiary=attrs.evolve(body, governing_bodies=(ghost, *body.governing_bodies[1:]))
    )


def _ghost_plan_owner(p: Programme) -> Programme:
    body = p.beneficiary
    plan = body.mandate_plan
    assert plan is not None
    axis = PlanAxis(
        id="axis-planted",
        title="Axe planté",
        actions=(PlanAction(id="pa-planted", title="Action du plan", owner_id="owner-ghost"),),
    )
    plan = attrs.evolve(plan, axes=(*plan.axes, axis))
    return attrs.evolve(p, beneficiary=attrs.evolve(body, mandate_plan=plan))


def _own_parent(p: Programme) -> Programme:
    body = p.beneficiary
    return attrs.evolve(p, beneficiary=attrs.evolve(body, parent_id=body.id))


def _twin_expert(p: Programme) -> Programme:
    return attrs.evolve(p, experts=(*p.experts, p.experts[0]))


def _twin_person(p: Programme) -> Programme:
    body = p.beneficiary
    twin = StaffMember(id=body.officials[0].id, name="Homonyme")
    return attrs.evolve(p, beneficiary=attrs.evolve(body, staff=(*body.staff, twin)))


def _twin_mission(p: Programme) -> Programme:
    return _with_mission(p, p.diagnostic.missions[0])


def _twin_finding(p: Programme) -> Programme:
    d = p.diagnostic
    twin = GoodPractice(id=d.issues[0].id, statement="Homonyme")
    return _diagnostic(p, practices=(*d.practices, twin))


def _twin_action(p: Programme) -> Programme:
    return _with_action(p, p.accompaniment.actions[0])


def _outsider_in_history(p: Programme) -> Programme:
    return _history_last(p, by="officer-outside")


def _outsider_approval(p: Programme) -> Programme:
    tk = p.preparation.toolkit
    assert tk is not None
    assert tk.approval is not None
    return _deliverable(p, "toolkit", approval=attrs.evolve(tk.approval, by="approver-outside"))


_P, _D, _A, _C = Stage.PREPARATION, Stage.DIAGNOSTIC, Stage.ACCOMPANIMENT, Stage.CLOSED

VARIANTS: dict[str, dict[str, Defect]] = {
    "REF-001": {
        "ghost-mission-expert": Defect(_D, 0, _ghost_mission_expert),
        "ghost-action-expert": Defect(_A, 0, _ghost_action_expert),
        "stranger-participant": Defect(_A, 0, _stranger_participant),
        "ghost-organiser": Defect(_D, 0, _ghost_organiser),
        "ghost-author": Defect(_D, 0, _ghost_author),
        "ghost-attendee": Defect(_D, 0, _ghost_attendee),
        "ghost-member": Defect(Stage.DRAFT, 0, _ghost_member),
        "ghost-plan-owner": Defect(Stage.DRAFT, 0, _ghost_plan_owner),
        "own-parent": Defect(Stage.DRAFT, 0, _own_parent),
    },
    "REF-002": {
        "twin-expert": Defect(Stage.DRAFT, 0, _twin_expert),
        "twin-person": Defect(Stage.DRAFT, 0, _twin_person),
        "twin-mission": Defect(_D, 0, _twin_mission),
        "twin-finding": Defect(_D, 0, _twin_finding),
        "twin-action": Defect(_A, 1, _twin_action),
    },
    "REF-003": {
        "outsider-in-history": Defect(_P, 0, _outsider_in_history),
        "outsider-approval": Defect(_D, 0, _outsider_approval),
    },
    "STG-001": {
        "stage-mismatch": Defect(_P, 0, _stage_mismatch),
        "wrong-closing-operation": Defect(_P, 0, _wrong_closing_operation),
        "moves-without-closing": Defect(_P, 0, _moves_without_closing),
    },
    "STG-002": {
        "foreign-partner": Defect(_P, 0, _foreign_partner),
        "partner-not-a-member": Defect(_P, 0, _partner_not_a_member, max_stage=_P),
        "no-partner": Defect(_P, 0, _no_partner, max_stage=_P),
    },
    "STG-003": {
        "unapproved": Defect(_D, 0, _unapproved_terms),
        "missing": Defect(_D, 0, _missing_toolkit),
        "no-network-author": Defect(_D, 0, _no_network_author),
        "partner-not-author": Defect(_D, 0, _partner_not_author),
    },
    "STG-004": {
        "uncited-recommendation": Defect(_A, 0, _uncited_recommendation),
        "cites-unknown": Defect(_D, 0, _cites_unknown),
        "no-on-site-mission": Defect(_A, 0, _missions_off_site),
        "not-organised-by-partner": Defect(_A, 0, _missions_organised_by_others),
        "no-major-issue": Defect(_A, 0, _no_major_issue),
        "no-recommendation": Defect(_A, 0, _no_recommendation),
    },
    "STG-005": {
        "starts-before-closing": Defect(_A, 0, _early_action),
        "started-while-diagnosing": Defect(_D, 0, _started_while_diagnosing, max_stage=_D),
    },
    "STG-006": {
        "answers-nothing": Defect(_A, 1, _action_answering_nothing),
        "answers-unknown": Defect(_A, 1, _action_answering_unknown),
    },
    "STG-007": {
        "action-without-modality": Defect(_A, 1, _undecided_action),
        "mission-without-modality": Defect(_D, 0, _undecided_mission),
    },
    "STG-008": {"training-for-nobody": Defect(_A, 0, _training_for_nobody)},
    "STG-009": {
        "no-current-term": Defect(_A, 0, _support_without_term),
        "plan-not-adopted": Defect(_A, 0, _plan_not_adopted),
        "plan-of-another-term": Defect(_A, 0, _plan_of_another_term),
    },
    "STG-010": {
        "local-alone-on-action": Defect(_A, 0, _local_alone_on_action),
        "local-alone-on-mission": Defect(_D, 0, _local_alone_on_mission),
    },
    "STG-011": {
        "finding-trade-out-of-scope": Defect(_A, 0, _finding_trade_out_of_scope),
        "finding-region-out-of-scope": Defect(_D, 0, _finding_region_out_of_scope),
        "action-trade-out-of-scope": Defect(_A, 0, _action_trade_out_of_scope),
        "action-region-out-of-scope": Defect(_A, 0, _action_region_out_of_scope),
    },
    "STG-012": {"unqualified-expert": Defect(_D, 0, _unqualified_expert)},
    "STG-013": {
        "reversed-planned-period": Defect(Stage.DRAFT, 0, _ends_before_start),
        "reversed-mission": Defect(_D, 0, _reversed_mission),
        "reversed-action": Defect(_A, 0, _reversed_action),
        "reversed-planned-mission": Defect(_D, 0, _reversed_planned_mission),
        "history-out-of-order": Defect(_D, 0, _history_out_of_order),
        "mission-before-diagnostic": Defect(_D, 0, _mission_before_diagnostic),
        "double-booked-mission": Defect(_D, 0, _double_booked_mission),
        "double-booked-action": Defect(_A, 0, _double_booked_action),
    },
    "STG-014": {
        "silent-reopening": Defect(_D, 0, _silent_reopening),
        "reopening-too-far": Defect(_A, 0, _reopening_too_far, max_stage=_A),
        "reopening-the-draft": Defect(_P, 0, _reopening_the_draft, max_stage=_P),
        "broken-chain": Defect(_P, 0, _broken_chain),
        "move-back-without-reopening": Defect(_P, 0, _move_back_without_reopening),
    },
    "STG-015": {"partner-absent-from-first": Defect(_A, 1, _partner_absent_from_first)},
}
"""Every way of breaking each core rule, by code and variant name; the first is the classic."""


# The funding and results rules have one way each of being broken.
VARIANTS.update(
    {
        code: {plant.__name__.strip("_").replace("_", "-"): Defect(Stage.DRAFT, 0, plant)}
        for code, plant in FUNDING_PLANTERS.items()
    }
)
VARIANTS.update(
    {
        code: {plant.__name__.strip("_").replace("_", "-"): Defect(stage, actions, plant)}
        for code, (stage, actions, plant) in RESULTS_DEFECTS.items()
    }
)

DEFECTS: dict[str, Defect] = {code: next(iter(ways.values())) for code, ways in VARIANTS.items()}
"""The classic planter for each core rule code (the first of its :data:`VARIANTS`)."""
