"""compagnonnage: institutional mentoring (compagnonnage consulaire) of intermediary bodies.

The public namespace is small on purpose:

* the model lives in :mod:`compagnonnage.model` (bodies, experts, programmes, stages);
* the rules in :mod:`compagnonnage.rules` (:func:`check`, :class:`Report`);
* the operations in :mod:`compagnonnage.lifecycle`;
* errors in :mod:`compagnonnage.errors`;
* ``hookimpl``, the marker of plugin hook implementations (loaded on first use).

The names most applications need are re-exported here. Importing this package
imports attrs and the model only: plugins, documents, the CLI and the testing
kit load on first use.
"""

from typing import TYPE_CHECKING

from compagnonnage import lifecycle
from compagnonnage.errors import (
    CompagnonnageError,
    InvalidValueError,
    TransitionRefused,
    UnknownReferenceError,
)
from compagnonnage.model import Programme, Stage
from compagnonnage.rules import Report, Rule, RuleSet, Severity, Violation, check, rule

if TYPE_CHECKING:
    from compagnonnage.plugins import hookimpl

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # ``hookimpl`` lives with the plugin machinery; importing it lazily keeps
    # ``import compagnonnage`` free of pluggy while plugins write one import.
    if name == "hookimpl":
        from compagnonnage.plugins import hookimpl

        return hookimpl
    raise AttributeError(f"module 'compagnonnage' has no attribute {name!r}")


__all__ = [
    "CompagnonnageError",
    "InvalidValueError",
    "Programme",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "Stage",
    "TransitionRefused",
    "UnknownReferenceError",
    "Violation",
    "__version__",
    "check",
    "hookimpl",
    "lifecycle",
    "rule",
]
