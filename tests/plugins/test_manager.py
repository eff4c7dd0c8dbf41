"""The manager factory and the typed façade, one hook at a time, with throwaway plugins."""

from __future__ import annotations

import logging
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import compagnonnage
from compagnonnage._i18n import Catalogue
from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, DiagnosticModule, Text
from compagnonnage.lifecycle import Lifecycle
from compagnonnage.model import (
    HistoryEntry,
    Modality,
    Pricing,
    PricingMode,
    Programme,
    Recommendation,
    RegionRef,
    Stage,
    TradeRef,
)
from compagnonnage.plugins import (
    Branch,
    Nomenclature,
    RegionProfile,
    SupportCandidate,
    Trade,
    TradeGroup,
    get_plugin_manager,
    hookimpl,
)
from compagnonnage.rules import Breach, Rule, RuleContext, Severity, rule

WORDS = Catalogue("compagnonnage_tests", "compagnonnage_tests")
"""A plugin's own catalogue, without translations: its words are English everywhere."""

BAKERY = TradeRef("demo", "BAK")


def _plugin(name: str, **hooks: Callable[..., object]) -> types.ModuleType:
    """A throwaway plugin module named ``name`` holding ``hooks`` (already marked)."""
    module = types.ModuleType(name)
    for hook, fn in hooks.items():
        setattr(module, hook, fn)
    return module


def _nomenclature(ident: str = "demo") -> Nomenclature:
    return Nomenclature(
        id=ident,
        title=Text("Démo", "Demo"),
        branches=(
            Branch(
                code="ALI",
                title=Text("Alimentation", "Food"),
                groups=(
                    TradeGroup(
                        code="ALI-G1",
                        title=Text("Boulangerie", "Bakery"),
                        trades=(Trade(code="BAK", title=Text("Boulangerie", "Bakery")),),
                    ),
                ),
            ),
        ),
    )


@hookimpl
def _register_demo_trades(register: Callable[[Nomenclature], None]) -> None:
    register(_nomenclature())


def test_factory_gives_a_fresh_manager_per_call() -> None:
    a = get_plugin_manager(entry_points=False)
    b = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("demo", compagnonnage_register_trades=_register_demo_trades)],
    )
    assert a is not b
    assert a.nomenclatures() == ()
    assert [n.id for n in b.nomenclatures()] == ["demo"]


def test_import_compagnonnage_loads_no_plugin_machinery() -> None:
    code = (
        "import sys, compagnonnage\n"
        "print(sorted(m for m in ('pluggy', 'compagnonnage.plugins', 'importlib.metadata') "
        "if m in sys.modules and m != 'importlib.metadata'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_hookimpl_marks_for_the_compagnonnage_project() -> None:
    @hookimpl
    def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
        register(CONSULAR_CHAMBER_MODULE)

    assert hasattr(compagnonnage_register_modules, "compagnonnage_impl")


def test_without_entry_points_only_the_builtin_plugin_loads() -> None:
    pm = get_plugin_manager(entry_points=False)
    assert [i.name for i in pm.list_plugins()] == ["builtin"]
    assert pm.load_errors == ()
    assert len(pm.rules()) == len(compagnonnage.RuleSet.core())


def test_compagnonnage_register_modules_builtin_first_then_by_id(togo: Programme) -> None:
    extra = attrs.evolve(
        CONSULAR_CHAMBER_MODULE, id="aaa-first-by-id", regions=frozenset({RegionRef("SN")})
    )
    other = attrs.evolve(CONSULAR_CHAMBER_MODULE, id="bbb-any-region")

    @hookimpl
    def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
        register(other)
        register(extra)

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("mods", compagnonnage_register_modules=compagnonnage_register_modules)],
    )
    assert [m.id for m in pm.modules()] == ["consular-chamber", "aaa-first-by-id", "bbb-any-region"]
    assert [m.id for m in pm.modules_for(togo)] == ["consular-chamber", "bbb-any-region"]
    assert pm.origin("module", "consular-chamber") == "builtin"
    assert pm.origin("module", "bbb-any-region") == "mods"


def test_compagnonnage_register_trades_feeds_the_rule_context(togo: Programme) -> None:
    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("demo", compagnonnage_register_trades=_register_demo_trades)],
    )
    assert pm.rule_context().nomenclatures == {"demo": frozenset({"BAK"})}
    assert pm.trades()[BAKERY].title.en == "Bakery"
    known = attrs.evolve(togo, scope=attrs.evolve(togo.scope, trades=(BAKERY,)))
    unknown = attrs.evolve(togo, scope=attrs.evolve(togo.scope, trades=(TradeRef("demo", "XXX"),)))
    assert "STG-011" not in pm.check(known).codes
    assert "STG-011" in pm.check(unknown).codes


