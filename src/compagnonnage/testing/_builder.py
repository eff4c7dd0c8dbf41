"""One builder of valid programmes, fed by any source of choices.

The hypothesis strategies feed it with draws (so examples shrink), and
:func:`compagnonnage.testing.samples.sample_programme` with a seeded
:class:`random.Random` (so benchmarks and fixtures get many programmes fast).
Every programme it builds breaks no error-level rule; the tests check it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Protocol, TypeVar

from compagnonnage.model import (
    Accompaniment,
    ActionStatus,
    Affiliation,
    Approval,
    Audience,
    Body,
    BodyKind,
    CapacityScore,
    Competence,
    Debriefing,
    Diagnostic,
    DiagnosticKind,
    Domain,
    ElectedOfficial,
    Expert,
    GoodPractice,
    GoverningBody,
    GoverningBodyKind,
    HistoryEntry,
    Horizon,
    IssueSeverity,
    Level,
    MajorIssue,
    MandatePlan,
    MandatePlanning,
    MethodologicalSupport,
    MethodToolkit,
    Mission,
    Modality,
    OfferedService,
    Operation,
    Period,
    PlanAxis,
    PlannedMission,
    Preparation,
    Pricing,
    PricingMode,
    Priority,
    Programme,
    Recommendation,
    ReferencePartner,
    RegionRef,
    Scope,
    ServiceOffer,
    ServiceOfferDesign,
    StaffMember,
    Stage,
    Structuring,
    StructuringFocus,
    SupportAction,
    Term,
    TermsOfReference,
    TradeRef,
    Training,
    WorkProgramme,
)
from compagnonnage.testing._results import build_ledger, build_results

T = TypeVar("T")

COUNTRIES = ("TG", "SN", "BJ", "CI", "ML", "BF", "NE", "GW")
_UTC = dt.timezone.utc
_DOMAINS = (
    Domain.TRADES_REGISTER,
    Domain.TRAINING_AND_APPRENTICESHIP,
    Domain.ECONOMIC_DEVELOPMENT,
    Domain.COMMUNICATION,
)
_ACTION_KINDS = ("training", "mandate_planning", "structuring", "methodological", "offer")
_DIAGNOSES = (Competence.INSTITUTIONAL_DIAGNOSIS, Competence.ECONOMIC_DIAGNOSIS)
_OTHER_COMPETENCES = tuple(c for c in Competence if c not in _DIAGNOSES)
CONSULAR_DIMENSIONS = (
    "governing-bodies",
    "mandate-strategy",
    "finances",
    "staff",
    "trades-register",
)
"""Dimensions of the built-in consular-chamber module that generated scores use."""


class _Schedule:
    """On-site stays per expert, so that nobody is in two places at once.

    Items are placed at the first start, from the one asked for, at which none
    of their experts stays elsewhere; several places are used, so that STG-013's
    double-booking check sees experts travel.
    """

    def __init__(self) -> None:
        self._stays: dict[str, list[tuple[Period, str]]] = {}

    def place(self, experts: Sequence[str], place: str, start: dt.date, days: int) -> Period:
        period = Period(start=start, end=_days(start, days))
        clash = self._clash(experts, place, period)
        while clash is not None:
            start = _days(clash, 1)
            period = Period(start=start, end=_days(start, days))
            clash = self._clash(experts, place, period)
        for e in experts:
            self._stays.setdefault(e, []).append((period, place))
        return period

    def _clash(self, experts: Sequence[str], place: str, period: Period) -> dt.date | None:
        ends = [
            other.end
            for e in experts
            for other, where in self._stays.get(e, ())
            if where != place and other.overlaps(period)
        ]
        return max(ends, default=None)


class Source(Protocol):
    """Where the builder's choices come from."""

    def integer(self, lo: int, hi: int) -> int:
        """A whole number in ``[lo, hi]``."""

    def pick(self, items: Sequence[T]) -> T:
        """One of ``items`` (not empty)."""

    def subset(self, items: Sequence[T], lo: int) -> tuple[T, ...]:
        """Some of ``items``, order kept, at least ``min(lo, len(items))`` of them."""


