"""The one guarded path into plugin code: a failure becomes a :class:`PluginHookError`.

Each hook implementation is registered with pluggy behind :func:`guarded`, so
that pluggy orders the implementations, traces the calls and gathers the
results, while one that raises yields an :class:`Outcome` holding our error
instead of stopping the others. :func:`failure` turns any exception from plugin
code into the error: the plugin, its distribution and version, what was being
called, the file and line where it raised, chained from the original.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, NamedTuple

from compagnonnage._i18n import Message, _
from compagnonnage.plugins._errors import PluginHookError

_LIBRARY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SHOWN = 200


class Origin(NamedTuple):
    """Who a plugin is, as users see it: the entry-point name, its distribution and version."""

    name: str
    distribution: str | None = None
    version: str | None = None

    @property
    def where(self) -> str | None:
        """``"distribution version"``, if known."""
        if self.distribution is None:
            return None
        return f"{self.distribution} {self.version}" if self.version else self.distribution


class Outcome(NamedTuple):
    """What one implementation gave: its plugin, its value, or the failure instead."""

    plugin: str
    value: Any
    failure: PluginHookError | None = None


def location(exc: BaseException) -> str | None:
    """``file:line`` of the deepest frame of ``exc``'s traceback outside this library.

    That is the plugin's line even when it raised through one of our
    constructors (a validator refusing a value); the deepest frame when every
    frame is ours.
    """
    found = None
    tb = exc.__traceback__
    while tb is not None:
        file = tb.tb_frame.f_code.co_filename
        if found is None or not os.path.abspath(file).startswith(_LIBRARY):
            found = f"{file}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _clip(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN else line[:_SHOWN] + " …"


def failure(origin: Origin, what: str | Message, exc: BaseException) -> PluginHookError:
    """Our error for ``exc`` raised by ``origin``'s code while calling ``what``; chained."""
    said = _clip(f"{type(exc).__name__}: {exc}")
    error = PluginHookError(
        origin.name,
        what,
        _("raised {exception}", exception=said),
        distribution=origin.distribution,
        version=origin.version,
        location=location(exc),
    )
    error.__cause__ = exc
    return error


def guarded(function: Callable[..., Any], origin: Origin, hook: str) -> Callable[..., Outcome]:
    """``function`` (a hook implementation) answering an :class:`Outcome`, never raising.

    :func:`functools.wraps` keeps the marker and lets pluggy read the original's
    parameters.
    """

    @functools.wraps(function)
    def call(*args: Any) -> Outcome:
        try:
            return Outcome(origin.name, function(*args))
        except Exception as exc:
            return Outcome(origin.name, None, failure(origin, hook, exc))

    return call
