"""The example's Markdown report, compared with reviewed golden files.

After a deliberate change of the report, regenerate the files with::

    COMPAGNONNAGE_UPDATE_GOLDEN=1 pytest tests/reports/test_golden.py

and review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compagnonnage._i18n import Lang
from compagnonnage.diagnostics import DiagnosticModule, DiagnosticResult
from compagnonnage.model import Programme
from compagnonnage.reports import build_report, to_markdown

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COMPAGNONNAGE_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_example_markdown_matches_golden_file(
    lang: Lang,
    example: Programme,
    modules: tuple[DiagnosticModule, ...],
    results: tuple[DiagnosticResult, ...],
) -> None:
    text = to_markdown(build_report(example, lang=lang, modules=modules, results=results))
    golden = GOLDEN / f"example.{lang}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with COMPAGNONNAGE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"the {lang} report differs from {golden.name}; if the change is deliberate, "
        "regenerate with COMPAGNONNAGE_UPDATE_GOLDEN=1 and review the diff"
    )
