"""compagnonnage: institutional mentoring (compagnonnage consulaire) of intermediary bodies.

The public namespace is small on purpose:

* the model lives in :mod:`compagnonnage.model` (bodies, experts, programmes, stages);
* the rules in :mod:`compagnonnage.rules` (:func:`check`, :class:`Report`);
* the operations in :mod:`compagnonnage.lifecycle`;
* errors in :mod:`compagnonnage.errors`;
* ``hookimpl``, the marker of plugin hook implementations (loaded on first use).

The names most applications need are re-exported here, each imported on its
first use: importing this package imports nothing else (not even attrs), so that
the command line starts fast; the model, the rules and the lifecycle load when
a name is first asked for, plugins, documents, the CLI and the testing kit when
they are imported.
"""

import importlib

# typing is not imported at run time: ``--help`` does without it (a sixth of its start-up).
TYPE_CHECKING = False

if TYPE_CHECKING:
    from compagnonnage import lifecycle
    from compagnonnage.errors import (
        CompagnonnageError,
        InvalidValueError,
        TransitionRefused,
        UnknownReferenceError,
    )
    from compagnonnage.model import Programme, Stage
    from compagnonnage.plugins import hookimpl
    from compagnonnage.rules import Report, Rule, RuleSet, Severity, Violation, check, rule

__version__ = "0.1.0"

# Where each name of the namespace lives. They are imported on first use, so that
# ``import compagnonnage`` (and the command line's ``--help``, which must import this
# package first) costs nothing; ``hookimpl`` keeps pluggy out until a plugin asks.
_HOMES = {
    "CompagnonnageError": "compagnonnage.errors",
    "InvalidValueError": "compagnonnage.errors",
    "TransitionRefused": "compagnonnage.errors",
    "UnknownReferenceError": "compagnonnage.errors",
    "Programme": "compagnonnage.model",
    "Stage": "compagnonnage.model",
    "Report": "compagnonnage.rules",
    "Rule": "compagnonnage.rules",
    "RuleSet": "compagnonnage.rules",
    "Severity": "compagnonnage.rules",
    "Violation": "compagnonnage.rules",
    "check": "compagnonnage.rules",
    "rule": "compagnonnage.rules",
    "hookimpl": "compagnonnage.plugins",
}


def __getattr__(name: str) -> object:
    if name == "lifecycle":
        return importlib.import_module("compagnonnage.lifecycle")
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'compagnonnage' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
