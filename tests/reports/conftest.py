"""The example programme and its report inputs, shared by the report tests."""

from __future__ import annotations

import pytest

from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, DiagnosticModule
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme


@pytest.fixture(scope="session")
def example() -> Programme:
    """The bundled Togo example, in the accompaniment stage."""
    return togo_programme()


@pytest.fixture(scope="session")
def modules() -> tuple[DiagnosticModule, ...]:
    """The built-in diagnostic module, which names the example's dimensions."""
    return (CONSULAR_CHAMBER_MODULE,)
