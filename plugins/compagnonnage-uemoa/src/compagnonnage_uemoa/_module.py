"""A diagnostic module on applying the community crafts code in a UEMOA state."""

from __future__ import annotations

from compagnonnage.diagnostics import (
    Choice,
    ChoiceQuestion,
    DiagnosticModule,
    Dimension,
    NumberQuestion,
    Remedy,
    Text,
    YesNoQuestion,
)
from compagnonnage.model import Domain, RegionRef
from compagnonnage_uemoa._regions import UEMOA_STATES
from compagnonnage_uemoa._services import PUBLIC_PROCUREMENT, SOCIAL_PROTECTION

_THEME = Text(
    "Code communautaire de l'artisanat",
    "Community crafts code",
    pt="Código comunitário do artesanato",
)


UEMOA_MODULE = DiagnosticModule(
    id="uemoa-crafts-code",
    version="1.0",
    title=Text(
        "Application du code communautaire de l'artisanat (UEMOA)",
        "Applying the community crafts code (UEMOA)",
        pt="Aplicação do código comunitário do artesanato (UEMOA)",
    ),
    regions=frozenset(RegionRef(c) for c in UEMOA_STATES),
    dimensions=(
        Dimension(
            id="registration-card",
            theme=_THEME,
            title=Text(
                "Immatriculation et carte professionnelle",
                "Registration and professional card",
                pt="Registo e cartão profissional",
            ),
            levels=(
                Text(
                    "Pas de carte professionnelle délivrée",
                    "No professional card issued",
                    pt="Nenhum cartão profissional emitido",
                ),
                Text(
                    "Cartes délivrées à une minorité d'inscrits",
                    "Cards issued to a minority of those registered",
                    pt="Cartões emitidos para uma minoria dos inscritos",
                ),
                Text(
                    "Carte délivrée à l'immatriculation",
                    "Card issued on registration",
                    pt="Cartão emitido no momento do registo",
                ),
                Text(
                    "Carte délivrée et ouvrant droit à des services",
                    "Card issued and giving access to services",
                    pt="Cartão emitido e que dá acesso a serviços",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Organiser la délivrance de la carte professionnelle",
                        "Organise issuing the professional card",
                        pt="Organizar a emissão do cartão profissional",
                    ),
                    service_ids=("uemoa-professional-card",),
                ),
            ),
        ),
        Dimension(
            id="nomenclature",
            theme=_THEME,
            title=Text(
                "Répertoire aligné sur la nomenclature 04/2018",
                "Register aligned on the 04/2018 nomenclature",
                pt="Registo alinhado com a nomenclatura 04/2018",
            ),
            levels=(
                Text(
                    "Nomenclature nationale ancienne seule",
                    "Former national nomenclature only",
                    pt="Apenas a antiga nomenclatura nacional",
                ),
                Text("Alignement engagé", "Alignment under way", pt="Alinhamento em curso"),
                Text("Répertoire aligné", "Register aligned", pt="Registo alinhado"),
                Text(
                    "Répertoire aligné et statistiques publiées par branche",
                    "Register aligned, statistics published by branch",
                    pt="Registo alinhado e estatísticas publicadas por ramo",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la reprise du répertoire dans la nomenclature communautaire",
                        "Support recoding the register into the community nomenclature",
                        pt="Acompanhar a reclassificação do registo na nomenclatura comunitária",
                    ),
                    domain=Domain.TRADES_REGISTER,
                ),
            ),
        ),
        Dimension(
            id="social-protection",
            theme=_THEME,
            title=Text(
                "Protection sociale des artisans",
                "Social protection of artisans",
                pt="Proteção social dos artesãos",
            ),
            levels=(
                Text(
                    "Aucune convention de couverture maladie",
                    "No health-cover agreement",
                    pt="Nenhuma convenção de cobertura de saúde",
                ),
                Text(
                    "Convention signée, peu d'adhérents couverts",
                    "Agreement signed, few members covered",
                    pt="Convenção assinada, poucos membros cobertos",
                ),
                Text(
                    "Convention active, adhésions suivies",
                    "Agreement active, enrolment followed",
                    pt="Convenção ativa, adesões acompanhadas",
                ),
                Text(
                    "Couverture étendue et évaluée",
                    "Cover extended and evaluated",
                    pt="Cobertura alargada e avaliada",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Négocier et proposer une couverture maladie aux adhérents",
                        "Negotiate and offer health cover to members",
                        pt="Negociar e propor uma cobertura de saúde aos membros",
                    ),
                    domain=SOCIAL_PROTECTION,
                    service_ids=("uemoa-health-cover",),
                ),
            ),
        ),
        Dimension(
            id="youth-placement",
            theme=_THEME,
            title=Text(
                "Placement des jeunes en apprentissage",
                "Placing young people in apprenticeship",
                pt="Colocação de jovens em aprendizagem",
            ),
            levels=(
                Text(
                    "Aucun placement organisé",
                    "No organised placement",
                    pt="Nenhuma colocação organizada",
                ),
                Text("Placements ponctuels", "Occasional placements", pt="Colocações pontuais"),
                Text(
                    "Convention de placement avec suivi",
                    "Placement agreement with follow-up",
                    pt="Convenção de colocação com acompanhamento",
                ),
                Text(
                    "Placements suivis jusqu'à la certification",
                    "Placements followed up to certification",
                    pt="Colocações acompanhadas até à certificação",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Mettre en place une convention de placement des jeunes",
                        "Set up a youth-placement agreement",
                        pt="Criar uma convenção de colocação de jovens",
                    ),
                    service_ids=("uemoa-youth-placement",),
                ),
            ),
        ),
        Dimension(
            id="public-procurement",
            theme=_THEME,
            title=Text(
                "Accès à la commande publique",
                "Access to public procurement",
                pt="Acesso à contratação pública",
            ),
            levels=(
                Text(
                    "Aucune information sur les marchés publics",
                    "No information on public contracts",
                    pt="Nenhuma informação sobre os concursos públicos",
                ),
                Text("Information ponctuelle", "Occasional information", pt="Informação pontual"),
                Text(
                    "Veille et aide aux dossiers",
                    "Tender watch and help with bids",
                    pt="Vigilância dos concursos e apoio às candidaturas",
                ),
                Text(
                    "Marchés obtenus et suivis",
                    "Contracts won and followed up",
                    pt="Contratos obtidos e acompanhados",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la création d'un guichet marchés publics",
                        "Support setting up a public-procurement desk",
                        pt="Acompanhar a criação de um balcão de contratação pública",
                    ),
                    domain=PUBLIC_PROCUREMENT,
                    service_ids=("uemoa-procurement-desk",),
                ),
            ),
        ),
    ),
    questions=(
        NumberQuestion(
            id="uemoa-card-share",
            dimension_id="registration-card",
            text=Text(
                "Quelle part des artisans immatriculés détient la carte professionnelle ? (%)",
                "What share of registered artisans holds the professional card? (%)",
                pt="Que parte dos artesãos registados tem o cartão profissional? (%)",
            ),
            thresholds=(10, 30, 60),
        ),
        ChoiceQuestion(
            id="uemoa-nomenclature",
            dimension_id="nomenclature",
            text=Text(
                "Le répertoire utilise-t-il la nomenclature 04/2018/COM/UEMOA ?",
                "Does the register use the 04/2018/COM/UEMOA nomenclature?",
                pt="O registo utiliza a nomenclatura 04/2018/COM/UEMOA?",
            ),
            choices=Choice.ladder(
                (
                    "former",
                    Text(
                        "Non, l'ancienne nomenclature",
                        "No, the former one",
                        pt="Não, a antiga nomenclatura",
                    ),
                ),
                (
                    "under-way",
                    Text("Alignement engagé", "Alignment under way", pt="Alinhamento em curso"),
                ),
                ("aligned", Text("Oui", "Yes", pt="Sim")),
                (
                    "published",
                    Text(
                        "Oui, avec statistiques par branche",
                        "Yes, with statistics by branch",
                        pt="Sim, com estatísticas por ramo",
                    ),
                ),
            ),
        ),
        ChoiceQuestion(
            id="uemoa-health-cover",
            dimension_id="social-protection",
            text=Text(
                "Existe-t-il une convention de couverture maladie pour les artisans ?",
                "Is there a health-cover agreement for artisans?",
                pt="Existe uma convenção de cobertura de saúde para os artesãos?",
            ),
            choices=Choice.ladder(
                ("none", Text("Non", "No", pt="Não")),
                (
                    "signed",
                    Text(
                        "Signée, peu d'adhérents",
                        "Signed, few members",
                        pt="Assinada, poucos membros",
                    ),
                ),
                (
                    "active",
                    Text("Active et suivie", "Active and followed", pt="Ativa e acompanhada"),
                ),
                (
                    "evaluated",
                    Text("Étendue et évaluée", "Extended and evaluated", pt="Alargada e avaliada"),
                ),
            ),
        ),
        YesNoQuestion(
            id="uemoa-placement-agreement",
            dimension_id="youth-placement",
            text=Text(
                "La chambre a-t-elle une convention de placement des jeunes en apprentissage ?",
                "Does the chamber have a youth-placement agreement for apprenticeship?",
                pt="A câmara tem uma convenção de colocação de jovens em aprendizagem?",
            ),
            yes_level=3,
        ),
        NumberQuestion(
            id="uemoa-contracts-won",
            dimension_id="public-procurement",
            text=Text(
                "Combien de marchés publics des artisans ont-ils obtenus avec l'aide de la chambre l'an dernier ?",
                "How many public contracts did artisans win with the chamber's help last year?",
                pt="Quantos contratos públicos os artesãos obtiveram com o apoio da câmara no ano passado?",
            ),
            thresholds=(1, 3, 10),
        ),
    ),
)
