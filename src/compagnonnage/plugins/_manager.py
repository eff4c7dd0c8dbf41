"""The plugin-manager factory, the fault-tolerant loader and the typed façade over ``pm.hook``."""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs
import pluggy

from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import BUILTIN_MODULE_ID, DiagnosticModule, select_modules
from compagnonnage.errors import UnknownReferenceError
from compagnonnage.lifecycle import Lifecycle
from compagnonnage.model import HistoryEntry, Programme, RegionRef, TradeRef
from compagnonnage.plugins import _builtin, _discovery, hookspecs
from compagnonnage.plugins._errors import (
    DuplicateRegistrationError,
    PluginError,
    PluginHookError,
    PluginImportError,
    PluginRegistrationError,
    PluginValidationError,
    PluginWarning,
)
from compagnonnage.plugins._types import (
    Nomenclature,
    PluginInfo,
    RankedCandidate,
    RegionProfile,
    SupportCandidate,
    SupportRecommendations,
    Trade,
)
from compagnonnage.rules import CORE_RULES, Report, Rule, RuleContext, RuleSet

GROUP = hookspecs.PROJECT
"""The entry-point group plugins declare: ``[project.entry-points.compagnonnage]``."""

_PREFIX = "compagnonnage_"
_TRUE = frozenset({"1", "true", "yes", "on"})

# hook name → (kind of object, its class, its key)
_REGISTRATIONS: dict[str, tuple[str, type, Callable[[Any], str]]] = {
    "compagnonnage_register_trades": ("nomenclature", Nomenclature, lambda n: n.id),
    "compagnonnage_register_regions": ("region", RegionProfile, lambda r: str(r.region)),
    "compagnonnage_register_modules": ("module", DiagnosticModule, lambda m: m.id),
    "compagnonnage_register_catalogues": ("catalogue", ServiceCatalogue, lambda c: c.id),
    "compagnonnage_register_rules": ("rule", Rule, lambda r: r.code),
}


def _flag(variable: str) -> bool:
    return os.environ.get(variable, "").strip().lower() in _TRUE


def _names(variable: str) -> frozenset[str] | None:
    raw = os.environ.get(variable)
    if raw is None:
        return None
    return frozenset(n.strip() for n in raw.split(",") if n.strip())


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


class _Origin(NamedTuple):
    name: str
    distribution: str | None = None
    version: str | None = None


class _Registrar:
    """The ``register`` callback a registration hook receives: checks the type, stages."""

    __slots__ = ("hook", "origin", "problems", "spec", "staged")

    def __init__(
        self,
        *,
        origin: _Origin,
        hook: str,
        spec: tuple[str, type, Callable[[Any], str]],
        staged: list[tuple[str, str, Any]],
        problems: list[PluginRegistrationError],
    ) -> None:
        self.origin = origin
        self.hook = hook
        self.spec = spec
        self.staged = staged
        self.problems = problems

    def __call__(self, obj: object) -> None:
        kind, cls, key_of = self.spec
        if not isinstance(obj, cls):
            problem = PluginRegistrationError(
                self.origin.name,
                f"{self.hook} registered {obj!r}: expected a {cls.__name__}",
                fr=f"{self.hook} a enregistré {obj!r} : attendu un objet {cls.__name__}",
                distribution=self.origin.distribution,
                version=self.origin.version,
            )
            self.problems.append(problem)
            raise problem
        self.staged.append((kind, key_of(obj), obj))


