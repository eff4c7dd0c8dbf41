"""ODK Central and KoboToolbox exports of a module's form, read back as collected answers.

Four shapes are read from files, with nothing but the standard library:

* ODK Central CSV (``,``; group paths joined by ``-`` or dropped; ``KEY``,
  ``SubmissionDate``, ``ReviewState`` and other metadata columns);
* ODK Central OData JSON (``{"value": [...]}``, groups as nested objects,
  ``__id`` and ``__system``);
* KoboToolbox JSON (``{"results": [...]}`` or a bare list; flat
  ``group/question`` keys, every value a string, ``_uuid``, ``meta/rootUuid``,
  ``_submission_time``, ``_validation_status``);
* KoboToolbox CSV (``;``, quoted, XML names as headers).

The separator is sniffed and a UTF-8 byte-order mark accepted. Values are
coerced by the module's question types; an empty cell is no answer (absent,
not zero). Edited submissions count once (Central ``KEY``/``__id``, Kobo
``meta/rootUuid``: the latest submitted wins); rejected ones are skipped on
request. Every problem is collected, then raised together as an
:class:`~compagnonnage.forms.ExportError` naming file, row and column.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import Factory, define, frozen

from compagnonnage._i18n import Message, _
from compagnonnage.diagnostics import (
    ChoiceQuestion,
    CollectedAnswers,
    DiagnosticModule,
    GivenAnswer,
    MultipleChoiceQuestion,
    NumberQuestion,
    Question,
    RespondentAnswers,
    RespondentGroup,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.forms import _select_multiple
from compagnonnage.forms._errors import ExportError, ExportProblem, row_label
from compagnonnage.forms._export import _number_type
from compagnonnage.forms._layout import (
    MODULE_ID,
    MODULE_VERSION,
    PROGRAMME_ID,
    RESPONDENT_GROUP,
    RESPONDENT_ID,
    Layout,
    layout,
)
from compagnonnage.forms._shapes import (
    _field_name,
    _fields,
    _is_metadata,
    _latest,
    _read_file,
    _Submission,
)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}")
_INTEGER = re.compile(r"[+-]?[0-9]{1,20}")
_NUMBER = re.compile(r"[+-]?([0-9]{1,20}(\.[0-9]{0,20})?|\.[0-9]{1,20})([eE][+-]?[0-9]{1,3})?")


@frozen
class ImportReport:
    """What :func:`read_exports` read.

    :ivar answers: the answers, as the answers document holds them.
    :ivar read: how many submissions were read, in all files.
    :ivar skipped: how many were set aside, by reason: ``"edited"`` (an older
        version of an edited submission) and ``"rejected"``.
    :ivar files: each file and the shape it was read as (a key of :data:`FORMATS`).
    """

    answers: CollectedAnswers
    read: int
    skipped: Mapping[str, int]
    files: tuple[tuple[str, str], ...]


# -- values ----------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: Any, integer: bool) -> int | Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**20 else None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = repr(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if integer:
        return int(text) if _INTEGER.fullmatch(text) else None
    if not _NUMBER.fullmatch(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None
    return number if number.is_finite() else None


def _value(
    question: Question, names: Layout, raw: Any
) -> tuple[bool | int | Decimal | str | None, Message | None]:
    """The answer ``raw`` stands for, or ``None`` and what was expected."""
    text = raw.strip() if isinstance(raw, str) else raw
    if isinstance(question, YesNoQuestion):
        if text in ("yes", "no"):
            return text == "yes", None
        return None, _("yes or no")
    if isinstance(question, ChoiceQuestion):
        by_name = {name: ident for ident, name in names.choices[question.id].items()}
        if isinstance(text, str) and text in by_name:
            return by_name[text], None
        listed = ", ".join(by_name)
        return None, _("one of the choices {listed}", listed=listed)
    if isinstance(question, MultipleChoiceQuestion):
        return _select_multiple.value(question, names, text)
    if isinstance(question, NumberQuestion):
        integer = _number_type(question) == "integer"
        number = _number(text, integer)
        if number is None:
            return None, _("a whole number") if integer else _("a number")
        return number, None
    if isinstance(question, TextQuestion) and isinstance(raw, str):
        return raw, None
    return None, _("a text")


def _printable(text: str) -> str:
    """``text`` with control characters and lone surrogates escaped, so that it prints anywhere."""
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def _shown(raw: Any) -> str:
    """A value as it came (``"oui"``, ``12``), shortened, printable."""
    text = _printable(json.dumps(raw, ensure_ascii=False))
    return text if len(text) <= 60 else text[:59] + "…"


@define
class _Sheet:
    """One submission turned into a respondent's answers."""

    submission: _Submission
    respondent_id: str | None = None
    group: RespondentGroup | None = None
    answers: dict[str, GivenAnswer] = Factory(dict)
    desired: dict[str, int] = Factory(dict)
    programme_id: str | None = None


