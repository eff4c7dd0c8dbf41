"""The built-in consular-chamber module: five themes, fourteen dimensions, on a 1–4 scale.

The themes follow the missions of a chamber of trades: governance and resources;
business support; economic information; vocational training; territorial action
and facilities. Level 1 describes a function that is missing, 2 one that exists
on paper or occasionally, 3 one that works, 4 one that is steered by indicators.
"""

from __future__ import annotations

from compagnonnage._i18n import Text
from compagnonnage.diagnostics._module import (
    Choice,
    ChoiceQuestion,
    DiagnosticModule,
    Dimension,
    NumberQuestion,
    Question,
    Remedy,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.diagnostics._select import BUILTIN_MODULE_ID
from compagnonnage.model import Domain

_GOVERNANCE = Text("Gouvernance et ressources", "Governance and resources")
_SUPPORT = Text("Appui aux entreprises", "Business support")
_INFORMATION = Text("Information économique", "Economic information")
_TRAINING = Text("Formation professionnelle", "Vocational training")
_TERRITORY = Text("Action territoriale et équipements", "Territorial action and facilities")

_TRAIN_OFFICIALS = Remedy(
    kind="training",
    title=Text(
        "Former les élus au rôle des instances et au pilotage de la chambre",
        "Train elected officials in the role of governing bodies and in steering the chamber",
    ),
)
_TRAIN_STAFF = Remedy(
    kind="training",
    title=Text(
        "Former les cadres aux fonctions support (gestion, suivi, reporting)",
        "Train staff in support functions (management, monitoring, reporting)",
    ),
)


def _support(domain: Domain, fr: str, en: str) -> Remedy:
    return Remedy(kind="methodological_support", title=Text(fr, en), domain=domain)


_DIMENSIONS = (
    Dimension(
        id="governing-bodies",
        theme=_GOVERNANCE,
        title=Text("Fonctionnement des instances", "Working of the governing bodies"),
        levels=(
            ("Instances rarement réunies, sans procès-verbaux", "Bodies seldom meet, no minutes"),
            (
                "Réunions statutaires tenues, décisions peu suivies",
                "Statutory meetings held, decisions seldom followed up",
            ),
            (
                "Réunions régulières, procès-verbaux et décisions suivies",
                "Regular meetings, minutes and decisions followed up",
            ),
            (
                "Instances et commissions pilotent l'action avec des indicateurs",
                "Bodies and commissions steer the action with indicators",
            ),
        ),
        remedies=(
            Remedy(
                kind="structuring",
                title=Text(
                    "Structurer le fonctionnement des instances (calendrier, procès-verbaux, suivi des décisions)",
                    "Structure how governing bodies work (calendar, minutes, follow-up of decisions)",
                ),
            ),
            _TRAIN_OFFICIALS,
        ),
    ),
    Dimension(
        id="mandate-strategy",
        theme=_GOVERNANCE,
        title=Text("Stratégie et plan de mandature", "Strategy and mandate plan"),
        levels=(
            ("Pas de plan de mandature", "No mandate plan"),
            ("Plan en projet ou non adopté", "Plan drafted, not adopted"),
            ("Plan adopté par les instances", "Plan adopted by the governing bodies"),
            (
                "Plan adopté, suivi par indicateurs et révisé",
                "Plan adopted, monitored by indicators and revised",
            ),
        ),
        remedies=(
            Remedy(
                kind="mandate_planning",
                title=Text(
                    "Élaborer avec les élus un plan de mandature (axes, actions, indicateurs)",
                    "Draft a mandate plan with the elected team (axes, actions, indicators)",
                ),
            ),
        ),
    ),
    Dimension(
        id="finances",
        theme=_GOVERNANCE,
        title=Text("Ressources financières", "Financial resources"),
        levels=(
            (
                "Budget dépendant presque entièrement de subventions",
                "Budget almost entirely from grants",
            ),
            (
                "Ressources propres faibles, recouvrement des cotisations irrégulier",
                "Low own resources, irregular collection of dues",
            ),
            (
                "Ressources propres significatives, comptes approuvés",
                "Significant own resources, approved accounts",
            ),
            (
                "Ressources diversifiées, comptes certifiés, budget prévisionnel suivi",
                "Diverse resources, audited accounts, budget monitored",
            ),
        ),
        remedies=(
            Remedy(
                kind="structuring",
                title=Text(
                    "Structurer la gestion administrative et financière (budget, recouvrement, comptes)",
                    "Structure administrative and financial management (budget, collection, accounts)",
                ),
            ),
            _TRAIN_STAFF,
        ),
    ),
    Dimension(
        id="staff",
        theme=_GOVERNANCE,
        title=Text("Ressources humaines", "Human resources"),
        levels=(
            ("Pas de personnel technique permanent", "No permanent technical staff"),
            ("Quelques agents sans fiches de poste", "A few agents without job descriptions"),
            (
                "Organigramme et fiches de poste, compétences clés couvertes",
                "Organisation chart and job descriptions, key skills covered",
            ),
            (
                "Équipe formée, évaluée et plan de formation des agents",
                "Trained, appraised team with a staff training plan",
            ),
        ),
        remedies=(_TRAIN_STAFF,),
    ),
    Dimension(
        id="trades-register",
        theme=_SUPPORT,
        title=Text("Tenue du répertoire des métiers", "Keeping the trades register"),
        levels=(
            ("Registre papier incomplet", "Incomplete paper register"),
            ("Registre papier tenu à jour", "Paper register kept up to date"),
            ("Registre informatisé en partie", "Register partly computerised"),
            (
                "Registre informatisé à jour, exploité pour les statistiques",
                "Computerised, up-to-date register used for statistics",
            ),
        ),
        remedies=(
            _support(
                Domain.TRADES_REGISTER,
                "Accompagner l'informatisation et la mise à jour du répertoire des métiers",
                "Support computerising and updating the trades register",
            ),
        ),
    ),
    Dimension(
        id="service-offer",
        theme=_SUPPORT,
        title=Text("Offre de services aux ressortissants", "Services to constituents"),
        levels=(
            ("Pas d'offre de services formalisée", "No formal service offer"),
            ("Services ponctuels, à la demande", "Occasional services on request"),
            (
                "Catalogue de services avec tarifs adhérents et non-adhérents",
                "Service catalogue with member and non-member prices",
            ),
            (
                "Catalogue suivi : usagers, satisfaction, recettes",
                "Catalogue monitored: users, satisfaction, revenue",
            ),
        ),
        remedies=(
            Remedy(
                kind="service_offer_design",
                title=Text(
                    "Définir une offre de services à partir du catalogue",
                    "Design a service offer from the catalogue",
                ),
            ),
        ),
    ),
    Dimension(
        id="membership",
        theme=_SUPPORT,
        title=Text("Adhésion et légitimité", "Membership and legitimacy"),
        levels=(
            (
                "Moins d'un inscrit sur dix paie sa cotisation",
                "Fewer than one registered artisan in ten pays dues",
            ),
            (
                "Un inscrit sur dix à un sur quatre cotise",
                "One in ten to one in four registered artisans pays dues",
            ),
            (
                "Un inscrit sur quatre à un sur deux cotise",
                "One in four to one in two registered artisans pays dues",
            ),
            (
                "Plus de la moitié des inscrits cotise",
                "More than half of registered artisans pay dues",
            ),
        ),
        remedies=(
            Remedy(
                kind="service_offer_design",
                title=Text(
                    "Relier la cotisation à des services visibles pour les adhérents",
                    "Tie dues to services members can see",
                ),
            ),
            _support(
                Domain.COMMUNICATION,
                "Accompagner une campagne d'adhésion auprès des ressortissants",
                "Support a membership drive among constituents",
            ),
        ),
    ),
    Dimension(
        id="sector-knowledge",
        theme=_INFORMATION,
        title=Text("Connaissance du secteur", "Knowledge of the sector"),
        levels=(
            ("Aucune donnée sur les ressortissants", "No data on constituents"),
            ("Études ponctuelles, souvent externes", "Occasional studies, often external"),
            ("Statistiques annuelles tirées du répertoire", "Annual statistics from the register"),
            (
                "Observatoire : enquêtes périodiques et notes de conjoncture",
                "Observatory: periodic surveys and economic briefs",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                "Accompagner la mise en place d'un observatoire économique de l'artisanat",
                "Support setting up an economic observatory of the crafts sector",
            ),
        ),
    ),
    Dimension(
        id="communication",
        theme=_INFORMATION,
        title=Text(
            "Information des ressortissants et des partenaires",
            "Informing constituents and partners",
        ),
        levels=(
            ("Pas de communication régulière", "No regular communication"),
            (
                "Communication occasionnelle (réunions, affichage)",
                "Occasional communication (meetings, notices)",
            ),
            (
                "Canaux réguliers (radio, réseaux sociaux, lettre)",
                "Regular channels (radio, social media, newsletter)",
            ),
            (
                "Plan de communication suivi, rapport d'activité publié",
                "Communication plan monitored, annual report published",
            ),
        ),
        remedies=(
            _support(
                Domain.COMMUNICATION,
                "Accompagner l'élaboration d'un plan de communication",
                "Support drafting a communication plan",
            ),
        ),
    ),
    Dimension(
        id="apprenticeship",
        theme=_TRAINING,
        title=Text("Organisation de l'apprentissage", "Organising apprenticeship"),
        levels=(
            (
                "Apprentissage traditionnel sans suivi de la chambre",
                "Traditional apprenticeship, not followed by the chamber",
            ),
            (
                "Contrats d'apprentissage enregistrés en partie",
                "Some apprenticeship contracts registered",
            ),
            (
                "Contrats enregistrés et examens de fin d'apprentissage organisés",
                "Contracts registered and end-of-apprenticeship exams held",
            ),
            (
                "Apprentissage dual certifiant suivi avec les centres de formation",
                "Certified dual apprenticeship followed with training centres",
            ),
        ),
        remedies=(
            _support(
                Domain.TRAINING_AND_APPRENTICESHIP,
                "Accompagner l'organisation de l'apprentissage (contrats, suivi, certification)",
                "Support organising apprenticeship (contracts, follow-up, certification)",
            ),
        ),
    ),
    Dimension(
        id="continuing-training",
        theme=_TRAINING,
        title=Text("Formation continue des artisans", "Continuing training of artisans"),
        levels=(
            ("Aucune session de formation dans l'année", "No training session in the year"),
            ("Quelques sessions au gré des financements", "A few sessions as funding allows"),
            (
                "Programme annuel fondé sur une analyse des besoins",
                "Annual programme based on a needs analysis",
            ),
            (
                "Programme évalué, formateurs qualifiés, partenariats durables",
                "Programme evaluated, qualified trainers, lasting partnerships",
            ),
        ),
        remedies=(
            _support(
                Domain.TRAINING_AND_APPRENTICESHIP,
                "Accompagner l'analyse des besoins et la construction d'un programme de formation",
                "Support a training-needs analysis and building a training programme",
            ),
        ),
    ),
    Dimension(
        id="territorial-presence",
        theme=_TERRITORY,
        title=Text("Présence sur le territoire", "Presence across the territory"),
        levels=(
            ("Présence limitée au siège", "Presence limited to the seat"),
            ("Tournées occasionnelles hors du siège", "Occasional tours outside the seat"),
            (
                "Antennes permanentes dans une partie du territoire",
                "Permanent branches in part of the territory",
            ),
            (
                "Réseau d'antennes ou d'agents couvrant tout le territoire",
                "Network of branches or agents covering the whole territory",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                "Accompagner l'organisation de l'action de proximité (antennes, agents de terrain)",
                "Support organising local outreach (branches, field agents)",
            ),
        ),
    ),
    Dimension(
        id="facilities",
        theme=_TERRITORY,
        title=Text("Équipements gérés", "Facilities managed"),
        levels=(
            ("Aucun équipement au service des artisans", "No facility serving artisans"),
            (
                "Équipements existants mais peu utilisés ou dégradés",
                "Facilities exist but are little used or run down",
            ),
            ("Équipements utilisés et entretenus", "Facilities used and maintained"),
            (
                "Équipements gérés avec un modèle économique et des indicateurs",
                "Facilities run with a business model and indicators",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                "Accompagner la gestion des équipements (village artisanal, atelier partagé, centre)",
                "Support managing facilities (craft village, shared workshop, centre)",
            ),
        ),
    ),
    Dimension(
        id="partnerships",
        theme=_TERRITORY,
        title=Text("Partenariats territoriaux", "Territorial partnerships"),
        levels=(
            (
                "Aucune convention avec l'État ou les collectivités",
                "No agreement with the state or local authorities",
            ),
            ("Une convention, peu mise en œuvre", "One agreement, little implemented"),
            ("Plusieurs conventions actives", "Several active agreements"),
            (
                "Partenariats suivis dans un cadre de concertation régulier",
                "Partnerships followed in a regular consultation framework",
            ),
        ),
        remedies=(_TRAIN_OFFICIALS,),
    ),
)


def _yes_no(ident: str, dim: str, fr: str, en: str) -> YesNoQuestion:
    return YesNoQuestion(id=ident, dimension_id=dim, text=Text(fr, en))


def _choice(
    ident: str, dim: str, text: tuple[str, str], *options: tuple[str, str, str]
) -> ChoiceQuestion:
    """A choice question whose options stand for levels 1, 2, … in order."""
    return ChoiceQuestion(
        id=ident, dimension_id=dim, text=Text(*text), choices=Choice.ladder(*options)
    )


def _number(
    ident: str, dim: str, fr: str, en: str, thresholds: tuple[int, int, int]
) -> NumberQuestion:
    return NumberQuestion(id=ident, dimension_id=dim, text=Text(fr, en), thresholds=thresholds)


_QUESTIONS: tuple[Question, ...] = (
    _number(
        "gov-bureau-meetings",
        "governing-bodies",
        "Combien de réunions du bureau se sont tenues ces douze derniers mois ?",
        "How many bureau meetings were held in the last twelve months?",
        (2, 4, 10),
    ),
    _yes_no(
        "gov-minutes",
        "governing-bodies",
        "Les décisions des instances font-elles l'objet de procès-verbaux diffusés et suivis ?",
        "Are the decisions of the governing bodies minuted, circulated and followed up?",
    ),
    _choice(
        "gov-mandate-plan",
        "mandate-strategy",
        ("Où en est le plan de mandature ?", "Where does the mandate plan stand?"),
        ("none", "Il n'existe pas", "There is none"),
        ("draft", "En projet", "Drafted"),
        ("adopted", "Adopté par les instances", "Adopted by the governing bodies"),
        ("monitored", "Adopté et suivi par indicateurs", "Adopted and monitored by indicators"),
    ),
    _number(
        "gov-own-resources",
        "finances",
        "Quelle part du budget provient des ressources propres (cotisations, services) ? (%)",
        "What share of the budget comes from own resources (dues, services)? (%)",
        (20, 40, 60),
    ),
    _yes_no(
        "gov-accounts",
        "finances",
        "Les comptes de l'exercice précédent ont-ils été approuvés par l'assemblée générale ?",
        "Were last year's accounts approved by the general assembly?",
    ),
    _number(
        "gov-technical-staff",
        "staff",
        "Combien d'agents techniques permanents la chambre emploie-t-elle ?",
        "How many permanent technical staff does the chamber employ?",
        (2, 5, 10),
    ),
    _yes_no(
        "gov-job-descriptions",
        "staff",
        "Existe-t-il un organigramme et des fiches de poste à jour ?",
        "Is there an up-to-date organisation chart with job descriptions?",
    ),
    _choice(
        "sup-register-state",
        "trades-register",
        ("Comment le répertoire des métiers est-il tenu ?", "How is the trades register kept?"),
        ("paper-incomplete", "Sur papier, incomplet", "On paper, incomplete"),
        ("paper-current", "Sur papier, à jour", "On paper, up to date"),
        ("partly-digital", "Informatisé en partie", "Partly computerised"),
        ("digital-used", "Informatisé, à jour et exploité", "Computerised, up to date and used"),
    ),
    _yes_no(
        "sup-professional-card",
        "trades-register",
        "Les artisans immatriculés reçoivent-ils une carte professionnelle ?",
        "Do registered artisans receive a professional card?",
    ),
    _number(
        "sup-services-count",
        "service-offer",
        "Combien de services la chambre propose-t-elle de façon permanente ?",
        "How many services does the chamber offer on a permanent basis?",
        (1, 3, 6),
    ),
    _choice(
        "sup-pricing",
        "service-offer",
        ("Comment les services sont-ils tarifés ?", "How are services priced?"),
        ("none", "Pas de services", "No services"),
        ("ad-hoc", "Au cas par cas", "Case by case"),
        ("price-list", "Grille adhérents / non-adhérents", "Member / non-member price list"),
        ("monitored", "Grille suivie (usagers, recettes)", "Price list monitored (users, revenue)"),
    ),
    _number(
        "sup-paying-share",
        "membership",
        "Quelle part des artisans inscrits au répertoire paie sa cotisation ? (%)",
        "What share of artisans on the register pays dues? (%)",
        (10, 25, 50),
    ),
    _choice(
        "eco-data",
        "sector-knowledge",
        (
            "Quelles données la chambre produit-elle sur ses ressortissants ?",
            "What data does the chamber produce on its constituents?",
        ),
        ("none", "Aucune", "None"),
        ("studies", "Études ponctuelles", "Occasional studies"),
        (
            "statistics",
            "Statistiques annuelles du répertoire",
            "Annual statistics from the register",
        ),
        ("observatory", "Observatoire et enquêtes périodiques", "Observatory and periodic surveys"),
    ),
    _choice(
        "eco-channels",
        "communication",
        (
            "Comment la chambre informe-t-elle ses ressortissants ?",
            "How does the chamber inform its constituents?",
        ),
        ("none", "Pas de communication régulière", "No regular communication"),
        ("meetings", "Réunions et affichage", "Meetings and notices"),
        (
            "channels",
            "Radio, réseaux sociaux ou lettre régulière",
            "Radio, social media or a regular newsletter",
        ),
        (
            "plan",
            "Plan de communication et rapport d'activité",
            "Communication plan and annual report",
        ),
    ),
    _choice(
        "trn-apprenticeship",
        "apprenticeship",
        (
            "Quel est le rôle de la chambre dans l'apprentissage ?",
            "What is the chamber's role in apprenticeship?",
        ),
        ("none", "Aucun suivi", "No follow-up"),
        ("contracts", "Enregistrement d'une partie des contrats", "Registers some contracts"),
        (
            "exams",
            "Contrats enregistrés et examens organisés",
            "Contracts registered and exams held",
        ),
        ("dual", "Apprentissage dual certifiant", "Certified dual apprenticeship"),
    ),
    _number(
        "trn-sessions",
        "continuing-training",
        "Combien de sessions de formation continue ont été tenues ces douze derniers mois ?",
        "How many continuing-training sessions were held in the last twelve months?",
        (1, 4, 12),
    ),
    _yes_no(
        "trn-needs-analysis",
        "continuing-training",
        "Le programme de formation repose-t-il sur une analyse des besoins des artisans ?",
        "Is the training programme based on an analysis of artisans' needs?",
    ),
    TextQuestion(
        id="trn-partners",
        dimension_id="continuing-training",
        text=Text(
            "Avec quels centres ou organismes de formation la chambre travaille-t-elle ?",
            "Which training centres or bodies does the chamber work with?",
        ),
    ),
    _choice(
        "ter-presence",
        "territorial-presence",
        ("Où la chambre est-elle présente ?", "Where is the chamber present?"),
        ("seat", "Au siège seulement", "At the seat only"),
        ("tours", "Tournées occasionnelles", "Occasional tours"),
        (
            "some-branches",
            "Antennes dans une partie du territoire",
            "Branches in part of the territory",
        ),
        ("network", "Réseau couvrant tout le territoire", "Network covering the whole territory"),
    ),
    _choice(
        "ter-facilities",
        "facilities",
        (
            "Quel est l'état des équipements gérés par la chambre ?",
            "What state are the chamber's facilities in?",
        ),
        ("none", "Pas d'équipement", "No facility"),
        ("run-down", "Peu utilisés ou dégradés", "Little used or run down"),
        ("maintained", "Utilisés et entretenus", "Used and maintained"),
        ("managed", "Gérés avec un modèle économique", "Run with a business model"),
    ),
    _number(
        "ter-agreements",
        "partnerships",
        "Combien de conventions avec l'État, les collectivités ou des bailleurs sont actives ?",
        "How many agreements with the state, local authorities or donors are active?",
        (1, 3, 6),
    ),
)

CONSULAR_CHAMBER_MODULE = DiagnosticModule(
    id=BUILTIN_MODULE_ID,
    version="1.0",
    title=Text(
        "Diagnostic institutionnel d'une chambre de métiers",
        "Institutional diagnostic of a chamber of trades",
    ),
    dimensions=_DIMENSIONS,
    questions=_QUESTIONS,
)
"""The built-in module: a consular-chamber framework on the five themes."""
