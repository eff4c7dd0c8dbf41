"""Rules, violations, rule sets and reports."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from compagnonnage._i18n import Lang, Message
from compagnonnage.errors import CompagnonnageError, InvalidValueError
from compagnonnage.model import Programme

_CODE = re.compile(r"[A-Z][A-Z0-9]{1,9}-[0-9]{3}")


class Severity(enum.Enum):
    """An ``error`` blocks a transition; a ``warning`` is reported only."""

    ERROR = "error"
    WARNING = "warning"


@frozen
class Breach:
    """What a rule function yields: the ids concerned and the message in both languages."""

    subjects: tuple[str, ...]
    """Ids of what the breach is about (actions, experts, findings…)."""
    fr: str
    """The message in French."""
    en: str
    """The message in English."""


@frozen(kw_only=True)
class RuleContext:
    """What rules may know beyond the programme itself."""

    nomenclatures: Mapping[str, frozenset[str]] | None = None
    """Known trade codes by nomenclature id; ``None``: STG-011 checks the scope only."""

    def knows_trade(self, nomenclature: str, code: str) -> bool:
        """Whether the trade is in a known nomenclature (always true without nomenclatures)."""
        if self.nomenclatures is None:
            return True
        return code in self.nomenclatures.get(nomenclature, ())


RuleCheck = Callable[[Programme, RuleContext], Iterable[Breach]]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1}


@frozen(kw_only=True)
class Violation:
    """One breach of one rule, with its code, severity, the ids concerned and messages."""

    code: str
    """The rule's code, such as ``"STG-008"``."""
    severity: Severity
    """Error (blocks a transition) or warning."""
    subjects: tuple[str, ...]
    """Ids of what the violation is about."""
    fr: str
    """The message in French."""
    en: str
    """The message in English."""
    origin: str = "core"
    """Who made the rule: ``"core"`` or the plugin's name."""

    def message(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (``"fr"`` or ``"en"``)."""
        return self.fr if lang == "fr" else self.en

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...], str]:
        """Errors first, then by code, subjects and English message."""
        return (_ORDER[self.severity], self.code, self.subjects, self.en)


def _code(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InvalidValueError("Rule", "code", "a code like 'STG-001' or 'UEMOA-001'", value)


@frozen(kw_only=True)
class Rule:
    """A stage rule: a stable code, a severity, a title in both languages and a pure check."""

    code: str = field(validator=_code)
    """A stable code: letters, a dash, three digits (``"STG-001"``, ``"UEMOA-001"``)."""
    severity: Severity
    """Error (blocks a transition) or warning."""
    title: Message
    """What the rule says, in both languages."""
    check: RuleCheck = field(eq=False)
    """The pure function ``(programme, context) -> Iterable[Breach]``."""
    origin: str = "core"
    """Who made the rule: ``"core"`` or the plugin's name."""

    def evaluate(self, programme: Programme, context: RuleContext) -> list[Violation]:
        """Every violation of this rule by ``programme``."""
        return [
            Violation(
                code=self.code,
                severity=self.severity,
                subjects=b.subjects,
                fr=b.fr,
                en=b.en,
                origin=self.origin,
            )
            for b in self.check(programme, context)
        ]


def rule(
    code: str,
    *,
    title_fr: str,
    title_en: str,
    severity: Severity = Severity.ERROR,
    origin: str = "core",
) -> Callable[[RuleCheck], Rule]:
    """Make a :class:`Rule` of a function ``(programme, context) -> Iterable[Breach]``.

    >>> @rule("DOC-001", title_fr="Un titre", title_en="A title")
    ... def _titled(programme, context):
    ...     return ()
    >>> _titled.code
    'DOC-001'
    """

    def wrap(check: RuleCheck) -> Rule:
        return Rule(
            code=code,
            severity=severity,
            title=Message(title_fr, title_en),
            check=check,
            origin=origin,
        )

    return wrap


class RuleSetError(CompagnonnageError):
    """A rule set was asked to hold two rules with one code, or to drop a core rule."""


@frozen(kw_only=True)
class Report:
    """The result of checking a programme: every violation, sorted deterministically."""

    programme_id: str
    """Id of the programme checked."""
    violations: tuple[Violation, ...]
    """Every violation, errors first, then by code, subjects and message."""

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The error-level violations (those that block a transition)."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The warning-level violations."""
        return tuple(v for v in self.violations if v.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether no error-level rule is violated."""
        return not self.errors

    @property
    def codes(self) -> frozenset[str]:
        """The codes of every violated rule."""
        return frozenset(v.code for v in self.violations)

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)


def _frozen_rules(rules: Mapping[str, Rule]) -> Mapping[str, Rule]:
    return MappingProxyType(dict(rules))


@frozen
class RuleSet:
    """An immutable set of rules: the core rules plus those plugins add.

    Plugins may add rules with new codes; nothing removes a core rule.
    """

    _rules: Mapping[str, Rule] = field(alias="rules", converter=_frozen_rules)

    @classmethod
    def core(cls) -> RuleSet:
        """The rule set holding only the core rules (STG-001 … STG-015, REF-001, REF-002)."""
        from compagnonnage.rules._core import CORE_RULES

        return cls({r.code: r for r in CORE_RULES})

    def with_rules(self, *extra: Rule) -> RuleSet:
        """A new rule set with ``extra`` added; a code already present is refused."""
        merged = dict(self._rules)
        for r in extra:
            if not isinstance(r, Rule):
                raise RuleSetError(f"expected a Rule, got {r!r}")
            if r.code in merged:
                held = merged[r.code]
                raise RuleSetError(
                    f"rule {r.code} from {r.origin!r} clashes with rule {r.code} from {held.origin!r}"
                )
            merged[r.code] = r
        return RuleSet(merged)

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def __getitem__(self, code: str) -> Rule:
        return self._rules[code]

    def check(self, programme: Programme, context: RuleContext | None = None) -> Report:
        """Evaluate every rule on ``programme`` and return all violations at once."""
        ctx = context if context is not None else RuleContext()
        found: list[Violation] = []
        for r in self._rules.values():
            found.extend(r.evaluate(programme, ctx))
        found.sort(key=lambda v: v.sort_key)
        return Report(programme_id=programme.id, violations=tuple(found))


@cache
def _core_rule_set() -> RuleSet:
    return RuleSet.core()


def check(
    programme: Programme, *, rules: RuleSet | None = None, context: RuleContext | None = None
) -> Report:
    """Check ``programme`` against ``rules`` (the core rules by default).

    Returns a :class:`Report` with every violation, errors first, sorted by code
    and the ids concerned.
    """
    return (rules if rules is not None else _core_rule_set()).check(programme, context)
