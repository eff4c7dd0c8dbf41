"""The exceptions of compagnonnage.

Every error the library raises on purpose derives from :class:`CompagnonnageError`,
so an application can catch the whole family with one ``except`` clause. Each one
says *where* the problem is (a class and field, a document path, a plugin) and
*what* was expected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compagnonnage._i18n import Lang
    from compagnonnage.rules import Violation

__all__ = [
    "CompagnonnageError",
    "InvalidValueError",
    "TransitionRefused",
    "UnknownReferenceError",
]


class CompagnonnageError(Exception):
    """Base class of every error raised by compagnonnage."""


class InvalidValueError(CompagnonnageError, ValueError):
    """A domain object was given a value that does not fit one of its fields.

    :ivar owner: the class being built (``"Expert"``).
    :ivar field: the field at fault (``"affiliation"``).
    :ivar expected: what the field accepts, in words.
    :ivar got: the ``repr`` of the value that was given.
    """

    def __init__(self, owner: str, field: str, expected: str, got: object) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected
        self.got = repr(got)
        super().__init__(f"{owner}.{field}: expected {expected}, got {self.got}")


class UnknownReferenceError(CompagnonnageError, LookupError):
    """An operation named an object (by id) that the programme does not hold."""

    def __init__(self, kind: str, ident: str, programme_id: str) -> None:
        self.kind = kind
        """What was looked for, in words (``"support action"``, ``"recommendation"``)."""
        self.ident = ident
        """The id that was not found."""
        self.programme_id = programme_id
        """Id of the programme searched."""
        super().__init__(f"programme {programme_id!r} has no {kind} with id {ident!r}")


class TransitionRefused(CompagnonnageError):
    """A lifecycle operation was refused because it would break error-level rules.

    The programme given to the operation is unchanged (domain objects are
    immutable); :attr:`violations` holds *every* blocking violation, sorted.
    """

    def __init__(self, operation: str, programme_id: str, violations: Sequence[Violation]) -> None:
        self.operation = operation
        """The operation refused (``"close_preparation"``…)."""
        self.programme_id = programme_id
        """Id of the programme, which is unchanged."""
        self.violations = tuple(violations)
        """Every blocking violation, sorted."""
        lines = "\n".join(f"  {v.code} {v.message('en')}" for v in self.violations)
        super().__init__(
            f"{operation} refused on programme {programme_id!r}: "
            f"{len(self.violations)} blocking violation(s)\n{lines}"
        )

    def message(self, lang: Lang) -> str:
        """The refusal with each violation's message in ``lang`` (``"fr"`` or ``"en"``)."""
        head = (
            f"{self.operation} refusé pour le programme {self.programme_id!r} :"
            if lang == "fr"
            else f"{self.operation} refused on programme {self.programme_id!r}:"
        )
        return "\n".join([head, *(f"  {v.code} {v.message(lang)}" for v in self.violations)])
