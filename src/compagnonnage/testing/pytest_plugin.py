"""The compagnonnage pytest plugin: fixtures for projects that test themselves against us.

Installed with compagnonnage through the ``pytest11`` entry point named
``compagnonnage``; switch it off with ``pytest -p no:compagnonnage``. Nothing is
autouse, and this module imports only pytest: each fixture imports what it
needs when a test asks for it, so a project that never uses the fixtures pays
nothing (and hypothesis is not needed).

Fixtures:

* ``compagnonnage_plugin_manager``: a fresh, strict
  :class:`~compagnonnage.plugins.PluginManager`. Installed plugins stay out
  unless the ini option ``compagnonnage_entry_points = true`` lets them in.
* ``compagnonnage_register_plugin``: ``register(plugin, ...)`` returns a fresh
  manager with these throwaway plugins added (and those of earlier calls in the
  same test), for one test only.
* ``compagnonnage_converter``: a document converter made after the plugins of
  ``compagnonnage_plugin_manager`` loaded.
* ``compagnonnage_example``: the bundled Togo programme
  (:func:`compagnonnage.example.togo_programme`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from compagnonnage.documents import DocumentConverter
    from compagnonnage.model import Programme
    from compagnonnage.plugins import PluginManager

_ENTRY_POINTS = "compagnonnage_entry_points"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ini option ``compagnonnage_entry_points`` (false by default)."""
    parser.addini(
        _ENTRY_POINTS,
        type="bool",
        default=False,
        help="compagnonnage fixtures load the installed compagnonnage plugins (default: false)",
    )


def _manager(config: pytest.Config, plugins: tuple[object, ...]) -> PluginManager:
    from compagnonnage.plugins import get_plugin_manager

    return get_plugin_manager(
        entry_points=bool(config.getini(_ENTRY_POINTS)), strict=True, plugins=plugins
    )


@pytest.fixture
def compagnonnage_plugin_manager(pytestconfig: pytest.Config) -> PluginManager:
    """A fresh strict plugin manager; installed plugins only with ``compagnonnage_entry_points``."""
    return _manager(pytestconfig, ())


@pytest.fixture
def compagnonnage_register_plugin(
    pytestconfig: pytest.Config,
) -> Callable[..., PluginManager]:
    """``register(plugin, ...)``: a fresh manager with these plugins, for this test only.

    Each call adds its plugins to those of the earlier calls in the same test
    and returns a new manager; nothing outlives the test. A plugin that does not
    load raises its :class:`~compagnonnage.plugins.PluginError`.
    """
    registered: list[object] = []

    def register(*plugins: object) -> PluginManager:
        registered.extend(plugins)
        return _manager(pytestconfig, tuple(registered))

    return register


@pytest.fixture
def compagnonnage_converter(compagnonnage_plugin_manager: PluginManager) -> DocumentConverter:
    """A document converter made after the plugins of ``compagnonnage_plugin_manager``."""
    from compagnonnage.documents import make_converter

    return make_converter(compagnonnage_plugin_manager)


@pytest.fixture
def compagnonnage_example() -> Programme:
    """The bundled, illustrative Togo programme."""
    from compagnonnage.example import togo_programme

    return togo_programme()
