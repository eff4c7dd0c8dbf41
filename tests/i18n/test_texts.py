"""Text: the words the data carries, in each language it was written in, with a fallback."""

from __future__ import annotations

import copy
import keyword
import pickle
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import Text
from compagnonnage.diagnostics import Text as PublicText

langs = st.from_regex(r"[a-z]{2,3}", fullmatch=True)
others = st.dictionaries(langs.filter(lambda lang: lang not in ("fr", "en")), st.text(), max_size=4)


@st.composite
def texts(draw: st.DrawFn) -> tuple[Text, dict[str, str]]:
    """A text and the mapping of languages to words it was made from."""
    fr, en = draw(st.text()), draw(st.text())
    more = draw(others)
    return Text(fr, en, **more), {"fr": fr, "en": en, **more}


def _bare(items: dict[str, str]) -> Text:
    """A text without French or English, as no constructor makes one (for the fallback's end)."""
    text = object.__new__(Text)
    object.__setattr__(text, "_texts", dict(items))
    return text


def test_the_public_name_is_the_same_class() -> None:
    assert PublicText is Text


def test_fallback_order_is_the_language_then_english_then_french_then_the_first() -> None:
    text = Text("Formation", "Training", pt="Formação")
    assert [text(lang) for lang in ("pt", "fr", "en", "de")] == [
        "Formação",
        "Formation",
        "Training",
        "Training",
    ]
    assert _bare({"fr": "Formation", "pt": "Formação"})("de") == "Formation"
    assert _bare({"es": "Formación", "pt": "Formação"})("de") == "Formación"
    assert _bare({"es": "Formación", "pt": "Formação"})("pt") == "Formação"


def test_get_gives_only_what_was_written() -> None:
    text = Text("Formation", "Training", pt="Formação")
    assert (text.get("pt"), text.get("de")) == ("Formação", None)
    assert (text.fr, text.en, text.languages) == ("Formation", "Training", ("fr", "en", "pt"))
    assert text.message("pt") == text("pt")
    assert text.message() == "Training"


@given(texts(), langs)
def test_a_text_gives_its_own_words_else_english(
    made: tuple[Text, dict[str, str]], lang: str
) -> None:
    text, words = made
    assert text(lang) == words.get(lang, words["en"])
    assert text.get(lang) == words.get(lang)
    assert set(text.languages) == set(words)
    assert text.languages[:2] == ("fr", "en")


@given(texts())
def test_a_text_pickles_and_copies_to_an_equal_one(made: tuple[Text, dict[str, str]]) -> None:
    text, words = made
    for again in (pickle.loads(pickle.dumps(text)), copy.copy(text), copy.deepcopy(text)):
        assert again == text
        assert hash(again) == hash(text)
        assert {lang: again(lang) for lang in words} == words
        assert again.languages == text.languages


@given(texts(), st.randoms())
def test_equal_texts_have_equal_hashes_whatever_the_order_of_their_languages(
    made: tuple[Text, dict[str, str]], shuffler: random.Random
) -> None:
    text, words = made
    more = [(k, v) for k, v in words.items() if k not in ("fr", "en")]
    shuffler.shuffle(more)
    again = Text(words["fr"], words["en"], **dict(more))
    assert again == text
    assert hash(again) == hash(text)
    if not any(keyword.iskeyword(lang) for lang in words):  # Icelandic, ``is``, cannot be read back
        assert eval(repr(text), {"Text": Text}) == text


@given(texts(), texts())
def test_texts_are_equal_only_when_they_say_the_same_in_every_language(
    one: tuple[Text, dict[str, str]], other: tuple[Text, dict[str, str]]
) -> None:
    assert (one[0] == other[0]) == (one[1] == other[1])
    if one[1] == other[1]:
        assert hash(one[0]) == hash(other[0])


def test_a_text_cannot_be_changed_and_is_not_a_string() -> None:
    text = Text("Formation", "Training")
    with pytest.raises(AttributeError, match="immutable"):
        text.fr = "Autre"  # type: ignore[misc]
    assert text != "Training"
    assert len({text, Text("Formation", "Training")}) == 1
