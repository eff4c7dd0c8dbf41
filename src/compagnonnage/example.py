"""The bundled example: CMA France accompanies Togo's union of regional chambers of trades.

Illustrative, built on public facts: the Union des Chambres Régionales de
Métiers du Togo (UCRM, seat in Lomé) federates six regional chambers; its
bureau of 8 members is elected for 4 years; over 43,000 artisans were on the
register in 2022; the register was computerised in 2018 with 7,055 artisans in
12 trades; CMA France ran an institutional diagnostic mission with UCRM in and
around Lomé in April 2021, with a debriefing to elected officials and staff.
**The people, the findings in detail and the later stages are invented.**

:func:`togo_steps` walks the programme through its stages with the public
lifecycle API, one step at a time; :func:`togo_programme` returns the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import attrs

from compagnonnage import lifecycle as lc
from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    AnswerValue,
    Respondent,
    RespondentGroup,
    score,
)
from compagnonnage.model import (
    Affiliation,
    Approval,
    Audience,
    Baseline,
    Body,
    BodyKind,
    Budget,
    BudgetStatus,
    CapacityRef,
    Competence,
    Debriefing,
    DiagnosticKind,
    Disaggregation,
    Domain,
    ElectedOfficial,
    Expert,
    FollowUp,
    Funding,
    GoodPractice,
    GoverningBody,
    GoverningBodyKind,
    Horizon,
    Indicator,
    IssueSeverity,
    Level,
    MajorIssue,
    MandatePlan,
    MandatePlanning,
    Measure,
    Measurement,
    Membership,
    MethodologicalSupport,
    MethodToolkit,
    Mission,
    Modality,
    ModuleUse,
    Money,
    NotMeasured,
    Organisation,
    OrganisationRole,
    Participant,
    Period,
    PlanAction,
    PlanAxis,
    PlannedMission,
    Priority,
    Programme,
    Recommendation,
    ReferencePartner,
    RegionRef,
    ReportingPeriod,
    ResultLevel,
    Scope,
    SectorShare,
    ServiceOfferDesign,
    StaffMember,
    Stage,
    Structuring,
    StructuringFocus,
    Target,
    Term,
    TermsOfReference,
    TradeRef,
    Training,
    Transaction,
    TransactionKind,
    WorkProgramme,
)

__all__ = ["BAKERY", "HAIRDRESSING", "MASONRY", "TAILORING", "togo_programme", "togo_steps"]

MASONRY = TradeRef("uemoa", "BTP-01")
TAILORING = TradeRef("uemoa", "TEX-01")
HAIRDRESSING = TradeRef("uemoa", "HYG-01")
BAKERY = TradeRef("uemoa", "ALI-01")
"""The scope's trades, as codes of the ``uemoa`` nomenclature (plugin compagnonnage-uemoa)."""

TOGO_DESIRED = {
    "mandate-strategy": 4,
    "finances": 3,
    "trades-register": 4,
    "service-offer": 3,
    "membership": 3,
    "apprenticeship": 3,
}
"""The levels UCRM aims at, by dimension of the built-in consular-chamber module."""

_TOGO = RegionRef(country="TG")
_LOME = RegionRef(country="TG", subdivision="TG-M")
_TERM = Term(period=Period(start=dt.date(2019, 11, 1), end=dt.date(2023, 10, 31)), number=1)
_LEAD = "cma-durand"
_PUBLIC_LEDGER = (
    Membership(
        registered=7_055,
        as_of=dt.date(2018, 12, 31),
        source="UCRM : répertoire des métiers informatisé en 2018 (12 métiers)",
    ),
    Membership(
        registered=43_000,
        as_of=dt.date(2022, 12, 31),
        source="UCRM : plus de 43 000 artisans inscrits en 2022",
    ),
)
"""The public membership figures of UCRM (the later points of the example are illustrative)."""


def _at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.timezone.utc)


