"""The plugin-manager factory, the fault-tolerant loader and the typed façade over ``pm.hook``.

The manager loads plugins and calls them; what they registered goes, with its
owner, to the :class:`~compagnonnage.registry.Contributions` it builds once.
Every call goes through pluggy's ``HookCaller`` (its order, ``tryfirst`` and
``trylast``, its tracing); each implementation is registered behind the guard
of :mod:`compagnonnage.plugins._guard`, so one that fails is reported while
the others' results stand.
"""

from __future__ import annotations

import collections
import inspect
import os
import reprlib
import time
import types
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from compagnonnage._i18n import SOURCE_LANGUAGE, Message, _
from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.errors import UnknownReferenceError
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
from compagnonnage.plugins._guard import Origin, Outcome, failure, guarded
from compagnonnage.plugins._types import PluginInfo
from compagnonnage.registry import (
    BUILTIN,
    Clash,
    Contribution,
    Contributions,
    Nomenclature,
    RegionProfile,
    Trade,
)
from compagnonnage.registry._contributions import expand
from compagnonnage.rules import Breach, Report, Rule, RuleContext, RuleSet

if TYPE_CHECKING:
    from compagnonnage.diagnostics import Answer, DiagnosticResult
    from compagnonnage.lifecycle import Lifecycle
    from compagnonnage.plugins._candidates import SupportCandidate, SupportRecommendations

GROUP = hookspecs.PROJECT
"""The entry-point group plugins declare: ``[project.entry-points.compagnonnage]``."""

_PREFIX = f"{hookspecs.PROJECT}_"
_TRUE = frozenset({"1", "true", "yes", "on"})
_SHOWN = 80
_KEPT = 1000  # failures remembered: a long-lived manager must not grow without bound


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


def _did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """The known name closest to ``word``, if one is close enough."""
    import difflib  # only when a name is misspelled: it costs a tenth of loading plugins

    close = difflib.get_close_matches(word, list(known), n=1)
    return close[0] if close else None


def _wrapper_refused(hook: str, opts: Mapping[str, Any]) -> Message:
    """Why a hook wrapper is refused, naming the option the plugin used.

    pluggy would give a wrapper the results of every other implementation to
    read and replace; here each implementation is called behind its own guard,
    so that a failing plugin is named and the others' results stand, and each
    result stays attributed to its plugin. A wrapper would see the guard's
    outcomes, not the plugins' results, and could drop or alter another plugin's
    contribution: it is refused, with the supported way to run first or last.
    """
    option = "hookwrapper=True" if opts.get("hookwrapper") else "wrapper=True"
    return _(
        "{hook}: @hookimpl({option}) is refused: each implementation is called on its own, "
        "behind a guard, so that a failing plugin leaves the others' results standing, "
        "and a wrapper would read and replace other plugins' results; to run before or "
        "after the others, use @hookimpl(tryfirst=True) or @hookimpl(trylast=True)",
        hook=hook,
        option=option,
    )


_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxlist, _BRIEF.maxtuple, _BRIEF.maxdict = 2, 4, 4, 4
_BRIEF.maxstring = _BRIEF.maxother = 40


def _shown(obj: object) -> str:
    """An object a plugin handed over, shown briefly (a bounded repr)."""
    text = _BRIEF.repr(obj)
    return text if len(text) <= _SHOWN else text[:_SHOWN] + " …"


class _Registrar:
    """The ``register`` callback a registration hook receives: checks the type, stages."""

    __slots__ = ("hook", "origin", "problems", "spec", "staged")

    def __init__(
        self,
        *,
        origin: Origin,
        hook: str,
        spec: hookspecs.Registration,
        staged: list[Contribution],
        problems: list[PluginRegistrationError],
    ) -> None:
        self.origin = origin
        self.hook = hook
        self.spec = spec
        self.staged = staged
        self.problems = problems

    def __call__(self, obj: object) -> None:
        if not isinstance(obj, self.spec.cls):
            expected = self.spec.cls.__name__
            problem = PluginRegistrationError(
                self.origin.name,
                _(
                    "{hook} registered {registered}: expected a {expected}",
                    hook=self.hook,
                    registered=_shown(obj),
                    expected=expected,
                ),
                distribution=self.origin.distribution,
                version=self.origin.version,
            )
            self.problems.append(problem)
            raise problem
        self.staged.append(
            Contribution(
                kind=self.spec.kind,
                ident=self.spec.ident(obj),
                plugin=self.origin.name,
                value=obj,
            )
        )


