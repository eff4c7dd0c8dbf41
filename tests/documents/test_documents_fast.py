"""The generated fast reader and writer agree with the cattrs converter, the reference.

The fuzz tests (``test_documents_fuzz.py``) hold the two readers to the same
objects and refusals on corrupted documents; here: the writers give the same
bytes, documents that leave out fields with defaults read the same, and the
classes the fast reader cannot make by setting slots are made by calling them.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage import _validators as _v
from compagnonnage.documents import (
    SCHEMA_VERSION,
    DocumentConverter,
    DocumentError,
    dumpb,
    dumps,
    loads,
    make_converter,
)
from compagnonnage.documents._io import _OPTIONS, DOCUMENT_NAMES, _read_detailed, _read_fast
from compagnonnage.errors import InvalidValueError
from compagnonnage.example import togo_programme
from compagnonnage.model import Affiliation, Expert, Programme
from compagnonnage.testing.strategies import bodies, experts, findings, programmes, support_actions

CONVERTER = make_converter()


def _reference_bytes(obj: Any, cl: Any, name: str, conv: DocumentConverter = CONVERTER) -> bytes:
    """What the cattrs converter writes for ``obj`` (the path ``dumps`` falls back to)."""
    return orjson.dumps(
        {"schema_version": SCHEMA_VERSION, name: conv.unstructure(obj, cl)}, option=_OPTIONS
    )


@given(programmes())
def test_the_fast_writer_writes_the_reference_bytes(programme: Programme) -> None:
    assert dumpb(programme, converter=CONVERTER) == _reference_bytes(
        programme, Programme, "programme"
    )


@given(st.one_of(bodies(), findings(), support_actions(), experts().map(lambda team: team[0])))
def test_the_fast_writer_writes_the_reference_bytes_of_parts(obj: Any) -> None:
    written = dumpb(obj, converter=CONVERTER)
    name = next(iter(json.loads(written).keys() - {"schema_version"}))
    cl = next(t for t, n in DOCUMENT_NAMES.items() if n == name)
    assert written == _reference_bytes(obj, cl, name)
    assert loads(written, cls=cl) == obj


def test_dumpb_is_dumps_encoded() -> None:
    programme = togo_programme()
    assert dumpb(programme) == dumps(programme).encode("utf-8")
    assert dumpb(programme).endswith(b"}\n")


def _without_defaults(value: Any, draw: st.DrawFn) -> Any:
    """``value`` with some keys whose values are the writer's defaults left out."""
    if isinstance(value, list):
        return [_without_defaults(v, draw) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if item in (None, []) and key != "kind" and draw(st.booleans()):
            continue
        out[key] = _without_defaults(item, draw)
    return out


@st.composite
def _sparse_documents(draw: st.DrawFn) -> tuple[Programme, bytes]:
    programme = draw(programmes())
    doc = _without_defaults(json.loads(dumps(programme)), draw)
    return programme, json.dumps(doc, ensure_ascii=False).encode("utf-8")


@given(_sparse_documents())
def test_documents_without_optional_fields_read_the_same(case: tuple[Programme, bytes]) -> None:
    programme, data = case
    fast = _read_fast(data, Programme, CONVERTER, "programme")
    try:
        detailed: Programme | None = _read_detailed(data, Programme, CONVERTER, "programme")
    except DocumentError:
        detailed = None
    assert fast == detailed
    if fast is not None:
        assert dumps(fast) == dumps(programme)


# -- classes the fast reader makes by calling them ------------------------------------


@attrs.frozen(cache_hash=True)
class _Hashed:
    label: str = attrs.field(validator=attrs.validators.min_len(2))


@attrs.frozen
class _Computed:
    first: str
    length: int = attrs.field(init=False)

    @length.default
    def _length(self) -> int:
        return len(self.first)


def _converter_with(*types: type) -> DocumentConverter:
    names = {**DOCUMENT_NAMES, **{t: t.__name__.lower() for t in types}}
    return DocumentConverter(names, types)


@pytest.mark.parametrize("cl", [_Hashed, _Computed])
def test_classes_outside_the_fast_path_are_made_by_their_init(cl: type) -> None:
    conv = _converter_with(cl)
    made = conv._fast_structure({"label": "ab"} if cl is _Hashed else {"first": "abc"}, cl)
    assert type(made) is cl
    if cl is _Hashed:
        assert hash(made) == hash(_Hashed("ab"))
        with pytest.raises(ValueError, match="Length of 'label'"):
            conv._fast_structure({"label": "a"}, cl)  # its validator ran
    else:
        assert made.length == 3


def _at_most_five(instance: object, attribute: object, value: int) -> None:
    if value > 5:
        raise ValueError("at most 5")


@attrs.frozen(kw_only=True)
class _Plugged:
    """A plugin's kind of record: our validators, its own, a converter and a post-init check."""

    id: str = attrs.field(validator=_v.identifier)
    other: str = attrs.field(validator=_v.optional_identifier)  # None is still not a str
    level: int = attrs.field(converter=abs, validator=_at_most_five)
    tags: tuple[str, ...] = attrs.field(default=(), validator=_v.tuple_of(str, item=_v.text))
    note: str | None = attrs.field(default=None, validator=_v.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.id == self.other:
            raise ValueError("id and other differ")


_PLUGGED = _converter_with(_Plugged)
_ODD = st.sampled_from(["-x", " ", "", None, 3, -7, 9, True, [], ["a"], [" "], {}])


def _mostly(*good: Any) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(good), _ODD)


_PLUGGED_DATA = st.fixed_dictionaries(
    {"id": _mostly("a", "b"), "other": _mostly("a", "b", None), "level": _mostly(1, -3)},
    optional={"tags": _mostly(["t"], []), "note": _mostly("n"), "x": _ODD},
)


@given(_PLUGGED_DATA)
def test_the_fast_reader_agrees_with_the_reference_on_plugin_records(data: dict[str, Any]) -> None:
    try:
        fast: _Plugged | None = _PLUGGED._fast_structure(data, _Plugged)
    except Exception:
        fast = None
    try:
        detailed: _Plugged | None = _PLUGGED.structure(data, _Plugged)
    except DocumentError:
        detailed = None
    assert fast == detailed


def test_a_plugin_record_reads_with_its_converter_and_checks() -> None:
    made = _PLUGGED._fast_structure({"id": "a", "other": "b", "level": -3, "tags": ["t"]}, _Plugged)
    assert made == _Plugged(id="a", other="b", level=3, tags=("t",))
    for bad in ({"other": None}, {"level": 9}, {"other": "a"}, {"tags": [" "]}):
        data = {"id": "a", "other": "b", "level": 1, **bad}
        with pytest.raises(DocumentError):
            _PLUGGED.structure(data, _Plugged)
        with pytest.raises(Exception):  # noqa: B017, PT011 - the fast path refuses with anything
            _PLUGGED._fast_structure(data, _Plugged)


# -- what the fast reader checks without calling the model's validators ----------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "-starts-with-a-sign"),
        ("id", "x" * 129),
        ("id", 7),
        ("name", "   "),
        ("affiliation", "onsite"),
        ("languages", ["FR"]),
        ("competences", ["training", "training"]),
    ],
)
def test_the_fast_reader_refuses_what_the_model_refuses(field: str, value: Any) -> None:
    expert = {"id": "e1", "name": "Awa", "affiliation": "network", field: value}
    with pytest.raises(Exception):  # noqa: B017, PT011 - the fast path refuses with anything
        CONVERTER._fast_structure(expert, Expert)
    with pytest.raises(DocumentError):
        CONVERTER.structure(expert, Expert)


