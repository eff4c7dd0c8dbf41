"""Errors of field forms: a module that cannot become a form, and exports that cannot be read."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from compagnonnage._i18n import Lang, Message, _
from compagnonnage.errors import CompagnonnageError

MAX_SHOWN = 100
"""The most problems an :class:`ExportError` message lists (it keeps them all)."""


class FormError(CompagnonnageError):
    """A module could not be turned into a form that ODK and KoboToolbox accept.

    :ivar module_id: the module.
    :ivar reason: what went wrong, in French and English.
    """

    def __init__(self, module_id: str, reason: Message) -> None:
        self.module_id = module_id
        self.reason = reason
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "en") -> str:
        """The message in ``lang``."""
        head = _("form of module")(lang)
        return f"{head} {self.module_id}{' :' if lang == 'fr' else ':'} {self.reason(lang)}"


@frozen
class ExportProblem:
    """One thing wrong in an export file: where (file, submission, column) and what.

    :ivar source: the file.
    :ivar row: the spreadsheet row (CSV; the header is row 1) or the submission's
        position (JSON, from 1); ``None`` for the file as a whole.
    :ivar column: the column (CSV) or key (JSON), when one is at fault.
    :ivar fr: the message in French.
    :ivar en: the message in English.
    """

    source: str
    row: int | None
    column: str | None
    fr: str
    en: str
    json: bool = False

    def where(self, lang: Lang = "en") -> str:
        """``file, row 3, column "gov_minutes"`` in ``lang``."""
        parts = [self.source]
        if self.row is not None:
            unit = ("soumission", "submission") if self.json else ("ligne", "row")
            parts.append(f"{unit[0] if lang == 'fr' else unit[1]} {self.row}")
        if self.column is not None:
            word = ("clé", "key") if self.json else ("colonne", "column")
            parts.append(f"{word[0] if lang == 'fr' else word[1]} {self.column!r}")
        return ", ".join(parts)

    def message(self, lang: Lang = "en") -> str:
        """Where and what, in ``lang``."""
        return f"{self.where(lang)}{' : ' if lang == 'fr' else ': '}{self.fr if lang == 'fr' else self.en}"


class ExportError(CompagnonnageError):
    """Export files of ODK or KoboToolbox could not be read as answers: every problem found.

    Nothing is imported from exports with a problem.

    :ivar problems: every problem, in the order found.
    """

    def __init__(self, problems: Iterable[ExportProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "en") -> str:
        """The problems, one per line (at most :data:`MAX_SHOWN`), in ``lang``."""
        n = len(self.problems)
        if lang == "fr":
            head = f"exports illisibles, {n} problème{'s' if n > 1 else ''} :"
        else:
            head = f"unreadable exports, {n} problem{'s' if n > 1 else ''}:"
        lines = [head, *(f"  {p.message(lang)}" for p in self.problems[:MAX_SHOWN])]
        if n > MAX_SHOWN:
            more = n - MAX_SHOWN
            lines.append(f"  … et {more} de plus" if lang == "fr" else f"  … and {more} more")
        return "\n".join(lines)
