"""Hostile documents: bounded work whatever the input, and what is written reads back.

The worst documents under the size limit are timed in ``benchmarks/bench_hostile.py``;
here, the behaviour: problems capped and counted, arrays no longer checked once
enough problems are found, the real size of a file too large, what is not a
regular file refused before reading, and writing refused beyond the limit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import _, languages
from compagnonnage.documents import (
    MAX_DOCUMENT_SIZE,
    DocumentError,
    dump,
    dumpb,
    dumps,
    load,
    loads,
)
from compagnonnage.documents._problems import _MISSING, MAX_PROBLEMS, Problem, _capped, _Omitted
from compagnonnage.documents._reading import _deeper_than, _nested_deeper_than
from compagnonnage.example import togo_programme

GOOD = Path(__file__).parent / "good" / "programme-v3.json"
"""A good document at the current schema version: no migration moves a path, so a
problem's path is where the value stands in the text."""


def _document(change: Any) -> dict[str, Any]:
    document = json.loads(GOOD.read_bytes())
    change(document["programme"])
    return dict(document)


def _refused(document: dict[str, Any]) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        loads(json.dumps(document))
    return caught.value


def _expert_ids(values: list[Any]) -> Any:
    def change(programme: dict[str, Any]) -> None:
        programme["accompaniment"]["actions"][0]["expert_ids"] = values

    return change


IDS = "$.programme.accompaniment.actions[0].expert_ids"


# -- problems are capped --------------------------------------------------------------


def test_a_million_wrong_items_give_the_first_problems_and_stop_checking() -> None:
    err = _refused(_document(_expert_ids([0] * 1_000_000)))
    listed = [p for p in err.problems if not isinstance(p, _Omitted)]
    assert [str(p) for p in listed] == [
        f"{IDS}[{i}]: expected a string, got 0" for i in range(MAX_PROBLEMS)
    ]
    summaries = [str(p) for p in err.problems if isinstance(p, _Omitted)]
    assert (
        f"{IDS}: {1_000_000 - MAX_PROBLEMS - 1} more items not checked: reading stops after 100 problems"
        in summaries
    )
    assert (
        f"{IDS}[100]: … and 1 more problem of this kind, from here on (expected a string, got 0)"
        in summaries
    )
    assert len(err.problems) <= MAX_PROBLEMS + 4
    assert err.message("en").startswith("invalid document, 101 problems:")
    assert err.message("fr").startswith("document invalide, 101 problèmes :")
    assert err.message("pt").startswith("documento inválido, 101 problemas:")
    assert "999899 éléments suivants non vérifiés" in err.message("fr")
    assert "mais 999899 elementos não verificados" in err.message("pt")


def test_a_million_unknown_ids_are_counted_not_listed() -> None:
    err = _refused(_document(_expert_ids(["ghost"] * 1_000_000)))
    assert len(err.problems) == MAX_PROBLEMS + 1
    assert str(err.problems[-1]) == (
        f"{IDS}[100]: … and 999900 more unknown ids, from here on "
        "(expert not in the programme's team)"
    )
    assert err.problems[-1].message("fr") == (
        "… et 999900 autres identifiants inconnus, à partir d'ici "
        "(expert hors de l'équipe du programme)"
    )
    assert err.message("en").startswith("invalid document, 1000000 problems:")


def test_unknown_keys_beyond_the_cap_are_counted_in_alphabetical_order() -> None:
    def change(programme: dict[str, Any]) -> None:
        programme.update({f"k{i:05d}": 0 for i in range(5000)})

    err = _refused(_document(change))
    assert [p.path for p in err.problems[:MAX_PROBLEMS]] == [
        f"$.programme.k{i:05d}" for i in range(MAX_PROBLEMS)
    ]
    assert str(err.problems[-1]) == (
        "$.programme.k00100: … and 4900 more unknown fields, from here on in alphabetical order"
    )
    assert "4900 autres champs inconnus" in err.problems[-1].message("fr")
    assert "4900 campos desconhecidos" in err.problems[-1].message("pt")


def test_fewer_problems_than_the_cap_are_all_listed_and_nothing_is_omitted() -> None:
    err = _refused(_document(_expert_ids([0] * MAX_PROBLEMS)))
    assert len(err.problems) == MAX_PROBLEMS
    assert not any(isinstance(p, _Omitted) for p in err.problems)


_PROBLEMS = st.lists(
    st.builds(
        Problem,
        st.sampled_from(["$.a", "$.b", "$.c[0]"]),
        st.sampled_from("wxyz").map(
            lambda name: _("{problem}: {value}", problem=_MISSING, value=name)
        ),
    ),
    max_size=3 * MAX_PROBLEMS,
)


@given(_PROBLEMS)
def test_capping_keeps_the_first_distinct_problems_and_counts_every_other(
    problems: list[Problem],
) -> None:
    capped = _capped(problems)
    distinct = list(dict.fromkeys(problems))
    listed = [p for p in capped if not isinstance(p, _Omitted)]
    assert listed == distinct[:MAX_PROBLEMS]
    omitted = [p for p in capped if isinstance(p, _Omitted)]
    assert sum(p.count for p in omitted) == len(problems) - len(
        [p for p in problems if p in set(listed)]
    )
    assert len(omitted) <= 4
    assert _capped(capped) == capped  # a second pass (a source added) changes nothing


