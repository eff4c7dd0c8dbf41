"""The registry of contributions: what plugins registered, whose each item is, and clashes.

The plugin manager hands every item a plugin registered to :meth:`Contributions.of`,
which decides, the same way whatever the load order, what stands: an id of one
kind registered by two plugins (or more) is a :class:`Clash`, and neither keeps
it; an id the core holds stays the core's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs
from attrs import field, frozen

from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import (
    BUILTIN_MODULE_ID,
    QUESTION_KINDS,
    DiagnosticModule,
    select_modules,
)
from compagnonnage.model import Programme, RegionRef, TradeRef
from compagnonnage.registry._types import Nomenclature, RegionProfile, Trade
from compagnonnage.rules import CORE_RULES, Report, Rule, RuleContext, RuleSet

CORE = "core"
"""The owner of what the library itself holds: core rules, core question kinds."""

BUILTIN = "builtin"
"""The name of the built-in plugin, which registers the core's module; it keeps its ids."""

KINDS = ("nomenclature", "region", "module", "catalogue", "service", "rule", "question_kind")
"""Every kind of id that is unique across plugins."""


class Contribution(NamedTuple):
    """One item a plugin registered: its kind, its id, the plugin and the object.

    :ivar kind: one of :data:`KINDS` (``"service"`` and ``"question_kind"`` are
        derived from catalogues and modules).
    :ivar ident: its id (a region's is its ``str``, a question kind's its ``KIND`` tag).
    :ivar plugin: the plugin that registered it, as users see it (its entry-point name).
    :ivar value: the object (a question kind's is its class).
    """

    kind: str
    ident: str
    plugin: str
    value: Any


class Clash(NamedTuple):
    """An id of one kind registered by more than one plugin.

    :ivar kind: the kind of the id (``"catalogue"``, ``"service"`` …).
    :ivar ident: the id.
    :ivar plugins: every plugin that registered it, in load order.
    :ivar kept: who keeps it: :data:`CORE` or :data:`BUILTIN` when the core holds
        it, else ``None``: it is withheld from all of them. Blocking one of the
        plugins (``COMPAGNONNAGE_DISABLE_PLUGINS``) gives it to the other.
    """

    kind: str
    ident: str
    plugins: tuple[str, ...]
    kept: str | None = None


def expand(items: Iterable[Contribution]) -> Iterator[Contribution]:
    """The items with the services of their catalogues and the question kinds of their modules."""
    for item in items:
        yield item
        if isinstance(item.value, ServiceCatalogue):
            for s in item.value.services:
                yield Contribution(kind="service", ident=s.id, plugin=item.plugin, value=s)
        elif isinstance(item.value, DiagnosticModule):
            for cls in {type(q) for q in item.value.questions} - set(QUESTION_KINDS):
                yield Contribution(
                    kind="question_kind", ident=cls.KIND, plugin=item.plugin, value=cls
                )


def _core_items() -> Iterator[Contribution]:
    for r in CORE_RULES:
        yield Contribution(kind="rule", ident=r.code, plugin=CORE, value=r)
    for cls in QUESTION_KINDS:
        yield Contribution(kind="question_kind", ident=cls.KIND, plugin=CORE, value=cls)


def _clashes(items: Iterable[Contribution]) -> tuple[Clash, ...]:
    by_id: dict[tuple[str, str], list[Contribution]] = {}
    for item in items:
        by_id.setdefault((item.kind, item.ident), []).append(item)
    found = []
    for (kind, ident), group in by_id.items():
        plugins = tuple(dict.fromkeys(i.plugin for i in group))
        # One question kind shared by two plugins (one imports the other's class) is no clash.
        distinct = len({id(i.value) for i in group}) if kind == "question_kind" else len(plugins)
        if len(plugins) < 2 or distinct < 2:
            continue
        kept = next((p for p in (CORE, BUILTIN) if p in plugins), None)
        found.append(Clash(kind=kind, ident=ident, plugins=plugins, kept=kept))
    return tuple(sorted(found, key=lambda c: (KINDS.index(c.kind), c.ident)))


def _freeze(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(mapping))


