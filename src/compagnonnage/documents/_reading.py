"""Reading JSON text within limits, the envelope, and the migrations between format versions.

Two readers: orjson (fast) and the standard library's ``json`` (slow, but its
errors say where the text is broken and its hooks let numbers be checked). The
fast reader is tried first; whenever anything fails, the document is read again
with the detailed reader, which explains every problem.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from attrs import frozen

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang, Message, _
from compagnonnage.documents._problems import (
    _MISSING,
    DocumentError,
    Problem,
    _key,
    _Refused,
    _unknown_field,
    _with_value,
)

SCHEMA_VERSION = 3
"""The version of the document format this library writes (and the newest it reads)."""

MAX_DOCUMENT_SIZE = 16 * 1024 * 1024
"""The largest document read, in bytes (in characters for a ``str``): 16 MiB."""

MAX_DEPTH = 32
"""The deepest nesting of arrays and objects read (a programme needs about 10)."""

_MAX_DIGITS = 20
# Digits as "0", exponents as "e", signs as "s", anything else as a space.
_NUMBER_SHAPES = bytes(
    ord("0") if b in b"0123456789" else ord("e") if b in b"eE" else ord("s") if b in b"+-" else 32
    for b in range(256)
)
# What a number too large for the hooks below needs: more than _MAX_DIGITS digits, or
# an exponent of three digits. Without any, the detailed reader parses numbers in C.
_LARGE_NUMBER_SHAPES = (b"0" * (_MAX_DIGITS + 1), b"e000", b"es000")


_NOT_JSON = _("NaN and Infinity are not valid JSON")
_TOO_LARGE = _("number too large")


def _refused(text: str, problem: Message) -> _Refused:
    value = _Refused(text)
    value.text = _with_value(problem, text[:40])
    return value


def _parse_constant(text: str) -> _Refused:
    return _refused(text, _NOT_JSON)


def _parse_int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return _refused(text, _TOO_LARGE)
    return int(text)


def _parse_float(text: str) -> float | _Refused:
    value = float(text)
    if not math.isfinite(value):
        return _refused(text, _TOO_LARGE)
    return value


# What the standard library's JSON reader says, in the words of the catalogue.
_JSON_ERRORS = {
    "Expecting value": _("Expecting value"),
    "Expecting ',' delimiter": _("Expecting ',' delimiter"),
    "Expecting ':' delimiter": _("Expecting ':' delimiter"),
    "Expecting property name enclosed in double quotes": _(
        "Expecting property name enclosed in double quotes"
    ),
    "Unterminated string starting at": _("Unterminated string starting at"),
    "Invalid control character at": _("Invalid control character at"),
    "Invalid \\escape": _("Invalid \\escape"),
    "Invalid \\uXXXX escape": _("Invalid \\uXXXX escape"),
    "Extra data": _("Extra data"),
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": _(
        "Unexpected UTF-8 BOM (decode using utf-8-sig)"
    ),
}


def _problem(text: Message) -> DocumentError:
    return DocumentError([Problem("$", text)])


def _too_large(size: int) -> DocumentError:
    return _problem(
        _("document too large ({size} bytes, at most {most})", size=size, most=MAX_DOCUMENT_SIZE)
    )


def _too_deep() -> DocumentError:
    return _problem(_("nesting too deep (at most {most} levels)", most=MAX_DEPTH))


def _check_size(data: str | bytes) -> None:
    if not isinstance(data, str | bytes):
        raise TypeError(f"a document is str or bytes, not {type(data).__name__}")
    if len(data) > MAX_DOCUMENT_SIZE:
        raise _too_large(len(data))
    if not data or data.isspace():  # isspace stops at the first other character; strip copies
        raise _problem(_("empty document"))


_A_DEVICE = _("a device")
_FILE_KINDS = (
    (stat.S_ISFIFO, _("a named pipe (FIFO)")),
    (stat.S_ISCHR, _A_DEVICE),
    (stat.S_ISBLK, _A_DEVICE),
    (stat.S_ISSOCK, _("a socket")),
)


def _read_file(path: str) -> bytes:
    """The bytes of the regular file at ``path``, at most :data:`MAX_DOCUMENT_SIZE`.

    What is not a regular file (a named pipe without a writer would block for
    ever, a device may never end) is refused before reading; so is a file
    larger than the limit, its real size said.

    :raises DocumentError: not a regular file, or too large.
    :raises OSError: the file cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
    except BaseException:
        os.close(fd)
        raise
    if stat.S_ISDIR(info.st_mode):
        os.close(fd)
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(info.st_mode):
            kind = next(
                (kind for is_kind, kind in _FILE_KINDS if is_kind(info.st_mode)),
                _("a special file"),
            )
            raise _problem(_("not a regular file: {kind}", kind=kind))
        if info.st_size > MAX_DOCUMENT_SIZE:
            raise _too_large(info.st_size)
        data = f.read(MAX_DOCUMENT_SIZE + 1)
    if len(data) > MAX_DOCUMENT_SIZE:  # it grew since fstat
        raise _too_large(max(len(data), os.stat(path).st_size))
    return data