@cache
def subdivisions(country: str) -> tuple[str, ...]:
    """The ISO 3166-2 subdivision codes of ``country``, sorted."""
    import pycountry

    found = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
    return tuple(sorted(s.code for s in found or ()))


def _flag(src: Source) -> bool:
    return src.integer(0, 1) == 1


def _subset(src: Source, items: Sequence[T], lo: int = 0) -> tuple[T, ...]:
    return src.subset(items, lo)


def _few(src: Source, items: Sequence[T], most: int = 3) -> tuple[T, ...]:
    """One to ``most`` distinct items of ``items`` (not empty), in their order."""
    chosen = {src.integer(0, len(items) - 1) for _ in range(src.integer(1, most))}
    return tuple(items[i] for i in sorted(chosen))


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=_UTC)


def _days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def build_body(src: Source, *, n_officials: int, n_staff: int, start: dt.date) -> Body:
    """A beneficiary chamber with people, a bureau, a current term and an adopted plan."""
    country = src.pick(COUNTRIES)
    subs = subdivisions(country)
    region = RegionRef(country=country, subdivision=src.pick(subs) if subs and _flag(src) else None)
    officials = tuple(
        ElectedOfficial(id=f"off-{i}", name=f"Élu {i}", role="président" if i == 1 else None)
        for i in range(1, n_officials + 1)
    )
    staff = tuple(
        StaffMember(
            id=f"stf-{i}", name=f"Cadre {i}", position="secrétaire général" if i == 1 else None
        )
        for i in range(1, n_staff + 1)
    )
    term = Term(
        period=Period(start=_days(start, -400), end=_days(start, 1060)), number=src.integer(1, 3)
    )
    return Body(
        id="body-1",
        name="Chambre des métiers",
        kind=src.pick(tuple(BodyKind)),
        region=region,
        level=src.pick(tuple(Level)),
        parent_id=src.pick((None, "national-union", "agency-1")),  # outside the document
        ledger=build_ledger(src, start=start),
        governing_bodies=(
            GoverningBody(
                id="bureau",
                kind=GoverningBodyKind.BUREAU,
                name="Bureau",
                member_ids=tuple(o.id for o in officials),
            ),
        ),
        officials=officials,
        staff=staff,
        current_term=term,
        mandate_plan=MandatePlan(
            term=term,
            adopted_on=_days(start, -300),
            axes=(PlanAxis(id="axis-1", title="Représenter les artisans"),),
        ),
    )


def build_experts(src: Source, n: int) -> tuple[Expert, ...]:
    """``n >= 1`` experts; the first is a network expert able to lead both diagnostics.

    Competences and domains beyond what leading a diagnostic needs are drawn,
    so that they shrink away.
    """
    lead = Expert(
        id="exp-1",
        name="Expert 1",
        affiliation=Affiliation.NETWORK,
        competences=frozenset((*_DIAGNOSES, *_subset(src, _OTHER_COMPETENCES))),
        domains=frozenset(_subset(src, _DOMAINS)),
        languages=("fr",),
    )
    others = tuple(
        Expert(
            id=f"exp-{i}",
            name=f"Expert {i}",
            affiliation=src.pick(tuple(Affiliation)),
            competences=frozenset(_subset(src, tuple(Competence))),
            domains=frozenset(_subset(src, _DOMAINS)),
            languages=src.pick((("fr",), ("fr", "en"))),
        )
        for i in range(2, n + 1)
    )
    return (lead, *others)


def _team(
    src: Source, experts: Sequence[Expert], needs: Competence | None = None
) -> tuple[str, ...]:
    """A team for one mission or action: at least one network expert, all able when ``needs``."""
    able = [e for e in experts if needs is None or needs in e.competences]
    network = [e for e in able if e.affiliation is Affiliation.NETWORK]
    first = src.pick(network)
    rest = [e for e in able if e is not first]
    return (first.id, *(e.id for e in _subset(src, rest)))