@frozen(eq=False)
class Contributions:
    """What the loaded plugins contribute, each item with its owner; immutable.

    Built by :meth:`of` (the plugin manager does it once all plugins are
    loaded; :meth:`PluginManager.contributions
    <compagnonnage.plugins.PluginManager.contributions>` gives it). Documents,
    reports and the command line read it; it holds no plugin machinery.

    >>> from compagnonnage.registry import Contributions
    >>> empty = Contributions.of(())
    >>> [m.id for m in empty.modules()], len(empty.rules())
    ([], 33)
    """

    _items: Mapping[tuple[str, str], Contribution] = field(alias="items")
    clashes: tuple[Clash, ...]
    """Every id registered by more than one plugin, by kind then id."""
    _rules: RuleSet = field(alias="rules")
    _context: RuleContext = field(alias="context")
    _trades: Mapping[TradeRef, Trade] = field(alias="trades")
    _regions: Mapping[RegionRef, RegionProfile] = field(alias="regions")
    _modules: tuple[DiagnosticModule, ...] = field(alias="modules")

    @classmethod
    def of(cls, items: Iterable[Contribution]) -> Contributions:
        """What stands of ``items`` (in load order): clashing ids withheld, the core's kept.

        A rule's ``origin`` becomes its plugin's name; a clashing service is left
        out of every catalogue holding it; a clashing question kind withholds
        the modules asking it (but the core's).
        """
        given = list(items)
        every = [*_core_items(), *expand(given)]
        clashes = _clashes(every)
        lost = {(c.kind, c.ident) for c in clashes}
        keeps = {(c.kind, c.ident): c.kept for c in clashes}

        def stands(item: Contribution) -> bool:
            key = (item.kind, item.ident)
            return key not in lost or keeps[key] == item.plugin

        lost_services = {i for k, i in lost if k == "service"}
        lost_kinds = {i for k, i in lost if k == "question_kind"}
        standing: dict[tuple[str, str], Contribution] = {}
        for item in given:
            value = item.value
            if not stands(item):
                continue
            if isinstance(value, ServiceCatalogue) and lost_services:
                kept = tuple(
                    s for s in value.services if s.id not in lost_services or stands(_of(s, item))
                )
                value = attrs.evolve(value, services=kept)
            elif isinstance(value, DiagnosticModule) and item.plugin != BUILTIN:
                if any(type(q).KIND in lost_kinds for q in value.questions):
                    continue
            elif isinstance(value, Rule):
                value = attrs.evolve(value, origin=item.plugin)
            standing[(item.kind, item.ident)] = item._replace(value=value)
        for item in expand(list(standing.values())):
            standing.setdefault((item.kind, item.ident), item)

        def values(kind: str) -> list[Any]:
            return [i.value for i in standing.values() if i.kind == kind]

        noms: list[Nomenclature] = values("nomenclature")
        modules: list[DiagnosticModule] = values("module")
        return cls(
            items=_freeze(standing),
            clashes=clashes,
            rules=RuleSet.core().with_rules(*values("rule")),
            context=RuleContext(
                nomenclatures=_freeze({n.id: n.codes for n in noms}),
                modules=_freeze(_dimensions(modules)),
            ),
            trades=_freeze({ref: t for n in noms for ref, t, *_ in n.trades()}),
            regions=_freeze({r.region: r for r in values("region")}),
            modules=tuple(
                sorted(modules, key=lambda m: (m.id != BUILTIN_MODULE_ID, m.id, m.version))
            ),
        )

    def _values(self, kind: str) -> tuple[Any, ...]:
        return tuple(i.value for i in self._items.values() if i.kind == kind)

    def items(self) -> tuple[Contribution, ...]:
        """Every item that stands, in load order, each catalogue's services and each
        module's own question kinds after it (core rules and kinds are not items)."""
        return tuple(self._items.values())

    def origin(self, kind: str, ident: str) -> str | None:
        """The plugin that registered ``ident`` as ``kind`` (``"core"`` for core rules).

        ``None`` when nothing of that kind and id stands (a clash withholds it).
        """
        if kind == "rule" and ident in self._rules and self._rules[ident].origin == CORE:
            return CORE
        held = self._items.get((kind, ident))
        return None if held is None else held.plugin

    def nomenclatures(self) -> tuple[Nomenclature, ...]:
        """The registered nomenclatures, in load order."""
        return self._values("nomenclature")

    def trades(self) -> Mapping[TradeRef, Trade]:
        """Every trade of every registered nomenclature, by reference."""
        return self._trades

    def regions(self) -> Mapping[RegionRef, RegionProfile]:
        """The registered regions and their parameters."""
        return self._regions

    def region_profile(self, region: RegionRef) -> RegionProfile | None:
        """The profile of ``region``, else of its country, else ``None``."""
        return self._regions.get(region) or self._regions.get(RegionRef(region.country))

    def modules(self) -> tuple[DiagnosticModule, ...]:
        """Every registered module: the built-in one first, then by id and version."""
        return self._modules

    def modules_for(self, programme: Programme) -> tuple[DiagnosticModule, ...]:
        """The modules that fit the programme's beneficiary and scope (built-in first)."""
        return select_modules(self._modules, body=programme.beneficiary, scope=programme.scope)

    def catalogues(self) -> tuple[ServiceCatalogue, ...]:
        """The registered service catalogues, in load order."""
        return self._values("catalogue")

    def services_for(
        self, trade: TradeRef | None = None, region: RegionRef | None = None
    ) -> tuple[tuple[ServiceCatalogue, Service], ...]:
        """Every catalogue service that fits ``trade`` and ``region``, with its catalogue."""
        return tuple((c, s) for c in self.catalogues() for s in c.services_for(trade, region))

    def registered_types(self) -> tuple[type, ...]:
        """Classes defined by plugins among what they registered (question kinds included).

        The documents layer uses them to build its converter.
        """
        found: set[type] = set()
        for item in self._items.values():
            found.add(type(item.value))
            if isinstance(item.value, DiagnosticModule):
                found.update(type(q) for q in item.value.questions)
        own = [t for t in found if not t.__module__.startswith("compagnonnage.")]
        return tuple(sorted(own, key=lambda t: (t.__module__, t.__qualname__)))

    def rules(self) -> RuleSet:
        """The core rules and the plugins' rules."""
        return self._rules

    def rule_context(self) -> RuleContext:
        """What rules know beyond the programme: the registered nomenclatures."""
        return self._context

    def check(self, programme: Programme) -> Report:
        """Check ``programme`` against :meth:`rules` with :meth:`rule_context`."""
        return self._rules.check(programme, self._context)


def _of(service: Service, catalogue: Contribution) -> Contribution:
    return Contribution(kind="service", ident=service.id, plugin=catalogue.plugin, value=service)


def _dimensions(modules: Iterable[DiagnosticModule]) -> dict[str, frozenset[str]]:
    """The dimension ids of each module, by module id (every version's, for REF-003)."""
    found: dict[str, frozenset[str]] = {}
    for m in modules:
        found[m.id] = found.get(m.id, frozenset()) | {d.id for d in m.dimensions}
    return found
