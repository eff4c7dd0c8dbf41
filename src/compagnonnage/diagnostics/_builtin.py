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

_GOVERNANCE = Text(
    "Gouvernance et ressources", "Governance and resources", pt="Governação e recursos"
)
_SUPPORT = Text("Appui aux entreprises", "Business support", pt="Apoio às empresas")
_INFORMATION = Text("Information économique", "Economic information", pt="Informação económica")
_TRAINING = Text("Formation professionnelle", "Vocational training", pt="Formação profissional")
_TERRITORY = Text(
    "Action territoriale et équipements",
    "Territorial action and facilities",
    pt="Ação territorial e equipamentos",
)

_TRAIN_OFFICIALS = Remedy(
    kind="training",
    title=Text(
        "Former les élus au rôle des instances et au pilotage de la chambre",
        "Train elected officials in the role of governing bodies and in steering the chamber",
        pt="Formar os eleitos no papel das instâncias e na condução da câmara",
    ),
)
_TRAIN_STAFF = Remedy(
    kind="training",
    title=Text(
        "Former les cadres aux fonctions support (gestion, suivi, reporting)",
        "Train staff in support functions (management, monitoring, reporting)",
        pt="Formar os quadros nas funções de apoio (gestão, acompanhamento, relatórios)",
    ),
)


def _support(domain: Domain, title: Text) -> Remedy:
    return Remedy(kind="methodological_support", title=title, domain=domain)


