"""Every ```python block of docs/testing.md runs.

A block whose first line is a comment naming a test file (``# test_x.py``) is a
pytest file: it runs under ``pytester`` in a subprocess, as it would in a
downstream project, and every test in it must pass. Any other block is plain
Python, executed on its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

DOC = Path(__file__).parents[2] / "docs" / "testing.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)
_TEST_FILE = re.compile(r"# (test_\w+)\.py\n")


def _blocks() -> list[tuple[str, str]]:
    """``(name, source)`` of each block: the test file's name, or ``block<n>``."""
    found = []
    for n, match in enumerate(_BLOCK.finditer(DOC.read_text(encoding="utf-8")), 1):
        source = match.group(1)
        named = _TEST_FILE.match(source)
        found.append((named.group(1) if named else f"block{n}", source))
    return found


BLOCKS = _blocks()
TEST_FILES = [b for b in BLOCKS if b[0].startswith("test_")]
SCRIPTS = [b for b in BLOCKS if not b[0].startswith("test_")]


def test_the_page_has_both_kinds_of_examples() -> None:
    assert len(TEST_FILES) >= 4
    assert len(SCRIPTS) >= 2


@pytest.mark.parametrize(("name", "source"), SCRIPTS, ids=[n for n, _ in SCRIPTS])
def test_script_runs(name: str, source: str) -> None:
    exec(compile(source, f"{DOC}:{name}", "exec"), {"__name__": f"docs_{name}"})


@pytest.mark.parametrize(("name", "source"), TEST_FILES, ids=[n for n, _ in TEST_FILES])
def test_test_file_passes(name: str, source: str, pytester: pytest.Pytester) -> None:
    pytester.makepyfile(**{name: source})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) >= 1, result.stdout.str()
    assert set(outcomes) == {"passed"}, result.stdout.str()


def test_every_defect_variant_is_listed_in_the_docs() -> None:
    from compagnonnage.testing.strategies import DEFECT_VARIANTS

    text = DOC.read_text(encoding="utf-8")
    for code, ways in DEFECT_VARIANTS.items():
        (row,) = [line for line in text.splitlines() if line.startswith(f"| {code} ")]
        assert [w.strip("` ") for w in row.split("|")[2].split(",")] == list(ways)
