"""The registry of contributions: what stands does not depend on load order; the core keeps its own."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
from typing import ClassVar

import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import Catalogue
from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    DiagnosticModule,
    Dimension,
    Text,
    YesNoQuestion,
)
from compagnonnage.example import togo_programme
from compagnonnage.model import Domain, Modality, Pricing, PricingMode
from compagnonnage.plugins import (
    DuplicateRegistrationError,
    PluginHookError,
    PluginWarning,
    get_plugin_manager,
    hookimpl,
)
from compagnonnage.registry import BUILTIN, CORE, Clash, Contribution, Contributions
from compagnonnage.rules import rule

WORDS = Catalogue("compagnonnage_tests", "compagnonnage_tests")
"""A plugin's own catalogue, without translations: its words are English everywhere."""

_PRICED = Pricing(mode=PricingMode.PRICED, currency="XOF")


def _service(ident: str) -> Service:
    return Service(
        id=ident,
        label=Text(ident, ident),
        domain=Domain.COMMUNICATION,
        modality=Modality.REMOTE,
        pricing=_PRICED,
    )


def _catalogue(ident: str, *services: str) -> ServiceCatalogue:
    return ServiceCatalogue(
        id=ident, title=Text(ident, ident), services=tuple(_service(s) for s in services)
    )


# Each plugin registers catalogues from a small pool of ids, so that clashes happen.
_CATALOGUES = st.lists(
    st.tuples(st.sampled_from(["c1", "c2", "c3"]), st.sets(st.sampled_from(["s1", "s2", "s3"]))),
    max_size=2,
    unique_by=lambda c: c[0],
).filter(lambda cats: len(set().union(*(s for _, s in cats))) == sum(len(s) for _, s in cats))
# (one plugin's catalogues never share a service: the manager sets such a plugin aside)
_PLUGINS = st.dictionaries(st.sampled_from(["p", "q", "r"]), _CATALOGUES, max_size=3)


def _items(plugins: dict[str, list[tuple[str, set[str]]]], order: list[str]) -> list[Contribution]:
    return [
        Contribution(kind="catalogue", ident=c, plugin=name, value=_catalogue(c, *sorted(services)))
        for name in order
        for c, services in plugins[name]
    ]


@given(_PLUGINS, st.randoms())
def test_what_stands_does_not_depend_on_the_load_order(
    plugins: dict[str, list[tuple[str, set[str]]]], random: object
) -> None:
    order = sorted(plugins)
    shuffled = list(order)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = Contributions.of(_items(plugins, order))
    second = Contributions.of(_items(plugins, shuffled))
    standing = lambda c: {(i.kind, i.ident, i.plugin) for i in c.items()}  # noqa: E731
    assert standing(first) == standing(second)
    assert {(c.kind, c.ident) for c in first.clashes} == {(c.kind, c.ident) for c in second.clashes}


@given(_PLUGINS)
def test_an_id_stands_once_or_not_at_all_and_each_clash_is_withheld(
    plugins: dict[str, list[tuple[str, set[str]]]],
) -> None:
    c = Contributions.of(_items(plugins, sorted(plugins)))
    owners: dict[tuple[str, str], set[str]] = {}
    for name, catalogues in plugins.items():
        for cat, services in catalogues:
            owners.setdefault(("catalogue", cat), set()).add(name)
            for s in services:
                owners.setdefault(("service", s), set()).add(name)
    clashing = {key for key, names in owners.items() if len(names) > 1}
    assert {(x.kind, x.ident) for x in c.clashes} == clashing
    assert all(x.kept is None and len(x.plugins) > 1 for x in c.clashes)
    held = [s.id for cat in c.catalogues() for s in cat.services]
    assert len(held) == len(set(held))
    for kind, ident in clashing:
        assert c.origin(kind, ident) is None
    for (kind, ident), names in owners.items():
        if kind == "catalogue" and (kind, ident) not in clashing:
            assert c.origin(kind, ident) == next(iter(names))


