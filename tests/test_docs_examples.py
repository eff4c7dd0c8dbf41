"""The Python examples of README.md and docs/domain.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PAGES = ["README.md", "docs/domain.md", "docs/iati.md"]


def _blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for n, code in enumerate(BLOCK.findall((ROOT / page).read_text(encoding="utf-8"))):
            found.append((f"{page}#{n}", code))
    return found


def test_pages_have_examples() -> None:
    assert {name.split("#")[0] for name, _ in _blocks()} == set(PAGES)


@pytest.mark.parametrize(("name", "code"), _blocks(), ids=[name for name, _ in _blocks()])
def test_example_runs(name: str, code: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(code, name, "exec"), {"__name__": "__docs__"})
