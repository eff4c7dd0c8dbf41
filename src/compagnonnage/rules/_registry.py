"""Rules, violations, rule sets and reports."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import groupby
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _
from compagnonnage.errors import CompagnonnageError, InvalidValueError
from compagnonnage.model import Programme

_CODE = re.compile(r"[A-Z][A-Z0-9]{1,9}-[0-9]{3}")


class Severity(enum.Enum):
    """An ``error`` blocks a transition; a ``warning`` is reported only."""

    ERROR = "error"
    WARNING = "warning"


class Subject(str):
    """An id a violation names, labelled with what it names: ``Subject("action", "act-x")``.

    A subject *is* its id: it compares, hashes, sorts and prints as the id (so
    messages, sorting and code that compares ids are unchanged), and
    :attr:`kind` says what the id names, so that an application can link to the
    object. The core rules use these kinds:

    ``programme``, ``body`` (the beneficiary), ``governing_body`` (one of the
    beneficiary's governing bodies), ``person`` (an elected official
    or staff member of the beneficiary, the reference partner, or an unknown
    id given where a person is expected), ``expert``, ``deliverable`` (the id
    is the deliverable's kind: ``terms_of_reference``, ``method_toolkit``,
    ``work_programme``), ``planned_mission`` (``work_programme.missions[0]``),
    ``mission``, ``finding`` (a major issue or good practice, or an unknown
    finding id), ``recommendation``, ``action`` (a support action),
    ``plan_action`` (an action of a mandate plan), ``debriefing`` (the id is
    ``debriefing``), ``trade`` (``nomenclature:code``), ``region`` (an ISO
    3166 code), ``nomenclature``, ``module`` (a diagnostic module's id),
    ``dimension`` (a dimension of a module), ``indicator``, ``period`` (a
    reporting period of the results), ``follow_up`` (a capacity follow-up),
    and ``field`` (a place in the programme, for the funding rules:
    ``funding.budgets[1]``, ``planned``).

    A plugin's rule may use kinds of its own; a plain string in a
    :class:`Breach` is labelled ``object``.
    """

    kind: str

    def __new__(cls, kind: str, ident: str) -> Subject:
        subject = super().__new__(cls, ident)
        object.__setattr__(subject, "kind", kind)
        return subject

    @property
    def id(self) -> str:
        """The id itself, as a plain string."""
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Subject is immutable (cannot set {name!r})")

    def __repr__(self) -> str:
        return f"Subject({self.kind!r}, {self.id!r})"

    def __reduce__(self) -> tuple[type[Subject], tuple[str, str]]:
        return (Subject, (self.kind, self.id))


_UNLABELLED = "object"
"""The kind of a subject a rule gave as a plain string."""


def _labelled(subjects: Iterable[str]) -> tuple[Subject, ...]:
    return tuple(s if isinstance(s, Subject) else Subject(_UNLABELLED, s) for s in subjects)


def _message(instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, Message):
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a Message (made with _() or a plugin's Catalogue)"),
            value,
        )


@frozen
class Breach:
    """What a rule function yields: the ids concerned and the message that says what is wrong.

    The message is made with ``_("Action {action} has no expert", action=a.id)``
    (a plugin uses its own :class:`~compagnonnage._i18n.Catalogue`); it is
    rendered in the language asked for when the violation is shown. Dates, the
    model's enumeration members and other messages given as its parameters are
    rendered in that language too.

    Give each id as a :class:`Subject` to say what it names (a plain string is
    labelled ``object``). ``warning=True`` reports this breach as a warning
    even when the rule is an error rule: what the rule could not confirm
    (STG-011 when no loaded plugin registers a nomenclature); a breach never
    raises a warning rule to an error.
    """

    subjects: tuple[str, ...]
    """Ids of what the breach is about (actions, experts, findings…)."""
    text: Message = field(validator=_message)
    """What is wrong, in every language (``text("fr")``)."""
    warning: bool = False
    """Whether to report it as a warning even under an error rule."""


def _utc_today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


@frozen(kw_only=True)
class RuleContext:
    """What rules may know beyond the programme itself."""

    nomenclatures: Mapping[str, frozenset[str]] | None = None
    """Known trade codes by nomenclature id, as registered by plugins.

    ``None`` when nomenclatures were not looked up (a bare :func:`check`): STG-011
    checks the scope only. An empty mapping when plugins were loaded and none
    registers a nomenclature (a plugin misspelled and set aside, say): STG-011 then
    warns that the programme's trades cannot be checked, naming each nomenclature.
    """
    modules: Mapping[str, frozenset[str]] | None = None
    """The dimension ids of each installed diagnostic module, by module id.

    ``None`` when the modules are not known, in which case REF-003 does not check
    the modules and dimensions a programme names.
    """
    clock: Callable[[], dt.date] = field(default=_utc_today, eq=False)
    """The function giving today's date, for the rules that refuse a date in the future.

    Used by RES-002 and FUN-004; the UTC date by default. Tests pass a fixed one:
    ``RuleContext(clock=lambda: dt.date(2025, 1, 1))``.
    """
    reporting_org: str | None = None
    """The IATI reference of the organisation that publishes the programme, if checked for it.

    :mod:`compagnonnage.iati` sets it when it checks a programme for publication;
    FUN-004's actual dates and FUN-006's prefix are checked only then, and FUN-007
    also for a programme without funding records.
    """

    def today(self) -> dt.date:
        """Today's date, as the :attr:`clock` says."""
        return self.clock()

    def knows_trade(self, nomenclature: str, code: str) -> bool:
        """Whether the trade is in a known nomenclature (always true when none is known)."""
        if not self.nomenclatures:
            return True
        return code in self.nomenclatures.get(nomenclature, ())

    @property
    def lacks_nomenclatures(self) -> bool:
        """Whether nomenclatures were looked up and none was found."""
        return self.nomenclatures is not None and not self.nomenclatures


RuleCheck = Callable[[Programme, RuleContext], Iterable[Breach]]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1}


