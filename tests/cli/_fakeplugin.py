"""A plugin installed for the CLI tests (through a dist-info folder on ``sys.path``).

It registers a small ``uemoa`` nomenclature holding the example's trades, the
Togo region, one service catalogue, and recommends one training for every
recommendation.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import Text
from compagnonnage.model import (
    Domain,
    Modality,
    Pricing,
    PricingMode,
    Programme,
    Recommendation,
    RegionRef,
    TradeRef,
)
from compagnonnage.plugins import (
    Branch,
    Nomenclature,
    RegionProfile,
    SupportCandidate,
    Trade,
    TradeGroup,
    hookimpl,
)


@hookimpl
def compagnonnage_register_trades(register: Callable[[Nomenclature], None]) -> None:
    trades = (
        Trade(code="BTP-01", title=Text("maçonnerie", "masonry", pt="alvenaria")),
        Trade(code="TEX-01", title=Text("couture", "tailoring", pt="costura")),
        Trade(code="HYG-01", title=Text("coiffure", "hairdressing", pt="cabeleireiro")),
        Trade(code="ALI-01", title=Text("boulangerie", "bakery", pt="padaria")),
    )
    group = TradeGroup(
        code="G1",
        title=Text("métiers du test", "test trades", pt="ofícios do teste"),
        trades=trades,
    )
    branch = Branch(
        code="B1", title=Text("branche du test", "test branch", pt="ramo do teste"), groups=(group,)
    )
    register(
        Nomenclature(id="uemoa", title=Text("nomenclature", "nomenclature"), branches=(branch,))
    )


@hookimpl
def compagnonnage_register_regions(register: Callable[[RegionProfile], None]) -> None:
    register(
        RegionProfile(
            region=RegionRef("TG"),
            title=Text("Togo", "Togo"),
            term_years=4,
            renewals=1,
            nomenclature="uemoa",
        )
    )


@hookimpl
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    card = Service(
        id="professional-card",
        label=Text("carte professionnelle", "professional card", pt="cartão profissional"),
        domain=Domain.TRADES_REGISTER,
        modality=Modality.ON_SITE,
        pricing=Pricing(
            mode=PricingMode.PRICED,
            member_price=Decimal("5000"),
            non_member_price=Decimal("10000"),
            currency="XOF",
        ),
        regions=frozenset({RegionRef("TG")}),
    )
    bread = Service(
        id="bakery-hygiene",
        label=Text("hygiène en boulangerie", "bakery hygiene", pt="higiene na padaria"),
        domain=Domain.TRAINING_AND_APPRENTICESHIP,
        modality=Modality.ON_SITE,
        pricing=Pricing(mode=PricingMode.INCLUDED_IN_DUES),
        trades=frozenset({TradeRef("uemoa", "ALI-01")}),
    )
    register(
        ServiceCatalogue(
            id="test-catalogue", title=Text("catalogue", "catalogue"), services=(card, bread)
        )
    )


@hookimpl
def compagnonnage_recommend_support(
    programme: Programme, recommendation: Recommendation
) -> tuple[SupportCandidate, ...]:
    return (
        SupportCandidate(
            kind="training",
            title=Text("Former les cadres", "Train the staff", pt="Formar os quadros"),
            score=0.75,
            rationale=Text(
                "les cadres portent le changement",
                "staff carry the change",
                pt="os quadros conduzem a mudança",
            ),
            service_ids=("professional-card",),
        ),
    )
