"""Dates, numbers, percentages and money in each language, with Babel and without it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from compagnonnage import _locale
from compagnonnage._locale import (
    format_date,
    format_money,
    format_month,
    format_number,
    format_percent,
    format_period,
    has_babel,
)

pytestmark = pytest.mark.skipif(not has_babel(), reason="Babel (the locale extra) is needed")

NNBSP, NBSP, THIN = "\u202f", "\u00a0", "\u2009"
APRIL_12, APRIL_16, MAY_3, JANUARY_2 = (
    dt.date(2021, 4, 12),
    dt.date(2021, 4, 16),
    dt.date(2021, 5, 3),
    dt.date(2022, 1, 2),
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "12 April 2021"),
        ("fr", "12 avril 2021"),
        ("pt", "12 de abril de 2021"),
    ],
)
def test_dates(lang: str, expected: str) -> None:
    assert format_date(APRIL_12, lang) == expected
    assert format_period(APRIL_12, APRIL_12, lang) == expected


@pytest.mark.parametrize(
    ("lang", "same_month", "two_months", "two_years"),
    [
        (
            "en",
            f"12{THIN}–{THIN}16 April 2021",
            f"12 April{THIN}–{THIN}3 May 2021",
            f"12 April 2021{THIN}–{THIN}2 January 2022",
        ),
        (
            "fr",
            "12–16 avril 2021",
            f"12 avril{THIN}–{THIN}3 mai 2021",
            f"12 avril 2021{THIN}–{THIN}2 janvier 2022",
        ),
        (
            "pt",
            "12–16 de abril de 2021",
            f"12 de abril{THIN}–{THIN}3 de maio de 2021",
            f"12 de abril de 2021{THIN}–{THIN}2 de janeiro de 2022",
        ),
    ],
)
def test_periods(lang: str, same_month: str, two_months: str, two_years: str) -> None:
    assert format_period(APRIL_12, APRIL_16, lang) == same_month
    assert format_period(APRIL_12, MAY_3, lang) == two_months
    assert format_period(APRIL_12, JANUARY_2, lang) == two_years


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Apr 2021"), ("fr", "avr. 2021"), ("pt", "abr. de 2021")]
)
def test_months(lang: str, expected: str) -> None:
    assert format_month(APRIL_12, lang) == expected


@pytest.mark.parametrize(
    ("lang", "whole", "fraction", "one_decimal"),
    [
        ("en", "43,000", "1,500.50", "1,500.5"),
        ("fr", f"43{NNBSP}000", f"1{NNBSP}500,50", f"1{NNBSP}500,5"),
        # Portugal's and Guinea-Bissau's norm, not Brazil's 43.000
        ("pt", f"43{NBSP}000", f"1{NBSP}500,50", f"1{NBSP}500,5"),
    ],
)
def test_numbers(lang: str, whole: str, fraction: str, one_decimal: str) -> None:
    assert format_number(43000, lang) == whole
    assert format_number(Decimal("43000"), lang) == whole
    assert format_number(1500.5, lang) == fraction
    assert format_number(1500.5, lang, decimals=1) == one_decimal


@pytest.mark.parametrize(
    ("lang", "whole", "one_decimal"),
    [("en", "42%", "42.5%"), ("fr", f"42{NBSP}%", f"42,5{NBSP}%"), ("pt", "42%", "42,5%")],
)
def test_percents(lang: str, whole: str, one_decimal: str) -> None:
    assert format_percent(0.42, lang) == whole
    assert format_percent(Decimal("0.425"), lang, decimals=1) == one_decimal


@pytest.mark.parametrize(
    ("lang", "xof", "eur", "mga"),
    [
        ("en", f"F{NNBSP}CFA{NBSP}1,500,000", "€12,500.00", f"MGA{NBSP}40,000"),
        (
            "fr",
            f"1{NNBSP}500{NNBSP}000{NBSP}F{NNBSP}CFA",
            f"12{NNBSP}500,00{NBSP}€",
            f"40{NNBSP}000{NBSP}MGA",
        ),
        (
            "pt",
            f"1{NBSP}500{NBSP}000{NBSP}F{NNBSP}CFA",
            f"12{NBSP}500,00{NBSP}€",
            f"40{NBSP}000{NBSP}MGA",
        ),
    ],
)
def test_money(lang: str, xof: str, eur: str, mga: str) -> None:
    # the franc CFA and the ariary have no cents; a code is kept apart from the digits
    assert format_money(1_500_000, "XOF", lang) == xof
    assert format_money(12_500, "EUR", lang) == eur
    assert format_money(40_000, "MGA", lang) == mga
    assert format_money(-40_000, "MGA", lang).replace("-", "") == mga


def test_without_babel_every_format_is_iso(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_locale, "_babel", lambda: None)
    assert not _locale.has_babel()
    for lang in ("en", "fr", "pt"):
        assert format_date(APRIL_12, lang) == "2021-04-12"
        assert format_period(APRIL_12, APRIL_16, lang) == "2021-04-12 – 2021-04-16"
        assert format_period(APRIL_12, APRIL_12, lang) == "2021-04-12"
        assert format_month(APRIL_12, lang) == "2021-04"
        assert format_number(43000, lang) == "43000"
        assert format_number(1500.5, lang) == "1500.50"
        assert format_percent(0.42, lang) == "42%"
        assert format_percent(0.425, lang, decimals=1) == "42.5%"
        assert format_money(1_500_000, "XOF", lang) == "1500000 XOF"


_WITHOUT_BABEL = """
import datetime as dt, json, sys
sys.modules["babel"] = None  # as if the locale extra were not installed
from compagnonnage import _locale
from compagnonnage._i18n import CORE
day = dt.date(2021, 4, 12)
print(json.dumps([
    _locale.has_babel(),
    _locale.format_date(day, "fr"),
    _locale.format_period(day, dt.date(2021, 5, 3), "pt"),
    _locale.format_month(day, "en"),
    _locale.format_number(1500.5, "fr"),
    _locale.format_percent(0.42, "pt"),
    _locale.format_money(40000, "MGA", "en"),
    CORE.message("On {day}", day=day)("fr"),
]))
"""


def test_a_program_without_babel_says_everything_in_iso_forms() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_BABEL], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [
        False,
        "2021-04-12",
        "2021-04-12 – 2021-05-03",
        "2021-04",
        "1500.50",
        "42%",
        "40000 MGA",
        "On 2021-04-12",
    ]
