"""``compagnonnage portfolio DIR -o OUT``: every programme of a folder on one page."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest
from cli_support import Run

from compagnonnage.documents import dump
from compagnonnage.model import Programme

GOOD = Path(__file__).parents[1] / "documents" / "good"


def _folder(tmp_path: Path, example: Programme) -> Path:
    folder = tmp_path / "programmes"
    (folder / "sub").mkdir(parents=True)
    dump(example, folder / "togo.json")
    shutil.copy(GOOD / "programme-v2.json", folder / "sub" / "old.json")
    (folder / "broken.json").write_text("{}", encoding="utf-8")
    return folder


def test_the_portfolio_lists_every_programme_and_every_refusal(
    run: Run, tmp_path: Path, example: Programme
) -> None:
    folder = _folder(tmp_path, example)
    out = tmp_path / "portfolio.md"
    result = run("portfolio", str(folder), "-o", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "- **Documents**: 3" in text
    assert "- **Programmes read**: 2" in text
    assert "- **Indicators on / off track**: 4 / 1" in text
    togo = next(line for line in text.splitlines() if "(cma-ucrm-2021)" in line)
    # Markdown escapes every cell, the illustrative marker too: it reads as "(2024 *)".
    assert "| accompaniment | ready | 4 | 1 | 49,800 (2024 \\*), +606% / 2018 |" in togo
    old = next(line for line in text.splitlines() if "(prog-tg)" in line)
    assert "STG-003" in old
    assert "broken.json" in text
    assert "schema_version" in text


def test_the_portfolio_is_html_in_french_too(run: Run, tmp_path: Path, example: Programme) -> None:
    folder = _folder(tmp_path, example)
    out = tmp_path / "portfolio.html"
    result = run("portfolio", str(folder), "-o", str(out), "--lang", "fr")
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in html
    assert "Portefeuille de programmes" in html
    assert "prêt" in html


def test_a_closed_programme_has_no_next_stage_to_block(
    run: Run, tmp_path: Path, example: Programme
) -> None:
    from compagnonnage import lifecycle as lc

    closed = lc.close(example, by="cma-durand", at=example.history[-1].at)
    folder = tmp_path / "closed"
    folder.mkdir()
    dump(attrs.evolve(closed), folder / "closed.json")
    out = tmp_path / "p.md"
    assert run("portfolio", str(folder), "-o", str(out)).code == 0
    row = next(line for line in out.read_text(encoding="utf-8").splitlines() if "cma-ucrm" in line)
    assert "| closed | — |" in row


def test_the_portfolio_refuses_an_unknown_output_kind_and_a_missing_folder(
    run: Run, tmp_path: Path
) -> None:
    result = run("portfolio", str(tmp_path), "-o", str(tmp_path / "out.pdf"))
    assert result.code == 2
    assert "out.pdf: the portfolio is written as .html or .md" in result.err
    result = run("portfolio", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out.md"))
    assert result.code == 2
    assert "nowhere: not a folder" in result.err
    result = run("portfolio", str(tmp_path), "-o", str(tmp_path / "out.md"))
    assert result.code == 2
    assert "no JSON document in this folder" in result.err


def test_the_portfolio_tells_no_stage_listener_of_a_step_it_only_tries(
    run: Run, tmp_path: Path, example: Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compagnonnage.plugins import PluginManager

    told: list[str] = []
    monkeypatch.setattr(
        PluginManager,
        "notify_stage_changed",
        lambda self, programme, entry: told.append(programme.id) or (),
    )
    folder = tmp_path / "ready"
    folder.mkdir()
    dump(example, folder / "togo.json")
    out = tmp_path / "p.md"
    assert run("portfolio", str(folder), "-o", str(out)).code == 0
    assert "| accompaniment | ready |" in out.read_text(encoding="utf-8")
    assert told == []
