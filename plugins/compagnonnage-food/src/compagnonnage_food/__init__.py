"""compagnonnage-food: the food trades for compagnonnage.

Bakery, pastry, butchery, fish processing, cereal processing and catering,
keyed in the ``uemoa`` nomenclature: a diagnostic module on hygiene and food
safety, cold chain, supply and equipment, and a catalogue of services.
"""

from __future__ import annotations

from collections.abc import Callable

from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.plugins import hookimpl
from compagnonnage_food._content import FOOD_CATALOGUE, FOOD_MODULE, FOOD_TRADES

__version__ = "0.1.0"

__all__ = [
    "FOOD_CATALOGUE",
    "FOOD_MODULE",
    "FOOD_TRADES",
    "compagnonnage_register_catalogues",
    "compagnonnage_register_modules",
]


@hookimpl
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register the food-trades module."""
    register(FOOD_MODULE)


@hookimpl
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    """Register the food-trades services."""
    register(FOOD_CATALOGUE)
