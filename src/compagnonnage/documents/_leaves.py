"""The leaves of documents: how single values are read and written, and their messages.

A hook reads one value of plain data (strings, numbers, ``true``/``false``) into
the model's value, or raises :class:`~compagnonnage.documents._problems._Bad`
saying, in a message of the catalogue, what was expected. The cattrs converter (the
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

from compagnonnage._i18n import Message, Text, _
from compagnonnage.documents._problems import _Bad, _expected, _with_value
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


def _structure_str(value: Any, _type: Any) -> str:
    if type(value) is not str:
        raise _expected(_("a string"), value)
    return value


def _structure_text(value: Any, _type: Any) -> str:
    """A string that can be written as UTF-8: orjson refuses lone surrogates, ``json`` does not."""
    text = _structure_str(value, _type)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Bad(_("invalid text (lone surrogate)")) from None
    return text


def _structure_int(value: Any, _type: Any) -> int:
    if type(value) is not int:
        raise _expected(_("a whole number"), value)
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise _Bad(_("number too large (at most {most} in absolute value)", most=MAX_INTEGER))
    return value


def _structure_float(value: Any, _type: Any) -> float:
    if type(value) is int:
        return float(_structure_int(value, None))
    if type(value) is not float or not math.isfinite(value):
        raise _expected(_("a finite number"), value)
    return value


def _structure_bool(value: Any, _type: Any) -> bool:
    if type(value) is not bool:
        raise _expected(_("true or false"), value)
    return value


def _parsed_text(pattern: re.Pattern[str], parse: Callable[[str], Any], what: Message) -> _Hook:
    """A hook for a value written as a string: matching ``pattern``, then accepted by ``parse``.

    ``parse`` may refuse with :class:`ValueError` (the model's
    :class:`InvalidValueError` is one); the problem then says what was expected.
    """

    def structure(value: Any, _type: Any) -> Any:
        if type(value) is str and pattern.fullmatch(value):
            try:
                return parse(value)
            except ValueError:
                pass
        raise _expected(what, value)

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
    _('a decimal number written as a string ("12.50")'),
)
_structure_date = _parsed_text(_DATE, dt.date.fromisoformat, _("a date YYYY-MM-DD"))
_structure_datetime = _parsed_text(
    _DATETIME,
    _datetime,
    _('an ISO 8601 date and time with an offset ("2021-04-12T09:00:00+00:00")'),
)
_structure_domain = _parsed_text(
    _ANY,
    Domain,
    _('a lower-case domain code ("trades_register")'),
)
_structure_region = _parsed_text(
    _REGION,
    _region,
    _('an ISO 3166-1 country code ("TG") or ISO 3166-2 subdivision code ("TG-M")'),
)


def _enum_unhook(cl: type[enum.Enum]) -> _Unhook:
    return {m: m.value for m in cl}.__getitem__


def _enum_hook(cl: type[enum.Enum]) -> _Hook:
    members = {m.value: m for m in cl}
    names = ", ".join(sorted(str(v) for v in members))

    def hook(value: Any, _type: Any) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise _expected(_("one of {values}", values=names), value) from None

    return hook


def _structure_answer(value: Any, _type: Any) -> Any:
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
        _("true or false, a number, a text or {decimal}", decimal='{"decimal": "12.50"}'), value
    )


_LANGUAGE = re.compile(r"[a-z]{2,3}")
_TEXTS = _(
    "texts by language, French and English at least ({shape})", shape='{"fr": "…", "en": "…"}'
)


def _structure_texts(value: Any, _type: Any) -> Text:
    """A text the data carries (:class:`~compagnonnage._i18n.Text`): ``{"fr": …, "en": …}``,
    with any other language by its code (``"pt"``)."""
    if (
        type(value) is not dict
        or "fr" not in value
        or "en" not in value
        or not all(type(k) is str and _LANGUAGE.fullmatch(k) for k in value)
    ):
        raise _expected(_TEXTS, value)
    texts = {lang: _structure_text(text, None) for lang, text in value.items()}
    fr, en = texts.pop("fr"), texts.pop("en")
    return Text(fr, en, **texts)


def _unstructure_texts(value: Text) -> dict[str, str]:
    return {lang: value(lang) for lang in value.languages}


# -- leaves: unstructure ----------------------------------------------------------


def _unstructure_int(value: int) -> int:
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise _Bad(_with_value(_("number too large for a document"), value))
    return value


def _unstructure_decimal(value: Decimal) -> str:
    text = str(value)
    # A finite decimal written without an exponent in at most 40 characters is
    # digits, maybe a point and digits: it matches the pattern, which costs
    # three times more to ask (a test holds the two ways to the same answers).
    if len(text) <= 40 and "E" not in text and value.is_finite():
        return text
    if not value.is_finite() or not _DECIMAL.fullmatch(text):
        raise _Bad(_with_value(_("decimal number that cannot be written"), text))
    return text


def _unstructure_float(value: float) -> float:
    if not math.isfinite(value):
        raise _Bad(_with_value(_("number that is not finite"), value))
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
    Text: _structure_texts,
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
    Text: _unstructure_texts,
}
"""What each type written as a single value is written as (other values are written as they are)."""