class PluginManager:
    """The typed façade over the plugins: what they registered, and one method per hook.

    Build it with :func:`get_plugin_manager`; each call gives an independent
    manager. Everything plugins register is validated and collected once, when
    the manager is built; afterwards the manager does not change.
    """

    def __init__(self, *, strict: bool, trace: bool) -> None:
        self._strict = strict
        self._trace = trace
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._spec_names = frozenset(n for n in vars(hookspecs) if n.startswith(_PREFIX))
        self._origins: dict[str, _Origin] = {}
        self._infos: list[PluginInfo] = []
        self._owner: dict[tuple[str, str], str] = {("rule", r.code): "core" for r in CORE_RULES}
        self._objects: dict[str, dict[str, Any]] = {k: {} for k, _, _ in _REGISTRATIONS.values()}
        self._rules = RuleSet.core()
        self._context = RuleContext()
        self._trades: Mapping[TradeRef, Trade] = MappingProxyType({})
        self._regions: Mapping[RegionRef, RegionProfile] = MappingProxyType({})
        self._modules: tuple[DiagnosticModule, ...] = ()

    # -- building ----------------------------------------------------------------------

    def _fail(self, error: PluginError, hooks: tuple[str, ...] = ()) -> None:
        self._infos.append(
            PluginInfo(
                name=error.plugin,
                distribution=error.distribution,
                version=error.version,
                hooks=hooks,
                registered=MappingProxyType({}),
                error=error,
            )
        )
        if self._strict:
            raise error
        warnings.warn(str(error), PluginWarning, stacklevel=4)

    def _load_entry_point(self, ep: _discovery.EntryPoint) -> None:
        origin = _Origin(ep.name, ep.distribution, ep.version)
        try:
            plugin = ep.load()
        except Exception as exc:
            error = PluginImportError(
                ep.name,
                f"cannot import {ep.value!r}: {type(exc).__name__}: {exc}",
                fr=f"import de {ep.value!r} impossible : {type(exc).__name__}: {exc}",
                distribution=origin.distribution,
                version=origin.version,
            )
            error.__cause__ = exc
            self._fail(error)
            return
        self._add(plugin, origin)

    def _add(self, plugin: object, origin: _Origin) -> None:
        """Register, validate and collect one plugin; on any problem, set it aside whole."""
        name = origin.name
        if name in self._origins:
            held = self._origins[name]
            self._fail(
                PluginValidationError(
                    name,
                    f"the name is already taken by {held.distribution or 'another plugin'}",
                    fr=f"le nom est déjà pris par {held.distribution or 'une autre extension'}",
                    distribution=origin.distribution,
                    version=origin.version,
                )
            )
            return
        self._origins[name] = origin
        hooks: tuple[str, ...] = ()
        try:
            self._register(plugin, name)
            hooks = self._hooks_of(name)
            staged = self._collect(name)
            registered = self._merge(name, staged)
        except PluginError as error:
            if self._pm.get_plugin(name) is not None:
                self._pm.unregister(name=name)
            del self._origins[name]
            self._fail(error, hooks)
            return
        self._infos.append(
            PluginInfo(
                name=name,
                distribution=origin.distribution,
                version=origin.version,
                hooks=hooks,
                registered=MappingProxyType(registered),
            )
        )

    def _invalid(self, name: str, problem: str, fr: str) -> PluginValidationError:
        o = self._origins[name]
        return PluginValidationError(
            name, problem, fr=fr, distribution=o.distribution, version=o.version
        )

    def _register(self, plugin: object, name: str) -> None:
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise self._invalid(name, str(exc), f"refusée par pluggy : {exc}") from exc
        for attr in sorted(dir(plugin)):
            if not attr.startswith(_PREFIX) or not callable(getattr(plugin, attr)):
                continue
            if attr not in self._spec_names:
                known = ", ".join(sorted(self._spec_names))
                raise self._invalid(
                    name,
                    f"{attr} is not a hook; known hooks: {known}",
                    f"{attr} n'est pas un point d'accroche ; ceux qui existent : {known}",
                )
            if self._pm.parse_hookimpl_opts(plugin, attr) is None:
                raise self._invalid(
                    name,
                    f"{attr} is not marked with @hookimpl",
                    f"{attr} n'est pas marquée @hookimpl",
                )
        try:
            self._pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise self._invalid(name, str(exc), f"refusée par pluggy : {exc}") from exc
        for caller in self._pm.get_hookcallers(plugin) or ():
            if caller.spec is None:
                raise self._invalid(
                    name,
                    f"{caller.name} is not a hook",
                    f"{caller.name} n'est pas un point d'accroche",
                )
            for impl in self._impls(caller.name, name):
                if impl.hookwrapper or impl.wrapper:
                    raise self._invalid(
                        name,
                        f"{caller.name}: hook wrappers are not supported",
                        f"{caller.name} : les enveloppes (wrappers) ne sont pas prises en charge",
                    )
                if impl.kwargnames:
                    raise self._invalid(
                        name,
                        f"{caller.name}: parameters {', '.join(impl.kwargnames)} have default "
                        "values, which pluggy never fills; remove the defaults",
                        f"{caller.name} : les paramètres {', '.join(impl.kwargnames)} ont des "
                        "valeurs par défaut, que pluggy ne remplit jamais ; retirez-les",
                    )

    def _hooks_of(self, name: str) -> tuple[str, ...]:
        plugin = self._pm.get_plugin(name)
        return tuple(sorted(c.name for c in self._pm.get_hookcallers(plugin) or ()))

    def _impls(self, hook: str, plugin: str | None = None) -> list[pluggy.HookImpl]:
        """The implementations of ``hook`` in load order (of ``plugin`` only, if given)."""
        caller = getattr(self._pm.hook, hook)
        impls = caller.get_hookimpls()
        return [i for i in impls if plugin is None or i.plugin_name == plugin]

    def _call(self, impl: pluggy.HookImpl, hook: str, **kwargs: Any) -> Any:
        args = [kwargs[a] for a in impl.argnames]
        if not self._trace:
            return impl.function(*args)
        import logging

        start = time.perf_counter()
        try:
            return impl.function(*args)
        finally:
            logging.getLogger("compagnonnage.plugins").info(
                "%s → %s (%.3f ms)", hook, impl.plugin_name, 1000 * (time.perf_counter() - start)
            )

    def _collect(self, name: str) -> list[tuple[str, str, Any]]:
        o = self._origins[name]
        staged: list[tuple[str, str, Any]] = []
        for hook, spec in _REGISTRATIONS.items():
            problems: list[PluginRegistrationError] = []
            register = _Registrar(origin=o, hook=hook, spec=spec, staged=staged, problems=problems)
            for impl in self._impls(hook, name):
                try:
                    self._call(impl, hook, register=register)
                except Exception as exc:
                    if problems:
                        raise problems[0] from None
                    raise PluginRegistrationError(
                        name,
                        f"{hook} raised {type(exc).__name__}: {exc}",
                        fr=f"{hook} a levé {type(exc).__name__}: {exc}",
                        distribution=o.distribution,
                        version=o.version,
                    ) from exc
                if problems:
                    raise problems[0]
        return staged

    def _merge(self, name: str, staged: list[tuple[str, str, Any]]) -> dict[str, tuple[str, ...]]:
        o = self._origins[name]
        mine: dict[tuple[str, str], str] = {}
        for kind, key, _ in staged:
            first = self._owner.get((kind, key)) or mine.get((kind, key))
            if first is not None:
                raise DuplicateRegistrationError(
                    name,
                    kind=kind,
                    ident=key,
                    first=first,
                    distribution=o.distribution,
                    version=o.version,
                )
            mine[(kind, key)] = name
        self._owner.update(mine)
        registered: dict[str, list[str]] = {}
        for kind, key, obj in staged:
            value = attrs.evolve(obj, origin=name) if kind == "rule" else obj
            self._objects[kind][key] = value
            registered.setdefault(kind, []).append(key)
        return {k: tuple(sorted(v)) for k, v in sorted(registered.items())}

    def _seal(self) -> None:
        plugin_rules: Iterable[Rule] = self._objects["rule"].values()
        self._rules = RuleSet.core().with_rules(*plugin_rules)
        noms: dict[str, Nomenclature] = self._objects["nomenclature"]
        dimensions: dict[str, frozenset[str]] = {}
        for m in self._objects["module"].values():
            dimensions[m.id] = dimensions.get(m.id, frozenset()) | {d.id for d in m.dimensions}
        self._context = RuleContext(
            nomenclatures=MappingProxyType({n.id: n.codes for n in noms.values()})
            if noms
            else None,
            modules=MappingProxyType(dimensions),
        )
        self._trades = MappingProxyType(
            {ref: t for n in noms.values() for ref, t, *_ in n.trades()}
        )
        self._regions = MappingProxyType({r.region: r for r in self._objects["region"].values()})
        modules: Iterable[DiagnosticModule] = self._objects["module"].values()
        self._modules = tuple(
            sorted(modules, key=lambda m: (m.id != BUILTIN_MODULE_ID, m.id, m.version))
        )

    # -- what plugins registered -------------------------------------------------------

    def list_plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin seen, in load order: name, version, hooks, registrations, load error."""
        return tuple(self._infos)

    @property
    def load_errors(self) -> tuple[PluginError, ...]:
        """The errors of the plugins that were set aside, in load order."""
        return tuple(i.error for i in self._infos if i.error is not None)

    def origin(self, kind: str, ident: str) -> str | None:
        """The plugin that registered ``ident`` as ``kind`` (``"core"`` for core rules)."""
        return self._owner.get((kind, ident))

    def nomenclatures(self) -> tuple[Nomenclature, ...]:
        """The registered nomenclatures, in load order."""
        return tuple(self._objects["nomenclature"].values())

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
        return tuple(self._objects["catalogue"].values())

    def services_for(
        self, trade: TradeRef | None = None, region: RegionRef | None = None
    ) -> tuple[tuple[ServiceCatalogue, Service], ...]:
        """Every catalogue service that fits ``trade`` and ``region``, with its catalogue."""
        return tuple((c, s) for c in self.catalogues() for s in c.services_for(trade, region))

    def registered_types(self) -> tuple[type, ...]:
        """Classes defined by plugins among what they registered (question kinds included).

        The documents layer uses them to build its converter after plugins load.
        """
        found: set[type] = set()
        for objects in self._objects.values():
            for obj in objects.values():
                found.add(type(obj))
                if isinstance(obj, DiagnosticModule):
                    found.update(type(q) for q in obj.questions)
        own = [t for t in found if not t.__module__.startswith("compagnonnage.")]
        return tuple(sorted(own, key=lambda t: (t.__module__, t.__qualname__)))

    # -- rules and lifecycle -----------------------------------------------------------

    def rules(self) -> RuleSet:
        """The core rules and the plugins' rules, collected when the manager was built."""
        return self._rules

    def rule_context(self) -> RuleContext:
        """What rules know beyond the programme: the registered nomenclatures and modules."""
        return self._context

    def check(self, programme: Programme) -> Report:
        """Check ``programme`` against :meth:`rules` with :meth:`rule_context`."""
        return self._rules.check(programme, self._context)

    def lifecycle(self) -> Lifecycle:
        """A :class:`~compagnonnage.lifecycle.Lifecycle` with these rules and context.

        Its listener tells plugins of each stage change; a failing plugin is
        reported as a :class:`PluginWarning` (raised in strict mode) and the
        others are still told.
        """
        return Lifecycle(rules=self._rules, context=self._context, listeners=(self._on_stage,))

    def _on_stage(self, programme: Programme, entry: HistoryEntry) -> None:
        for failure in self.notify_stage_changed(programme, entry):
            warnings.warn(str(failure), PluginWarning, stacklevel=2)

    # -- hooks called on demand -----------------------------------------------------------

    def _hook_failure(
        self, impl: pluggy.HookImpl, hook: str, problem: str, fr: str
    ) -> PluginHookError:
        o = self._origins[impl.plugin_name]
        return PluginHookError(
            impl.plugin_name, hook, problem, fr=fr, distribution=o.distribution, version=o.version
        )

    def _raise_strict(self, failures: list[PluginHookError]) -> None:
        if self._strict and failures:
            raise failures[0]

    def _call_each(
        self, hook: str, **kwargs: Any
    ) -> tuple[list[tuple[str, Any]], list[PluginHookError]]:
        results: list[tuple[str, Any]] = []
        failures: list[PluginHookError] = []
        for impl in self._impls(hook):
            try:
                results.append((impl.plugin_name, self._call(impl, hook, **kwargs)))
            except Exception as exc:
                failure = self._hook_failure(
                    impl,
                    hook,
                    f"raised {type(exc).__name__}: {exc}",
                    f"a levé {type(exc).__name__}: {exc}",
                )
                failure.__cause__ = exc
                failures.append(failure)
        return results, failures

    def recommend(self, programme: Programme, recommendation_id: str) -> SupportRecommendations:
        """Ranked support actions the plugins propose for a recommendation of the diagnostic.

        The trade is the recommendation's; the region is the recommendation's,
        else the beneficiary's. A plugin that raises or returns something else
        than :class:`SupportCandidate` objects is reported in ``failures`` (raised
        in strict mode); the others' candidates stand.

        :raises UnknownReferenceError: the diagnostic holds no such recommendation.
        """
        found = [r for r in programme.diagnostic.recommendations if r.id == recommendation_id]
        if not found:
            raise UnknownReferenceError("recommendation", recommendation_id, programme.id)
        rec = found[0]
        region = rec.region if rec.region is not None else programme.beneficiary.region
        hook = "compagnonnage_recommend_support"
        results, failures = self._call_each(
            hook, programme=programme, recommendation=rec, trade=rec.trade, region=region
        )
        pooled: list[tuple[str, SupportCandidate]] = []
        for plugin, result in results:
            got = () if result is None else result
            items = tuple(got) if isinstance(got, (tuple, list)) else None
            if items is None or not all(isinstance(c, SupportCandidate) for c in items):
                impl = self._impls(hook, plugin)[0]
                failures.append(
                    self._hook_failure(
                        impl,
                        hook,
                        f"returned {result!r}: expected SupportCandidate objects",
                        f"a rendu {result!r} : attendu des objets SupportCandidate",
                    )
                )
                continue
            pooled.extend((plugin, c) for c in items)
        self._raise_strict(failures)
        pooled.sort(key=lambda pc: (-pc[1].score, pc[0], pc[1].title.en))
        return SupportRecommendations(
            recommendation_id=rec.id,
            trade=rec.trade,
            region=region,
            candidates=tuple(
                RankedCandidate(rank=i, plugin=p, candidate=c) for i, (p, c) in enumerate(pooled, 1)
            ),
            failures=tuple(failures),
        )

    def notify_stage_changed(
        self, programme: Programme, entry: HistoryEntry
    ) -> tuple[PluginHookError, ...]:
        """Tell every plugin that ``programme`` changed stage; return the failures.

        :raises PluginHookError: in strict mode, the first failure.
        """
        _, failures = self._call_each(
            "compagnonnage_stage_changed", programme=programme, entry=entry
        )
        self._raise_strict(failures)
        return tuple(failures)


