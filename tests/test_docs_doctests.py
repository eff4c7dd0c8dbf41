"""The ``>>>`` examples of the docstrings, shown in the API reference, run and print what they say."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import compagnonnage


def _modules() -> list[str]:
    walked = pkgutil.walk_packages(compagnonnage.__path__, "compagnonnage.")
    return ["compagnonnage", *(m.name for m in walked if not m.name.endswith("__main__"))]


def _with_examples(name: str) -> bool:
    module = importlib.import_module(name)
    return any(test.examples for test in doctest.DocTestFinder().find(module, name))


MODULES = [name for name in _modules() if _with_examples(name)]


def test_the_public_namespaces_have_examples() -> None:
    assert {"compagnonnage.documents", "compagnonnage.rules._registry"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed"
