"""The registry of contributions: what plugins registered, with its owner, and clashes.

It sits below documents and plugins: the plugin manager loads and calls
plugins, then hands what they registered to :meth:`Contributions.of`;
documents, reports and the command line read the frozen :class:`Contributions`.
It also holds the classes plugins register besides modules, catalogues and
rules: trade nomenclatures and region profiles. It imports no plugin machinery.
"""

from compagnonnage.registry._contributions import (
    BUILTIN,
    CORE,
    KINDS,
    Clash,
    Contribution,
    Contributions,
)
from compagnonnage.registry._types import Branch, Nomenclature, RegionProfile, Trade, TradeGroup

__all__ = [
    "BUILTIN",
    "CORE",
    "KINDS",
    "Branch",
    "Clash",
    "Contribution",
    "Contributions",
    "Nomenclature",
    "RegionProfile",
    "Trade",
    "TradeGroup",
]
