"""Random corruption of valid documents: they load or raise DocumentError, nothing else.

The same corrupted values also hold the fast converter to the detailed one (the
reference): both accept or both refuse, and what they build is equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import Lang, Message
from compagnonnage.documents import DocumentError, dumps, loads, make_converter
from compagnonnage.documents._io import _read_detailed, _read_fast
from compagnonnage.model import Programme
from compagnonnage.testing.strategies import programmes

CONVERTER = make_converter()
HERE = Path(__file__).parent
_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.builds(list),
    st.builds(dict),
    st.just("on_site"),
    st.just("training"),
    st.just("2021-02-29"),
    st.just("TG-M"),
)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every object and array in ``value``."""
    found = []
    if isinstance(value, dict | list):
        found.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            found.extend(_containers(item, (*path, key)))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


@st.composite
def corrupted_values(draw: st.DrawFn) -> Any:
    """A valid programme document with one to three keys deleted, values swapped or keys added."""
    doc = json.loads(dumps(draw(programmes())))
    for _ in range(draw(st.integers(1, 3))):
        target = _at(doc, draw(st.sampled_from(_containers(doc))))
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        action = draw(st.sampled_from(["delete", "swap", "add"]))
        if action == "add" or not keys:
            if isinstance(target, dict):
                target[draw(st.sampled_from(["kind", "id", "extra", "modality"]))] = draw(
                    _ODD_VALUES
                )
            else:
                target.append(draw(_ODD_VALUES))
        elif action == "delete":
            del target[draw(st.sampled_from(keys))]
        else:
            target[draw(st.sampled_from(keys))] = draw(_ODD_VALUES)
    return doc


@st.composite
def corrupted_bytes(draw: st.DrawFn) -> bytes:
    """A valid programme document, truncated or with a few bytes overwritten."""
    data = dumps(draw(programmes())).encode("utf-8")
    if draw(st.booleans()):
        return data[: draw(st.integers(0, len(data)))]
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    return bytes(out)


Said = Callable[[Message], dict[Lang, str]]


def _loads_or_document_error(data: bytes, every_language: Said) -> None:
    try:
        programme: Programme | None = loads(data)
    except DocumentError as err:
        programme = None
        problems = err.problems
    if programme is None:
        assert problems
        assert all(p.path.startswith("$") for p in problems)
        for problem in problems:  # said in every language, every placeholder filled
            every_language(problem.text)
    else:
        assert loads(dumps(programme)) == programme


@given(corrupted_values())
def test_corrupted_values_load_or_raise_document_error(every_language: Said, doc: Any) -> None:
    _loads_or_document_error(json.dumps(doc, ensure_ascii=False).encode("utf-8"), every_language)


@given(corrupted_bytes())
def test_corrupted_bytes_load_or_raise_document_error(every_language: Said, data: bytes) -> None:
    _loads_or_document_error(data, every_language)


@given(corrupted_values())
def test_fast_and_detailed_converters_agree(doc: Any) -> None:
    payload = doc.get("programme")
    try:
        fast: Programme | None = CONVERTER._fast_structure(payload, Programme)
    except Exception:
        fast = None
    try:
        detailed: Programme | None = CONVERTER.structure(payload, Programme)
    except DocumentError:
        detailed = None
    assert fast == detailed


@given(programmes())
def test_fast_and_detailed_converters_build_equal_programmes(programme: Programme) -> None:
    payload = json.loads(dumps(programme))["programme"]
    assert CONVERTER._fast_structure(payload, Programme) == programme
    assert CONVERTER.structure(payload, Programme) == programme


def _both_readers(data: bytes) -> tuple[Programme | None, Programme | None]:
    """What the fast reader and the detailed one make of ``data`` (``None``: refused)."""
    fast = _read_fast(data, Programme, CONVERTER, "programme")
    try:
        detailed: Programme | None = _read_detailed(data, Programme, CONVERTER, "programme")
    except DocumentError:
        detailed = None
    return fast, detailed


@given(corrupted_bytes())
def test_the_fast_and_detailed_readers_agree(data: bytes) -> None:
    fast, detailed = _both_readers(data)
    assert fast == detailed


@pytest.mark.parametrize(
    "path", sorted((HERE / "bad").glob("*.json")) + sorted((HERE / "good").glob("*.json")), ids=str
)
def test_the_fast_and_detailed_readers_agree_on_the_corpus(path: Path) -> None:
    fast, detailed = _both_readers(path.read_bytes())
    assert fast == detailed
    assert (fast is None) == (path.parent.name == "bad" and not _dangling_only(path))


def _dangling_only(path: Path) -> bool:
    """Whether the bad document is well formed and wrong only in its cross-references."""
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    return (
        all(
            "duplicate id" in line
            or "unknown" in line
            or "not in the programme" in line
            or "reference partner" in line
            for line in expected.splitlines()
        )
        and "unknown field" not in expected
    )
