"""The food trades: their references, a module on hygiene, supply and equipment, services.

Trades are keyed in the ``uemoa`` nomenclature (see compagnonnage-uemoa); the
module and services apply wherever those trades are in a programme's scope.
"""

from __future__ import annotations

from compagnonnage.catalogue import Service, ServiceCatalogue
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
from compagnonnage.model import Domain, Modality, Pricing, PricingMode, TradeRef

BAKERY = TradeRef("uemoa", "ALI-01")
PASTRY = TradeRef("uemoa", "ALI-02")
BUTCHERY = TradeRef("uemoa", "ALI-03")
FISH_PROCESSING = TradeRef("uemoa", "ALI-04")
CEREAL_PROCESSING = TradeRef("uemoa", "ALI-05")
CATERING = TradeRef("uemoa", "ALI-07")

FOOD_TRADES = frozenset({BAKERY, PASTRY, BUTCHERY, FISH_PROCESSING, CEREAL_PROCESSING, CATERING})
"""Bakery, pastry, butchery, fish processing, cereal processing and catering."""

_PRICED = Pricing(mode=PricingMode.PRICED, currency="XOF")
_IN_DUES = Pricing(mode=PricingMode.INCLUDED_IN_DUES)

FOOD_CATALOGUE = ServiceCatalogue(
    id="food-services",
    title=Text("Services aux métiers de l'alimentation", "Services for the food trades"),
    services=(
        Service(
            id="food-hygiene-training",
            label=Text(
                "Formation aux bonnes pratiques d'hygiène et à la méthode HACCP",
                "Training in good hygiene practice and the HACCP method",
            ),
            domain=Domain.TRAINING_AND_APPRENTICESHIP,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=FOOD_TRADES,
        ),
        Service(
            id="food-sanitary-file",
            label=Text(
                "Appui au dossier d'autorisation sanitaire",
                "Help with the sanitary authorisation file",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.REMOTE,
            pricing=_PRICED,
            trades=FOOD_TRADES,
        ),
        Service(
            id="food-group-purchasing",
            label=Text(
                "Achats groupés de matières premières (farine, sucre, emballages)",
                "Group purchasing of raw materials (flour, sugar, packaging)",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            trades=frozenset({BAKERY, PASTRY, CEREAL_PROCESSING, CATERING}),
        ),
        Service(
            id="food-cold-room",
            label=Text("Chambre froide partagée", "Shared cold room"),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=frozenset({BUTCHERY, FISH_PROCESSING, CATERING}),
        ),
        Service(
            id="food-improved-ovens",
            label=Text(
                "Conseil en équipement : fours améliorés (dont fours FTT-Thiaroye pour le poisson)",
                "Equipment advice: improved ovens (FAO-Thiaroye kilns for fish included)",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=frozenset({BAKERY, FISH_PROCESSING}),
        ),
    ),
)

_THEME = Text("Métiers de l'alimentation", "Food trades")

FOOD_MODULE = DiagnosticModule(
    id="food-trades",
    version="1.0",
    title=Text(
        "Métiers de l'alimentation : hygiène, approvisionnement, équipements",
        "Food trades: hygiene, supply, equipment",
    ),
    trades=FOOD_TRADES,
    dimensions=(
        Dimension(
            id="hygiene",
            theme=_THEME,
            title=Text("Hygiène et sécurité sanitaire des aliments", "Hygiene and food safety"),
            levels=(
                ("Pas de règles d'hygiène connues des ateliers", "Workshops know no hygiene rules"),
                ("Règles connues, peu appliquées", "Rules known, seldom applied"),
                (
                    "Bonnes pratiques d'hygiène appliquées et formées",
                    "Good hygiene practice applied and trained",
                ),
                (
                    "Plan de maîtrise sanitaire (HACCP) et contrôles",
                    "Food-safety plan (HACCP) and checks",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer aux ateliers une formation hygiène et un appui sanitaire",
                        "Offer workshops hygiene training and sanitary support",
                    ),
                    service_ids=("food-hygiene-training", "food-sanitary-file"),
                ),
            ),
        ),
        Dimension(
            id="cold-chain",
            theme=_THEME,
            title=Text("Chaîne du froid", "Cold chain"),
            levels=(
                ("Aucun moyen de froid", "No refrigeration"),
                (
                    "Froid individuel, coupures fréquentes",
                    "Individual refrigeration, frequent outages",
                ),
                (
                    "Froid fiable pour la plupart des ateliers",
                    "Reliable refrigeration for most workshops",
                ),
                (
                    "Froid partagé géré, températures relevées",
                    "Managed shared cold storage, temperatures logged",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la création et la gestion d'une chambre froide partagée",
                        "Support setting up and running a shared cold room",
                    ),
                    domain=Domain.ECONOMIC_DEVELOPMENT,
                    service_ids=("food-cold-room",),
                ),
            ),
        ),
        Dimension(
            id="supply",
            theme=_THEME,
            title=Text("Approvisionnement en matières premières", "Supply of raw materials"),
            levels=(
                ("Achats au jour le jour, qualité variable", "Day-to-day buying, variable quality"),
                ("Fournisseurs réguliers, sans contrat", "Regular suppliers, no contract"),
                ("Achats groupés ponctuels", "Occasional group purchasing"),
                (
                    "Achats groupés organisés, qualité contrôlée",
                    "Organised group purchasing, quality checked",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Organiser des achats groupés de matières premières",
                        "Organise group purchasing of raw materials",
                    ),
                    service_ids=("food-group-purchasing",),
                ),
            ),
        ),
        Dimension(
            id="equipment",
            theme=_THEME,
            title=Text("Équipements de production", "Production equipment"),
            levels=(
                ("Équipements rudimentaires", "Rudimentary equipment"),
                ("Équipements usés, sans entretien", "Worn equipment, not maintained"),
                ("Équipements adaptés et entretenus", "Suitable, maintained equipment"),
                ("Équipements améliorés, économes en énergie", "Improved, energy-saving equipment"),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer un conseil en équipements améliorés",
                        "Offer advice on improved equipment",
                    ),
                    service_ids=("food-improved-ovens",),
                ),
            ),
        ),
    ),
    questions=(
        YesNoQuestion(
            id="food-water-handwash",
            dimension_id="hygiene",
            text=Text(
                "Les ateliers ont-ils de l'eau potable et un point de lavage des mains ?",
                "Do workshops have drinking water and a hand-washing point?",
            ),
            yes_level=3,
        ),
        ChoiceQuestion(
            id="food-hygiene-trained",
            dimension_id="hygiene",
            text=Text(
                "Quelle part des ateliers a suivi une formation à l'hygiène ?",
                "What share of workshops has had hygiene training?",
            ),
            choices=Choice.ladder(
                ("none", "Aucun", "None"),
                ("some", "Quelques-uns", "A few"),
                ("most", "La plupart", "Most"),
                ("all-refreshed", "Tous, avec recyclage", "All, with refreshers"),
            ),
        ),
        NumberQuestion(
            id="food-cold-share",
            dimension_id="cold-chain",
            text=Text(
                "Quelle part des bouchers, transformatrices de poisson et traiteurs dispose d'un froid fiable ? (%)",
                "What share of butchers, fish processors and caterers has reliable refrigeration? (%)",
            ),
            thresholds=(10, 30, 60),
        ),
        ChoiceQuestion(
            id="food-purchasing",
            dimension_id="supply",
            text=Text(
                "Comment les ateliers achètent-ils leurs matières premières ?",
                "How do workshops buy their raw materials?",
            ),
            choices=Choice.ladder(
                ("day-to-day", "Au jour le jour", "Day to day"),
                ("regular", "Auprès de fournisseurs réguliers", "From regular suppliers"),
                ("grouped-sometimes", "En groupe, parfois", "As a group, sometimes"),
                ("grouped", "En groupe, organisé et contrôlé", "As a group, organised and checked"),
            ),
        ),
        YesNoQuestion(
            id="food-traceability",
            dimension_id="supply",
            text=Text(
                "L'origine des matières premières est-elle tracée (factures, fournisseurs) ?",
                "Is the origin of raw materials traced (invoices, suppliers)?",
            ),
        ),
        NumberQuestion(
            id="food-improved-ovens",
            dimension_id="equipment",
            text=Text(
                "Quelle part des boulangers et fumeuses de poisson utilise un four amélioré ? (%)",
                "What share of bakers and fish smokers uses an improved oven or kiln? (%)",
            ),
            thresholds=(10, 25, 50),
        ),
    ),
)