def _body() -> Body:
    bureau = tuple(
        ElectedOfficial(id=f"ucrm-elu-{i}", name=name, role=role, trade=trade)
        for i, (name, role, trade) in enumerate(
            [
                ("Kossi Amegah", "président", MASONRY),
                ("Afi Mensah", "première vice-présidente", TAILORING),
                ("Yao Kpodar", "deuxième vice-président", BAKERY),
                ("Akossiwa Dogbe", "secrétaire générale élue", HAIRDRESSING),
                ("Komlan Agbeko", "trésorier", MASONRY),
                ("Ama Lawson", "trésorière adjointe", TAILORING),
                ("Edem Tsikplonou", "conseiller", BAKERY),
                ("Abla Fiagan", "conseillère", HAIRDRESSING),
            ],
            start=1,
        )
    )
    staff = (
        StaffMember(id="ucrm-sg", name="Mawuli Adjo", position="secrétaire général"),
        StaffMember(
            id="ucrm-rm", name="Essi Gbeassor", position="responsable du répertoire des métiers"
        ),
        StaffMember(id="ucrm-fp", name="Kodjo Ahiadzro", position="responsable formation"),
    )
    return Body(
        id="ucrm-togo",
        name="Union des Chambres Régionales de Métiers du Togo (UCRM)",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=_LOME,
        level=Level.NATIONAL,
        trades=(MASONRY, TAILORING, HAIRDRESSING, BAKERY),
        ledger=_PUBLIC_LEDGER,
        governing_bodies=(
            GoverningBody(
                id="ucrm-bureau",
                kind=GoverningBodyKind.BUREAU,
                name="Bureau de l'UCRM",
                member_ids=tuple(o.id for o in bureau),
            ),
            GoverningBody(
                id="ucrm-ag",
                kind=GoverningBodyKind.GENERAL_ASSEMBLY,
                name="Assemblée générale",
                member_ids=tuple(o.id for o in bureau),
            ),
        ),
        officials=bureau,
        staff=staff,
        current_term=_TERM,
    )


def _experts() -> tuple[Expert, ...]:
    return (
        Expert(
            id=_LEAD,
            name="Claire Durand",
            affiliation=Affiliation.NETWORK,
            home_chamber="CMA France",
            competences=frozenset(
                {
                    Competence.INSTITUTIONAL_DIAGNOSIS,
                    Competence.TRAINING,
                    Competence.ADMINISTRATIVE_SUPPORT,
                }
            ),
            languages=("fr", "en"),
        ),
        Expert(
            id="cma-martin",
            name="Paul Martin",
            affiliation=Affiliation.NETWORK,
            home_chamber="CMA Auvergne-Rhône-Alpes",
            competences=frozenset(
                {
                    Competence.ECONOMIC_DIAGNOSIS,
                    Competence.INSTITUTIONAL_DIAGNOSIS,
                    Competence.METHODOLOGICAL_SUPPORT,
                }
            ),
            domains=frozenset({Domain.TRADES_REGISTER, Domain.ECONOMIC_DEVELOPMENT}),
        ),
        Expert(
            id="tg-agbodjan",
            name="Sena Agbodjan",
            affiliation=Affiliation.LOCAL,
            home_chamber="Consultant, Lomé",
            competences=frozenset({Competence.METHODOLOGICAL_SUPPORT}),
            domains=frozenset({Domain.TRADES_REGISTER}),
            languages=("fr", "ee"),
        ),
    )


