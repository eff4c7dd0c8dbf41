"""``compagnonnage demo``: the example document, its report in every language, and a summary."""

from __future__ import annotations

from pathlib import Path

from cli_support import Run

from compagnonnage._i18n import languages
from compagnonnage.diagnostics import CollectedAnswers
from compagnonnage.documents import load
from compagnonnage.example import TOGO_DESIRED, togo_answers, togo_programme


def test_demo_writes_the_document_and_a_report_in_every_language_then_summarises(
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
    for lang in languages():
        markdown = (folder / f"{programme.id}.report.{lang}.md").read_text(encoding="utf-8")
        assert markdown.startswith("# Compagnonnage consulaire")
        html = (folder / f"{programme.id}.report.{lang}.html").read_text(encoding="utf-8")
        assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    for lang, heading in (("fr", "## Synthèse"), ("en", "## Summary")):
        markdown = (folder / f"{programme.id}.report.{lang}.md").read_text(encoding="utf-8")
        assert heading in markdown
        assert ("### Réponses collectées" in markdown) or ("### Collected answers" in markdown)
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
    assert f"ouvrir {folder / programme.id}.report.fr.html dans un navigateur" in out


def test_demo_in_portuguese(run: Run, tmp_path: Path) -> None:
    result = run("demo", str(tmp_path), "--lang", "pt")
    assert result.code == 0
    programme = togo_programme()
    out = result.out
    assert out.startswith(f"Exemplo ilustrativo do Togo escrito em {tmp_path}:")
    assert "Pontuações do diagnóstico:" in out
    assert "Apoio previsto:" in out
    assert f"abrir {tmp_path / programme.id}.report.pt.html num navegador" in out
    html = (tmp_path / f"{programme.id}.report.pt.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="pt">')


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
