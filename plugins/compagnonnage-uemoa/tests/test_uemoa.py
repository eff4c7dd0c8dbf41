"""The UEMOA plugin: nomenclature, regions, module, services and rules, alone and in a manager."""

from __future__ import annotations

import datetime as dt
from importlib import metadata

import attrs
import compagnonnage_uemoa as plugin

from compagnonnage.diagnostics import Answer, Respondent, RespondentGroup, score
from compagnonnage.model import (
    Body,
    BodyKind,
    Diagnostic,
    Level,
    Period,
    Programme,
    RegionRef,
    Scope,
    Term,
    TradeRef,
)
from compagnonnage.plugins import PluginManager, get_plugin_manager


def _programme(country: str, *, term_years: int, trades: tuple[TradeRef, ...] = ()) -> Programme:
    start = dt.date(2021, 3, 1)
    body = Body(
        id="chamber",
        name="Chambre de métiers",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef(country),
        level=Level.NATIONAL,
        current_term=Term(
            period=Period(start=start, end=start.replace(year=start.year + term_years))
        ),
    )
    return Programme.draft(id="p1", title="Programme", beneficiary=body, scope=Scope(trades=trades))


def _manager() -> PluginManager:
    """A manager with this plugin only, loaded through its entry point, strictly."""
    return get_plugin_manager(allow=["uemoa"], strict=True)


def test_nomenclature_has_the_example_trades() -> None:
    codes = plugin.UEMOA_NOMENCLATURE.codes
    assert {"BTP-01", "TEX-01", "HYG-01", "ALI-01"} <= codes
    assert plugin.UEMOA_NOMENCLATURE.id == "uemoa"
    assert len(plugin.UEMOA_NOMENCLATURE.branches) == 8
    titles = {ref.code: t.title.en for ref, t, *_ in plugin.UEMOA_NOMENCLATURE.trades()}
    assert titles["BTP-01"] == "Masonry"
    assert titles["TEX-01"] == "Tailoring"
    assert titles["HYG-01"] == "Hairdressing"
    assert titles["ALI-01"] == "Bakery"


def test_regions_cover_the_eight_states_and_togo_terms() -> None:
    profiles = {p.region.country: p for p in plugin.region_profiles()}
    assert set(profiles) == {"BJ", "BF", "CI", "GW", "ML", "NE", "SN", "TG"}
    togo = profiles["TG"]
    assert (togo.term_years, togo.renewals) == (4, 1)
    assert any("2012-009" in text.fr for text in togo.legal_basis)
    assert profiles["SN"].term_years is None
    assert all(p.nomenclature == "uemoa" for p in profiles.values())


def test_uemoa_001_flags_a_term_longer_than_the_national_one() -> None:
    ctx = _manager().rule_context()
    assert list(plugin.term_length.check(_programme("TG", term_years=4), ctx)) == []
    (breach,) = plugin.term_length.check(_programme("TG", term_years=5), ctx)
    assert breach.subjects == ("chamber",)
    assert "4-year" in breach.text("en")
    assert "mandature de 4 ans" in breach.text("fr")
    assert "mandato de 4 anos" in breach.text("pt")
    assert list(plugin.term_length.check(_programme("SN", term_years=7), ctx)) == []


def test_uemoa_002_flags_trades_outside_the_community_nomenclature() -> None:
    pm = _manager()
    foreign = TradeRef("nafa", "43.99")
    report = pm.check(_programme("TG", term_years=4, trades=(TradeRef("uemoa", "BTP-01"), foreign)))
    flagged = [v for v in report.warnings if v.code == "UEMOA-002"]
    assert [v.subjects for v in flagged] == [("p1", "nafa:43.99")]
    assert flagged[0].origin == "uemoa"
    french = _programme("FR", term_years=5, trades=(foreign,))
    assert "UEMOA-002" not in pm.check(french).codes


def test_module_scores_the_health_cover() -> None:
    r = Respondent(id="sg", group=RespondentGroup.STAFF)
    result = score(
        plugin.UEMOA_MODULE, [Answer(respondent=r, question_id="uemoa-health-cover", value="none")]
    )
    assert result["social-protection"].level == 1
    issue_ids = [i.id for i in result.findings("en").issues]
    assert issue_ids == ["uemoa-crafts-code/social-protection/issue"]


def test_recommend_support_proposes_the_health_cover_service() -> None:
    pm = _manager()
    r = Respondent(id="sg", group=RespondentGroup.STAFF)
    result = score(
        plugin.UEMOA_MODULE, [Answer(respondent=r, question_id="uemoa-health-cover", value="none")]
    )
    found = result.findings("fr")
    programme = attrs.evolve(
        _programme("TG", term_years=4),
        diagnostic=Diagnostic(issues=found.issues, recommendations=found.recommendations),
    )
    advice = pm.recommend(programme, found.recommendations[0].id)
    assert advice.failures == ()
    best = advice.candidates[0]
    assert best.plugin == "uemoa"
    assert best.candidate.service_ids == ("uemoa-health-cover",)


def test_manager_loads_the_plugin_without_errors() -> None:
    pm = _manager()
    assert pm.load_errors == ()
    info = {i.name: i for i in pm.list_plugins()}["uemoa"]
    assert info.registered["rule"] == ("UEMOA-001", "UEMOA-002")
    assert pm.region_profile(RegionRef("TG", "TG-M")) is pm.regions()[RegionRef("TG")]
    assert [c.id for c in pm.catalogues()] == ["uemoa-services"]


def test_entry_point_is_declared() -> None:
    dist = metadata.distribution("compagnonnage-uemoa")
    assert dist.version == plugin.__version__
    eps = [ep for ep in dist.entry_points if ep.group == "compagnonnage"]
    assert [(ep.name, ep.value) for ep in eps] == [("uemoa", "compagnonnage_uemoa")]
