"""The cattrs converter: the reference for reading and writing documents.

It validates in detail, forbids extra keys, runs every model validator field by
field, so that a bad document gets every problem at once. Good documents take
the generated fast reader and writer (``_fast_read``, ``_fast_write``); on any
failure :func:`~compagnonnage.documents.loads` and
:func:`~compagnonnage.documents.dumps` come here to say what is wrong. A
:class:`~compagnonnage.documents.DocumentConverter` makes its cattrs converter
on first need, so that reading and writing good documents never imports cattrs.
Property tests hold the two ways to the same objects, refusals and bytes.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from compagnonnage._i18n import _, _p
from compagnonnage.documents._leaves import (
    _STRUCTURE,
    _UNSTRUCTURE,
    _enum_hook,
    _enum_unhook,
    _sort_key,
    _structure_answer,
    _unstructure_answer,
)
from compagnonnage.documents._problems import _Bad, _expected, _spend, _Unchecked
from compagnonnage.documents._types import (
    _KIND,
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
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import Domain

_Hook = Callable[[Any, Any], Any]
_Unhook = Callable[[Any], Any]


def _optional_hook(c: cattrs.Converter, t: Any) -> _Hook:
    """``X | None``: ``null``, or what the hook of ``X`` accepts (looked up once)."""
    (inner,) = (a for a in typing.get_args(t) if a is not type(None))
    hook = c.get_structure_hook(inner)
    return lambda value, _type: None if value is None else hook(value, inner)


# -- containers ---------------------------------------------------------------------


def _items(value: Any, hook: _Hook, item: Any) -> list[Any]:
    if type(value) is not list:
        raise _expected(_("an array"), value)
    out: list[Any] = []
    errors: list[Exception] = []
    for i, v in enumerate(value):
        try:
            out.append(hook(v, item))
        except Exception as exc:
            _note(exc, _index_note(i, item))
            errors.append(exc)
            if _spend(exc):  # enough problems found: the rest of the array is not checked
                if i + 1 < len(value):
                    errors.append(_Unchecked(len(value) - i - 1))
                break
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


class _Reference:
    """The hook factories of one document converter's cattrs converter.

    ``union`` gives the classes a tagged record may be, by tag.
    """

    def __init__(self, union: Callable[[type], Mapping[str, type]]) -> None:
        self.union = union

    def build(self) -> cattrs.Converter:
        """A new cattrs converter, with this converter's hook factories."""
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
        c.register_unstructure_hook_factory(_is_optional_text, lambda _type: identity)
        c.register_structure_hook_factory(_is_optional, partial(_optional_hook, c))
        for t, hook in _STRUCTURE.items():
            c.register_structure_hook(t, hook)
        for t, unhook in _UNSTRUCTURE.items():
            c.register_unstructure_hook(t, unhook)
        return c

    # Hook factories.

    def _sequence_hook(self, c: cattrs.Converter, unique: bool, t: Any) -> _Hook:
        (item, *_rest) = typing.get_args(t)
        hook = c.get_structure_hook(item)

        def structure(value: Any, _type: Any) -> Any:
            items = _items(value, hook, item)
            if not unique:
                return tuple(items)
            result = frozenset(items)
            if len(result) != len(items):
                raise _Bad(_("repeated values in a set of values"))
            return result

        return structure

    def _mapping_hook(self, c: cattrs.Converter, t: Any) -> _Hook:
        key_type, value_type = typing.get_args(t)
        key_hook = c.get_structure_hook(key_type)
        value_hook = c.get_structure_hook(value_type)

        def structure(value: Any, _type: Any) -> dict[Any, Any]:
            if type(value) is not dict:
                raise _expected(_("an object"), value)
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

        def dispatch(value: Any, _type: Any) -> Any:
            if type(value) is not dict:
                raise _expected(_("an object"), value)
            if _KIND not in value:
                raise _at(_KIND, KeyError(_KIND), cl)
            tag = value[_KIND]
            hook = members.get(tag) if type(tag) is str else None
            if hook is None:
                raise _at(_KIND, _expected(_p("tags", "one of {values}", values=tags), tag), cl)
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

            def record(value: Any, _type: Any) -> Any:
                if type(value) is not dict:
                    raise _expected(_("an object"), value)
                return inner(value, cl)

            return record

        allowed = frozenset(a.alias for a in attrs.fields(cl) if a.init) | {_KIND}

        def tagged(value: Any, _type: Any) -> Any:
            if type(value) is not dict:
                raise _expected(_("an object"), value)
            errors: list[Exception] = []
            if _KIND not in value:
                errors.append(KeyError(_KIND))
            elif value[_KIND] != tag:
                errors.append(_expected(_("the tag {tag}", tag=tag), value[_KIND]))
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
                raise _Bad(_("{name} has no tag of its own and cannot be written", name=name))
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
