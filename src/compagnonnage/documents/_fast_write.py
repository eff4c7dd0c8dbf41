"""The fast writer: one generated function per attrs class, from model objects to plain data.

It writes what the cattrs converter writes (a property test holds the two to the
same bytes), with less work: each class gets one dict display built from its
fields, and the values orjson writes itself as this format wants them (strings,
numbers, ``None``, enums by value, dates, tuples) are handed over untouched.
Anything else goes through the leaf's or the cattrs converter's hook. On any failure
:func:`~compagnonnage.documents.dumps` writes the object again with the cattrs
converter, the reference, which says what cannot be written.

The generated text comes from the model's classes only, never from an object's values.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from compagnonnage.documents._generated import _define
from compagnonnage.documents._types import (
    _KIND,
    _field_types,
    _is_enum,
    _is_optional,
    _is_tagged,
    _is_tuple,
)

_Write = Callable[[Any], Any]
_Name = Callable[[str, Any], str]
_DEPTH = 3
"""How deep records are written inline in their container's writer."""
_NATIVE = (str, int, bool, dt.date)
"""Types whose values orjson writes as documents write them (``bool`` is an ``int``).

Enums are not among them: orjson reads an enum's value through Python's
``Enum.value`` property, slower than the member's ``_value_`` attribute.
"""


def _is_native(t: Any) -> bool:
    if t in _NATIVE:
        return True
    if _is_tuple(t):
        return _is_native(typing.get_args(t)[0])
    return False


class FastWriter:
    """Generated writers for the classes of one :class:`DocumentConverter`.

    ``union`` gives the members of a tagged record by tag; ``hooks`` gives the
    writer of a type whose values this module does not write out itself (a
    leaf's own, or the cattrs converter's). ``leaves`` maps the attrs classes the converter writes as a
    string to the expression of that string, with ``{}`` for the object (a
    region is ``"TG-M"``).
    """

    def __init__(
        self,
        union: Callable[[type], Mapping[str, type]],
        hooks: Callable[[Any], _Write],
        leaves: Mapping[type, str],
    ) -> None:
        self._union = union
        self._hooks = hooks
        self._leaves = leaves
        self._writers: dict[Any, _Write] = {}

    def writer(self, t: Any) -> _Write:
        """The writer of values of declared type ``t``."""
        found = self._writers.get(t)
        if found is None:
            found = self._make(t)
            self._writers[t] = found
        return found

    def _make(self, t: Any) -> _Write:
        if _is_tagged(t):
            members = {sub: self._record(sub) for sub in self._union(t).values()}
            if len(members) == 1 and t in members:
                return members[t]
            return lambda obj: members[obj.__class__](obj)
        if attrs.has(t) and t not in self._leaves:
            return self._record(t)
        if _is_tuple(t):
            inner = self.writer(typing.get_args(t)[0])
            return lambda value: list(map(inner, value))
        return self._hooks(t)

    def _record(self, cl: type) -> _Write:
        names: dict[str, Any] = {}

        def name(prefix: str, value: Any) -> str:
            key = f"{prefix}{len(names)}"
            names[key] = value
            return key

        text = f"def write(o):\n    return {self._display(name, cl, 'o', 0)}\n"
        write: _Write = _define("writer", cl, text, names)
        return write

    def _is_inlined(self, t: Any) -> bool:
        """Whether a ``t`` is written by a dict display in its container's writer.

        Records of one class are; polymorphic ones (written by their class's
        writer) and those the converter writes its own way are not.
        """
        if not attrs.has(t) or t in self._leaves:
            return False
        return not _is_tagged(t) or set(self._union(t).values()) == {t}

    def _display(self, name: _Name, cl: type, expr: str, depth: int) -> str:
        """The dict display of ``expr``, a ``cl``: its fields, and its tag if it has one.

        Keys come in sorted order, the order they are written in: orjson's sort
        of each dict then has nothing to move.
        """
        hints = _field_types(cl)
        items = {
            a.name: self._value(name, f"{expr}.{a.name}", hints[a.name], depth)
            for a in attrs.fields(cl)
        }
        tag = getattr(cl, "KIND", None)
        if isinstance(tag, str):
            items[_KIND] = repr(tag)
        return "{" + ", ".join(f"{key!r}: {items[key]}" for key in sorted(items)) + "}"

    def _value(self, name: _Name, expr: str, t: Any, depth: int) -> str:
        """The expression of the plain value of ``expr``, of declared type ``t``.

        Records are written inline down to :data:`_DEPTH` levels of nesting (a
        function call per object costs as much as building its dict), deeper
        ones by their own writer.
        """
        if _is_native(t):
            return expr
        if t in self._leaves:
            return self._leaves[t].format(expr)
        if _is_optional(t):
            (inner,) = (x for x in typing.get_args(t) if x is not type(None))
            if _is_native(inner):
                return expr
            return f"(None if {expr} is None else {self._value(name, expr, inner, depth)})"
        if t is dt.datetime:
            return f"{expr}.isoformat()"
        if _is_enum(t):
            return f"{expr}._value_"
        args = typing.get_args(t)
        item = f"e{depth}"
        if _is_tuple(t) and _is_enum(args[0]):
            return f"[{item}._value_ for {item} in {expr}]"
        if typing.get_origin(t) is frozenset and (_is_enum(args[0]) or args[0] in self._leaves):
            # Values written as strings, in their own order (as the converter writes them).
            value = self._value(name, item, args[0], depth + 1)
            return f"sorted([{value} for {item} in {expr}])"
        inline = depth < _DEPTH
        if _is_tuple(t) and inline and self._is_inlined(args[0]):
            return f"[{self._display(name, args[0], item, depth + 1)} for {item} in {expr}]"
        if _is_tuple(t) and _is_tagged(args[0]):
            members = {sub: self.writer(sub) for sub in self._union(args[0]).values()}
            return f"[{name('M', members)}[{item}.__class__]({item}) for {item} in {expr}]"
        if _is_tuple(t):
            return f"list(map({name('W', self.writer(args[0]))}, {expr}))"
        if inline and self._is_inlined(t):
            return self._display(name, t, expr, depth + 1)
        return f"{name('W', self.writer(t))}({expr})"