_DIMENSIONS = (
    Dimension(
        id="governing-bodies",
        theme=_GOVERNANCE,
        title=Text(
            "Fonctionnement des instances",
            "Working of the governing bodies",
            pt="Funcionamento das instâncias",
        ),
        levels=(
            Text(
                "Instances rarement réunies, sans procès-verbaux",
                "Bodies seldom meet, no minutes",
                pt="Instâncias raramente reunidas, sem atas",
            ),
            Text(
                "Réunions statutaires tenues, décisions peu suivies",
                "Statutory meetings held, decisions seldom followed up",
                pt="Reuniões estatutárias realizadas, decisões pouco acompanhadas",
            ),
            Text(
                "Réunions régulières, procès-verbaux et décisions suivies",
                "Regular meetings, minutes and decisions followed up",
                pt="Reuniões regulares, atas e decisões acompanhadas",
            ),
            Text(
                "Instances et commissions pilotent l'action avec des indicateurs",
                "Bodies and commissions steer the action with indicators",
                pt="Instâncias e comissões conduzem a ação com indicadores",
            ),
        ),
        remedies=(
            Remedy(
                kind="structuring",
                title=Text(
                    "Structurer le fonctionnement des instances (calendrier, procès-verbaux, suivi des décisions)",
                    "Structure how governing bodies work (calendar, minutes, follow-up of decisions)",
                    pt="Estruturar o funcionamento das instâncias (calendário, atas, acompanhamento das decisões)",
                ),
            ),
            _TRAIN_OFFICIALS,
        ),
    ),
    Dimension(
        id="mandate-strategy",
        theme=_GOVERNANCE,
        title=Text(
            "Stratégie et plan de mandature",
            "Strategy and mandate plan",
            pt="Estratégia e plano de mandato",
        ),
        levels=(
            Text("Pas de plan de mandature", "No mandate plan", pt="Sem plano de mandato"),
            Text(
                "Plan en projet ou non adopté",
                "Plan drafted, not adopted",
                pt="Plano em projeto ou não adotado",
            ),
            Text(
                "Plan adopté par les instances",
                "Plan adopted by the governing bodies",
                pt="Plano adotado pelas instâncias",
            ),
            Text(
                "Plan adopté, suivi par indicateurs et révisé",
                "Plan adopted, monitored by indicators and revised",
                pt="Plano adotado, acompanhado por indicadores e revisto",
            ),
        ),
        remedies=(
            Remedy(
                kind="mandate_planning",
                title=Text(
                    "Élaborer avec les élus un plan de mandature (axes, actions, indicateurs)",
                    "Draft a mandate plan with the elected team (axes, actions, indicators)",
                    pt="Elaborar com os eleitos um plano de mandato (eixos, ações, indicadores)",
                ),
            ),
        ),
    ),
    Dimension(
        id="finances",
        theme=_GOVERNANCE,
        title=Text("Ressources financières", "Financial resources", pt="Recursos financeiros"),
        levels=(
            Text(
                "Budget dépendant presque entièrement de subventions",
                "Budget almost entirely from grants",
                pt="Orçamento quase inteiramente dependente de subvenções",
            ),
            Text(
                "Ressources propres faibles, recouvrement des cotisations irrégulier",
                "Low own resources, irregular collection of dues",
                pt="Recursos próprios fracos, cobrança irregular das quotizações",
            ),
            Text(
                "Ressources propres significatives, comptes approuvés",
                "Significant own resources, approved accounts",
                pt="Recursos próprios significativos, contas aprovadas",
            ),
            Text(
                "Ressources diversifiées, comptes certifiés, budget prévisionnel suivi",
                "Diverse resources, audited accounts, budget monitored",
                pt="Recursos diversificados, contas certificadas, orçamento previsional acompanhado",
            ),
        ),
        remedies=(
            Remedy(
                kind="structuring",
                title=Text(
                    "Structurer la gestion administrative et financière (budget, recouvrement, comptes)",
                    "Structure administrative and financial management (budget, collection, accounts)",
                    pt="Estruturar a gestão administrativa e financeira (orçamento, cobrança, contas)",
                ),
            ),
            _TRAIN_STAFF,
        ),
    ),
    Dimension(
        id="staff",
        theme=_GOVERNANCE,
        title=Text("Ressources humaines", "Human resources", pt="Recursos humanos"),
        levels=(
            Text(
                "Pas de personnel technique permanent",
                "No permanent technical staff",
                pt="Sem pessoal técnico permanente",
            ),
            Text(
                "Quelques agents sans fiches de poste",
                "A few agents without job descriptions",
                pt="Alguns agentes sem descrição de funções",
            ),
            Text(
                "Organigramme et fiches de poste, compétences clés couvertes",
                "Organisation chart and job descriptions, key skills covered",
                pt="Organigrama e descrições de funções, competências-chave asseguradas",
            ),
            Text(
                "Équipe formée, évaluée et plan de formation des agents",
                "Trained, appraised team with a staff training plan",
                pt="Equipa formada e avaliada, com plano de formação dos agentes",
            ),
        ),
        remedies=(_TRAIN_STAFF,),
    ),
    Dimension(
        id="trades-register",
        theme=_SUPPORT,
        title=Text(
            "Tenue du répertoire des métiers",
            "Keeping the trades register",
            pt="Manutenção do registo de ofícios",
        ),
        levels=(
            Text(
                "Registre papier incomplet",
                "Incomplete paper register",
                pt="Registo em papel incompleto",
            ),
            Text(
                "Registre papier tenu à jour",
                "Paper register kept up to date",
                pt="Registo em papel atualizado",
            ),
            Text(
                "Registre informatisé en partie",
                "Register partly computerised",
                pt="Registo parcialmente informatizado",
            ),
            Text(
                "Registre informatisé à jour, exploité pour les statistiques",
                "Computerised, up-to-date register used for statistics",
                pt="Registo informatizado e atualizado, utilizado para as estatísticas",
            ),
        ),
        remedies=(
            _support(
                Domain.TRADES_REGISTER,
                Text(
                    "Accompagner l'informatisation et la mise à jour du répertoire des métiers",
                    "Support computerising and updating the trades register",
                    pt="Acompanhar a informatização e a atualização do registo de ofícios",
                ),
            ),
        ),
    ),
    Dimension(
        id="service-offer",
        theme=_SUPPORT,
        title=Text(
            "Offre de services aux ressortissants",
            "Services to constituents",
            pt="Oferta de serviços aos artesãos",
        ),
        levels=(
            Text(
                "Pas d'offre de services formalisée",
                "No formal service offer",
                pt="Sem oferta de serviços formalizada",
            ),
            Text(
                "Services ponctuels, à la demande",
                "Occasional services on request",
                pt="Serviços pontuais, a pedido",
            ),
            Text(
                "Catalogue de services avec tarifs adhérents et non-adhérents",
                "Service catalogue with member and non-member prices",
                pt="Catálogo de serviços com preços para membros e não membros",
            ),
            Text(
                "Catalogue suivi : usagers, satisfaction, recettes",
                "Catalogue monitored: users, satisfaction, revenue",
                pt="Catálogo acompanhado: utentes, satisfação, receitas",
            ),
        ),
        remedies=(
            Remedy(
                kind="service_offer_design",
                title=Text(
                    "Définir une offre de services à partir du catalogue",
                    "Design a service offer from the catalogue",
                    pt="Definir uma oferta de serviços a partir do catálogo",
                ),
            ),
        ),
    ),
    Dimension(
        id="membership",
        theme=_SUPPORT,
        title=Text(
            "Adhésion et légitimité", "Membership and legitimacy", pt="Adesão e legitimidade"
        ),
        levels=(
            Text(
                "Moins d'un inscrit sur dix paie sa cotisation",
                "Fewer than one registered artisan in ten pays dues",
                pt="Menos de um inscrito em cada dez paga a sua quotização",
            ),
            Text(
                "Un inscrit sur dix à un sur quatre cotise",
                "One in ten to one in four registered artisans pays dues",
                pt="Entre um em cada dez e um em cada quatro inscritos paga a quotização",
            ),
            Text(
                "Un inscrit sur quatre à un sur deux cotise",
                "One in four to one in two registered artisans pays dues",
                pt="Entre um em cada quatro e um em cada dois inscritos paga a quotização",
            ),
            Text(
                "Plus de la moitié des inscrits cotise",
                "More than half of registered artisans pay dues",
                pt="Mais de metade dos inscritos paga a quotização",
            ),
        ),
        remedies=(
            Remedy(
                kind="service_offer_design",
                title=Text(
                    "Relier la cotisation à des services visibles pour les adhérents",
                    "Tie dues to services members can see",
                    pt="Ligar a quotização a serviços visíveis para os membros",
                ),
            ),
            _support(
                Domain.COMMUNICATION,
                Text(
                    "Accompagner une campagne d'adhésion auprès des ressortissants",
                    "Support a membership drive among constituents",
                    pt="Acompanhar uma campanha de adesão junto dos artesãos",
                ),
            ),
        ),
    ),
    Dimension(
        id="sector-knowledge",
        theme=_INFORMATION,
        title=Text(
            "Connaissance du secteur", "Knowledge of the sector", pt="Conhecimento do setor"
        ),
        levels=(
            Text(
                "Aucune donnée sur les ressortissants",
                "No data on constituents",
                pt="Nenhum dado sobre os artesãos",
            ),
            Text(
                "Études ponctuelles, souvent externes",
                "Occasional studies, often external",
                pt="Estudos pontuais, muitas vezes externos",
            ),
            Text(
                "Statistiques annuelles tirées du répertoire",
                "Annual statistics from the register",
                pt="Estatísticas anuais tiradas do registo",
            ),
            Text(
                "Observatoire : enquêtes périodiques et notes de conjoncture",
                "Observatory: periodic surveys and economic briefs",
                pt="Observatório: inquéritos periódicos e notas de conjuntura",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                Text(
                    "Accompagner la mise en place d'un observatoire économique de l'artisanat",
                    "Support setting up an economic observatory of the crafts sector",
                    pt="Acompanhar a criação de um observatório económico do artesanato",
                ),
            ),
        ),
    ),
    Dimension(
        id="communication",
        theme=_INFORMATION,
        title=Text(
            "Information des ressortissants et des partenaires",
            "Informing constituents and partners",
            pt="Informação dos artesãos e dos parceiros",
        ),
        levels=(
            Text(
                "Pas de communication régulière",
                "No regular communication",
                pt="Sem comunicação regular",
            ),
            Text(
                "Communication occasionnelle (réunions, affichage)",
                "Occasional communication (meetings, notices)",
                pt="Comunicação ocasional (reuniões, afixação)",
            ),
            Text(
                "Canaux réguliers (radio, réseaux sociaux, lettre)",
                "Regular channels (radio, social media, newsletter)",
                pt="Canais regulares (rádio, redes sociais, boletim)",
            ),
            Text(
                "Plan de communication suivi, rapport d'activité publié",
                "Communication plan monitored, annual report published",
                pt="Plano de comunicação acompanhado, relatório de atividades publicado",
            ),
        ),
        remedies=(
            _support(
                Domain.COMMUNICATION,
                Text(
                    "Accompagner l'élaboration d'un plan de communication",
                    "Support drafting a communication plan",
                    pt="Acompanhar a elaboração de um plano de comunicação",
                ),
            ),
        ),
    ),
    Dimension(
        id="apprenticeship",
        theme=_TRAINING,
        title=Text(
            "Organisation de l'apprentissage",
            "Organising apprenticeship",
            pt="Organização da aprendizagem",
        ),
        levels=(
            Text(
                "Apprentissage traditionnel sans suivi de la chambre",
                "Traditional apprenticeship, not followed by the chamber",
                pt="Aprendizagem tradicional sem acompanhamento da câmara",
            ),
            Text(
                "Contrats d'apprentissage enregistrés en partie",
                "Some apprenticeship contracts registered",
                pt="Contratos de aprendizagem registados em parte",
            ),
            Text(
                "Contrats enregistrés et examens de fin d'apprentissage organisés",
                "Contracts registered and end-of-apprenticeship exams held",
                pt="Contratos registados e exames de fim de aprendizagem organizados",
            ),
            Text(
                "Apprentissage dual certifiant suivi avec les centres de formation",
                "Certified dual apprenticeship followed with training centres",
                pt="Aprendizagem dual certificada, acompanhada com os centros de formação",
            ),
        ),
        remedies=(
            _support(
                Domain.TRAINING_AND_APPRENTICESHIP,
                Text(
                    "Accompagner l'organisation de l'apprentissage (contrats, suivi, certification)",
                    "Support organising apprenticeship (contracts, follow-up, certification)",
                    pt="Acompanhar a organização da aprendizagem (contratos, acompanhamento, certificação)",
                ),
            ),
        ),
    ),
    Dimension(
        id="continuing-training",
        theme=_TRAINING,
        title=Text(
            "Formation continue des artisans",
            "Continuing training of artisans",
            pt="Formação contínua dos artesãos",
        ),
        levels=(
            Text(
                "Aucune session de formation dans l'année",
                "No training session in the year",
                pt="Nenhuma sessão de formação no ano",
            ),
            Text(
                "Quelques sessions au gré des financements",
                "A few sessions as funding allows",
                pt="Algumas sessões conforme os financiamentos",
            ),
            Text(
                "Programme annuel fondé sur une analyse des besoins",
                "Annual programme based on a needs analysis",
                pt="Programa anual baseado numa análise das necessidades",
            ),
            Text(
                "Programme évalué, formateurs qualifiés, partenariats durables",
                "Programme evaluated, qualified trainers, lasting partnerships",
                pt="Programa avaliado, formadores qualificados, parcerias duradouras",
            ),
        ),
        remedies=(
            _support(
                Domain.TRAINING_AND_APPRENTICESHIP,
                Text(
                    "Accompagner l'analyse des besoins et la construction d'un programme de formation",
                    "Support a training-needs analysis and building a training programme",
                    pt="Acompanhar a análise das necessidades e a construção de um programa de formação",
                ),
            ),
        ),
    ),
    Dimension(
        id="territorial-presence",
        theme=_TERRITORY,
        title=Text(
            "Présence sur le territoire",
            "Presence across the territory",
            pt="Presença no território",
        ),
        levels=(
            Text(
                "Présence limitée au siège",
                "Presence limited to the seat",
                pt="Presença limitada à sede",
            ),
            Text(
                "Tournées occasionnelles hors du siège",
                "Occasional tours outside the seat",
                pt="Deslocações ocasionais fora da sede",
            ),
            Text(
                "Antennes permanentes dans une partie du territoire",
                "Permanent branches in part of the territory",
                pt="Antenas permanentes numa parte do território",
            ),
            Text(
                "Réseau d'antennes ou d'agents couvrant tout le territoire",
                "Network of branches or agents covering the whole territory",
                pt="Rede de antenas ou de agentes que cobre todo o território",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                Text(
                    "Accompagner l'organisation de l'action de proximité (antennes, agents de terrain)",
                    "Support organising local outreach (branches, field agents)",
                    pt="Acompanhar a organização da ação de proximidade (antenas, agentes de terreno)",
                ),
            ),
        ),
    ),
    Dimension(
        id="facilities",
        theme=_TERRITORY,
        title=Text("Équipements gérés", "Facilities managed", pt="Equipamentos geridos"),
        levels=(
            Text(
                "Aucun équipement au service des artisans",
                "No facility serving artisans",
                pt="Nenhum equipamento ao serviço dos artesãos",
            ),
            Text(
                "Équipements existants mais peu utilisés ou dégradés",
                "Facilities exist but are little used or run down",
                pt="Equipamentos existentes mas pouco utilizados ou degradados",
            ),
            Text(
                "Équipements utilisés et entretenus",
                "Facilities used and maintained",
                pt="Equipamentos utilizados e conservados",
            ),
            Text(
                "Équipements gérés avec un modèle économique et des indicateurs",
                "Facilities run with a business model and indicators",
                pt="Equipamentos geridos com um modelo económico e indicadores",
            ),
        ),
        remedies=(
            _support(
                Domain.ECONOMIC_DEVELOPMENT,
                Text(
                    "Accompagner la gestion des équipements (village artisanal, atelier partagé, centre)",
                    "Support managing facilities (craft village, shared workshop, centre)",
                    pt="Acompanhar a gestão dos equipamentos (aldeia artesanal, oficina partilhada, centro)",
                ),
            ),
        ),
    ),
    Dimension(
        id="partnerships",
        theme=_TERRITORY,
        title=Text(
            "Partenariats territoriaux", "Territorial partnerships", pt="Parcerias territoriais"
        ),
        levels=(
            Text(
                "Aucune convention avec l'État ou les collectivités",
                "No agreement with the state or local authorities",
                pt="Nenhuma convenção com o Estado ou as autarquias",
            ),
            Text(
                "Une convention, peu mise en œuvre",
                "One agreement, little implemented",
                pt="Uma convenção, pouco aplicada",
            ),
            Text(
                "Plusieurs conventions actives",
                "Several active agreements",
                pt="Várias convenções ativas",
            ),
            Text(
                "Partenariats suivis dans un cadre de concertation régulier",
                "Partnerships followed in a regular consultation framework",
                pt="Parcerias acompanhadas num quadro de concertação regular",
            ),
        ),
        remedies=(_TRAIN_OFFICIALS,),
    ),
)


