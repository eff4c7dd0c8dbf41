"""The hook specifications: the whole contract between compagnonnage and its plugins.

Every hook is named ``compagnonnage_*``; an attribute with that prefix that is not
a marked implementation of a known hook is refused, so a misspelling is an
error, not silence. Implementations take only the parameters they name (never
with default values) and are never hook wrappers. No hook is ``firstresult``:
pluggy calls every implementation in its own order (``tryfirst``/``trylast``
honoured), each behind a guard, so that one failing plugin is reported without
hiding the others.

This module is the one statement of the contract: ``HOOKS`` lists the
hooks and ``REGISTRATIONS`` what each registration hook takes (the kind,
the class and the id of its objects), read from the specifications below.

Hooks by phase:

* **registration**, called once per plugin while the manager is built, each with
  a ``register`` callback: trades, regions, diagnostic modules, service
  catalogues and stage rules;
* **accompaniment**, called on demand: recommending support actions;
* **lifecycle**, called after each stage change: the notification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import pluggy

from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.registry import Nomenclature, RegionProfile
from compagnonnage.rules import Rule

if TYPE_CHECKING:
    from compagnonnage.model import HistoryEntry, Programme, Recommendation, RegionRef, TradeRef
    from compagnonnage.plugins._candidates import SupportCandidate

PROJECT = "compagnonnage"
"""The project name of both markers, and the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

F = TypeVar("F", bound=Callable[..., Any])


class Registration(NamedTuple):
    """What a registration hook's ``register`` takes: a kind, a class, and how to read the id."""

    kind: str
    cls: type
    ident: Callable[[Any], str]


def _registers(kind: str, cls: type, ident: Callable[[Any], str]) -> Callable[[F], F]:
    def mark(spec: F) -> F:
        spec._registration = Registration(kind, cls, ident)  # type: ignore[attr-defined]
        return spec

    return mark


# -- registration phase -------------------------------------------------------------


@hookspec
@_registers("nomenclature", Nomenclature, lambda n: n.id)
def compagnonnage_register_trades(register: Callable[[Nomenclature], None]) -> None:
    """Register trade nomenclatures (branch → trade group → trade).

    Called once per plugin, in load order, while the manager is built. Rule
    STG-011 then knows the trade codes, and modules and services key to them.

    :param register: call it with each :class:`~compagnonnage.plugins.Nomenclature`;
        a nomenclature id already registered by another plugin is refused
        (:class:`~compagnonnage.plugins.DuplicateRegistrationError` names both).
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
@_registers("region", RegionProfile, lambda r: str(r.region))
def compagnonnage_register_regions(register: Callable[[RegionProfile], None]) -> None:
    """Register regions with their parameters (term length, renewals, texts in force).

    Called once per plugin, in load order, while the manager is built.

    :param register: call it with each :class:`~compagnonnage.plugins.RegionProfile`;
        one region (country or subdivision) belongs to one plugin.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
@_registers("module", DiagnosticModule, lambda m: m.id)
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register diagnostic modules (dimensions, questions, the trades and regions they fit).

    Called once per plugin, in load order, while the manager is built. The core
    registers its consular-chamber module through this hook too.

    :param register: call it with each :class:`~compagnonnage.diagnostics.DiagnosticModule`;
        module ids are unique across plugins.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
@_registers("catalogue", ServiceCatalogue, lambda c: c.id)
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    """Register service catalogues (services with domain, trades, regions, modality, pricing).

    Called once per plugin, in load order, while the manager is built.

    :param register: call it with each :class:`~compagnonnage.catalogue.ServiceCatalogue`;
        catalogue ids are unique across plugins.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
@_registers("rule", Rule, lambda r: r.code)
def compagnonnage_register_rules(register: Callable[[Rule], None]) -> None:
    """Register extra stage rules (made with :func:`compagnonnage.rules.rule`).

    Called once per plugin, in load order, while the manager is built; the rules
    are collected then, so checking a programme calls plain functions. A rule's
    ``origin`` is set to the plugin's name. Core rules cannot be replaced.

    :param register: call it with each :class:`~compagnonnage.rules.Rule`; a code
        held by the core or another plugin is refused.
    :returns: nothing; registrations go through ``register``.
    """


# -- accompaniment phase ------------------------------------------------------------


@hookspec
def compagnonnage_recommend_support(
    programme: Programme,
    recommendation: Recommendation,
    trade: TradeRef | None,
    region: RegionRef | None,
) -> Iterable[SupportCandidate] | None:
    """Propose support actions for a recommendation of the diagnostic, in a trade and region.

    Called by :meth:`PluginManager.recommend
    <compagnonnage.plugins.PluginManager.recommend>` when choosing the support
    best suited to each trade and region. Every implementation is called; their
    candidates are ranked together. One that raises or returns something else
    than candidates is reported in ``failures`` and the others stand.

    :param programme: the programme, in any stage.
    :param recommendation: the recommendation to answer.
    :param trade: the recommendation's trade key, if any.
    :param region: the recommendation's region key, else the beneficiary's region.
    :returns: :class:`~compagnonnage.plugins.SupportCandidate` objects, or ``None``.
    """


# -- lifecycle phase ----------------------------------------------------------------


@hookspec
def compagnonnage_stage_changed(programme: Programme, entry: HistoryEntry) -> None:
    """Be told that a programme changed stage (opened, stage closed, reopened, closed).

    Called after the change is accepted, by the lifecycle that
    :meth:`PluginManager.lifecycle <compagnonnage.plugins.PluginManager.lifecycle>`
    builds. A failing implementation does not undo the change: it is reported as
    a warning (an error in strict mode) and the other plugins are still told.

    :param programme: the programme after the change.
    :param entry: its last history entry (operation, stages before and after, who, when).
    :returns: nothing.
    """


HOOKS: tuple[str, ...] = tuple(
    name for name, spec in globals().items() if hasattr(spec, f"{PROJECT}_spec")
)
"""The name of every hook, in the order of this module."""

REGISTRATIONS: Mapping[str, Registration] = MappingProxyType(
    {
        name: globals()[name]._registration
        for name in HOOKS
        if hasattr(globals()[name], "_registration")
    }
)
"""The registration hooks, by name, with what each one's ``register`` takes."""
