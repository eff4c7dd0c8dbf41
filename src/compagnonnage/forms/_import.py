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

import csv
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import Factory, define, frozen

from compagnonnage.diagnostics import (
    ChoiceQuestion,
    CollectedAnswers,
    DiagnosticModule,
    GivenAnswer,
    NumberQuestion,
    Question,
    RespondentAnswers,
    RespondentGroup,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.forms._errors import ExportError, ExportProblem
from compagnonnage.forms._export import LANGUAGE_NAMES, _number_type
from compagnonnage.forms._layout import (
    METADATA,
    MODULE_ID,
    MODULE_VERSION,
    PROGRAMME_ID,
    RESPONDENT_GROUP,
    RESPONDENT_ID,
    Layout,
    layout,
)

MAX_EXPORT_SIZE = 64 * 1024 * 1024
"""The largest export file read, in bytes: 64 MiB."""

_MAX_DEPTH = 32
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}")
_INTEGER = re.compile(r"[+-]?[0-9]{1,20}")
_NUMBER = re.compile(r"[+-]?([0-9]{1,20}(\.[0-9]{0,20})?|\.[0-9]{1,20})([eE][+-]?[0-9]{1,3})?")

# The metadata columns of ODK Central's CSV exports, in the order it writes them (besides
# ``SubmissionDate`` first, ``meta-…`` columns come right after the form's fields).
CENTRAL_METADATA = (
    "SubmissionDate",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
)
FORMATS = {
    "central-csv": ("CSV d'ODK Central", "ODK Central CSV"),
    "central-json": ("JSON OData d'ODK Central", "ODK Central OData JSON"),
    "kobo-json": ("JSON de KoboToolbox", "KoboToolbox JSON"),
    "kobo-csv": ("CSV de KoboToolbox", "KoboToolbox CSV"),
}
"""The export shapes read, by key, with their names in French and English."""


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


@define
class _Submission:
    source: str
    row: int
    json: bool
    cells: dict[str, Any]
    key: str | None = None
    submitted: str = ""
    rejected: bool = False

    def problem(self, column: str | None, fr: str, en: str) -> ExportProblem:
        return ExportProblem(self.source, self.row, column, fr, en, json=self.json)


# -- reading files ----------------------------------------------------------------------


def _text(source: str, data: bytes, problems: list[ExportProblem]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            ExportProblem(
                source,
                None,
                None,
                f"le fichier n'est pas en UTF-8 (octet {exc.start})",
                f"the file is not UTF-8 (byte {exc.start})",
            )
        )
        return None


def _repeated(names: Iterable[str]) -> list[str]:
    """The names that occur more than once, in order."""
    return [name for name, n in Counter(names).items() if n > 1]


def _refuse_constant(text: str) -> None:
    raise ValueError(f"{text} is not valid JSON")


def _flat(value: Any, prefix: str, out: dict[str, Any], depth: int = 0) -> None:
    """Groups of a Central OData submission (nested objects) as ``group/field`` keys."""
    for key, item in value.items():
        path = f"{prefix}/{key}" if prefix else str(key)
        if type(item) is dict and key != "__system" and depth < _MAX_DEPTH:
            _flat(item, path, out, depth + 1)
        else:
            out[path] = item


