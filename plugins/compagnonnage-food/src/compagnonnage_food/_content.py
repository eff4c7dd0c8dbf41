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
    title=Text(
        "Services aux métiers de l'alimentation",
        "Services for the food trades",
        pt="Serviços para os ofícios da alimentação",
    ),
    services=(
        Service(
            id="food-hygiene-training",
            label=Text(
                "Formation aux bonnes pratiques d'hygiène et à la méthode HACCP",
                "Training in good hygiene practice and the HACCP method",
                pt="Formação em boas práticas de higiene e no método HACCP",
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
                pt="Apoio ao processo de autorização sanitária",
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
                pt="Compras agrupadas de matérias-primas (farinha, açúcar, embalagens)",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            trades=frozenset({BAKERY, PASTRY, CEREAL_PROCESSING, CATERING}),
        ),
        Service(
            id="food-cold-room",
            label=Text(
                "Chambre froide partagée", "Shared cold room", pt="Câmara frigorífica partilhada"
            ),
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
                pt="Aconselhamento em equipamentos: fornos melhorados (incluindo fornos FTT-Thiaroye para o peixe)",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=frozenset({BAKERY, FISH_PROCESSING}),
        ),
    ),
)

_THEME = Text("Métiers de l'alimentation", "Food trades", pt="Ofícios da alimentação")

