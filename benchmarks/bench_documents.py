"""Document speed, as ratios to orjson measured in the same run.

For a medium programme (40 actions, 60 findings, 10 experts, 5 missions) and a
large one (1,000 actions), both from :func:`compagnonnage.testing.samples.sample_programme`:

* decode + validate: ``loads(data)`` against ``orjson.loads(data)`` of the same
  bytes (target: ratio <= 5);
* encode: ``dumps(programme)`` against ``orjson.dumps`` of the same document as
  plain dicts and lists (target: ratio <= 3), also shown against ``orjson.dumps``
  with the same options (indented, sorted keys);
* for information, the detailed path: ``loads`` of the same document with one
  bad value, which reports every problem with its path.

Each figure is the best of several repeats. Run: ``python benchmarks/bench_documents.py``.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable

import orjson

from compagnonnage.documents import DocumentError, dumps, loads
from compagnonnage.testing.samples import sample_programme

_TARGET_DECODE = 5.0
_TARGET_ENCODE = 3.0


def _best(fn: Callable[[], object], repeat: int) -> float:
    """The best time of one call, in seconds."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def _bad(data: bytes) -> bytes:
    return data.replace(b'"modality": "on_site"', b'"modality": "onsite"', 1)


def _measure(label: str, actions: int, repeat: int) -> None:
    programme = sample_programme(1, actions=actions)
    data = dumps(programme).encode("utf-8")
    plain = orjson.loads(data)
    assert loads(data) == programme
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS

    parse = _best(lambda: orjson.loads(data), repeat)
    decode = _best(lambda: loads(data), repeat)
    dump_floor = _best(lambda: orjson.dumps(plain), repeat)
    dump_same = _best(lambda: orjson.dumps(plain, option=options), repeat)
    encode = _best(lambda: dumps(programme), repeat)

    bad = _bad(data)

    def detailed() -> None:
        try:
            loads(bad)
        except DocumentError:
            return
        raise AssertionError("the bad document was read")

    errors = _best(detailed, repeat)

    print(f"{label}: {len(data) / 1024:.0f} KiB, {actions} actions")
    print(
        f"  decode + validate {decode * 1e3:8.2f} ms   orjson.loads {parse * 1e3:6.2f} ms"
        f"   ratio {decode / parse:5.1f}  (target <= {_TARGET_DECODE:g})"
    )
    print(
        f"  encode            {encode * 1e3:8.2f} ms   orjson.dumps {dump_floor * 1e3:6.2f} ms"
        f"   ratio {encode / dump_floor:5.1f}  (target <= {_TARGET_ENCODE:g});"
        f" {encode / dump_same:.1f} against orjson indented and sorted"
    )
    print(
        f"  bad document, every problem with its path {errors * 1e3:8.2f} ms"
        f"   ratio {errors / parse:5.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="repeats per figure (best kept)")
    args = parser.parse_args()
    _measure("medium", 40, args.repeat)
    _measure("large", 1000, args.repeat)


if __name__ == "__main__":
    main()
