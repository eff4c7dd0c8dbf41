"""The core stage rules, STG-001 … STG-015, and the reference rules REF-001 … REF-003.

Each rule is a pure function of a programme (and the rule context) that yields
one :class:`Breach` per problem, with the ids concerned and a message whose
parameters (ids, dates, stages, other messages) are rendered in the language it is
shown in. The table in ``docs/domain.md`` lists them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from operator import itemgetter

from compagnonnage._i18n import CORE, SOURCE_LANGUAGE, Message, _, _n, term
from compagnonnage.model import (
    ActionStatus,
    Affiliation,
    Body,
    Deliverable,
    Finding,
    MandatePlan,
    MandatePlanning,
    MethodologicalSupport,
    Mission,
    Modality,
    Operation,
    Period,
    Programme,
    Recommendation,
    Stage,
    SupportAction,
    Training,
)
from compagnonnage.rules._funding import FUNDING_RULES
from compagnonnage.rules._registry import Breach, Rule, RuleContext, Severity, Subject, rule
from compagnonnage.rules._results import RESULTS_RULES
from compagnonnage.rules._shared import STARTED

_PREPARATION = Stage.PREPARATION.rank
_DIAGNOSTIC = Stage.DIAGNOSTIC.rank
_ACCOMPANIMENT = Stage.ACCOMPANIMENT.rank

# Members of the model's enumerations compared once per item, looked up once here:
# ``Modality.ON_SITE`` costs several times reading the item's own field.
_ON_SITE = Modality.ON_SITE
_NETWORK, _LOCAL = Affiliation.NETWORK, Affiliation.LOCAL
_CANCELLED = ActionStatus.CANCELLED


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(sorted(ids))


def _programme(p: Programme) -> Subject:
    return Subject("programme", p.id)


def _all(kind: str, ids: Iterable[str]) -> tuple[Subject, ...]:
    """``ids``, sorted, each labelled ``kind``."""
    return tuple(Subject(kind, i) for i in sorted(ids))


def _deliverable(kind: str) -> Message:
    """The name of a deliverable's kind (``terms_of_reference``), rendered in each language.

    The same message as the domain's term ``kind.<kind>``, whose catalogue entry it uses.
    """
    key = f"kind.{kind}"
    return Message(CORE, term(key, SOURCE_LANGUAGE), context=key)


def _subject(item: Mission | SupportAction | Finding) -> Subject:
    """A mission, a support action or a finding as the subject of a breach."""
    if isinstance(item, Mission):
        return Subject("mission", item.id)
    if isinstance(item, SupportAction):
        return Subject("action", item.id)
    return Subject("recommendation" if isinstance(item, Recommendation) else "finding", item.id)


@rule(
    "STG-001",
    title=_("Three stages in fixed order: preparation, diagnostic, accompaniment, closed"),
)
def _stage_order(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, e in enumerate(p.history):
        moves_forward = e.to_stage.rank > e.from_stage.rank
        expected = e.operation.closes
        if expected is not None:
            if e.from_stage is not expected or e.to_stage is not expected.next():
                yield Breach(
                    (_programme(p),),
                    _(
                        "History [{index}]: '{operation}' must move from {stage} to {next}, "
                        "not from {from_stage} to {to_stage}.",
                        index=i,
                        operation=e.operation.value,
                        stage=expected,
                        next=expected.next(),
                        from_stage=e.from_stage,
                        to_stage=e.to_stage,
                    ),
                )
        elif moves_forward:
            yield Breach(
                (_programme(p),),
                _(
                    "History [{index}]: '{operation}' cannot change the stage "
                    "({from_stage} → {to_stage}).",
                    index=i,
                    operation=e.operation.value,
                    from_stage=e.from_stage,
                    to_stage=e.to_stage,
                ),
            )
    recorded = p.history[-1].to_stage if p.history else Stage.DRAFT
    if p.stage is not recorded:
        yield Breach(
            (_programme(p),),
            _(
                "Programme {programme} is in {stage} but its history places it in {recorded}.",
                programme=p.id,
                stage=p.stage,
                recorded=recorded,
            ),
        )


@rule(
    "STG-002",
    title=_("A programme opens only with a reference partner from the beneficiary body"),
)
def _reference_partner(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage.rank < _PREPARATION:
        return
    rp, body = p.reference_partner, p.beneficiary
    if rp is None:
        yield Breach(
            (_programme(p),),
            _("Programme {programme} is open without a reference partner.", programme=p.id),
        )
    elif rp.body_id != body.id or rp.id not in body.people_ids:
        yield Breach(
            (_programme(p), Subject("person", rp.id)),
            _(
                "Reference partner {partner} is neither an elected official nor staff of {body}.",
                partner=rp.id,
                body=body.id,
            ),
        )


@rule(
    "STG-003",
    title=_("Preparation closes with three approved, co-authored deliverables"),
)
def _preparation_complete(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage.rank < _DIAGNOSTIC:
        return
    network = {e.id for e in p.experts if e.affiliation is _NETWORK}
    rp = p.reference_partner
    for kind, d in p.preparation.deliverables().items():
        yield from _deliverable_breaches(p, kind, d, network, rp.id if rp else None)


def _deliverable_breaches(
    p: Programme, kind: str, d: Deliverable | None, network: set[str], partner_id: str | None
) -> Iterator[Breach]:
    if (
        d is not None
        and d.approval is not None
        and not network.isdisjoint(d.author_ids)
        and (partner_id is None or partner_id in d.author_ids)
    ):
        return  # sound: its name and subjects are made only for a breach
    subjects = (_programme(p), Subject("deliverable", kind))
    name = _deliverable(kind)
    if d is None:
        yield Breach(subjects, _("Deliverable '{deliverable}': missing.", deliverable=name))
        return
    if d.approval is None:
        yield Breach(subjects, _("Deliverable '{deliverable}': not approved.", deliverable=name))
    if network.isdisjoint(d.author_ids):
        yield Breach(
            subjects,
            _(
                "Deliverable '{deliverable}': no network expert among the authors.",
                deliverable=name,
            ),
        )
    if partner_id is not None and partner_id not in d.author_ids:
        yield Breach(
            subjects,
            _(
                "Deliverable '{deliverable}': reference partner {partner} is not among the "
                "authors.",
                deliverable=name,
                partner=partner_id,
            ),
        )


_UNCITED = _("Recommendation {owner} cites no finding.")
_CITES_UNKNOWN = _n(
    "Recommendation {owner} cites an unknown finding: {ids}.",
    "Recommendation {owner} cites unknown findings: {ids}.",
)
_ANSWERS_NOTHING = _("Support action {owner} answers no recommendation.")
_ANSWERS_UNKNOWN = _n(
    "Support action {owner} answers an unknown recommendation: {ids}.",
    "Support action {owner} answers unknown recommendations: {ids}.",
)


def _citations(
    citing: Iterable[tuple[Recommendation | SupportAction, tuple[str, ...]]],
    known: set[str] | frozenset[str],
    none: Message,
    unknown: Message,
    cited: str,
) -> Iterator[Breach]:
    """A breach for each owner (with the ids it refers to) that refers to nothing, or to
    ids (of kind ``cited``) not ``known``.

    ``unknown`` is a plural message, its form chosen by the number of unknown ids.
    """
    for item, refs in citing:
        if refs and known.issuperset(refs):
            continue  # the owner's subject is made only for a breach: most of the rule's time
        owner = _subject(item)
        if not refs:
            yield Breach((owner,), none.bind(owner=owner))
            continue
        missing = sorted(r for r in refs if r not in known)
        yield Breach(
            (owner, *_all(cited, missing)),
            unknown.bind(len(missing), owner=owner, ids=_ids(missing)),
        )


@rule(
    "STG-004",
    title=_("The diagnostic closes with an on-site mission, a major issue and a recommendation"),
)
def _diagnostic_complete(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    d = p.diagnostic
    citable = {f.id for f in d.issues} | {f.id for f in d.practices}
    yield from _citations(
        ((r, r.cites) for r in d.recommendations), citable, _UNCITED, _CITES_UNKNOWN, "finding"
    )
    if p.stage.rank < _ACCOMPANIMENT:
        return
    rp = p.reference_partner
    if not any(
        m.modality is _ON_SITE and rp is not None and m.organiser_id == rp.id for m in d.missions
    ):
        yield Breach(
            (_programme(p),),
            _("The diagnostic has no on-site mission organised by the reference partner."),
        )
    if not d.issues:
        yield Breach((_programme(p),), _("The diagnostic records no major issue."))
    if not d.recommendations:
        yield Breach((_programme(p),), _("The diagnostic makes no recommendation."))


@rule(
    "STG-005",
    title=_("No support action starts before the diagnostic is closed"),
)
def _no_action_before_diagnostic(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    closed_at = p.entered(Stage.ACCOMPANIMENT)
    closed_on = closed_at.date() if closed_at is not None else None
    for a in p.accompaniment.actions:
        if closed_on is None and a.status in STARTED:
            yield Breach(
                (_subject(a),),
                _(
                    "Support action {action} has started while the diagnostic is not closed.",
                    action=a.id,
                ),
            )
        elif closed_on is not None and a.period is not None and a.period.start < closed_on:
            yield Breach(
                (_subject(a),),
                _(
                    "Support action {action} starts on {start}, before the diagnostic closed "
                    "on {closed}.",
                    action=a.id,
                    start=a.period.start,
                    closed=closed_on,
                ),
            )


@rule(
    "STG-006",
    title=_("Every support action answers at least one recommendation of the diagnostic"),
)
def _actions_answer(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    yield from _citations(
        ((a, a.answers) for a in p.accompaniment.actions),
        p.diagnostic.recommendation_ids,
        _ANSWERS_NOTHING,
        _ANSWERS_UNKNOWN,
        "recommendation",
    )


@rule(
    "STG-007",
    title=_("Every support action and mission is remote or on site"),
)
def _modality_set(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for m in p.diagnostic.missions:
        if m.modality is None:
            yield Breach(
                (_subject(m),), _("Mission {mission} is neither remote nor on site.", mission=m.id)
            )
    for a in p.accompaniment.actions:
        if a.modality is None:
            yield Breach(
                (_subject(a),),
                _("Support action {action} is neither remote nor on site.", action=a.id),
            )


@rule(
    "STG-008",
    title=_("Training addresses elected officials and/or staff of the beneficiary"),
)
def _training_audience(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for a in p.accompaniment.actions:
        if isinstance(a, Training) and not a.audience:
            yield Breach(
                (_subject(a),),
                _("Training {action} addresses neither elected officials nor staff.", action=a.id),
            )


def _plans(p: Programme) -> Iterator[MandatePlan]:
    """Every mandate plan of the programme, adopted or not."""
    if p.beneficiary.mandate_plan is not None:
        yield p.beneficiary.mandate_plan
    for a in p.accompaniment.actions:
        if isinstance(a, MandatePlanning) and a.plan is not None:
            yield a.plan


@rule(
    "STG-009",
    title=_("Methodological support requires a mandate plan adopted for the current term"),
)
def _mandate_plan_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    started = [
        a
        for a in p.accompaniment.actions
        if isinstance(a, MethodologicalSupport) and a.status in STARTED
    ]
    if not started:
        return
    term = p.beneficiary.current_term
    if term is not None and any(plan.adopted and plan.term == term for plan in _plans(p)):
        return
    for a in started:
        yield Breach(
            (_subject(a),),
            _(
                "Methodological support {action} has started without a mandate plan adopted "
                "for the current term.",
                action=a.id,
            ),
        )


def _workers(p: Programme) -> tuple[Mission | SupportAction, ...]:
    """The missions, then the support actions: what experts work on."""
    return (*p.diagnostic.missions, *p.accompaniment.actions)


_LOCAL_ALONE = {
    "mission": _("On mission {item}, a local expert works without a network expert."),
    "action": _("On support action {item}, a local expert works without a network expert."),
}
_OUTSIDE_TEAM = {
    "mission": _n(
        "On mission {item}, an expert not in the team: {ids}.",
        "On mission {item}, experts not in the team: {ids}.",
    ),
    "action": _n(
        "On support action {item}, an expert not in the team: {ids}.",
        "On support action {item}, experts not in the team: {ids}.",
    ),
}
"""What STG-010 and REF-001 say, by the kind of item (a mission, a support action)."""


@rule(
    "STG-010",
    title=_("A local expert works only alongside a network expert"),
)
def _local_with_network(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    local = {e.id for e in p.experts if e.affiliation is _LOCAL}
    if not local:
        return
    network = {e.id for e in p.experts if e.affiliation is _NETWORK}
    for item in _workers(p):
        ids = item.expert_ids
        if not local.isdisjoint(ids) and network.isdisjoint(ids):
            subject = _subject(item)
            yield Breach((subject,), _LOCAL_ALONE[subject.kind].bind(item=item.id))


@rule(
    "STG-011",
    title=_("Trade and region keys belong to the scope and to a known nomenclature"),
)
def _keys_in_scope(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    scope = p.scope
    if ctx.lacks_nomenclatures:
        yield from _unchecked_nomenclatures(p)
    for t in scope.trades:
        if not ctx.knows_trade(t.nomenclature, t.code):
            yield Breach(
                (_programme(p), Subject("trade", str(t))),
                _("Scope trade {trade} belongs to no known nomenclature.", trade=str(t)),
            )
    known = ctx.nomenclatures or {}
    for t in p.beneficiary.trades:
        if t.nomenclature in known and t.code not in known[t.nomenclature]:
            yield Breach(
                (p.beneficiary.id, str(t)),
                _(
                    "Trade {trade} of {body} is not in nomenclature {nomenclature}.",
                    trade=str(t),
                    body=p.beneficiary.id,
                    nomenclature=t.nomenclature,
                ),
            )
    trades = set(scope.trades)
    countries = {r.country for r in scope.regions if r.subdivision is None}
    regions = set(scope.regions)
    keyed: tuple[Finding | SupportAction, ...] = (
        *p.diagnostic.findings(),
        *p.accompaniment.actions,
    )
    for item in keyed:
        trade, region = item.trade, item.region
        if trade is not None and trade not in trades:
            yield Breach(
                (_subject(item), Subject("trade", str(trade))),
                _(
                    "Trade {trade} on {item} is outside the programme's scope.",
                    trade=str(trade),
                    item=item.id,
                ),
            )
        if region is not None and region.country not in countries and region not in regions:
            yield Breach(
                (_subject(item), Subject("region", str(region))),
                _(
                    "Region {region} on {item} is outside the programme's scope.",
                    region=str(region),
                    item=item.id,
                ),
            )


def _unchecked_nomenclatures(p: Programme) -> Iterator[Breach]:
    """A warning per nomenclature the programme's trades name, none being known."""
    named: dict[str, set[str]] = {}
    keyed: tuple[Finding | SupportAction, ...] = (
        *p.diagnostic.findings(),
        *p.accompaniment.actions,
    )
    for t in (*p.scope.trades, *(i.trade for i in keyed if i.trade is not None)):
        named.setdefault(t.nomenclature, set()).add(str(t))
    for nomenclature, trades in sorted(named.items()):
        yield Breach(
            (_programme(p), Subject("nomenclature", nomenclature)),
            _n(
                "No loaded plugin provides nomenclature {nomenclature}: "
                "trade {trades} cannot be checked.",
                "No loaded plugin provides nomenclature {nomenclature}: "
                "trades {trades} cannot be checked.",
                len(trades),
                nomenclature=nomenclature,
                trades=_ids(trades),
            ),
            warning=True,
        )