def _parse_detailed(data: str | bytes) -> Any:
    """The JSON value of ``data``, or :class:`DocumentError` saying exactly what is wrong."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _problem(_("the document is not UTF-8 (byte {byte})", byte=exc.start)) from None
    else:
        text = data
    shapes = _utf8(data).translate(_NUMBER_SHAPES)
    large = any(shape in shapes for shape in _LARGE_NUMBER_SHAPES)
    try:
        value = json.loads(
            text,
            parse_constant=_parse_constant,
            parse_int=_parse_int if large else None,
            parse_float=_parse_float if large else None,
        )
    except json.JSONDecodeError as exc:
        invalid = _(
            "invalid JSON: {error} (line {line}, column {column})",
            error=_JSON_ERRORS.get(exc.msg, exc.msg),
            line=exc.lineno,
            column=exc.colno,
        )
        raise _problem(invalid) from None
    except RecursionError:
        value = None
        deep = True
    else:
        deep = _nested_deeper_than(data, MAX_DEPTH)
    if deep:
        raise _too_deep()
    return value


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
# Objects' braces as brackets (valid JSON nests them properly), anything else removed.
_BRACKETS = bytes.maketrans(b"{}", b"[]")
_NOT_A_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def _utf8(data: str | bytes) -> bytes:
    return data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data


def _nested_deeper_than(data: str | bytes, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in ``data``, valid JSON.

    Read from the text, in C: the strings taken out, only the brackets kept, then
    the innermost pairs removed, one level per pass. Walking the parsed value
    costs a Python step per array and object, seconds for millions of them.
    """
    brackets = _STRING.sub(b"", _utf8(data)).translate(_BRACKETS, _NOT_A_BRACKET)
    for _level in range(limit):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in ``value``.

    Level by level, keeping only the arrays and objects of the next level: memory
    stays proportional to the containers, not to the values.
    """
    level = [value] if isinstance(value, dict | list) else []
    depth = 1
    while level:
        if depth > limit:
            return True
        deeper: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            kinds = set(map(type, children))  # in C: most arrays hold only scalars
            if dict in kinds or list in kinds:
                deeper += [c for c in children if isinstance(c, dict | list)]
        level = deeper
        depth += 1
    return False


# -- the envelope ---------------------------------------------------------------------


def _open(doc: Any, name: str) -> tuple[int, Any]:
    """The version and the payload of an envelope ``{"schema_version": N, name: {...}}``."""
    if type(doc) is not dict:
        shape = f'{{"schema_version": …, "{name}": …}}'
        raise _problem(_("expected an object {shape}", shape=shape))
    problems: list[Problem] = []
    version = doc.get("schema_version")
    if "schema_version" not in doc:
        problems.append(Problem("$.schema_version", _MISSING))
    elif type(version) is not int or version < 1:
        text = _(
            "expected a format version from 1 to {newest}, got {got}",
            newest=SCHEMA_VERSION,
            got=repr(version),
        )
        problems.append(Problem("$.schema_version", text))
    elif version > SCHEMA_VERSION:
        text = _(
            "format {version} was written by a newer version; this version reads formats 1 to {newest}",
            version=version,
            newest=SCHEMA_VERSION,
        )
        problems.append(Problem("$.schema_version", text))
    if name not in doc:
        problems.append(Problem(_key("$", name), _MISSING))
    unknown = _unknown_field(f"{name}, schema_version")
    for extra in sorted(k for k in doc if k not in ("schema_version", name)):
        problems.append(Problem(_key("$", extra), unknown))
    if problems:
        raise DocumentError(problems)
    return cast(int, version), doc[name]


# -- migrations -----------------------------------------------------------------------


@frozen
class Migration:
    """One step of the document format: from version :attr:`source` to ``source + 1``."""

    source: int
    """The version the step reads."""
    text: Message
    """What changes, rendered with :meth:`message`."""
    upgrade: Callable[[dict[str, Any]], dict[str, Any]]
    """A pure function from an envelope of version ``source`` to one of ``source + 1``."""

    def message(self, lang: Lang = SOURCE_LANGUAGE) -> str:
        """What changes, in ``lang``."""
        return self.text(lang)


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


def _ledger(body: Any) -> Any:
    """A version-2 body with its one membership snapshot as a ledger of one point (or none)."""
    if type(body) is not dict or "membership" not in body:
        return body
    out = {k: v for k, v in body.items() if k != "membership"}
    snapshot = body["membership"]
    out["ledger"] = [] if snapshot is None else [snapshot]
    return out


def _v2_to_v3(envelope: dict[str, Any]) -> dict[str, Any]:
    upgraded = dict(envelope)
    programme = upgraded.get("programme")
    if type(programme) is dict and "beneficiary" in programme:
        upgraded["programme"] = {**programme, "beneficiary": _ledger(programme["beneficiary"])}
    if "body" in upgraded:
        upgraded["body"] = _ledger(upgraded["body"])
    upgraded["schema_version"] = 3
    return upgraded


MIGRATIONS: Mapping[int, Migration] = MappingProxyType(
    {
        1: Migration(
            1,
            _(
                'Regions are written as their ISO 3166 code ("TG", "TG-M") instead of {shape} objects.',
                shape='{"country", "subdivision"}',
            ),
            _v1_to_v2,
        ),
        2: Migration(
            2,
            _(
                "The body's membership becomes a dated ledger: the single 'membership' snapshot is its one point. The programme gains a results record ('results'), empty."
            ),
            _v2_to_v3,
        ),
    }
)
"""The migrations by the version they read; loading applies them in turn up to
:data:`SCHEMA_VERSION`."""


def _migrate(envelope: dict[str, Any], version: int) -> dict[str, Any]:
    if version < SCHEMA_VERSION and _deeper_than(envelope, MAX_DEPTH):
        raise _too_deep()
    while version < SCHEMA_VERSION:
        envelope = MIGRATIONS[version].upgrade(envelope)
        version += 1
    return envelope