def _places(body: Body) -> tuple[str, ...]:
    """Where missions and actions happen: the body's seat, then two other subdivisions."""
    seat = body.region.subdivision or body.region.country
    others = [s for s in subdivisions(body.region.country) if s != seat]
    return (seat, *others[:2])


def _regions(scope: Scope) -> tuple[RegionRef, ...]:
    """The scope's regions, then subdivisions of its countries (inside the scope too)."""
    inside = [
        RegionRef(country=r.country, subdivision=sub)
        for r in scope.regions
        if r.subdivision is None
        for sub in subdivisions(r.country)[:2]
    ]
    return (*scope.regions, *inside)


def _key(src: Source, scope: Scope) -> tuple[TradeRef | None, RegionRef | None]:
    trade = src.pick(scope.trades) if scope.trades and _flag(src) else None
    regions = _regions(scope)
    region = src.pick(regions) if regions and _flag(src) else None
    return trade, region


def build_preparation(
    src: Source, experts: Sequence[Expert], partner_id: str, day: dt.date
) -> Preparation:
    """Three approved deliverables, each written by a network expert and the partner."""
    network = [e.id for e in experts if e.affiliation is Affiliation.NETWORK]

    def authors() -> tuple[str, ...]:
        return (src.pick(network), partner_id)

    approval = Approval(on=day, by=partner_id)
    return Preparation(
        terms_of_reference=TermsOfReference(
            title="Termes de référence",
            author_ids=authors(),
            approval=approval,
            objectives=("Renforcer la chambre",),
        ),
        toolkit=MethodToolkit(
            title="Outils méthodologiques",
            author_ids=authors(),
            approval=approval,
            module_ids=("consular-chamber",),
            tools=("Questionnaire des élus",),
        ),
        work_programme=WorkProgramme(
            title="Programme de travail",
            author_ids=authors(),
            approval=approval,
            missions=(
                PlannedMission(
                    kind=DiagnosticKind.INSTITUTIONAL,
                    modality=Modality.ON_SITE,
                    period=Period(start=_days(day, 7), end=_days(day, 12)),
                ),
            ),
        ),
    )


def build_diagnostic(
    src: Source,
    *,
    experts: Sequence[Expert],
    body: Body,
    partner_id: str,
    scope: Scope,
    start: dt.date,
    sizes: dict[str, tuple[int, int]],
    schedule: _Schedule,
) -> Diagnostic:
    """Missions (the first on site, organised by the partner), scores and findings.

    Missions happen in several places, on ``schedule``: an expert's on-site
    stays never overlap in two places.
    """
    places = _places(body)
    missions = []
    for i in range(1, max(1, src.integer(*sizes["missions"])) + 1):
        kind = src.pick(tuple(DiagnosticKind))
        modality = Modality.ON_SITE if i == 1 else src.pick(tuple(Modality))
        place = src.pick(places)
        team = _team(src, experts, kind.competence)
        begin, days = _days(start, src.integer(0, 20)), src.integer(0, 5)
        period = (
            schedule.place(team, place, begin, days)
            if modality is Modality.ON_SITE
            else Period(start=begin, end=_days(begin, days))
        )
        missions.append(
            Mission(
                id=f"mis-{i}",
                kind=kind,
                modality=modality,
                period=period,
                place=place,
                expert_ids=team,
                organiser_id=partner_id if i == 1 else src.pick((partner_id, None)),
            )
        )
    issues = []
    for i in range(1, max(1, src.integer(*sizes["issues"])) + 1):
        trade, region = _key(src, scope)
        issues.append(
            MajorIssue(
                id=f"iss-{i}",
                statement=f"Problématique {i}",
                severity=src.pick(tuple(IssueSeverity)),
                trade=trade,
                region=region,
            )
        )
    practices = []
    for i in range(1, src.integer(*sizes["practices"]) + 1):
        trade, region = _key(src, scope)
        practices.append(
            GoodPractice(id=f"gp-{i}", statement=f"Bonne pratique {i}", trade=trade, region=region)
        )
    citable = [f.id for f in (*issues, *practices)]
    recommendations = []
    for i in range(1, max(1, src.integer(*sizes["recommendations"])) + 1):
        trade, region = _key(src, scope)
        recommendations.append(
            Recommendation(
                id=f"rec-{i}",
                statement=f"Préconisation {i}",
                cites=_few(src, citable),
                priority=src.pick(tuple(Priority)),
                horizon=src.pick(tuple(Horizon)),
                trade=trade,
                region=region,
            )
        )
    last = max(m.period.end for m in missions)
    people = sorted(body.people_ids)
    scores = tuple(
        CapacityScore(
            module_id="consular-chamber",
            dimension_id=dimension,
            level=src.integer(1, 4),
            desired=src.integer(1, 4),
            evidence=(f"Entretien {i}",),
        )
        for i, dimension in enumerate(CONSULAR_DIMENSIONS[: src.integer(0, 5)], start=1)
    )
    debriefing = (
        Debriefing(on=last, attendee_ids=(partner_id, *_subset(src, people)), place=places[0])
        if _flag(src)
        else None
    )
    return Diagnostic(
        missions=tuple(missions),
        scores=scores,
        issues=tuple(issues),
        practices=tuple(practices),
        recommendations=tuple(recommendations),
        debriefing=debriefing,
    )