def _json_submissions(
    source: str, text: str, problems: list[ExportProblem]
) -> tuple[str, list[_Submission]]:
    def bad(fr: str, en: str) -> tuple[str, list[_Submission]]:
        problems.append(ExportProblem(source, None, None, fr, en, json=True))
        return "kobo-json", []

    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) != len(items):
            repeated.extend(_repeated(k for k, _ in items))
        return found

    try:
        document = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        where = (
            f"ligne {exc.lineno}, colonne {exc.colno}",
            f"line {exc.lineno}, column {exc.colno}",
        )
        return bad(f"JSON invalide ({where[0]})", f"invalid JSON ({where[1]})")
    except (ValueError, RecursionError):
        return bad(
            "JSON refusé (NaN, Infinity ou imbrication trop profonde)",
            "refused JSON (NaN, Infinity or nesting too deep)",
        )
    if repeated:
        names = ", ".join(dict.fromkeys(repeated))
        return bad(f"clés répétées dans un objet : {names}", f"keys repeated in an object: {names}")
    if type(document) is dict and type(document.get("value")) is list:
        shape, items = "central-json", document["value"]
    elif type(document) is dict and type(document.get("results")) is list:
        shape, items = "kobo-json", document["results"]
    elif type(document) is list:
        shape, items = "kobo-json", document
    else:
        return bad(
            'ni un export OData d\'ODK Central ({"value": […]}) ni un export JSON de '
            'KoboToolbox ({"results": […]})',
            'neither an ODK Central OData export ({"value": […]}) nor a KoboToolbox JSON '
            'export ({"results": […]})',
        )
    submissions = []
    for i, item in enumerate(items, 1):
        if type(item) is not dict:
            problems.append(
                ExportProblem(
                    source, i, None, "attendu : un objet", "expected an object", json=True
                )
            )
            continue
        cells: dict[str, Any] = {}
        if shape == "central-json":
            _flat(item, "", cells)
        else:  # Kobo's keys are flat already, and its metadata objects are single values
            cells = dict(item)
        sub = _Submission(source, i, True, cells)
        raw_system = item.get("__system")
        system: dict[str, Any] = raw_system if type(raw_system) is dict else {}
        if shape == "central-json":
            sub.key = _plain(item.get("__id"))
            sub.submitted = _plain(system.get("submissionDate")) or ""
            sub.rejected = system.get("reviewState") == "rejected"
        else:
            sub.key = _plain(cells.get("meta/rootUuid")) or _plain(cells.get("_uuid"))
            sub.submitted = _plain(cells.get("_submission_time")) or ""
            status = cells.get("_validation_status")
            uid = status.get("uid") if type(status) is dict else status
            sub.rejected = _not_approved(uid)
        submissions.append(sub)
    return shape, submissions


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).removeprefix("uuid:") if not isinstance(value, dict | list) else None


def _not_approved(value: Any) -> bool:
    text = str(value or "").lower().replace(" ", "_")
    return "not_approved" in text