def _yes_no(ident: str, dim: str, text: Text) -> YesNoQuestion:
    return YesNoQuestion(id=ident, dimension_id=dim, text=text)


def _choice(ident: str, dim: str, text: Text, *options: tuple[str, Text]) -> ChoiceQuestion:
    """A choice question whose options ``(id, label)`` stand for levels 1, 2, … in order."""
    choices = tuple(
        Choice(id=key, label=label, level=level) for level, (key, label) in enumerate(options, 1)
    )
    return ChoiceQuestion(id=ident, dimension_id=dim, text=text, choices=choices)


def _number(ident: str, dim: str, text: Text, thresholds: tuple[int, int, int]) -> NumberQuestion:
    return NumberQuestion(id=ident, dimension_id=dim, text=text, thresholds=thresholds)


_QUESTIONS: tuple[Question, ...] = (
    _number(
        "gov-bureau-meetings",
        "governing-bodies",
        Text(
            "Combien de réunions du bureau se sont tenues ces douze derniers mois ?",
            "How many bureau meetings were held in the last twelve months?",
            pt="Quantas reuniões da mesa se realizaram nos últimos doze meses?",
        ),
        (2, 4, 10),
    ),
    _yes_no(
        "gov-minutes",
        "governing-bodies",
        Text(
            "Les décisions des instances font-elles l'objet de procès-verbaux diffusés et suivis ?",
            "Are the decisions of the governing bodies minuted, circulated and followed up?",
            pt="As decisões das instâncias são registadas em atas divulgadas e acompanhadas?",
        ),
    ),
    _choice(
        "gov-mandate-plan",
        "mandate-strategy",
        Text(
            "Où en est le plan de mandature ?",
            "Where does the mandate plan stand?",
            pt="Em que ponto está o plano de mandato?",
        ),
        ("none", Text("Il n'existe pas", "There is none", pt="Não existe")),
        ("draft", Text("En projet", "Drafted", pt="Em projeto")),
        (
            "adopted",
            Text(
                "Adopté par les instances",
                "Adopted by the governing bodies",
                pt="Adotado pelas instâncias",
            ),
        ),
        (
            "monitored",
            Text(
                "Adopté et suivi par indicateurs",
                "Adopted and monitored by indicators",
                pt="Adotado e acompanhado por indicadores",
            ),
        ),
    ),
    _number(
        "gov-own-resources",
        "finances",
        Text(
            "Quelle part du budget provient des ressources propres (cotisations, services) ? (%)",
            "What share of the budget comes from own resources (dues, services)? (%)",
            pt="Que parte do orçamento provém dos recursos próprios (quotizações, serviços)? (%)",
        ),
        (20, 40, 60),
    ),
    _yes_no(
        "gov-accounts",
        "finances",
        Text(
            "Les comptes de l'exercice précédent ont-ils été approuvés par l'assemblée générale ?",
            "Were last year's accounts approved by the general assembly?",
            pt="As contas do exercício anterior foram aprovadas pela assembleia geral?",
        ),
    ),
    _number(
        "gov-technical-staff",
        "staff",
        Text(
            "Combien d'agents techniques permanents la chambre emploie-t-elle ?",
            "How many permanent technical staff does the chamber employ?",
            pt="Quantos agentes técnicos permanentes emprega a câmara?",
        ),
        (2, 5, 10),
    ),
    _yes_no(
        "gov-job-descriptions",
        "staff",
        Text(
            "Existe-t-il un organigramme et des fiches de poste à jour ?",
            "Is there an up-to-date organisation chart with job descriptions?",
            pt="Existe um organigrama e descrições de funções atualizados?",
        ),
    ),
    _choice(
        "sup-register-state",
        "trades-register",
        Text(
            "Comment le répertoire des métiers est-il tenu ?",
            "How is the trades register kept?",
            pt="Como é mantido o registo de ofícios?",
        ),
        (
            "paper-incomplete",
            Text("Sur papier, incomplet", "On paper, incomplete", pt="Em papel, incompleto"),
        ),
        (
            "paper-current",
            Text("Sur papier, à jour", "On paper, up to date", pt="Em papel, atualizado"),
        ),
        (
            "partly-digital",
            Text("Informatisé en partie", "Partly computerised", pt="Parcialmente informatizado"),
        ),
        (
            "digital-used",
            Text(
                "Informatisé, à jour et exploité",
                "Computerised, up to date and used",
                pt="Informatizado, atualizado e utilizado",
            ),
        ),
    ),
    _yes_no(
        "sup-professional-card",
        "trades-register",
        Text(
            "Les artisans immatriculés reçoivent-ils une carte professionnelle ?",
            "Do registered artisans receive a professional card?",
            pt="Os artesãos registados recebem um cartão profissional?",
        ),
    ),
    _number(
        "sup-services-count",
        "service-offer",
        Text(
            "Combien de services la chambre propose-t-elle de façon permanente ?",
            "How many services does the chamber offer on a permanent basis?",
            pt="Quantos serviços a câmara oferece de forma permanente?",
        ),
        (1, 3, 6),
    ),
    _choice(
        "sup-pricing",
        "service-offer",
        Text(
            "Comment les services sont-ils tarifés ?",
            "How are services priced?",
            pt="Como são fixados os preços dos serviços?",
        ),
        ("none", Text("Pas de services", "No services", pt="Sem serviços")),
        ("ad-hoc", Text("Au cas par cas", "Case by case", pt="Caso a caso")),
        (
            "price-list",
            Text(
                "Grille adhérents / non-adhérents",
                "Member / non-member price list",
                pt="Tabela de preços membros / não membros",
            ),
        ),
        (
            "monitored",
            Text(
                "Grille suivie (usagers, recettes)",
                "Price list monitored (users, revenue)",
                pt="Tabela acompanhada (utentes, receitas)",
            ),
        ),
    ),
    _number(
        "sup-paying-share",
        "membership",
        Text(
            "Quelle part des artisans inscrits au répertoire paie sa cotisation ? (%)",
            "What share of artisans on the register pays dues? (%)",
            pt="Que parte dos artesãos inscritos no registo paga a quotização? (%)",
        ),
        (10, 25, 50),
    ),
    _choice(
        "eco-data",
        "sector-knowledge",
        Text(
            "Quelles données la chambre produit-elle sur ses ressortissants ?",
            "What data does the chamber produce on its constituents?",
            pt="Que dados a câmara produz sobre os seus artesãos?",
        ),
        ("none", Text("Aucune", "None", pt="Nenhum")),
        ("studies", Text("Études ponctuelles", "Occasional studies", pt="Estudos pontuais")),
        (
            "statistics",
            Text(
                "Statistiques annuelles du répertoire",
                "Annual statistics from the register",
                pt="Estatísticas anuais tiradas do registo",
            ),
        ),
        (
            "observatory",
            Text(
                "Observatoire et enquêtes périodiques",
                "Observatory and periodic surveys",
                pt="Observatório e inquéritos periódicos",
            ),
        ),
    ),
    _choice(
        "eco-channels",
        "communication",
        Text(
            "Comment la chambre informe-t-elle ses ressortissants ?",
            "How does the chamber inform its constituents?",
            pt="Como é que a câmara informa os seus artesãos?",
        ),
        (
            "none",
            Text(
                "Pas de communication régulière",
                "No regular communication",
                pt="Sem comunicação regular",
            ),
        ),
        (
            "meetings",
            Text("Réunions et affichage", "Meetings and notices", pt="Reuniões e afixação"),
        ),
        (
            "channels",
            Text(
                "Radio, réseaux sociaux ou lettre régulière",
                "Radio, social media or a regular newsletter",
                pt="Rádio, redes sociais ou boletim regular",
            ),
        ),
        (
            "plan",
            Text(
                "Plan de communication et rapport d'activité",
                "Communication plan and annual report",
                pt="Plano de comunicação e relatório de atividades",
            ),
        ),
    ),
    _choice(
        "trn-apprenticeship",
        "apprenticeship",
        Text(
            "Quel est le rôle de la chambre dans l'apprentissage ?",
            "What is the chamber's role in apprenticeship?",
            pt="Qual é o papel da câmara na aprendizagem?",
        ),
        ("none", Text("Aucun suivi", "No follow-up", pt="Nenhum acompanhamento")),
        (
            "contracts",
            Text(
                "Enregistrement d'une partie des contrats",
                "Registers some contracts",
                pt="Registo de uma parte dos contratos",
            ),
        ),
        (
            "exams",
            Text(
                "Contrats enregistrés et examens organisés",
                "Contracts registered and exams held",
                pt="Contratos registados e exames organizados",
            ),
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
    _number(
        "trn-sessions",
        "continuing-training",
        Text(
            "Combien de sessions de formation continue ont été tenues ces douze derniers mois ?",
            "How many continuing-training sessions were held in the last twelve months?",
            pt="Quantas sessões de formação contínua se realizaram nos últimos doze meses?",
        ),
        (1, 4, 12),
    ),
    _yes_no(
        "trn-needs-analysis",
        "continuing-training",
        Text(
            "Le programme de formation repose-t-il sur une analyse des besoins des artisans ?",
            "Is the training programme based on an analysis of artisans' needs?",
            pt="O programa de formação baseia-se numa análise das necessidades dos artesãos?",
        ),
    ),
    TextQuestion(
        id="trn-partners",
        dimension_id="continuing-training",
        text=Text(
            "Avec quels centres ou organismes de formation la chambre travaille-t-elle ?",
            "Which training centres or bodies does the chamber work with?",
            pt="Com que centros ou organismos de formação trabalha a câmara?",
        ),
    ),
    _choice(
        "ter-presence",
        "territorial-presence",
        Text(
            "Où la chambre est-elle présente ?",
            "Where is the chamber present?",
            pt="Onde está presente a câmara?",
        ),
        ("seat", Text("Au siège seulement", "At the seat only", pt="Só na sede")),
        ("tours", Text("Tournées occasionnelles", "Occasional tours", pt="Deslocações ocasionais")),
        (
            "some-branches",
            Text(
                "Antennes dans une partie du territoire",
                "Branches in part of the territory",
                pt="Antenas numa parte do território",
            ),
        ),
        (
            "network",
            Text(
                "Réseau couvrant tout le territoire",
                "Network covering the whole territory",
                pt="Rede que cobre todo o território",
            ),
        ),
    ),
    _choice(
        "ter-facilities",
        "facilities",
        Text(
            "Quel est l'état des équipements gérés par la chambre ?",
            "What state are the chamber's facilities in?",
            pt="Em que estado estão os equipamentos geridos pela câmara?",
        ),
        ("none", Text("Pas d'équipement", "No facility", pt="Nenhum equipamento")),
        (
            "run-down",
            Text(
                "Peu utilisés ou dégradés",
                "Little used or run down",
                pt="Pouco utilizados ou degradados",
            ),
        ),
        (
            "maintained",
            Text("Utilisés et entretenus", "Used and maintained", pt="Utilizados e conservados"),
        ),
        (
            "managed",
            Text(
                "Gérés avec un modèle économique",
                "Run with a business model",
                pt="Geridos com um modelo económico",
            ),
        ),
    ),
    _number(
        "ter-agreements",
        "partnerships",
        Text(
            "Combien de conventions avec l'État, les collectivités ou des bailleurs sont actives ?",
            "How many agreements with the state, local authorities or donors are active?",
            pt="Quantas convenções com o Estado, as autarquias ou financiadores estão ativas?",
        ),
        (1, 3, 6),
    ),
)

CONSULAR_CHAMBER_MODULE = DiagnosticModule(
    id=BUILTIN_MODULE_ID,
    version="1.0",
    title=Text(
        "Diagnostic institutionnel d'une chambre de métiers",
        "Institutional diagnostic of a chamber of trades",
        pt="Diagnóstico institucional de uma câmara de ofícios",
    ),
    dimensions=_DIMENSIONS,
    questions=_QUESTIONS,
)
"""The built-in module: a consular-chamber framework on the five themes."""
