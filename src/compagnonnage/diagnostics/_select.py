"""Choosing the modules that fit a body and a programme's scope."""

from __future__ import annotations

from collections.abc import Iterable

from compagnonnage.diagnostics._module import DiagnosticModule
from compagnonnage.model import Body, RegionRef, Scope, TradeRef

BUILTIN_MODULE_ID = "consular-chamber"
"""The id of the built-in consular-chamber module, always offered first."""


def select_modules(
    modules: Iterable[DiagnosticModule], *, body: Body, scope: Scope
) -> tuple[DiagnosticModule, ...]:
    """The modules that fit ``body`` and ``scope``, built-in first, then by id and version.

    The trades are the scope's (the body's when the scope names none); the regions
    are the scope's and the body's own region.
    """
    trades = scope.trades or body.trades
    regions = (*scope.regions, body.region)
    fitting = [m for m in modules if m.applies_to(trades, regions)]
    return tuple(sorted(fitting, key=lambda m: (m.id != BUILTIN_MODULE_ID, m.id, m.version)))


def finding_keys(
    module: DiagnosticModule, *, body: Body, scope: Scope
) -> tuple[TradeRef | None, RegionRef | None]:
    """The trade and region the findings of ``module`` are about, for ``body`` and ``scope``.

    A module for some trades keys its findings to the one of them the scope
    (else the body) names, when there is exactly one; a module for some regions
    keys them to the body's region when the module covers it, else to the one
    region of the scope it covers. A module for every trade (or region) keys
    none.
    """
    trade = None
    if module.trades:
        named = [t for t in (scope.trades or body.trades) if t in module.trades]
        trade = named[0] if len(set(named)) == 1 else None
    region = None
    if module.regions:
        covered = [
            r
            for r in (body.region, *scope.regions)
            if any(m.contains(r) or r.contains(m) for m in module.regions)
        ]
        region = covered[0] if covered else None
    return trade, region
