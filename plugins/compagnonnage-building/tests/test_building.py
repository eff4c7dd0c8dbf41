"""The building plugin: its module, its services and its recommendations, through its entry point."""

from __future__ import annotations

import attrs
import compagnonnage_building as plugin

from compagnonnage.diagnostics import Answer, Respondent, RespondentGroup, score
from compagnonnage.model import (
    Body,
    BodyKind,
    Diagnostic,
    Level,
    Programme,
    RegionRef,
    Scope,
    TradeRef,
)
from compagnonnage.plugins import PluginManager, get_plugin_manager

MASONRY = TradeRef("uemoa", "BTP-01")
PLUMBING = TradeRef("uemoa", "BTP-04")
BAKERY = TradeRef("uemoa", "ALI-01")


def _manager() -> PluginManager:
    return get_plugin_manager(allow=["building"], strict=True)


def _programme(*trades: TradeRef) -> Programme:
    body = Body(
        id="ucrm",
        name="Union des chambres régionales de métiers du Togo",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef("TG"),
        level=Level.NATIONAL,
    )
    return Programme.draft(id="p1", title="Programme", beneficiary=body, scope=Scope(trades=trades))


def test_module_covers_the_building_trades_and_three_themes() -> None:
    assert {MASONRY, PLUMBING, TradeRef("uemoa", "BTP-05"), TradeRef("uemoa", "BOI-01")} <= (
        plugin.BUILDING_MODULE.trades
    )
    assert [d.id for d in plugin.BUILDING_MODULE.dimensions] == [
        "site-safety",
        "apprenticeship",
        "materials",
    ]


def test_module_is_selected_for_building_trades_only() -> None:
    pm = _manager()
    assert [m.id for m in pm.modules_for(_programme(MASONRY, BAKERY))] == [
        "consular-chamber",
        "building-trades",
    ]
    assert [m.id for m in pm.modules_for(_programme(BAKERY))] == ["consular-chamber"]


def test_earth_block_training_is_for_masons() -> None:
    pm = _manager()
    assert "building-earth-blocks" in [s.id for _, s in pm.services_for(MASONRY)]
    assert "building-earth-blocks" not in [s.id for _, s in pm.services_for(PLUMBING)]


def test_no_protection_on_site_leads_to_safety_services() -> None:
    official = Respondent(id="elu", group=RespondentGroup.ELECTED_OFFICIALS)
    answers = [
        Answer(
            respondent=official,
            question_id="building-ppe-share",
            value=10,
            note="Chantier visité à Lomé : ni casques ni chaussures",
        )
    ]
    result = score(plugin.BUILDING_MODULE, answers, desired={"site-safety": 3})
    assert result["site-safety"].level == 1
    assert result["site-safety"].gap == 2
    found = result.findings("en", trade=MASONRY)
    programme = attrs.evolve(
        _programme(MASONRY),
        diagnostic=Diagnostic(
            issues=found.issues, recommendations=found.recommendations, scores=result.scores()
        ),
    )
    advice = _manager().recommend(programme, found.recommendations[0].id)
    best = advice.best
    assert best is not None
    assert best.plugin == "building"
    assert best.candidate.service_ids == (
        "building-site-safety-training",
        "building-ppe-purchasing",
    )
    assert best.candidate.score == 1.0