def _sheet(sub: _Submission, names: Layout, problems: list[ExportProblem]) -> _Sheet:
    module = names.module
    fields = _fields(names)
    questions = {q.id: q for q in module.questions}
    sheet = _Sheet(sub)
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    stamps: dict[str, str] = {}
    for column, raw in _select_multiple.joined(sub, names, problems).items():
        if _is_metadata(column):
            continue
        target = fields.get(_field_name(column))
        if target is None:
            problems.append(sub.problem(column, _("unknown column of this form")))
            continue
        if _blank(raw):
            continue
        kind, ident = target
        if kind == "question":
            value, expected = _value(questions[ident], names, raw)
            if expected is not None:
                problems.append(
                    sub.problem(
                        column,
                        _("expected {expected}, got {got}", expected=expected, got=_shown(raw)),
                    )
                )
            else:
                values[ident] = value
        elif kind == "note":
            notes[ident] = str(raw)
        elif kind == "desired":
            level = _number(raw, integer=True)
            if level is None or level not in module.scale.levels:
                scale = module.scale
                problems.append(
                    sub.problem(
                        column,
                        _(
                            "expected a level from {low} to {high}, got {got}",
                            low=scale.low,
                            high=scale.high,
                            got=_shown(raw),
                        ),
                    )
                )
            else:
                sheet.desired[ident] = int(level)
        elif kind == "respondent" and ident == "id":
            if isinstance(raw, str) and _ID.fullmatch(raw.strip()):
                sheet.respondent_id = raw.strip()
            else:
                problems.append(
                    sub.problem(
                        column,
                        _("expected an id (letters, digits, '_.:/-'), got {got}", got=_shown(raw)),
                    )
                )
        elif kind == "respondent":
            groups = {g.value: g for g in RespondentGroup}
            if isinstance(raw, str) and raw.strip() in groups:
                sheet.group = groups[raw.strip()]
            else:
                listed = ", ".join(groups)
                problems.append(
                    sub.problem(
                        column,
                        _(
                            "expected one of the groups {listed}, got {got}",
                            listed=listed,
                            got=_shown(raw),
                        ),
                    )
                )
        else:
            stamps[ident] = _printable(str(raw).strip())
    _check_stamps(sub, module, stamps, problems)
    programme_id = stamps.get("programme")
    if programme_id is not None and not _ID.fullmatch(programme_id):
        problems.append(
            sub.problem(
                PROGRAMME_ID, _("expected a programme id, got {got}", got=_shown(programme_id))
            )
        )
    else:
        sheet.programme_id = programme_id
    given = {_field_name(c) for c, v in sub.cells.items() if not _blank(v)}
    for what in (RESPONDENT_ID, RESPONDENT_GROUP):
        if what not in given:  # a value given but wrong is reported already
            problems.append(sub.problem(what, _("required answer missing")))
    for q in module.questions:
        if q.id in values:
            sheet.answers[q.id] = GivenAnswer(
                question=q.id, value=values[q.id], note=notes.get(q.id)
            )
    return sheet


