"""What the document format knows of the model's types, shared by every way of reading and writing.

The cattrs converter (``_converter``), the generated reader and writer
(``_fast_read``, ``_fast_write``) and the JSON Schema (``_schema``) all build on
these facts: which classes are tagged records, which annotations are tuples,
sets, optionals or mappings, the largest integer, the patterns of values
written as strings. This module imports neither cattrs nor orjson, and none of
the modules that use it, so that the dependencies run one way.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
import sys
import types
import typing
import weakref
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from compagnonnage.diagnostics import AnswerValue

MAX_INTEGER = 2**53 - 1
"""The largest integer (in absolute value) a document may hold: exact in every JSON reader."""

_KIND = "kind"
"""The key of a tagged record's tag."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?)"
)
_DECIMAL = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?(E[+-]?[0-9]{1,3})?", re.IGNORECASE)
_REGION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")


def _is_tagged(cl: Any) -> bool:
    """Whether ``cl`` is a polymorphic record: an attrs class with a ``KIND`` tag."""
    return attrs.has(cl) and isinstance(getattr(cl, "KIND", None), str)


def _is_abstract(cl: type) -> bool:
    """A root of polymorphic records with subclasses: documents name only its subclasses."""
    return any(_descendants(cl)) and not any(_is_tagged(b) for b in cl.__mro__[1:])


def _descendants(cl: type) -> Iterator[type]:
    """The attrs subclasses of ``cl``, recursively.

    A slotted attrs class replaces the class it decorates; the replaced one stays
    among ``__subclasses__()`` until a garbage collection, without attrs fields of
    its own (checking the module's attribute would miss classes made in functions).
    """
    sub: type
    for sub in cl.__subclasses__():
        if "__attrs_attrs__" in sub.__dict__:
            yield sub
        yield from _descendants(sub)


@functools.cache
def _expression(annotation: str) -> types.CodeType:
    """An annotation's text compiled once: the model writes the same few dozen again and again."""
    return compile(annotation, "<annotation>", "eval", dont_inherit=True)


def _has_text(t: Any) -> bool:
    """Whether a string or forward reference is left in the type ``t``, at any depth."""
    return isinstance(t, (str, typing.ForwardRef)) or any(map(_has_text, typing.get_args(t)))


_RESOLVED: weakref.WeakKeyDictionary[type, dict[str, Any]] = weakref.WeakKeyDictionary()


def _field_types(cl: type) -> dict[str, Any]:
    """The type of each field of the attrs class ``cl``, string annotations resolved.

    They are what :func:`typing.get_type_hints` gives (a test holds the two to
    the same types for every class of the library), evaluated as it evaluates
    them (the names of the module of the class that annotates a field first,
    then those of the class), with each annotation's text compiled once for all
    classes: resolving every class with :func:`attrs.resolve_types` was a
    third of reading the first document of a run. A type this cannot resolve
    alone (a string left inside it) is left to :func:`attrs.resolve_types`.
    """
    found = _RESOLVED.get(cl)
    if found is not None:
        return found
    hints: dict[str, Any] = {}
    for base in reversed(cl.__mro__):
        annotations = inspect.get_annotations(base)
        if not annotations:
            continue
        module = getattr(sys.modules.get(base.__module__), "__dict__", {})
        names = dict(vars(base))
        for name, value in annotations.items():
            if isinstance(value, str):
                value = eval(_expression(value), names, module)  # module names first
            hints[name] = type(None) if value is None else value
    fields = attrs.fields(cl)
    if all(a.name in hints and not _has_text(hints[a.name]) for a in fields):
        found = {a.name: hints[a.name] for a in fields}
    else:
        found = {a.name: a.type for a in attrs.fields(attrs.resolve_types(cl))}
    _RESOLVED[cl] = found
    return found


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _is_union(t: Any) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType)


def _is_optional_text(t: Any) -> bool:
    """``str | None``, written as it is (cattrs then inlines the attribute)."""
    return _is_union(t) and set(typing.get_args(t)) == {str, type(None)}


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return _is_union(t) and len(args) == 2 and type(None) in args


def _is_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(t: Any) -> bool:
    return typing.get_origin(t) is frozenset


def _is_mapping(t: Any) -> bool:
    return typing.get_origin(t) in (Mapping, dict)


def _is_answer(t: Any) -> bool:
    return bool(t == AnswerValue)