def test_compagnonnage_register_regions_finds_the_country_of_a_subdivision() -> None:
    togo = RegionProfile(
        region=RegionRef("TG"), title=Text("Togo", "Togo"), term_years=4, renewals=1
    )

    @hookimpl
    def compagnonnage_register_regions(register: Callable[[RegionProfile], None]) -> None:
        register(togo)

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("regions", compagnonnage_register_regions=compagnonnage_register_regions)],
    )
    assert pm.regions() == {RegionRef("TG"): togo}
    assert pm.region_profile(RegionRef("TG", "TG-M")) is togo
    assert pm.region_profile(RegionRef("SN")) is None


def test_compagnonnage_register_catalogues_offers_services_that_fit() -> None:
    priced = Pricing(mode=PricingMode.PRICED, currency="XOF")
    everywhere = Service(
        id="card",
        label=Text("Carte", "Card"),
        domain=compagnonnage.model.Domain.TRADES_REGISTER,
        modality=Modality.ON_SITE,
        pricing=priced,
    )
    bakers = attrs.evolve(
        everywhere, id="ovens", trades=frozenset({BAKERY}), regions=frozenset({RegionRef("TG")})
    )
    catalogue = ServiceCatalogue(
        id="demo-services", title=Text("Services", "Services"), services=(everywhere, bakers)
    )

    @hookimpl
    def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
        register(catalogue)

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[
            _plugin("cat", compagnonnage_register_catalogues=compagnonnage_register_catalogues)
        ],
    )
    assert pm.catalogues() == (catalogue,)
    assert [s.id for _, s in pm.services_for(BAKERY, RegionRef("TG", "TG-M"))] == ["card", "ovens"]
    assert [s.id for _, s in pm.services_for(BAKERY, RegionRef("SN"))] == ["card"]
    assert [s.id for _, s in pm.services_for(TradeRef("demo", "OTHER"))] == ["card"]


@pytest.fixture
def counting_rule() -> tuple[Rule, list[str]]:
    calls: list[str] = []

    @rule("DEMO-001", title=WORDS.message("Title"), severity=Severity.WARNING, origin="whoever")
    def _always(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
        calls.append(p.id)
        yield Breach((p.id,), WORDS.message("always"))

    return _always, calls


def test_compagnonnage_register_rules_collected_once_and_named_after_the_plugin(
    togo: Programme, counting_rule: tuple[Rule, list[str]]
) -> None:
    demo_rule, calls = counting_rule
    hook_calls: list[int] = []

    @hookimpl
    def compagnonnage_register_rules(register: Callable[[Rule], None]) -> None:
        hook_calls.append(1)
        register(demo_rule)

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("demo-rules", compagnonnage_register_rules=compagnonnage_register_rules)],
    )
    for _ in range(3):
        report = pm.check(togo)
    assert hook_calls == [1]
    assert calls == ["tg-2021"] * 3
    (violation,) = [v for v in report if v.code == "DEMO-001"]
    assert violation.origin == "demo-rules"
    assert pm.rules()["DEMO-001"].origin == "demo-rules"
    assert "STG-001" in pm.rules()


def test_compagnonnage_recommend_support_ranks_candidates_across_plugins(togo: Programme) -> None:
    def candidate(score: float, en: str) -> SupportCandidate:
        return SupportCandidate(
            kind="training", title=Text(en, en), score=score, rationale=Text("r", "r")
        )

    @hookimpl
    def compagnonnage_recommend_support(
        recommendation: Recommendation, trade: TradeRef | None, region: RegionRef | None
    ) -> list[SupportCandidate]:
        assert recommendation.id == "consular-chamber/governing-bodies/recommendation"
        assert (trade, region) == (None, RegionRef("TG"))
        return [candidate(0.95, "Top"), candidate(0.1, "Bottom")]

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[
            _plugin("ranker", compagnonnage_recommend_support=compagnonnage_recommend_support)
        ],
    )
    advice = pm.recommend(togo, "consular-chamber/governing-bodies/recommendation")
    assert advice.failures == ()
    ranked = [
        (c.rank, c.plugin, c.candidate.title.en, c.candidate.score) for c in advice.candidates
    ]
    assert ranked[0] == (1, "ranker", "Top", 0.95)
    assert ranked[-1] == (len(ranked), "ranker", "Bottom", 0.1)
    builtin = [c for c in advice.candidates if c.plugin == "builtin"]
    assert {c.candidate.kind for c in builtin} == {"structuring", "training"}
    assert all(c.candidate.dimension_id == "governing-bodies" for c in builtin)
    assert [c.rank for c in advice.candidates] == list(range(1, len(ranked) + 1))


def test_compagnonnage_recommend_support_refuses_an_unknown_recommendation(togo: Programme) -> None:
    with pytest.raises(compagnonnage.UnknownReferenceError, match="no-such"):
        get_plugin_manager(entry_points=False).recommend(togo, "no-such")


def test_compagnonnage_stage_changed_is_told_by_the_manager_lifecycle(togo: Programme) -> None:
    seen: list[tuple[str, Stage, Stage]] = []

    @hookimpl
    def compagnonnage_stage_changed(programme: Programme, entry: HistoryEntry) -> None:
        seen.append((programme.id, entry.from_stage, entry.to_stage))

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("journal", compagnonnage_stage_changed=compagnonnage_stage_changed)],
    )
    life = pm.lifecycle()
    assert isinstance(life, Lifecycle)
    opened = life.open(togo, by="president")
    assert opened.stage is Stage.PREPARATION
    assert seen == [("tg-2021", Stage.DRAFT, Stage.PREPARATION)]
    assert life.rules is pm.rules()
    assert life.context is pm.rule_context()


