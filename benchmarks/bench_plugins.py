"""Plugin overhead, as two ratios measured in one run.

1. **Checking.** With the reference plugins installed (compagnonnage-uemoa,
   -food, -building), checks 10,000 medium programmes through
   :meth:`PluginManager.check` and compares the time with calling the same rule
   functions (core and plugin) directly in a plain loop. Target: at most 1.1x.
2. **Loading.** Builds the manager with entry points in a fresh process and
   compares the time with ``import compagnonnage`` alone, both as the CPU time
   (user + system) of the subprocess, interpreter start-up included, medians of
   several interleaved runs: CPU time, unlike wall time, does not count the
   waits of a machine whose cores are shared. Bytecode is as the environment
   has it (with ``PYTHONDONTWRITEBYTECODE=1`` every run compiles what it
   imports). Target: at most 1.4x (issue 16) the import of the core (model,
   rules, lifecycle: what ``import compagnonnage`` imported when the target was
   set). Since then ``import compagnonnage`` imports nothing (its names load on
   first use), so the ratio to it, also printed, is a ratio to a bare
   interpreter and says little.

Run: python benchmarks/bench_plugins.py [--programmes N] [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from compagnonnage.model import Programme, TradeRef
from compagnonnage.plugins import PluginManager, get_plugin_manager
from compagnonnage.rules import Breach
from compagnonnage.testing.samples import sample_programme

REFERENCE = ("uemoa", "food", "building")
TRADES = [TradeRef("uemoa", code) for code in ("BTP-01", "TEX-01", "HYG-01", "ALI-01")]
IMPORT_ONLY = "import compagnonnage"
IMPORT_CORE = "import compagnonnage.lifecycle"
BUILD_MANAGER = (
    "from compagnonnage.plugins import get_plugin_manager; get_plugin_manager(strict=True)"
)


def check_ratio(pm: PluginManager, programmes: Sequence[Programme], runs: int) -> float:
    """Time through the library over time of the plain loop, over all programmes.

    The two are interleaved in chunks of 100 programmes, alternating which goes
    first, so that drifts of the machine's load weigh on both alike.
    """
    rules = list(pm.rules())
    context = pm.rule_context()
    functions = [r.check for r in rules]
    check = pm.check

    def through_library(chunk: Sequence[Programme]) -> None:
        for p in chunk:
            check(p)

    def plain_loop(chunk: Sequence[Programme]) -> None:
        breaches: list[Breach] = []
        for p in chunk:
            for f in functions:
                breaches.extend(f(p, context))

    def timed(work: Callable[[Sequence[Programme]], None], chunk: Sequence[Programme]) -> float:
        start = time.perf_counter()
        work(chunk)
        return time.perf_counter() - start

    through_library(programmes)
    plain_loop(programmes)
    library = plain = 0.0
    gc.collect()
    gc.disable()
    try:
        for run in range(runs):
            for i in range(0, len(programmes), 100):
                chunk = programmes[i : i + 100]
                if (run + i // 100) % 2:
                    library += timed(through_library, chunk)
                    plain += timed(plain_loop, chunk)
                else:
                    plain += timed(plain_loop, chunk)
                    library += timed(through_library, chunk)
    finally:
        gc.enable()
    checks = runs * len(programmes)
    print(
        f"checking {len(programmes)} programmes x {runs} with {len(rules)} rules: "
        f"library {library * 1e6 / checks:.1f} µs, plain loop "
        f"{plain * 1e6 / checks:.1f} µs per programme"
    )
    return library / plain


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _process(code: str) -> float:
    start = _cpu()
    subprocess.run([sys.executable, "-c", code], check=True)
    return _cpu() - start


def load_ratio(runs: int) -> float:
    """Median CPU time of building the manager over that of importing the core.

    The core is :data:`IMPORT_CORE`; the ratio to a bare ``import compagnonnage``
    is printed too.
    """
    _process(BUILD_MANAGER)
    imports, cores, builds = [], [], []
    for _ in range(runs):
        imports.append(_process(IMPORT_ONLY))
        cores.append(_process(IMPORT_CORE))
        builds.append(_process(BUILD_MANAGER))
    imp, core = statistics.median(imports), statistics.median(cores)
    build = statistics.median(builds)
    print(
        f"fresh process: import compagnonnage {imp * 1000:.0f} ms, import the core "
        f"{core * 1000:.0f} ms, build the manager with entry points {build * 1000:.0f} ms "
        f"({build / imp:.2f}x import compagnonnage)"
    )
    return build / core


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programmes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pm = get_plugin_manager(allow=REFERENCE, strict=True)
    loaded = sorted(i.name for i in pm.list_plugins())
    if loaded != sorted(("builtin", *REFERENCE)):
        print(f"the reference plugins are not all installed: {loaded}", file=sys.stderr)
        return 2
    print(f"building {args.programmes} medium programmes …", flush=True)
    programmes = [sample_programme(seed, trades=TRADES) for seed in range(args.programmes)]
    checking = check_ratio(pm, programmes, runs=max(3, args.runs // 3))
    loading = load_ratio(args.runs)
    ok = checking <= 1.1 and loading <= 1.4
    print(f"ratio checking (library / plain loop): {checking:.3f} (target <= 1.1)")
    print(f"ratio loading (manager / core import): {loading:.3f} (target <= 1.4)")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
