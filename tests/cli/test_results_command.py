"""``compagnonnage results FILE``: the indicator table and the membership key figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import pytest
from cli_support import Run

from compagnonnage.documents import dump
from compagnonnage.model import Programme


def test_results_prints_every_indicator_and_the_ledger_in_french(
    run: Run, example_file: Path, example: Programme
) -> None:
    result = run("results", str(example_file), "--lang", "fr")
    assert result.code == 0, result.err
    for indicator in example.results.indicators:
        assert indicator.id in result.out
    assert "7\u202f055" in result.out
    assert "43\u202f000" in result.out
    assert "non mesuré" in result.out
    assert "* chiffre illustratif" in result.out


def test_results_json_gives_progress_and_key_figures(run: Run, example_file: Path) -> None:
    result = run("results", str(example_file), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["ind-register"]["reached"] is True
    assert by_id["ind-paying-share"]["on_track"] is False
    assert by_id["ind-paying-share"]["share"] == "0.3529"
    assert by_id["ind-apprentices"]["latest"] is None
    assert by_id["ind-apprentices"]["not_measured"]
    assert [m["registered"] for m in data["membership"]] == [7055, 43000, 46200, 49800]
    assert data["membership"][0]["growth"] is None
    register = next(c for c in data["capacity"] if c["dimension"] == "trades-register")
    assert (register["diagnostic"], register["follow_up"]) == (3, 4)


def test_results_of_a_programme_without_indicators(
    run: Run, tmp_path: Path, example: Programme
) -> None:
    bare = attrs.evolve(
        example,
        results=attrs.evolve(example.results, indicators=(), follow_ups=()),
        beneficiary=attrs.evolve(example.beneficiary, ledger=()),
    )
    path = tmp_path / "bare.json"
    dump(bare, path)
    result = run("results", str(path))
    assert "No indicator." in result.out
    assert "No membership figure." in result.out


def test_xlsx_needs_an_output_file(run: Run, example_file: Path) -> None:
    result = run("results", str(example_file), "--format", "xlsx")
    assert result.code == 2
    assert "-o OUT.xlsx" in result.err


def test_the_workbook_holds_the_indicator_table_and_the_capacity_scores(
    run: Run, example_file: Path, example: Programme, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "results.xlsx"
    result = run("results", str(example_file), "--format", "xlsx", "-o", str(out), "--lang", "fr")
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Indicateurs", "Capacités", "Effectifs"]
    rows = list(book["Indicateurs"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [i.id for i in example.results.indicators]
    register = next(r for r in rows if r[0] == "ind-register")
    assert register[5:8] == (7055, 20000, "y2022")
    capacity = list(book["Capacités"].iter_rows(values_only=True))
    assert ("consular-chamber", "1.0", "trades-register", 3, 4, 4) in capacity
    ledger = list(book["Effectifs"].iter_rows(values_only=True))
    assert [r[1] for r in ledger[1:]] == [7055, 43000, 46200, 49800]


def test_without_openpyxl_the_workbook_names_the_extra(
    run: Run, example_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run("results", str(example_file), "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert result.code == 2
    assert "pip install 'compagnonnage[results]'" in result.err
    assert not (tmp_path / "x.xlsx").exists()