def test_list_plugins_says_what_each_plugin_implements_and_registered() -> None:
    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("demo", compagnonnage_register_trades=_register_demo_trades)],
    )
    builtin, demo = pm.list_plugins()
    assert builtin.hooks == ("compagnonnage_register_modules",)
    assert dict(builtin.registered) == {"module": ("consular-chamber",)}
    assert demo.name == "demo"
    assert demo.hooks == ("compagnonnage_register_trades",)
    assert dict(demo.registered) == {"nomenclature": ("demo",)}
    assert demo.loaded
    assert demo.error is None


def test_registered_types_lists_classes_defined_by_plugins() -> None:
    @attrs.frozen(kw_only=True)
    class DemoModule(DiagnosticModule):
        """A plugin's own module class."""

    module = DemoModule(
        **{f.name: getattr(CONSULAR_CHAMBER_MODULE, f.name) for f in attrs.fields(DiagnosticModule)}
        | {"id": "demo-module"}
    )

    @hookimpl
    def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
        register(module)

    pm = get_plugin_manager(
        entry_points=False,
        plugins=[_plugin("typed", compagnonnage_register_modules=compagnonnage_register_modules)],
    )
    assert pm.registered_types() == (DemoModule,)
    assert get_plugin_manager(entry_points=False).registered_types() == ()


def test_allow_and_block_lists_choose_entry_points(
    install: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_rules(register):
            pass
    """
    install("demo-alpha", source)
    install("demo-beta", source)

    def names(**kwargs: object) -> list[str]:
        return [i.name for i in get_plugin_manager(**kwargs).list_plugins()]  # type: ignore[arg-type]

    assert names(allow=["demo-alpha", "demo-beta"]) == ["builtin", "demo-alpha", "demo-beta"]
    assert names(allow=["demo-alpha", "demo-beta"], block=["demo-beta"]) == [
        "builtin",
        "demo-alpha",
    ]
    monkeypatch.setenv("COMPAGNONNAGE_PLUGINS", "demo-beta")
    assert names() == ["builtin", "demo-beta"]
    monkeypatch.setenv("COMPAGNONNAGE_PLUGINS", "demo-alpha,demo-beta")
    monkeypatch.setenv("COMPAGNONNAGE_DISABLE_PLUGINS", "demo-alpha")
    assert names() == ["builtin", "demo-beta"]
    assert names(entry_points=False) == ["builtin"]


@hookimpl
def _none(recommendation: Recommendation) -> None:
    return None


def test_trace_logs_every_hook_call(
    togo: Programme, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPAGNONNAGE_TRACE_PLUGINS", "1")
    with caplog.at_level(logging.INFO, logger="compagnonnage.plugins"):
        pm = get_plugin_manager(
            entry_points=False, plugins=(_plugin("ranker", compagnonnage_recommend_support=_none),)
        )
        pm.recommend(togo, "consular-chamber/governing-bodies/recommendation")
    messages = [r.getMessage() for r in caplog.records]
    # pluggy's own call monitoring writes these lines: every call it makes is traced.
    assert any(m.startswith("compagnonnage_register_modules → builtin ok") for m in messages)
    assert any(m.startswith("compagnonnage_recommend_support → ranker ok") for m in messages)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="compagnonnage.plugins"):
        get_plugin_manager(entry_points=False, trace=False)
    assert caplog.records == []


def test_an_entry_point_may_name_an_object_inside_a_module(
    install: Callable[..., str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(
        "demo-object",
        """
        from compagnonnage.plugins import hookimpl

        class _Plugin:
            @hookimpl
            def compagnonnage_register_rules(self, register):
                pass

        class holder:
            plugin = _Plugin()
        """,
        version="4.0.0",
    )
    info = tmp_path / "demo_object-4.0.0.dist-info" / "entry_points.txt"
    info.write_text(
        "# an object, with extras and a comment\n[compagnonnage]\n"
        "demo-object = demo_object:holder.plugin [extra]\n[other]\nx = y\n",
        encoding="utf-8",
    )
    shadowed = tmp_path / "later"
    (shadowed / "demo_object-9.9.9.dist-info").mkdir(parents=True)
    (shadowed / "demo_object-9.9.9.dist-info" / "entry_points.txt").write_text(
        "[compagnonnage]\nshadowed = nowhere\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "path", [*sys.path, str(shadowed)])
    pm = get_plugin_manager(allow=["demo-object", "shadowed"], strict=True)
    (info_,) = [i for i in pm.list_plugins() if i.name == "demo-object"]
    assert (info_.distribution, info_.version) == ("demo-object", "4.0.0")
    assert info_.hooks == ("compagnonnage_register_rules",)
    assert [i.name for i in pm.list_plugins()] == ["builtin", "demo-object"]
