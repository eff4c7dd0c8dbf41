"""Answers rendered as each export of ODK Central and KoboToolbox import back as they were."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from forms_support import (
    central_csv,
    central_json,
    collected_answers,
    kobo_csv,
    kobo_json,
    modules,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compagnonnage.diagnostics import CollectedAnswers, DiagnosticModule, score
from compagnonnage.documents import answers_problems, dumps, json_schema, loads
from compagnonnage.forms import read_exports
from compagnonnage.plugins import get_plugin_manager

Render = Callable[[CollectedAnswers, DiagnosticModule], str]

SHAPES: dict[str, Render] = {
    "central-csv": central_csv,
    "central-csv-no-group-paths": lambda a, m: central_csv(a, m, group_paths=False),
    "central-csv-edited": lambda a, m: central_csv(a, m, edited=True),
    "central-json": central_json,
    "kobo-json": kobo_json,
    "kobo-json-bare-list": lambda a, m: kobo_json(a, m, bare=True),
    "kobo-json-edited": lambda a, m: kobo_json(a, m, edited=True),
    "kobo-csv": kobo_csv,
    "kobo-csv-no-group-paths": lambda a, m: kobo_csv(a, m, group_paths=False),
}
INSTALLED = get_plugin_manager().modules()
SCHEMA = json_schema(CollectedAnswers)
_FEW = settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _import(
    tmp_path: Path, text: str, module: DiagnosticModule, **options: Any
) -> CollectedAnswers:
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8", newline="")
    return read_exports([path], module, **options).answers


def _same_scores(module: DiagnosticModule, a: CollectedAnswers, b: CollectedAnswers) -> None:
    def levels(c: CollectedAnswers) -> list[Any]:
        result = score(module, c.answers(module.id), desired=c.desired.get(module.id))
        return [(d.dimension.id, d.level, d.desired, dict(d.by_group)) for d in result.dimensions]

    assert levels(a) == levels(b)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("module", INSTALLED, ids=[m.id for m in INSTALLED])
@_FEW
@given(data=st.data())
def test_answers_to_installed_modules_import_back_from_every_export(
    tmp_path: Path, module: DiagnosticModule, shape: str, data: st.DataObject
) -> None:
    answers = data.draw(collected_answers(module))
    back = _import(tmp_path, SHAPES[shape](answers, module), module)
    assert back == answers
    _same_scores(module, back, answers)


@pytest.mark.parametrize("shape", SHAPES)
@_FEW
@given(data=st.data())
def test_answers_to_generated_modules_import_back_from_every_export(
    tmp_path: Path, shape: str, data: st.DataObject
) -> None:
    module = data.draw(modules())
    answers = data.draw(collected_answers(module))
    back = _import(tmp_path, SHAPES[shape](answers, module), module)
    assert back == answers
    _same_scores(module, back, answers)
    text = dumps(back)
    assert loads(text, cls=CollectedAnswers) == back
    jsonschema.validate(json.loads(text), SCHEMA)
    assert answers_problems(back, [module]) == []


@pytest.mark.parametrize(
    "render",
    [
        lambda a, m: central_csv(a, m, rejected=0),
        lambda a, m: central_json(a, m, rejected=0),
        lambda a, m: kobo_json(a, m, rejected=0),
        lambda a, m: kobo_csv(a, m, rejected=0),
    ],
    ids=["central-csv", "central-json", "kobo-json", "kobo-csv"],
)
@_FEW
@given(data=st.data())
def test_rejected_submissions_are_skipped_when_asked(
    tmp_path: Path, render: Render, data: st.DataObject
) -> None:
    module = INSTALLED[0]
    answers = data.draw(collected_answers(module))
    path = tmp_path / "export.txt"
    path.write_text(render(answers, module), encoding="utf-8", newline="")
    kept = read_exports([path], module)
    assert kept.answers == answers
    assert kept.skipped == {"edited": 0, "rejected": 0}
    skipped = read_exports([path], module, skip_rejected=True)
    assert skipped.skipped == {"edited": 0, "rejected": 1}
    assert [r.id for r in skipped.answers.respondents] == [r.id for r in answers.respondents[1:]]
