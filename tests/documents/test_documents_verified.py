"""Writing does not check again a programme already found sound; every other one is checked.

A programme that ``loads`` built and checked, or that ``dumps`` checked before
writing it, is immutable: its cross-references stay sound. Any other object,
even one equal to it or made from it by ``attrs.evolve``, is checked.

A draft is written as it is, without the cross-reference check (its dangling or
repeated ids are the rules' to report), so the programmes here are past the draft.
"""

from __future__ import annotations

import copy
import gc

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.documents import DocumentError, _io, dumpb, dumps, loads
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage
from compagnonnage.testing.strategies import defective_programmes, programmes

_PAST_THE_DRAFT = st.sampled_from([s for s in Stage if s is not Stage.DRAFT])


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[Programme]:
    """The programmes whose cross-references are checked, in the order they are."""
    seen: list[Programme] = []
    check = _io._programme_problems

    def counting(programme: Programme, path: str) -> list[_io.Problem]:
        seen.append(programme)
        return check(programme, path)

    monkeypatch.setattr(_io, "_programme_problems", counting)
    return seen


def test_a_programme_read_is_written_without_a_second_check(checked: list[Programme]) -> None:
    text = dumps(togo_programme())
    checked.clear()
    programme = loads(text)
    assert checked == [programme]
    assert dumps(programme) == text
    assert dumpb(programme) == text.encode("utf-8")
    assert checked == [programme]


def test_a_programme_written_once_is_not_checked_when_written_again(
    checked: list[Programme],
) -> None:
    programme = togo_programme()
    first = dumps(programme)
    assert dumps(programme) == first
    assert len(checked) == 1
    assert checked[0] is programme


def test_an_equal_copy_is_checked_again(checked: list[Programme]) -> None:
    programme = loads(dumps(togo_programme()))
    checked.clear()
    for other in (attrs.evolve(programme), copy.copy(programme), copy.deepcopy(programme)):
        assert other == programme
        dumps(other)
    assert len(checked) == 3
    assert all(c is not programme for c in checked)


@given(programmes(stage=_PAST_THE_DRAFT))
def test_a_change_to_a_verified_programme_is_checked(programme: Programme) -> None:
    written = loads(dumps(programme))
    twin = attrs.evolve(written.experts[0], name="Homonyme")
    planted = attrs.evolve(written, experts=(*written.experts, twin))
    with pytest.raises(DocumentError, match="duplicate id"):
        dumps(planted)
    with pytest.raises(DocumentError, match="duplicate id"):
        dumpb(planted)


@given(defective_programmes("REF-002").filter(lambda p: p.stage is not Stage.DRAFT))
def test_a_refused_programme_stays_refused(programme: Programme) -> None:
    for _ in range(2):
        with pytest.raises(DocumentError, match="duplicate id"):
            dumps(programme)


def test_the_record_of_verified_programmes_goes_with_them() -> None:
    text = dumps(togo_programme())
    gc.collect()
    before = len(_io._VERIFIED)
    read = [loads(text) for _ in range(50)]
    assert len(_io._VERIFIED) == before + 50
    del read
    gc.collect()
    assert len(_io._VERIFIED) == before
