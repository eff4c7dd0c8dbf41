"""Document speed, as ratios to orjson measured in the same run.

For a medium programme (40 actions, 60 findings, 10 experts, 5 missions) and a
large one (1,000 actions), both from :func:`compagnonnage.testing.samples.sample_programme`:

* decode + validate: ``loads(data)`` against ``orjson.loads(data)`` of the same
  bytes (target: ratio <= 4.5);
* encode: ``dumpb(programme)`` (bytes, as ``orjson.dumps`` gives) against two
  floors, side by side: ``orjson.dumps`` of the same dicts with the options the
  format needs (indented by two, keys sorted, a final newline), the floor for
  writing these very bytes (target: ratio <= 3), and compact ``orjson.dumps``
  of the same plain dicts and lists (for comparison with other libraries). The
  programme is written as a user writes one: it was checked when first written,
  and is not checked again (it is immutable);
* for information: ``loads`` through the detailed converter alone (the
  reference, which explains every problem), and ``loads`` of the same document
  with one bad value, which falls back to it and reports every problem with
  its path.

The figures are taken in rounds: each round times every contender once, in
turn, and each figure is the best round. Interleaving keeps a slow spell of the
machine from falling on one contender only. Run: ``python benchmarks/bench_documents.py``.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

import orjson

from compagnonnage.documents import DocumentError, dumpb, loads
from compagnonnage.documents._io import _default_converter, _read_detailed
from compagnonnage.model import Programme
from compagnonnage.testing.samples import sample_programme

_TARGET_DECODE = 4.5
_TARGET_ENCODE = 3.0
"""Against the same-bytes floor (``orjson.dumps`` with :data:`_SAME_OPTIONS`)."""
_SAME_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def _rounds(contenders: dict[str, Callable[[], object]], seconds: float) -> dict[str, float]:
    """The best time of one call of each contender, timed in interleaved rounds."""
    calls = {}
    for name, fn in contenders.items():  # enough calls per round for ~2 ms
        start = time.perf_counter()
        fn()
        calls[name] = max(1, int(0.002 / max(time.perf_counter() - start, 1e-9)))
    best = dict.fromkeys(contenders, float("inf"))
    deadline = time.perf_counter() + seconds
    gc.disable()
    try:
        while time.perf_counter() < deadline:
            gc.collect()  # outside the timing: the garbage of a round does not slow the next
            for name, fn in contenders.items():
                n = calls[name]
                start = time.perf_counter()
                for _ in range(n):
                    fn()
                best[name] = min(best[name], (time.perf_counter() - start) / n)
    finally:
        gc.enable()
    return best


def _bad(data: bytes) -> bytes:
    return data.replace(b'"modality": "on_site"', b'"modality": "onsite"', 1)


def _detailed_error(bad: bytes) -> None:
    try:
        loads(bad)
    except DocumentError:
        return
    raise AssertionError("the bad document was read")


def _measure(label: str, actions: int, seconds: float) -> None:
    programme = sample_programme(1, actions=actions)
    data = dumpb(programme)
    plain = orjson.loads(data)
    assert loads(data) == programme
    assert orjson.dumps(plain, option=_SAME_OPTIONS) == data
    converter = _default_converter()
    bad = _bad(data)
    t = _rounds(
        {
            "parse": lambda: orjson.loads(data),
            "decode": lambda: loads(data),
            "dump": lambda: orjson.dumps(plain),
            "dump same": lambda: orjson.dumps(plain, option=_SAME_OPTIONS),
            "encode": lambda: dumpb(programme),
            "reference": lambda: _read_detailed(data, Programme, converter, "programme"),
            "errors": lambda: _detailed_error(bad),
        },
        seconds,
    )
    decode = t["decode"] / t["parse"]
    same, compact = t["encode"] / t["dump same"], t["encode"] / t["dump"]
    print(f"{label}: {len(data) / 1024:.0f} KiB, {actions} actions")
    print(
        f"  decode + validate {t['decode'] * 1e3:8.2f} ms   orjson.loads {t['parse'] * 1e3:6.2f} ms"
        f"   ratio {decode:5.2f}  (target <= {_TARGET_DECODE:g})"
    )
    print(
        f"  encode            {t['encode'] * 1e3:8.2f} ms"
        f"   same bytes (orjson indented, sorted) {t['dump same'] * 1e3:6.2f} ms"
        f"   ratio {same:5.2f}  (target <= {_TARGET_ENCODE:g})"
    )
    print(
        f"  {'':26}compact orjson.dumps {t['dump'] * 1e3:6.2f} ms   ratio {compact:5.2f}"
        "  (for comparison)"
    )
    print(
        f"  for information: the detailed converter alone {t['reference'] / t['parse']:5.1f}x,"
        f" a bad document with every problem and its path {t['errors'] / t['parse']:5.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=8.0, help="time spent on each document's rounds"
    )
    args = parser.parse_args()
    _measure("medium", 40, args.seconds)
    _measure("large", 1000, args.seconds)


if __name__ == "__main__":
    main()