def _check_stamps(
    sub: _Submission,
    module: DiagnosticModule,
    stamps: dict[str, str],
    problems: list[ExportProblem],
) -> None:
    for ident, expected, column in (
        ("module", module.id, MODULE_ID),
        ("version", module.version, MODULE_VERSION),
    ):
        given = stamps.get(ident)
        if given is None:
            problems.append(
                sub.problem(
                    column,
                    _(
                        "missing: this is not an export of the form of module {module}",
                        module=module.id,
                    ),
                )
            )
        elif given != expected:
            wrong = (
                _("a submission for module {given}, not {expected}", given=given, expected=expected)
                if ident == "module"
                else _(
                    "a submission for version {given}, not {expected}",
                    given=given,
                    expected=expected,
                )
            )
            problems.append(sub.problem(column, wrong))


# -- putting it together ----------------------------------------------------------------


def _lower_median(levels: list[int]) -> int:
    ordered = sorted(levels)
    return ordered[(len(ordered) - 1) // 2]


def read_exports(
    paths: Iterable[str | os.PathLike[str]],
    module: DiagnosticModule,
    *,
    skip_rejected: bool = False,
) -> ImportReport:
    """Read export files of ``module``'s form (any of the four shapes) as collected answers.

    :param skip_rejected: leave out the submissions a reviewer rejected (Central
        ``ReviewState`` ``rejected``, Kobo validation status "not approved").
    :raises ExportError: with every problem of every file; nothing is imported then.
    :raises OSError: a file cannot be read.
    """
    names = layout(module)
    problems: list[ExportProblem] = []
    files: list[tuple[str, str]] = []
    everything: list[_Submission] = []
    for path in paths:
        source = os.fspath(path)
        shape, submissions = _read_file(source, names, problems)
        files.append((source, shape))
        everything += submissions
    kept, edited = _latest(everything)
    skipped = {"edited": edited, "rejected": 0}
    if skip_rejected:
        skipped["rejected"] = sum(1 for s in kept if s.rejected)
        kept = [s for s in kept if not s.rejected]
    sheets = [_sheet(s, names, problems) for s in kept]
    collected = _collect(sheets, module, problems)
    if problems:
        raise ExportError(problems)
    return ImportReport(
        answers=collected, read=len(everything), skipped=skipped, files=tuple(files)
    )


def _collect(
    sheets: list[_Sheet], module: DiagnosticModule, problems: list[ExportProblem]
) -> CollectedAnswers:
    respondents: list[RespondentAnswers] = []
    seen: dict[str, _Submission] = {}
    desired: dict[str, list[int]] = {}
    programmes: dict[str, _Submission] = {}
    for sheet in sheets:
        sub = sheet.submission
        if sheet.programme_id is not None:
            programmes.setdefault(sheet.programme_id, sub)
        if sheet.respondent_id is None or sheet.group is None:
            continue
        if sheet.respondent_id in seen:
            first = seen[sheet.respondent_id]
            problems.append(
                sub.problem(
                    RESPONDENT_ID,
                    _(
                        "respondent {respondent} already answered ({source}, {row})",
                        respondent=sheet.respondent_id,
                        source=first.source,
                        row=row_label(first.row, json=first.json),
                    ),
                )
            )
            continue
        seen[sheet.respondent_id] = sub
        for dimension_id, level in sheet.desired.items():
            desired.setdefault(dimension_id, []).append(level)
        given = tuple(sheet.answers.values())
        respondents.append(
            RespondentAnswers(
                id=sheet.respondent_id,
                group=sheet.group,
                answers={module.id: given} if given else {},
            )
        )
    if len(programmes) > 1:
        _first, *others = programmes.items()
        for programme_id, sub in others:
            problems.append(
                sub.problem(
                    PROGRAMME_ID,
                    _(
                        "programme {programme}, where another submission is for {other}",
                        programme=programme_id,
                        other=next(iter(programmes)),
                    ),
                )
            )
    levels = {d.id: _lower_median(desired[d.id]) for d in module.dimensions if d.id in desired}
    return CollectedAnswers(
        respondents=tuple(respondents),
        desired={module.id: levels} if levels else {},
        versions={module.id: module.version},
        programme_id=next(iter(programmes), None),
    )
