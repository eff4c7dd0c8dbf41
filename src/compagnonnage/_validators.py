"""Single-field validators for the attrs model, raising our own errors.

attrs validators receive ``(instance, attribute, value)``; ours raise
:class:`~compagnonnage.errors.InvalidValueError` naming the class and the field.
Cross-field facts are not checked here: they are stage rules.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Mapping
from functools import cache
from itertools import repeat
from typing import Any

from compagnonnage._i18n import Message, _, _p
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


def _fail(
    instance: object,
    attribute: Any,
    expected: Message,
    value: object,
    hint: Message | None = None,
) -> None:
    raise InvalidValueError(type(instance).__name__, attribute.name, expected, value, hint=hint)


_AN_ID = _("an id (letters, digits, '_.:/-', 1-128 chars)")
_TEXT = _("a non-empty string")
_COUNT = _("a whole number >= 0")
_DATE = _("a date (YYYY-MM-DD)")
_AWARE = _("a timezone-aware datetime")
_COUNTRY = _("an ISO 3166-1 alpha-2 country code")
_SUBDIVISION = _("an ISO 3166-2 subdivision code")
_LANGUAGE = _("an ISO 639-1 language code")
_CURRENCY = _("an ISO 4217 currency code")


def _an(name: str) -> int:
    """Which English indefinite article ``name`` takes: 0 for ``a Modality``, 1 for ``an Affiliation``."""
    return 1 if name[:1] in "AEIOU" else 0


_A_MEMBER = (_("a {name} ({members})"), _("an {name} ({members})"))
"""A member of an enumeration, ``a Modality (Modality.REMOTE, Modality.ON_SITE)``, by article."""
_AN_OBJECT = (_p("expected.object", "a {name}"), _p("expected.object", "an {name}"))
"""An instance of a class, ``a Period``, by article."""


def _names(kind: type | tuple[type, ...]) -> Message | str:
    """The name of a class, or the names of several: ``Period or Expert``."""
    if isinstance(kind, type):
        return kind.__name__
    names: Message | str = kind[0].__name__
    for other in kind[1:]:
        names = _("{either} or {other}", either=names, other=other.__name__)
    return names


def _first_name(kind: type | tuple[type, ...]) -> str:
    return kind.__name__ if isinstance(kind, type) else kind[0].__name__


def enum_hint(enum_type: type[enum.Enum], value: object) -> Message | None:
    """How to write ``value`` when it is the value of a member of ``enum_type`` (else ``None``).

    The model takes enumeration members, never their values: ``Modality.ON_SITE``,
    not ``"on_site"`` (documents hold the values; their reader makes the members).
    """
    member = next((m for m in enum_type if m.value == value), None)
    if member is None or isinstance(value, enum.Enum):
        return None
    spelt = f"{enum_type.__name__}.{member.name}"
    return _("use {spelt}", spelt=spelt)


def is_identifier(value: object) -> bool:
    """Whether ``value`` is an id: 1-128 characters, letters, digits and ``_ . : / -``."""
    return isinstance(value, str) and len(value) <= 128 and _ID.fullmatch(value) is not None


def identifier(instance: object, attribute: Any, value: Any) -> None:
    """An id: 1-128 characters, letters, digits and ``_ . : / -``, not starting with a sign."""
    if not is_identifier(value):
        _fail(instance, attribute, _AN_ID, value)


def text(instance: object, attribute: Any, value: Any) -> None:
    """A non-blank string."""
    if not isinstance(value, str) or not value.strip():
        _fail(instance, attribute, _TEXT, value)


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
        _fail(instance, attribute, _COUNT, value)


def optional_count(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or a whole number >= 0."""
    if value is not None:
        count(instance, attribute, value)


def member_of(enum_type: type[enum.Enum], *, optional: bool = False) -> Validator:
    """A member of ``enum_type`` (or ``None`` when ``optional``).

    A member's value (``"on_site"``) is refused with a hint naming the member
    (``use Modality.ON_SITE``): the model takes members only, as its types say.
    """
    members = ", ".join(f"{enum_type.__name__}.{m.name}" for m in enum_type)
    name = enum_type.__name__
    expected = _A_MEMBER[_an(name)].bind(name=name, members=members)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum_type):
            _fail(instance, attribute, expected, value, enum_hint(enum_type, value))

    return _type_only(check)


def instance_of(
    kind: type | tuple[type, ...],
    *,
    optional: bool = False,
    spell: Callable[[str], str | None] | None = None,
) -> Validator:
    """An instance of ``kind`` (or ``None`` when ``optional``).

    ``spell`` gives, for a string given instead, the Python that builds the
    object (``RegionRef.parse('SN-DK')``), which the error then suggests.
    """
    expected = _AN_OBJECT[_an(_first_name(kind))].bind(name=_names(kind))

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            spelt = spell(value) if spell is not None and isinstance(value, str) else None
            hint = None if spelt is None else _("use {spelt}", spelt=spelt)
            _fail(instance, attribute, expected, value, hint)

    return _type_only(check)


