"""Modules as XLSForms: the cells written, pyxform's verdict, ODK Validate, names that survive."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import openpyxl
import pytest
from forms_support import modules
from hypothesis import given, settings

from compagnonnage._i18n import Text, languages
from compagnonnage.diagnostics import (
    Choice,
    ChoiceQuestion,
    DiagnosticModule,
    Dimension,
    NumberQuestion,
    Question,
    Scale,
    YesNoQuestion,
)
from compagnonnage.forms import FormError, XLSForm, default_languages, language_name, xlsform
from compagnonnage.forms._layout import NAME, layout
from compagnonnage.plugins import get_plugin_manager

INSTALLED = get_plugin_manager().modules()
M = Text("texte", "text")

TINY = DiagnosticModule(
    id="tiny",
    version="3",
    title=Text("=SOMME(A1)", "=SUM(A1)"),
    scale=Scale(low=1, high=3),
    dimensions=(
        Dimension(
            id="cash",
            theme=Text("Ressources", "Resources"),
            title=Text("Trésorerie", "Cash"),
            levels=(("Aucune", "None"), ("Fragile", "Fragile"), ("Solide", "Sound")),
        ),
    ),
    questions=(
        YesNoQuestion(id="cash-book", dimension_id="cash", text=Text("=Livre ?", "=Book?")),
        ChoiceQuestion(
            id="cash-plan",
            dimension_id="cash",
            text=Text("Plan ?", "Plan?"),
            choices=Choice.ladder(("none", "Aucun", "None"), ("some-plan", "Un peu", "Some")),
        ),
        NumberQuestion(
            id="cash-months",
            dimension_id="cash",
            text=Text("Mois ?", "Months?"),
            thresholds=("1.5", "6"),
            unit=Text("mois", "months"),
        ),
    ),
)


def _cells(data: bytes) -> dict[str, list[list[str | None]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_the_workbook_holds_the_cells_of_the_golden_form() -> None:
    form = xlsform(TINY, programme_id="cma-ucrm-2021")
    cells = _cells(form.to_xlsx())
    assert list(cells) == ["survey", "choices", "settings"]
    fr, en = "label::Français (fr)", "label::English (en)"
    survey = [dict(zip(cells["survey"][0], row, strict=True)) for row in cells["survey"][1:]]
    assert [(r["type"], r["name"], r[fr], r[en]) for r in survey] == [
        ("calculate", "module_id", "Module", "Module"),
        ("calculate", "module_version", "Version du module", "Module version"),
        ("calculate", "programme_id", "Programme", "Programme"),
        ("text", "respondent_id", "Identifiant du répondant", "Respondent id"),
        (
            "select_one respondent_group",
            "respondent_group",
            "Groupe du répondant",
            "Respondent group",
        ),
        ("begin_group", "g_cash", "Ressources — Trésorerie", "Resources — Cash"),
        ("select_one yes_no", "cash_book", "=Livre ?", "=Book?"),
        ("text", "cash_book_note", "Preuve ou commentaire", "Evidence or comment"),
        ("select_one cash_plan", "cash_plan", "Plan ?", "Plan?"),
        ("text", "cash_plan_note", "Preuve ou commentaire", "Evidence or comment"),
        ("decimal", "cash_months", "Mois ?", "Months?"),
        ("text", "cash_months_note", "Preuve ou commentaire", "Evidence or comment"),
        (
            "select_one cash_levels",
            "cash_desired",
            "Niveau visé — Trésorerie",
            "Desired level — Cash",
        ),
        ("end_group", None, None, None),
    ]
    calculations = {r["name"]: r["calculation"] for r in survey if r["type"] == "calculate"}
    assert calculations == {
        "module_id": "'tiny'",
        "module_version": "'3'",
        "programme_id": "'cma-ucrm-2021'",
    }
    months = next(r for r in survey if r["name"] == "cash_months")
    assert (months["constraint"], months["hint::English (en)"]) == (". >= 0", "months")
    assert (
        next(r for r in survey if r["name"] == "cash_plan_note")["relevant"] == "${cash_plan} != ''"
    )
    choices = [tuple(row[:4]) for row in cells["choices"]]
    assert choices[0] == ("list_name", "name", fr, en)
    assert choices[1:] == [
        ("respondent_group", "elected_officials", "élus", "elected officials"),
        ("respondent_group", "staff", "salariés", "staff"),
        ("respondent_group", "constituents", "ressortissants", "constituents"),
        ("respondent_group", "partners", "partenaires", "partners"),
        ("yes_no", "yes", "Oui", "Yes"),
        ("yes_no", "no", "Non", "No"),
        ("cash_plan", "none", "Aucun", "None"),
        ("cash_plan", "some_plan", "Un peu", "Some"),
        ("cash_levels", "1", "1 — Aucune", "1 — None"),
        ("cash_levels", "2", "2 — Fragile", "2 — Fragile"),
        ("cash_levels", "3", "3 — Solide", "3 — Sound"),
    ]
    assert cells["settings"] == [
        ["form_title", "form_id", "version", "default_language"],
        ["=SOMME(A1)", "tiny", "3", "Français (fr)"],
    ]


def test_a_label_starting_with_equals_stays_text_in_the_workbook() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsform(TINY).to_xlsx()))
    cells = [c for row in book["survey"].iter_rows() for c in row if c.value == "=Livre ?"]
    assert [c.data_type for c in cells] == ["s"]
    assert book["settings"]["A2"].data_type == "s"


def test_labels_fill_every_row_of_both_sheets_in_every_language() -> None:
    for module in INSTALLED:
        form = xlsform(module, languages=("en", "fr", "pt"))
        for sheet in (form.survey, form.choices):
            header, *rows = sheet
            for column in ("label::English (en)", "label::Français (fr)", "label::Português (pt)"):
                k = header.index(column)
                assert all(row[k] for row in rows if row[0] != "end_group"), (module.id, column)
        assert form.settings[1][3] == "English (en)"


def test_a_form_speaks_every_language_of_the_library_french_first() -> None:
    assert default_languages() == ("fr", *(lang for lang in languages() if lang != "fr"))
    form = xlsform(TINY)
    labels = [c for c in form.survey[0] if c.startswith("label::")]
    assert labels == [f"label::{language_name(lang)}" for lang in default_languages()]
    assert "label::Português (pt)" in labels
    assert form.settings[1][3] == "Français (fr)"


def test_portuguese_labels_come_from_the_texts_and_fall_back_to_english() -> None:
    module = next(m for m in INSTALLED if m.id == "consular-chamber")
    form = xlsform(module, languages=("pt", "fr"))
    header, *rows = form.survey
    pt, fr = header.index("label::Português (pt)"), header.index("label::Français (fr)")
    assert form.settings[1][3] == "Português (pt)"
    groups = [row for row in rows if row[0] == "begin_group"]
    for row, d in zip(groups, module.dimensions, strict=True):
        assert row[pt] == f"{d.theme('pt')} — {d.title('pt')}"
        assert row[fr] == f"{d.theme.fr} — {d.title.fr}"
    questions = {q.id: q for q in module.questions}
    names = layout(module)
    for row in rows:
        question = next((q for q in questions.values() if names.questions[q.id] == row[1]), None)
        if question is not None:
            assert row[pt] == question.text("pt")


def test_a_language_without_a_name_is_named_by_its_code() -> None:
    assert language_name("pt") == "Português (pt)"
    assert language_name("es") == "es (es)"


def test_one_language_only() -> None:
    form = xlsform(TINY, languages=("en",))
    assert not any("Français" in column for column in form.survey[0] + form.choices[0])
    with pytest.raises(FormError, match="possible languages: en, fr, pt"):
        xlsform(TINY, languages=("de",))


@pytest.mark.parametrize("module", INSTALLED, ids=[m.id for m in INSTALLED])
def test_every_installed_module_converts_with_no_warning(module: DiagnosticModule) -> None:
    xml = xlsform(module, programme_id="cma-ucrm-2021").to_xform()
    assert f"<{layout(module).form_id} " in xml or f'id="{layout(module).form_id}"' in xml
    assert f'version="{module.version}"' in xml


@settings(max_examples=10, deadline=None)
@given(modules())
def test_generated_modules_with_clashing_ids_convert_with_no_warning(
    module: DiagnosticModule,
) -> None:
    form = xlsform(module)
    names = [row[1] for row in form.survey[1:] if row[1]]
    assert len(names) == len(set(names))
    assert all(NAME.fullmatch(n) for n in names)
    form.to_xform()


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java, not found")
def test_the_built_in_module_passes_odk_validate() -> None:
    (module,) = [m for m in INSTALLED if m.id == "consular-chamber"]
    assert "<h:html" in xlsform(module, programme_id="cma-ucrm-2021").to_xform(validate=True)


def test_a_question_kind_a_form_cannot_ask_is_refused() -> None:
    import attrs

    @attrs.frozen(kw_only=True)
    class Rating(Question):
        KIND = "rating"

        def level_of(self, value: object, scale: Scale) -> int | None:
            return None

        def check_scale(self, scale: Scale) -> None:
            return None

    module = attrs.evolve(
        TINY, questions=(*TINY.questions, Rating(id="cash-rating", dimension_id="cash", text=M))
    )
    with pytest.raises(FormError) as caught:
        xlsform(module)
    assert caught.value.message("en") == (
        "form of module tiny: question cash-rating is of a kind (rating) a form cannot ask"
    )
    assert "qu'un formulaire ne sait pas poser" in caught.value.message("fr")


def test_a_form_is_plain_data() -> None:
    form = xlsform(TINY)
    assert isinstance(form, XLSForm)
    assert form == xlsform(TINY)
    assert all(
        isinstance(cell, str) for sheet in form.sheets().values() for row in sheet for cell in row
    )


def test_importing_compagnonnage_forms_imports_neither_pyxform_nor_openpyxl() -> None:
    code = (
        "import sys, compagnonnage, compagnonnage.forms; "
        "print('pyxform' in sys.modules, 'openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
