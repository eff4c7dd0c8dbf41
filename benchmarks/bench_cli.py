"""Command-line speed, as ratios measured in one run.

1. ``compagnonnage check DIR`` on a folder of 1,000 medium programme documents
   (40 actions, 60 findings, 10 experts, 5 missions each), against loading and
   checking the same files in one plain Python loop with the same plugin
   manager and converter. Both run in a fresh process, so both pay the imports
   and the manager; documents per second and the ratio are printed
   (target: ratio <= 1.2).
2. ``compagnonnage --help`` wall time against ``python -c "import compagnonnage"``
   (target: ratio <= 1.5).

The commands compared take turns, round after round; each figure is the best
(check) or the median (help) of its rounds. Run: ``python benchmarks/bench_cli.py [--documents N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compagnonnage.documents import dump
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


def _times(commands: list[list[str]], runs: int) -> list[list[float]]:
    """Wall times of each command over ``runs`` rounds, the commands taking turns in each round.

    Taking turns spreads the machine's other load evenly over the commands
    compared; output is discarded.
    """
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, spent in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            spent.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="how many documents")
    parser.add_argument("--runs", type=int, default=5, help="rounds of each timing (best kept)")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for seed in range(args.documents):
            dump(sample_programme(seed), folder / f"programme-{seed:05d}.json")
        size = sum(p.stat().st_size for p in folder.glob("*.json")) / args.documents
        cli_times, loop_times = _times(
            [
                [python, "-m", "compagnonnage", "check", str(folder)],
                [python, "-c", _LOOP, str(folder)],
            ],
            args.runs,
        )
        cli, loop = min(cli_times), min(loop_times)
    print(f"check: {args.documents} documents of {size / 1024:.1f} KB on average")
    print(f"  compagnonnage check DIR  {cli:7.3f} s  {args.documents / cli:8.1f} documents/s")
    print(f"  plain Python loop        {loop:7.3f} s  {args.documents / loop:8.1f} documents/s")
    print(f"  ratio CLI / loop         {cli / loop:7.2f}   (target <= 1.2)")

    runs = max(10, args.runs * 5)
    help_times, import_times = _times(
        [[python, "-m", "compagnonnage", "--help"], [python, "-c", "import compagnonnage"]], runs
    )
    help_time, import_time = statistics.median(help_times), statistics.median(import_times)
    print(f"help: median of {runs} runs")
    print(f"  compagnonnage --help            {help_time * 1000:7.1f} ms")
    print(f"  python -c 'import compagnonnage' {import_time * 1000:6.1f} ms")
    print(f"  ratio help / import             {help_time / import_time:7.2f}   (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
