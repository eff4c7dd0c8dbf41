"""A converter makes its readers, writers and hooks on first need, and shows their text in tracebacks."""

from __future__ import annotations

import json
import linecache
import subprocess
import sys
import traceback

import pytest

from compagnonnage.documents import DocumentError, dumps, loads, make_converter
from compagnonnage.example import togo_programme
from compagnonnage.model import Affiliation, Expert

_PROBE = """
import json, linecache, sys
from compagnonnage.documents import DocumentError, dumps, loads, make_converter
from compagnonnage.example import togo_programme

def generated():
    names = [k for k in linecache.cache if k.startswith(("<compagnonnage ", "<cattrs "))]
    return {
        "readers": sum(k.startswith("<compagnonnage reader") for k in names),
        "writers": sum(k.startswith("<compagnonnage writer") for k in names),
        "cattrs": sum(k.startswith("<cattrs ") for k in names),
        "cattrs imported": "cattrs" in sys.modules,
    }

steps = {}
text = dumps(togo_programme(), converter=make_converter())
converter = make_converter()
steps["made"] = generated()
programme = loads(text, converter=converter)
steps["read"] = generated()
dumps(programme, converter=converter)
steps["written"] = generated()
try:
    loads(text.replace('"on_site"', '"onsite"', 1), converter=converter)
except DocumentError as err:
    steps["problems"] = [p.path for p in err.problems]
steps["refused"] = generated()
print(json.dumps(steps))
"""


@pytest.fixture(scope="module")
def steps() -> dict[str, object]:
    """What a fresh interpreter has generated and imported after each step of a session."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_a_new_converter_has_generated_nothing(steps: dict[str, dict[str, int]]) -> None:
    # The first converter wrote the example; the probe's own converter adds nothing.
    made = steps["made"]
    assert made["cattrs"] == 0
    assert not made["cattrs imported"]


def test_a_good_document_is_read_and_written_without_cattrs(
    steps: dict[str, dict[str, int]],
) -> None:
    assert steps["read"]["readers"] > 0
    assert steps["written"]["writers"] == steps["made"]["writers"]  # one text per class
    assert steps["written"]["cattrs"] == 0
    assert not steps["written"]["cattrs imported"]


def test_a_bad_document_is_explained_by_the_reference(steps: dict[str, object]) -> None:
    assert steps["problems"] == ["$.programme.accompaniment.actions[0].modality"]
    refused = steps["refused"]
    assert isinstance(refused, dict)
    assert refused["cattrs imported"]
    assert refused["cattrs"] > 0


def test_generated_readers_show_their_text_in_tracebacks() -> None:
    converter = make_converter()
    read = converter._reader.record(Expert)
    name = read.__code__.co_filename
    assert name.startswith("<compagnonnage reader compagnonnage.model.")
    assert linecache.getline(name, 1) == "def read(d):\n"
    written = json.loads(dumps(Expert(id="e1", name="Awa", affiliation=Affiliation.NETWORK)))
    try:
        read({**written["expert"], "affiliation": "nowhere"})
    except KeyError as exc:
        frames = traceback.extract_tb(exc.__traceback__)
        assert frames[-1].filename == name
        assert frames[-1].line
    else:
        pytest.fail("an unknown affiliation was read")


def test_two_converters_agree_and_share_the_text_of_their_readers() -> None:
    first, second = make_converter(), make_converter()
    text = dumps(togo_programme())
    assert loads(text, converter=first) == loads(text, converter=second)
    assert (
        first._reader.record(Expert).__code__.co_filename
        == second._reader.record(Expert).__code__.co_filename
    )
    assert first._reader.record(Expert) is not second._reader.record(Expert)


def test_the_ids_a_reader_remembers_are_its_own() -> None:
    first, second = make_converter(), make_converter()
    good = {"id": "e1", "name": "Awa", "affiliation": "network"}
    assert first._fast_structure(good, Expert) == Expert(
        id="e1", name="Awa", affiliation=Affiliation.NETWORK
    )
    assert "e1" in first._reader._known.ids
    assert "e1" not in second._reader._known.ids
    with pytest.raises(DocumentError, match="id"):
        loads(
            json.dumps({"schema_version": 2, "expert": {**good, "id": "e 1"}}),
            cls=Expert,
            converter=second,
        )
