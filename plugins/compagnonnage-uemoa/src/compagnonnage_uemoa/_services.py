"""Services chambers of trades offer in UEMOA states under the community crafts code.

Prices are set by each chamber and are not given here (``None``): the catalogue
says how a service is paid for (priced, or included in dues), in CFA francs.
"""

from __future__ import annotations

from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import Text
from compagnonnage.model import Domain, Modality, Pricing, PricingMode, RegionRef
from compagnonnage_uemoa._regions import UEMOA_STATES

SOCIAL_PROTECTION = Domain("social_protection")
"""A support domain this plugin adds: social protection of artisans."""

PUBLIC_PROCUREMENT = Domain("public_procurement")
"""A support domain this plugin adds: artisans' access to public contracts."""

_PRICED = Pricing(mode=PricingMode.PRICED, currency="XOF")
_IN_DUES = Pricing(mode=PricingMode.INCLUDED_IN_DUES)
_UEMOA = frozenset(RegionRef(c) for c in UEMOA_STATES)

UEMOA_CATALOGUE = ServiceCatalogue(
    id="uemoa-services",
    title=Text(
        "Services des chambres de métiers de l'UEMOA",
        "Services of UEMOA chambers of trades",
        pt="Serviços das câmaras de ofícios da UEMOA",
    ),
    services=(
        Service(
            id="uemoa-professional-card",
            label=Text(
                "Carte professionnelle d'artisan",
                "Artisan's professional card",
                pt="Cartão profissional de artesão",
            ),
            description=Text(
                "Délivrance de la carte à l'immatriculation au répertoire des métiers",
                "Card issued on registration in the trades register",
                pt="Emissão do cartão no momento do registo no registo de ofícios",
            ),
            domain=Domain.TRADES_REGISTER,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
            regions=_UEMOA,
        ),
        Service(
            id="uemoa-health-cover",
            label=Text(
                "Convention de couverture maladie des artisans",
                "Health-cover agreement for artisans",
                pt="Convenção de cobertura de saúde dos artesãos",
            ),
            description=Text(
                "Accès négocié par la chambre à une mutuelle ou une assurance santé",
                "Access to a mutual or health insurer negotiated by the chamber",
                pt="Acesso negociado pela câmara a uma mutualidade ou a um seguro de saúde",
            ),
            domain=SOCIAL_PROTECTION,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            regions=_UEMOA,
        ),
        Service(
            id="uemoa-youth-placement",
            label=Text(
                "Convention de placement des jeunes en apprentissage",
                "Youth-placement agreement for apprenticeship",
                pt="Convenção de colocação de jovens em aprendizagem",
            ),
            description=Text(
                "Placement de jeunes chez des maîtres artisans, suivi par la chambre",
                "Young people placed with master artisans, followed by the chamber",
                pt="Jovens colocados junto de mestres artesãos, acompanhados pela câmara",
            ),
            domain=Domain.TRAINING_AND_APPRENTICESHIP,
            modality=Modality.ON_SITE,
            pricing=_IN_DUES,
            regions=_UEMOA,
        ),
        Service(
            id="uemoa-procurement-desk",
            label=Text(
                "Guichet d'accès à la commande publique",
                "Public-procurement help desk",
                pt="Balcão de acesso à contratação pública",
            ),
            description=Text(
                "Veille sur les appels d'offres et aide à la constitution des dossiers",
                "Watch on calls for tender and help with bids",
                pt="Vigilância dos anúncios de concurso e apoio à preparação das candidaturas",
            ),
            domain=PUBLIC_PROCUREMENT,
            modality=Modality.REMOTE,
            pricing=_PRICED,
            regions=_UEMOA,
        ),
    ),
)
