"""Reading JSON text within limits, the envelope, and the migrations between format versions.

Two readers: orjson (fast) and the standard library's ``json`` (slow, but its
errors say where the text is broken and its hooks let numbers be checked). The
fast reader is tried first; whenever anything fails, the document is read again
with the detailed reader, which explains every problem.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from attrs import frozen

from compagnonnage.documents._problems import DocumentError, Problem, _key, _Refused

SCHEMA_VERSION = 2
"""The version of the document format this library writes (and the newest it reads)."""

MAX_DOCUMENT_SIZE = 16 * 1024 * 1024
"""The largest document read, in bytes (in characters for a ``str``): 16 MiB."""

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects read (a programme needs about 10)."""

_MAX_DIGITS = 20


def _refused(text: str, fr: str, en: str) -> _Refused:
    value = _Refused(text)
    value.fr = f"{fr} : {text[:40]}"
    value.en = f"{en}: {text[:40]}"
    return value


def _parse_constant(text: str) -> _Refused:
    return _refused(
        text, "NaN et Infinity ne sont pas du JSON valide", "NaN and Infinity are not valid JSON"
    )


def _parse_int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return _refused(text, "nombre trop grand", "number too large")
    return int(text)


def _parse_float(text: str) -> float | _Refused:
    value = float(text)
    if not math.isfinite(value):
        return _refused(text, "nombre trop grand", "number too large")
    return value


_JSON_FR = {
    "Expecting value": "valeur attendue",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Expecting property name enclosed in double quotes": (
        "nom de champ entre guillemets doubles attendu"
    ),
    "Unterminated string starting at": "texte non terminé",
    "Invalid control character at": "caractère de contrôle interdit",
    "Invalid \\escape": "séquence d'échappement invalide",
    "Invalid \\uXXXX escape": "séquence \\uXXXX invalide",
    "Extra data": "données après la fin du document",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": "marque d'ordre d'octets (BOM) interdite",
}


def _problem(fr: str, en: str) -> DocumentError:
    return DocumentError([Problem("$", fr, en)])


def _check_size(data: str | bytes) -> None:
    if not isinstance(data, str | bytes):
        raise TypeError(f"a document is str or bytes, not {type(data).__name__}")
    if len(data) > MAX_DOCUMENT_SIZE:
        raise _problem(
            f"document trop volumineux ({len(data)} octets, au plus {MAX_DOCUMENT_SIZE})",
            f"document too large ({len(data)} bytes, at most {MAX_DOCUMENT_SIZE})",
        )
    if not data or data.isspace():  # isspace stops at the first other character; strip copies
        raise _problem("document vide", "empty document")