class _Tracer:
    """Logs every hook call pluggy makes, through ``pm.add_hookcall_monitoring``."""

    def __init__(self) -> None:
        import logging  # only when tracing: it costs a tenth of loading plugins

        self._log = logging.getLogger("compagnonnage.plugins")
        self._starts: list[float] = []

    def before(
        self, hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
    ) -> None:
        self._starts.append(time.perf_counter())

    def after(
        self,
        outcome: pluggy.Result[Any],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        elapsed = 1000 * (time.perf_counter() - self._starts.pop())
        got = outcome.get_result() if outcome.exception is None else []
        said = ", ".join(
            f"{o.plugin} {'failed' if o.failure else 'ok'}" for o in got if isinstance(o, Outcome)
        )
        self._log.info("%s → %s (%.3f ms)", hook, said or "nobody", elapsed)


class PluginManager:
    """The typed façade over the plugins: loading them, calling them, what they registered.

    Build it with :func:`get_plugin_manager`; each call gives an independent
    manager. Everything plugins register is validated and collected once, when
    the manager is built, into :attr:`contributions`; afterwards the manager
    does not change. The reading methods (:meth:`modules`, :meth:`catalogues` …)
    are those of :attr:`contributions`.
    """

    def __init__(self, *, strict: bool, trace: bool) -> None:
        self._strict = strict
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        if trace:
            tracer = _Tracer()
            self._pm.add_hookcall_monitoring(tracer.before, tracer.after)
        self._origins: dict[str, Origin] = {}
        self._infos: list[PluginInfo] = []
        self._items: list[Contribution] = []
        self._contributions: Contributions  # built once, by _seal
        self._clash_errors: tuple[DuplicateRegistrationError, ...] = ()
        self._failures: collections.deque[PluginHookError] = collections.deque(maxlen=_KEPT)

    # -- building ----------------------------------------------------------------------

    def _fail(self, error: PluginError, hooks: tuple[str, ...] = ()) -> None:
        self._infos.append(
            PluginInfo(
                name=error.plugin,
                distribution=error.distribution,
                version=error.version,
                hooks=hooks,
                registered=types.MappingProxyType({}),
                error=error,
            )
        )
        if self._strict:
            raise error
        warnings.warn(str(error), PluginWarning, stacklevel=4)

    def _load_entry_point(self, ep: _discovery.EntryPoint) -> None:
        origin = Origin(ep.name, ep.distribution, ep.version)
        try:
            plugin = ep.load()
        except Exception as exc:
            said = f"{type(exc).__name__}: {exc}"
            error = PluginImportError(
                ep.name,
                _("cannot import {value}: {exception}", value=repr(ep.value), exception=said),
                distribution=origin.distribution,
                version=origin.version,
            )
            error.__cause__ = exc
            self._fail(error)
            return
        self._add(plugin, origin)

    def _add(self, plugin: object, origin: Origin) -> None:
        """Register, validate and collect one plugin; on any problem, set it aside whole."""
        name = origin.name
        if name in self._origins:
            held = self._origins[name]
            self._fail(
                PluginValidationError(
                    name,
                    _("the name is already taken by another plugin")
                    if held.distribution is None
                    else _(
                        "the name is already taken by {distribution}",
                        distribution=held.distribution,
                    ),
                    distribution=origin.distribution,
                    version=origin.version,
                )
            )
            return
        self._origins[name] = origin
        hooks: tuple[str, ...] = ()
        try:
            proxy = self._guarded(plugin, origin)
            self._register(proxy, origin)
            hooks = tuple(sorted(c.name for c in self._pm.get_hookcallers(proxy) or ()))
            staged = self._collect(proxy, origin)
        except PluginError as error:
            if self._pm.get_plugin(name) is not None:
                self._pm.unregister(name=name)
            del self._origins[name]
            self._fail(error, hooks)
            return
        self._items.extend(
            i._replace(value=self._guard_rule(i.value, name)) if isinstance(i.value, Rule) else i
            for i in staged
        )
        registered: dict[str, list[str]] = {}
        for item in staged:
            registered.setdefault(item.kind, []).append(item.ident)
        self._infos.append(
            PluginInfo(
                name=name,
                distribution=origin.distribution,
                version=origin.version,
                hooks=hooks,
                registered=types.MappingProxyType(
                    {k: tuple(sorted(v)) for k, v in sorted(registered.items())}
                ),
            )
        )

    def _invalid(self, origin: Origin, problem: Message) -> PluginValidationError:
        return PluginValidationError(
            origin.name, problem, distribution=origin.distribution, version=origin.version
        )

    def _check_impl(self, origin: Origin, attr: str, function: Any, opts: Any) -> None:
        """One marked implementation against its spec: known, no wrapper, parameters offered."""
        hook = opts.get("specname") or attr
        if hook not in hookspecs.HOOKS:
            close = _did_you_mean(hook, hookspecs.HOOKS)
            known = ", ".join(hookspecs.HOOKS)
            raise self._invalid(
                origin,
                _("{hook} is not a hook; known hooks: {known}", hook=hook, known=known)
                if close is None
                else _(
                    "{hook} is not a hook (did you mean {close}?); known hooks: {known}",
                    hook=hook,
                    close=close,
                    known=known,
                ),
            )
        if opts.get("hookwrapper") or opts.get("wrapper"):
            raise self._invalid(origin, _wrapper_refused(hook, opts))
        offered = getattr(self._pm.hook, hook).spec.argnames
        try:
            parameters = list(inspect.signature(function).parameters.values())
        except (TypeError, ValueError):
            parameters = []
        for p in parameters:
            if p.default is not p.empty:
                raise self._invalid(
                    origin,
                    _(
                        "{hook}: parameter {parameter} has a default value, which pluggy never "
                        "fills; remove the default",
                        hook=hook,
                        parameter=p.name,
                    ),
                )
            if p.name not in offered:
                close = _did_you_mean(p.name, offered)
                said = ", ".join(offered)
                raise self._invalid(
                    origin,
                    _(
                        "{hook}: parameter {parameter} is not offered by the hook; "
                        "it offers {offered}",
                        hook=hook,
                        parameter=p.name,
                        offered=said,
                    )
                    if close is None
                    else _(
                        "{hook}: parameter {parameter} is not offered by the hook "
                        "(did you mean {close}?); it offers {offered}",
                        hook=hook,
                        parameter=p.name,
                        close=close,
                        offered=said,
                    ),
                )

    def _guarded(self, plugin: object, origin: Origin) -> object:
        """A stand-in for ``plugin`` whose implementations are behind the guard, once checked."""
        stand_in = types.ModuleType(origin.name)
        for attr in sorted(dir(plugin)):
            try:
                function = getattr(plugin, attr)
            except Exception:
                continue
            opts = self._pm.parse_hookimpl_opts(plugin, attr)
            if opts is None:
                if attr.startswith(_PREFIX) and callable(function):
                    if attr in hookspecs.HOOKS:
                        raise self._invalid(
                            origin, _("{hook} is not marked with @hookimpl", hook=attr)
                        )
                    self._check_impl(origin, attr, function, {})
                continue
            self._check_impl(origin, attr, function, opts)
            setattr(stand_in, attr, guarded(function, origin, opts.get("specname") or attr))
        return stand_in

    def _register(self, proxy: object, origin: Origin) -> None:
        try:
            self._pm.register(proxy, name=origin.name)
            self._pm.check_pending()
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise self._invalid(origin, _("refused by pluggy: {error}", error=str(exc))) from exc

    def _collect(self, proxy: object, origin: Origin) -> list[Contribution]:
        """Call the plugin's registration hooks (through pluggy, for it alone); stage the items."""
        others = [p for p in self._pm.get_plugins() if p is not proxy]
        staged: list[Contribution] = []
        for hook, spec in hookspecs.REGISTRATIONS.items():
            problems: list[PluginRegistrationError] = []
            register = _Registrar(
                origin=origin, hook=hook, spec=spec, staged=staged, problems=problems
            )
            for outcome in self._pm.subset_hook_caller(hook, others)(register=register):
                if problems:
                    raise problems[0] from None
                if outcome.failure is not None:
                    failed = outcome.failure
                    raise PluginRegistrationError(
                        origin.name,
                        failed.problem,
                        distribution=origin.distribution,
                        version=origin.version,
                    ) from failed.__cause__
        seen: set[tuple[str, str]] = set()
        for item in expand(staged):
            if (item.kind, item.ident) in seen:
                raise DuplicateRegistrationError(
                    origin.name,
                    kind=item.kind,
                    ident=item.ident,
                    first=origin.name,
                    distribution=origin.distribution,
                    version=origin.version,
                )
            seen.add((item.kind, item.ident))
        return staged

    def _clash_error(self, clash: Clash, plugin: str, first: str) -> DuplicateRegistrationError:
        o = self._origins.get(plugin, Origin(plugin))
        held = self._origins.get(first, Origin(first))
        return DuplicateRegistrationError(
            plugin,
            kind=clash.kind,
            ident=clash.ident,
            first=first,
            distribution=o.distribution,
            version=o.version,
            first_distribution=held.where,
            kept=clash.kept,
        )

    def _seal(self) -> None:
        """Build the contributions once; report each clash (raise the first in strict mode)."""
        self._contributions = Contributions.of(self._items)
        errors: list[DuplicateRegistrationError] = []
        for clash in self._contributions.clashes:
            first, *rest = clash.plugins
            if clash.kept is not None:
                errors.extend(
                    self._clash_error(clash, p, clash.kept)
                    for p in clash.plugins
                    if p != clash.kept
                )
            else:
                errors.extend(self._clash_error(clash, p, first) for p in rest)
        self._clash_errors = tuple(errors)
        if self._strict and errors:
            raise errors[0]
        for error in errors:
            warnings.warn(str(error), PluginWarning, stacklevel=3)

    # -- what plugins registered -------------------------------------------------------

    @property
    def contributions(self) -> Contributions:
        """What the loaded plugins registered, with owners and clashes (see :mod:`compagnonnage.registry`)."""
        return self._contributions

    def list_plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin seen, in load order: name, version, hooks, registrations, load error."""
        return tuple(self._infos)

    @property
    def load_errors(self) -> tuple[PluginError, ...]:
        """The errors of the plugins that were set aside, in load order."""
        return tuple(i.error for i in self._infos if i.error is not None)

    @property
    def clash_errors(self) -> tuple[DuplicateRegistrationError, ...]:
        """One error per plugin whose id clashed with another's (each names both plugins)."""
        return self._clash_errors

    def origin(self, kind: str, ident: str) -> str | None:
        """The plugin that registered ``ident`` as ``kind`` (``"core"`` for core rules)."""
        return self._contributions.origin(kind, ident)

    def nomenclatures(self) -> tuple[Nomenclature, ...]:
        """The registered nomenclatures, in load order."""
        return self._contributions.nomenclatures()

    def trades(self) -> Mapping[TradeRef, Trade]:
        """Every trade of every registered nomenclature, by reference."""
        return self._contributions.trades()

    def regions(self) -> Mapping[RegionRef, RegionProfile]:
        """The registered regions and their parameters."""
        return self._contributions.regions()

    def region_profile(self, region: RegionRef) -> RegionProfile | None:
        """The profile of ``region``, else of its country, else ``None``."""
        return self._contributions.region_profile(region)

    def modules(self) -> tuple[DiagnosticModule, ...]:
        """Every registered module: the built-in one first, then by id and version."""
        return self._contributions.modules()

    def modules_for(self, programme: Programme) -> tuple[DiagnosticModule, ...]:
        """The modules that fit the programme's beneficiary and scope (built-in first)."""
        return self._contributions.modules_for(programme)

    def catalogues(self) -> tuple[ServiceCatalogue, ...]:
        """The registered service catalogues, in load order."""
        return self._contributions.catalogues()

    def services_for(
        self, trade: TradeRef | None = None, region: RegionRef | None = None
    ) -> tuple[tuple[ServiceCatalogue, Service], ...]:
        """Every catalogue service that fits ``trade`` and ``region``, as ``(catalogue, service)``."""
        return self._contributions.services_for(trade, region)

    def registered_types(self) -> tuple[type, ...]:
        """Classes defined by plugins among what they registered (question kinds included)."""
        return self._contributions.registered_types()

    # -- rules and lifecycle -----------------------------------------------------------

    def rules(self) -> RuleSet:
        """The core rules and the plugins' rules, collected when the manager was built."""
        return self._contributions.rules()

    def rule_context(self) -> RuleContext:
        """What rules know beyond the programme: the registered nomenclatures."""
        return self._contributions.rule_context()

    def check(self, programme: Programme) -> Report:
        """Check ``programme`` against :meth:`rules` with :meth:`rule_context`."""
        return self._contributions.check(programme)

    def lifecycle(self) -> Lifecycle:
        """A :class:`~compagnonnage.lifecycle.Lifecycle` with these rules and context.

        Its listener tells plugins of each stage change; a failing plugin is
        reported as a :class:`PluginWarning` (raised in strict mode) and the
        others are still told.
        """
        from compagnonnage.lifecycle import Lifecycle  # not needed to build the manager

        return Lifecycle(
            rules=self.rules(), context=self.rule_context(), listeners=(self._on_stage,)
        )

    def _on_stage(self, programme: Programme, entry: HistoryEntry) -> None:
        for failed in self.notify_stage_changed(programme, entry):
            warnings.warn(str(failed), PluginWarning, stacklevel=2)

    # -- hooks called on demand -----------------------------------------------------------

    def _returned(
        self, plugin: str, hook: str, result: object, expected: Message
    ) -> PluginHookError:
        o = self._origins[plugin]
        return PluginHookError(
            plugin,
            hook,
            _(
                "returned {returned}: expected {expected}",
                returned=_shown(result),
                expected=expected,
            ),
            distribution=o.distribution,
            version=o.version,
        )

    def _raise_strict(self, failures: Sequence[PluginHookError]) -> None:
        if self._strict and failures:
            raise failures[0]

    def _split(self, outcomes: Iterable[Outcome]) -> tuple[list[Outcome], list[PluginHookError]]:
        """The outcomes that succeeded and the failures (recorded), in pluggy's calling order."""
        done = [o for o in outcomes if o.failure is None]
        failures = [o.failure for o in outcomes if o.failure is not None]
        self._failures.extend(failures)
        return done, failures

    @property
    def failures(self) -> tuple[PluginHookError, ...]:
        """The failures of plugin code since the manager was built, in order (the last 1,000).

        Hook implementations, plugin rules and question kinds alike: what the
        command line reports, one line each, with its "a plugin failed" exit code.
        """
        return tuple(self._failures)

    def _failed(self, plugin: str, what: str | Message, exc: Exception) -> PluginHookError:
        error = failure(self._origins.get(plugin, Origin(plugin)), what, exc)
        self._failures.append(error)
        return error

    def score(
        self,
        module: DiagnosticModule,
        answers: Iterable[Answer],
        *,
        desired: Mapping[str, int] | None = None,
    ) -> DiagnosticResult:
        """:func:`~compagnonnage.diagnostics.score`, naming the plugin whose question kind fails.

        :raises PluginHookError: a plugin's question kind raised in ``level_of``
            (anything but :class:`~compagnonnage.errors.InvalidValueError`); it
            names the plugin that registered the kind, and is recorded in
            :attr:`failures`.
        :raises InvalidValueError: as :func:`~compagnonnage.diagnostics.score`.
        """
        from compagnonnage.diagnostics import QuestionKindError, score

        try:
            return score(module, answers, desired=desired)
        except QuestionKindError as err:
            c = self._contributions
            owner = c.origin("question_kind", err.kind) or c.origin("module", module.id)
            cause = err.__cause__ if isinstance(err.__cause__, Exception) else err
            what = _(
                "{function} (question {question} of module {module})",
                function=err.function,
                question=repr(err.question_id),
                module=repr(err.module_id),
            )
            raise self._failed(owner or err.module_id, what, cause) from cause

    def _guard_rule(self, rule: Rule, plugin: str) -> Rule:
        """``rule`` whose check, plugin code, is guarded.

        A check that raises yields no breach: its failure is recorded in
        :attr:`failures` (raised in strict mode) and the other rules' stand.
        """
        check = rule.check

        def guarded_check(programme: Programme, context: RuleContext) -> tuple[Breach, ...]:
            try:
                return tuple(check(programme, context))
            except Exception as exc:
                failed = self._failed(plugin, _("rule {code}", code=rule.code), exc)
                if self._strict:
                    raise failed from exc
                return ()

        return attrs.evolve(rule, check=guarded_check)

    def recommend(self, programme: Programme, recommendation_id: str) -> SupportRecommendations:
        """Ranked support actions for a recommendation of the diagnostic.

        The candidates are the remedies of every registered module the
        recommendation cites (proposed by the host, on behalf of the module's
        plugin, drawing on every registered catalogue), then those of the
        plugins' ``compagnonnage_recommend_support`` hooks. The trade is the
        recommendation's; the region is the recommendation's, else the
        beneficiary's. A plugin that raises or returns something else than
        :class:`SupportCandidate` objects is reported in ``failures`` (raised
        in strict mode); the others' candidates stand.

        :raises UnknownReferenceError: the diagnostic holds no such recommendation.
        """
        from compagnonnage.plugins._candidates import (
            RankedCandidate,
            SupportCandidate,
            SupportRecommendations,
        )
        from compagnonnage.plugins._support import remedy_candidates

        found = [r for r in programme.diagnostic.recommendations if r.id == recommendation_id]
        if not found:
            raise UnknownReferenceError("recommendation", recommendation_id, programme.id)
        rec = found[0]
        region = rec.region if rec.region is not None else programme.beneficiary.region
        hook = hookspecs.compagnonnage_recommend_support.__name__
        done, failures = self._split(
            self._pm.hook.compagnonnage_recommend_support(
                programme=programme, recommendation=rec, trade=rec.trade, region=region
            )
        )
        c = self._contributions
        pooled: list[tuple[str, SupportCandidate]] = []
        for module in c.modules():
            owner = c.origin("module", module.id) or BUILTIN
            pooled.extend(
                (owner, cand)
                for cand in remedy_candidates(
                    programme, rec, modules=(module,), catalogues=c.catalogues(), region=region
                )
            )
        for outcome in done:
            got = () if outcome.value is None else outcome.value
            items = tuple(got) if isinstance(got, tuple | list) else None
            if items is None or not all(isinstance(x, SupportCandidate) for x in items):
                failures.append(
                    self._returned(
                        outcome.plugin,
                        hook,
                        outcome.value,
                        _("SupportCandidate objects"),
                    )
                )
                continue
            pooled.extend((outcome.plugin, x) for x in items)
        self._raise_strict(failures)
        pooled.sort(key=lambda pc: (-pc[1].score, pc[0], pc[1].title(SOURCE_LANGUAGE)))
        return SupportRecommendations(
            recommendation_id=rec.id,
            trade=rec.trade,
            region=region,
            candidates=tuple(
                RankedCandidate(rank=i, plugin=p, candidate=x) for i, (p, x) in enumerate(pooled, 1)
            ),
            failures=tuple(failures),
        )

    def notify_stage_changed(
        self, programme: Programme, entry: HistoryEntry
    ) -> tuple[PluginHookError, ...]:
        """Tell every plugin that ``programme`` changed stage; return the failures.

        :raises PluginHookError: in strict mode, the first failure.
        """
        _, failures = self._split(
            self._pm.hook.compagnonnage_stage_changed(programme=programme, entry=entry)
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
    manager._add(_builtin, Origin(_builtin.NAME))
    _load_installed(manager, entry_points, allow, block)
    for plugin in plugins:
        manager._add(plugin, Origin(_name_of(plugin)))
    manager._seal()
    return manager


def _load_installed(
    manager: PluginManager,
    entry_points: bool,
    allow: Iterable[str] | None,
    block: Iterable[str] | None,
) -> None:
    """Load the installed entry points that the allow and block lists (or variables) let in."""
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


def build_manager(
    named: Iterable[tuple[object, Origin]],
    *,
    strict: bool,
    entry_points: bool = False,
    block: Iterable[str] = (),
) -> PluginManager:
    """A manager with the built-in plugin, installed ones (if ``entry_points``), then ``named``.

    For :func:`~compagnonnage.testing.conformance.check_plugin`, which names a
    plugin as its entry point does and checks it beside the installed plugins.
    """
    manager = PluginManager(strict=strict, trace=False)
    manager._add(_builtin, Origin(_builtin.NAME))
    _load_installed(manager, entry_points, None, block)
    for plugin, origin in named:
        manager._add(plugin, origin)
    manager._seal()
    return manager


def entry_point_of(plugin: object) -> Origin:
    """How users see ``plugin``: the installed entry point that loads it, else its ``__name__``."""
    module = getattr(plugin, "__name__", None) if isinstance(plugin, types.ModuleType) else None
    for ep in _discovery.entry_points(GROUP):
        target, _, attr = ep.value.partition(":")
        if module is not None and target.strip() == module and not attr.strip():
            return Origin(ep.name, ep.distribution, ep.version)
    return Origin(_name_of(plugin))
