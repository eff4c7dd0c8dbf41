"""Round trips: every generated object loads back equal, and writes back byte for byte."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage import model
from compagnonnage.documents import (
    DocumentConverter,
    dumps,
    json_schema,
    load,
    loads,
    make_converter,
)
from compagnonnage.example import togo_programme, togo_steps
from compagnonnage.model import Finding, Programme, Stage, SupportAction
from compagnonnage.testing.samples import sample_programme
from compagnonnage.testing.strategies import (
    bodies,
    experts,
    findings,
    programmes,
    region_refs,
    support_actions,
    trade_refs,
)

HERE = Path(__file__).parent


@cache
def _validator(cls: type) -> jsonschema.Draft202012Validator:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _round_trip(obj: Any, cls: type) -> None:
    text = dumps(obj)
    back = loads(text, cls=cls)
    assert back == obj
    assert type(back) is type(obj)
    assert dumps(back) == text
    assert loads(text.encode("utf-8"), cls=cls) == obj
    _validator(cls).validate(json.loads(text))


@given(programmes())
def test_programmes_round_trip(programme: Programme) -> None:
    _round_trip(programme, Programme)


@given(programmes(stage=st.just(Stage.ACCOMPANIMENT), min_actions=3, max_findings=6))
def test_programmes_with_every_stage_filled_round_trip(programme: Programme) -> None:
    _round_trip(programme, Programme)


@given(bodies())
def test_bodies_round_trip(body: model.Body) -> None:
    _round_trip(body, model.Body)


@given(experts())
def test_experts_round_trip(team: tuple[model.Expert, ...]) -> None:
    for expert in team:
        _round_trip(expert, model.Expert)


@given(findings())
def test_findings_round_trip_as_the_union_and_as_their_kind(finding: Finding) -> None:
    _round_trip(finding, Finding)
    assert loads(dumps(finding), cls=type(finding)) == finding


@given(support_actions())
def test_support_actions_round_trip_as_the_union_and_as_their_kind(action: SupportAction) -> None:
    _round_trip(action, SupportAction)
    assert loads(dumps(action), cls=type(action)) == action


@given(region_refs(), trade_refs())
def test_region_and_trade_references_round_trip(
    region: model.RegionRef, trade: model.TradeRef
) -> None:
    _round_trip(region, model.RegionRef)
    _round_trip(trade, model.TradeRef)


@pytest.mark.parametrize(("step", "programme"), list(togo_steps()), ids=lambda x: str(x)[:40])
def test_every_step_of_the_bundled_example_round_trips(step: str, programme: Programme) -> None:
    _round_trip(programme, Programme)


def _attrs_values(value: Any) -> Iterator[Any]:
    """Every attrs instance inside ``value``, ``value`` included."""
    if attrs.has(type(value)):
        yield value
        for a in attrs.fields(type(value)):
            yield from _attrs_values(getattr(value, a.name))
    elif isinstance(value, tuple | frozenset):
        for item in value:
            yield from _attrs_values(item)


def _model_classes() -> set[type]:
    return {
        c
        for c in (getattr(model, name) for name in model.__all__)
        if isinstance(c, type) and attrs.has(c) and not c.__subclasses__()
    }


def test_every_concrete_model_class_round_trips_as_a_document() -> None:
    samples: dict[type, Any] = {}
    sources = (togo_programme(), sample_programme(7), load(HERE / "good" / "programme-v3.json"))
    for value in _attrs_values(sources):
        samples.setdefault(type(value), value)
    missing = _model_classes() - samples.keys()
    assert not missing, f"no sample of {sorted(c.__name__ for c in missing)}"
    for cls, value in samples.items():
        _round_trip(value, cls)


def test_writing_is_deterministic_sorted_indented_and_keeps_accents() -> None:
    programme = togo_programme()
    text = dumps(programme)
    assert text == dumps(programme)
    assert text.endswith("}\n")
    assert "Lomé" in text
    assert "\\u00e9" not in text
    assert text.startswith('{\n  "programme": {\n    "accompaniment": {')
    assert text.rstrip().endswith('"schema_version": 3\n}')
    doc = json.loads(text)
    assert json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n" == text


def test_value_formats() -> None:
    programme = load(HERE / "good" / "programme-v3.json")
    doc = json.loads(dumps(programme))["programme"]
    assert doc["beneficiary"]["region"] == "TG-M"
    assert doc["scope"]["regions"] == ["TG"]
    assert doc["scope"]["trades"] == [{"code": "BAT-01", "nomenclature": "uemoa"}]
    assert doc["beneficiary"]["kind"] == "consular_chamber"
    assert doc["history"][0]["at"] == "2021-01-04T09:00:00+00:00"
    assert doc["planned"] == {"end": "2022-12-31", "start": "2021-01-01"}
    training, support, design = doc["accompaniment"]["actions"]
    assert (training["kind"], support["kind"]) == ("training", "methodological_support")
    assert support["domain"] == "trades_register"
    assert doc["experts"][0]["competences"] == ["institutional_diagnosis", "training"]
    pricing = design["offer"]["services"][0]["pricing"]
    assert (pricing["member_price"], pricing["non_member_price"]) == ("5000", "7500.50")
    assert doc["diagnostic"]["issues"][0]["kind"] == "major_issue"


def test_a_new_converter_reads_what_the_default_one_writes() -> None:
    converter = make_converter()
    assert isinstance(converter, DocumentConverter)
    programme = togo_programme()
    assert loads(dumps(programme), converter=converter) == programme
    assert dumps(programme, converter=converter) == dumps(programme)