def _csv_submissions(
    source: str, text: str, problems: list[ExportProblem], names: Layout
) -> tuple[str, list[_Submission]]:
    first = text.split("\n", 1)[0]
    try:
        dialect: Any = csv.Sniffer().sniff(first, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        problems.append(ExportProblem(source, None, None, "fichier vide", "empty file"))
        return "central-csv", []
    shape = "central-csv" if {"KEY", "SubmissionDate"} & set(header) else "kobo-csv"
    if shape == "kobo-csv" and _is_label_export(header, names):
        problems.append(
            ExportProblem(
                source,
                1,
                None,
                "export avec les libellés des questions : dans KoboToolbox, exportez avec "
                "« Valeurs et en-têtes XML » (XML values and headers)",
                "an export with question labels: in KoboToolbox, export with "
                "'XML values and headers'",
            )
        )
        return shape, []
    if len(set(header)) != len(header):
        twice = ", ".join(_repeated(header))
        problems.append(
            ExportProblem(
                source, 1, None, f"colonnes répétées : {twice}", f"columns repeated: {twice}"
            )
        )
        return shape, []
    submissions = []
    line = 1
    try:
        for line, row in enumerate(rows, 2):
            if not row:
                continue
            if len(row) != len(header):
                problems.append(
                    ExportProblem(
                        source,
                        line,
                        None,
                        f"{len(row)} cellules pour {len(header)} colonnes (fichier tronqué ?)",
                        f"{len(row)} cells for {len(header)} columns (a truncated file?)",
                    )
                )
                continue
            cells = dict(zip(header, row, strict=True))
            sub = _Submission(source, line, False, cells)
            if shape == "central-csv":
                sub.key = _plain(cells.get("KEY"))
                sub.submitted = cells.get("SubmissionDate", "")
                sub.rejected = cells.get("ReviewState") == "rejected"
            else:
                sub.key = _plain(cells.get("meta/rootUuid") or cells.get("_uuid")) or None
                sub.submitted = cells.get("_submission_time", "")
                sub.rejected = _not_approved(cells.get("_validation_status"))
            submissions.append(sub)
    except csv.Error as exc:
        problems.append(
            ExportProblem(
                source, line + 1, None, f"CSV illisible ({exc})", f"unreadable CSV ({exc})"
            )
        )
    return shape, submissions


def _is_label_export(header: list[str], names: Layout) -> bool:
    known = _fields(names)
    labels = {
        text(lang) for q in names.module.questions for text in (q.text,) for lang in LANGUAGE_NAMES
    }
    named = sum(1 for h in header if _field_name(h) in known)
    labelled = sum(1 for h in header if h.rsplit("/", 1)[-1] in labels or h in labels)
    return labelled > named


# -- columns and values -----------------------------------------------------------------


def _is_metadata(column: str) -> bool:
    return (
        column in CENTRAL_METADATA
        or column.startswith(("_", "meta-", "meta/", "formhub/", "@odata"))
        or _field_name(column) in METADATA
    )


def _field_name(column: str) -> str:
    """The field a column holds: the last segment of its group path (``-`` or ``/``)."""
    return re.split(r"[-/]", column)[-1]


def _fields(names: Layout) -> dict[str, tuple[str, str]]:
    """What each field name holds: ``(kind, id)``."""
    fields: dict[str, tuple[str, str]] = {
        RESPONDENT_ID: ("respondent", "id"),
        RESPONDENT_GROUP: ("respondent", "group"),
        MODULE_ID: ("stamp", "module"),
        MODULE_VERSION: ("stamp", "version"),
        PROGRAMME_ID: ("stamp", "programme"),
    }
    fields.update({name: ("question", q) for q, name in names.questions.items()})
    fields.update({name: ("note", q) for q, name in names.notes.items()})
    fields.update({name: ("desired", d) for d, name in names.desired.items()})
    return fields


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
) -> tuple[bool | int | Decimal | str | None, tuple[str, str] | None]:
    """The answer ``raw`` stands for, or ``None`` and what was expected (fr, en)."""
    text = raw.strip() if isinstance(raw, str) else raw
    if isinstance(question, YesNoQuestion):
        if text in ("yes", "no"):
            return text == "yes", None
        return None, ("yes ou no", "yes or no")
    if isinstance(question, ChoiceQuestion):
        by_name = {name: ident for ident, name in names.choices[question.id].items()}
        if isinstance(text, str) and text in by_name:
            return by_name[text], None
        listed = ", ".join(by_name)
        return None, (f"l'un des choix {listed}", f"one of the choices {listed}")
    if isinstance(question, NumberQuestion):
        integer = _number_type(question) == "integer"
        number = _number(text, integer)
        if number is None:
            return None, (
                ("un nombre entier", "a whole number") if integer else ("un nombre", "a number")
            )
        return number, None
    if isinstance(question, TextQuestion) and isinstance(raw, str):
        return raw, None
    return None, ("un texte", "a text")


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
    for column, raw in sub.cells.items():
        if _is_metadata(column):
            continue
        target = fields.get(_field_name(column))
        if target is None:
            problems.append(
                sub.problem(
                    column, "colonne inconnue de ce formulaire", "unknown column of this form"
                )
            )
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
                        f"attendu : {expected[0]}, reçu {_shown(raw)}",
                        f"expected {expected[1]}, got {_shown(raw)}",
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
                        f"attendu : un niveau de {scale.low} à {scale.high}, reçu {_shown(raw)}",
                        f"expected a level from {scale.low} to {scale.high}, got {_shown(raw)}",
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
                        f"attendu : un identifiant (lettres, chiffres, « _.:/- »), reçu {_shown(raw)}",
                        f"expected an id (letters, digits, '_.:/-'), got {_shown(raw)}",
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
                        f"attendu : l'un des groupes {listed}, reçu {_shown(raw)}",
                        f"expected one of the groups {listed}, got {_shown(raw)}",
                    )
                )
        else:
            stamps[ident] = _printable(str(raw).strip())
    _check_stamps(sub, module, stamps, problems)
    programme_id = stamps.get("programme")
    if programme_id is not None and not _ID.fullmatch(programme_id):
        problems.append(
            sub.problem(
                PROGRAMME_ID,
                f"attendu : un identifiant de programme, reçu {_shown(programme_id)}",
                f"expected a programme id, got {_shown(programme_id)}",
            )
        )
    else:
        sheet.programme_id = programme_id
    given = {_field_name(c) for c, v in sub.cells.items() if not _blank(v)}
    for what in (RESPONDENT_ID, RESPONDENT_GROUP):
        if what not in given:  # a value given but wrong is reported already
            problems.append(
                sub.problem(what, "réponse obligatoire manquante", "required answer missing")
            )
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
                    f"absent : ce n'est pas un export du formulaire du module {module.id}",
                    f"missing: this is not an export of the form of module {module.id}",
                )
            )
        elif given != expected:
            what = ("module", "module") if ident == "module" else ("version", "version")
            problems.append(
                sub.problem(
                    column,
                    f"soumission pour le {what[0]} {given}, pas {expected}",
                    f"a submission for {what[1]} {given}, not {expected}",
                )
            )


