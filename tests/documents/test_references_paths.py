"""Dangling and duplicate ids in a document are all found, whichever way their ids sort."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from compagnonnage.documents import DocumentError, dumps, loads
from compagnonnage.model import Stage
from compagnonnage.testing.samples import sample_programme


def _document(stage: Stage = Stage.ACCOMPANIMENT) -> dict[str, Any]:
    p = sample_programme(5, stage=stage, experts=3, missions=2, findings=6, actions=3)
    doc: dict[str, Any] = json.loads(dumps(p))
    return doc


def _problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(doc))
    return [str(p) for p in caught.value.problems]


def test_a_duplicate_in_every_list_is_reported_in_every_list() -> None:
    doc = _document()
    p = doc["programme"]
    lists = [
        p["experts"],
        p["beneficiary"]["officials"],
        p["diagnostic"]["missions"],
        p["diagnostic"]["issues"],
        p["diagnostic"]["recommendations"],
        p["accompaniment"]["actions"],
    ]
    for records in lists:
        records.append(copy.deepcopy(records[0]))
    found = [line for line in _problems(doc) if "duplicate id" in line]
    assert len(found) == len(lists)


@pytest.mark.parametrize("body", ["aa-other-body", "zz-other-body"])
def test_a_partner_of_another_body_is_reported_whichever_way_the_ids_sort(body: str) -> None:
    doc = _document()
    doc["programme"]["reference_partner"]["body_id"] = body
    assert any(line.startswith("$.programme.reference_partner.body_id:") for line in _problems(doc))


def test_a_draft_without_a_reference_partner_reads_back() -> None:
    doc = _document(Stage.DRAFT)
    doc["programme"]["reference_partner"] = None
    programme = loads(json.dumps(doc))
    assert programme.reference_partner is None
