"""The built-in plugin: the core's own contributions, through the same hooks as any plugin."""

from __future__ import annotations

from collections.abc import Callable

from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, DiagnosticModule
from compagnonnage.model import Programme, Recommendation, RegionRef
from compagnonnage.plugins._support import remedy_candidates
from compagnonnage.plugins._types import SupportCandidate
from compagnonnage.plugins.hookspecs import hookimpl

NAME = "builtin"


@hookimpl
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register the consular-chamber module on the five themes."""
    register(CONSULAR_CHAMBER_MODULE)


@hookimpl
def compagnonnage_recommend_support(
    programme: Programme,
    recommendation: Recommendation,
    region: RegionRef | None,
) -> tuple[SupportCandidate, ...]:
    """Propose the remedies of the consular-chamber dimensions the recommendation cites."""
    return remedy_candidates(
        programme, recommendation, modules=(CONSULAR_CHAMBER_MODULE,), region=region
    )
