"""The private cattrs converter: the reference for reading and writing documents.

It validates in detail, forbids extra keys, runs every model validator field by
field, so that a bad document gets every problem at once. Good documents take
the generated fast reader and writer (``_fast_read``, ``_fast_write``), which
call this converter's hooks for the values they do not write out themselves;
on any failure :func:`~compagnonnage.documents.loads` and
:func:`~compagnonnage.documents.dumps` come back here to say what is wrong.
Property tests hold the two ways to the same objects, refusals and bytes.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar, cast

import attrs
import cattrs
import orjson
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from compagnonnage.documents._fast_read import FastReader
from compagnonnage.documents._fast_write import FastWriter
from compagnonnage.documents._problems import (
    DocumentError,
    Problem,
    _Bad,
    _expected,
    _problems_from,
)
from compagnonnage.documents._types import (
    _DATE,
    _DATETIME,
    _DECIMAL,
    _KIND,
    _REGION,
    MAX_INTEGER,
    _descendants,
    _field_types,
    _is_abstract,
    _is_answer,
    _is_enum,
    _is_frozenset,
    _is_mapping,
    _is_optional,
    _is_optional_text,
    _is_tagged,
    _is_tuple,
)
from compagnonnage.errors import CompagnonnageError, InvalidValueError
from compagnonnage.model import Domain, RegionRef, TradeRef

T = TypeVar("T")
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


def _optional_hook(c: cattrs.Converter, t: Any) -> _Hook:
    """``X | None``: ``null``, or what the hook of ``X`` accepts (looked up once)."""
    (inner,) = (a for a in typing.get_args(t) if a is not type(None))
    hook = c.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


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


# -- containers ---------------------------------------------------------------------


def _items(value: Any, hook: _Hook, item: Any) -> list[Any]:
    if type(value) is not list:
        raise _expected("un tableau", "an array", value)
    out: list[Any] = []
    errors: list[Exception] = []
    for i, v in enumerate(value):
        try:
            out.append(hook(v, item))
        except Exception as exc:
            _note(exc, _index_note(i, item))
            errors.append(exc)
    if errors:
        raise IterableValidationError("While structuring an array", errors, list)
    return out


def _note(exc: Exception, note: str) -> None:
    """Attach ``note`` to ``exc`` as cattrs does (``add_note`` is Python 3.11+)."""
    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010


def _index_note(i: int, item: Any) -> IterableValidationNote:
    return IterableValidationNote(f"Structuring item @ index {i}", i, item)


def _field_note(name: str, t: Any) -> AttributeValidationNote:
    return AttributeValidationNote(f"Structuring field {name}", name, t)


def _at(name: str, exc: Exception, cl: type) -> ClassValidationError:
    """``exc`` located at field ``name`` of a ``cl`` being structured."""
    _note(exc, _field_note(name, Any))
    return ClassValidationError(f"While structuring {cl.__name__}", [exc], cl)


# -- the converter -----------------------------------------------------------------


class DocumentConverter:
    """Turns documents' plain data into model objects and back.

    Made by :func:`~compagnonnage.documents.make_converter`; pass one to
    :func:`~compagnonnage.documents.loads` and friends to read plugin-defined
    types. Polymorphic records (classes with a ``KIND`` tag) are tagged unions:
    the subclasses that exist when the converter is made take part.
    """

    def __init__(
        self, document_names: Mapping[type, str], extra_types: tuple[type, ...] = ()
    ) -> None:
        self._unions: dict[type, dict[str, type]] = {}
        self._document_names = dict(document_names)
        self._cattrs = self._build()
        # A programme names the same few trades, regions and domains again and
        # again; they are immutable, so the reader makes one instance per value.
        reused = {
            TradeRef: _reusing(self._lazy_structure_hook(TradeRef), _trade_key),
            RegionRef: _reusing(_structure_region, _text_key),
            Domain: _reusing(_structure_domain, _text_key),
        }
        self._reader = FastReader(self.union, self._cattrs, reused)
        # What the hooks below write for a domain and a region (``str`` of each).
        strings = {Domain: "{}.code", RegionRef: "({0}.subdivision or {0}.country)"}
        self._writer = FastWriter(self.union, self._cattrs, strings)
        # Readers, writers and hooks are made for each class on its first use. The
        # tagged unions are fixed now, with the classes existing now (two classes with
        # one tag are refused here); a type a plugin registered gets its hooks now, so
        # that one the format cannot hold fails here, not when a document is read.
        plugged = tuple(t for t in extra_types if attrs.has(t))
        for root in (*self._document_names, *plugged):
            for cl in (root, *_descendants(root)) if _is_tagged(root) else ():
                self.union(cl)
        for cl in plugged:
            self._cattrs.get_structure_hook(cl)
            self._cattrs.get_unstructure_hook(cl)

    def _lazy_structure_hook(self, cl: type) -> _Hook:
        """The structure hook of ``cl``, looked up (and made) on its first call."""

        def structure(value: Any, t: Any) -> Any:
            return self._cattrs.get_structure_hook(cl)(value, t)

        return structure

    @property
    def document_names(self) -> Mapping[type, str]:
        """The envelope key of each document type (roots of polymorphic records included)."""
        return self._document_names

    def _fast_structure(self, data: Any, cl: type[T]) -> T:
        """Build a ``cl`` from what orjson parsed (valid UTF-8), raising anything on failure."""
        return cast(T, self._reader.read(data, cl))

    def _fast_unstructure(self, obj: Any, cl: Any) -> Any:
        """Plain data for ``obj`` of declared type ``cl``, raising anything on failure."""
        return self._writer.writer(cl)(obj)

    def structure(self, data: Any, cl: type[T], *, path: str = "$") -> T:
        """Build a ``cl`` from plain data, or raise :class:`DocumentError` with every problem.

        ``path`` is the JSONPath of ``data`` in its document. This is the
        reference; :func:`~compagnonnage.documents.loads` tries the fast reader
        first on what orjson parsed.
        """
        try:
            return self._cattrs.structure(data, cl)
        except Exception as exc:
            raise DocumentError(_problems_from(exc, path)) from None

    def unstructure(self, obj: Any, cl: Any = None) -> Any:
        """Plain data (dicts, lists, strings, numbers) for ``obj``, as written in documents.

        Raises :class:`DocumentError` when a value cannot be written (a number
        beyond :data:`MAX_INTEGER`, a decimal that is not finite).
        """
        try:
            return self._cattrs.unstructure(obj, unstructure_as=cl if cl is not None else type(obj))
        except _Bad as exc:
            raise DocumentError([Problem("$", exc.fr, exc.en)]) from None

    def union(self, cl: type) -> Mapping[str, type]:
        """The classes a tagged record of type ``cl`` may be, by tag.

        A root of polymorphic records that has subclasses (``SupportAction``,
        ``Finding``, ``Deliverable``) is abstract: it is not one of them.
        """
        if cl not in self._unions:
            members: dict[str, type] = {}
            for sub in (cl, *_descendants(cl)):
                if _is_abstract(sub):
                    continue
                tag = cast(str, getattr(sub, "KIND"))  # noqa: B009 - a ClassVar of the model
                if tag in members and members[tag] is not sub:
                    raise CompagnonnageError(
                        f"{members[tag].__name__} and {sub.__name__} share the tag {tag!r} "
                        f"/ {members[tag].__name__} et {sub.__name__} ont la même étiquette {tag!r}"
                    )
                if _KIND in {a.name for a in attrs.fields(sub)}:
                    raise CompagnonnageError(
                        f"{sub.__name__} has a field named {_KIND!r}, which is its tag "
                        f"/ {sub.__name__} a un champ nommé {_KIND!r}, son étiquette"
                    )
                members[tag] = sub
            self._unions[cl] = members
        return self._unions[cl]

    def _build(self) -> cattrs.Converter:
        c = cattrs.Converter(
            forbid_extra_keys=True,
            detailed_validation=True,
            prefer_attrib_converters=False,
        )
        c.register_structure_hook_factory(attrs.has, partial(self._class_hook, c))
        c.register_unstructure_hook_factory(attrs.has, partial(self._class_unhook, c))
        c.register_structure_hook_factory(_is_tuple, partial(self._sequence_hook, c, False))
        c.register_structure_hook_factory(_is_frozenset, partial(self._sequence_hook, c, True))
        c.register_unstructure_hook_factory(_is_tuple, partial(self._tuple_unhook, c))
        c.register_unstructure_hook_factory(_is_frozenset, partial(self._frozenset_unhook, c))
        c.register_structure_hook_factory(_is_mapping, partial(self._mapping_hook, c))
        c.register_unstructure_hook_factory(_is_mapping, partial(self._mapping_unhook, c))
        c.register_structure_hook_func(_is_answer, _structure_answer)
        c.register_unstructure_hook_func(_is_answer, _unstructure_answer)
        c.register_structure_hook_factory(_is_enum, _enum_hook)
        c.register_unstructure_hook_factory(_is_enum, _enum_unhook)
        c.register_unstructure_hook_factory(_is_optional_text, lambda _: identity)
        c.register_structure_hook_factory(_is_optional, partial(_optional_hook, c))
        c.register_structure_hook(str, _structure_text)
        c.register_structure_hook(int, _structure_int)
        c.register_structure_hook(float, _structure_float)
        c.register_structure_hook(bool, _structure_bool)
        c.register_structure_hook(Decimal, _structure_decimal)
        c.register_structure_hook(dt.date, _structure_date)
        c.register_structure_hook(dt.datetime, _structure_datetime)
        c.register_structure_hook(Domain, _structure_domain)
        c.register_structure_hook(RegionRef, _structure_region)
        c.register_unstructure_hook(int, _unstructure_int)
        c.register_unstructure_hook(float, _unstructure_float)
        c.register_unstructure_hook(Decimal, _unstructure_decimal)
        c.register_unstructure_hook(dt.date, dt.date.isoformat)
        c.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
        c.register_unstructure_hook(Domain, str)
        c.register_unstructure_hook(RegionRef, str)
        return c

    # Hook factories.

    def _sequence_hook(self, c: cattrs.Converter, unique: bool, t: Any) -> _Hook:
        (item, *_rest) = typing.get_args(t)
        hook = c.get_structure_hook(item)

        def structure(value: Any, _: Any) -> Any:
            items = _items(value, hook, item)
            if not unique:
                return tuple(items)
            result = frozenset(items)
            if len(result) != len(items):
                raise _Bad(
                    "valeurs répétées dans un ensemble", "repeated values in a set of values"
                )
            return result

        return structure

    def _mapping_hook(self, c: cattrs.Converter, t: Any) -> _Hook:
        key_type, value_type = typing.get_args(t)
        key_hook = c.get_structure_hook(key_type)
        value_hook = c.get_structure_hook(value_type)

        def structure(value: Any, _: Any) -> dict[Any, Any]:
            if type(value) is not dict:
                raise _expected("un objet", "an object", value)
            out: dict[Any, Any] = {}
            errors: list[Exception] = []
            for k, v in value.items():
                try:
                    out[key_hook(k, key_type)] = value_hook(v, value_type)
                except Exception as exc:
                    _note(exc, IterableValidationNote(f"Structuring key {k}", k, value_type))
                    errors.append(exc)
            if errors:
                raise IterableValidationError("While structuring an object", errors, dict)
            return out

        return structure

    def _mapping_unhook(self, c: cattrs.Converter, t: Any) -> _Unhook:
        key_type, value_type = typing.get_args(t)
        key_hook = c.get_unstructure_hook(key_type)
        value_hook = c.get_unstructure_hook(value_type)
        return lambda value: {key_hook(k): value_hook(v) for k, v in value.items()}

    def _tuple_unhook(self, c: cattrs.Converter, t: Any) -> _Unhook:
        (item, *_rest) = typing.get_args(t)
        if item is str:
            return list
        hook = c.get_unstructure_hook(item)
        return lambda value: [hook(v) for v in value]

    def _frozenset_unhook(self, c: cattrs.Converter, t: Any) -> _Unhook:
        (item,) = typing.get_args(t)
        hook = c.get_unstructure_hook(item)
        if isinstance(item, type) and issubclass(item, enum.Enum | Domain | str):
            return lambda value: sorted([hook(v) for v in value])  # strings: their own order
        return lambda value: sorted((hook(v) for v in value), key=_sort_key)

    def _class_hook(self, c: cattrs.Converter, cl: type) -> _Hook:
        if not _is_tagged(cl):
            return self._record_hook(c, cl)
        members = {tag: self._record_hook(c, sub) for tag, sub in self.union(cl).items()}
        if not _is_abstract(cl) and len(members) == 1:
            return members[cast(str, getattr(cl, "KIND"))]  # noqa: B009
        tags = ", ".join(sorted(members))

        def dispatch(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise _expected("un objet", "an object", value)
            if _KIND not in value:
                raise _at(_KIND, KeyError(_KIND), cl)
            tag = value[_KIND]
            hook = members.get(tag) if type(tag) is str else None
            if hook is None:
                raise _at(
                    _KIND, _expected(f"l'une des étiquettes {tags}", f"one of {tags}", tag), cl
                )
            return hook(value, None)

        return dispatch

    def _record_hook(self, c: cattrs.Converter, cl: type) -> _Hook:
        """The hook of one attrs class: an object with exactly its fields (and its tag)."""
        hints = _field_types(cl)
        overrides: dict[str, Any] = {}
        for a in attrs.fields(cl):
            if a.init and a.validator is not None:
                base = c.get_structure_hook(hints[a.name])
                overrides[a.name] = override(struct_hook=_validated(base, a))
        tag = getattr(cl, "KIND", None)
        inner: _Hook = make_dict_structure_fn(
            cl, c, _cattrs_forbid_extra_keys=not isinstance(tag, str), **overrides
        )
        if not isinstance(tag, str):

            def record(value: Any, _: Any) -> Any:
                if type(value) is not dict:
                    raise _expected("un objet", "an object", value)
                return inner(value, cl)

            return record

        allowed = frozenset(a.alias for a in attrs.fields(cl) if a.init) | {_KIND}

        def tagged(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise _expected("un objet", "an object", value)
            errors: list[Exception] = []
            if _KIND not in value:
                errors.append(KeyError(_KIND))
            elif value[_KIND] != tag:
                errors.append(_expected(f"l'étiquette {tag}", f"the tag {tag}", value[_KIND]))
            if errors:
                _note(errors[0], _field_note(_KIND, str))
            extra = value.keys() - allowed
            if extra:
                errors.append(ForbiddenExtraKeysError("", cl, set(extra)))
            try:
                result = inner(value, cl)
            except ClassValidationError as exc:
                errors.extend(exc.exceptions)
            if errors:
                raise ClassValidationError(f"While structuring {cl.__name__}", errors, cl)
            return result

        return tagged

    def _class_unhook(self, c: cattrs.Converter, cl: type) -> _Unhook:
        if not _is_tagged(cl):
            return cast(_Unhook, make_dict_unstructure_fn(cl, c))
        members = {
            sub: _tagging(make_dict_unstructure_fn(sub, c)) for sub in self.union(cl).values()
        }
        if not _is_abstract(cl) and len(members) == 1:
            return members[cl]

        def dispatch(obj: Any) -> Any:
            hook = members.get(obj.__class__)
            if hook is None:
                name = obj.__class__.__name__
                raise _Bad(
                    f"{name} n'a pas d'étiquette propre et ne peut pas être écrit",
                    f"{name} has no tag of its own and cannot be written",
                )
            return hook(obj)

        return dispatch


def _tagging(inner: _Unhook) -> _Unhook:
    def unstructure(obj: Any) -> Any:
        data = inner(obj)
        data[_KIND] = obj.KIND
        return data

    return unstructure


def _validated(hook: _Hook, a: attrs.Attribute[Any]) -> _Hook:
    """``hook``, then the model's validator of field ``a``.

    Running validators field by field reports every bad field of an object, where
    the class's ``__init__`` stops at the first. Validators are given no instance;
    one that needs it fails here with another error and is left to ``__init__``.
    """
    validator = a.validator
    assert validator is not None

    def structure(value: Any, t: Any) -> Any:
        result = hook(value, t)
        try:
            validator(None, a, result)
        except InvalidValueError:
            raise
        except Exception:  # ``__init__`` runs this validator again, with the instance
            pass
        return result

    return structure
