"""The exceptions of compagnonnage.

Every error the library raises on purpose derives from :class:`CompagnonnageError`,
so an application can catch the whole family with one ``except`` clause. Each one
says *where* the problem is (a class and field, a document path, a plugin) and
*what* was expected, as one :class:`~compagnonnage._i18n.Message`:
:meth:`CompagnonnageError.message` renders it in any language the library speaks
(``"en"``, ``"fr"``, ``"pt"``…), ``str(error)`` is the English text, and the
attributes documented on each class hold the same facts as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from compagnonnage._i18n import CORE, SOURCE_LANGUAGE, Catalogue, Lang, Message, _, _n, term

__all__ = [
    "CompagnonnageError",
    "InvalidValueError",
    "LifecycleMisuse",
    "MissingExtraError",
    "TransitionRefused",
    "UnknownReferenceError",
]


class _Violation(Protocol):
    """What a refusal lists: a rule violation (:class:`compagnonnage.rules.Violation`).

    Described by its shape, so that this bottom layer imports nothing of the rules.
    """

    @property
    def code(self) -> str: ...

    def message(self, lang: Lang) -> str: ...


_V = TypeVar("_V", bound=_Violation)


_VERBATIM = Catalogue("compagnonnage_verbatim", "compagnonnage")
"""A catalogue with no translations: a plain string given for a message, said as it is."""


def _term(key: str) -> Message:
    """The domain's term ``key`` (``"kind.support_action"``) as a message, rendered in each language."""
    return Message(CORE, term(key, SOURCE_LANGUAGE), context=key)


class CompagnonnageError(Exception):
    """Base class of every error raised by compagnonnage.

    Pass the text as a :class:`~compagnonnage._i18n.Message` (``_("…", name=…)``):
    :meth:`message` renders it in the language asked for. A plain string (a
    plugin's own error without a catalogue) is the same in every language.
    """

    def __init__(self, text: Message | str) -> None:
        self._text = text
        super().__init__(self.message(SOURCE_LANGUAGE))

    def message(self, lang: Lang) -> str:
        """The error in ``lang`` (``"fr"``, ``"en"``, ``"pt"``…); ``str(error)`` is the English one."""
        return self._text if isinstance(self._text, str) else self._text(lang)


class InvalidValueError(CompagnonnageError, ValueError):
    """A domain object was given a value that does not fit one of its fields.

    :ivar owner: the class being built (``"Expert"``), or the operation called.
    :ivar field: the field at fault (``"affiliation"``).
    :ivar expected: what the field accepts, in every language (a ``Message``:
        ``error.expected("fr")``). A plugin raising this
        error may give a plain string, said as it is in every language.
    :ivar got: the ``repr`` of the value that was given.
    :ivar hint: how to give the value the field expects, in every language
        (``use Modality.ON_SITE``), or ``None``.
    """

    def __init__(
        self,
        owner: str,
        field: str,
        expected: Message | str,
        got: object,
        *,
        hint: Message | None = None,
    ) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected if isinstance(expected, Message) else _VERBATIM.message(expected)
        self.got = repr(got)
        self.hint = hint
        where = f"{owner}.{field}"
        if hint is None:
            text = _(
                "{where}: expected {expected}, got {got}",
                where=where,
                expected=expected,
                got=self.got,
            )
        else:
            text = _(
                "{where}: expected {expected}, got {got} ({hint})",
                where=where,
                expected=expected,
                got=self.got,
                hint=hint,
            )
        super().__init__(text)


class UnknownReferenceError(CompagnonnageError, LookupError):
    """An operation named an object (by id) that the programme does not hold.

    :ivar kind: what kind of object was named, as a stable code
        (``"support_action"``, ``"recommendation"``).
    :ivar ident: the id that was given.
    :ivar programme_id: the id of the programme that was searched.
    """

    def __init__(self, kind: str, ident: str, programme_id: str) -> None:
        self.kind = kind
        """What was looked for, in words (``"support action"``, ``"recommendation"``)."""
        self.ident = ident
        """The id that was not found."""
        self.programme_id = programme_id
        super().__init__(
            _(
                "programme {programme_id!r} has no {what} with id {ident!r}",
                programme_id=programme_id,
                what=_term(f"kind.{kind}"),
                ident=ident,
            )
        )