def _funding() -> Funding:
    """Illustrative funding: an invented funder, CMA France implementing with the UCRM,
    budgets in euros and a UCRM contribution in CFA francs, a few transactions."""
    funder = Organisation(name="Fonds de coopération pour l'artisanat (illustratif)", type="10")
    cma = Organisation(name="CMA France", type="15")
    ucrm = Organisation(name="Union des Chambres Régionales de Métiers du Togo", type="15")

    def eur(amount: int, on: str) -> Money:
        return Money(amount=Decimal(amount), value_date=dt.date.fromisoformat(on))

    def period(start: str, end: str) -> Period:
        return Period(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))

    return Funding(
        participants=(
            Participant(organisation=funder, role=OrganisationRole.FUNDING),
            Participant(organisation=cma, role=OrganisationRole.ACCOUNTABLE),
            Participant(organisation=cma, role=OrganisationRole.IMPLEMENTING),
            Participant(organisation=ucrm, role=OrganisationRole.IMPLEMENTING),
        ),
        sectors=(
            SectorShare(code="25030", percentage=Decimal(60)),
            SectorShare(code="32140", percentage=Decimal(25)),
            SectorShare(code="11330", percentage=Decimal(15)),
        ),
        budgets=(
            Budget(period=period("2021-01-11", "2021-12-31"), value=eur(120_000, "2021-01-11")),
            Budget(period=period("2022-01-01", "2022-12-16"), value=eur(95_000, "2022-01-01")),
            Budget(
                period=period("2022-01-01", "2022-12-16"),
                value=Money(
                    amount=Decimal(15_000_000),
                    value_date=dt.date(2022, 1, 1),
                    currency="XOF",
                ),
                status=BudgetStatus.COMMITTED,
            ),
        ),
        transactions=(
            Transaction(
                kind=TransactionKind.COMMITMENT,
                date=dt.date(2021, 1, 11),
                value=eur(215_000, "2021-01-11"),
                provider=funder,
                receiver=cma,
            ),
            Transaction(
                kind=TransactionKind.DISBURSEMENT,
                date=dt.date(2021, 2, 1),
                value=eur(120_000, "2021-02-01"),
                provider=funder,
                receiver=cma,
            ),
            Transaction(
                kind=TransactionKind.EXPENDITURE,
                date=dt.date(2021, 4, 20),
                value=eur(18_500, "2021-04-20"),
                description="Mission de diagnostic institutionnel à Lomé",
            ),
        ),
        default_currency="EUR",
    )


def togo_steps() -> Iterator[tuple[str, Programme]]:
    """Each lifecycle step of the example, as ``(what was done, the programme after it)``."""
    partner = ReferencePartner(
        id="ucrm-sg", name="Mawuli Adjo", body_id="ucrm-togo", position="secrétaire général"
    )
    draft = Programme.draft(
        id="cma-ucrm-2021",
        title="Compagnonnage consulaire CMA France – UCRM Togo (exemple illustratif)",
        beneficiary=_body(),
        reference_partner=partner,
        experts=_experts(),
        scope=Scope(trades=(MASONRY, TAILORING, HAIRDRESSING, BAKERY), regions=(_TOGO,)),
        planned=Period(start=dt.date(2021, 1, 11), end=dt.date(2022, 12, 16)),
    )
    p = attrs.evolve(draft, funding=_funding())
    yield "draft", p
    p = lc.open_programme(p, by=_LEAD, at=_at("2021-01-11"))
    yield "open", p
    authors = (_LEAD, "ucrm-sg")
    approval = Approval(on=dt.date(2021, 3, 1), by="ucrm-elu-1")
    for deliverable in (
        TermsOfReference(
            title="Termes de référence du compagnonnage CMA France – UCRM",
            author_ids=authors,
            approval=approval,
            objectives=(
                "Diagnostiquer l'organisation et les services de l'UCRM et des chambres régionales",
                "Accompagner l'UCRM dans son plan de mandature et son offre de services",
            ),
        ),
        MethodToolkit(
            title="Outils méthodologiques du diagnostic",
            author_ids=(*authors, "cma-martin"),
            approval=approval,
            module_ids=("consular-chamber",),
            tools=(
                "Questionnaire aux élus",
                "Grille d'entretien des cadres",
                "Grille du répertoire des métiers",
            ),
        ),
        WorkProgramme(
            title="Programme de travail 2021",
            author_ids=authors,
            approval=approval,
            missions=(
                PlannedMission(
                    kind=DiagnosticKind.INSTITUTIONAL,
                    modality=Modality.ON_SITE,
                    period=Period(start=dt.date(2021, 4, 12), end=dt.date(2021, 4, 16)),
                    place="Lomé",
                ),
            ),
        ),
    ):
        p = lc.record_deliverable(p, deliverable, by=_LEAD, at=_at("2021-03-01"))
        yield f"record {deliverable.KIND}", p
    p = lc.close_preparation(p, by=_LEAD, at=_at("2021-03-02"))
    yield "close preparation", p
    yield from _diagnostic(p)


