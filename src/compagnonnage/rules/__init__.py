"""Executable stage rules.

:func:`check` evaluates every rule on a programme and returns a :class:`Report`
with all violations at once. Plugins add rules made with :func:`rule`; the core
rules (STG-001 … STG-015, REF-001 … REF-003, the results rules RES-001 … RES-008
and the funding rules FUN-001 … FUN-007) cannot be removed.
"""

from compagnonnage.rules._core import CORE_RULES
from compagnonnage.rules._registry import (
    Breach,
    Report,
    Rule,
    RuleCheck,
    RuleContext,
    RuleSet,
    RuleSetError,
    Severity,
    Subject,
    Violation,
    check,
    rule,
)

__all__ = [
    "CORE_RULES",
    "Breach",
    "Report",
    "Rule",
    "RuleCheck",
    "RuleContext",
    "RuleSet",
    "RuleSetError",
    "Severity",
    "Subject",
    "Violation",
    "check",
    "rule",
]
