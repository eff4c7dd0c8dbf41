"""The corpus of bad documents: each is refused with exactly the problems expected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from compagnonnage._i18n import Lang, Message, languages
from compagnonnage.documents import DocumentError, load, loads
from compagnonnage.model import Programme

HERE = Path(__file__).parent
CASES = sorted(p.stem for p in (HERE / "bad").glob("*.json"))


def test_the_corpus_is_large_enough_and_complete() -> None:
    assert len(CASES) >= 50
    assert sorted(p.stem for p in (HERE / "bad").glob("*.expected")) == CASES


def test_the_base_of_the_corpus_is_a_good_document() -> None:
    assert isinstance(load(HERE / "good" / "programme-v3.json"), Programme)


@pytest.mark.parametrize("name", CASES)
def test_bad_document_is_refused_with_every_expected_problem(name: str) -> None:
    data = (HERE / "bad" / f"{name}.json").read_bytes()
    expected = (HERE / "bad" / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    with pytest.raises(DocumentError) as caught:
        loads(data)
    assert [str(p) for p in caught.value.problems] == expected


@pytest.mark.parametrize("name", CASES)
def test_bad_document_has_a_message_in_every_language_for_every_problem(
    name: str, every_language: Callable[[Message], dict[Lang, str]]
) -> None:
    data = (HERE / "bad" / f"{name}.json").read_bytes()
    with pytest.raises(DocumentError) as caught:
        loads(data)
    assert languages() == ("en", "fr", "pt")
    for problem in caught.value.problems:
        said = every_language(problem.text)
        for lang in ("fr", "pt"):
            assert said[lang] != said["en"], (lang, problem)
            assert problem.message(lang) == said[lang]
    whole = caught.value.message("pt")
    assert whole.startswith("documento inválido, ")
    assert all(f"{p.path}: {p.message('pt')}" in whole for p in caught.value.problems)


@pytest.mark.parametrize("name", CASES)
def test_bad_file_names_its_source(name: str) -> None:
    path = HERE / "bad" / f"{name}.json"
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}: invalid document")
