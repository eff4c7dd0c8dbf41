"""Single-field validators for the attrs model, raising our own errors.

attrs validators receive ``(instance, attribute, value)``; ours raise
:class:`~compagnonnage.errors.InvalidValueError` naming the class and the field.
Cross-field facts are not checked here: they are stage rules.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable
from functools import cache
from itertools import repeat
from typing import Any

from compagnonnage.errors import InvalidValueError

Validator = Callable[[Any, Any, Any], None]

# The length is checked apart: a bounded repeat ({0,127}) makes the match twice slower.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]*")
_LANG = re.compile(r"[a-z]{2}")


_TYPE_ONLY: dict[Validator, Validator | None] = {}
"""The validators made here that check no more than their field's type, each with
the validator it also runs on every item (``tuple_of(..., item=...)``), if any.

The fast document reader builds values of exactly the annotated types, so these
hold by construction there; it runs the item validators itself.
"""


def _type_only(check: Validator, item: Validator | None = None) -> Validator:
    _TYPE_ONLY[check] = item
    return check


def _fail(instance: object, attribute: Any, expected: str, value: object) -> None:
    raise InvalidValueError(type(instance).__name__, attribute.name, expected, value)


def identifier(instance: object, attribute: Any, value: Any) -> None:
    """An id: 1-128 characters, letters, digits and ``_ . : / -``, not starting with a sign."""
    if not isinstance(value, str) or len(value) > 128 or not _ID.fullmatch(value):
        _fail(instance, attribute, "an id (letters, digits, '_.:/-', 1-128 chars)", value)


def text(instance: object, attribute: Any, value: Any) -> None:
    """A non-blank string."""
    if not isinstance(value, str) or not value.strip():
        _fail(instance, attribute, "a non-empty string", value)


def optional_text(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or a non-blank string."""
    if value is not None:
        text(instance, attribute, value)


def optional_identifier(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or an id."""
    if value is not None:
        identifier(instance, attribute, value)


def count(instance: object, attribute: Any, value: Any) -> None:
    """A whole number >= 0 (``bool`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        _fail(instance, attribute, "a whole number >= 0", value)


def optional_count(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or a whole number >= 0."""
    if value is not None:
        count(instance, attribute, value)


def member_of(enum_type: type[enum.Enum], *, optional: bool = False) -> Validator:
    """A member of ``enum_type`` (or ``None`` when ``optional``)."""
    names = ", ".join(str(m.value) for m in enum_type)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum_type):
            _fail(instance, attribute, f"one of {names}", value)

    return _type_only(check)


def instance_of(kind: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """An instance of ``kind`` (or ``None`` when ``optional``)."""
    label = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            _fail(instance, attribute, f"a {label}", value)

    return _type_only(check)


def tuple_of(kind: type | tuple[type, ...], *, item: Validator | None = None) -> Validator:
    """A tuple whose items are instances of ``kind`` (each also passing ``item``)."""
    label = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple) or not all(map(isinstance, value, repeat(kind))):
            _fail(instance, attribute, f"a tuple of {label}", value)
        if item is not None:
            for v in value:
                item(instance, attribute, v)

    return _type_only(check, item)


def frozenset_of(kind: type) -> Validator:
    """A frozenset whose items are instances of ``kind``."""

    def check(instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, frozenset) or not all(map(isinstance, value, repeat(kind))):
            _fail(instance, attribute, f"a frozenset of {kind.__name__}", value)

    return _type_only(check)


def a_date(*, optional: bool = False) -> Validator:
    """A :class:`datetime.date` that is not a datetime."""

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
            _fail(instance, attribute, "a date (YYYY-MM-DD)", value)

    return _type_only(check)


def aware_datetime(instance: object, attribute: Any, value: Any) -> None:
    """A timezone-aware :class:`datetime.datetime`."""
    if not isinstance(value, _dt.datetime) or value.utcoffset() is None:
        _fail(instance, attribute, "a timezone-aware datetime", value)


def _iso_codes(table: str, key: str) -> frozenset[str] | None:
    """The ``key`` of every entry of pycountry's ``iso<table>.json``, read without pycountry.

    pycountry's ``__init__`` imports importlib.metadata and scans every
    distribution for its version, half the cost of loading plugins. ``None``
    when the table is not where pycountry keeps it (then ask pycountry itself).
    """
    import importlib.util
    import json
    import os

    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(spec.submodule_search_locations[0], "databases", f"iso{table}.json")
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(entry[key] for entry in json.load(f)[table])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@cache
def _countries() -> frozenset[str]:
    found = _iso_codes("3166-1", "alpha_2")
    if found is None:
        import pycountry

        found = frozenset(c.alpha_2 for c in pycountry.countries)
    return found


@cache
def _subdivisions() -> frozenset[str]:
    found = _iso_codes("3166-2", "code")
    if found is None:
        import pycountry

        found = frozenset(s.code for s in pycountry.subdivisions)
    return found


@cache
def _currencies() -> frozenset[str]:
    found = _iso_codes("4217", "alpha_3")
    if found is None:
        import pycountry

        found = frozenset(c.alpha_3 for c in pycountry.currencies)
    return found


def optional_currency(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or an ISO 4217 currency code (``"XOF"``)."""
    if value is not None and (not isinstance(value, str) or value not in _currencies()):
        _fail(instance, attribute, "an ISO 4217 currency code", value)


def country(instance: object, attribute: Any, value: Any) -> None:
    """An ISO 3166-1 alpha-2 country code (``"TG"``)."""
    if not isinstance(value, str) or value not in _countries():
        _fail(instance, attribute, "an ISO 3166-1 alpha-2 country code", value)


def optional_subdivision(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or an ISO 3166-2 subdivision code (``"TG-M"``)."""
    if value is not None and (not isinstance(value, str) or value not in _subdivisions()):
        _fail(instance, attribute, "an ISO 3166-2 subdivision code", value)


def language(instance: object, attribute: Any, value: Any) -> None:
    """An ISO 639-1 language code in lower case (``"fr"``)."""
    if not isinstance(value, str) or not _LANG.fullmatch(value):
        _fail(instance, attribute, "an ISO 639-1 language code", value)
