"""The building trades: their references, a module on site safety, apprenticeship and materials.

Trades are keyed in the ``uemoa`` nomenclature (see compagnonnage-uemoa).
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

MASONRY = TradeRef("uemoa", "BTP-01")
PLUMBING = TradeRef("uemoa", "BTP-04")
BUILDING_ELECTRICS = TradeRef("uemoa", "BTP-05")
JOINERY = TradeRef("uemoa", "BOI-01")
METAL_JOINERY = TradeRef("uemoa", "MET-02")

BUILDING_TRADES = frozenset({MASONRY, PLUMBING, BUILDING_ELECTRICS, JOINERY, METAL_JOINERY})
"""Masonry, plumbing, building electrics, joinery and metal joinery."""

_PRICED = Pricing(mode=PricingMode.PRICED, currency="XOF")
_IN_DUES = Pricing(mode=PricingMode.INCLUDED_IN_DUES)

BUILDING_CATALOGUE = ServiceCatalogue(
    id="building-services",
    title=Text(
        "Services aux métiers du bâtiment",
        "Services for the building trades",
        pt="Serviços para os ofícios da construção",
    ),
    services=(
        Service(
            id="building-site-safety-training",
            label=Text(
                "Formation à la sécurité sur chantier (EPI, échafaudages, risque électrique)",
                "Site-safety training (PPE, scaffolding, electrical risk)",
                pt="Formação em segurança nas obras (EPI, andaimes, risco elétrico)",
            ),
            domain=Domain.TRAINING_AND_APPRENTICESHIP,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=BUILDING_TRADES,
        ),
        Service(
            id="building-ppe-purchasing",
            label=Text(
                "Achats groupés d'équipements de protection individuelle",
                "Group purchasing of personal protective equipment",
                pt="Compras agrupadas de equipamentos de proteção individual",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            trades=BUILDING_TRADES,
        ),
        Service(
            id="building-dual-apprenticeship",
            label=Text(
                "Apprentissage dual : placement, suivi et certification des apprentis",
                "Dual apprenticeship: placement, follow-up and certification of apprentices",
                pt="Aprendizagem dual: colocação, acompanhamento e certificação dos aprendizes",
            ),
            domain=Domain.TRAINING_AND_APPRENTICESHIP,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            trades=BUILDING_TRADES,
        ),
        Service(
            id="building-earth-blocks",
            label=Text(
                "Formation à la production de briques de terre comprimée",
                "Training in compressed earth block production",
                pt="Formação na produção de blocos de terra comprimida",
            ),
            domain=Domain.TRAINING_AND_APPRENTICESHIP,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=frozenset({MASONRY}),
        ),
        Service(
            id="building-materials-testing",
            label=Text(
                "Essais de matériaux avec un laboratoire partenaire (parpaings, briques)",
                "Materials testing with a partner laboratory (blocks, bricks)",
                pt="Ensaios de materiais com um laboratório parceiro (blocos, tijolos)",
            ),
            domain=Domain.ECONOMIC_DEVELOPMENT,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            trades=frozenset({MASONRY}),
        ),
    ),
)

_THEME = Text("Métiers du bâtiment", "Building trades", pt="Ofícios da construção")

BUILDING_MODULE = DiagnosticModule(
    id="building-trades",
    version="1.0",
    title=Text(
        "Métiers du bâtiment : sécurité, apprentissage, matériaux",
        "Building trades: safety, apprenticeship, materials",
        pt="Ofícios da construção: segurança, aprendizagem, materiais",
    ),
    trades=BUILDING_TRADES,
    dimensions=(
        Dimension(
            id="site-safety",
            theme=_THEME,
            title=Text("Sécurité sur les chantiers", "Site safety", pt="Segurança nas obras"),
            levels=(
                Text(
                    "Aucun équipement de protection",
                    "No protective equipment",
                    pt="Nenhum equipamento de proteção",
                ),
                Text(
                    "Protections portées occasionnellement",
                    "Protection worn now and then",
                    pt="Proteções usadas de vez em quando",
                ),
                Text(
                    "Protections et consignes sur la plupart des chantiers",
                    "Protection and safety briefings on most sites",
                    pt="Proteções e instruções de segurança na maioria das obras",
                ),
                Text(
                    "Plan de sécurité et chefs de chantier formés",
                    "Safety plan and trained site leaders",
                    pt="Plano de segurança e encarregados de obra formados",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer une formation sécurité et des achats groupés d'EPI",
                        "Offer safety training and group purchasing of PPE",
                        pt="Propor uma formação em segurança e compras agrupadas de EPI",
                    ),
                    service_ids=("building-site-safety-training", "building-ppe-purchasing"),
                ),
            ),
        ),
        Dimension(
            id="apprenticeship",
            theme=_THEME,
            title=Text(
                "Apprentissage sur chantier", "Apprenticeship on site", pt="Aprendizagem em obra"
            ),
            levels=(
                Text(
                    "Apprentissage informel, sans contrat",
                    "Informal apprenticeship, no contract",
                    pt="Aprendizagem informal, sem contrato",
                ),
                Text(
                    "Contrats pour une partie des apprentis",
                    "Contracts for some apprentices",
                    pt="Contratos para uma parte dos aprendizes",
                ),
                Text(
                    "Contrats et examens de fin d'apprentissage",
                    "Contracts and end-of-apprenticeship exams",
                    pt="Contratos e exames de fim de aprendizagem",
                ),
                Text(
                    "Apprentissage dual certifiant avec un centre de formation",
                    "Certified dual apprenticeship with a training centre",
                    pt="Aprendizagem dual certificada com um centro de formação",
                ),
            ),
            remedies=(
                Remedy(
                    kind="methodological_support",
                    title=Text(
                        "Accompagner la mise en place de l'apprentissage dual dans le bâtiment",
                        "Support setting up dual apprenticeship in the building trades",
                        pt="Acompanhar a implementação da aprendizagem dual na construção",
                    ),
                    domain=Domain.TRAINING_AND_APPRENTICESHIP,
                    service_ids=("building-dual-apprenticeship",),
                ),
            ),
        ),
        Dimension(
            id="materials",
            theme=_THEME,
            title=Text(
                "Qualité et choix des matériaux",
                "Quality and choice of materials",
                pt="Qualidade e escolha dos materiais",
            ),
            levels=(
                Text(
                    "Matériaux achetés sans contrôle",
                    "Materials bought without any check",
                    pt="Materiais comprados sem qualquer controlo",
                ),
                Text("Contrôle visuel seulement", "Visual check only", pt="Apenas controlo visual"),
                Text(
                    "Fiches fournisseurs et dosages maîtrisés",
                    "Supplier data and controlled mixes",
                    pt="Fichas de fornecedores e dosagens controladas",
                ),
                Text(
                    "Essais réguliers, matériaux locaux maîtrisés",
                    "Regular tests, local materials mastered",
                    pt="Ensaios regulares, materiais locais dominados",
                ),
            ),
            remedies=(
                Remedy(
                    kind="service_offer_design",
                    title=Text(
                        "Proposer des essais de matériaux et une formation aux briques de terre comprimée",
                        "Offer materials testing and training in compressed earth blocks",
                        pt="Propor ensaios de materiais e uma formação em blocos de terra comprimida",
                    ),
                    service_ids=("building-materials-testing", "building-earth-blocks"),
                ),
            ),
        ),
    ),
    questions=(
        NumberQuestion(
            id="building-ppe-share",
            dimension_id="site-safety",
            text=Text(
                "Sur les chantiers visités, quelle part des ouvriers porte casque et chaussures de sécurité ? (%)",
                "On the sites visited, what share of workers wears a helmet and safety shoes? (%)",
                pt="Nas obras visitadas, que parte dos trabalhadores usa capacete e calçado de segurança? (%)",
            ),
            thresholds=(25, 50, 80),
        ),
        YesNoQuestion(
            id="building-scaffolding",
            dimension_id="site-safety",
            text=Text(
                "Les échafaudages sont-ils stables, avec garde-corps ?",
                "Are scaffolds stable, with guard rails?",
                pt="Os andaimes são estáveis e têm guarda-corpos?",
            ),
            yes_level=3,
        ),
        ChoiceQuestion(
            id="building-apprentice-contracts",
            dimension_id="apprenticeship",
            text=Text(
                "Comment les apprentis du bâtiment sont-ils formés ?",
                "How are building apprentices trained?",
                pt="Como são formados os aprendizes da construção?",
            ),
            choices=Choice.ladder(
                ("informal", Text("Sans contrat", "Without a contract", pt="Sem contrato")),
                (
                    "some-contracts",
                    Text(
                        "Contrats pour certains", "Contracts for some", pt="Contratos para alguns"
                    ),
                ),
                (
                    "contracts-exams",
                    Text("Contrats et examens", "Contracts and exams", pt="Contratos e exames"),
                ),
                (
                    "dual",
                    Text(
                        "Apprentissage dual certifiant",
                        "Certified dual apprenticeship",
                        pt="Aprendizagem dual certificada",
                    ),
                ),
            ),
        ),
        ChoiceQuestion(
            id="building-materials-check",
            dimension_id="materials",
            text=Text(
                "Comment la qualité des matériaux (ciment, parpaings, fers) est-elle vérifiée ?",
                "How is the quality of materials (cement, blocks, rebar) checked?",
                pt="Como é verificada a qualidade dos materiais (cimento, blocos, varões)?",
            ),
            choices=Choice.ladder(
                ("none", Text("Pas de vérification", "No check", pt="Nenhuma verificação")),
                ("visual", Text("À l'œil", "By eye", pt="A olho")),
                (
                    "supplier-data",
                    Text(
                        "Fiches fournisseurs et dosages",
                        "Supplier data and mixes",
                        pt="Fichas de fornecedores e dosagens",
                    ),
                ),
                ("tests", Text("Essais réguliers", "Regular tests", pt="Ensaios regulares")),
            ),
        ),
        YesNoQuestion(
            id="building-earth-blocks",
            dimension_id="materials",
            text=Text(
                "Des maçons sont-ils formés à la brique de terre comprimée ?",
                "Are masons trained in compressed earth blocks?",
                pt="Há pedreiros formados em blocos de terra comprimida?",
            ),
            no_level=2,
        ),
    ),
)
