"""Every field of the public attrs classes has a one-line docstring under it.

The API reference shows each field with its type, its default and that
docstring; a field without one would be listed with no word of what it holds.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import textwrap

import attrs
import pytest

NAMESPACES = [
    "compagnonnage",
    "compagnonnage.model",
    "compagnonnage.rules",
    "compagnonnage.lifecycle",
    "compagnonnage.errors",
    "compagnonnage.plugins",
    "compagnonnage.diagnostics",
    "compagnonnage.catalogue",
    "compagnonnage.documents",
    "compagnonnage.reports",
    "compagnonnage.testing.conformance",
]


def _classes() -> list[type]:
    """The public attrs classes and their attrs bases, each once."""
    found: dict[str, type] = {}
    for name in NAMESPACES:
        module = importlib.import_module(name)
        for public in module.__all__:
            value = getattr(module, public)
            if inspect.isclass(value) and attrs.has(value):
                for cls in value.__mro__:
                    if attrs.has(cls) and cls.__module__.startswith("compagnonnage"):
                        found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


def _undocumented(cls: type) -> list[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    fields = set(attrs.fields_dict(cls))
    missing = []
    for statement, following in zip(node.body, [*node.body[1:], None], strict=True):
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        name = statement.target.id
        if name not in fields or name.startswith("_"):
            continue
        documented = (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        )
        if not documented:
            missing.append(name)
    return missing


CLASSES = _classes()


def test_the_public_classes_are_found() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"Programme", "Body", "RegionProfile", "Service", "Pricing", "SupportCandidate"} <= names
    assert len(CLASSES) > 60


@pytest.mark.parametrize("cls", CLASSES, ids=[f"{c.__module__}.{c.__qualname__}" for c in CLASSES])
def test_every_field_has_a_docstring(cls: type) -> None:
    assert not _undocumented(cls), f"{cls.__qualname__} in {sys.modules[cls.__module__].__file__}"
