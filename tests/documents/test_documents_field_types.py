"""The field types the document format works from are those typing.get_type_hints gives."""

from __future__ import annotations

import importlib
import typing
from typing import Any

import attrs

from compagnonnage.documents._types import _field_types
from compagnonnage.plugins import get_plugin_manager

_ROOMS = (
    "compagnonnage.model",
    "compagnonnage.diagnostics",
    "compagnonnage.registry",
    "compagnonnage.results",
    "compagnonnage.catalogue",
    "compagnonnage.documents",
    "compagnonnage.iati",
    "compagnonnage.testing",
)


def _library_classes() -> list[type]:
    for room in _ROOMS:
        importlib.import_module(room)
    get_plugin_manager()  # the plugins' classes too
    import sys

    found = {
        c
        for name, module in list(sys.modules.items())
        if name.split(".")[0].startswith("compagnonnage")
        for c in vars(module).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == name
    }
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _hints(cl: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cl)
    return {a.name: hints[a.name] for a in attrs.fields(cl)}


def test_every_class_of_the_library_gets_the_types_of_get_type_hints() -> None:
    classes = _library_classes()
    assert len(classes) > 100
    for cl in classes:
        assert _field_types(cl) == _hints(cl), cl


@attrs.frozen
class _Item:
    name: str


@attrs.frozen
class _Later:
    items: tuple[_Item, ...]
    inner: tuple["_Item", ...]  # noqa: UP037 - a string inside the annotation's text
    maybe: int | None = None


def test_a_string_left_inside_a_type_is_resolved_as_get_type_hints_does() -> None:
    types = _field_types(_Later)
    assert types == _hints(_Later)
    assert types["inner"] == tuple[_Item, ...]
    assert _field_types(_Later) is types  # once per class