def build_actions(
    src: Source,
    *,
    n: int,
    experts: Sequence[Expert],
    body: Body,
    partner_id: str,
    scope: Scope,
    recommendations: Sequence[str],
    start: dt.date,
    schedule: _Schedule,
) -> tuple[SupportAction, ...]:
    """``n`` support actions after ``start``, in several places on ``schedule``; the
    partner takes part in the earliest."""
    places = _places(body)
    people = sorted(body.people_ids)
    actions: list[SupportAction] = []
    for i in range(1, n + 1):
        status = src.pick(tuple(ActionStatus))
        modality, place = src.pick(tuple(Modality)), src.pick(places)
        team = _team(src, experts)
        begin, days = _days(start, src.integer(0, 120)), src.integer(0, 30)
        scheduled = status.started or _flag(src)
        period = (
            schedule.place(team, place, begin, days)
            if scheduled and modality is Modality.ON_SITE
            else Period(start=begin, end=_days(begin, days))
        )
        trade, region = _key(src, scope)
        participants = _few(src, people, most=4) if _flag(src) else ()
        common = {
            "id": f"act-{i}",
            "title": f"Action {i}",
            "modality": modality,
            "period": period if scheduled else None,
            "place": place,
            "expert_ids": team,
            "participant_ids": participants,
            "answers": _few(src, recommendations),
            "status": status,
            "trade": trade,
            "region": region,
        }
        actions.append(_action(src, src.pick(_ACTION_KINDS), common))
    return _partner_in_first(actions, partner_id)


def _action(src: Source, kind: str, common: dict[str, object]) -> SupportAction:
    if kind == "training":
        return Training(
            **common,  # type: ignore[arg-type]
            audience=frozenset(_subset(src, tuple(Audience), lo=1)),
            topics=("Gouvernance",),
        )
    if kind == "mandate_planning":
        return MandatePlanning(**common)  # type: ignore[arg-type]
    if kind == "structuring":
        return Structuring(**common, focus=frozenset(_subset(src, tuple(StructuringFocus))))  # type: ignore[arg-type]
    if kind == "methodological":
        return MethodologicalSupport(**common, domain=src.pick(_DOMAINS))  # type: ignore[arg-type]
    offer = ServiceOffer(
        services=(
            OfferedService(
                service_id="carte-pro",
                label="Carte professionnelle",
                domain=Domain.TRADES_REGISTER,
                pricing=Pricing(mode=PricingMode.INCLUDED_IN_DUES),
            ),
        )
    )
    done = common["status"] is ActionStatus.COMPLETED
    return ServiceOfferDesign(**common, offer=offer if done else None)  # type: ignore[arg-type]


