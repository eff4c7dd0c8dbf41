"""The worst documents under the size limit: time and peak memory of ``loads`` refusing them.

Each case fills :data:`~compagnonnage.documents.MAX_DOCUMENT_SIZE` (16 MiB)
with one hostile pattern, in a copy of the corpus's good programme:

* ``wrong-items``: ``"expert_ids": [0, 0, …]``, 8 million wrong values;
* ``distinct-wrong-items``: ``[0, 1, 2, …]``, a different message for each;
* ``unknown-ids``: ``["x", "x", …]``, millions of dangling references;
* ``unknown-keys``: a million unknown fields in the programme;
* ``empty-records``: millions of ``{}`` as support actions;
* ``deep-and-wide``: arrays nested to the limit (32 levels), again and again.

For each: the time of ``loads`` as a ratio to ``orjson.loads`` of the same
bytes, and its peak of memory allocated (tracemalloc) as a ratio to that of
``orjson.loads`` (parsing alone is the floor of both), the peak in MiB, and the
number of problems listed (at most
:data:`~compagnonnage.documents._problems.MAX_PROBLEMS` and a few summaries).
Targets, on every case: time ratio <= 30, memory ratio <= 3.
Run: ``python benchmarks/bench_hostile.py [CASE…]`` (every case by default).
"""

from __future__ import annotations

import argparse
import copy
import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from compagnonnage.documents import MAX_DOCUMENT_SIZE, DocumentError, loads

_GOOD = Path(__file__).parent.parent / "tests" / "documents" / "good" / "programme-v2.json"
_TARGET_TIME = 30.0
_TARGET_MEMORY = 3.0


def _filled(change: Callable[[dict[str, Any], int], None], per_item: int) -> bytes:
    """The good programme changed by ``change(document, n)``, ``n`` chosen to fill the limit."""
    base = json.loads(_GOOD.read_bytes())
    room = MAX_DOCUMENT_SIZE - len(orjson.dumps(base)) - 64
    document = copy.deepcopy(base)
    change(document, room // per_item)
    data = orjson.dumps(document)
    assert len(data) <= MAX_DOCUMENT_SIZE, len(data)
    return data


def _action(document: dict[str, Any]) -> dict[str, Any]:
    return dict(document["programme"]["accompaniment"]["actions"][0])


def _expert_ids(values: Callable[[int], list[Any]]) -> Callable[[dict[str, Any], int], None]:
    def change(document: dict[str, Any], n: int) -> None:
        document["programme"]["accompaniment"]["actions"][0]["expert_ids"] = values(n)

    return change


def _unknown_keys(document: dict[str, Any], n: int) -> None:
    document["programme"].update({f"k{i:07d}": 0 for i in range(n)})


def _empty_records(document: dict[str, Any], n: int) -> None:
    document["programme"]["accompaniment"]["actions"] = [{}] * n


def _deep(document: dict[str, Any], n: int) -> None:
    nested: Any = []
    for _ in range(25):  # the expert ids are at level 6: 32 levels in all, the most read
        nested = [nested]
    document["programme"]["accompaniment"]["actions"][0]["expert_ids"] = [nested] * n


CASES: dict[str, Callable[[], bytes]] = {
    "wrong-items": lambda: _filled(_expert_ids(lambda n: [0] * n), 2),
    "distinct-wrong-items": lambda: _filled(_expert_ids(lambda n: list(range(n))), 8),
    "unknown-ids": lambda: _filled(_expert_ids(lambda n: ["x"] * n), 4),
    "unknown-keys": lambda: _filled(_unknown_keys, 13),
    "empty-records": lambda: _filled(_empty_records, 3),
    "deep-and-wide": lambda: _filled(_deep, 57),
}


def _refuse(data: bytes) -> int:
    try:
        loads(data)
    except DocumentError as err:
        return len(err.problems)
    raise AssertionError("a hostile document was accepted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"only these: {', '.join(CASES)}")
    chosen = parser.parse_args().cases or list(CASES)
    unknown = sorted(set(chosen) - set(CASES))
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    worst_time = worst_memory = 0.0
    print(
        f"{'case':<22} {'MiB':>6} {'s':>7} {'× orjson':>9} {'peak MiB':>9} {'× orjson':>9} problems"
    )
    for name in chosen:
        data = CASES[name]()
        start = time.perf_counter()
        orjson.loads(data)
        floor = time.perf_counter() - start
        tracemalloc.start()
        orjson.loads(data)
        floor_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        start = time.perf_counter()
        listed = _refuse(data)
        seconds = time.perf_counter() - start
        tracemalloc.start()
        _refuse(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        ratio_time, ratio_memory = seconds / floor, peak / floor_peak
        worst_time, worst_memory = max(worst_time, ratio_time), max(worst_memory, ratio_memory)
        print(
            f"{name:<22} {len(data) / 2**20:6.1f} {seconds:7.2f} {ratio_time:9.1f} "
            f"{peak / 2**20:9.0f} {ratio_memory:9.1f} {listed}"
        )
    print(
        f"worst: time {worst_time:.1f} × orjson (target <= {_TARGET_TIME:g}), "
        f"memory {worst_memory:.1f} × orjson (target <= {_TARGET_MEMORY:g})"
    )


if __name__ == "__main__":
    main()