def _diagnostic(p: Programme) -> Iterator[tuple[str, Programme]]:
    p = lc.record_mission(
        p,
        Mission(
            id="mission-lome-2021-04",
            kind=DiagnosticKind.INSTITUTIONAL,
            modality=Modality.ON_SITE,
            period=Period(start=dt.date(2021, 4, 12), end=dt.date(2021, 4, 16)),
            place="Lomé",
            expert_ids=(_LEAD, "cma-martin"),
            organiser_id="ucrm-sg",
        ),
        by=_LEAD,
        at=_at("2021-04-16", 18),
    )
    yield "record mission", p
    result = score(CONSULAR_CHAMBER_MODULE, togo_answers(), desired=TOGO_DESIRED)
    for capacity in result.scores():
        p = lc.record_score(p, capacity, by=_LEAD, at=_at("2021-04-16", 18))
    yield "record capacity scores", p
    findings = (
        MajorIssue(
            id="pb-register-coverage",
            statement=(
                "Le répertoire informatisé en 2018 ne couvre que 7 055 artisans dans 12 métiers, "
                "pour plus de 43 000 artisans inscrits."
            ),
            severity=IssueSeverity.CRITICAL,
            region=_TOGO,
        ),
        MajorIssue(
            id="pb-own-resources",
            statement="Les ressources propres (cotisations, prestations) ne couvrent pas le fonctionnement.",
            severity=IssueSeverity.HIGH,
        ),
        MajorIssue(
            id="pb-apprenticeship",
            statement="L'apprentissage en maçonnerie et en coiffure reste informel et sans certification.",
            severity=IssueSeverity.HIGH,
            trade=MASONRY,
        ),
        GoodPractice(
            id="bp-union",
            statement="Six chambres régionales fédérées dans une union nationale active.",
        ),
        GoodPractice(
            id="bp-digital-register",
            statement="Un répertoire des métiers informatisé depuis 2018, base d'une extension.",
        ),
        Recommendation(
            id="rec-register",
            statement="Étendre le répertoire informatisé à tous les métiers et à toutes les régions.",
            cites=("pb-register-coverage", "bp-digital-register"),
            priority=Priority.HIGH,
            horizon=Horizon.MEDIUM,
        ),
        Recommendation(
            id="rec-mandate-plan",
            statement="Former les élus et adopter un plan de mandature assorti d'indicateurs.",
            cites=("pb-own-resources", "bp-union"),
            priority=Priority.HIGH,
            horizon=Horizon.SHORT,
        ),
        Recommendation(
            id="rec-service-offer",
            statement="Définir une offre de services aux ressortissants (carte professionnelle, couverture santé).",
            cites=("pb-own-resources",),
            priority=Priority.MEDIUM,
            horizon=Horizon.MEDIUM,
        ),
        Recommendation(
            id="rec-apprenticeship",
            statement="Structurer l'apprentissage de la maçonnerie avec les maîtres artisans.",
            cites=("pb-apprenticeship",),
            priority=Priority.MEDIUM,
            horizon=Horizon.LONG,
            trade=MASONRY,
        ),
    )
    for finding in findings:
        p = lc.record_finding(p, finding, by=_LEAD, at=_at("2021-04-16", 19))
    yield "record findings", p
    p = lc.record_debriefing(
        p,
        Debriefing(
            on=dt.date(2021, 4, 16),
            attendee_ids=("ucrm-sg", "ucrm-elu-1", "ucrm-elu-2", "ucrm-rm", _LEAD, "cma-martin"),
            place="Lomé",
        ),
        by=_LEAD,
        at=_at("2021-04-16", 20),
    )
    yield "record debriefing", p
    p = lc.close_diagnostic(p, by=_LEAD, at=_at("2021-05-03"))
    yield "close diagnostic", p
    yield from _accompaniment(p)