def _partner_in_first(actions: list[SupportAction], partner_id: str) -> tuple[SupportAction, ...]:
    import attrs

    live = [a for a in actions if a.status is not ActionStatus.CANCELLED]
    if live:
        first = min(
            live,
            key=lambda a: (a.period is None, a.period.start if a.period else dt.date.min, a.id),
        )
        if partner_id not in first.participant_ids:
            i = actions.index(first)
            actions[i] = attrs.evolve(first, participant_ids=(partner_id, *first.participant_ids))
    return tuple(actions)


def build_programme(
    src: Source,
    *,
    stage: Stage,
    trades: Sequence[TradeRef] | None = None,
    sizes: dict[str, tuple[int, int]],
) -> Programme:
    """A programme at ``stage`` that breaks no error-level core rule.

    ``sizes`` gives ``(min, max)`` counts for ``experts``, ``officials``, ``staff``,
    ``missions``, ``issues``, ``practices``, ``recommendations``, ``actions``.
    """
    start = _days(dt.date(2024, 1, 8), src.integer(0, 365))
    body = build_body(
        src,
        n_officials=max(1, src.integer(*sizes["officials"])),
        n_staff=src.integer(*sizes["staff"]),
        start=start,
    )
    experts = build_experts(src, max(1, src.integer(*sizes["experts"])))
    partner_person = src.pick(sorted(body.people_ids))
    partner = ReferencePartner(id=partner_person, name="Partenaire de référence", body_id=body.id)
    if trades is None:
        trades = tuple(TradeRef("test", f"T{i:02d}") for i in range(1, src.integer(1, 3) + 1))
    scope = Scope(trades=tuple(trades), regions=(RegionRef(country=body.region.country),))
    history: list[HistoryEntry] = []
    stages = iter(tuple(Stage)[1 : stage.rank + 1])
    day = start

    def advance(operation: Operation, gap: int) -> dt.date:
        nonlocal day
        nxt = next(stages)
        day = _days(day, gap)
        history.append(
            HistoryEntry(
                operation=operation,
                at=_at(day),
                by="exp-1",
                from_stage=nxt.previous(),
                to_stage=nxt,
            )
        )
        return day

    preparation, diagnostic = Preparation(), Diagnostic()
    diag_start = start
    schedule = _Schedule()
    actions: tuple[SupportAction, ...] = ()
    if stage.rank >= Stage.PREPARATION.rank:
        opened = advance(Operation.OPEN, 0)
        if stage.rank > Stage.PREPARATION.rank or _flag(src):
            preparation = build_preparation(src, experts, partner.id, _days(opened, 1))
    if stage.rank >= Stage.DIAGNOSTIC.rank:
        diag_start = advance(Operation.CLOSE_PREPARATION, src.integer(2, 60))
        diagnostic = build_diagnostic(
            src,
            experts=experts,
            body=body,
            partner_id=partner.id,
            scope=scope,
            start=diag_start,
            sizes=sizes,
            schedule=schedule,
        )
    if stage.rank >= Stage.ACCOMPANIMENT.rank:
        closed = advance(
            Operation.CLOSE_DIAGNOSTIC,
            (max(m.period.end for m in diagnostic.missions) - day).days + src.integer(1, 20),
        )
        actions = build_actions(
            src,
            n=src.integer(*sizes["actions"]),
            experts=experts,
            body=body,
            partner_id=partner.id,
            scope=scope,
            recommendations=[r.id for r in diagnostic.recommendations],
            start=closed,
            schedule=schedule,
        )
    limit = None
    if stage is Stage.ACCOMPANIMENT:
        limit = _days(day, src.integer(0, 120))
    if stage is Stage.CLOSED:
        limit = advance(Operation.CLOSE, 200)
    results = build_results(
        src,
        stage=stage,
        diagnostic=diagnostic,
        actions=actions,
        start=diag_start,
        limit=limit,
    )
    return Programme(
        id="prog-1",
        title="Programme de compagnonnage consulaire",
        beneficiary=body,
        reference_partner=partner,
        experts=experts,
        scope=scope,
        planned=Period(start=start, end=_days(start, 730)),
        stage=stage,
        preparation=preparation,
        diagnostic=diagnostic,
        accompaniment=Accompaniment(actions=actions),
        history=tuple(history),
        results=results,
    )
