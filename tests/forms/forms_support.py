"""Exports laid out as ODK Central and KoboToolbox write them, rendered from collected answers.

Each renderer takes the answers to one module and writes what the server would
export for the submissions of that module's form: the same column order
(metadata where the server puts it), the same quoting, values as the server
writes them (Kobo: every value a string; Central OData: numbers as numbers).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from compagnonnage._i18n import Text
from compagnonnage.diagnostics import (
    Choice,
    ChoiceQuestion,
    CollectedAnswers,
    DiagnosticModule,
    Dimension,
    GivenAnswer,
    NumberQuestion,
    Question,
    RespondentAnswers,
    RespondentGroup,
    Scale,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.forms._export import _number_type
from compagnonnage.forms._layout import Layout, layout
from compagnonnage.forms._shapes import CENTRAL_METADATA

M = Text("texte", "text")


def _raw(question: Question, names: Layout, value: Any) -> str:
    """A value as a form stores it: ``yes``/``no``, a choice name, a number or a text."""
    if isinstance(question, YesNoQuestion):
        return "yes" if value else "no"
    if isinstance(question, ChoiceQuestion):
        return names.choices[question.id][value]
    return str(value)


def _fields(
    answers: CollectedAnswers, respondent: RespondentAnswers, names: Layout
) -> Iterator[tuple[str | None, str, Any]]:
    """``(group name, field name, value)`` of a respondent's submission, in form order.

    Values are those of the form: strings, numbers left as numbers.
    """
    module = names.module
    yield None, "module_id", module.id
    yield None, "module_version", module.version
    if answers.programme_id is not None:
        yield None, "programme_id", answers.programme_id
    yield None, "respondent_id", respondent.id
    yield None, "respondent_group", respondent.group.value
    given = {a.question: a for a in respondent.answers.get(module.id, ())}
    desired = answers.desired.get(module.id, {}) if respondent is answers.respondents[0] else {}
    for d in module.dimensions:
        group = names.groups[d.id]
        for q in names.questions_of(d.id):
            a = given.get(q.id)
            yield group, names.questions[q.id], None if a is None else a.value
            yield group, names.notes[q.id], None if a is None else a.note
        level = desired.get(d.id)
        yield group, names.desired[d.id], None if level is None else str(level)


def _text_of(question: Question | None, names: Layout, value: Any) -> str:
    if value is None:
        return ""
    if question is None:
        return str(value)
    return _raw(question, names, value)


def _question_of(names: Layout, field: str) -> Question | None:
    for q in names.module.questions:
        if names.questions[q.id] == field:
            return q
    return None


def _rows(
    answers: CollectedAnswers, module: DiagnosticModule
) -> list[list[tuple[str | None, str, str]]]:
    names = layout(module)
    return [
        [
            (group, field, _text_of(_question_of(names, field), names, value))
            for group, field, value in _fields(answers, r, names)
        ]
        for r in answers.respondents
    ]


def _uuid(respondent_id: str, salt: str = "") -> str:
    """A submission's uuid, unique to its respondent as a server's would be."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{respondent_id}{salt}"))


def _key(respondent_id: str) -> str:
    return f"uuid:{_uuid(respondent_id)}"


def central_csv(
    answers: CollectedAnswers,
    module: DiagnosticModule,
    *,
    group_paths: bool = True,
    edited: bool = False,
    rejected: int | None = None,
) -> str:
    """ODK Central's CSV: ``SubmissionDate`` first, the fields, then ``meta-instanceID``, ``KEY``…

    ``edited`` adds, before each submission, an earlier version under the same
    ``KEY`` with an emptied first answer (the export of an overlapping period);
    ``rejected`` marks that submission as rejected by a reviewer.
    """
    rows = _rows(answers, module)
    question_fields = set(layout(module).questions.values())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    tail = ["meta-instanceID", *CENTRAL_METADATA[1:]]
    fields = [f"{g}-{f}" if g and group_paths else f for g, f, _ in rows[0]] if rows else []
    writer.writerow(["SubmissionDate", *fields, *tail])
    for n, row in enumerate(rows):
        key = _key(answers.respondents[n].id)
        values = [v for _, _, v in row]
        review = "rejected" if n == rejected else ""
        meta = [
            key,
            key,
            "7",
            "expert",
            "0",
            "0",
            "",
            review,
            "collect:abc",
            "1" if edited else "0",
            module.version,
        ]
        if edited:
            older = list(values)
            answered = [i for i, (_, f, v) in enumerate(row) if v and f in question_fields]
            if answered:
                older[answered[0]] = ""  # the first answer, before it was edited
            writer.writerow([f"2021-04-19T08:00:{n % 60:02d}.000Z", *older, *meta])
        writer.writerow([f"2021-04-20T09:30:{n % 60:02d}.123Z", *values, *meta])
    return out.getvalue()