def _indicators(p: Programme) -> Programme:
    """The results framework, defined once the actions are planned (targets are illustrative)."""
    at = _at("2021-05-12")
    module = CONSULAR_CHAMBER_MODULE
    p = lc.record_module(
        p,
        ModuleUse(
            module_id=module.id,
            version=module.version,
            low=module.scale.low,
            high=module.scale.high,
        ),
        by=_LEAD,
        at=at,
    )
    for year in (2021, 2022):
        p = lc.record_period(
            p,
            ReportingPeriod(
                id=f"y{year}",
                period=Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)),
            ),
            by=_LEAD,
            at=at,
        )
    diagnosed = dt.date(2021, 4, 16)
    register_level = next(
        s.level for s in p.diagnostic.scores if s.dimension_id == "trades-register"
    )
    framework = (
        (
            Indicator(
                id="ind-register",
                title="Artisans inscrits au répertoire informatisé",
                level=ResultLevel.OUTCOME,
                measure=Measure.COUNT,
                unit="artisans",
                recommendation_ids=("rec-register",),
                action_ids=("act-register",),
            ),
            Baseline(
                value=Decimal(7_055),
                on=dt.date(2018, 12, 31),
                source="UCRM : informatisation du répertoire (2018)",
            ),
            (Target(period_id="y2022", value=Decimal(20_000)),),
        ),
        (
            Indicator(
                id="ind-register-capacity",
                title="Capacité : répertoire des métiers",
                level=ResultLevel.OUTCOME,
                measure=Measure.CAPACITY_LEVEL,
                recommendation_ids=("rec-register",),
                action_ids=("act-register",),
                capacity=CapacityRef(
                    module_id=module.id,
                    module_version=module.version,
                    dimension_id="trades-register",
                ),
            ),
            Baseline(value=Decimal(register_level), on=diagnosed, source="diagnostic d'avril 2021"),
            (Target(period_id="y2022", value=Decimal(TOGO_DESIRED["trades-register"])),),
        ),
        (
            Indicator(
                id="ind-officials-trained",
                title="Élus du bureau formés",
                level=ResultLevel.OUTPUT,
                measure=Measure.COUNT,
                unit="élus",
                recommendation_ids=("rec-mandate-plan",),
                action_ids=("act-training-elus",),
            ),
            Baseline(value=Decimal(0), on=diagnosed),
            (Target(period_id="y2021", value=Decimal(8)),),
        ),
        (
            Indicator(
                id="ind-mandate-plan",
                title="Plan de mandature adopté",
                level=ResultLevel.OUTPUT,
                measure=Measure.MILESTONE,
                recommendation_ids=("rec-mandate-plan",),
                action_ids=("act-mandate-plan", "act-structuring"),
            ),
            Baseline(value=Decimal(0), on=diagnosed),
            (Target(period_id="y2021", value=Decimal(1)),),
        ),
        (
            Indicator(
                id="ind-paying-share",
                title="Part des inscrits qui cotisent",
                level=ResultLevel.OUTCOME,
                measure=Measure.PERCENTAGE,
                unit="%",
                cumulative=False,
                recommendation_ids=("rec-service-offer",),
                action_ids=("act-service-offer",),
            ),
            Baseline(value=Decimal(8), on=dt.date(2020, 12, 31), source="cotisations 2020"),
            (Target(period_id="y2022", value=Decimal(25)),),
        ),
        (
            Indicator(
                id="ind-apprentices",
                title="Apprentis maçons sous contrat certifié",
                level=ResultLevel.IMPACT,
                measure=Measure.COUNT,
                unit="apprentis",
                recommendation_ids=("rec-apprenticeship",),
            ),
            Baseline(value=Decimal(0), on=diagnosed),
            (Target(period_id="y2022", value=Decimal(50)),),
        ),
    )
    for indicator, baseline, targets in framework:
        p = lc.define_indicator(p, indicator, by=_LEAD, at=at)
        p = lc.record_baseline(p, indicator.id, baseline, by=_LEAD, at=at)
        for target in targets:
            p = lc.set_target(p, indicator.id, target, by=_LEAD, at=at)
    return p