# -- bounded work ---------------------------------------------------------------------

_JSON = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{}"\\ab', max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=30,
)


@given(_JSON, st.integers(min_value=0, max_value=8))
def test_the_depth_read_from_the_text_is_the_depth_of_the_value(value: Any, limit: int) -> None:
    text = json.dumps(value)
    assert _nested_deeper_than(text, limit) == _deeper_than(value, limit)
    assert _nested_deeper_than(text.encode(), limit) == _deeper_than(value, limit)


@pytest.mark.parametrize("number", ["1" * 21, "-" + "9" * 25, "1e400", "1.5E+999", "-2e308"])
def test_numbers_too_large_are_refused_at_their_place(number: str) -> None:
    text = GOOD.read_text(encoding="utf-8").replace(
        '"registered": 43000', f'"registered": {number}'
    )
    with pytest.raises(DocumentError) as caught:
        loads(text)
    assert [p.path for p in caught.value.problems] == [
        "$.programme.beneficiary.ledger[0].registered"
    ]
    assert "too large" in caught.value.problems[0].message("en")
    assert "trop grand" in caught.value.problems[0].message("fr")


def test_ordinary_numbers_are_read_as_before() -> None:
    text = GOOD.read_text(encoding="utf-8").replace(
        '"registered": 43000', '"registered": 12345678901234567890'
    )
    with pytest.raises(DocumentError) as caught:  # 20 digits: parsed, then beyond MAX_INTEGER
        loads(text)
    assert "at most" in caught.value.problems[0].message("en")


# -- files ----------------------------------------------------------------------------


def test_a_file_too_large_is_refused_with_its_real_size(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MiB said, nothing written
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"$: document too large ({100 * 1024 * 1024} bytes, at most {MAX_DOCUMENT_SIZE})"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_without_a_writer_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError) as caught:
        load(fifo)
    assert [str(p) for p in caught.value.problems] == ["$: not a regular file: a named pipe (FIFO)"]
    assert caught.value.source == str(fifo)
    assert "tube nommé" in caught.value.message("fr")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_not_read_for_ever() -> None:
    with pytest.raises(DocumentError) as caught:
        load("/dev/zero")
    assert [str(p) for p in caught.value.problems] == ["$: not a regular file: a device"]


def test_a_folder_is_an_os_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        load(tmp_path)
    assert caught.value.filename == str(tmp_path)


# -- writing within the limit -----------------------------------------------------------


def _huge() -> Any:
    programme = togo_programme()
    return attrs.evolve(programme, title="x" * MAX_DOCUMENT_SIZE)


def test_writing_refuses_a_document_reading_would_refuse_with_the_same_error(
    tmp_path: Path,
) -> None:
    programme = _huge()
    with pytest.raises(DocumentError) as written:
        dumps(programme)
    [problem] = written.value.problems
    assert problem.path == "$"
    assert problem.message("en").startswith("document too large (")
    assert problem.message("en").endswith(f" bytes, at most {MAX_DOCUMENT_SIZE})")
    assert problem.message("pt").endswith(f" bytes, no máximo {MAX_DOCUMENT_SIZE})")
    with pytest.raises(DocumentError) as as_bytes:
        dumpb(programme)
    assert as_bytes.value.problems == written.value.problems
    path = tmp_path / "huge.json"
    with pytest.raises(DocumentError) as dumped:
        dump(programme, path)
    assert dumped.value.problems == written.value.problems
    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_the_largest_document_written_is_read_back() -> None:
    programme = togo_programme()
    room = MAX_DOCUMENT_SIZE - len(dumpb(programme)) + len(programme.title.encode())
    at_limit = attrs.evolve(programme, title="x" * room)
    data = dumpb(at_limit)
    assert len(data) == MAX_DOCUMENT_SIZE
    assert loads(data) == at_limit
    with pytest.raises(DocumentError):
        dumpb(attrs.evolve(programme, title="x" * (room + 1)))


# -- lone surrogates ------------------------------------------------------------------

BAD = Path(__file__).parent / "bad"


@pytest.mark.parametrize("name", sorted(p.stem for p in BAD.glob("*.json")))
def test_every_message_of_the_corpus_can_be_printed(name: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load(BAD / f"{name}.json")
    for lang in languages():
        caught.value.message(lang).encode("utf-8")  # a lone surrogate would raise here


_SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@given(st.lists(_SURROGATE, min_size=1, max_size=5).map("x".join))  # "x": no valid pair
def test_a_lone_surrogate_in_a_key_or_an_enum_value_is_shown_escaped(surrogates: str) -> None:
    def change(programme: dict[str, Any]) -> None:
        programme["stage"] = surrogates
        programme[surrogates] = 1

    err = _refused(_document(change))
    text = err.message("en")
    text.encode("utf-8")
    escaped = "".join(c if c == "x" else f"\\u{ord(c):04x}" for c in surrogates)
    assert f'$.programme["{escaped}"]: unknown field' in text
    assert f'got "{escaped}"' in text