def _parse_detailed(data: str | bytes) -> Any:
    """The JSON value of ``data``, or :class:`DocumentError` saying exactly what is wrong."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _problem(
                f"le document n'est pas en UTF-8 (octet {exc.start})",
                f"the document is not UTF-8 (byte {exc.start})",
            ) from None
    else:
        text = data
    try:
        value = json.loads(
            text,
            parse_constant=_parse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        where_fr = f"ligne {exc.lineno}, colonne {exc.colno}"
        where_en = f"line {exc.lineno}, column {exc.colno}"
        raise _problem(
            f"JSON invalide : {_JSON_FR.get(exc.msg, exc.msg)} ({where_fr})",
            f"invalid JSON: {exc.msg} ({where_en})",
        ) from None
    except RecursionError:
        value = None
        deep = True
    else:
        deep = _deeper_than(value, MAX_DEPTH)
    if deep:
        raise _problem(
            f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)",
            f"nesting too deep (at most {MAX_DEPTH} levels)",
        )
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in ``value``."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


# -- the envelope ---------------------------------------------------------------------


def _open(doc: Any, name: str) -> tuple[int, Any]:
    """The version and the payload of an envelope ``{"schema_version": N, name: {...}}``."""
    if type(doc) is not dict:
        raise _problem(
            f'attendu : un objet {{"schema_version": …, "{name}": …}}',
            f'expected an object {{"schema_version": …, "{name}": …}}',
        )
    problems: list[Problem] = []
    version = doc.get("schema_version")
    if "schema_version" not in doc:
        problems.append(
            Problem("$.schema_version", "champ obligatoire manquant", "required field missing")
        )
    elif type(version) is not int or version < 1:
        problems.append(
            Problem(
                "$.schema_version",
                f"attendu : une version de format de 1 à {SCHEMA_VERSION}, reçu {version!r}",
                f"expected a format version from 1 to {SCHEMA_VERSION}, got {version!r}",
            )
        )
    elif version > SCHEMA_VERSION:
        problems.append(
            Problem(
                "$.schema_version",
                f"format {version} écrit par une version plus récente ; cette version lit "
                f"les formats 1 à {SCHEMA_VERSION}",
                f"format {version} was written by a newer version; this version reads "
                f"formats 1 to {SCHEMA_VERSION}",
            )
        )
    if name not in doc:
        problems.append(
            Problem(_key("$", name), "champ obligatoire manquant", "required field missing")
        )
    for extra in sorted(k for k in doc if k not in ("schema_version", name)):
        problems.append(
            Problem(
                _key("$", extra),
                f"champ inconnu (champs possibles : {name}, schema_version)",
                f"unknown field (known fields: {name}, schema_version)",
            )
        )
    if problems:
        raise DocumentError(problems)
    return cast(int, version), doc[name]


# -- migrations -----------------------------------------------------------------------


@frozen
class Migration:
    """One step of the document format: from version :attr:`source` to ``source + 1``."""

    source: int
    """The version the step reads."""
    fr: str
    """What changes, in French."""
    en: str
    """What changes, in English."""
    upgrade: Callable[[dict[str, Any]], dict[str, Any]]
    """A pure function from an envelope of version ``source`` to one of ``source + 1``."""


def _region_code(value: Any) -> Any:
    """A version-1 region object as its ISO 3166 code; anything else unchanged."""
    if (
        type(value) is dict
        and value.keys() <= {"country", "subdivision"}
        and isinstance(value.get("country"), str)
    ):
        subdivision = value.get("subdivision")
        if subdivision is None:
            return value["country"]
        if isinstance(subdivision, str) and subdivision.startswith(value["country"] + "-"):
            return subdivision
    return value


def _regions_as_codes(value: Any) -> Any:
    if type(value) is list:
        return [_regions_as_codes(v) for v in value]
    if type(value) is not dict:
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "region":
            item = _region_code(item)
        elif key == "regions" and type(item) is list:
            item = [_region_code(v) for v in item]
        out[key] = _regions_as_codes(item)
    return out


def _v1_to_v2(envelope: dict[str, Any]) -> dict[str, Any]:
    upgraded = _regions_as_codes(envelope)
    upgraded["schema_version"] = 2
    return dict(upgraded)


MIGRATIONS: Mapping[int, Migration] = MappingProxyType(
    {
        1: Migration(
            1,
            "Les régions s'écrivent par leur code ISO 3166 (« TG », « TG-M ») et non plus "
            'comme des objets {"country", "subdivision"}.',
            'Regions are written as their ISO 3166 code ("TG", "TG-M") instead of '
            '{"country", "subdivision"} objects.',
            _v1_to_v2,
        ),
    }
)
"""The migrations by the version they read; loading applies them in turn up to
:data:`SCHEMA_VERSION`."""


def _migrate(envelope: dict[str, Any], version: int) -> dict[str, Any]:
    if version < SCHEMA_VERSION and _deeper_than(envelope, MAX_DEPTH):
        raise _problem(
            f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)",
            f"nesting too deep (at most {MAX_DEPTH} levels)",
        )
    while version < SCHEMA_VERSION:
        envelope = MIGRATIONS[version].upgrade(envelope)
        version += 1
    return envelope