@frozen(kw_only=True)
class Violation:
    """One breach of one rule, with its code, severity, the ids concerned and messages."""

    code: str
    """The rule's code, such as ``"STG-008"``."""
    severity: Severity
    """The rule's severity, or a warning for a breach given with ``warning=True``."""
    subjects: tuple[Subject, ...] = field(converter=_labelled)
    """The ids concerned, each a :class:`Subject` saying what it names (plain strings
    given here are labelled ``object``)."""
    text: Message = field(validator=_message)
    """What is wrong, in every language: :meth:`message` renders it."""
    origin: str = "core"
    """Who made the rule: ``"core"`` or the plugin's name."""

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The message in ``lang`` (``"en"``, ``"fr"``, ``"pt"``…; English by default)."""
        return self.text(lang)

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...], str]:
        """Errors first, then by code, subjects and English message."""
        return (*_unrendered_key(self), self.text(SOURCE_LANGUAGE))


def _unrendered_key(v: Violation) -> tuple[int, str, tuple[str, ...]]:
    """:attr:`Violation.sort_key` but its message, which costs a rendering."""
    return (_ORDER[v.severity], v.code, v.subjects)


def _in_order(found: Iterable[Violation]) -> tuple[Violation, ...]:
    """``found`` sorted by :attr:`Violation.sort_key`, a message rendered only to break a tie.

    Sorted by the rest of the key first, then each run of violations alike but for
    their messages by message: the same order (both sorts are stable), without
    rendering every message in English (most of the time of a report with many
    violations, such as a closing refused for every unmeasured indicator).
    """
    ordered: list[Violation] = []
    for _alike, run in groupby(sorted(found, key=_unrendered_key), key=_unrendered_key):
        tied = list(run)
        if len(tied) > 1:
            tied.sort(key=lambda v: v.text(SOURCE_LANGUAGE))
        ordered.extend(tied)
    return tuple(ordered)


def _code(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InvalidValueError(
            "Rule",
            "code",
            _("a code like 'STG-001' or 'UEMOA-001'"),
            value,
        )


@frozen(kw_only=True)
class Rule:
    """A stage rule: a stable code, a severity, a title and a pure check."""

    code: str = field(validator=_code)
    """A stable code: letters, a dash, three digits (``"STG-001"``, ``"UEMOA-001"``)."""
    severity: Severity
    """Error (blocks a transition) or warning."""
    title: Message = field(validator=_message)
    """What the rule says, in every language (``rule.title("fr")``)."""
    check: RuleCheck = field(eq=False)
    """The pure function ``(programme, context) -> Iterable[Breach]``."""
    origin: str = "core"
    """Who made the rule: ``"core"`` or the plugin's name."""

    def evaluate(self, programme: Programme, context: RuleContext) -> list[Violation]:
        """Every violation of this rule by ``programme``."""
        return [
            Violation(
                code=self.code,
                severity=Severity.WARNING if b.warning else self.severity,
                subjects=b.subjects,
                text=b.text,
                origin=self.origin,
            )
            for b in self.check(programme, context)
        ]


