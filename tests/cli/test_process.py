"""``run``: the process around ``main`` (its exit code, and the collector set for a short command)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Any

import pytest

import compagnonnage.cli as cli


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector as Python sets it, before and after the test."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_run_exits_with_the_code_of_main(monkeypatch: pytest.MonkeyPatch, collector: None) -> None:
    monkeypatch.setattr(cli, "main", lambda: 3)
    with pytest.raises(SystemExit) as stop:
        cli.run()
    assert stop.value.code == 3


def test_run_collects_in_batches_and_freezes_everything_at_the_end(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    seen: dict[str, Any] = {}

    def main() -> int:
        seen["threshold"] = gc.get_threshold()
        seen["frozen"] = gc.get_freeze_count()
        return 0

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(SystemExit):
        cli.run()
    assert seen["threshold"][0] == cli._COLLECT_AFTER
    assert seen["frozen"] == 0  # while the command runs, its garbage is collected as usual
    assert gc.get_freeze_count() > 0


def test_cyclic_garbage_is_still_collected_under_run(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    """Memory stays bounded: a command that makes cycles gets them collected, in batches."""
    young: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            young.append(info["collected"])

    def main() -> int:
        for _ in range(3 * cli._COLLECT_AFTER):
            cycle: list[object] = []
            cycle.append(cycle)
        return 0

    monkeypatch.setattr(cli, "main", main)
    gc.collect()
    gc.callbacks.append(count)
    try:
        with pytest.raises(SystemExit):
            cli.run()
    finally:
        gc.callbacks.remove(count)
    assert 2 <= len(young) <= 30
    assert sum(young) >= 2 * cli._COLLECT_AFTER


def test_run_freezes_even_when_main_fails(monkeypatch: pytest.MonkeyPatch, collector: None) -> None:
    def main() -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(RuntimeError, match="boom"):
        cli.run()
    assert gc.get_freeze_count() > 0


def test_the_console_script_is_run() -> None:
    (script,) = entry_points(group="console_scripts", name="compagnonnage")
    assert script.value == "compagnonnage.cli:run"
    assert script.load() is cli.run