def _link_plan_actions(p: Programme) -> Programme:
    """The adopted mandate plan's actions join the indicators that follow them."""
    links = {"ind-register": ("pa-register",), "ind-paying-share": ("pa-card",)}
    for indicator in p.results.indicators:
        if indicator.id in links:
            linked = attrs.evolve(indicator, plan_action_ids=links[indicator.id])
            p = lc.define_indicator(p, linked, by=_LEAD, at=_at("2021-09-24", 20))
    return p


def _accompaniment(p: Programme) -> Iterator[tuple[str, Programme]]:
    bureau = tuple(f"ucrm-elu-{i}" for i in range(1, 9))
    actions = (
        Training(
            id="act-training-elus",
            title="Formation des élus du bureau : rôle, instances, plan de mandature",
            modality=Modality.ON_SITE,
            period=Period(start=dt.date(2021, 6, 7), end=dt.date(2021, 6, 9)),
            place="Lomé",
            expert_ids=(_LEAD,),
            participant_ids=("ucrm-sg", *bureau),
            answers=("rec-mandate-plan",),
            audience=frozenset({Audience.ELECTED_OFFICIALS, Audience.STAFF}),
            topics=("Gouvernance consulaire", "Fonctionnement des instances"),
        ),
        MandatePlanning(
            id="act-mandate-plan",
            title="Élaboration du plan de mandature de l'UCRM",
            modality=Modality.REMOTE,
            expert_ids=(_LEAD,),
            participant_ids=("ucrm-sg", "ucrm-elu-1"),
            answers=("rec-mandate-plan",),
        ),
        Structuring(
            id="act-structuring",
            title="Structuration administrative et fonctionnement des instances",
            modality=Modality.REMOTE,
            expert_ids=(_LEAD,),
            participant_ids=("ucrm-sg",),
            answers=("rec-mandate-plan",),
            focus=frozenset({StructuringFocus.ADMINISTRATION, StructuringFocus.GOVERNING_BODIES}),
        ),
        MethodologicalSupport(
            id="act-register",
            title="Appui à l'extension du répertoire des métiers informatisé",
            modality=Modality.ON_SITE,
            place="Lomé",
            expert_ids=("cma-martin", "tg-agbodjan"),
            participant_ids=("ucrm-rm",),
            answers=("rec-register",),
            domain=Domain.TRADES_REGISTER,
        ),
        ServiceOfferDesign(
            id="act-service-offer",
            title="Définition de l'offre de services aux ressortissants",
            modality=Modality.REMOTE,
            expert_ids=("cma-martin",),
            participant_ids=("ucrm-sg", "ucrm-fp"),
            answers=("rec-service-offer",),
        ),
    )
    for action in actions:
        p = lc.plan_action(p, action, by=_LEAD, at=_at("2021-05-10"))
    yield "plan support actions", p
    p = _indicators(p)
    yield "define indicators", p
    p = lc.start_action(
        p, "act-training-elus", on=dt.date(2021, 6, 7), by=_LEAD, at=_at("2021-06-07")
    )
    p = lc.complete_action(
        p, "act-training-elus", on=dt.date(2021, 6, 9), by=_LEAD, at=_at("2021-06-09", 18)
    )
    p = lc.record_value(
        p,
        "ind-officials-trained",
        Measurement(
            period_id="y2021",
            on=dt.date(2021, 6, 9),
            value=Decimal(8),
            source="feuille d'émargement de la formation",
            recorded_by=_LEAD,
            disaggregations=(
                Disaggregation(axis="sex", group="women", value=Decimal(4)),
                Disaggregation(axis="sex", group="men", value=Decimal(4)),
            ),
            final=True,
        ),
        by=_LEAD,
        at=_at("2021-06-09", 19),
    )
    yield "train elected officials", p
    p = lc.start_action(
        p, "act-mandate-plan", on=dt.date(2021, 6, 21), by=_LEAD, at=_at("2021-06-21")
    )
    plan = MandatePlan(
        term=_TERM,
        adopted_on=dt.date(2021, 9, 24),
        axes=(
            PlanAxis(
                id="axe-representation",
                title="Représenter et connaître les artisans",
                actions=(
                    PlanAction(
                        id="pa-register",
                        title="Inscrire 20 000 artisans au répertoire informatisé",
                        owner_id="ucrm-rm",
                        indicator="Artisans inscrits au répertoire informatisé",
                    ),
                ),
            ),
            PlanAxis(
                id="axe-services",
                title="Servir les ressortissants",
                actions=(
                    PlanAction(
                        id="pa-card",
                        title="Délivrer la carte professionnelle artisanale",
                        owner_id="ucrm-sg",
                        indicator="Cartes délivrées",
                    ),
                ),
            ),
        ),
    )
    p = lc.complete_action(
        p,
        "act-mandate-plan",
        on=dt.date(2021, 9, 24),
        by=_LEAD,
        at=_at("2021-09-24", 18),
        produces=plan,
    )
    p = lc.record_value(
        p,
        "ind-mandate-plan",
        Measurement(
            period_id="y2021",
            on=dt.date(2021, 9, 24),
            value=Decimal(1),
            source="procès-verbal de l'assemblée générale",
            recorded_by=_LEAD,
            final=True,
        ),
        by=_LEAD,
        at=_at("2021-09-24", 19),
    )
    p = _link_plan_actions(p)
    yield "adopt the mandate plan", p
    p = lc.start_action(p, "act-register", on=dt.date(2021, 10, 11), by=_LEAD, at=_at("2021-10-11"))
    yield "start trades-register support", p
    yield from _monitoring(p)


