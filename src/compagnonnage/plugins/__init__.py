"""Plugins: hook specifications, the plugin-manager factory and its typed façade.

A plugin is a module (or object) with functions marked ``@hookimpl`` and named
after the hooks of :mod:`compagnonnage.plugins.hookspecs`, declared in its
``pyproject.toml`` under ``[project.entry-points.compagnonnage]``. Nothing is
loaded at import time: :func:`get_plugin_manager` builds a fresh
:class:`PluginManager` on each call, and the rest of the library goes through
its typed methods, never through ``pm.hook``.

>>> from compagnonnage.plugins import get_plugin_manager
>>> pm = get_plugin_manager(entry_points=False)
>>> [m.id for m in pm.modules()]
['consular-chamber']
"""

from typing import TYPE_CHECKING

from compagnonnage.plugins._errors import (
    DuplicateRegistrationError,
    PluginError,
    PluginHookError,
    PluginImportError,
    PluginRegistrationError,
    PluginValidationError,
    PluginWarning,
)
from compagnonnage.plugins._manager import GROUP, PluginManager, get_plugin_manager
from compagnonnage.plugins._types import PluginInfo
from compagnonnage.plugins.hookspecs import hookimpl, hookspec
from compagnonnage.registry import Branch, Nomenclature, RegionProfile, Trade, TradeGroup

if TYPE_CHECKING:
    from compagnonnage.plugins._candidates import (
        RankedCandidate,
        SupportCandidate,
        SupportRecommendations,
    )
    from compagnonnage.plugins._support import remedy_candidates

# Needed only to recommend support, not to build the manager: imported on first use.
_LAZY = {
    "RankedCandidate": "compagnonnage.plugins._candidates",
    "SupportCandidate": "compagnonnage.plugins._candidates",
    "SupportRecommendations": "compagnonnage.plugins._candidates",
    "remedy_candidates": "compagnonnage.plugins._support",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names too, those imported on first use (for ``dir()``, autodoc, completion)."""
    return sorted({*globals(), *__all__})


__all__ = [
    "GROUP",
    "Branch",
    "DuplicateRegistrationError",
    "Nomenclature",
    "PluginError",
    "PluginHookError",
    "PluginImportError",
    "PluginInfo",
    "PluginManager",
    "PluginRegistrationError",
    "PluginValidationError",
    "PluginWarning",
    "RankedCandidate",
    "RegionProfile",
    "SupportCandidate",
    "SupportRecommendations",
    "Trade",
    "TradeGroup",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "remedy_candidates",
]