def rule(
    code: str,
    *,
    title: Message,
    severity: Severity = Severity.ERROR,
    origin: str = "core",
) -> Callable[[RuleCheck], Rule]:
    """Make a :class:`Rule` of a function ``(programme, context) -> Iterable[Breach]``.

    ``title`` is a message of a catalogue: the library's ``_()`` for the core
    rules, a plugin's own :class:`~compagnonnage._i18n.Catalogue` for its rules.

    >>> from compagnonnage._i18n import _
    >>> @rule("DOC-001", title=_("A title"))
    ... def _titled(programme, context):
    ...     return ()
    >>> _titled.code
    'DOC-001'
    >>> _titled.title("en")
    'A title'
    """

    def wrap(check: RuleCheck) -> Rule:
        return Rule(
            code=code,
            severity=severity,
            title=title,
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
        """The rule set holding only the core rules (STG-001 … STG-015, REF-001, REF-002,
        FUN-001 … FUN-007)."""
        from compagnonnage.rules._core import CORE_RULES

        return cls({r.code: r for r in CORE_RULES})

    def with_rules(self, *extra: Rule) -> RuleSet:
        """A new rule set with ``extra`` added; a code already present is refused."""
        merged = dict(self._rules)
        for r in extra:
            if not isinstance(r, Rule):
                raise RuleSetError(_("expected a Rule, got {r!r}", r=r))
            if r.code in merged:
                held = merged[r.code]
                raise RuleSetError(
                    _(
                        "rule {code} from {origin!r} clashes with rule {code} from {origin2!r}",
                        code=r.code,
                        origin=r.origin,
                        origin2=held.origin,
                    )
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

    def failing(self, programme: Programme, context: RuleContext | None = None) -> tuple[str, ...]:
        """The codes of the rules with an error on ``programme``, in code order.

        The codes of :meth:`check`'s errors, each rule asked only for its first
        error breach (its others are neither made into violations nor sought).
        """
        ctx = context if context is not None else RuleContext()
        codes = []
        for r in self._rules.values():
            if r.severity is Severity.ERROR and any(not b.warning for b in r.check(programme, ctx)):
                codes.append(r.code)
        return tuple(sorted(codes))

    def check(self, programme: Programme, context: RuleContext | None = None) -> Report:
        """Evaluate every rule on ``programme`` and return all violations at once."""
        ctx = context if context is not None else RuleContext()
        found: list[Violation] = []
        for r in self._rules.values():
            found.extend(r.evaluate(programme, ctx))
        return Report(programme_id=programme.id, violations=_in_order(found))


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
