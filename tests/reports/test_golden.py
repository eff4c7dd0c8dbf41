"""The example's Markdown report in every language, compared with reviewed golden files.

The reports are made from the package's compiled catalogues, so a golden file
follows them: after a deliberate change of the report, or once the catalogues
are assembled and compiled (``python tools/i18n.py compile``), regenerate every
file with one command::

    COMPAGNONNAGE_UPDATE_GOLDEN=1 pytest tests/reports/test_golden.py

and review the diff before committing it (``git diff tests/reports/golden``).
Babel must be installed (the ``locale`` extra, in ``dev``): without it dates
and numbers take their ISO forms and the files would not match.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compagnonnage._i18n import Lang, languages
from compagnonnage.diagnostics import DiagnosticModule, DiagnosticResult
from compagnonnage.model import Programme
from compagnonnage.reports import build_report, to_markdown

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COMPAGNONNAGE_UPDATE_GOLDEN") == "1"


LANGUAGES = ("en", "fr", "pt")
"""The languages with a golden file: the source language and every shipped catalogue."""


def test_every_language_has_a_golden_file() -> None:
    assert set(LANGUAGES) == set(languages())
    assert {p.name for p in GOLDEN.glob("example.*.md")} == {
        f"example.{lang}.md" for lang in LANGUAGES
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_example_markdown_matches_golden_file(
    lang: Lang,
    example: Programme,
    modules: tuple[DiagnosticModule, ...],
    results: tuple[DiagnosticResult, ...],
) -> None:
    pytest.importorskip("babel", reason="the golden files hold Babel's formats")
    text = to_markdown(build_report(example, lang=lang, modules=modules, results=results))
    golden = GOLDEN / f"example.{lang}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with COMPAGNONNAGE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"the {lang} report differs from {golden.name}; if the change is deliberate, "
        "regenerate with COMPAGNONNAGE_UPDATE_GOLDEN=1 and review the diff"
    )
