"""What is wrong with an IATI file, and the error that carries every problem."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _, _n
from compagnonnage.errors import CompagnonnageError


@frozen
class IatiProblem:
    """One thing wrong with an IATI activity file: where and what, in any language.

    :ivar path: where: an element path (``/iati-activities/iati-activity[1]/sector[2]``),
        with the line of the file when known, or a model path for a programme's rule
        (``cma-ucrm-2021: funding.sectors``).
    :ivar code: the rule broken: ``XSD`` for the schema, ``CODELIST`` for a code not in
        its codelist, an ``IATI-…`` code for IATI's own rules, or a ``FUN-…`` or other
        rule code of a programme.
    :ivar text: what is wrong: a message of the library's catalogue (a rule's own
        message for a programme's rule), rendered with :meth:`message`.
    """

    path: str
    code: str
    text: Message

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """What is wrong, in ``lang`` (``"en"``, ``"fr"``, ``"pt"``…)."""
        return self.text(lang)

    def __str__(self) -> str:
        return f"{self.path} [{self.code}]: {self.text(SOURCE_LANGUAGE)}"


class IatiError(CompagnonnageError, ValueError):
    """An IATI export or check failed: it carries every problem found.

    Nothing is written when an export fails.

    :ivar problems: the problems, in document order.
    :ivar source: the file checked, or ``None``.
    """

    def __init__(self, problems: Iterable[IatiProblem], source: str | None = None) -> None:
        self.problems: tuple[IatiProblem, ...] = tuple(dict.fromkeys(problems))
        self.source = source
        super().__init__(self.message(SOURCE_LANGUAGE))

    def __reduce__(self) -> tuple[type[IatiError], tuple[tuple[IatiProblem, ...], str | None]]:
        return (type(self), (self.problems, self.source))

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """Every problem, one per line, with its place and code, in ``lang``."""
        n = len(self.problems)
        if self.source:
            head = _n(
                "{source}: invalid IATI, {count} problem:",
                "{source}: invalid IATI, {count} problems:",
                n,
                source=self.source,
                count=n,
            )
        else:
            head = _n(
                "invalid IATI, {count} problem:", "invalid IATI, {count} problems:", n, count=n
            )
        lines = [
            "  " + _("{path} [{code}]: {problem}", path=p.path, code=p.code, problem=p.text)(lang)
            for p in self.problems
        ]
        return "\n".join([head(lang), *lines])
