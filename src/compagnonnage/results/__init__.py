"""Reading a programme's results: traceability, progress per indicator and per capacity
dimension, membership key figures over time.

Pure functions of the model, for a developer who does not go through the
command line:

* :func:`traceability`: one row per recommendation, with the findings it cites,
  the support actions answering it, the indicators tracking it and their latest
  values (the chain finding → recommendation → action → indicator → value);
* :func:`progress`: how far an indicator has gone from its baseline towards its
  target, and whether it is on track (a descending indicator reads the other way);
* :func:`capacity_progress`: per dimension, the diagnostic's level against the
  latest follow-up under the *same* module version;
* :func:`key_figures`: per point of the membership ledger, the paying share,
  service uptake, share of revenue from services and growth since the previous
  point, each defined only where its inputs are.

See ``docs/results.md``.
"""

from compagnonnage.results._ledger import KeyFigures, growth, key_figures
from compagnonnage.results._progress import (
    DimensionProgress,
    Progress,
    capacity_progress,
    progress,
)
from compagnonnage.results._trace import IndicatorTrace, TraceRow, traceability

__all__ = [
    "DimensionProgress",
    "IndicatorTrace",
    "KeyFigures",
    "Progress",
    "TraceRow",
    "capacity_progress",
    "growth",
    "key_figures",
    "progress",
    "traceability",
]
