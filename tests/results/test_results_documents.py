"""Results records in documents: the JSON Schema says what the loader reads, both readers agree."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage.documents import dumps, json_schema, loads, make_converter
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage
from compagnonnage.testing.strategies import programmes


def test_the_regenerated_schema_describes_results_and_the_ledger() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert schema["properties"]["schema_version"] == {"const": 3}
    assert "results" in defs["Programme"]["properties"]
    assert "ledger" in defs["Body"]["properties"]
    assert "membership" not in defs["Body"]["properties"]
    assert defs["Indicator"]["properties"]["measure"]["enum"] == sorted(
        ["count", "percentage", "capacity_level", "milestone", "qualitative"]
    )
    validator = jsonschema.Draft202012Validator(schema)
    doc = json.loads(dumps(togo_programme()))
    assert validator.is_valid(doc)
    doc["programme"]["results"]["indicators"][0]["direction"] = "sideways"
    assert not validator.is_valid(doc)


@given(programmes(stage=st.sampled_from([Stage.ACCOMPANIMENT, Stage.CLOSED])))
@settings(max_examples=30)
def test_results_round_trip_through_both_readers(p: Programme) -> None:
    text = dumps(p)
    assert loads(text) == p
    conv = make_converter()
    payload = json.loads(text)["programme"]
    assert conv._fast_structure(payload, Programme) == conv.structure(payload, Programme) == p
