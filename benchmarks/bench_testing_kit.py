"""What the testing kit costs a downstream suite, measured in one run.

1. ``import hypothesis`` with compagnonnage installed (its entry point runs),
   against ``HYPOTHESIS_NO_PLUGINS=1`` in the same environment: the ratio is the
   cost of our hook (best of several fresh interpreters each).
2. The state machine: the share of rule draws that hypothesis had to retry
   because a precondition was false (ours) or the rule was switched off for the
   test case (hypothesis' swarm testing), over a derandomised run of
   ``ProgrammeMachine``.
3. Shrinking: the minimal programme with more than one support action that
   ``hypothesis.find`` reaches, its size (lines of repr, unused findings,
   competences, records), the time and the number of programmes tried.

Run: python benchmarks/bench_testing_kit.py [--examples N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

_PROBE = (
    "import sys, time; t = time.perf_counter(); import hypothesis; "
    "print(time.perf_counter() - t, sum('compagnonnage' in m for m in sys.modules))"
)


def _import(env: dict[str, str]) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def bench_import(runs: int = 11) -> None:
    """Median of ``runs`` fresh interpreters each, with and without the hook, interleaved."""
    with_hook: list[float] = []
    without: list[float] = []
    modules = 0
    for _ in range(runs):
        seconds, modules = _import(dict(os.environ))
        with_hook.append(seconds)
        without.append(_import({**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"})[0])
    a, b = statistics.median(with_hook), statistics.median(without)
    print(
        f"import hypothesis: {a * 1000:.1f} ms with our entry point, {b * 1000:.1f} ms "
        f"without (medians of {runs}): {a / b:.2f}x; {modules} compagnonnage modules imported"
    )


def bench_machine(examples: int) -> None:
    from hypothesis import settings
    from hypothesis.stateful import RuleStrategy, run_state_machine_as_test

    from compagnonnage.testing.machine import ProgrammeMachine

    counts = {"draws": 0, "precondition": 0, "swarm": 0}
    original = RuleStrategy._rule_is_enabled

    def counted(self: RuleStrategy, r: object) -> bool:
        counts["draws"] += 1
        if not self.is_valid(r):
            counts["precondition"] += 1
        elif not original(self, r):
            counts["swarm"] += 1
        return bool(original(self, r))

    RuleStrategy._rule_is_enabled = counted  # type: ignore[method-assign]
    try:
        run_state_machine_as_test(
            ProgrammeMachine,
            settings=settings(
                max_examples=examples,
                stateful_step_count=30,
                derandomize=True,
                database=None,
                deadline=None,
            ),
        )
    finally:
        RuleStrategy._rule_is_enabled = original  # type: ignore[method-assign]
    n = max(counts["draws"], 1)
    print(
        f"state machine: {counts['draws']} rule draws, {counts['precondition'] / n:.1%} refused "
        f"by a precondition (ours), {counts['swarm'] / n:.1%} by hypothesis' own swarm "
        "testing (rules switched off per test case)"
    )


def bench_shrink() -> None:
    from hypothesis import find, settings

    from compagnonnage.testing.strategies import programmes

    tried = 0

    def two_actions(p: object) -> bool:
        nonlocal tried
        tried += 1
        return len(p.accompaniment.actions) > 1  # type: ignore[attr-defined]

    start = time.perf_counter()
    p = find(
        programmes(min_actions=1),
        two_actions,
        settings=settings(database=None, derandomize=True, max_examples=1000),
    )
    took = time.perf_counter() - start
    d = p.diagnostic
    competences = sum(len(e.competences) for e in p.experts)
    print(
        f"shrink of len(actions) <= 1: {len(repr(p).split(', '))} repr fields, "
        f"{len(p.accompaniment.actions)} actions, {len(d.issues)} issues, "
        f"{len(d.practices)} practices, {len(d.recommendations)} recommendations, "
        f"{len(p.experts)} experts with {competences} competences, "
        f"{len(d.scores)} scores, debriefing={d.debriefing is not None}; "
        f"{took:.1f} s, {tried} programmes tried"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50, help="state-machine examples")
    args = parser.parse_args()
    bench_import()
    bench_machine(args.examples)
    bench_shrink()


if __name__ == "__main__":
    main()
