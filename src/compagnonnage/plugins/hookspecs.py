"""The hook specifications: the whole contract between compagnonnage and its plugins.

Every hook is named ``compagnonnage_*``; an attribute with that prefix that is not
a marked implementation of a known hook is refused, so a misspelling is an
error, not silence. Implementations take only the parameters they name (never
with default values) and are never hook wrappers. No hook is ``firstresult``:
the library calls every implementation on its own, so that one failing plugin
is reported without hiding the others.

Hooks by phase:

* **registration**, called once per plugin while the manager is built, each with
  a ``register`` callback: trades, regions, diagnostic modules, service
  catalogues and stage rules;
* **accompaniment**, called on demand: recommending support actions;
* **lifecycle**, called after each stage change: the notification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from compagnonnage.catalogue import ServiceCatalogue
    from compagnonnage.diagnostics import DiagnosticModule
    from compagnonnage.model import HistoryEntry, Programme, Recommendation, RegionRef, TradeRef
    from compagnonnage.plugins._types import Nomenclature, RegionProfile, SupportCandidate
    from compagnonnage.rules import Rule

PROJECT = "compagnonnage"
"""The project name of both markers, and the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

# -- registration phase -------------------------------------------------------------


@hookspec
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
def compagnonnage_register_regions(register: Callable[[RegionProfile], None]) -> None:
    """Register regions with their parameters (term length, renewals, texts in force).

    Called once per plugin, in load order, while the manager is built.

    :param register: call it with each :class:`~compagnonnage.plugins.RegionProfile`;
        one region (country or subdivision) belongs to one plugin.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register diagnostic modules (dimensions, questions, the trades and regions they fit).

    Called once per plugin, in load order, while the manager is built. The core
    registers its consular-chamber module through this hook too.

    :param register: call it with each :class:`~compagnonnage.diagnostics.DiagnosticModule`;
        module ids are unique across plugins.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    """Register service catalogues (services with domain, trades, regions, modality, pricing).

    Called once per plugin, in load order, while the manager is built.

    :param register: call it with each :class:`~compagnonnage.catalogue.ServiceCatalogue`;
        catalogue ids are unique across plugins.
    :returns: nothing; registrations go through ``register``.
    """


@hookspec
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
