"""Command-line speed, as ratios measured in one run, every command a whole process.

1. Start-up and per-command cost: ``compagnonnage check FILE``, ``status FILE``
   and ``report FILE`` (HTML) on the bundled Togo example, and ``compagnonnage
   --help``, each against a bare ``python -c pass``. Each round runs the command
   and ``python -c pass`` back to back (in alternating order), so that the
   pair sees the same load of the machine; each figure is the median of its
   rounds' ratios (targets: ``check`` and ``status`` <= 10, ``report`` <= 15,
   ``--help`` <= 4). The processes run as a user's do, with bytecode cached
   (``PYTHONDONTWRITEBYTECODE`` is dropped from their environment).
2. ``compagnonnage check DIR`` on a folder of medium programme documents (40
   actions, 60 findings, 10 experts, 5 missions each), against loading and
   checking the same files in one plain Python loop with the same plugin
   manager and converter. Both run in a fresh process, so both pay the imports
   and the manager; documents per second and the ratio are printed (target:
   ratio <= 1.2; the best of the rounds).

Run: ``python benchmarks/bench_cli.py [--runs N] [--documents N]`` (``--documents 0``
skips the folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compagnonnage.documents import dump
from compagnonnage.example import togo_programme
from compagnonnage.testing.samples import sample_programme

_LOOP = """
import sys
from pathlib import Path
from compagnonnage.documents import load, make_converter
from compagnonnage.plugins import get_plugin_manager

pm = get_plugin_manager()
converter = make_converter(pm)
errors = 0
for path in sorted(Path(sys.argv[1]).rglob("*.json")):
    errors += len(pm.check(load(path, converter=converter)).errors)
print(errors)
"""

_TARGETS = {"check FILE": 10.0, "status FILE": 10.0, "report FILE": 15.0, "--help": 4.0}


# Processes run as they do for a user: modules' bytecode cached in ``__pycache__``.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(argv: list[str]) -> float:
    """The wall time of one run of ``argv``, its output discarded."""
    start = time.perf_counter()
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV
    )
    return time.perf_counter() - start


def _times(commands: list[list[str]], runs: int) -> list[list[float]]:
    """Wall times of each command over ``runs`` rounds, the commands taking turns in each round.

    Taking turns spreads the machine's other load evenly over the commands compared.
    """
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, spent in zip(commands, times, strict=True):
            spent.append(_run(argv))
    return times


def paired_runs(argv: list[str], floor: list[str], runs: int) -> tuple[float, float, float]:
    """The median time of ``argv``, of ``floor``, and the median ratio of paired runs.

    Each round times both back to back, ``floor`` first in even rounds and last in odd ones,
    after one run of each that is not timed (it writes the bytecode caches).
    """
    _run(argv)
    _run(floor)
    spent: list[float] = []
    base: list[float] = []
    for i in range(runs):
        if i % 2:
            spent.append(_run(argv))
            base.append(_run(floor))
        else:
            base.append(_run(floor))
            spent.append(_run(argv))
    ratios = [t / b for t, b in zip(spent, base, strict=True)]
    return statistics.median(spent), statistics.median(base), statistics.median(ratios)


def _start_up(python: str, runs: int) -> None:
    cli = [python, "-m", "compagnonnage"]
    floor = [python, "-c", "pass"]
    with tempfile.TemporaryDirectory() as tmp:
        example = str(Path(tmp) / "togo.json")
        dump(togo_programme(), example)
        commands = {
            "check FILE": [*cli, "check", example],
            "status FILE": [*cli, "status", example],
            "report FILE": [*cli, "report", example, "--format", "html"],
            "--help": [*cli, "--help"],
        }
        print(f"start-up: each command against python -c pass, median of {runs} paired runs")
        for label, argv in commands.items():
            took, bare, ratio = paired_runs(argv, floor, runs)
            print(
                f"  {label:12} {took * 1e3:7.1f} ms   python -c pass {bare * 1e3:5.1f} ms"
                f"   ratio {ratio:5.2f}  (target <= {_TARGETS[label]:g})"
            )


def _folder(python: str, documents: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for seed in range(documents):
            dump(sample_programme(seed), folder / f"programme-{seed:05d}.json")
        size = sum(p.stat().st_size for p in folder.glob("*.json")) / documents
        cli_times, loop_times = _times(
            [
                [python, "-m", "compagnonnage", "check", str(folder)],
                [python, "-c", _LOOP, str(folder)],
            ],
            runs,
        )
        cli, loop = min(cli_times), min(loop_times)
    print(f"check: {documents} documents of {size / 1024:.1f} KB on average")
    print(f"  compagnonnage check DIR  {cli:7.3f} s  {documents / cli:8.1f} documents/s")
    print(f"  plain Python loop        {loop:7.3f} s  {documents / loop:8.1f} documents/s")
    print(f"  ratio CLI / loop         {cli / loop:7.2f}   (target <= 1.2)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="how many documents (0: none)")
    parser.add_argument("--runs", type=int, default=5, help="rounds of the folder's timing")
    parser.add_argument("--start-runs", type=int, default=21, help="paired runs of each command")
    args = parser.parse_args()
    _start_up(sys.executable, args.start_runs)
    if args.documents > 0:
        _folder(sys.executable, args.documents, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