FOOD_MODULE = DiagnosticModule(
    id="food-trades",
    version="1.0",
    title=Text(
        "Métiers de l'alimentation : hygiène, approvisionnement, équipements",
        "Food trades: hygiene, supply, equipment",
        pt="Ofícios da alimentação: higiene, abastecimento, equipamentos",
    ),
    trades=FOOD_TRADES,
    dimensions=(
        Dimension(
            id="hygiene",
            theme=_THEME,
            title=Text(
                "Hygiène et sécurité sanitaire des aliments",
                "Hygiene and food safety",
                pt="Higiene e segurança sanitária dos alimentos",
            ),
            levels=(
                Text(
                    "Pas de règles d'hygiène connues des ateliers",
                    "Workshops know no hygiene rules",
                    pt="As oficinas não conhecem regras de higiene",
                ),
                Text(
                    "Règles connues, peu appliquées",
                    "Rules known, seldom applied",
                    pt="Regras conhecidas, pouco aplicadas",
                ),
                Text(
                    "Bonnes pratiques d'hygiène appliquées et formées",
                    "Good hygiene practice applied and trained",
                    pt="Boas práticas de higiene aplicadas e ensinadas",
                ),
                Text(
                    "Plan de maîtrise sanitaire (HACCP) et contrôles",
                    "Food-safety plan (HACCP) and checks",
                    pt="Plano de segurança sanitária (HACCP) e controlos",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer aux ateliers une formation hygiène et un appui sanitaire",
                        "Offer workshops hygiene training and sanitary support",
                        pt="Propor às oficinas uma formação em higiene e um apoio sanitário",
                    ),
                    service_ids=("food-hygiene-training", "food-sanitary-file"),
                ),
            ),
        ),
        Dimension(
            id="cold-chain",
            theme=_THEME,
            title=Text("Chaîne du froid", "Cold chain", pt="Cadeia de frio"),
            levels=(
                Text("Aucun moyen de froid", "No refrigeration", pt="Nenhum meio de refrigeração"),
                Text(
                    "Froid individuel, coupures fréquentes",
                    "Individual refrigeration, frequent outages",
                    pt="Refrigeração individual, cortes frequentes",
                ),
                Text(
                    "Froid fiable pour la plupart des ateliers",
                    "Reliable refrigeration for most workshops",
                    pt="Refrigeração fiável para a maioria das oficinas",
                ),
                Text(
                    "Froid partagé géré, températures relevées",
                    "Managed shared cold storage, temperatures logged",
                    pt="Frio partilhado gerido, temperaturas registadas",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la création et la gestion d'une chambre froide partagée",
                        "Support setting up and running a shared cold room",
                        pt="Acompanhar a criação e a gestão de uma câmara frigorífica partilhada",
                    ),
                    domain=Domain.ECONOMIC_DEVELOPMENT,
                    service_ids=("food-cold-room",),
                ),
            ),
        ),
        Dimension(
            id="supply",
            theme=_THEME,
            title=Text(
                "Approvisionnement en matières premières",
                "Supply of raw materials",
                pt="Abastecimento de matérias-primas",
            ),
            levels=(
                Text(
                    "Achats au jour le jour, qualité variable",
                    "Day-to-day buying, variable quality",
                    pt="Compras no dia a dia, qualidade variável",
                ),
                Text(
                    "Fournisseurs réguliers, sans contrat",
                    "Regular suppliers, no contract",
                    pt="Fornecedores regulares, sem contrato",
                ),
                Text(
                    "Achats groupés ponctuels",
                    "Occasional group purchasing",
                    pt="Compras agrupadas pontuais",
                ),
                Text(
                    "Achats groupés organisés, qualité contrôlée",
                    "Organised group purchasing, quality checked",
                    pt="Compras agrupadas organizadas, qualidade controlada",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Organiser des achats groupés de matières premières",
                        "Organise group purchasing of raw materials",
                        pt="Organizar compras agrupadas de matérias-primas",
                    ),
                    service_ids=("food-group-purchasing",),
                ),
            ),
        ),
        Dimension(
            id="equipment",
            theme=_THEME,
            title=Text(
                "Équipements de production", "Production equipment", pt="Equipamentos de produção"
            ),
            levels=(
                Text(
                    "Équipements rudimentaires",
                    "Rudimentary equipment",
                    pt="Equipamentos rudimentares",
                ),
                Text(
                    "Équipements usés, sans entretien",
                    "Worn equipment, not maintained",
                    pt="Equipamentos gastos, sem manutenção",
                ),
                Text(
                    "Équipements adaptés et entretenus",
                    "Suitable, maintained equipment",
                    pt="Equipamentos adequados e conservados",
                ),
                Text(
                    "Équipements améliorés, économes en énergie",
                    "Improved, energy-saving equipment",
                    pt="Equipamentos melhorados, económicos em energia",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer un conseil en équipements améliorés",
                        "Offer advice on improved equipment",
                        pt="Propor um aconselhamento em equipamentos melhorados",
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
                pt="As oficinas têm água potável e um ponto de lavagem das mãos?",
            ),
            yes_level=3,
        ),
        ChoiceQuestion(
            id="food-hygiene-trained",
            dimension_id="hygiene",
            text=Text(
                "Quelle part des ateliers a suivi une formation à l'hygiène ?",
                "What share of workshops has had hygiene training?",
                pt="Que parte das oficinas recebeu formação em higiene?",
            ),
            choices=Choice.ladder(
                ("none", Text("Aucun", "None", pt="Nenhuma")),
                ("some", Text("Quelques-uns", "A few", pt="Algumas")),
                ("most", Text("La plupart", "Most", pt="A maioria")),
                (
                    "all-refreshed",
                    Text(
                        "Tous, avec recyclage", "All, with refreshers", pt="Todas, com reciclagem"
                    ),
                ),
            ),
        ),
        NumberQuestion(
            id="food-cold-share",
            dimension_id="cold-chain",
            text=Text(
                "Quelle part des bouchers, transformatrices de poisson et traiteurs dispose d'un froid fiable ? (%)",
                "What share of butchers, fish processors and caterers has reliable refrigeration? (%)",
                pt="Que parte dos talhantes, transformadoras de peixe e serviços de restauração dispõe de refrigeração fiável? (%)",
            ),
            thresholds=(10, 30, 60),
        ),
        ChoiceQuestion(
            id="food-purchasing",
            dimension_id="supply",
            text=Text(
                "Comment les ateliers achètent-ils leurs matières premières ?",
                "How do workshops buy their raw materials?",
                pt="Como compram as oficinas as suas matérias-primas?",
            ),
            choices=Choice.ladder(
                ("day-to-day", Text("Au jour le jour", "Day to day", pt="No dia a dia")),
                (
                    "regular",
                    Text(
                        "Auprès de fournisseurs réguliers",
                        "From regular suppliers",
                        pt="A fornecedores regulares",
                    ),
                ),
                (
                    "grouped-sometimes",
                    Text("En groupe, parfois", "As a group, sometimes", pt="Em grupo, às vezes"),
                ),
                (
                    "grouped",
                    Text(
                        "En groupe, organisé et contrôlé",
                        "As a group, organised and checked",
                        pt="Em grupo, de forma organizada e controlada",
                    ),
                ),
            ),
        ),
        YesNoQuestion(
            id="food-traceability",
            dimension_id="supply",
            text=Text(
                "L'origine des matières premières est-elle tracée (factures, fournisseurs) ?",
                "Is the origin of raw materials traced (invoices, suppliers)?",
                pt="A origem das matérias-primas é rastreada (faturas, fornecedores)?",
            ),
        ),
        NumberQuestion(
            id="food-improved-ovens",
            dimension_id="equipment",
            text=Text(
                "Quelle part des boulangers et fumeuses de poisson utilise un four amélioré ? (%)",
                "What share of bakers and fish smokers uses an improved oven or kiln? (%)",
                pt="Que parte dos padeiros e das fumadoras de peixe utiliza um forno melhorado? (%)",
            ),
            thresholds=(10, 25, 50),
        ),
    ),
)
