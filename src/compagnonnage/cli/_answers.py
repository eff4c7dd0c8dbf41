"""The answers document that ``diagnose --answers`` reads and ``demo`` writes.

Collected answers, grouped by respondent and by diagnostic module, with the
levels the body aims at::

    {
      "schema_version": 1,
      "answers": {
        "desired": {"consular-chamber": {"finances": 3}},
        "respondents": [
          {"id": "ucrm-sg", "group": "staff",
           "answers": {"consular-chamber": [
             {"question": "gov-bureau-meetings", "value": 4, "note": "registre des PV"}
           ]}}
        ]
      }
    }

A bad document raises :class:`~compagnonnage.documents.DocumentError` with every
problem located by its JSONPath, like programme documents.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from compagnonnage.diagnostics import Answer, Respondent, RespondentGroup
from compagnonnage.documents import DocumentError, Problem
from compagnonnage.errors import InvalidValueError

VERSION = 1


@frozen(kw_only=True)
class CollectedAnswers:
    """Answers by module id, and desired levels by module and dimension id."""

    answers: Mapping[str, tuple[Answer, ...]]
    desired: Mapping[str, Mapping[str, int]]


def dumps(collected: CollectedAnswers) -> str:
    """The answers document of ``collected``: keys sorted, UTF-8 kept, a final newline."""
    respondents: dict[str, dict[str, Any]] = {}
    for module_id, answers in collected.answers.items():
        for a in answers:
            entry = respondents.setdefault(
                a.respondent.id,
                {"id": a.respondent.id, "group": a.respondent.group.value, "answers": {}},
            )
            item: dict[str, Any] = {"question": a.question_id, "value": _plain(a.value)}
            if a.note is not None:
                item["note"] = a.note
            entry["answers"].setdefault(module_id, []).append(item)
    body = {
        "desired": {m: dict(levels) for m, levels in collected.desired.items()},
        "respondents": list(respondents.values()),
    }
    document = {"schema_version": VERSION, "answers": body}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _plain(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, path: str, fr: str, en: str) -> None:
        self.problems.append(Problem(path, fr, en))

    def mapping(self, value: object, path: str) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.bad(path, "attendu : un objet", "expected an object")
        return {}

    def listing(self, value: object, path: str) -> list[Any]:
        if isinstance(value, list):
            return value
        self.bad(path, "attendu : un tableau", "expected an array")
        return []

    def keys(self, value: dict[str, Any], path: str, required: set[str], allowed: set[str]) -> None:
        for key in sorted(required - value.keys()):
            self.bad(f"{path}.{key}", "champ obligatoire manquant", "required field missing")
        for key in sorted(value.keys() - allowed):
            self.bad(f"{path}.{key}", "champ inconnu", "unknown field")

    def respondent(self, raw: object, path: str) -> Respondent | None:
        entry = self.mapping(raw, path)
        self.keys(entry, path, {"id", "group", "answers"}, {"id", "group", "answers"})
        if not entry.keys() >= {"id", "group"}:
            return None
        groups = {g.value: g for g in RespondentGroup}
        if not isinstance(entry["group"], str) or entry["group"] not in groups:
            names = ", ".join(groups)
            self.bad(f"{path}.group", f"attendu : l'un de {names}", f"expected one of {names}")
            return None
        try:
            return Respondent(id=entry["id"], group=groups[entry["group"]])
        except InvalidValueError as err:
            self.bad(
                f"{path}.{err.field}",
                f"attendu : {err.expected.fr}",
                f"expected {err.expected.en}",
            )
        return None

    def answer(self, raw: object, path: str, respondent: Respondent | None) -> Answer | None:
        item = self.mapping(raw, path)
        self.keys(item, path, {"question", "value"}, {"question", "value", "note"})
        value: Any = item.get("value")
        if isinstance(value, float):
            value = Decimal(str(value))
        if respondent is None or not item.keys() >= {"question", "value"}:
            return None
        try:
            return Answer(
                respondent=respondent,
                question_id=item["question"],
                value=value,
                note=item.get("note"),
            )
        except InvalidValueError as err:
            field = {"question_id": "question"}.get(err.field, err.field)
            self.bad(
                f"{path}.{field}", f"attendu : {err.expected.fr}", f"expected {err.expected.en}"
            )
        return None

    def desired(self, raw: object, path: str) -> dict[str, dict[str, int]]:
        found: dict[str, dict[str, int]] = {}
        for module_id, levels in self.mapping(raw, path).items():
            where = f"{path}[{json.dumps(module_id)}]"
            for dimension_id, level in self.mapping(levels, where).items():
                if isinstance(level, bool) or not isinstance(level, int):
                    self.bad(
                        f"{where}[{json.dumps(dimension_id)}]",
                        "attendu : un niveau entier",
                        "expected a whole level",
                    )
                else:
                    found.setdefault(module_id, {})[dimension_id] = level
        return found


def loads(text: str | bytes, *, source: str | None = None) -> CollectedAnswers:
    """Read an answers document.

    :raises DocumentError: with every problem found, each with its JSONPath.
    """
    r = _Reader()
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as err:
        raise DocumentError(
            [Problem("$", f"JSON invalide : {err}", f"invalid JSON: {err}")], source
        ) from None
    root = r.mapping(document, "$")
    if isinstance(document, dict):  # an empty object still lacks its two keys
        r.keys(root, "$", {"schema_version", "answers"}, {"schema_version", "answers"})
        if "schema_version" in root and root["schema_version"] != VERSION:
            r.bad("$.schema_version", f"attendu : {VERSION}", f"expected {VERSION}")
    body = r.mapping(root.get("answers", {}), "$.answers")
    r.keys(body, "$.answers", {"respondents"}, {"respondents", "desired"})
    answers: dict[str, list[Answer]] = {}
    for i, raw in enumerate(r.listing(body.get("respondents", []), "$.answers.respondents")):
        path = f"$.answers.respondents[{i}]"
        respondent = r.respondent(raw, path)
        by_module = r.mapping(
            raw.get("answers", {}) if isinstance(raw, dict) else {}, f"{path}.answers"
        )
        for module_id, items in by_module.items():
            where = f"{path}.answers[{json.dumps(module_id)}]"
            for j, item in enumerate(r.listing(items, where)):
                answer = r.answer(item, f"{where}[{j}]", respondent)
                if answer is not None:
                    answers.setdefault(module_id, []).append(answer)
    desired = r.desired(body.get("desired", {}), "$.answers.desired")
    if r.problems:
        raise DocumentError(r.problems, source)
    return CollectedAnswers(answers={m: tuple(a) for m, a in answers.items()}, desired=desired)


def load(path: str | Path) -> CollectedAnswers:
    """Read the answers document at ``path`` (see :func:`loads`)."""
    with open(path, "rb") as f:
        return loads(f.read(), source=str(path))
