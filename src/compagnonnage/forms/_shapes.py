"""Export files of ODK Central and KoboToolbox: their shapes, read into submissions.

A submission is the cells of one row (CSV) or one object (JSON), with what the
server says about it: its key (edits of a submission share it), when it was
submitted, and whether a reviewer rejected it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from attrs import define

from compagnonnage._i18n import Message, _
from compagnonnage.forms._errors import ExportProblem
from compagnonnage.forms._export import LANGUAGE_NAMES
from compagnonnage.forms._layout import (
    METADATA,
    MODULE_ID,
    MODULE_VERSION,
    PROGRAMME_ID,
    RESPONDENT_GROUP,
    RESPONDENT_ID,
    Layout,
)

MAX_EXPORT_SIZE = 64 * 1024 * 1024
"""The largest export file read, in bytes: 64 MiB."""

_MAX_DEPTH = 32

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
FORMATS: dict[str, Message] = {
    "central-csv": _("ODK Central CSV"),
    "central-json": _("ODK Central OData JSON"),
    "kobo-json": _("KoboToolbox JSON"),
    "kobo-csv": _("KoboToolbox CSV"),
}
"""The export shapes read, by key, with their names (``FORMATS[key](lang)``)."""


@define
class _Submission:
    source: str
    row: int
    json: bool
    cells: dict[str, Any]
    key: str | None = None
    submitted: str = ""
    rejected: bool = False

    def problem(self, column: str | None, text: Message) -> ExportProblem:
        return ExportProblem(self.source, self.row, column, text, json=self.json)


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
                _("the file is not UTF-8 (byte {byte})", byte=exc.start),
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
    def bad(text: Message) -> tuple[str, list[_Submission]]:
        problems.append(ExportProblem(source, None, None, text, json=True))
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
        return bad(
            _("invalid JSON (line {line}, column {column})", line=exc.lineno, column=exc.colno)
        )
    except (ValueError, RecursionError):
        return bad(_("refused JSON (NaN, Infinity or nesting too deep)"))
    if repeated:
        names = ", ".join(dict.fromkeys(repeated))
        return bad(_("keys repeated in an object: {names}", names=names))
    if type(document) is dict and type(document.get("value")) is list:
        shape, items = "central-json", document["value"]
    elif type(document) is dict and type(document.get("results")) is list:
        shape, items = "kobo-json", document["results"]
    elif type(document) is list:
        shape, items = "kobo-json", document
    else:
        return bad(
            _(
                "neither an ODK Central OData export ({central}) nor a KoboToolbox JSON "
                "export ({kobo})",
                central='{"value": […]}',
                kobo='{"results": […]}',
            )
        )
    submissions = []
    for i, item in enumerate(items, 1):
        if type(item) is not dict:
            problems.append(ExportProblem(source, i, None, _("expected an object"), json=True))
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
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        problems.append(ExportProblem(source, None, None, _("empty file")))
        return "central-csv", []
    shape = "central-csv" if {"KEY", "SubmissionDate"} & set(header) else "kobo-csv"
    if shape == "kobo-csv" and _is_label_export(header, names):
        problems.append(
            ExportProblem(
                source,
                1,
                None,
                _(
                    "an export with question labels: in KoboToolbox, export with "
                    "'XML values and headers'"
                ),
            )
        )
        return shape, []
    if len(set(header)) != len(header):
        twice = ", ".join(_repeated(header))
        problems.append(ExportProblem(source, 1, None, _("columns repeated: {names}", names=twice)))
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
                        _(
                            "{cells} cells for {columns} columns (a truncated file?)",
                            cells=len(row),
                            columns=len(header),
                        ),
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
            ExportProblem(source, line + 1, None, _("unreadable CSV ({error})", error=str(exc)))
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
                _("file too large (over {size} bytes)", size=MAX_EXPORT_SIZE),
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
