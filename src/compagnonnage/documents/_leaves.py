"""The leaves of documents: how single values are read and written, and their messages.

A hook reads one value of plain data (strings, numbers, ``true``/``false``) into
the model's value, or raises :class:`~compagnonnage.documents._problems._Bad`
saying, in French and English, what was expected. The cattrs converter (the
reference, ``_reference``) and the generated reader and writer (``_fast_read``,
``_fast_write``) take them from the tables :data:`_STRUCTURE` and
:data:`_UNSTRUCTURE`. Nothing here imports cattrs: a good document is read
without it.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import orjson

from compagnonnage.documents._problems import _Bad, _expected
from compagnonnage.documents._types import (
    _DATE,
    _DATETIME,
    _DECIMAL,
    _REGION,
    MAX_INTEGER,
)
from compagnonnage.model import Domain, RegionRef

_Hook = Callable[[Any, Any], Any]
_Unhook = Callable[[Any], Any]

_ANY = re.compile(r".+", re.DOTALL)


# -- leaves: structure ------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise _expected("un texte", "a string", value)
    return value


def _structure_text(value: Any, _: Any) -> str:
    """A string that can be written as UTF-8: orjson refuses lone surrogates, ``json`` does not."""
    text = _structure_str(value, _)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad(
            "texte invalide (demi-paire de substitution isolée)", "invalid text (lone surrogate)"
        ) from None
    return text


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise _expected("un nombre entier", "a whole number", value)
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise _Bad(
            f"nombre trop grand (au plus {MAX_INTEGER} en valeur absolue)",
            f"number too large (at most {MAX_INTEGER} in absolute value)",
        )
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is int:
        return float(_structure_int(value, None))
    if type(value) is not float or not math.isfinite(value):
        raise _expected("un nombre fini", "a finite number", value)
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise _expected("true ou false", "true or false", value)
    return value


def _parsed_text(pattern: re.Pattern[str], parse: Callable[[str], Any], fr: str, en: str) -> _Hook:
    """A hook for a value written as a string: matching ``pattern``, then accepted by ``parse``.

    ``parse`` may refuse with :class:`ValueError` (the model's
    :class:`InvalidValueError` is one); the problem then says what was expected.
    """

    def structure(value: Any, _: Any) -> Any:
        if type(value) is str and pattern.fullmatch(value):
            try:
                return parse(value)
            except ValueError:
                pass
        raise _expected(fr, en, value)

    return structure


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)


_REUSED = 4096
"""How many distinct trades, regions and domains the fast reader keeps for reuse."""


def _reusing(hook: _Hook, key: Callable[[Any], Any]) -> _Hook:
    """``hook``, made to give back one instance per ``key`` of the value read.

    ``key`` returns ``None`` for a value it cannot key (anything unusual), which
    goes to ``hook`` every time (and its error, if any, to the caller).
    """
    made: dict[Any, Any] = {}

    def structure(value: Any, t: Any) -> Any:
        k = key(value)
        found = made.get(k) if k is not None else None
        if found is None:
            found = hook(value, t)
            if len(made) >= _REUSED:
                made.clear()
            if k is not None:
                made[k] = found
        return found

    return structure


def _trade_key(value: Any) -> tuple[Any, Any] | None:
    if type(value) is dict and len(value) == 2:
        return value.get("nomenclature"), value.get("code")
    return None


def _text_key(value: Any) -> str | None:
    return value if type(value) is str else None


def _region(text: str) -> RegionRef:
    country, _sep, rest = text.partition("-")
    return RegionRef(country, text if rest else None)


_structure_decimal = _parsed_text(
    _DECIMAL,
    Decimal,
    "un nombre décimal écrit comme un texte (« 12.50 »)",
    'a decimal number written as a string ("12.50")',
)
_structure_date = _parsed_text(
    _DATE, dt.date.fromisoformat, "une date AAAA-MM-JJ", "a date YYYY-MM-DD"
)
_structure_datetime = _parsed_text(
    _DATETIME,
    _datetime,
    "une date et heure ISO 8601 avec fuseau (« 2021-04-12T09:00:00+00:00 »)",
    'an ISO 8601 date and time with an offset ("2021-04-12T09:00:00+00:00")',
)
_structure_domain = _parsed_text(
    _ANY,
    Domain,
    "un code de domaine en minuscules (« trades_register »)",
    'a lower-case domain code ("trades_register")',
)
_structure_region = _parsed_text(
    _REGION,
    _region,
    "un code ISO 3166-1 de pays (« TG ») ou ISO 3166-2 de subdivision (« TG-M »)",
    'an ISO 3166-1 country code ("TG") or ISO 3166-2 subdivision code ("TG-M")',
)


def _enum_unhook(cl: type[enum.Enum]) -> _Unhook:
    return {m: m.value for m in cl}.__getitem__


def _enum_hook(cl: type[enum.Enum]) -> _Hook:
    members = {m.value: m for m in cl}
    names = ", ".join(sorted(str(v) for v in members))

    def hook(value: Any, _: Any) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _expected(f"l'une des valeurs {names}", f"one of {names}", value) from None

    return hook


def _structure_answer(value: Any, _: Any) -> Any:
    """An answer: ``true``/``false``, a number, a text, or ``{"decimal": "12.50"}``."""
    kind = type(value)
    if kind is bool or kind is str:
        return value
    if kind is int:
        return _structure_int(value, None)
    if kind is float:
        return _structure_float(value, None)
    if kind is dict and value.keys() == {"decimal"}:
        return _structure_decimal(value["decimal"], None)
    raise _expected(
        'true ou false, un nombre, un texte ou {"decimal": "12.50"}',
        'true or false, a number, a text or {"decimal": "12.50"}',
        value,
    )


# -- leaves: unstructure ----------------------------------------------------------


def _unstructure_int(value: int) -> int:
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise _Bad(
            f"nombre trop grand pour un document : {value}",
            f"number too large for a document: {value}",
        )
    return value


def _unstructure_decimal(value: Decimal) -> str:
    text = str(value)
    if not value.is_finite() or not _DECIMAL.fullmatch(text):
        raise _Bad(
            f"nombre décimal impossible à écrire : {text}",
            f"decimal number that cannot be written: {text}",
        )
    return text


def _unstructure_float(value: float) -> float:
    if not math.isfinite(value):
        raise _Bad(f"nombre non fini : {value}", f"number that is not finite: {value}")
    return value


def _unstructure_answer(value: Any) -> Any:
    kind = type(value)
    if kind is Decimal:
        return {"decimal": _unstructure_decimal(value)}
    if kind is int:
        return _unstructure_int(value)
    if kind is float:
        return _unstructure_float(value)
    return value


def _sort_key(item: Any) -> bytes:
    return orjson.dumps(item, option=orjson.OPT_SORT_KEYS)


_STRUCTURE: dict[type, _Hook] = {
    str: _structure_text,
    int: _structure_int,
    float: _structure_float,
    bool: _structure_bool,
    Decimal: _structure_decimal,
    dt.date: _structure_date,
    dt.datetime: _structure_datetime,
    Domain: _structure_domain,
    RegionRef: _structure_region,
}
"""The hook of each type read as a single value."""

_UNSTRUCTURE: dict[type, _Unhook] = {
    int: _unstructure_int,
    float: _unstructure_float,
    Decimal: _unstructure_decimal,
    dt.date: dt.date.isoformat,
    dt.datetime: dt.datetime.isoformat,
    Domain: str,
    RegionRef: str,
}
"""What each type written as a single value is written as (other values are written as they are)."""
