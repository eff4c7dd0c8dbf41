"""compagnonnage-uemoa: the eight UEMOA states for compagnonnage.

Registers the ``uemoa`` trade nomenclature (implementing regulation
04/2018/COM/UEMOA, coded by this plugin), the member states with their
parameters (Togo: four-year term renewable once), a diagnostic module on
applying the community crafts code (regulation 01/2014/CM/UEMOA), a service
catalogue (professional card, health cover, youth placement, public
procurement) and the rules ``UEMOA-001`` and ``UEMOA-002``.
"""

from __future__ import annotations

from collections.abc import Callable

from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.plugins import Nomenclature, RegionProfile, hookimpl
from compagnonnage.rules import Rule
from compagnonnage_uemoa._module import UEMOA_MODULE
from compagnonnage_uemoa._nomenclature import NOMENCLATURE_ID, UEMOA_NOMENCLATURE
from compagnonnage_uemoa._regions import UEMOA_STATES, region_profiles
from compagnonnage_uemoa._rules import community_nomenclature, term_length
from compagnonnage_uemoa._services import UEMOA_CATALOGUE

__version__ = "0.1.0"

__all__ = [
    "NOMENCLATURE_ID",
    "UEMOA_CATALOGUE",
    "UEMOA_MODULE",
    "UEMOA_NOMENCLATURE",
    "UEMOA_STATES",
    "compagnonnage_register_catalogues",
    "compagnonnage_register_modules",
    "compagnonnage_register_regions",
    "compagnonnage_register_rules",
    "compagnonnage_register_trades",
]


@hookimpl
def compagnonnage_register_trades(register: Callable[[Nomenclature], None]) -> None:
    """Register the ``uemoa`` nomenclature."""
    register(UEMOA_NOMENCLATURE)


@hookimpl
def compagnonnage_register_regions(register: Callable[[RegionProfile], None]) -> None:
    """Register the eight member states."""
    for profile in region_profiles():
        register(profile)


@hookimpl
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register the community-crafts-code module."""
    register(UEMOA_MODULE)


@hookimpl
def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
    """Register the services of UEMOA chambers of trades."""
    register(UEMOA_CATALOGUE)


@hookimpl
def compagnonnage_register_rules(register: Callable[[Rule], None]) -> None:
    """Register UEMOA-001 (term length) and UEMOA-002 (community nomenclature)."""
    register(term_length)
    register(community_nomenclature)