def tuple_of(kind: type | tuple[type, ...], *, item: Validator | None = None) -> Validator:
    """A tuple whose items are instances of ``kind`` (each also passing ``item``)."""
    expected = _("a tuple of {label}", label=_names(kind))

    def check(instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple) or not all(map(isinstance, value, repeat(kind))):
            _fail(instance, attribute, expected, value)
        if item is not None:
            for i, v in enumerate(value):
                try:
                    item(instance, attribute, v)
                except InvalidValueError as err:
                    # Which item: a document's reader reports it at languages[1], not languages.
                    setattr(err, "item_index", i)  # noqa: B010 - no such field on the class
                    raise

    return _type_only(check, item)


def frozenset_of(kind: type) -> Validator:
    """A frozenset whose items are instances of ``kind`` (an enum's values get a hint)."""
    expected = _("a frozenset of {name}", name=kind.__name__)

    def check(instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, frozenset) or not all(map(isinstance, value, repeat(kind))):
            hint = None
            if isinstance(value, frozenset | set | tuple | list) and issubclass(kind, enum.Enum):
                hint = next(filter(None, (enum_hint(kind, item) for item in value)), None)
            _fail(instance, attribute, expected, value, hint)

    return _type_only(check)


def a_date(*, optional: bool = False) -> Validator:
    """A :class:`datetime.date` that is not a datetime."""

    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
            _fail(instance, attribute, _DATE, value)

    return _type_only(check)


def aware_datetime(instance: object, attribute: Any, value: Any) -> None:
    """A timezone-aware :class:`datetime.datetime`."""
    if not isinstance(value, _dt.datetime) or value.utcoffset() is None:
        _fail(instance, attribute, _AWARE, value)


@cache
def pycountry_folder() -> str | None:
    """Where pycountry keeps its tables and catalogues (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    return spec.submodule_search_locations[0]


@cache
def iso_names(table: str) -> Mapping[str, str]:
    """The English name of every entry of ISO ``table`` (``"3166-1"``, ``"3166-2"``, ``"4217"``) by code.

    Read from pycountry's ``iso<table>.json`` without importing pycountry, whose
    ``__init__`` imports importlib.metadata and scans every distribution for its
    version (half the cost of loading plugins), and kept beside the library's
    bytecode until that file changes (reading ISO 3166-2's half megabyte was a
    thirtieth of checking a file); from pycountry itself if the table is not
    where pycountry keeps it. Validators look codes up in it, reports names.
    """
    import os

    from compagnonnage._code_cache import derived

    folder = pycountry_folder()
    if folder is not None:
        path = os.path.join(folder, "databases", f"iso{table}.json")
        try:
            return derived(f"iso{table}", path, lambda: _read_table(path, table))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    import pycountry

    key = _ISO_KEYS[table]
    database = {"3166-1": pycountry.countries, "3166-2": pycountry.subdivisions}
    entries = database.get(table, pycountry.currencies)
    return {getattr(e, key): e.name for e in entries}


def _read_table(path: str, table: str) -> dict[str, str]:
    import orjson  # half the time of json on ISO 3166-2's half megabyte

    key = _ISO_KEYS[table]
    with open(path, "rb") as f:
        return {e[key]: e["name"] for e in orjson.loads(f.read())[table]}


_ISO_KEYS = {"3166-1": "alpha_2", "3166-2": "code", "4217": "alpha_3"}


def optional_currency(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or an ISO 4217 currency code (``"XOF"``)."""
    if value is not None and (not isinstance(value, str) or value not in iso_names("4217")):
        _fail(instance, attribute, _CURRENCY, value)


def country(instance: object, attribute: Any, value: Any) -> None:
    """An ISO 3166-1 alpha-2 country code (``"TG"``)."""
    if not isinstance(value, str) or value not in iso_names("3166-1"):
        hint = None
        if isinstance(value, str) and value in iso_names("3166-2"):
            hint = _("a subdivision code: use RegionRef.parse({value!r})", value=value)
        _fail(instance, attribute, _COUNTRY, value, hint)


def optional_subdivision(instance: object, attribute: Any, value: Any) -> None:
    """``None`` or an ISO 3166-2 subdivision code (``"TG-M"``)."""
    if value is not None and (not isinstance(value, str) or value not in iso_names("3166-2")):
        _fail(instance, attribute, _SUBDIVISION, value)


def language(instance: object, attribute: Any, value: Any) -> None:
    """An ISO 639-1 language code in lower case (``"fr"``)."""
    if not isinstance(value, str) or not _LANG.fullmatch(value):
        _fail(instance, attribute, _LANGUAGE, value)
