"""compagnonnage's ``hypothesis`` entry point, outside the package so that it costs nothing.

hypothesis calls :func:`_hypothesis_setup_hook` when it is imported. Importing
anything inside ``compagnonnage`` would import the package, hence the model,
the rules and the lifecycle, into every ``import hypothesis``; yet our types
can only be asked for once ``compagnonnage.model`` is imported. So the hook
registers them then: at once if the model is already imported, else right
after its import, through a finder on ``sys.meta_path`` that removes itself on
first use. The registration itself is
:func:`compagnonnage.testing._hypothesis._register`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # importlib.abc pulls in importlib.resources: not at run time
    from collections.abc import Sequence
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec
    from types import ModuleType

_MODEL = "compagnonnage.model"


def _register(model: ModuleType) -> None:
    from compagnonnage.testing._hypothesis import _register as register

    register(model)


class _ThenRegister:
    """A loader that runs ``loader``, then registers the types of the model it made."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)  # get_source, is_package… of the real loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _register(module)


class _RegisterAfterImport:
    """A finder that finds nothing itself: lets the others find the model, wraps its loader."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != _MODEL:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = cast("Loader", _ThenRegister(spec.loader))
                return spec
        return None


def _hypothesis_setup_hook() -> None:
    """Register our types now if the model is imported, else right after it is."""
    model = sys.modules.get(_MODEL)
    if model is not None:
        _register(model)
    elif not any(isinstance(f, _RegisterAfterImport) for f in sys.meta_path):
        sys.meta_path.insert(0, cast("Any", _RegisterAfterImport()))
