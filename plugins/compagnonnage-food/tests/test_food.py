"""The food plugin: its module, its services and its recommendations, through its entry point."""

from __future__ import annotations

import attrs
import compagnonnage_food as plugin

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

FISH = TradeRef("uemoa", "ALI-04")
MASONRY = TradeRef("uemoa", "BTP-01")


def _manager() -> PluginManager:
    return get_plugin_manager(allow=["food"], strict=True)


def _programme(*trades: TradeRef, diagnostic: Diagnostic | None = None) -> Programme:
    body = Body(
        id="crm-maritime",
        name="Chambre régionale de métiers Maritime",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef("TG", "TG-M"),
        level=Level.REGIONAL,
    )
    p = Programme.draft(id="p1", title="Programme", beneficiary=body, scope=Scope(trades=trades))
    return p if diagnostic is None else attrs.evolve(p, diagnostic=diagnostic)


def test_module_covers_the_six_food_trades_and_four_themes() -> None:
    codes = sorted(t.code for t in plugin.FOOD_MODULE.trades)
    assert codes == ["ALI-01", "ALI-02", "ALI-03", "ALI-04", "ALI-05", "ALI-07"]
    assert [d.id for d in plugin.FOOD_MODULE.dimensions] == [
        "hygiene",
        "cold-chain",
        "supply",
        "equipment",
    ]


def test_module_is_selected_for_food_trades_only() -> None:
    pm = _manager()
    assert [m.id for m in pm.modules_for(_programme(FISH))] == ["consular-chamber", "food-trades"]
    assert [m.id for m in pm.modules_for(_programme(MASONRY))] == ["consular-chamber"]


def test_services_fit_their_trades() -> None:
    pm = _manager()
    fish = [s.id for _, s in pm.services_for(FISH, RegionRef("TG"))]
    assert "food-cold-room" in fish
    assert "food-group-purchasing" not in fish
    assert pm.services_for(MASONRY) == ()


def test_unhygienic_workshops_lead_to_hygiene_training() -> None:
    staff = Respondent(id="agent", group=RespondentGroup.STAFF)
    official = Respondent(id="elu", group=RespondentGroup.ELECTED_OFFICIALS)
    answers = [
        Answer(respondent=staff, question_id="food-hygiene-trained", value="none"),
        Answer(respondent=official, question_id="food-hygiene-trained", value="none"),
        Answer(respondent=official, question_id="food-water-handwash", value=False),
    ]
    found = score(plugin.FOOD_MODULE, answers).findings("fr", trade=FISH)
    (issue,) = found.issues
    assert issue.id == "food-trades/hygiene/issue"
    assert issue.severity.value == "critical"
    diagnostic = Diagnostic(issues=found.issues, recommendations=found.recommendations)
    programme = _programme(FISH, diagnostic=diagnostic)
    advice = _manager().recommend(programme, found.recommendations[0].id)
    best = advice.best
    assert best is not None
    assert best.plugin == "food"
    assert best.candidate.kind == "service_offer_design"
    assert best.candidate.service_ids == ("food-hygiene-training", "food-sanitary-file")
    assert best.candidate.score == 0.9
