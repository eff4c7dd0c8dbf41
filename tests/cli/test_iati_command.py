"""``compagnonnage iati``: publish programme documents as IATI 2.03, check IATI files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import Run

from compagnonnage.documents import dump
from compagnonnage.example import togo_programme
from compagnonnage.testing._defects import DEFECTS

pytest.importorskip("lxml", reason="the iati extra (lxml) is not installed")

ORG = ("--reporting-org", "FR-CMA", "--reporting-org-type", "15", "--reporting-org-name", "CMA")
BAD = Path(__file__).parents[1] / "iati" / "bad"


def test_export_then_check(run: Run, example_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "activities.xml"
    exported = run("iati", str(example_file), "-o", str(out), *ORG)
    assert exported.code == 0, exported.err
    assert f"Written: {out} (1 IATI 2.03 activity, validated)" in exported.out
    checked = run("iati", "--check", str(out))
    assert (checked.code, checked.out.strip()) == (0, f"{out}: valid IATI 2.03")


def test_a_refused_export_writes_nothing_and_names_the_rule(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    dump(DEFECTS["FUN-001"].plant(togo_programme()), source)
    out = tmp_path / "activities.xml"
    result = run("iati", str(source), "-o", str(out), *ORG, "--lang", "fr")
    assert result.code == 2
    assert not out.exists()
    assert "Rien n'est écrit : 1 problème." in result.err
    assert "cma-ucrm-2021: funding.sectors [FUN-001]" in result.err
    assert "Les parts des secteurs font 90 %" in result.err


def test_publishing_needs_the_reporting_org(run: Run, example_file: Path) -> None:
    result = run("iati", str(example_file), "-o", "x.xml")
    assert result.code == 2
    assert (
        "publishing also needs: --reporting-org, --reporting-org-type, --reporting-org-name"
        in result.err
    )


def test_check_reports_each_problem_with_its_path(run: Run) -> None:
    result = run("iati", "--check", str(BAD / "sector_not_in_codelist.xml"), "--format", "json")
    assert result.code == 2
    [entry] = json.loads(result.out)
    assert entry["valid"] is False
    assert [(p["code"], p["path"]) for p in entry["problems"]] == [
        ("CODELIST", "/iati-activities/iati-activity/sector[2] (line 14)")
    ]


def test_check_in_french(run: Run) -> None:
    result = run("iati", "--check", str(BAD / "percentages_sum_to_90.xml"), "--lang", "fr")
    assert result.code == 2
    assert "IATI invalide, 1 problème" in result.out
    assert "font 90, pas 100" in result.out
