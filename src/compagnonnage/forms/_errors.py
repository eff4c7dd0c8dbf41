"""Errors of field forms: a module that cannot become a form, and exports that cannot be read."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _, _n
from compagnonnage.errors import CompagnonnageError

MAX_SHOWN = 100
"""The most problems an :class:`ExportError` message lists (it keeps them all)."""


class FormError(CompagnonnageError):
    """A module could not be turned into a form that ODK and KoboToolbox accept.

    :ivar module_id: the module.
    :ivar reason: what went wrong, in every language.
    """

    def __init__(self, module_id: str, reason: Message) -> None:
        self.module_id = module_id
        self.reason = reason
        super().__init__(self.message("en"))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The message in ``lang``."""
        return _("form of module {module}: {reason}", module=self.module_id, reason=self.reason)(
            lang
        )


def row_label(row: int, *, json: bool) -> Message:
    """``row 3`` of a CSV file, ``submission 3`` of a JSON one."""
    return _("submission {row}", row=row) if json else _("row {row}", row=row)


@frozen
class ExportProblem:
    """One thing wrong in an export file: where (file, submission, column) and what.

    :ivar source: the file.
    :ivar row: the spreadsheet row (CSV; the header is row 1) or the submission's
        position (JSON, from 1); ``None`` for the file as a whole.
    :ivar column: the column (CSV) or key (JSON), when one is at fault.
    :ivar text: what is wrong, in every language (:meth:`message` says where too).
    """

    source: str
    row: int | None
    column: str | None
    text: Message
    json: bool = False

    def where(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """``file, row 3, column 'gov_minutes'`` in ``lang``."""
        parts = [self.source]
        if self.row is not None:
            parts.append(row_label(self.row, json=self.json)(lang))
        if self.column is not None:
            column = repr(self.column)
            word = _("key {key}", key=column) if self.json else _("column {column}", column=column)
            parts.append(word(lang))
        return ", ".join(parts)

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """Where and what, in ``lang``."""
        return _("{where}: {problem}", where=self.where(lang), problem=self.text)(lang)


class ExportError(CompagnonnageError):
    """Export files of ODK or KoboToolbox could not be read as answers: every problem found.

    Nothing is imported from exports with a problem.

    :ivar problems: every problem, in the order found.
    """

    def __init__(self, problems: Iterable[ExportProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.message("en"))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """The problems, one per line (at most :data:`MAX_SHOWN`), in ``lang``."""
        n = len(self.problems)
        head = _n("unreadable exports, {count} problem:", "unreadable exports, {count} problems:")
        lines = [
            head.bind(n, count=n)(lang),
            *(f"  {p.message(lang)}" for p in self.problems[:MAX_SHOWN]),
        ]
        if n > MAX_SHOWN:
            lines.append("  " + _("… and {count} more", count=n - MAX_SHOWN)(lang))
        return "\n".join(lines)
