"""The problems of an answers document, said in every language the library speaks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compagnonnage._i18n import Lang, Message
from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE
from compagnonnage.documents import DocumentError, load_answers

MODULE = CONSULAR_CHAMBER_MODULE.id


def _answers(**body: Any) -> dict[str, Any]:
    return {"schema_version": 3, "answers": body}


BAD = _answers(
    respondents=[
        {
            "id": "r1",
            "group": "staff",
            "answers": {
                MODULE: [
                    {"question": "no-such-question", "value": 1},
                    {"question": "gov-mandate-plan", "value": "maybe"},
                    {"question": "gov-minutes", "value": 1},
                    {"question": "gov-minutes", "value": True},
                ],
                "other-module": [],
            },
        },
        {"id": "r1", "group": "partners", "answers": {}},
    ],
    desired={MODULE: {"finances": -5, "nope": 2}},
    versions={MODULE: "0.1"},
)


def _problems(tmp_path: Path) -> DocumentError:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(BAD), encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        load_answers(path, [CONSULAR_CHAMBER_MODULE])
    return caught.value


def test_every_problem_of_an_answers_document_is_said_in_every_language(
    tmp_path: Path, every_language: Callable[[Message], dict[Lang, str]]
) -> None:
    err = _problems(tmp_path)
    assert len(err.problems) == 9
    for problem in err.problems:
        said = every_language(problem.text)
        assert len(set(said.values())) == 3, said


def test_the_words_of_answers_problems_in_french_and_portuguese(tmp_path: Path) -> None:
    by_path = {p.path.rsplit(".", 1)[-1]: p for p in _problems(tmp_path).problems}
    finances = by_path["finances"]
    assert finances.message("en") == "expected a level from 1 to 4, got -5"
    assert finances.message("fr") == "attendu : un niveau de 1 à 4, reçu -5"
    assert finances.message("pt") == "esperado: um nível de 1 a 4, recebido -5"
    nope = by_path["nope"]
    assert nope.message("fr").startswith("dimension inconnue (connues : ")
    assert nope.message("pt").startswith("dimensão desconhecida (conhecidas: ")
    repeated = by_path["id"]
    assert repeated.message("pt") == "inquirido já presente em respondents[0]"
    yes_no = next(p for p in by_path.values() if "got 1" in p.message("en") and "true" in str(p))
    assert yes_no.message("fr") == "attendu : true (oui) ou false (non), reçu 1"
    assert yes_no.message("pt") == "esperado: true (sim) ou false (não), recebido 1"