def get_plugin_manager(
    *,
    entry_points: bool = True,
    strict: bool | None = None,
    allow: Iterable[str] | None = None,
    block: Iterable[str] | None = None,
    plugins: Iterable[object] = (),
    trace: bool | None = None,
) -> PluginManager:
    """Build a fresh :class:`PluginManager`: the built-in plugin, entry points, then ``plugins``.

    Each entry point of the ``compagnonnage`` group is loaded on its own, in
    name order: one that fails to import, fails validation or fails while
    registering is set aside whole, recorded with its distribution and version
    (:attr:`PluginManager.load_errors`), and reported by a :class:`PluginWarning`;
    the others still load.

    :param entry_points: load installed plugins (off in tests that want only ``plugins``).
    :param strict: raise the first plugin error instead of warning; default from
        ``COMPAGNONNAGE_STRICT_PLUGINS=1``.
    :param allow: load only these entry points (by entry-point or distribution
        name); default from ``COMPAGNONNAGE_PLUGINS`` (comma-separated).
    :param block: never load these entry points; default from
        ``COMPAGNONNAGE_DISABLE_PLUGINS`` (comma-separated).
    :param plugins: plugin objects (modules or instances) to register after the
        entry points, named after their ``__name__``.
    :param trace: log every hook call to the ``compagnonnage.plugins`` logger;
        default from ``COMPAGNONNAGE_TRACE_PLUGINS=1``.
    """
    manager = PluginManager(
        strict=_flag("COMPAGNONNAGE_STRICT_PLUGINS") if strict is None else strict,
        trace=_flag("COMPAGNONNAGE_TRACE_PLUGINS") if trace is None else trace,
    )
    manager._add(_builtin, _Origin(_builtin.NAME))
    if entry_points:
        allowed = _names("COMPAGNONNAGE_PLUGINS") if allow is None else frozenset(allow)
        blocked = (
            (_names("COMPAGNONNAGE_DISABLE_PLUGINS") or frozenset())
            if block is None
            else frozenset(block)
        )
        for ep in sorted(_discovery.entry_points(GROUP), key=lambda e: (e.name, e.value)):
            names = {ep.name, ep.distribution or ep.name}
            if (allowed is not None and names.isdisjoint(allowed)) or not names.isdisjoint(blocked):
                continue
            manager._load_entry_point(ep)
    for plugin in plugins:
        manager._add(plugin, _Origin(_name_of(plugin)))
    manager._seal()
    return manager