def central_json(
    answers: CollectedAnswers, module: DiagnosticModule, *, rejected: int | None = None
) -> str:
    """ODK Central's OData JSON: groups as objects, numbers as numbers, ``__id``, ``__system``."""
    names = layout(module)
    value = []
    for n, r in enumerate(answers.respondents):
        item: dict[str, Any] = {"__id": _key(r.id)}
        for group, field, raw in _fields(answers, r, names):
            q = _question_of(names, field)
            if raw is not None and q is not None:
                if isinstance(q, NumberQuestion):
                    raw = int(raw) if _number_type(q) == "integer" else float(raw)
                else:
                    raw = _raw(q, names, raw)
            target = item.setdefault(group, {}) if group else item
            target[field] = raw
        item["meta"] = {"instanceID": _key(r.id)}
        item["__system"] = {
            "submissionDate": f"2021-04-20T09:30:{n % 60:02d}.123Z",
            "updatedAt": None,
            "submitterId": "7",
            "submitterName": "expert",
            "attachmentsPresent": 0,
            "attachmentsExpected": 0,
            "status": None,
            "reviewState": "rejected" if n == rejected else None,
            "deviceId": "collect:abc",
            "edits": 0,
            "formVersion": module.version,
        }
        value.append(item)
    return json.dumps(
        {
            "@odata.context": "https://central.example/v1/projects/1/forms/f.svc/$metadata#Submissions",
            "value": value,
        },
        ensure_ascii=False,
    )


def kobo_json(
    answers: CollectedAnswers,
    module: DiagnosticModule,
    *,
    bare: bool = False,
    edited: bool = False,
    rejected: int | None = None,
) -> str:
    """KoboToolbox's JSON: flat ``group/field`` keys, every value a string, ``_uuid``, ``meta/rootUuid``.

    ``edited`` adds the edited version of each submission after it: a new
    ``_uuid``, the same ``meta/rootUuid``, a later ``_submission_time``; the
    original carries an emptied first answer.
    """
    results = []
    for n, row in enumerate(_rows(answers, module)):
        root = _uuid(answers.respondents[n].id)
        item: dict[str, Any] = {"_id": 1000 + n, "formhub/uuid": "f0e1d2c3"}
        for group, field, text in row:
            if text:
                item[f"{group}/{field}" if group else field] = text
        item.update(
            {
                "__version__": "vabc",
                "meta/instanceID": f"uuid:{root}",
                "meta/rootUuid": f"uuid:{root}",
                "_xform_id_string": "aBcD",
                "_uuid": root,
                "_attachments": [],
                "_status": "submitted_via_web",
                "_geolocation": [None, None],
                "_submission_time": f"2021-04-20T09:30:{n % 60:02d}",
                "_tags": [],
                "_notes": [],
                "_validation_status": {"uid": "validation_status_not_approved"}
                if n == rejected
                else {},
                "_submitted_by": None,
            }
        )
        if edited:
            original = dict(item)
            first = next(
                (k for k in item if "/" in k and not k.startswith(("meta", "formhub"))), None
            )
            if first is not None:
                original.pop(first)
            original["_submission_time"] = f"2021-04-19T08:00:{n % 60:02d}"
            results.append(original)
            item["_uuid"] = _uuid(answers.respondents[n].id, "-edited")
            item["meta/instanceID"] = f"uuid:{item['_uuid']}"
            item["meta/deprecatedID"] = f"uuid:{root}"
        results.append(item)
    if bare:
        return json.dumps(results, ensure_ascii=False)
    return json.dumps(
        {"count": len(results), "next": None, "previous": None, "results": results},
        ensure_ascii=False,
    )


def kobo_csv(
    answers: CollectedAnswers,
    module: DiagnosticModule,
    *,
    group_paths: bool = True,
    rejected: int | None = None,
) -> str:
    """KoboToolbox's CSV: ``;``-separated, every cell quoted, XML names as headers."""
    rows = _rows(answers, module)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    tail = [
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
    ]
    fields = [f"{g}/{f}" if g and group_paths else f for g, f, _ in rows[0]] if rows else []
    writer.writerow([*fields, *tail])
    for n, row in enumerate(rows):
        writer.writerow(
            [
                *(v for _, _, v in row),
                str(1000 + n),
                _uuid(answers.respondents[n].id),
                f"2021-04-20T09:30:{n % 60:02d}",
                "Not Approved" if n == rejected else "",
                "",
                "submitted_via_web",
                "",
                "vabc",
                "",
                str(n + 1),
            ]
        )
    return out.getvalue()


