"""A diagnostic module as an XLSForm workbook: sheets ``survey``, ``choices`` and ``settings``."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from attrs import frozen

from compagnonnage._i18n import Lang, _, enum_label
from compagnonnage._i18n import languages as spoken_languages
from compagnonnage.diagnostics import (
    ChoiceQuestion,
    DiagnosticModule,
    MultipleChoiceQuestion,
    NumberQuestion,
    Question,
    RespondentGroup,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.forms import _select_multiple
from compagnonnage.forms._errors import FormError
from compagnonnage.forms._layout import (
    MODULE_ID,
    MODULE_VERSION,
    PROGRAMME_ID,
    RESPONDENT_GROUP,
    RESPONDENT_ID,
    YES_NO,
    Layout,
    layout,
)

LANGUAGE_NAMES: dict[Lang, str] = {
    "fr": "Français (fr)",
    "en": "English (en)",
    "pt": "Português (pt)",
}
"""How each language is named in the columns of a form (``label::Português (pt)``).

A language the library speaks without a name here is named by its code
(``label::es (es)``), which ODK and KoboToolbox read as well.
"""

DEFAULT_LANGUAGE: Lang = "fr"
"""The language a form opens in unless told otherwise: French, the language the
field diagnostics of the UEMOA chambers are held in and the modules are written in."""

Rows = tuple[tuple[str, ...], ...]

_W = {
    "respondent_id": _("Respondent id"),
    "respondent_id_hint": _("Letters, digits and '_.:/-', no space (e.g. ucrm-sg)"),
    "respondent_group": _("Respondent group"),
    "module_id": _("Module"),
    "module_version": _("Module version"),
    "programme_id": _("Programme"),
    "note": _("Evidence or comment"),
    "yes": _("Yes"),
    "no": _("No"),
    "not_negative": _("A number of zero or more"),
    "id_constraint": _("Invalid id"),
}

# A respondent id as the answers document takes it (the model's identifier rule).
_ID_CONSTRAINT = "regex(., '^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$')"


@frozen
class XLSForm:
    """An XLSForm: its three sheets as rows of text (the first row of each is its header).

    Every cell is text, so that nothing in a label becomes a spreadsheet formula.
    """

    module_id: str
    survey: Rows
    choices: Rows
    settings: Rows

    def sheets(self) -> dict[str, Rows]:
        """The sheets by name, in workbook order."""
        return {"survey": self.survey, "choices": self.choices, "settings": self.settings}

    def to_xlsx(self) -> bytes:
        """The workbook as ``.xlsx`` bytes (needs ``compagnonnage[forms]``: openpyxl)."""
        openpyxl = _import("openpyxl", self.module_id)
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in self.sheets().items():
            sheet = book.create_sheet(title)
            for r, row in enumerate(rows, 1):
                for c, text in enumerate(row, 1):
                    cell = sheet.cell(row=r, column=c)
                    cell.value = text
                    cell.data_type = "s"  # openpyxl would take "=…" for a formula
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def to_xform(self, *, validate: bool = False) -> str:
        """The XForm XML that pyxform makes of the form (needs ``compagnonnage[forms]``).

        :param validate: also run ODK Validate (needs Java).
        :raises FormError: pyxform refuses the form or warns about it.
        """
        xls2xform = _import("pyxform.xls2xform", self.module_id)
        errors = _import("pyxform.errors", self.module_id)
        validator = _import("pyxform.validators.odk_validate", self.module_id)
        warned: list[str] = []
        try:
            result = xls2xform.convert(
                xlsform=self.to_xlsx(), warnings=warned, validate=validate, file_type=".xlsx"
            )
        except (errors.PyXFormError, validator.ODKValidateError) as exc:
            raise FormError(self.module_id, _("refused by pyxform: {exc}", exc=exc)) from None
        if warned:
            text = "; ".join(warned)
            raise FormError(
                self.module_id,
                _("pyxform warnings: {text}", text=text),
            )
        return str(result.xform)


def _import(name: str, module_id: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise FormError(
            module_id,
            _("install the 'forms' extra: pip install 'compagnonnage[forms]'"),
        ) from None


class _Sheet:
    """Rows as column → text, written out with one header for the columns used."""

    def __init__(self, first: Sequence[str]) -> None:
        self.columns: list[str] = list(first)
        self.rows: list[dict[str, str]] = []

    def add(self, **cells: str) -> None:
        for column in cells:
            if column not in self.columns:
                self.columns.append(column)
        self.rows.append(cells)

    def table(self) -> Rows:
        return (
            tuple(self.columns),
            *(tuple(row.get(c, "") for c in self.columns) for row in self.rows),
        )


Words = Callable[[Lang], str]
"""Anything that says itself in a language: a :class:`~compagnonnage._i18n.Message` or a
:class:`~compagnonnage._i18n.Text` (which falls back to English, then French)."""


def language_name(lang: Lang) -> str:
    """The name of ``lang`` in the columns of a form: ``Português (pt)``."""
    return LANGUAGE_NAMES.get(lang, f"{lang} ({lang})")


def default_languages() -> tuple[Lang, ...]:
    """The languages of a form by default: French first (the default), then every other."""
    return (DEFAULT_LANGUAGE, *(lang for lang in spoken_languages() if lang != DEFAULT_LANGUAGE))


def _enum_words(member: RespondentGroup, lang: Lang) -> str:
    return enum_label(member, lang)


def _texts(column: str, words: Words, langs: Sequence[Lang]) -> dict[str, str]:
    return {f"{column}::{language_name(lang)}": words(lang) for lang in langs}


def _number_type(q: NumberQuestion) -> str:
    return "integer" if all(t == t.to_integral_value() for t in q.thresholds) else "decimal"


def _question_rows(
    q: Question, names: Layout, langs: Sequence[Lang], survey: _Sheet, choices: _Sheet
) -> None:
    name = names.questions[q.id]
    label = _texts("label", q.text, langs)
    if isinstance(q, YesNoQuestion):
        survey.add(type=f"select_one {YES_NO}", name=name, **label)
    elif isinstance(q, ChoiceQuestion | MultipleChoiceQuestion):
        select = "select_one" if isinstance(q, ChoiceQuestion) else "select_multiple"
        cells = {"type": f"{select} {names.lists[q.id]}", "name": name, **label}
        if isinstance(q, MultipleChoiceQuestion) and q.exclusive:
            cells["constraint"] = _select_multiple.exclusive_constraint(q, names)
            cells.update(_texts("constraint_message", _select_multiple.EXCLUSIVE_MESSAGE, langs))
        survey.add(**cells)
        for c in q.choices:
            choices.add(
                list_name=names.lists[q.id],
                name=names.choices[q.id][c.id],
                **_texts("label", c.label, langs),
            )
    elif isinstance(q, NumberQuestion):
        cells = {"type": _number_type(q), "name": name, **label}
        if q.unit is not None:
            cells.update(_texts("hint", q.unit, langs))
        if all(t >= Decimal(0) for t in q.thresholds):
            cells["constraint"] = ". >= 0"
            cells.update(_texts("constraint_message", _W["not_negative"], langs))
        survey.add(**cells)
    elif isinstance(q, TextQuestion):
        survey.add(type="text", name=name, **label)
    else:
        raise FormError(
            names.module.id,
            _("question {id} is of a kind ({KIND}) a form cannot ask", id=q.id, KIND=q.KIND),
        )
    survey.add(
        type="text",
        name=names.notes[q.id],
        relevant=f"${{{name}}} != ''",
        **_texts("label", _W["note"], langs),
    )


def xlsform(
    module: DiagnosticModule,
    *,
    languages: Iterable[Lang] | None = None,
    programme_id: str | None = None,
) -> XLSForm:
    """The XLSForm that collects the answers to ``module`` in the field.

    The form opens with the respondent's id and group; then one group per
    dimension holds its questions (yes/no and choices as ``select_one``,
    numbers as ``integer`` or ``decimal``, texts as ``text``), each followed by
    an evidence note shown once the question is answered, and the desired
    level on the module's scale, the level descriptions as choice labels.
    Hidden ``calculate`` fields stamp the module id and version (and
    ``programme_id``, when given), so that an export says what it answers.

    :param languages: the languages of the labels, the first one the form's
        default language; by default every language the library speaks, French
        first (:func:`default_languages`). The words of the module (its Text) fall
        back to English, then French, in a language they were not written in.
    :raises FormError: a question of a kind a form cannot ask (a plugin's own kind),
        or no known language.
    """
    known = tuple(dict.fromkeys((*spoken_languages(), *LANGUAGE_NAMES)))
    langs = tuple(dict.fromkeys(default_languages() if languages is None else languages))
    if not langs or any(lang not in known for lang in langs):
        raise FormError(
            module.id,
            _("possible languages: {languages}", languages=", ".join(known)),
        )
    names = layout(module)
    survey = _Sheet(["type", "name"])
    choices = _Sheet(["list_name", "name"])
    stamps = [(MODULE_ID, module.id), (MODULE_VERSION, module.version)]
    if programme_id is not None:
        stamps.append((PROGRAMME_ID, programme_id))
    for field_name, value in stamps:
        survey.add(
            type="calculate",
            name=field_name,
            calculation=f"'{value}'",
            **_texts("label", _W[field_name], langs),
        )
    survey.add(
        type="text",
        name=RESPONDENT_ID,
        required="yes",
        constraint=_ID_CONSTRAINT,
        **_texts("label", _W["respondent_id"], langs),
        **_texts("hint", _W["respondent_id_hint"], langs),
        **_texts("constraint_message", _W["id_constraint"], langs),
    )
    survey.add(
        type=f"select_one {RESPONDENT_GROUP}",
        name=RESPONDENT_GROUP,
        required="yes",
        **_texts("label", _W["respondent_group"], langs),
    )
    for g in RespondentGroup:
        choices.add(
            list_name=RESPONDENT_GROUP,
            name=g.value,
            **_texts("label", partial(_enum_words, g), langs),
        )
    for key in ("yes", "no"):
        choices.add(list_name=YES_NO, name=key, **_texts("label", _W[key], langs))
    for d in module.dimensions:
        # Translators: a group of the form: the dimension's theme, then its title.
        title = _("{theme} — {title}", theme=d.theme, title=d.title)
        survey.add(type="begin_group", name=names.groups[d.id], **_texts("label", title, langs))
        for q in names.questions_of(d.id):
            _question_rows(q, names, langs, survey, choices)
        survey.add(
            type=f"select_one {names.levels[d.id]}",
            name=names.desired[d.id],
            **_texts(
                "label",
                _("Desired level — {dimension}", dimension=d.title),
                langs,
            ),
        )
        for level, description in zip(module.scale.levels, d.levels, strict=True):
            choices.add(
                list_name=names.levels[d.id],
                name=str(level),
                **_texts(
                    "label",
                    # Translators: a level of the scale, then what it means for the dimension.
                    _("{level} — {description}", level=level, description=description),
                    langs,
                ),
            )
        survey.add(type="end_group", name="")
    settings = (
        ("form_title", "form_id", "version", "default_language"),
        (
            module.title(langs[0]),
            names.form_id,
            module.version,
            language_name(langs[0]),
        ),
    )
    return XLSForm(
        module_id=module.id,
        survey=survey.table(),
        choices=choices.table(),
        settings=settings,
    )