@rule(
    "STG-012",
    title=_("Experts on a diagnostic mission hold the competence for its kind"),
)
def _mission_competence(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    team = p.experts_by_id
    for m in p.diagnostic.missions:
        needed = m.kind.competence
        lacking = [i for i in m.expert_ids if i in team and needed not in team[i].competences]
        if lacking:
            yield Breach(
                (_subject(m), *_all("expert", lacking)),
                _(
                    "On mission {mission}, competence '{competence}' missing for: {ids}.",
                    mission=m.id,
                    competence=needed,
                    ids=_ids(lacking),
                ),
            )


def _periods(p: Programme) -> Iterator[tuple[str, str, Period]]:
    """The dated things of the programme besides its missions and actions: the kind and id
    of the subject each would be (made only for a breach), and its period."""
    if p.planned is not None:
        yield "programme", p.id, p.planned
    term = p.beneficiary.current_term
    if term is not None:
        yield "body", p.beneficiary.id, term.period
    wp = p.preparation.work_programme
    if wp is not None:
        for n, pm in enumerate(wp.missions):
            yield "planned_mission", f"work_programme.missions[{n}]", pm.period


def _ends_before_start(subject: Subject, period: Period) -> Breach:
    """STG-013's breach for ``subject``, dated over ``period``, which ends before it starts."""
    return Breach(
        (subject,),
        _(
            "{item} ends on {end}, before it starts on {start}.",
            item=subject,
            end=period.end,
            start=period.start,
        ),
    )


@rule(
    "STG-013",
    title=_("Dates are coherent"),
)
def _dates(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for kind, ident, period in _periods(p):
        if period.start > period.end:
            yield _ends_before_start(Subject(kind, ident), period)
    for item in _workers(p):  # missions, then actions: most of what is dated
        if item.period is not None and item.period.start > item.period.end:
            yield _ends_before_start(_subject(item), item.period)
    for i in range(1, len(p.history)):
        if p.history[i].at < p.history[i - 1].at:
            yield Breach(
                (_programme(p),),
                _("History [{index}]: dated before the entry that precedes it.", index=i),
            )
    opened = p.entered(Stage.DIAGNOSTIC)
    if opened is not None:
        for m in p.diagnostic.missions:
            if m.period.start < opened.date():
                yield Breach(
                    (_subject(m),),
                    _("Mission {mission} starts before the preparation closed.", mission=m.id),
                )
    yield from _double_bookings(p)


def _double_bookings(p: Programme) -> Iterator[Breach]:
    """Experts on two overlapping on-site missions or actions in different places.

    Whether two stays clash depends on the two items only (their places and periods),
    not on the expert: the clashing pairs of items are found once, by a sweep over every
    on-site item sorted by start, and each expert the two share is named. Sweeping each
    expert's stays instead was most of the rule's time. The breaches come in the order
    of a sweep per expert: by expert (as first met), then by the two stays' order.
    """
    stays = [
        (item.period.start, item.period.end, item.place, item)
        for item in _workers(p)
        if item.modality is _ON_SITE and item.period is not None and item.place
    ]
    by_start = sorted(stays, key=itemgetter(0))
    clashes: list[tuple[str, int, int, int, int]] = []
    for i, (start, end, place, first) in enumerate(by_start):
        for j in range(i + 1, len(by_start)):
            other_start, other_end, other_place, second = by_start[j]
            if other_start > end:
                break  # sorted by start: no later stay overlaps this one
            if place != other_place and start <= other_end:  # the periods overlap
                clashes.extend(_shared_stays(i, first.expert_ids, j, second.expert_ids))
    if not clashes:
        return
    met = dict.fromkeys(e for stay in stays for e in stay[3].expert_ids)
    order = {e: n for n, e in enumerate(met)}
    clashes.sort(key=lambda clash: (order[clash[0]], *clash[1:]))
    for expert, i, _mine, j, _theirs in clashes:
        (_start, _end, la, item_a), (_start, _end, lb, item_b) = by_start[i], by_start[j]
        a, b = _subject(item_a), _subject(item_b)
        yield Breach(
            (Subject("expert", expert), *sorted((a, b))),
            _(
                "Expert {expert} is at {place} ({item}) and at {other_place} "
                "({other_item}) at the same time.",
                expert=expert,
                place=la,
                item=a,
                other_place=lb,
                other_item=b,
            ),
        )


def _shared_stays(
    i: int, ours: tuple[str, ...], j: int, theirs: tuple[str, ...]
) -> Iterator[tuple[str, int, int, int, int]]:
    """Each pair of stays that two clashing items, the ``i``-th and ``j``-th by start, give
    an expert they share: the expert, then each stay's place in that expert's own sweep
    (an item, then which of its namings of the expert, as an expert named twice on an
    item has a stay for each naming)."""
    for e in dict.fromkeys(ours):
        named = theirs.count(e)
        for mine in range(ours.count(e)):
            for other in range(named):
                yield e, i, mine, j, other


@rule(
    "STG-014",
    title=_("History is append-only; a stage reopens only explicitly, with a reason"),
)
def _history_integrity(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    previous = Stage.DRAFT
    for i, e in enumerate(p.history):
        if e.from_stage is not previous:
            yield Breach(
                (_programme(p),),
                _(
                    "History [{index}]: starts from {from_stage} while the previous entry ends "
                    "in {previous}.",
                    index=i,
                    from_stage=e.from_stage,
                    previous=previous,
                ),
            )
        if e.operation is Operation.REOPEN:
            if e.from_stage.rank <= _PREPARATION or e.to_stage is not e.from_stage.previous():
                yield Breach(
                    (_programme(p),),
                    _(
                        "History [{index}]: a reopening goes back to the stage closed just "
                        "before, not from {from_stage} to {to_stage}.",
                        index=i,
                        from_stage=e.from_stage,
                        to_stage=e.to_stage,
                    ),
                )
            if e.reason is None:
                yield Breach(
                    (_programme(p),),
                    _("History [{index}]: reopening without a reason.", index=i),
                )
        elif e.to_stage.rank < e.from_stage.rank:
            yield Breach(
                (_programme(p),),
                _("History [{index}]: a move back without an explicit reopening.", index=i),
            )
        previous = e.to_stage


@rule(
    "STG-015",
    severity=Severity.WARNING,
    title=_("The reference partner takes part in the first support action"),
)
def _partner_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    rp = p.reference_partner
    live = [a for a in p.accompaniment.actions if a.status is not _CANCELLED]
    if rp is None or not live:
        return
    # the first is the earliest to start (the smallest id among those), else the
    # smallest id among the undated: found without a key tuple made per action
    starts = [a.period.start for a in live if a.period is not None]
    earliest = min(starts) if starts else None
    first = min(
        (a for a in live if (a.period.start if a.period is not None else None) == earliest),
        key=lambda a: a.id,
    )
    if rp.id not in first.participant_ids:
        yield Breach(
            (_subject(first), Subject("person", rp.id)),
            _(
                "Reference partner {partner} does not take part in the first support action, "
                "{action}.",
                partner=rp.id,
                action=first.id,
            ),
        )


@rule(
    "REF-001",
    title=_("Every id a programme names refers to someone it knows"),
)
def _references(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    team = frozenset(p.experts_by_id)
    people = p.beneficiary.people_ids
    everyone = people | team
    # each item is looked at by a set comparison; the ids are listed only for a breach
    for item in _workers(p):
        if team.issuperset(item.expert_ids):
            continue
        unknown = [i for i in item.expert_ids if i not in team]
        subject = _subject(item)
        yield Breach(
            (subject, *_all("expert", unknown)),
            _OUTSIDE_TEAM[subject.kind].bind(len(unknown), item=item.id, ids=_ids(unknown)),
        )
    for a in p.accompaniment.actions:
        if people.issuperset(a.participant_ids):
            continue
        strangers = [i for i in a.participant_ids if i not in people]
        yield Breach(
            (_subject(a), *_all("person", strangers)),
            _n(
                "Support action {action} has a participant from outside the beneficiary: {ids}.",
                "Support action {action} has participants from outside the beneficiary: {ids}.",
                len(strangers),
                action=a.id,
                ids=_ids(strangers),
            ),
        )
    for m in p.diagnostic.missions:
        if m.organiser_id is not None and m.organiser_id not in everyone:
            yield Breach(
                (_subject(m), Subject("person", m.organiser_id)),
                _(
                    "Mission {mission} is organised by {organiser}, unknown to the programme.",
                    mission=m.id,
                    organiser=m.organiser_id,
                ),
            )
    for kind, d in p.preparation.deliverables().items():
        if d is not None:
            strangers = [i for i in d.author_ids if i not in everyone]
            if strangers:
                yield Breach(
                    (Subject("deliverable", kind), *_all("person", strangers)),
                    _n(
                        "Deliverable '{deliverable}': unknown author: {ids}.",
                        "Deliverable '{deliverable}': unknown authors: {ids}.",
                        len(strangers),
                        deliverable=_deliverable(kind),
                        ids=_ids(strangers),
                    ),
                )
    deb = p.diagnostic.debriefing
    if deb is not None:
        strangers = [i for i in deb.attendee_ids if i not in everyone]
        if strangers:
            yield Breach(
                (Subject("debriefing", "debriefing"), *_all("person", strangers)),
                _n(
                    "The debriefing has an unknown attendee: {ids}.",
                    "The debriefing has unknown attendees: {ids}.",
                    len(strangers),
                    ids=_ids(strangers),
                ),
            )
    yield from _body_references(p.beneficiary, everyone)
    for plan in _plans(p):
        yield from _plan_owners(plan, people | _governing_body_ids(p.beneficiary))


def _governing_body_ids(body: Body) -> frozenset[str]:
    return frozenset(g.id for g in body.governing_bodies)


def _body_references(body: Body, everyone: AbstractSet[str]) -> Iterator[Breach]:
    """The members of the governing bodies, and a parent that the document itself names."""
    for g in body.governing_bodies:
        strangers = [i for i in g.member_ids if i not in body.people_ids]
        if strangers:
            yield Breach(
                (Subject("governing_body", g.id), *_all("person", strangers)),
                _n(
                    "Governing body {governing_body} has a member from outside the beneficiary: "
                    "{ids}.",
                    "Governing body {governing_body} has members from outside the beneficiary: "
                    "{ids}.",
                    len(strangers),
                    governing_body=g.id,
                    ids=_ids(strangers),
                ),
            )
    parent = body.parent_id
    if parent is not None and (parent == body.id or parent in everyone):
        # the parent labelled by what its id does name: the body itself, or someone
        named = "body" if parent == body.id else "person" if parent in body.people_ids else "expert"
        yield Breach(
            (Subject("body", body.id), Subject(named, parent)),
            _("Parent {parent} of {body} is not another body.", parent=parent, body=body.id),
        )


def _plan_owners(plan: MandatePlan, owners: AbstractSet[str]) -> Iterator[Breach]:
    for axis in plan.axes:
        for action in axis.actions:
            if action.owner_id is not None and action.owner_id not in owners:
                yield Breach(
                    (Subject("plan_action", action.id), Subject("person", action.owner_id)),
                    _(
                        "Mandate-plan action {action} is owned by {owner}, unknown to the "
                        "beneficiary.",
                        action=action.id,
                        owner=action.owner_id,
                    ),
                )


@rule(
    "REF-003",
    severity=Severity.WARNING,
    title=_("Ids that may name someone or something outside the programme are known"),
)
def _outside_references(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    everyone = p.beneficiary.people_ids | p.experts_by_id.keys()
    for i, e in enumerate(p.history):
        if e.by not in everyone:
            yield Breach(
                (_programme(p), Subject("person", e.by)),
                _(
                    "History [{index}]: {by} is neither of the beneficiary nor of the expert team.",
                    index=i,
                    by=e.by,
                ),
            )
    approvers = everyone | _governing_body_ids(p.beneficiary)
    for kind, d in p.preparation.deliverables().items():
        if d is not None and d.approval is not None and d.approval.by not in approvers:
            yield Breach(
                (Subject("deliverable", kind), Subject("person", d.approval.by)),
                _(
                    "Deliverable '{deliverable}': approved by {by}, unknown to the programme.",
                    deliverable=_deliverable(kind),
                    by=d.approval.by,
                ),
            )
    if ctx.modules is None:
        return
    toolkit = p.preparation.toolkit
    for module in toolkit.module_ids if toolkit is not None else ():
        if module not in ctx.modules:
            yield Breach(
                (Subject("deliverable", "method_toolkit"), Subject("module", module)),
                _(
                    "The method toolkit names module {module}, which is not installed.",
                    module=module,
                ),
            )
    for s in p.diagnostic.scores:
        dimensions = ctx.modules.get(s.module_id)
        if dimensions is None:
            yield Breach(
                (Subject("module", s.module_id), Subject("dimension", s.dimension_id)),
                _(
                    "A score belongs to module {module}, which is not installed.",
                    module=s.module_id,
                ),
            )
        elif s.dimension_id not in dimensions:
            yield Breach(
                (Subject("module", s.module_id), Subject("dimension", s.dimension_id)),
                _(
                    "A score is on dimension {dimension}, unknown to the installed module "
                    "{module}.",
                    dimension=s.dimension_id,
                    module=s.module_id,
                ),
            )


@rule(
    "REF-002",
    title=_("Ids are unique"),
)
def _unique_ids(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    body, d, actions = p.beneficiary, p.diagnostic, p.accompaniment.actions
    groups = {
        "expert": (e.id for e in p.experts),
        "person": (*(o.id for o in body.officials), *(s.id for s in body.staff)),
        "mission": (m.id for m in d.missions),
        "finding": (f.id for f in d.findings()),
        "action": (a.id for a in actions),
    }
    # how many of each there are, and how many distinct ids (the model's own sets where
    # it keeps them): the ids are listed and counted only for a group that has a twin
    sizes = {
        "expert": (len(p.experts), len(p.experts_by_id)),
        "person": (len(body.officials) + len(body.staff), len(body.people_ids)),
        "mission": (len(d.missions), len({m.id for m in d.missions})),
        "finding": (len(d.issues) + len(d.practices) + len(d.recommendations), len(d.finding_ids)),
        "action": (len(actions), len({a.id for a in actions})),
    }
    for kind, ids in groups.items():
        listed, distinct = sizes[kind]
        if listed == distinct:
            continue
        for ident, n in sorted(Counter(ids).items()):
            if n > 1:
                yield Breach((Subject(kind, ident),), _GIVEN_TWICE[kind].bind(n, id=ident, count=n))


_GIVEN_TWICE = {
    "expert": _n("Id {id} is given to {count} expert.", "Id {id} is given to {count} experts."),
    "person": _n(
        "Id {id} is given to {count} person of the beneficiary.",
        "Id {id} is given to {count} people of the beneficiary.",
    ),
    "mission": _n("Id {id} is given to {count} mission.", "Id {id} is given to {count} missions."),
    "finding": _n("Id {id} is given to {count} finding.", "Id {id} is given to {count} findings."),
    "action": _n(
        "Id {id} is given to {count} support action.",
        "Id {id} is given to {count} support actions.",
    ),
}
"""What REF-002 says of an id given several times, by what the id names."""


CORE_RULES: tuple[Rule, ...] = (
    _stage_order,
    _reference_partner,
    _preparation_complete,
    _diagnostic_complete,
    _no_action_before_diagnostic,
    _actions_answer,
    _modality_set,
    _training_audience,
    _mandate_plan_first,
    _local_with_network,
    _keys_in_scope,
    _mission_competence,
    _dates,
    _history_integrity,
    _partner_first,
    _references,
    _unique_ids,
    _outside_references,
    *FUNDING_RULES,
    *RESULTS_RULES,
)
