"""Service catalogues, and a service offer built from them, traced to recommendations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compagnonnage import check
from compagnonnage.catalogue import Service, ServiceCatalogue, design_service_offer
from compagnonnage.diagnostics import Text
from compagnonnage.errors import InvalidValueError, UnknownReferenceError
from compagnonnage.lifecycle import plan_action
from compagnonnage.model import (
    Domain,
    Modality,
    Pricing,
    PricingMode,
    Programme,
    RegionRef,
    ServiceOfferDesign,
    TradeRef,
)
from compagnonnage.testing.samples import sample_programme

BAKERY = TradeRef("uemoa", "ALI-01")
CARD = Service(
    id="card",
    label=Text("Carte professionnelle", "Professional card"),
    domain=Domain.TRADES_REGISTER,
    modality=Modality.ON_SITE,
    pricing=Pricing(
        mode=PricingMode.PRICED,
        member_price=Decimal("2000"),
        non_member_price=Decimal("5000"),
        currency="XOF",
    ),
    regions=frozenset({RegionRef("TG")}),
)
OVENS = Service(
    id="ovens",
    label=Text("Conseil en fours", "Oven advice"),
    domain=Domain("equipment"),
    modality=Modality.REMOTE,
    pricing=Pricing(mode=PricingMode.INCLUDED_IN_DUES),
    trades=frozenset({BAKERY}),
)
CATALOGUE = ServiceCatalogue(id="demo", title=Text("Démo", "Demo"), services=(CARD, OVENS))
REC = "consular-chamber/governing-bodies/recommendation"


def test_services_fit_their_trades_and_regions() -> None:
    assert CATALOGUE.services_for(BAKERY, RegionRef("TG", "TG-M")) == (CARD, OVENS)
    assert CATALOGUE.services_for(TradeRef("uemoa", "BTP-01"), RegionRef("SN")) == ()
    assert CATALOGUE.services_for() == (CARD, OVENS)


def test_an_offer_design_answers_the_recommendations_of_its_items(togo: Programme) -> None:
    items = [CATALOGUE.pick("card", answers=REC), CATALOGUE.pick("ovens", answers=REC)]
    action = design_service_offer(
        togo, items, id="offer-1", title="Offre de services", modality=Modality.ON_SITE, lang="en"
    )
    assert isinstance(action, ServiceOfferDesign)
    assert action.answers == (REC,)
    assert action.offer is not None
    offered = action.offer.services
    assert [(s.service_id, s.label, s.catalogue_id, s.recommendation_id) for s in offered] == [
        ("card", "Professional card", "demo", REC),
        ("ovens", "Oven advice", "demo", REC),
    ]
    assert offered[0].pricing.non_member_price == Decimal("5000")


def test_a_planned_offer_design_satisfies_the_stage_rules() -> None:
    programme = sample_programme(7, findings=6, actions=1, experts=3, missions=1)
    rec = programme.diagnostic.recommendations[0].id
    action = design_service_offer(
        programme,
        [CATALOGUE.pick("card", answers=rec)],
        id="offer-design",
        title="Offre de services",
        modality=Modality.ON_SITE,
        expert_ids=(programme.experts[0].id,),
    )
    planned = plan_action(programme, action, by="expert")
    assert planned.accompaniment.actions[-1] == action
    assert check(planned).errors == ()


def test_an_item_must_answer_a_recommendation_of_the_programme(togo: Programme) -> None:
    with pytest.raises(UnknownReferenceError, match="no-such-rec"):
        design_service_offer(
            togo,
            [CATALOGUE.pick("card", answers="no-such-rec")],
            id="a1",
            title="Offre",
            modality=Modality.ON_SITE,
        )
    with pytest.raises(InvalidValueError, match="at least one OfferItem"):
        design_service_offer(togo, [], id="a1", title="Offre", modality=Modality.ON_SITE)


def test_catalogues_refuse_unknown_and_duplicate_services() -> None:
    with pytest.raises(InvalidValueError, match="a service of the catalogue"):
        CATALOGUE.pick("nothing", answers=REC)
    with pytest.raises(InvalidValueError, match="distinct service ids"):
        ServiceCatalogue(id="dup", title=Text("D", "D"), services=(CARD, CARD))
    with pytest.raises(InvalidValueError, match="French and English"):
        Service(
            id="x",
            label=Text("seulement en français", " "),
            domain=Domain.COMMUNICATION,
            modality=Modality.REMOTE,
            pricing=Pricing(mode=PricingMode.INCLUDED_IN_DUES),
        )
