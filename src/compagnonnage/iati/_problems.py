"""What is wrong with an IATI file, and the error that carries every problem."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from compagnonnage._i18n import Lang
from compagnonnage.errors import CompagnonnageError


@frozen
class IatiProblem:
    """One thing wrong with an IATI activity file: where and what, in French and English.

    :ivar path: where: an element path (``/iati-activities/iati-activity[1]/sector[2]``),
        with the line of the file when known, or a model path for a programme's rule
        (``cma-ucrm-2021: funding.sectors``).
    :ivar code: the rule broken: ``XSD`` for the schema, ``CODELIST`` for a code not in
        its codelist, an ``IATI-…`` code for IATI's own rules, or a ``FUN-…`` or other
        rule code of a programme.
    :ivar fr: what is wrong, in French.
    :ivar en: what is wrong, in English.
    """

    path: str
    code: str
    fr: str
    en: str

    def message(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (``"fr"`` or ``"en"``)."""
        return self.fr if lang == "fr" else self.en


class IatiError(CompagnonnageError, ValueError):
    """An IATI export or check failed: it carries every problem found.

    Nothing is written when an export fails.

    :ivar problems: the problems, in document order.
    :ivar source: the file checked, or ``None``.
    """

    def __init__(self, problems: Iterable[IatiProblem], source: str | None = None) -> None:
        self.problems: tuple[IatiProblem, ...] = tuple(dict.fromkeys(problems))
        self.source = source
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[type[IatiError], tuple[tuple[IatiProblem, ...], str | None]]:
        return (type(self), (self.problems, self.source))

    def message(self, lang: Lang = "en") -> str:
        """Every problem, one per line, with its place and code, in ``lang``."""
        n = len(self.problems)
        colon = " : " if lang == "fr" else ": "
        where = f"{self.source}{colon}" if self.source else ""
        if lang == "fr":
            head = f"{where}IATI invalide, {n} problème{'s' if n > 1 else ''} :"
        else:
            head = f"{where}invalid IATI, {n} problem{'s' if n > 1 else ''}:"
        lines = [f"  {p.path} [{p.code}]{colon}{p.message(lang)}" for p in self.problems]
        return "\n".join([head, *lines])
