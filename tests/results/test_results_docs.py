"""The Python examples of docs/results.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "results.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_page_runs_its_examples_in_order() -> None:
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) == 2
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for n, code in enumerate(blocks):
        exec(compile(code, f"docs/results.md#{n}", "exec"), namespace)


def test_the_rules_table_lists_every_results_rule() -> None:
    from compagnonnage.rules import RuleSet

    listed = re.findall(r"^\| (RES-\d{3}) \| (error|warning) \|", PAGE.read_text("utf-8"), re.M)
    core = RuleSet.core()
    expected = sorted((r.code, r.severity.value) for r in core if r.code.startswith("RES-"))
    assert len(expected) == 8
    assert sorted(listed) == expected
