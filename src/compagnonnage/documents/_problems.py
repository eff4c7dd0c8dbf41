"""Problems found in a document, the error that carries them, and how to read cattrs' errors.

Every hook of the converter reports a bad value by raising :class:`_Bad` (a
:class:`~compagnonnage._i18n.Message`, rendered in any language); cattrs wraps these in exception groups whose
notes name the field or the index. :func:`_problems_from` walks such a tree and
turns it into :class:`Problem` objects located by a JSONPath.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import attrs
from attrs import frozen

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _, _n
from compagnonnage.errors import CompagnonnageError, InvalidValueError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHOWN = 60

MAX_PROBLEMS = 100
"""The most problems a :class:`DocumentError` lists one by one; the rest are counted."""

_KINDS_SHOWN = 3


@frozen
class Problem:
    """One thing wrong with a document: where (a JSONPath) and what, in any language."""

    path: str
    """Where the problem is, as a JSONPath from the root (``$.programme.experts[0].id``)."""
    text: Message
    """What is wrong: a message of the library's catalogue, rendered with :meth:`message`."""

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """What is wrong, in ``lang`` (``"en"``, ``"fr"``, ``"pt"``…)."""
        return self.text(lang)

    def __str__(self) -> str:
        return f"{self.path}: {self.text(SOURCE_LANGUAGE)}"


@frozen
class _Omitted(Problem):
    """What a :class:`DocumentError` does not list: ``count`` problems, or unchecked items.

    Always kept, never counted against :data:`MAX_PROBLEMS`.
    """

    count: int