# -- generated modules and answers -------------------------------------------------------

# Keys that clash once made into XLSForm names, or are too long for one.
_KEYS = st.sampled_from(
    ["a-b", "a_b", "a.b", "1st", "x" * 40, "x" * 41, "gov-minutes", "q", "q-note", "meta"]
)


@st.composite
def modules(draw: st.DrawFn) -> DiagnosticModule:
    """Modules whose ids clash once made into form names, with every built-in question kind."""
    size = draw(st.integers(2, 5))
    scale = Scale(low=1, high=size)
    dim_ids = draw(st.lists(_KEYS, min_size=1, max_size=3, unique=True))
    dimensions = tuple(
        Dimension(
            id=d,
            theme=M,
            title=Text(f"titre {d}", f"title {d}"),
            levels=tuple(Text(f"n{i}", f"l{i}") for i in range(size)),
        )
        for d in dim_ids
    )
    questions: list[Question] = []
    used: set[str] = set()
    for d in dim_ids:
        kinds = draw(
            st.lists(st.sampled_from(["yes_no", "choice", "number", "decimal", "text"]), max_size=4)
        )
        kinds.append(draw(st.sampled_from(["yes_no", "choice", "number", "decimal"])))
        for j, kind in enumerate(kinds):
            ident = draw(_KEYS.filter(lambda k: k not in used) | st.just(f"{d}-{j}"))
            if ident in used:
                ident = f"{d}-{j}-{len(used)}"
            used.add(ident)
            if kind == "yes_no":
                questions.append(YesNoQuestion(id=ident, dimension_id=d, text=M))
            elif kind == "choice":
                ids = draw(st.lists(_KEYS, min_size=2, max_size=4, unique=True))
                questions.append(
                    ChoiceQuestion(
                        id=ident,
                        dimension_id=d,
                        text=Text("=choix", "=choice"),
                        choices=tuple(Choice(id=c, label=M, level=1) for c in ids),
                    )
                )
            elif kind in ("number", "decimal"):
                step = Decimal(1) if kind == "number" else Decimal("0.5")
                cuts = sorted(
                    draw(
                        st.lists(
                            st.integers(-20, 40), min_size=size - 1, max_size=size - 1, unique=True
                        )
                    )
                )
                questions.append(
                    NumberQuestion(
                        id=ident, dimension_id=d, text=M, thresholds=[c * step for c in cuts]
                    )
                )
            else:
                questions.append(TextQuestion(id=ident, dimension_id=d, text=M))
    return DiagnosticModule(
        id=draw(_KEYS),
        version="2.1",
        title=M,
        scale=scale,
        dimensions=dimensions,
        questions=tuple(questions),
    )


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    | st.sampled_from(';,"\n\r\u2028\x85='),
    min_size=1,
    max_size=12,
).filter(str.strip)


def values_for(question: Question) -> st.SearchStrategy[Any]:
    """Values a form can hold for ``question``."""
    if isinstance(question, YesNoQuestion):
        return st.booleans()
    if isinstance(question, ChoiceQuestion):
        return st.sampled_from([c.id for c in question.choices])
    if isinstance(question, NumberQuestion):
        if _number_type(question) == "integer":
            return st.integers(0, 10**6)
        return st.decimals(0, 1000, places=2, allow_nan=False, allow_infinity=False)
    return _TEXT


@st.composite
def collected_answers(draw: st.DrawFn, module: DiagnosticModule) -> CollectedAnswers:
    """Answers of 1-4 respondents to ``module``, each question answered or not, as a form gives them."""
    names = list(
        dict.fromkeys(
            draw(
                st.lists(
                    st.sampled_from(["r1", "ucrm-sg", "elu.2", "x:y/z"]), min_size=1, max_size=4
                )
            )
        )
    )
    respondents = []
    for ident in names:
        given = []
        for q in module.questions:
            if draw(st.booleans()):
                given.append(
                    GivenAnswer(
                        question=q.id, value=draw(values_for(q)), note=draw(st.none() | _TEXT)
                    )
                )
        respondents.append(
            RespondentAnswers(
                id=ident,
                group=draw(st.sampled_from(RespondentGroup)),
                answers={module.id: tuple(given)} if given else {},
            )
        )
    desired = {
        d.id: draw(st.sampled_from(module.scale.levels))
        for d in module.dimensions
        if draw(st.booleans())
    }
    return CollectedAnswers(
        respondents=tuple(respondents),
        desired={module.id: desired} if desired else {},
        versions={module.id: module.version},
        programme_id=draw(st.none() | st.just("cma-ucrm-2021")),
    )
