"""Diagnostic modules, answers, results, catalogues and plugins' types as documents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any, ClassVar

import attrs
import compagnonnage_building
import compagnonnage_food
import compagnonnage_uemoa
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import Text
from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    ChoiceQuestion,
    CollectedAnswers,
    DiagnosticModule,
    DiagnosticResult,
    NumberQuestion,
    Question,
    Respondent,
    RespondentGroup,
    Scale,
    SuggestedFindings,
    TextQuestion,
    YesNoQuestion,
    score,
)
from compagnonnage.documents import (
    DocumentConverter,
    DocumentError,
    dumps,
    json_schema,
    loads,
    make_converter,
)
from compagnonnage.plugins import PluginManager, get_plugin_manager, hookimpl

REFERENCE_PLUGINS = (compagnonnage_building, compagnonnage_food, compagnonnage_uemoa)


def _manager(*plugins: object) -> PluginManager:
    return get_plugin_manager(entry_points=False, plugins=plugins)


CONVERTER = make_converter()


@cache
def _validator(cls: Any, converter: DocumentConverter) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(cls, converter=converter))


def _round_trip(obj: Any, cls: Any, converter: DocumentConverter = CONVERTER) -> str:
    text = dumps(obj, converter=converter)
    back = loads(text, cls=cls, converter=converter)
    assert back == obj
    assert dumps(back, converter=converter) == text
    _validator(cls, converter).validate(json.loads(text))
    return text


def _registered(pm: PluginManager) -> Iterator[tuple[type, object]]:
    yield from ((DiagnosticModule, m) for m in pm.modules())
    yield from ((type(c), c) for c in pm.catalogues())
    yield from ((type(n), n) for n in pm.nomenclatures())
    yield from ((type(r), r) for r in pm.regions().values())


def test_everything_the_reference_plugins_register_round_trips() -> None:
    pm = _manager(*REFERENCE_PLUGINS)
    assert not pm.load_errors
    converter = make_converter(pm)
    kinds = set()
    for cls, obj in _registered(pm):
        _round_trip(obj, cls, converter)
        kinds.add(cls.__name__)
    assert kinds == {"DiagnosticModule", "ServiceCatalogue", "Nomenclature", "RegionProfile"}


def _answers(module: DiagnosticModule, seed: int) -> tuple[Answer, ...]:
    people = (
        Respondent(id="elu-1", group=RespondentGroup.ELECTED_OFFICIALS),
        Respondent(id="sg", group=RespondentGroup.STAFF),
    )
    answers = []
    for i, q in enumerate(module.questions):
        for j, who in enumerate(people):
            k = seed + i + j
            value: bool | int | Decimal | str
            if isinstance(q, YesNoQuestion):
                value = k % 2 == 0
            elif isinstance(q, ChoiceQuestion):
                value = q.choices[k % len(q.choices)].id
            elif isinstance(q, NumberQuestion):
                value = Decimal(k) / 4 if j else k
            else:
                value = f"réponse libre {k}"
            answers.append(Answer(respondent=who, question_id=q.id, value=value, note=None))
    return tuple(answers)


@given(st.integers(0, 50))
def test_answers_and_diagnostic_results_round_trip(seed: int) -> None:
    answers = _answers(CONSULAR_CHAMBER_MODULE, seed)
    collected = CollectedAnswers.of({CONSULAR_CHAMBER_MODULE.id: answers}, desired={"m": {"d": 2}})
    _round_trip(collected, CollectedAnswers)
    assert set(collected.answers(CONSULAR_CHAMBER_MODULE.id)) == set(answers)
    result = score(CONSULAR_CHAMBER_MODULE, answers)
    _round_trip(result, DiagnosticResult)
    _round_trip(result.findings("fr"), SuggestedFindings)


def test_answer_values_keep_their_type() -> None:
    who = Respondent(id="r", group=RespondentGroup.PARTNERS)
    values = [True, 3, 2.5, Decimal("12.50"), "12.50"]
    answers = tuple(
        Answer(respondent=who, question_id=f"q{i}", value=v) for i, v in enumerate(values)
    )
    collected = CollectedAnswers.of({"m": answers})
    doc = json.loads(dumps(collected))
    given = doc["answers"]["respondents"][0]["answers"]["m"]
    assert [a["value"] for a in given] == [True, 3, 2.5, {"decimal": "12.50"}, "12.50"]
    back = loads(dumps(collected), cls=CollectedAnswers)
    assert [type(a.value) for a in back.answers("m")] == [bool, int, float, Decimal, str]


def test_a_bad_answer_value_is_located() -> None:
    who = Respondent(id="r", group=RespondentGroup.PARTNERS)
    collected = CollectedAnswers.of({"m": (Answer(respondent=who, question_id="q", value=1),)})
    doc = json.loads(dumps(collected))
    doc["answers"]["respondents"][0]["answers"]["m"][0]["value"] = [1]
    doc["answers"]["respondents"][0]["group"] = "everyone"
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc), cls=CollectedAnswers)
    assert [str(p) for p in caught.value.problems] == [
        "$.answers.respondents[0].group: expected one of constituents, elected_officials, "
        'partners, staff, got "everyone"',
        "$.answers.respondents[0].answers.m[0].value: expected true or false, a number, a text "
        'or {"decimal": "12.50"}, got an array',
    ]


@attrs.frozen(kw_only=True)
class _RatingQuestion(Question):
    """A plugin's own question kind: a rating from 0 to 10."""

    KIND: ClassVar[str] = "rating_test"

    top: int = 10

    def level_of(self, value: object, scale: Scale) -> int | None:
        return None

    def check_scale(self, scale: Scale) -> None:
        return None


class _RatingPlugin:
    @hookimpl
    def compagnonnage_register_modules(self, register: Any) -> None:
        base = CONSULAR_CHAMBER_MODULE
        dimension = base.dimensions[0]
        register(
            DiagnosticModule(
                id="rating-test",
                version="1",
                title=Text("Notes", "Ratings", pt="Notas"),
                dimensions=(dimension,),
                questions=(
                    _RatingQuestion(
                        id="rating", dimension_id=dimension.id, text=Text("Note ?", "Rating?")
                    ),
                    TextQuestion(
                        id="comment", dimension_id=dimension.id, text=Text("Avis ?", "Views?")
                    ),
                ),
            )
        )


def test_a_plugin_question_kind_takes_part_in_the_tagged_union() -> None:
    pm = _manager(_RatingPlugin())
    assert not pm.load_errors
    assert _RatingQuestion in pm.registered_types()
    converter = make_converter(pm)
    module = next(m for m in pm.modules() if m.id == "rating-test")
    text = _round_trip(module, DiagnosticModule, converter)
    kinds = [q["kind"] for q in json.loads(text)["diagnostic_module"]["questions"]]
    assert kinds == ["rating_test", "text"]
