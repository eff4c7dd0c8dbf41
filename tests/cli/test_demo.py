"""``compagnonnage demo``: the example document, its four reports, and a summary."""

from __future__ import annotations

from pathlib import Path

from cli_support import Run

from compagnonnage.diagnostics import CollectedAnswers
from compagnonnage.documents import load
from compagnonnage.example import TOGO_DESIRED, togo_answers, togo_programme


def test_demo_writes_the_document_and_four_reports_then_summarises(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "demo"
    result = run("demo", str(folder), "--lang", "fr")
    assert result.code == 0
    programme = togo_programme()
    document = folder / f"{programme.id}.json"
    assert load(document) == programme
    answers = load(folder / f"{programme.id}.answers.json", cls=CollectedAnswers)
    assert set(answers.answers("consular-chamber")) == set(togo_answers())
    assert answers.desired == {"consular-chamber": TOGO_DESIRED}
    assert answers.versions == {"consular-chamber": "1.0"}
    assert answers.programme_id == programme.id
    for lang, heading in (("fr", "## Synthèse"), ("en", "## Summary")):
        markdown = (folder / f"{programme.id}.report.{lang}.md").read_text(encoding="utf-8")
        assert heading in markdown
        assert ("### Réponses collectées" in markdown) or ("### Collected answers" in markdown)
        html = (folder / f"{programme.id}.report.{lang}.html").read_text(encoding="utf-8")
        assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    out = result.out
    assert out.startswith(f"Exemple illustratif du Togo écrit dans {folder} :")
    assert "Étape\u00a0: accompagnement" in out
    assert "Contrôle des règles\u00a0: conforme" in out
    assert "Scores du diagnostic :" in out
    assert "Ressources financières" in out
    assert "Appui prévu :" in out
    for action in programme.accompaniment.actions:
        assert action.id in out
    assert f"compagnonnage status {document}" in out


def test_demo_runs_again_over_its_own_output(run: Run, tmp_path: Path) -> None:
    assert run("demo", str(tmp_path)).code == 0
    assert run("demo", str(tmp_path)).code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_demo_refuses_a_file_in_place_of_its_folder(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    result = run("demo", str(target))
    assert result.code == 2
    assert f"{target}: exists and is not a folder" in result.err
