"""The three reference plugins together, loaded on purpose by allow-list (never by default).

Skipped when they are not installed (``pip install -e plugins/compagnonnage-*``).
"""

from __future__ import annotations

from importlib import metadata

import attrs
import pytest

from compagnonnage.diagnostics import Answer, Respondent, RespondentGroup, score
from compagnonnage.model import Diagnostic, Programme, Scope, TradeRef
from compagnonnage.plugins import PluginManager, get_plugin_manager

REFERENCE = ("uemoa", "food", "building")
INSTALLED = {ep.name for ep in metadata.entry_points(group="compagnonnage")}
pytestmark = pytest.mark.skipif(
    not set(REFERENCE) <= INSTALLED, reason="the reference plugins are not installed"
)

MASONRY, TAILORING, HAIRDRESSING, BAKERY = (
    TradeRef("uemoa", code) for code in ("BTP-01", "TEX-01", "HYG-01", "ALI-01")
)


@pytest.fixture(scope="module")
def pm() -> PluginManager:
    return get_plugin_manager(allow=REFERENCE, strict=True)


def test_the_reference_plugins_load_cleanly(pm: PluginManager) -> None:
    infos = {i.name: i for i in pm.list_plugins()}
    assert list(infos) == ["builtin", "building", "food", "uemoa"]
    assert all(i.loaded for i in infos.values())
    assert infos["uemoa"].distribution == "compagnonnage-uemoa"
    assert infos["uemoa"].version == "0.1.0"


def test_the_togo_example_trades_exist_in_the_uemoa_nomenclature(pm: PluginManager) -> None:
    titles = {ref: pm.trades()[ref].title.en for ref in (MASONRY, TAILORING, HAIRDRESSING, BAKERY)}
    assert titles == {
        MASONRY: "Masonry",
        TAILORING: "Tailoring",
        HAIRDRESSING: "Hairdressing",
        BAKERY: "Bakery",
    }


def test_every_trade_key_of_every_plugin_is_a_known_trade(pm: PluginManager) -> None:
    keyed = {t for m in pm.modules() for t in m.trades}
    keyed |= {t for c in pm.catalogues() for s in c.services for t in s.trades}
    assert keyed
    assert keyed <= set(pm.trades())


def test_every_remedy_service_exists_in_a_catalogue(pm: PluginManager) -> None:
    services = {s.id for c in pm.catalogues() for s in c.services}
    wanted = {
        sid for m in pm.modules() for d in m.dimensions for r in d.remedies for sid in r.service_ids
    }
    assert wanted
    assert wanted <= services


def test_the_togo_scope_selects_the_chamber_uemoa_food_and_building_modules(
    pm: PluginManager, togo: Programme
) -> None:
    scoped = attrs.evolve(togo, scope=Scope(trades=(MASONRY, TAILORING, HAIRDRESSING, BAKERY)))
    assert [m.id for m in pm.modules_for(scoped)] == [
        "consular-chamber",
        "building-trades",
        "food-trades",
        "uemoa-crafts-code",
    ]
    assert pm.check(scoped).codes.isdisjoint({"STG-011", "UEMOA-002"})


def test_recommendations_for_a_bakery_issue_come_from_food_first(
    pm: PluginManager, togo: Programme
) -> None:
    staff = Respondent(id="agent", group=RespondentGroup.STAFF)
    food = next(m for m in pm.modules() if m.id == "food-trades")
    result = score(
        food, [Answer(respondent=staff, question_id="food-purchasing", value="day-to-day")]
    )
    found = result.findings("fr", trade=BAKERY)
    programme = attrs.evolve(
        togo,
        scope=Scope(trades=(BAKERY,)),
        diagnostic=Diagnostic(issues=found.issues, recommendations=found.recommendations),
    )
    advice = pm.recommend(programme, found.recommendations[0].id)
    assert advice.failures == ()
    assert [(c.plugin, c.candidate.service_ids) for c in advice.candidates] == [
        ("food", ("food-group-purchasing",))
    ]