_ILLUSTRATIVE = "chiffre illustratif, inventé pour l'exemple"


def _value(period: str, on: dt.date, value: int, *, final: bool = False) -> Measurement:
    return Measurement(
        period_id=period,
        on=on,
        value=Decimal(value),
        source=_ILLUSTRATIVE,
        recorded_by="ucrm-rm",
        final=final,
    )


def _monitoring(p: Programme) -> Iterator[tuple[str, Programme]]:
    """Values, a follow-up assessment and later membership figures (all illustrative)."""
    end_2021 = dt.date(2021, 12, 31)
    p = lc.record_value(
        p, "ind-register", _value("y2021", end_2021, 12_400), by=_LEAD, at=_at("2022-01-10")
    )
    p = lc.record_value(
        p, "ind-paying-share", _value("y2021", end_2021, 10), by=_LEAD, at=_at("2022-01-10")
    )
    yield "record the 2021 values", p
    improved = {"trades-register": 1, "mandate-strategy": 2, "membership": 1}
    follow_up = FollowUp(
        id="fu-2022-10",
        module_id=CONSULAR_CHAMBER_MODULE.id,
        module_version=CONSULAR_CHAMBER_MODULE.version,
        on=dt.date(2022, 10, 17),
        scores=tuple(
            attrs.evolve(
                s,
                level=min(4, s.level + improved.get(s.dimension_id, 0)),
                evidence=(_ILLUSTRATIVE,),
            )
            for s in p.diagnostic.scores
        ),
        respondent_ids=("ucrm-sg", "ucrm-rm", "ucrm-elu-1"),
    )
    p = lc.record_follow_up(p, follow_up, by=_LEAD, at=_at("2022-10-17", 18))
    yield "follow-up assessment", p
    end_2022 = dt.date(2022, 12, 31)
    register_level = next(s.level for s in follow_up.scores if s.dimension_id == "trades-register")
    at = _at("2023-01-16")
    for indicator, value in (
        ("ind-register", _value("y2022", end_2022, 21_300, final=True)),
        (
            "ind-register-capacity",
            _value("y2022", follow_up.on, register_level, final=True),
        ),
        ("ind-paying-share", _value("y2022", end_2022, 14, final=True)),
    ):
        p = lc.record_value(p, indicator, value, by=_LEAD, at=at)
    p = lc.record_not_measured(
        p,
        "ind-apprentices",
        NotMeasured(
            reason="Le dispositif de certification de l'apprentissage n'a pas ouvert avant "
            "la fin du programme (illustratif).",
            on=end_2022,
        ),
        by=_LEAD,
        at=at,
    )
    yield "record the 2022 values", p
    for figure in _LATER_LEDGER:
        assert figure.as_of is not None
        p = lc.record_membership(p, figure, by="ucrm-sg", at=_at(f"{figure.as_of.year + 1}-01-20"))
    yield "record later membership figures", p