# -- putting it together ----------------------------------------------------------------


def _lower_median(levels: list[int]) -> int:
    ordered = sorted(levels)
    return ordered[(len(ordered) - 1) // 2]


def _read_file(
    path: str, names: Layout, problems: list[ExportProblem]
) -> tuple[str, list[_Submission]]:
    with open(path, "rb") as f:
        data = f.read(MAX_EXPORT_SIZE + 1)
    if len(data) > MAX_EXPORT_SIZE:
        problems.append(
            ExportProblem(
                path,
                None,
                None,
                f"fichier trop volumineux (plus de {MAX_EXPORT_SIZE} octets)",
                f"file too large (over {MAX_EXPORT_SIZE} bytes)",
            )
        )
        return "central-csv", []
    text = _text(path, data, problems)
    if text is None:
        return "central-csv", []
    if text.lstrip()[:1] in ("{", "["):
        return _json_submissions(path, text, problems)
    return _csv_submissions(path, text, problems, names)


def _latest(submissions: Iterable[_Submission]) -> tuple[list[_Submission], int]:
    """One submission per key (the last submitted), in order of first appearance; and how many went."""
    kept: dict[object, _Submission] = {}
    dropped = 0
    for n, sub in enumerate(submissions):
        key: object = sub.key if sub.key else ("row", n)
        if key in kept:
            dropped += 1
            if sub.submitted >= kept[key].submitted:
                kept[key] = sub
        else:
            kept[key] = sub
    return list(kept.values()), dropped


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
                    f"le répondant {sheet.respondent_id} a déjà répondu ({first.source}, "
                    f"{'soumission' if first.json else 'ligne'} {first.row})",
                    f"respondent {sheet.respondent_id} already answered ({first.source}, "
                    f"{'submission' if first.json else 'row'} {first.row})",
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
        (_, first), *others = programmes.items()
        for programme_id, sub in others:
            problems.append(
                sub.problem(
                    PROGRAMME_ID,
                    f"programme {programme_id}, alors qu'une autre soumission est pour "
                    f"{next(iter(programmes))}",
                    f"programme {programme_id}, where another submission is for "
                    f"{next(iter(programmes))}",
                )
            )
    levels = {d.id: _lower_median(desired[d.id]) for d in module.dimensions if d.id in desired}
    return CollectedAnswers(
        respondents=tuple(respondents),
        desired={module.id: levels} if levels else {},
        versions={module.id: module.version},
        programme_id=next(iter(programmes), None),
    )
