"""The fast writer: one generated function per attrs class, from model objects to plain data.

It writes what the cattrs converter writes (a property test holds the two to the
same bytes), with less work: each class gets one dict display built from its
fields, and the values orjson writes itself as this format wants them (strings,
numbers, ``None``, enums by value, dates, tuples) are handed over untouched.
Anything else goes through the converter's own hook. On any failure
:func:`~compagnonnage.documents.dumps` writes the object again with the cattrs
converter, the reference, which says what cannot be written.

The generated text comes from the model's classes only, never from an object's values.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from compagnonnage.documents._converter import _is_optional, _is_tagged, _is_tuple

_Write = Callable[[Any], Any]
_KIND = "kind"
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


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


class FastWriter:
    """Generated writers for the classes of one :class:`DocumentConverter`.

    ``union`` gives the members of a tagged record by tag; ``hooks`` is the fast
    cattrs converter, whose unstructure hooks write the leaves this module does
    not write out, and the attrs classes in ``leaves`` (a region is ``"TG-M"``).
    """

    def __init__(
        self, union: Callable[[type], Mapping[str, type]], hooks: Any, leaves: frozenset[type]
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
        hook: _Write = self._hooks.get_unstructure_hook(t)
        return hook

    def _record(self, cl: type) -> _Write:
        names: dict[str, Any] = {}

        def name(prefix: str, value: Any) -> str:
            key = f"{prefix}{len(names)}"
            names[key] = value
            return key

        hints = typing.get_type_hints(cl)
        items = [
            f"{a.name!r}: {self._value(name, f'o.{a.name}', hints[a.name])}"
            for a in attrs.fields(cl)
        ]
        tag = getattr(cl, "KIND", None)
        if isinstance(tag, str):
            items.append(f"{_KIND!r}: {tag!r}")
        text = "def write(o):\n    return {" + ", ".join(items) + "}"
        # The text is made from the model's classes only.
        exec(compile(text, f"<compagnonnage writer {cl.__qualname__}>", "exec"), names)
        write: _Write = names["write"]
        return write

    def _value(self, name: Callable[[str, Any], str], expr: str, t: Any) -> str:
        """The expression of the plain value of ``expr``, of declared type ``t``."""
        if _is_native(t):
            return expr
        if _is_optional(t):
            (inner,) = (x for x in typing.get_args(t) if x is not type(None))
            if _is_native(inner):
                return expr
            return f"(None if {expr} is None else {self._value(name, expr, inner)})"
        if t is dt.datetime:
            return f"{expr}.isoformat()"
        if _is_enum(t):
            return f"{expr}._value_"
        args = typing.get_args(t)
        if _is_tuple(t) and _is_enum(args[0]):
            return f"[e._value_ for e in {expr}]"
        if typing.get_origin(t) is frozenset and (_is_enum(args[0]) or args[0] in self._leaves):
            # Values written as strings, in their own order (as the converter writes them).
            item = "e._value_" if _is_enum(args[0]) else f"{name('W', self.writer(args[0]))}(e)"
            return f"sorted([{item} for e in {expr}])"
        if _is_tuple(t):
            return f"list(map({name('W', self.writer(args[0]))}, {expr}))"
        return f"{name('W', self.writer(t))}({expr})"
