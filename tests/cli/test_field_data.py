"""``compagnonnage form`` and ``compagnonnage answers import``: the field loop on the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_support import Run

from compagnonnage._i18n import languages
from compagnonnage.diagnostics import CollectedAnswers
from compagnonnage.documents import dump, load
from compagnonnage.example import togo_programme
from compagnonnage.model import Stage

EXPORTS = Path(__file__).parents[1] / "forms" / "exports"


@pytest.fixture
def food(env: pytest.MonkeyPatch) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fake,food")


@pytest.mark.usefixtures("food")
def test_form_writes_the_workbook_and_says_whose_module_it_is(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "forms" / "food.xlsx"
    out.parent.mkdir()  # -o writes into an existing folder only
    result = run("form", "food-trades", "-o", str(out), "--programme", "cma-ucrm-2021")
    assert result.code == 0
    assert result.out == (
        f"Form of module food-trades 1.0 (plugin food) written to {out}: "
        "4 groups, 6 questions, languages fr, en.\n"
    )
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["survey", "choices", "settings"]
    french = run("--lang", "fr", "form", "consular-chamber", "-o", str(out), "--languages", "en")
    assert french.out.startswith(
        "Formulaire du module consular-chamber 1.0 (extension builtin) écrit"
    )
    assert french.out.rstrip().endswith("langues en.")


@pytest.mark.usefixtures("food")
def test_form_refuses_an_unknown_module_or_language(run: Run, tmp_path: Path) -> None:
    result = run("form", "bakery", "-o", str(tmp_path / "f.xlsx"))
    assert result.code == 2
    assert "unknown module: bakery (installed modules: consular-chamber, food-trades)" in result.err
    result = run("form", "food-trades", "-o", str(tmp_path / "f.xlsx"), "--languages", "fr,de")
    assert result.code == 2
    known = ", ".join(languages())
    assert f"unknown languages: fr,de (possible languages: {known})" in result.err
    assert not (tmp_path / "f.xlsx").exists()


@pytest.mark.usefixtures("food")
def test_answers_import_then_diagnose(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    central, kobo = EXPORTS / "central.csv", EXPORTS / "kobo.json"
    result = run(
        "answers",
        "import",
        str(central),
        str(kobo),
        "--module",
        "food-trades",
        "-o",
        str(answers),
        "--skip-rejected",
    )
    assert result.code == 0
    assert result.out.splitlines() == [
        f"{central}: ODK Central CSV",
        f"{kobo}: KoboToolbox JSON",
        "7 submissions read, 2 respondents kept",
        "4 earlier versions of edited submissions skipped",
        "1 rejected submission skipped",
        f"Answers to module food-trades 1.0 written to {answers}.",
    ]
    collected = load(answers, cls=CollectedAnswers)
    assert [r.id for r in collected.respondents] == ["boul-lome-1", "ucrm-sg"]
    assert run("check", str(answers)).code == 0
    programme = tmp_path / "togo.json"
    dump(togo_programme(stage=Stage.DIAGNOSTIC), programme)
    result = run("diagnose", str(programme), "--answers", str(answers), "--format", "json")
    assert result.code == 0
    (scored,) = json.loads(result.out)["results"]
    assert scored["module"] == "food-trades"


@pytest.mark.usefixtures("food")
def test_answers_import_reports_every_problem_in_the_users_language(
    run: Run, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        (EXPORTS / "central.csv").read_text(encoding="utf-8").replace(",yes,", ",oui,"),
        encoding="utf-8",
    )
    answers = tmp_path / "answers.json"
    result = run(
        "--lang", "fr", "answers", "import", str(bad), "--module", "food-trades", "-o", str(answers)
    )
    assert result.code == 2
    assert result.err.splitlines()[:3] == [
        "compagnonnage\u00a0: exports illisibles, 2 problèmes :",
        f"  {bad}, ligne 2, colonne 'g_hygiene-food_water_handwash' : attendu : yes ou no, reçu \"oui\"",
        f"  {bad}, ligne 4, colonne 'g_hygiene-food_water_handwash' : attendu : yes ou no, reçu \"oui\"",
    ]
    assert not answers.exists()