_LATER_LEDGER = (
    Membership(
        registered=46_200,
        card_holders=9_800,
        paying_members=7_400,
        service_users=5_100,
        as_of=dt.date(2023, 12, 31),
        dues_revenue=Decimal(37_000_000),
        service_revenue=Decimal(11_500_000),
        currency="XOF",
        source=_ILLUSTRATIVE,
        illustrative=True,
    ),
    Membership(
        registered=49_800,
        card_holders=13_500,
        paying_members=9_900,
        service_users=7_800,
        as_of=dt.date(2024, 12, 31),
        dues_revenue=Decimal(49_500_000),
        service_revenue=Decimal(18_000_000),
        currency="XOF",
        source=_ILLUSTRATIVE,
        illustrative=True,
    ),
)
"""Membership figures after the programme: invented for the example, marked illustrative."""


def togo_answers() -> tuple[Answer, ...]:
    """What four UCRM respondents answered to the built-in consular-chamber module in April 2021.

    Two elected officials and two staff members; they diverge on the trades
    register and on own resources, as respondents do.
    """
    sg = Respondent(id="ucrm-sg", group=RespondentGroup.STAFF)
    register = Respondent(id="ucrm-rm", group=RespondentGroup.STAFF)
    president = Respondent(id="ucrm-elu-1", group=RespondentGroup.ELECTED_OFFICIALS)
    vice = Respondent(id="ucrm-elu-2", group=RespondentGroup.ELECTED_OFFICIALS)
    given: list[tuple[Respondent, str, AnswerValue, str | None]] = [
        (sg, "gov-bureau-meetings", 4, "registre des procès-verbaux"),
        (president, "gov-bureau-meetings", 6, None),
        (sg, "gov-minutes", True, None),
        (sg, "gov-mandate-plan", "none", None),
        (president, "gov-mandate-plan", "draft", "orientations présentées à l'assemblée générale"),
        (sg, "gov-own-resources", 15, "budget 2020"),
        (president, "gov-own-resources", 30, None),
        (sg, "gov-accounts", True, None),
        (sg, "gov-technical-staff", 3, None),
        (sg, "gov-job-descriptions", False, None),
        (sg, "sup-register-state", "partly-digital", "7 055 artisans saisis en 2018"),
        (register, "sup-register-state", "partly-digital", None),
        (president, "sup-register-state", "digital-used", None),
        (register, "sup-professional-card", False, None),
        (sg, "sup-services-count", 2, None),
        (sg, "sup-pricing", "ad-hoc", None),
        (sg, "sup-paying-share", 8, "cotisations 2020"),
        (sg, "eco-data", "studies", None),
        (sg, "eco-channels", "meetings", None),
        (vice, "eco-channels", "meetings", None),
        (sg, "trn-apprenticeship", "contracts", None),
        (vice, "trn-apprenticeship", "contracts", None),
        (sg, "trn-sessions", 2, None),
        (sg, "trn-needs-analysis", False, None),
        (sg, "trn-partners", "Centres de formation aux métiers de Lomé", None),
        (president, "ter-presence", "network", "six chambres régionales"),
        (sg, "ter-facilities", "run-down", None),
        (sg, "ter-agreements", 2, None),
    ]
    return tuple(
        Answer(respondent=r, question_id=q, value=value, note=note) for r, q, value, note in given
    )


def togo_programme(*, stage: Stage = Stage.ACCOMPANIMENT) -> Programme:
    """The example programme, walked up to ``stage`` (the accompaniment by default).

    At the accompaniment stage, the elected officials are trained, the mandate
    plan is adopted and the trades-register support is under way.
    """
    last: Programme | None = None
    for _, p in togo_steps():
        if p.stage.rank > stage.rank:
            break
        last = p
    assert last is not None
    return last