class LifecycleMisuse(CompagnonnageError, ValueError):
    """A lifecycle operation was called with arguments it cannot take.

    Raised *before* anything is built: the programme, the history and the
    records are untouched. Unlike :class:`TransitionRefused`, no rule was
    evaluated; the call itself is wrong. The codes:

    ======== =================================================================
    LIF-001  the action is not in a status the operation accepts
             (start a planned action, complete one in progress, cancel one
             that is neither completed nor cancelled; plan a planned one)
    LIF-002  a record of the wrong kind (a bare ``Deliverable`` or
             ``Finding``, what an action produces that does not fit it)
    LIF-003  ``at`` is not a timezone-aware datetime, or ``on`` not a date
    LIF-004  ``by`` is not an id
    LIF-005  ``reason`` is missing or blank
    ======== =================================================================

    :ivar code: one of the codes above.
    :ivar operation: the operation called (``"complete_action"``).
    :ivar programme_id: the programme it was called on.
    :ivar argument: the argument at fault (``"action_id"``, ``"at"``, ``"reason"``).
    :ivar expected: what it should have been, in every language (a ``Message``).
    :ivar got: the ``repr`` of what was given (for LIF-001, of the action's status).
    """

    def __init__(
        self,
        code: str,
        operation: str,
        programme_id: str,
        argument: str,
        expected: Message,
        got: object,
    ) -> None:
        self.code = code
        self.operation = operation
        self.programme_id = programme_id
        self.argument = argument
        self.expected = expected
        self.got = repr(got)
        super().__init__(
            _(
                "{code} {operation} ({doing}) on programme {programme_id!r}: {argument}: "
                "expected {expected}, got {got}",
                code=code,
                operation=operation,
                doing=_term(f"operation.{operation}"),
                programme_id=programme_id,
                argument=argument,
                expected=expected,
                got=self.got,
            )
        )


class TransitionRefused(CompagnonnageError, Generic[_V]):
    """A lifecycle operation was refused because it would break error-level rules.

    The programme given to the operation is unchanged (domain objects are
    immutable).

    :ivar operation: the operation refused (``"close_preparation"``).
    :ivar programme_id: the programme it was tried on.
    :ivar violations: *every* blocking violation, sorted.

    Its :meth:`message` is the refusal (``close_preparation (closing the
    preparation) refused on programme 'p': 2 blocking violations``) followed by one
    line per violation, each in the language asked for.
    """

    def __init__(self, operation: str, programme_id: str, violations: Sequence[_V]) -> None:
        self.operation = operation
        """The operation refused (``"close_preparation"``…)."""
        self.programme_id = programme_id
        self.violations: tuple[_V, ...] = tuple(violations)
        n = len(self.violations)
        super().__init__(
            _n(
                "{operation} ({doing}) refused on programme {programme_id!r}: "
                "{count} blocking violation",
                "{operation} ({doing}) refused on programme {programme_id!r}: "
                "{count} blocking violations",
                n,
                operation=operation,
                doing=_term(f"operation.{operation}"),
                programme_id=programme_id,
                count=n,
            )
        )

    def message(self, lang: Lang) -> str:
        """The refusal in ``lang``, then each blocking violation on a line of its own."""
        lines = "".join(f"\n  {v.code} {v.message(lang)}" for v in self.violations)
        return f"{super().message(lang)}{lines}"


class MissingExtraError(CompagnonnageError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it.

    :ivar extra: the extra that installs it (``"iati"``: ``pip install 'compagnonnage[iati]'``).
    :ivar module: the module missing (``"lxml"``).
    """

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            _(
                "{module} is not installed: pip install 'compagnonnage[{extra}]'",
                module=module,
                extra=extra,
            )
        )
