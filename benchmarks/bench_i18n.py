"""What the languages cost, as ratios measured in one run (it should be negligible).

1. Import time, each a whole process, paired with its baseline in every round
   (alternating which runs first), the median of the rounds' ratios:
   - ``import compagnonnage._i18n`` (the mechanism: gettext, the terms' table)
     against ``python -c pass``;
   - ``import compagnonnage.rules`` with the French and Portuguese catalogues
     loaded (``importlib.resources`` and the parsing of the ``.mo`` files)
     against the same import without them;
   - ``compagnonnage --help``, ``check FILE`` and ``report FILE`` (Markdown) on
     the Togo example, in French and in Portuguese, against the same command in
     English, which needs no catalogue (target: ratio <= 1.10).
2. First render in one process: the first ``message("fr")`` (and ``"pt"``), which
   reads the catalogue, against a later one, which finds it loaded; the caches
   are emptied before each round, each pair timed back to back, medians printed
   with their ratio (no target: it is paid once per language and process).

Run: ``python benchmarks/bench_i18n.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import paired_runs  # the same paired timing as the start-up benchmark

from compagnonnage import _i18n
from compagnonnage._i18n import _p
from compagnonnage.documents import dump
from compagnonnage.example import togo_programme

_TARGET = 1.10

_CATALOGUES = (
    "import compagnonnage.rules\n"
    "from compagnonnage._i18n import CORE\n"
    "CORE.translations('fr').gettext('x')\n"
    "CORE.translations('pt').gettext('x')\n"
)


def _line(label: str, against: str, took: float, bare: float, ratio: float, target: bool) -> None:
    aim = f"  (target <= {_TARGET:g})" if target else ""
    print(
        f"  {label:34} {took * 1e3:7.1f} ms   {against} {bare * 1e3:6.1f} ms"
        f"   {(took - bare) * 1e3:+6.1f} ms   ratio {ratio:5.2f}{aim}"
    )


def _imports(python: str, runs: int) -> None:
    print(f"import time: whole processes, median of {runs} paired runs")
    took, bare, ratio = paired_runs(
        [python, "-c", "import compagnonnage._i18n"], [python, "-c", "pass"], runs
    )
    _line("import compagnonnage._i18n", "python -c pass", took, bare, ratio, False)
    took, bare, ratio = paired_runs(
        [python, "-c", _CATALOGUES], [python, "-c", "import compagnonnage.rules"], runs
    )
    _line("import rules + fr, pt catalogues", "without them", took, bare, ratio, False)


def _commands(python: str, runs: int) -> None:
    cli = [python, "-m", "compagnonnage"]
    print(f"command line: each language against English, median of {runs} paired runs")
    with tempfile.TemporaryDirectory() as tmp:
        example = str(Path(tmp) / "togo.json")
        dump(togo_programme(), example)
        for command in (["--help"], ["check", example], ["report", example, "--format", "md"]):
            english = [*cli, *command, "--lang", "en"]
            for lang in ("fr", "pt"):
                took, bare, ratio = paired_runs([*cli, *command, "--lang", lang], english, runs)
                name = "--help" if command == ["--help"] else f"{command[0]} FILE"
                _line(f"{name} --lang {lang}", "--lang en", took, bare, ratio, True)


def _first_render(runs: int) -> None:
    message = _p("Stage.draft", "draft")
    print(f"first render: one process, median of {runs} rounds, caches emptied in each")
    for lang in ("fr", "pt"):
        first: list[float] = []
        later: list[float] = []
        for _ in range(runs):
            _i18n._translations.cache_clear()
            _i18n._languages.cache_clear()
            start = time.perf_counter()
            message(lang)
            middle = time.perf_counter()
            message(lang)
            end = time.perf_counter()
            first.append(middle - start)
            later.append(end - middle)
        ratios = [f / s for f, s in zip(first, later, strict=True)]
        print(
            f"  first message({lang!r}) {statistics.median(first) * 1e6:8.1f} µs"
            f"   later {statistics.median(later) * 1e6:6.1f} µs"
            f"   ratio {statistics.median(ratios):7.1f}"
        )


def main(argv: list[str] | None = None) -> None:
    """Print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds of each measure")
    args = parser.parse_args(argv)
    python = sys.executable
    _imports(python, args.runs)
    _commands(python, args.runs)
    _first_render(max(args.runs, 50))


if __name__ == "__main__":
    main()
