"""Problems found in a document, the error that carries them, and how to read cattrs' errors.

Every hook of the converter reports a bad value by raising :class:`_Bad` (a
message in French and English); cattrs wraps these in exception groups whose
notes name the field or the index. :func:`_problems_from` walks such a tree and
turns it into :class:`Problem` objects located by a JSONPath.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

import attrs
from attrs import frozen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from compagnonnage._i18n import Lang
from compagnonnage.errors import CompagnonnageError, InvalidValueError

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SHOWN = 60


@frozen
class Problem:
    """One thing wrong with a document: where (a JSONPath) and what, in French and English."""

    path: str
    """Where the problem is, as a JSONPath from the root (``$.programme.experts[0].id``)."""
    fr: str
    """The message in French."""
    en: str
    """The message in English."""

    def message(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (``"fr"`` or ``"en"``)."""
        return self.fr if lang == "fr" else self.en

    def __str__(self) -> str:
        return f"{self.path}: {self.en}"


class DocumentError(CompagnonnageError, ValueError):
    """A document could not be read: it carries *every* problem found, each with its path.

    No object is built from a document that has a problem.
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(dict.fromkeys(problems))
        """The problems, in the order they were found."""
        self.source = source
        """The file the document came from, or ``None`` for a string."""
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[type[DocumentError], tuple[tuple[Problem, ...], str | None]]:
        return (type(self), (self.problems, self.source))

    def message(self, lang: Lang = "en") -> str:
        """Every problem, one per line, with its path, in ``lang`` (``"fr"`` or ``"en"``)."""
        n = len(self.problems)
        where = f"{self.source}: " if self.source else ""
        if lang == "fr":
            head = f"{where}document invalide, {n} problème{'s' if n > 1 else ''} :"
        else:
            head = f"{where}invalid document, {n} problem{'s' if n > 1 else ''}:"
        return "\n".join([head, *(f"  {p.path}: {p.message(lang)}" for p in self.problems)])


class _Bad(ValueError):
    """Raised by a hook: the value at hand is wrong (the path is added by the caller)."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr = fr
        self.en = en


class _Refused(str):
    """A number the detailed JSON reader refuses (NaN, Infinity, too large), kept as text.

    The converter's hooks report it at its path with its own messages.
    """

    fr: str
    en: str


def _show(value: object) -> str:
    """A value as it appears in JSON, shortened: ``"onsite"``, ``12``, ``an object``."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _shown_fr(value: object) -> str:
    if isinstance(value, dict):
        return "un objet"
    if isinstance(value, list):
        return "un tableau"
    return _show(value)


def _expected(fr: str, en: str, value: object) -> _Bad:
    """The usual shape of a message: what was expected, and what came."""
    if isinstance(value, _Refused):
        return _Bad(value.fr, value.en)
    return _Bad(f"attendu : {fr}, reçu {_shown_fr(value)}", f"expected {en}, got {_show(value)}")


def _key(path: str, name: str | int) -> str:
    """``path`` extended by a field name or an index, in JSONPath notation."""
    if isinstance(name, int):
        return f"{path}[{name}]"
    if _NAME.fullmatch(name):
        return f"{path}.{name}"
    return f"{path}[{json.dumps(name, ensure_ascii=False)}]"


# What the model's validators expect, in French (the English text is theirs).
_EXPECTED_FR: dict[str, str] = {
    "an id (letters, digits, '_.:/-', 1-128 chars)": (
        "un identifiant (lettres, chiffres, « _.:/- », 1 à 128 caractères)"
    ),
    "a non-empty string": "un texte non vide",
    "a whole number >= 0": "un nombre entier >= 0",
    "an ISO 3166-1 alpha-2 country code": "un code pays ISO 3166-1 alpha-2",
    "an ISO 3166-2 subdivision code": "un code de subdivision ISO 3166-2",
    "an ISO 639-1 language code": "un code de langue ISO 639-1",
    "a lower-case code of letters, digits and '_'": (
        "un code en minuscules (lettres, chiffres et « _ »)"
    ),
    "a lower-case code": "un code en minuscules",
    "a date (YYYY-MM-DD)": "une date (AAAA-MM-JJ)",
    "a timezone-aware datetime": "une date et heure avec fuseau horaire",
}
_EXPECTED_FR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"one of (.*)"), r"l'une des valeurs \1"),
    (re.compile(r"a subdivision of (.*)"), r"une subdivision de \1"),
    (re.compile(r"a tuple of (.*)"), r"une suite de \1"),
    (re.compile(r"a frozenset of (.*)"), r"un ensemble de \1"),
    (re.compile(r"an? (.*)"), r"un(e) \1"),
)


def _translate(expected: str) -> str:
    if expected in _EXPECTED_FR:
        return _EXPECTED_FR[expected]
    for pattern, repl in _EXPECTED_FR_PATTERNS:
        if pattern.fullmatch(expected):
            return pattern.sub(repl, expected)
    return expected


def _invalid(path: str, err: InvalidValueError) -> Problem:
    return Problem(
        path,
        f"attendu : {_translate(err.expected)}, reçu {err.got}",
        f"expected {err.expected}, got {err.got}",
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
        yield Problem(path, exc.fr, exc.en)
    elif isinstance(exc, InvalidValueError):
        yield _invalid(path if at_field else _key(path, exc.field), exc)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(_known_fields(exc.cl))
        for name in sorted(exc.extra_fields):
            yield Problem(
                _key(path, name),
                f"champ inconnu (champs possibles : {known})",
                f"unknown field (known fields: {known})",
            )
    elif isinstance(exc, KeyError):
        yield Problem(path, "champ obligatoire manquant", "required field missing")
    elif isinstance(exc, RecursionError):
        yield Problem(path, "structure trop profonde", "structure nested too deeply")
    else:
        yield Problem(
            path,
            f"valeur invalide ({type(exc).__name__} : {exc})",
            f"invalid value ({type(exc).__name__}: {exc})",
        )
