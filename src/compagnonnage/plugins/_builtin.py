"""The built-in plugin: the core's own contributions, through the same hooks as any plugin."""

from __future__ import annotations

from collections.abc import Callable

from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, DiagnosticModule
from compagnonnage.plugins.hookspecs import hookimpl

NAME = "builtin"


@hookimpl
def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
    """Register the consular-chamber module on the five themes (its remedies come with it)."""
    register(CONSULAR_CHAMBER_MODULE)