def test_the_core_keeps_its_rule_codes_and_its_module_id() -> None:
    mine = rule("STG-001", title=WORDS.message("Other"))(lambda p, ctx: ())
    c = Contributions.of(
        [
            Contribution(
                kind="module",
                ident=CONSULAR_CHAMBER_MODULE.id,
                plugin=BUILTIN,
                value=CONSULAR_CHAMBER_MODULE,
            ),
            Contribution(
                kind="module",
                ident=CONSULAR_CHAMBER_MODULE.id,
                plugin="x",
                value=CONSULAR_CHAMBER_MODULE,
            ),
            Contribution(kind="rule", ident="STG-001", plugin="x", value=mine),
        ]
    )
    assert c.clashes == (
        Clash(kind="module", ident="consular-chamber", plugins=(BUILTIN, "x"), kept=BUILTIN),
        Clash(kind="rule", ident="STG-001", plugins=(CORE, "x"), kept=CORE),
    )
    assert c.origin("module", "consular-chamber") == BUILTIN
    assert c.origin("rule", "STG-001") == CORE
    assert c.rules()["STG-001"].check is not mine.check


def test_a_plugin_claiming_a_core_rule_code_keeps_the_rest_of_what_it_registered() -> None:
    mine = rule("STG-001", title=WORDS.message("Other"))(lambda p, ctx: ())
    plugin = types.ModuleType("claimer")

    @hookimpl
    def compagnonnage_register_rules(register: object) -> None:
        register(mine)  # type: ignore[operator]

    @hookimpl
    def compagnonnage_register_catalogues(register: object) -> None:
        register(_catalogue("claimer-services", "claimer-card"))  # type: ignore[operator]

    plugin.compagnonnage_register_rules = compagnonnage_register_rules  # type: ignore[attr-defined]
    plugin.compagnonnage_register_catalogues = compagnonnage_register_catalogues  # type: ignore[attr-defined]
    with pytest.warns(PluginWarning, match='rule "STG-001" belongs to "core"'):
        pm = get_plugin_manager(entry_points=False, plugins=(plugin,))
    assert pm.origin("rule", "STG-001") == "core"
    assert pm.origin("catalogue", "claimer-services") == "claimer"
    with pytest.raises(DuplicateRegistrationError, match="STG-001"):
        get_plugin_manager(entry_points=False, strict=True, plugins=(plugin,))


def _module_with(ident: str, question: type[YesNoQuestion]) -> DiagnosticModule:
    return DiagnosticModule(
        id=ident,
        version="1",
        title=Text(ident, ident),
        dimensions=(
            Dimension(
                id="dim",
                theme=Text("Thème", "Theme"),
                title=Text("Titre", "Title"),
                levels=[("un", "one"), ("deux", "two"), ("trois", "three"), ("quatre", "four")],
            ),
        ),
        questions=(question(id="q", dimension_id="dim", text=Text("Q", "Q")),),
    )


def test_two_question_kinds_with_one_tag_withhold_the_modules_asking_them() -> None:
    # Defined here, and collected after: documents refuse two live classes with one tag.
    @frozen(kw_only=True)
    class _Shout(YesNoQuestion):
        KIND: ClassVar[str] = "shout"

    @frozen(kw_only=True)
    class _OtherShout(YesNoQuestion):
        KIND: ClassVar[str] = "shout"

    one, two = _module_with("one", _Shout), _module_with("two", _OtherShout)
    same = _module_with("same", _Shout)
    c = Contributions.of(
        [
            Contribution(kind="module", ident="one", plugin="p", value=one),
            Contribution(kind="module", ident="same", plugin="q", value=same),
            Contribution(kind="module", ident="two", plugin="r", value=two),
        ]
    )
    (clash,) = c.clashes
    assert (clash.kind, clash.ident, clash.plugins) == ("question_kind", "shout", ("p", "q", "r"))
    assert [m.id for m in c.modules()] == []
    # One class shared by two plugins is no clash.
    shared = Contributions.of(
        [
            Contribution(kind="module", ident="one", plugin="p", value=one),
            Contribution(kind="module", ident="same", plugin="q", value=same),
        ]
    )
    assert shared.clashes == ()
    assert [m.id for m in shared.modules()] == ["one", "same"]
    del _Shout, _OtherShout, one, two, same, c, shared
    gc.collect()