def test_a_refused_value_stays_refused_after_a_good_one() -> None:
    """The ids and dates the reader remembers as valid are never wrong ones."""
    good = {"id": "e1", "name": "Awa", "affiliation": "network"}
    for _ in range(2):
        made = CONVERTER._fast_structure(good, Expert)
        assert made == Expert(id="e1", name="Awa", affiliation=Affiliation.NETWORK)
        with pytest.raises(InvalidValueError):
            Expert(id="e 1", name="Awa", affiliation=Affiliation.NETWORK)
        with pytest.raises(Exception):  # noqa: B017, PT011
            CONVERTER._fast_structure({**good, "id": "e 1"}, Expert)


def test_readers_made_by_several_threads_at_once_agree() -> None:
    conv = make_converter()
    data = dumpb(togo_programme())
    results: list[Programme] = []

    def read() -> None:
        results.append(loads(data, converter=conv))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [togo_programme()] * 4


def test_history_times_are_written_as_the_reference_writes_them() -> None:
    programme = togo_programme()
    entry = programme.history[0]
    assert isinstance(entry.at, dt.datetime)
    assert entry.at.isoformat() in dumps(programme)


def test_support_actions_are_written_with_their_tags() -> None:
    programme = togo_programme()
    actions = json.loads(dumps(programme))["programme"]["accompaniment"]["actions"]
    assert [a["kind"] for a in actions] == [type(a).KIND for a in programme.accompaniment.actions]