def _capped(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The first :data:`MAX_PROBLEMS` distinct ``problems``, then how many more of each kind.

    Memory stays small whatever the number of problems: beyond the first, they
    are only counted, by message, the first few messages named.
    """
    kept: dict[Problem, None] = {}
    summaries: list[Problem] = []
    more: dict[Message, list[Any]] = {}  # message -> [count, first problem with it]
    others = 0
    for problem in problems:
        if isinstance(problem, _Omitted):
            summaries.append(problem)
        elif len(kept) < MAX_PROBLEMS:
            kept[problem] = None
        elif problem not in kept:
            counted = more.get(problem.text)
            if counted is not None:
                counted[0] += 1
            elif len(more) < _KINDS_SHOWN:
                more[problem.text] = [1, problem]
            else:
                others += 1
    for count, first in more.values():
        text = _n(
            "… and {count} more problem of this kind, from here on ({first})",
            "… and {count} more problems of this kind, from here on ({first})",
            count,
            count=count,
            first=first.text,
        )
        summaries.append(_Omitted(first.path, text, count))
    if others:
        text = _n(
            "… and {count} more problem of other kinds",
            "… and {count} more problems of other kinds",
            others,
            count=others,
        )
        summaries.append(_Omitted("$", text, others))
    return (*kept, *summaries)


class DocumentError(CompagnonnageError, ValueError):
    """A document could not be read: it carries the problems found, each with its path.

    No object is built from a document that has a problem. The first
    100 problems (``MAX_PROBLEMS``) are listed one by one; the others are counted
    by kind ("… and 999900 more problems of this kind, from here on (expected
    a string, got 0)"), so that a document of a million wrong values gives a
    short error, quickly.

    :ivar problems: the problems, in the order they were found.
    :ivar source: the file the document came from, or ``None`` for a string.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = _capped(problems)
        self.source = source
        """The file the document came from, or ``None`` for a string."""
        super().__init__(self.message(SOURCE_LANGUAGE))

    def __reduce__(self) -> tuple[type[DocumentError], tuple[tuple[Problem, ...], str | None]]:
        return (type(self), (self.problems, self.source))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """Every problem, one per line, with its path, in ``lang`` (``"en"``, ``"fr"``, ``"pt"``…)."""
        n = sum(p.count if isinstance(p, _Omitted) else 1 for p in self.problems)
        if self.source:
            head = _n(
                "{source}: invalid document, {count} problem:",
                "{source}: invalid document, {count} problems:",
                n,
                source=self.source,
                count=n,
            )
        else:
            head = _n(
                "invalid document, {count} problem:",
                "invalid document, {count} problems:",
                n,
                count=n,
            )
        lines = (f"  {p.path}: {p.message(lang)}" for p in self.problems)
        return "\n".join([head(lang), *lines])


# -- how much a bad document may cost --------------------------------------------------

_BUDGET: ContextVar[list[int] | None] = ContextVar("_BUDGET", default=None)


@contextmanager
def _problem_budget() -> Iterator[None]:
    """Within: once :data:`MAX_PROBLEMS` wrong items are found, arrays stop being checked.

    Checking an array item by item costs an exception per wrong item; a document
    of millions of wrong items would cost minutes and gigabytes. The converter
    calls :func:`_spend` for each wrong item and stops an array when it says so:
    the first :data:`MAX_PROBLEMS` problems are all found, then each array stops
    at its first wrong item.
    """
    token = _BUDGET.set([MAX_PROBLEMS])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _cost(exc: BaseException) -> int:
    """How many problems ``exc``, raised by an item, holds that no array has counted yet.

    An array's items count themselves (see :func:`_spend`); a record's fields do not.
    """
    from cattrs.errors import ClassValidationError, IterableValidationError

    if isinstance(exc, IterableValidationError):
        return 0
    if isinstance(exc, ClassValidationError):
        return sum(_cost(sub) for sub in exc.exceptions)
    return 1


def _spend(exc: BaseException) -> bool:
    """Count the problems of a wrong item; whether the budget is spent (checking should stop)."""
    budget = _BUDGET.get()
    if budget is None:
        return False
    budget[0] -= _cost(exc)
    return budget[0] < 0


class _Unchecked(Exception):
    """The rest of an array, left unchecked because the budget of problems is spent."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class _Bad(ValueError):
    """Raised by a hook: the value at hand is wrong (the path is added by the caller)."""

    def __init__(self, text: Message) -> None:
        super().__init__(text(SOURCE_LANGUAGE))
        self.text = text


class _Refused(str):
    """A number the detailed JSON reader refuses (NaN, Infinity, too large), kept as text.

    The converter's hooks report it at its path with its own message.
    """

    text: Message


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(text: str) -> str:
    """``text`` with each lone surrogate written as its JSON escape (``\\ud800``).

    A lone surrogate cannot be encoded: a message carrying one would crash
    whatever prints it.
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_AN_OBJECT = _("an object")
_AN_ARRAY = _("an array")


def _show(value: object) -> Message | str:
    """A value as it appears in JSON, shortened: ``"onsite"``, ``12``, or the words ``an object``."""
    if isinstance(value, dict):
        return _AN_OBJECT
    if isinstance(value, list):
        return _AN_ARRAY
    try:
        text = _escaped(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _expected(what: Message, value: object) -> _Bad:
    """The usual shape of a message: what was expected, and what came."""
    if isinstance(value, _Refused):
        return _Bad(value.text)
    return _Bad(_("expected {expected}, got {got}", expected=what, got=_show(value)))


def _key(path: str, name: str | int) -> str:
    """``path`` extended by a field name or an index, in JSONPath notation."""
    if isinstance(name, int):
        return f"{path}[{name}]"
    if _NAME.fullmatch(name):
        return f"{path}.{name}"
    return f"{path}[{_escaped(json.dumps(name, ensure_ascii=False))}]"


def _invalid(path: str, err: InvalidValueError) -> Problem:
    index = getattr(err, "item_index", None)  # set by tuple_of: the item at fault
    return Problem(
        path if index is None else _key(path, index),
        _("expected {expected}, got {got}", expected=err.expected, got=err.got),
    )


def _known_fields(cl: type) -> list[str]:
    names = [a.alias for a in attrs.fields(cl) if a.init] if attrs.has(cl) else []
    if isinstance(getattr(cl, "KIND", None), str):
        names.append("kind")
    return sorted(names)


def _problems_from(exc: BaseException, path: str, *, at_field: bool = False) -> Iterator[Problem]:
    """Every problem in an exception tree raised while structuring the value at ``path``.

    ``at_field`` tells that ``path`` already names the field a model validator
    complained about (the converter validates field by field).
    """
    # Imported here: only the cattrs converter raises them, and good documents never
    # import cattrs.
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            note = next(
                (
                    n
                    for n in getattr(sub, "__notes__", ())
                    if isinstance(n, AttributeValidationNote | IterableValidationNote)
                ),
                None,
            )
            if isinstance(note, AttributeValidationNote):
                yield from _problems_from(sub, _key(path, note.name), at_field=True)
            elif isinstance(note, IterableValidationNote):
                yield from _problems_from(sub, _key(path, note.index), at_field=True)
            else:
                yield from _problems_from(sub, path)
    elif isinstance(exc, _Bad):
        yield Problem(path, exc.text)
    elif isinstance(exc, _Unchecked):
        text = _n(
            "{count} more item not checked: reading stops after {most} problems",
            "{count} more items not checked: reading stops after {most} problems",
            exc.count,
            count=exc.count,
            most=MAX_PROBLEMS,
        )
        yield _Omitted(path, text, 0)
    elif isinstance(exc, InvalidValueError):
        yield _invalid(path if at_field else _key(path, exc.field), exc)
    elif isinstance(exc, ForbiddenExtraKeysError):
        unknown = _unknown_field(", ".join(_known_fields(exc.cl)))
        names = heapq.nsmallest(MAX_PROBLEMS + 1, exc.extra_fields)
        for name in names[:MAX_PROBLEMS]:
            yield Problem(_key(path, name), unknown)
        more = len(exc.extra_fields) - MAX_PROBLEMS
        if more > 0:
            text = _n(
                "… and {count} more unknown field, from here on in alphabetical order",
                "… and {count} more unknown fields, from here on in alphabetical order",
                more,
                count=more,
            )
            yield _Omitted(_key(path, names[MAX_PROBLEMS]), text, more)
    elif isinstance(exc, KeyError):
        yield Problem(path, _MISSING)
    elif isinstance(exc, RecursionError):
        yield Problem(path, _("structure nested too deeply"))
    else:
        yield Problem(
            path, _("invalid value ({kind}: {error})", kind=type(exc).__name__, error=str(exc))
        )


_MISSING = _("required field missing")


def _unknown_field(known: str) -> Message:
    """The problem of a field a record does not have, naming those it has."""
    return _("unknown field (known fields: {known})", known=known)


def _with_value(problem: Message, value: object) -> Message:
    """``problem: value``, the value shown as the document has it."""
    return _("{problem}: {value}", problem=problem, value=value)
