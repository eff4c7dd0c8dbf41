"""The fast reader: one generated function per attrs class, from parsed JSON to model objects.

It reads only good documents. On anything unexpected (a missing key, an extra
one, a value of the wrong type, a value a model validator refuses) it raises,
and :func:`~compagnonnage.documents.loads` reads the document again with the
detailed cattrs converter, the reference, which explains every problem. Property
tests hold the two to the same objects and the same refusals.

Why it is fast: each class gets straight-line Python written for its fields
(no per-field hook lookups), and an object is made the way attrs' own
``__init__`` makes it, by setting its slots, with the model's validators run
only where they say more than the field's type. A validator that merely checks
the type (``instance_of``, ``tuple_of``, ``member_of``...) holds by construction
here; ids, texts and counts are checked inline; every other validator, each
``__attrs_post_init__`` and each converter runs as ``__init__`` would run it.
Objects of classes this does not cover (cached hash, ``init=False`` fields,
aliases, a default that needs the instance) are made by calling the class.

The generated text comes from the model's classes only, never from a document.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from compagnonnage import _validators as v
from compagnonnage.documents._generated import _define
from compagnonnage.documents._types import (
    _DATE,
    _KIND,
    MAX_INTEGER,
    _field_types,
    _is_frozenset,
    _is_optional,
    _is_tagged,
    _is_tuple,
)

_Read = Callable[[Any], Any]
_Hook = Callable[[Any, Any], Any]


class _Refused(Exception):
    """The fast reader stops here; the detailed one says why."""


def _is_trusted(cl: type) -> bool:
    """Whether objects of ``cl`` can be made by setting their slots, as ``__init__`` does."""
    slots = cl.__dict__.get("__slots__", ())
    return (
        "__slots__" in cl.__dict__
        and "_attrs_cached_hash" not in slots
        and not hasattr(cl, "__attrs_pre_init__")
        and all(
            isinstance(getattr(cl, a.name, None), types.MemberDescriptorType)
            and a.init
            and a.alias == a.name
            and not (isinstance(a.default, attrs.Factory) and a.default.takes_self)  # type: ignore[arg-type]
            and (a.converter is None or not hasattr(a.converter, "takes_self"))
            for a in attrs.fields(cl)
        )
    )


class _Source:
    """Lines of one generated function, with the objects they name (``names`` to begin with)."""

    def __init__(self, names: dict[str, Any]) -> None:
        self.lines: list[str] = []
        self.names = dict(names)

    def name(self, prefix: str, value: Any) -> str:
        key = f"{prefix}{len(self.names)}"
        self.names[key] = value
        return key

    def add(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)


class FastReader:
    """Generated readers for the classes of one :class:`DocumentConverter`.

    ``union`` gives the members of a tagged record by tag; ``hooks`` gives the
    hook of a type whose values this module does not read out itself
    (decimals, date-times, answers: the leaves' own hooks; mappings: the cattrs
    converter's). ``leaves`` holds the hooks of the attrs classes read their
    own way (a region written as ``"TG-M"``). Readers are made on first need.
    """

    def __init__(
        self,
        union: Callable[[type], typing.Mapping[str, type]],
        hooks: Callable[[Any], _Hook],
        leaves: typing.Mapping[type, _Hook],
    ) -> None:
        self._union = union
        self._hooks = hooks
        self._leaves = leaves
        self._readers: dict[Any, _Read] = {}
        self._records: dict[type, _Read] = {}
        # Ids and dates repeat in a document and from one document to the next: the
        # valid ones are remembered, by this reader only.
        self._known = _Known()
        self._names: dict[str, Any] = {
            "_Refused": _Refused,
            "_MAX": MAX_INTEGER,
            "_IDS": self._known.ids,
            "_check_id": self._known.check_id,
            "_check_ids": self._known.check_ids,
            "_DATES": self._known.dates,
            "_read_date": self._known.read_date,
        }

    def read(self, data: Any, cl: Any) -> Any:
        """The object of type ``cl`` that ``data`` (parsed JSON) holds; raises on anything odd."""
        return self.reader(cl)(data)

    def reader(self, t: Any) -> _Read:
        """The one-argument reader of values of type ``t``."""
        found = self._readers.get(t)
        if found is None:
            found = self._make(t)
            self._readers[t] = found
        return found

    def _is_leaf(self, t: Any) -> bool:
        """Whether values of type ``t`` are read by the cattrs hook of ``t``."""
        if isinstance(t, type) and (attrs.has(t) or issubclass(t, enum.Enum)):
            return t in self._leaves
        return not (_is_tuple(t) or _is_frozenset(t))

    def _hook(self, t: Any) -> _Hook:
        """The two-argument hook of a leaf type ``t``."""
        found = self._leaves.get(t)
        return found if found is not None else self._hooks(t)

    def _make(self, t: Any) -> _Read:
        if self._is_leaf(t):
            hook = self._hook(t)
            return lambda value: hook(value, t)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {m.value: m for m in t}.__getitem__
        if _is_tagged(t):
            members = {tag: self.record(sub) for tag, sub in self._union(t).items()}
            if len(members) == 1 and getattr(t, "KIND") in members:  # noqa: B009
                return members[getattr(t, "KIND")]  # noqa: B009
            return lambda value: members[value[_KIND]](value)
        if attrs.has(t):
            return self.record(t)
        inner = self.reader(typing.get_args(t)[0])
        if _is_tuple(t):
            return lambda value: tuple(map(inner, value)) if value.__class__ is list else _refuse()

        def unique(value: Any) -> frozenset[Any]:
            if value.__class__ is not list:
                raise _Refused
            result = frozenset(map(inner, value))
            if len(result) != len(value):
                raise _Refused
            return result

        return unique

    def record(self, cl: type) -> _Read:
        """The reader of the attrs class ``cl`` itself (not of its tagged union)."""
        found = self._records.get(cl)
        if found is None:
            found = self._records[cl] = self._generated(cl, partial=False)
        return found

    def _partial(self, cl: type) -> _Read:
        """The reader of a ``cl`` written with some keys left out, made on its first call.

        This library writes every key, so most programs never need it.
        """
        made: list[_Read] = []

        def read(d: Any) -> Any:
            if not made:
                made.append(self._generated(cl, partial=True))
            return made[0](d)

        return read

    def _generated(self, cl: type, *, partial: bool) -> _Read:
        """The generated reader of a ``cl``: every key present, or (``partial``) some left out."""
        trusted = _is_trusted(cl)
        w = _Source(self._names)
        hints = _field_types(cl)
        fields = [a for a in attrs.fields(cl) if a.init]
        ids = [trusted and _is_id(a, hints[a.name]) for a in fields]
        tag = getattr(cl, "KIND", None)
        keys = frozenset(a.name for a in fields) | ({_KIND} if isinstance(tag, str) else set())
        w.add(0, "def read(d):")
        if not partial:
            # Every key present (as this library writes them): reading them all proves
            # there is no other. Otherwise the keys are checked, and defaults filled in.
            w.add(1, "if d.__class__ is not dict:")
            w.add(2, "raise _Refused")
            w.add(1, f"if len(d) != {len(keys)}:")
            w.add(2, f"return {w.name('P', self._partial(cl))}(d)")
            for i, a in enumerate(fields):
                w.add(1, f"x{i} = d[{a.name!r}]")
                self._value(w, 1, f"x{i}", hints[a.name], ids=ids[i])
        else:
            w.add(1, f"if not d.keys() <= {w.name('K', keys)}:")
            w.add(2, "raise _Refused")
        for i, a in enumerate(fields if partial else ()):
            local = f"x{i}"
            if a.default is attrs.NOTHING:
                w.add(1, f"{local} = d[{a.name!r}]")
                self._value(w, 1, local, hints[a.name], ids=ids[i])
                continue
            # A missing key stays ``d``: the default is made here, or by ``__init__``.
            w.add(1, f"{local} = d.get({a.name!r}, d)")
            if trusted:
                w.add(1, f"if {local} is d:")
                if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                    w.add(2, f"{local} = {w.name('F', a.default.factory)}()")
                else:
                    w.add(2, f"{local} = {w.name('D', a.default)}")
                w.add(1, "else:")
            else:
                w.add(1, f"if {local} is not d:")
            self._value(w, 2, local, hints[a.name], ids=ids[i])
        if isinstance(tag, str):
            w.add(1, f"if d[{_KIND!r}] != {tag!r}:")
            w.add(2, "raise _Refused")
        if trusted:
            self._made_by_slots(w, cl, fields)
        else:
            w.add(1, "kw = {}")
            for i, a in enumerate(fields):
                w.add(1, f"if x{i} is not d: kw[{a.alias!r}] = x{i}")
            w.add(1, f"return {w.name('T', cl)}(**kw)")
        what = "partial reader" if partial else "reader"
        read: _Read = _define(what, cl, "\n".join(w.lines) + "\n", w.names)
        return read

    def _made_by_slots(self, w: _Source, cl: type, fields: list[attrs.Attribute[Any]]) -> None:
        """Lines making the ``cl`` of fields ``x0``, ``x1``… as its ``__init__`` would."""
        late: list[str] = []
        for i, a in enumerate(fields):
            if a.converter is not None:
                w.add(1, f"x{i} = {w.name('C', a.converter)}(x{i})")
            late.extend(self._checks(w, a, f"x{i}"))
        w.add(1, f"o = {w.name('N', object.__new__)}({w.name('T', cl)})")
        for i, a in enumerate(fields):
            w.add(1, f"{w.name('S', getattr(cl, a.name).__set__)}(o, x{i})")
        for line in late:
            w.add(1, line)
        if hasattr(cl, "__attrs_post_init__"):
            w.add(1, "o.__attrs_post_init__()")
        w.add(1, "return o")

    def _value(self, w: _Source, indent: int, local: str, t: Any, *, ids: bool = False) -> None:
        """Lines that check ``local``, a value of type ``t``, and turn it into the model's value.

        ``ids``: the field holds ids, which its id check (see :func:`_is_id`) also
        finds to be strings.
        """
        if t is str and ids:
            w.add(indent, "pass")
        elif t is str:
            w.add(indent, f"if {local}.__class__ is not str:")
            w.add(indent + 1, "raise _Refused")
        elif t is int:
            w.add(indent, f"if {local}.__class__ is not int or not -_MAX <= {local} <= _MAX:")
            w.add(indent + 1, "raise _Refused")
        elif _is_optional(t):
            (inner,) = (x for x in typing.get_args(t) if x is not type(None))
            w.add(indent, f"if {local} is not None:")
            self._value(w, indent + 1, local, inner, ids=ids)
        elif _is_tuple(t) and typing.get_args(t)[0] is str:
            w.add(indent, f"if {local}.__class__ is not list:")
            w.add(indent + 1, "raise _Refused")
            if not ids:
                w.add(indent, f"for e in {local}:")
                w.add(indent + 1, "if e.__class__ is not str:")
                w.add(indent + 2, "raise _Refused")
            w.add(indent, f"{local} = tuple({local})")
        elif t is dt.date:
            w.add(indent, f"{local} = _DATES.get({local}) or _read_date({local})")
        elif _is_tuple(t):
            w.add(indent, f"if {local}.__class__ is not list:")
            w.add(indent + 1, "raise _Refused")
            w.add(
                indent,
                f"{local} = tuple(map({w.name('R', self.reader(typing.get_args(t)[0]))}, {local}))",
            )
        elif isinstance(t, type) and issubclass(t, enum.Enum):
            members = {m.value: m for m in t}
            w.add(indent, f"{local} = {w.name('E', members)}[{local}]")
        elif self._is_leaf(t):
            hook = self._hook(t)
            w.add(indent, f"{local} = {w.name('H', hook)}({local}, {w.name('T', t)})")
        else:
            w.add(indent, f"{local} = {w.name('R', self.reader(t))}({local})")

    def _checks(self, w: _Source, a: attrs.Attribute[Any], local: str) -> list[str]:
        """Lines checking what the validator of field ``a`` says beyond its type.

        Ids, texts and counts are checked inline, before the object is made;
        any other validator is returned as a line to run on the made object.
        """
        validators = getattr(a.validator, "_validators", (a.validator,))
        late: list[str] = []
        for check in validators:
            if check is None:
                continue
            item = v._TYPE_ONLY.get(check, check)
            if item is None:
                continue
            each = item is not check
            inline = _INLINE.get(item)
            if inline is None:
                call = f"{w.name('V', item)}(o, {w.name('A', a)}, {'e' if each else local})"
                late.append(f"for e in {local}: {call}" if each else call)
                continue
            if each and item is v.identifier:
                w.add(1, f"if not _IDS.issuperset({local}): _check_ids({local})")
            elif each:
                w.add(1, f"for e in {local}:")
                w.add(2, inline.format(x="e"))
            else:
                w.add(1, inline.format(x=local))
        return late


def _refuse() -> Any:
    raise _Refused


_KEPT = 16384
"""How many valid ids and dates a reader remembers."""


class _Known:
    """The valid ids and dates one reader has seen, so that it checks each once."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.dates: dict[str, dt.date] = {}

    def check_id(self, text: Any) -> None:
        """Refuse ``text`` unless it is an id (see :func:`compagnonnage._validators.identifier`)."""
        if text.__class__ is not str or len(text) > 128 or not v._ID.fullmatch(text):
            raise _Refused
        if len(self.ids) >= _KEPT:
            self.ids.clear()
        self.ids.add(text)

    def check_ids(self, texts: tuple[Any, ...]) -> None:
        """Refuse ``texts`` unless each is an id."""
        for text in texts:
            if text not in self.ids:
                self.check_id(text)

    def read_date(self, text: Any) -> dt.date:
        """The date written ``YYYY-MM-DD`` in ``text``."""
        if text.__class__ is not str or not _DATE.fullmatch(text):
            raise _Refused
        date = dt.date.fromisoformat(text)
        if len(self.dates) >= _KEPT:
            self.dates.clear()
        self.dates[text] = date
        return date


def _is_id(a: attrs.Attribute[Any], t: Any) -> bool:
    """Whether field ``a``, of type ``t``, holds ids that :meth:`_Known.check_id` checks.

    Then the check also finds them to be strings, and the reader need not.
    """
    check = a.validator
    return (
        check is v.identifier
        or (check is v.optional_identifier and _is_optional(t))
        or (check in v._TYPE_ONLY and v._TYPE_ONLY[check] is v.identifier)
    )


# What a validator refuses, as a statement on a value already of the field's type.
_INLINE: dict[Any, str] = {
    v.identifier: "if {x} not in _IDS: _check_id({x})",
    v.optional_identifier: "if {x} is not None and {x} not in _IDS: _check_id({x})",
    v.text: "if not {x}.strip(): raise _Refused",
    v.optional_text: "if {x} is not None and not {x}.strip(): raise _Refused",
    v.count: "if {x} < 0: raise _Refused",
    v.optional_count: "if {x} is not None and {x} < 0: raise _Refused",
}
