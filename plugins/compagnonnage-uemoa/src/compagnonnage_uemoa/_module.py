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

_THEME = Text("Code communautaire de l'artisanat", "Community crafts code")


UEMOA_MODULE = DiagnosticModule(
    id="uemoa-crafts-code",
    version="1.0",
    title=Text(
        "Application du code communautaire de l'artisanat (UEMOA)",
        "Applying the community crafts code (UEMOA)",
    ),
    regions=frozenset(RegionRef(c) for c in UEMOA_STATES),
    dimensions=(
        Dimension(
            id="registration-card",
            theme=_THEME,
            title=Text(
                "Immatriculation et carte professionnelle", "Registration and professional card"
            ),
            levels=(
                ("Pas de carte professionnelle délivrée", "No professional card issued"),
                (
                    "Cartes délivrées à une minorité d'inscrits",
                    "Cards issued to a minority of those registered",
                ),
                ("Carte délivrée à l'immatriculation", "Card issued on registration"),
                (
                    "Carte délivrée et ouvrant droit à des services",
                    "Card issued and giving access to services",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Organiser la délivrance de la carte professionnelle",
                        "Organise issuing the professional card",
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
            ),
            levels=(
                ("Nomenclature nationale ancienne seule", "Former national nomenclature only"),
                ("Alignement engagé", "Alignment under way"),
                ("Répertoire aligné", "Register aligned"),
                (
                    "Répertoire aligné et statistiques publiées par branche",
                    "Register aligned, statistics published by branch",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la reprise du répertoire dans la nomenclature communautaire",
                        "Support recoding the register into the community nomenclature",
                    ),
                    domain=Domain.TRADES_REGISTER,
                ),
            ),
        ),
        Dimension(
            id="social-protection",
            theme=_THEME,
            title=Text("Protection sociale des artisans", "Social protection of artisans"),
            levels=(
                ("Aucune convention de couverture maladie", "No health-cover agreement"),
                (
                    "Convention signée, peu d'adhérents couverts",
                    "Agreement signed, few members covered",
                ),
                ("Convention active, adhésions suivies", "Agreement active, enrolment followed"),
                ("Couverture étendue et évaluée", "Cover extended and evaluated"),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Négocier et proposer une couverture maladie aux adhérents",
                        "Negotiate and offer health cover to members",
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
                "Placement des jeunes en apprentissage", "Placing young people in apprenticeship"
            ),
            levels=(
                ("Aucun placement organisé", "No organised placement"),
                ("Placements ponctuels", "Occasional placements"),
                ("Convention de placement avec suivi", "Placement agreement with follow-up"),
                (
                    "Placements suivis jusqu'à la certification",
                    "Placements followed up to certification",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Mettre en place une convention de placement des jeunes",
                        "Set up a youth-placement agreement",
                    ),
                    service_ids=("uemoa-youth-placement",),
                ),
            ),
        ),
        Dimension(
            id="public-procurement",
            theme=_THEME,
            title=Text("Accès à la commande publique", "Access to public procurement"),
            levels=(
                (
                    "Aucune information sur les marchés publics",
                    "No information on public contracts",
                ),
                ("Information ponctuelle", "Occasional information"),
                ("Veille et aide aux dossiers", "Tender watch and help with bids"),
                ("Marchés obtenus et suivis", "Contracts won and followed up"),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la création d'un guichet marchés publics",
                        "Support setting up a public-procurement desk",
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
            ),
            thresholds=(10, 30, 60),
        ),
        ChoiceQuestion(
            id="uemoa-nomenclature",
            dimension_id="nomenclature",
            text=Text(
                "Le répertoire utilise-t-il la nomenclature 04/2018/COM/UEMOA ?",
                "Does the register use the 04/2018/COM/UEMOA nomenclature?",
            ),
            choices=Choice.ladder(
                ("former", "Non, l'ancienne nomenclature", "No, the former one"),
                ("under-way", "Alignement engagé", "Alignment under way"),
                ("aligned", "Oui", "Yes"),
                (
                    "published",
                    "Oui, avec statistiques par branche",
                    "Yes, with statistics by branch",
                ),
            ),
        ),
        ChoiceQuestion(
            id="uemoa-health-cover",
            dimension_id="social-protection",
            text=Text(
                "Existe-t-il une convention de couverture maladie pour les artisans ?",
                "Is there a health-cover agreement for artisans?",
            ),
            choices=Choice.ladder(
                ("none", "Non", "No"),
                ("signed", "Signée, peu d'adhérents", "Signed, few members"),
                ("active", "Active et suivie", "Active and followed"),
                ("evaluated", "Étendue et évaluée", "Extended and evaluated"),
            ),
        ),
        YesNoQuestion(
            id="uemoa-placement-agreement",
            dimension_id="youth-placement",
            text=Text(
                "La chambre a-t-elle une convention de placement des jeunes en apprentissage ?",
                "Does the chamber have a youth-placement agreement for apprenticeship?",
            ),
            yes_level=3,
        ),
        NumberQuestion(
            id="uemoa-contracts-won",
            dimension_id="public-procurement",
            text=Text(
                "Combien de marchés publics des artisans ont-ils obtenus avec l'aide de la chambre l'an dernier ?",
                "How many public contracts did artisans win with the chamber's help last year?",
            ),
            thresholds=(1, 3, 10),
        ),
    ),
)
