"""compagnonnage-building: the building trades for compagnonnage.

Masonry, joinery, building electrics and plumbing (and metal joinery), keyed in
the ``uemoa`` nomenclature: a diagnostic module on site safety, apprenticeship
and materials, and a catalogue of services.
"""

from __future__ import annotations

from collections.abc import Callable

from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.plugins import hookimpl
from compagnonnage_building._content import BUILDING_CATALOGUE, BUILDING_MODULE, BUILDING_TRADES

__version__ = "0.1.0"

__all__ = [
    "BUILDING_CATALOGUE",
    "BUILDING_MODULE",
    "BUILDING_TRADES",
    "compagnonnage_register_catalogues",
    "compagnonnage_register_modules",
]


@hookimpl
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register the building-trades module."""
    register(BUILDING_MODULE)


@hookimpl
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    """Register the building-trades services."""
    register(BUILDING_CATALOGUE)
