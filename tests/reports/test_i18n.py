"""The reports' words come from the catalogues, and their dates, numbers and money from CLDR."""

from __future__ import annotations

import datetime as dt
import enum
import re
import string
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from compagnonnage import _i18n, model
from compagnonnage._i18n import Message, enum_label, languages, term
from compagnonnage._locale import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_period,
)
from compagnonnage.diagnostics import RespondentGroup
from compagnonnage.reports import _portfolio
from compagnonnage.reports import _text as report_text
from compagnonnage.rules import Severity

SOURCES = Path(report_text.__file__).parent
CATALOGUES = {"reports": report_text.TEXT, "portfolio": _portfolio._TEXT}
OTHER_LANGUAGES = [lang for lang in languages() if lang != "en"]


def _messages() -> Iterator[tuple[str, Message]]:
    for name, catalogue in CATALOGUES.items():
        for key, message in catalogue.items():
            yield f"{name}[{key}]", message


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.mark.parametrize(("where", "message"), list(_messages()), ids=[w for w, _ in _messages()])
def test_every_word_keeps_its_placeholders_in_every_language(where: str, message: Message) -> None:
    counts = (1, 2) if message.plural is not None else (None,)
    for n in counts:
        english = message.template("en", n)
        assert english.strip(), where
        for lang in OTHER_LANGUAGES:
            assert _fields(message.template(lang, n)) == _fields(english), (where, lang, n)


def test_the_reports_never_ask_which_language_they_speak() -> None:
    for path in [*SOURCES.glob("*.py"), *(SOURCES.parent / "forms").glob("*.py")]:
        if path.name == "_errors.py":
            continue  # ExportProblem: still French and English (see the branch report)
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"lang\s*[!=]=\s*['\"]", text), path.name
        assert "(s)" not in text, f"{path.name}: a plural written as (s)"


@pytest.mark.parametrize(
    ("key", "n", "lang", "expected"),
    [
        ("network_experts", 1, "en", "1 network expert"),
        ("network_experts", 2, "en", "2 network experts"),
        ("network_experts", 0, "en", "0 network experts"),
        # French counts zero in the singular, Portuguese in the plural.
        ("network_experts", 0, "fr", "0 expert du réseau"),
        ("network_experts", 1, "fr", "1 expert du réseau"),
        ("network_experts", 2, "fr", "2 experts du réseau"),
        ("local_experts", 2, "fr", "2 experts locaux"),
        ("completed_count", 2, "fr", "dont 2 terminées"),
        ("network_experts", 0, "pt", "0 peritos da rede"),
        ("network_experts", 1, "pt", "1 perito da rede"),
        (
            "illustrative_points",
            1,
            "pt",
            "1 ponto ilustrativo (marcado com *, inventado para o exemplo)",
        ),
    ],
)
def test_counts_agree_with_their_number(key: str, n: int, lang: str, expected: str) -> None:
    message = report_text.TEXT[key]
    assert message.bind(n, count=n)(lang) == expected


def _enums() -> Iterator[type[enum.Enum]]:
    for name in model.__all__:
        obj = getattr(model, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            yield obj
    yield Severity
    yield RespondentGroup


@pytest.mark.parametrize("enum_type", list(_enums()), ids=lambda e: e.__name__)
def test_every_enumeration_member_has_words(enum_type: type[enum.Enum]) -> None:
    for member in enum_type:
        key = f"{enum_type.__name__}.{member.value}"
        assert key in _i18n._TERMS, f"no words for {key}"
        for lang in languages():
            assert enum_label(member, lang)


def test_an_unknown_term_shows_its_code() -> None:
    assert term("domain.export", "fr") == "export"
    assert term("domain.social_protection", "en") == "social protection"


babel = pytest.mark.skipif(
    not __import__("compagnonnage._locale", fromlist=["has_babel"]).has_babel(),
    reason="CLDR formats need Babel (the locale extra)",
)


@babel
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (
            dt.date(2021, 4, 1),
            {"en": "1 April 2021", "fr": "1er avril 2021", "pt": "1 de abril de 2021"},
        ),
        (
            dt.date(2022, 8, 31),
            {"en": "31 August 2022", "fr": "31 août 2022", "pt": "31 de agosto de 2022"},
        ),
    ],
)
def test_dates_follow_the_language(day: dt.date, expected: dict[str, str]) -> None:
    for lang, text in expected.items():
        assert format_date(day, lang) == text


@babel
def test_periods_say_the_month_and_year_once() -> None:
    april = (dt.date(2021, 4, 12), dt.date(2021, 4, 16))
    assert format_period(*april, "fr") == "12–16 avril 2021"
    assert format_period(*april, "pt") == "12–16 de abril de 2021"
    assert format_period(*april, "en") == "12\u2009–\u200916 April 2021"
    months = (dt.date(2021, 6, 21), dt.date(2021, 9, 24))
    assert format_period(*months, "fr") == "21 juin\u2009–\u200924 septembre 2021"
    assert format_period(dt.date(2021, 3, 1), dt.date(2021, 3, 3), "fr") == "1er–3 mars 2021"
    one_day = dt.date(2021, 10, 11)
    assert format_period(one_day, one_day, "fr") == "11 octobre 2021"


@babel
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (43000, {"en": "43,000", "fr": "43\u202f000", "pt": "43\u00a0000"}),
        (12, {"en": "12", "fr": "12", "pt": "12"}),
        (Decimal("1500.5"), {"en": "1,500.50", "fr": "1\u202f500,50", "pt": "1\u00a0500,50"}),
    ],
)
def test_numbers_follow_the_language(value: int | Decimal, expected: dict[str, str]) -> None:
    for lang, text in expected.items():
        assert format_number(value, lang) == text


@babel
def test_percentages_follow_the_language() -> None:
    share = Decimal("0.35")
    assert format_percent(share, "en") == "35%"
    assert format_percent(share, "fr") == "35\u00a0%"
    assert format_percent(share, "pt") == "35%"
    assert format_percent(Decimal("0.354"), "fr", decimals=1) == "35,4\u00a0%"


@babel
@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (
            Decimal("1500000"),
            "XOF",
            {"fr": "1\u202f500\u202f000\u00a0F\u202fCFA", "en": "F\u202fCFA\u00a01,500,000"},
        ),
        (
            Decimal("12500"),
            "EUR",
            {"fr": "12\u202f500,00\u00a0€", "en": "€12,500.00", "pt": "12\u00a0500,00\u00a0€"},
        ),
        (40000, "MGA", {"fr": "40\u202f000\u00a0MGA", "en": "MGA\u00a040,000"}),
    ],
)
def test_money_follows_the_language(
    amount: int | Decimal, currency: str, expected: dict[str, str]
) -> None:
    for lang, text in expected.items():
        assert format_money(amount, currency, lang) == text
