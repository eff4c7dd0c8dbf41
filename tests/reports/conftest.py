"""The example programme and its report inputs, shared by the report tests."""

from __future__ import annotations

import pytest

from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    DiagnosticModule,
    DiagnosticResult,
    score,
)
from compagnonnage.example import TOGO_DESIRED, togo_answers, togo_programme
from compagnonnage.model import Programme


@pytest.fixture(scope="session")
def example() -> Programme:
    """The bundled Togo example, in the accompaniment stage."""
    return togo_programme()


@pytest.fixture(scope="session")
def modules() -> tuple[DiagnosticModule, ...]:
    """The built-in diagnostic module, which names the example's dimensions."""
    return (CONSULAR_CHAMBER_MODULE,)


@pytest.fixture(scope="session")
def results() -> tuple[DiagnosticResult, ...]:
    """The example's collected answers, scored by the built-in module."""
    return (score(CONSULAR_CHAMBER_MODULE, togo_answers(), desired=TOGO_DESIRED),)
