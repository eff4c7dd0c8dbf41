"""Helpers of the CLI tests: what a run returns, and running ``python -m compagnonnage``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

from compagnonnage.model import Programme, Training


@attrs.frozen
class Result:
    """What a command printed and returned."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


def run_module(*argv: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """``python -m compagnonnage …`` in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-m", "compagnonnage", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def violating(example: Programme) -> Programme:
    """The example with a training that addresses nobody (STG-008, an error)."""
    actions = tuple(
        attrs.evolve(a, audience=frozenset()) if isinstance(a, Training) else a
        for a in example.accompaniment.actions
    )
    return attrs.evolve(example, accompaniment=attrs.evolve(example.accompaniment, actions=actions))
