"""Choosing the modules that fit a body and a programme's scope."""

from __future__ import annotations

from collections.abc import Iterable

from compagnonnage.diagnostics._module import DiagnosticModule
from compagnonnage.model import Body, Scope

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