def test_a_plugin_rule_that_raises_is_left_out_and_named_an_error_in_strict_mode() -> None:
    @rule("ZZ-001", title=WORDS.message("Breaks"))
    def breaks(programme: object, context: object) -> tuple[()]:
        raise ZeroDivisionError("no rule today")

    plugin = types.ModuleType("breaker")

    @hookimpl
    def compagnonnage_register_rules(register: object) -> None:
        register(breaks)  # type: ignore[operator]

    plugin.compagnonnage_register_rules = compagnonnage_register_rules  # type: ignore[attr-defined]
    relaxed = get_plugin_manager(entry_points=False, plugins=(plugin,))
    report = relaxed.check(togo_programme())  # the other rules' results stand
    assert report.codes == get_plugin_manager(entry_points=False).check(togo_programme()).codes
    (failure,) = relaxed.failures
    assert (failure.plugin, str(failure.hook)) == ("breaker", "rule ZZ-001")
    pm = get_plugin_manager(entry_points=False, strict=True, plugins=(plugin,))
    with pytest.raises(PluginHookError) as caught:
        pm.check(togo_programme())
    assert (caught.value.plugin, str(caught.value.hook)) == ("breaker", "rule ZZ-001")
    assert "raised ZeroDivisionError: no rule today" in str(caught.value)
    assert caught.value.location is not None
    assert caught.value.location.endswith(f"test_registry.py:{_line('no rule today')}")
    assert pm.failures == (caught.value,)


def _line(text: str) -> int:
    with open(__file__, encoding="utf-8") as f:
        return next(i for i, line in enumerate(f, 1) if text in line and "raise" in line)


def test_documents_read_plugin_types_without_pluggy_or_the_manager() -> None:
    code = (
        "import sys, compagnonnage.documents, compagnonnage.registry; "
        "print(sorted(m for m in ('pluggy', 'compagnonnage.plugins') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_loading_plugins_imports_neither_scoring_nor_what_only_recommending_needs() -> None:
    code = (
        "import sys; from compagnonnage.plugins import get_plugin_manager; "
        "get_plugin_manager(entry_points=False, strict=True); "
        "lazy = ('compagnonnage.diagnostics._scoring', 'compagnonnage.plugins._candidates', "
        "'compagnonnage.plugins._support', 'logging', 'difflib'); "
        "print(sorted(m for m in lazy if m in sys.modules)); "
        "from compagnonnage.plugins import SupportCandidate; from compagnonnage.diagnostics import score; "
        "print(SupportCandidate.__module__, score.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == [
        "[]",
        "compagnonnage.plugins._candidates compagnonnage.diagnostics._scoring",
    ]


def test_a_long_lived_manager_remembers_the_last_thousand_failures() -> None:
    plugin = types.ModuleType("noisy")
    seen: list[int] = []

    @hookimpl
    def compagnonnage_stage_changed(entry: object) -> None:
        seen.append(len(seen))
        raise RuntimeError(f"call {len(seen)}")

    plugin.compagnonnage_stage_changed = compagnonnage_stage_changed  # type: ignore[attr-defined]
    pm = get_plugin_manager(entry_points=False, plugins=(plugin,))
    programme = togo_programme()
    for _ in range(1005):
        pm.notify_stage_changed(programme, programme.history[-1])
    assert len(seen) == 1005
    assert len(pm.failures) == 1000
    assert "call 1005" in str(pm.failures[-1])
    assert "call 6" in str(pm.failures[0])
