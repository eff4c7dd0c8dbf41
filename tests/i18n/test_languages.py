"""Choosing a language: locale names read down to their language, the environment's order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage._i18n import CORE, Catalogue, language_from_environment, languages, normalise

language_codes = st.from_regex(r"[a-zA-Z]{2,3}", fullmatch=True)
territories = st.from_regex(r"[A-Za-z]{2}|[0-9]{3}", fullmatch=True)
scripts = st.from_regex(r"[A-Z][a-z]{3}", fullmatch=True)
codesets = st.sampled_from(["UTF-8", "utf8", "ISO-8859-1", "ISO8859-15", "eucJP"])
modifiers = st.sampled_from(["euro", "latin", "valencia", "cjknarrow"])


@st.composite
def locale_names(draw: st.DrawFn) -> tuple[str, str]:
    """A locale name as systems and browsers spell it, and its language in lower case."""
    lang = draw(language_codes)
    name = lang
    separator = draw(st.sampled_from(["_", "-"]))
    if draw(st.booleans()):
        name += separator + draw(scripts)
    if draw(st.booleans()):
        name += separator + draw(territories)
    if draw(st.booleans()):
        name += "." + draw(codesets)
    if draw(st.booleans()):
        name += "@" + draw(modifiers)
    return name, lang.lower()


@given(locale_names())
def test_a_locale_name_is_read_down_to_its_language(made: tuple[str, str]) -> None:
    name, lang = made
    assert normalise(name) == lang
    assert normalise(normalise(name)) == normalise(name)


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("pt_BR.UTF-8", "pt"),
        ("pt-PT", "pt"),
        ("pt_GW", "pt"),
        ("fr_FR.UTF-8@euro", "fr"),
        ("fr_SN", "fr"),
        ("EN_us", "en"),
        ("sr_RS@latin", "sr"),
        ("zh-Hant-TW", "zh"),
        ("C.UTF-8", "c"),
        ("POSIX", "posix"),
    ],
)
def test_usual_locale_names(name: str, lang: str) -> None:
    assert normalise(name) == lang


def test_the_library_speaks_english_then_each_language_it_has_a_catalogue_for() -> None:
    assert languages() == CORE.languages() == ("en", "fr", "pt")


def test_a_domain_without_catalogues_speaks_only_english() -> None:
    assert Catalogue("nothing_here", "compagnonnage").languages() == ("en",)
    assert Catalogue("nothing_here", "no_such_package_at_all").languages() == ("en",)


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "pt_PT.UTF-8", "LANG": "fr_FR.UTF-8"}, "pt"),
        ({"LC_ALL": "fr_SN.UTF-8", "LC_MESSAGES": "pt_PT.UTF-8", "LANG": "en_GB"}, "fr"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "pt_BR"}, "pt"),
        ({"LC_ALL": "", "LC_MESSAGES": "fr_BE", "LANG": "pt_BR"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "fr_FR"}, "en"),
        ({"LC_ALL": "de_DE", "LC_MESSAGES": "fr_FR"}, "en"),
        ({"LC_CTYPE": "fr_FR.UTF-8", "LANGUAGE": "pt"}, "en"),
    ],
)
def test_the_environment_chooses_lc_all_then_lc_messages_then_lang(
    environ: dict[str, str], lang: str
) -> None:
    # the first one set decides, as for every program: an unknown language is English
    assert language_from_environment(environ) == lang


@given(
    st.dictionaries(
        st.sampled_from(["LC_ALL", "LC_MESSAGES", "LANG", "LC_CTYPE"]),
        st.sampled_from(["", "fr_FR.UTF-8", "pt_GW", "en_US", "de_AT", "C", "xx"]),
    )
)
def test_the_environment_always_gives_a_language_the_library_speaks(
    environ: dict[str, str],
) -> None:
    lang = language_from_environment(environ)
    assert lang in languages()
    first = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), None)
    assert lang == (normalise(first) if first and normalise(first) in languages() else "en")
