"""Rule-checking speed and memory, as ratios measured in one run.

1. Checks 10,000 medium programmes (40 actions, 60 findings, 10 experts,
   5 missions) with every core rule, and compares the time per programme with a
   bare traversal that reads every object and field the rules read (target:
   at most 3x that floor).
2. Generates and checks 100,000 programmes as a stream, never holding them all,
   and compares the cost with 10,000 generated and checked the same way
   (target: at most 10.5x). Each stream runs in a child process, whose peak
   resident memory is printed: it must not grow with the number of programmes.

Run: python benchmarks/bench_rules.py [--small N]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable

from compagnonnage import check
from compagnonnage.model import (
    MandatePlanning,
    MethodologicalSupport,
    Programme,
    Training,
)
from compagnonnage.testing.samples import sample_programme


def touch(p: Programme) -> int:
    """Read, once, every object and field the core rules read: the floor."""
    n = len(p.id) + p.stage.rank
    for e in p.history:
        n += (
            e.from_stage.rank
            + e.to_stage.rank
            + (e.reason is None)
            + e.at.day
            + len(e.operation.value)
        )
    rp, body = p.reference_partner, p.beneficiary
    if rp is not None:
        n += len(rp.id) + len(rp.body_id)
    n += len(body.id) + len(body.officials) + len(body.staff)
    for o in body.officials:
        n += len(o.id)
    for s in body.staff:
        n += len(s.id)
    if body.current_term is not None:
        n += body.current_term.period.start.day + body.current_term.period.end.day
    if body.mandate_plan is not None:
        n += body.mandate_plan.adopted
    if p.planned is not None:
        n += p.planned.start.day + p.planned.end.day
    for x in p.experts:
        n += len(x.id) + len(x.competences) + len(x.affiliation.value)
    for t in p.scope.trades:
        n += len(t.code)
    for region in p.scope.regions:
        n += len(region.country)
    for d in p.preparation.deliverables().values():
        if d is not None:
            n += len(d.author_ids) + (d.approval is None)
            for author in d.author_ids:
                n += len(author)
    diag = p.diagnostic
    for m in diag.missions:
        n += (
            len(m.id)
            + m.period.start.day
            + m.period.end.day
            + (m.modality is None)
            + len(m.kind.value)
        )
        n += len(m.place or "") + len(m.organiser_id or "")
        for i in m.expert_ids:
            n += len(i)
    for f in diag.findings():
        n += len(f.id) + (f.trade is None) + (f.region is None)
    for r in diag.recommendations:
        for c in r.cites:
            n += len(c)
    if diag.debriefing is not None:
        for i in diag.debriefing.attendee_ids:
            n += len(i)
    for a in p.accompaniment.actions:
        n += (
            len(a.id)
            + (a.modality is None)
            + len(a.status.value)
            + (a.trade is None)
            + (a.region is None)
        )
        if a.period is not None:
            n += a.period.start.day + a.period.end.day
        n += len(a.place or "")
        for i in (*a.expert_ids, *a.participant_ids, *a.answers):
            n += len(i)
        if isinstance(a, Training):
            n += len(a.audience)
        elif isinstance(a, MethodologicalSupport):
            n += len(a.domain.code)
        elif isinstance(a, MandatePlanning):
            n += a.plan is not None
    return n


def _timed(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _stream(n: int, seed: int = 1) -> Iterable[Programme]:
    return (sample_programme(seed + i) for i in range(n))


def _generate_and_check(n: int) -> None:
    """In a child process: generate and check ``n`` programmes as a stream; print time and peak RSS."""
    t = time.perf_counter()
    errors = sum(len(check(p).errors) for p in _stream(n))
    elapsed = time.perf_counter() - t
    assert errors == 0, "generated programmes must break no rule"
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_kib": peak_kib}))


def _in_child(n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--stream", str(n)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def _check_against_floor(n: int) -> None:
    programmes = list(_stream(n))
    actions = sum(len(p.accompaniment.actions) for p in programmes) / n
    findings = sum(len(tuple(p.diagnostic.findings())) for p in programmes) / n
    print(f"{n} programmes, {actions:.0f} actions and {findings:.0f} findings each")
    floor = _timed(lambda: [touch(p) for p in programmes])
    rules = _timed(lambda: [check(p) for p in programmes])
    print(f"bare traversal   {floor / n * 1e6:8.1f} us/programme")
    print(f"check (17 rules) {rules / n * 1e6:8.1f} us/programme")
    print(f"ratio check / traversal: {rules / floor:.2f}x (target <= 3x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=10_000, help="programmes in the first batch")
    parser.add_argument("--factor", type=int, default=10, help="the stream is factor x small")
    parser.add_argument("--stream", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream:
        _generate_and_check(args.stream)
        return
    n = args.small
    # The streams run first: a child forked from a parent that already holds
    # thousands of programmes would inherit its peak RSS (Linux keeps it over exec).
    small, big = _in_child(n), _in_child(n * args.factor)
    for size, r in ((n, small), (n * args.factor, big)):
        print(
            f"generate+check {size:>7}: {r['seconds']:7.1f} s, peak RSS {r['peak_kib'] / 1024:6.1f} MiB"
        )
    print(
        f"ratio {n * args.factor} / {n}: {big['seconds'] / small['seconds']:.2f}x "
        f"(target <= {args.factor * 1.05:.1f}x); peak memory ratio {big['peak_kib'] / small['peak_kib']:.2f}x"
    )
    _check_against_floor(n)


if __name__ == "__main__":
    main()
