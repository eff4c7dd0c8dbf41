"""The core stage rules, STG-001 … STG-015, and the reference rules REF-001 … REF-003.

Each rule is a pure function of a programme (and the rule context) that yields
one :class:`Breach` per problem, with the ids concerned and a message in French
and English. The table in ``docs/domain.md`` lists them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from compagnonnage._i18n import Message, _, enum_label, stage_label, term
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

_PREPARATION = Stage.PREPARATION.rank
_DIAGNOSTIC = Stage.DIAGNOSTIC.rank
_ACCOMPANIMENT = Stage.ACCOMPANIMENT.rank


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(sorted(ids))


def _programme(p: Programme) -> Subject:
    return Subject("programme", p.id)


def _all(kind: str, ids: Iterable[str]) -> tuple[Subject, ...]:
    """``ids``, sorted, each labelled ``kind``."""
    return tuple(Subject(kind, i) for i in sorted(ids))


def _subject(item: Mission | SupportAction | Finding) -> Subject:
    """A mission, a support action or a finding as the subject of a breach."""
    if isinstance(item, Mission):
        return Subject("mission", item.id)
    if isinstance(item, SupportAction):
        return Subject("action", item.id)
    return Subject("recommendation" if isinstance(item, Recommendation) else "finding", item.id)


@rule(
    "STG-001",
    title_fr="Trois étapes dans l'ordre : préparation, diagnostic, accompagnement, clôture",
    title_en="Three stages in fixed order: preparation, diagnostic, accompaniment, closed",
)
def _stage_order(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, e in enumerate(p.history):
        moves_forward = e.to_stage.rank > e.from_stage.rank
        expected = e.operation.closes
        if expected is not None:
            if e.from_stage is not expected or e.to_stage is not expected.next():
                yield Breach(
                    (_programme(p),),
                    f"Historique [{i}] : « {e.operation.value} » doit passer de "
                    f"{stage_label(expected, 'fr')} à {stage_label(expected.next(), 'fr')}, "
                    f"pas de {stage_label(e.from_stage, 'fr')} à {stage_label(e.to_stage, 'fr')}.",
                    f"History [{i}]: '{e.operation.value}' must move from "
                    f"{stage_label(expected, 'en')} to {stage_label(expected.next(), 'en')}, "
                    f"not from {stage_label(e.from_stage, 'en')} to {stage_label(e.to_stage, 'en')}.",
                )
        elif moves_forward:
            yield Breach(
                (_programme(p),),
                f"Historique [{i}] : « {e.operation.value} » ne peut pas changer d'étape "
                f"({stage_label(e.from_stage, 'fr')} → {stage_label(e.to_stage, 'fr')}).",
                f"History [{i}]: '{e.operation.value}' cannot change the stage "
                f"({stage_label(e.from_stage, 'en')} → {stage_label(e.to_stage, 'en')}).",
            )
    recorded = p.history[-1].to_stage if p.history else Stage.DRAFT
    if p.stage is not recorded:
        yield Breach(
            (_programme(p),),
            f"Le programme {p.id} est en {stage_label(p.stage, 'fr')} mais son historique "
            f"le place en {stage_label(recorded, 'fr')}.",
            f"Programme {p.id} is in {stage_label(p.stage, 'en')} but its history "
            f"places it in {stage_label(recorded, 'en')}.",
        )


@rule(
    "STG-002",
    title_fr="Un programme s'ouvre avec un partenaire de référence membre du bénéficiaire",
    title_en="A programme opens only with a reference partner from the beneficiary body",
)
def _reference_partner(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage.rank < _PREPARATION:
        return
    rp, body = p.reference_partner, p.beneficiary
    if rp is None:
        yield Breach(
            (_programme(p),),
            f"Le programme {p.id} est ouvert sans partenaire de référence.",
            f"Programme {p.id} is open without a reference partner.",
        )
    elif rp.body_id != body.id or rp.id not in body.people_ids:
        yield Breach(
            (_programme(p), Subject("person", rp.id)),
            f"Le partenaire de référence {rp.id} n'est ni élu ni salarié de {body.id}.",
            f"Reference partner {rp.id} is neither an elected official nor staff of {body.id}.",
        )


@rule(
    "STG-003",
    title_fr="La préparation se clôt avec trois livrables approuvés, co-écrits",
    title_en="Preparation closes with three approved, co-authored deliverables",
)
def _preparation_complete(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage.rank < _DIAGNOSTIC:
        return
    network = {e.id for e in p.experts if e.affiliation is Affiliation.NETWORK}
    rp = p.reference_partner
    for kind, d in p.preparation.deliverables().items():
        yield from _deliverable_breaches(p, kind, d, network, rp.id if rp else None)


def _deliverable_breaches(
    p: Programme, kind: str, d: Deliverable | None, network: set[str], partner_id: str | None
) -> Iterator[Breach]:
    subjects = (_programme(p), Subject("deliverable", kind))
    fr, en = (
        f"Livrable « {term('kind.' + kind, 'fr')} » :",
        f"Deliverable '{term('kind.' + kind, 'en')}':",
    )
    if d is None:
        yield Breach(subjects, f"{fr} manquant.", f"{en} missing.")
        return
    if d.approval is None:
        yield Breach(subjects, f"{fr} non approuvé.", f"{en} not approved.")
    if network.isdisjoint(d.author_ids):
        yield Breach(
            subjects,
            f"{fr} aucun expert du réseau parmi les auteurs.",
            f"{en} no network expert among the authors.",
        )
    if partner_id is not None and partner_id not in d.author_ids:
        yield Breach(
            subjects,
            f"{fr} le partenaire de référence {partner_id} n'est pas parmi les auteurs.",
            f"{en} reference partner {partner_id} is not among the authors.",
        )


_UNCITED = _("Recommendation {owner} cites no finding.")
_CITES_UNKNOWN = _("Recommendation {owner} cites unknown findings: {ids}.")
_ANSWERS_NOTHING = _("Support action {owner} answers no recommendation.")
_ANSWERS_UNKNOWN = _("Support action {owner} answers unknown recommendations: {ids}.")


def _citations(
    owner: Subject,
    refs: tuple[str, ...],
    known: AbstractSet[str],
    none: Message,
    unknown: Message,
    cited: str,
) -> Iterator[Breach]:
    """A breach when ``owner`` refers to nothing, or to ids (of kind ``cited``) not ``known``."""
    if not refs:
        yield Breach((owner,), none.fr.format(owner=owner), none.en.format(owner=owner))
        return
    missing = sorted(r for r in refs if r not in known)
    if missing:
        ids = ", ".join(missing)
        yield Breach(
            (owner, *_all(cited, missing)),
            unknown.fr.format(owner=owner, ids=ids),
            unknown.en.format(owner=owner, ids=ids),
        )


@rule(
    "STG-004",
    title_fr="Le diagnostic se clôt avec une mission sur le terrain, une problématique et une préconisation",
    title_en="The diagnostic closes with an on-site mission, a major issue and a recommendation",
)
def _diagnostic_complete(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    d = p.diagnostic
    citable = {f.id for f in d.issues} | {f.id for f in d.practices}
    for r in d.recommendations:
        yield from _citations(_subject(r), r.cites, citable, _UNCITED, _CITES_UNKNOWN, "finding")
    if p.stage.rank < _ACCOMPANIMENT:
        return
    rp = p.reference_partner
    if not any(
        m.modality is Modality.ON_SITE and rp is not None and m.organiser_id == rp.id
        for m in d.missions
    ):
        yield Breach(
            (_programme(p),),
            "Le diagnostic n'a aucune mission sur le terrain organisée par le partenaire de référence.",
            "The diagnostic has no on-site mission organised by the reference partner.",
        )
    if not d.issues:
        yield Breach(
            (_programme(p),),
            "Le diagnostic n'a relevé aucune problématique lourde.",
            "The diagnostic records no major issue.",
        )
    if not d.recommendations:
        yield Breach(
            (_programme(p),),
            "Le diagnostic ne formule aucune préconisation.",
            "The diagnostic makes no recommendation.",
        )


@rule(
    "STG-005",
    title_fr="Aucune action d'accompagnement ne commence avant la clôture du diagnostic",
    title_en="No support action starts before the diagnostic is closed",
)
def _no_action_before_diagnostic(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    closed_at = p.entered(Stage.ACCOMPANIMENT)
    closed_on = closed_at.date() if closed_at is not None else None
    for a in p.accompaniment.actions:
        if closed_on is None and a.status.started:
            yield Breach(
                (_subject(a),),
                f"L'action {a.id} a commencé alors que le diagnostic n'est pas clos.",
                f"Support action {a.id} has started while the diagnostic is not closed.",
            )
        elif closed_on is not None and a.period is not None and a.period.start < closed_on:
            yield Breach(
                (_subject(a),),
                f"L'action {a.id} commence le {a.period.start.isoformat()}, avant la clôture "
                f"du diagnostic le {closed_on.isoformat()}.",
                f"Support action {a.id} starts on {a.period.start.isoformat()}, before the "
                f"diagnostic closed on {closed_on.isoformat()}.",
            )


@rule(
    "STG-006",
    title_fr="Chaque action répond à au moins une préconisation du diagnostic",
    title_en="Every support action answers at least one recommendation of the diagnostic",
)
def _actions_answer(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    known = p.diagnostic.recommendation_ids
    for a in p.accompaniment.actions:
        yield from _citations(
            _subject(a), a.answers, known, _ANSWERS_NOTHING, _ANSWERS_UNKNOWN, "recommendation"
        )


@rule(
    "STG-007",
    title_fr="Chaque action et chaque mission est à distance ou sur le terrain",
    title_en="Every support action and mission is remote or on site",
)
def _modality_set(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for m in p.diagnostic.missions:
        if m.modality is None:
            yield Breach(
                (_subject(m),),
                f"La mission {m.id} n'est ni à distance ni sur le terrain.",
                f"Mission {m.id} is neither remote nor on site.",
            )
    for a in p.accompaniment.actions:
        if a.modality is None:
            yield Breach(
                (_subject(a),),
                f"L'action {a.id} n'est ni à distance ni sur le terrain.",
                f"Support action {a.id} is neither remote nor on site.",
            )


@rule(
    "STG-008",
    title_fr="Une formation s'adresse aux élus et/ou aux cadres du bénéficiaire",
    title_en="Training addresses elected officials and/or staff of the beneficiary",
)
def _training_audience(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for a in p.accompaniment.actions:
        if isinstance(a, Training) and not a.audience:
            yield Breach(
                (_subject(a),),
                f"La formation {a.id} ne s'adresse ni aux élus ni aux cadres.",
                f"Training {a.id} addresses neither elected officials nor staff.",
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
    title_fr="L'appui méthodologique suppose un plan de mandature adopté pour la mandature en cours",
    title_en="Methodological support requires a mandate plan adopted for the current term",
)
def _mandate_plan_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    started = [
        a
        for a in p.accompaniment.actions
        if isinstance(a, MethodologicalSupport) and a.status.started
    ]
    if not started:
        return
    term = p.beneficiary.current_term
    if term is not None and any(plan.adopted and plan.term == term for plan in _plans(p)):
        return
    for a in started:
        yield Breach(
            (_subject(a),),
            f"L'appui méthodologique {a.id} a commencé sans plan de mandature adopté "
            "pour la mandature en cours.",
            f"Methodological support {a.id} has started without a mandate plan adopted "
            "for the current term.",
        )


def _workers(p: Programme) -> Iterator[Mission | SupportAction]:
    yield from p.diagnostic.missions
    yield from p.accompaniment.actions


def _label(item: Mission | SupportAction) -> tuple[str, str]:
    if isinstance(item, Mission):
        return f"la mission {item.id}", f"mission {item.id}"
    return f"l'action {item.id}", f"support action {item.id}"


@rule(
    "STG-010",
    title_fr="Un expert local intervient toujours aux côtés d'un expert du réseau",
    title_en="A local expert works only alongside a network expert",
)
def _local_with_network(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    local = {e.id for e in p.experts if e.affiliation is Affiliation.LOCAL}
    if not local:
        return
    network = {e.id for e in p.experts if e.affiliation is Affiliation.NETWORK}
    for item in _workers(p):
        ids = item.expert_ids
        if not local.isdisjoint(ids) and network.isdisjoint(ids):
            fr, en = _label(item)
            yield Breach(
                (_subject(item),),
                f"Sur {fr}, un expert local intervient sans expert du réseau.",
                f"On {en}, a local expert works without a network expert.",
            )


@rule(
    "STG-011",
    title_fr="Les métiers et régions cités relèvent du périmètre et d'une nomenclature connue",
    title_en="Trade and region keys belong to the scope and to a known nomenclature",
)
def _keys_in_scope(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    scope = p.scope
    if ctx.lacks_nomenclatures:
        yield from _unchecked_nomenclatures(p)
    for t in scope.trades:
        if not ctx.knows_trade(t.nomenclature, t.code):
            yield Breach(
                (_programme(p), Subject("trade", str(t))),
                f"Le métier {t} du périmètre n'appartient à aucune nomenclature connue.",
                f"Scope trade {t} belongs to no known nomenclature.",
            )
    known = ctx.nomenclatures or {}
    for t in p.beneficiary.trades:
        if t.nomenclature in known and t.code not in known[t.nomenclature]:
            yield Breach(
                (p.beneficiary.id, str(t)),
                f"Le métier {t} de {p.beneficiary.id} n'est pas dans la nomenclature "
                f"{t.nomenclature}.",
                f"Trade {t} of {p.beneficiary.id} is not in nomenclature {t.nomenclature}.",
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
                f"Le métier {trade} de {item.id} est hors du périmètre du programme.",
                f"Trade {trade} on {item.id} is outside the programme's scope.",
            )
        if region is not None and region.country not in countries and region not in regions:
            yield Breach(
                (_subject(item), Subject("region", str(region))),
                f"La région {region} de {item.id} est hors du périmètre du programme.",
                f"Region {region} on {item.id} is outside the programme's scope.",
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
            f"Aucune extension chargée ne fournit la nomenclature {nomenclature} : "
            f"les métiers {_ids(trades)} ne peuvent pas être vérifiés.",
            f"No loaded plugin provides nomenclature {nomenclature}: "
            f"trades {_ids(trades)} cannot be checked.",
            warning=True,
        )


@rule(
    "STG-012",
    title_fr="Les experts d'une mission de diagnostic ont la compétence requise",
    title_en="Experts on a diagnostic mission hold the competence for its kind",
)
def _mission_competence(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    team = p.experts_by_id
    for m in p.diagnostic.missions:
        needed = m.kind.competence
        lacking = [i for i in m.expert_ids if i in team and needed not in team[i].competences]
        if lacking:
            yield Breach(
                (_subject(m), *_all("expert", lacking)),
                f"Sur la mission {m.id}, compétence « {enum_label(needed, 'fr')} » absente chez : "
                f"{_ids(lacking)}.",
                f"On mission {m.id}, competence '{enum_label(needed, 'en')}' missing for: {_ids(lacking)}.",
            )


def _periods(p: Programme) -> Iterator[tuple[Subject, Period]]:
    if p.planned is not None:
        yield _programme(p), p.planned
    term = p.beneficiary.current_term
    if term is not None:
        yield Subject("body", p.beneficiary.id), term.period
    wp = p.preparation.work_programme
    if wp is not None:
        for n, pm in enumerate(wp.missions):
            yield Subject("planned_mission", f"work_programme.missions[{n}]"), pm.period
    for m in p.diagnostic.missions:
        yield _subject(m), m.period
    for a in p.accompaniment.actions:
        if a.period is not None:
            yield _subject(a), a.period


@rule(
    "STG-013",
    title_fr="Les dates sont cohérentes",
    title_en="Dates are coherent",
)
def _dates(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for ident, period in _periods(p):
        if period.start > period.end:
            yield Breach(
                (ident,),
                f"{ident} finit le {period.end.isoformat()}, avant de commencer le "
                f"{period.start.isoformat()}.",
                f"{ident} ends on {period.end.isoformat()}, before it starts on "
                f"{period.start.isoformat()}.",
            )
    for i in range(1, len(p.history)):
        if p.history[i].at < p.history[i - 1].at:
            yield Breach(
                (_programme(p),),
                f"Historique [{i}] : daté avant l'entrée qui le précède.",
                f"History [{i}]: dated before the entry that precedes it.",
            )
    opened = p.entered(Stage.DIAGNOSTIC)
    if opened is not None:
        for m in p.diagnostic.missions:
            if m.period.start < opened.date():
                yield Breach(
                    (_subject(m),),
                    f"La mission {m.id} commence avant la clôture de la préparation.",
                    f"Mission {m.id} starts before the preparation closed.",
                )
    yield from _double_bookings(p)


def _double_bookings(p: Programme) -> Iterator[Breach]:
    """Experts on two overlapping on-site missions or actions in different places."""
    stays: dict[str, list[tuple[Period, str, Subject]]] = {}
    for item in _workers(p):
        if item.modality is Modality.ON_SITE and item.period is not None and item.place:
            for e in item.expert_ids:
                stays.setdefault(e, []).append((item.period, item.place, _subject(item)))
    for expert, mine in stays.items():
        if len({place for _day, place, _kind in mine}) < 2:
            continue  # one place (or one stay): nobody is in two places
        for i, (pa, la, a) in enumerate(mine):
            for pb, lb, b in mine[i + 1 :]:
                if la != lb and pa.overlaps(pb):
                    yield Breach(
                        (Subject("expert", expert), *sorted((a, b))),
                        f"L'expert {expert} est à la fois à {la} ({a}) et à {lb} ({b}).",
                        f"Expert {expert} is at {la} ({a}) and at {lb} ({b}) at the same time.",
                    )


@rule(
    "STG-014",
    title_fr="L'historique ne fait que s'allonger ; une réouverture est explicite et motivée",
    title_en="History is append-only; a stage reopens only explicitly, with a reason",
)
def _history_integrity(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    previous = Stage.DRAFT
    for i, e in enumerate(p.history):
        if e.from_stage is not previous:
            yield Breach(
                (_programme(p),),
                f"Historique [{i}] : part de {stage_label(e.from_stage, 'fr')} alors que "
                f"l'entrée précédente finit en {stage_label(previous, 'fr')}.",
                f"History [{i}]: starts from {stage_label(e.from_stage, 'en')} while the "
                f"previous entry ends in {stage_label(previous, 'en')}.",
            )
        if e.operation is Operation.REOPEN:
            if e.from_stage.rank <= _PREPARATION or e.to_stage is not e.from_stage.previous():
                yield Breach(
                    (_programme(p),),
                    f"Historique [{i}] : une réouverture revient à l'étape close juste avant, "
                    f"pas de {stage_label(e.from_stage, 'fr')} à {stage_label(e.to_stage, 'fr')}.",
                    f"History [{i}]: a reopening goes back to the stage closed just before, "
                    f"not from {stage_label(e.from_stage, 'en')} to {stage_label(e.to_stage, 'en')}.",
                )
            if e.reason is None:
                yield Breach(
                    (_programme(p),),
                    f"Historique [{i}] : réouverture sans motif.",
                    f"History [{i}]: reopening without a reason.",
                )
        elif e.to_stage.rank < e.from_stage.rank:
            yield Breach(
                (_programme(p),),
                f"Historique [{i}] : retour en arrière sans réouverture explicite.",
                f"History [{i}]: a move back without an explicit reopening.",
            )
        previous = e.to_stage


@rule(
    "STG-015",
    severity=Severity.WARNING,
    title_fr="Le partenaire de référence participe à la première action d'accompagnement",
    title_en="The reference partner takes part in the first support action",
)
def _partner_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    rp = p.reference_partner
    live = [a for a in p.accompaniment.actions if a.status is not ActionStatus.CANCELLED]
    if rp is None or not live:
        return
    first = min(
        live, key=lambda a: (a.period is None, a.period.start if a.period else dt.date.min, a.id)
    )
    if rp.id not in first.participant_ids:
        yield Breach(
            (_subject(first), Subject("person", rp.id)),
            f"Le partenaire de référence {rp.id} ne participe pas à la première action, {first.id}.",
            f"Reference partner {rp.id} does not take part in the first support action, {first.id}.",
        )


@rule(
    "REF-001",
    title_fr="Chaque identifiant cité désigne une personne connue du programme",
    title_en="Every id a programme names refers to someone it knows",
)
def _references(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    team = p.experts_by_id
    people = p.beneficiary.people_ids
    everyone = people | team.keys()
    for item in _workers(p):
        unknown = [i for i in item.expert_ids if i not in team]
        if not unknown:
            continue
        fr, en = _label(item)
        yield Breach(
            (_subject(item), *_all("expert", unknown)),
            f"Sur {fr}, experts hors de l'équipe : {_ids(unknown)}.",
            f"On {en}, experts not in the team: {_ids(unknown)}.",
        )
    for a in p.accompaniment.actions:
        strangers = [i for i in a.participant_ids if i not in people]
        if not strangers:
            continue
        yield Breach(
            (_subject(a), *_all("person", strangers)),
            f"L'action {a.id} compte des participants étrangers au bénéficiaire : {_ids(strangers)}.",
            f"Support action {a.id} has participants from outside the beneficiary: {_ids(strangers)}.",
        )
    for m in p.diagnostic.missions:
        if m.organiser_id is not None and m.organiser_id not in everyone:
            yield Breach(
                (_subject(m), Subject("person", m.organiser_id)),
                f"La mission {m.id} est organisée par {m.organiser_id}, inconnu du programme.",
                f"Mission {m.id} is organised by {m.organiser_id}, unknown to the programme.",
            )
    for kind, d in p.preparation.deliverables().items():
        if d is not None:
            strangers = [i for i in d.author_ids if i not in everyone]
            if strangers:
                yield Breach(
                    (Subject("deliverable", kind), *_all("person", strangers)),
                    f"Livrable « {term('kind.' + kind, 'fr')} » : auteurs inconnus : {_ids(strangers)}.",
                    f"Deliverable '{term('kind.' + kind, 'en')}': unknown authors: {_ids(strangers)}.",
                )
    deb = p.diagnostic.debriefing
    if deb is not None:
        strangers = [i for i in deb.attendee_ids if i not in everyone]
        if strangers:
            yield Breach(
                (Subject("debriefing", "debriefing"), *_all("person", strangers)),
                f"La restitution compte des participants inconnus : {_ids(strangers)}.",
                f"The debriefing has unknown attendees: {_ids(strangers)}.",
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
                f"L'instance {g.id} compte des membres étrangers au bénéficiaire : {_ids(strangers)}.",
                f"Governing body {g.id} has members from outside the beneficiary: {_ids(strangers)}.",
            )
    parent = body.parent_id
    if parent is not None and (parent == body.id or parent in everyone):
        # the parent labelled by what its id does name: the body itself, or someone
        named = "body" if parent == body.id else "person" if parent in body.people_ids else "expert"
        yield Breach(
            (Subject("body", body.id), Subject(named, parent)),
            f"Le parent {parent} de {body.id} n'est pas un autre organisme.",
            f"Parent {parent} of {body.id} is not another body.",
        )


def _plan_owners(plan: MandatePlan, owners: AbstractSet[str]) -> Iterator[Breach]:
    for axis in plan.axes:
        for action in axis.actions:
            if action.owner_id is not None and action.owner_id not in owners:
                yield Breach(
                    (Subject("plan_action", action.id), Subject("person", action.owner_id)),
                    f"L'action {action.id} du plan de mandature a pour responsable "
                    f"{action.owner_id}, inconnu du bénéficiaire.",
                    f"Mandate-plan action {action.id} is owned by {action.owner_id}, "
                    "unknown to the beneficiary.",
                )


@rule(
    "REF-003",
    severity=Severity.WARNING,
    title_fr="Les identifiants qui peuvent désigner l'extérieur du programme sont connus",
    title_en="Ids that may name someone or something outside the programme are known",
)
def _outside_references(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    everyone = p.beneficiary.people_ids | p.experts_by_id.keys()
    for i, e in enumerate(p.history):
        if e.by not in everyone:
            yield Breach(
                (_programme(p), Subject("person", e.by)),
                f"Historique [{i}] : {e.by} n'est ni du bénéficiaire ni de l'équipe d'experts.",
                f"History [{i}]: {e.by} is neither of the beneficiary nor of the expert team.",
            )
    approvers = everyone | _governing_body_ids(p.beneficiary)
    for kind, d in p.preparation.deliverables().items():
        if d is not None and d.approval is not None and d.approval.by not in approvers:
            yield Breach(
                (Subject("deliverable", kind), Subject("person", d.approval.by)),
                f"Livrable « {term('kind.' + kind, 'fr')} » : approuvé par {d.approval.by}, "
                "inconnu du programme.",
                f"Deliverable '{term('kind.' + kind, 'en')}': approved by {d.approval.by}, "
                "unknown to the programme.",
            )
    if ctx.modules is None:
        return
    toolkit = p.preparation.toolkit
    for module in toolkit.module_ids if toolkit is not None else ():
        if module not in ctx.modules:
            yield Breach(
                (Subject("deliverable", "method_toolkit"), Subject("module", module)),
                f"Les outils méthodologiques citent le module {module}, qui n'est pas installé.",
                f"The method toolkit names module {module}, which is not installed.",
            )
    for s in p.diagnostic.scores:
        dimensions = ctx.modules.get(s.module_id)
        if dimensions is None:
            yield Breach(
                (Subject("module", s.module_id), Subject("dimension", s.dimension_id)),
                f"Un score relève du module {s.module_id}, qui n'est pas installé.",
                f"A score belongs to module {s.module_id}, which is not installed.",
            )
        elif s.dimension_id not in dimensions:
            yield Breach(
                (Subject("module", s.module_id), Subject("dimension", s.dimension_id)),
                f"Un score porte sur la dimension {s.dimension_id}, inconnue du module "
                f"{s.module_id} installé.",
                f"A score is on dimension {s.dimension_id}, unknown to the installed module "
                f"{s.module_id}.",
            )


@rule(
    "REF-002",
    title_fr="Les identifiants sont uniques",
    title_en="Ids are unique",
)
def _unique_ids(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    groups = {
        ("expert", "experts", "experts"): (e.id for e in p.experts),
        ("person", "personnes du bénéficiaire", "people of the beneficiary"): (
            *(o.id for o in p.beneficiary.officials),
            *(s.id for s in p.beneficiary.staff),
        ),
        ("mission", "missions", "missions"): (m.id for m in p.diagnostic.missions),
        ("finding", "constats", "findings"): (f.id for f in p.diagnostic.findings()),
        ("action", "actions", "support actions"): (a.id for a in p.accompaniment.actions),
    }
    for (kind, fr, en), ids in groups.items():
        listed = tuple(ids)
        if len(set(listed)) == len(listed):
            continue
        for ident, n in sorted(Counter(listed).items()):
            if n > 1:
                yield Breach(
                    (Subject(kind, ident),),
                    f"L'identifiant {ident} est donné à {n} {fr}.",
                    f"Id {ident} is given to {n} {en}.",
                )


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
