"""The results workbook: its words in every language, its values left to the spreadsheet."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from compagnonnage._i18n import languages
from compagnonnage.example import togo_programme
from compagnonnage.results._xlsx import _HEADERS, _PERCENT_COLUMNS, _SHEETS, workbook_bytes

openpyxl = pytest.importorskip("openpyxl")

_TITLES = {
    "en": ["Indicators", "Capacity", "Membership"],
    "fr": ["Indicateurs", "Capacités", "Effectifs"],
    "pt": ["Indicadores", "Capacidades", "Membros"],
}


@pytest.mark.parametrize("lang", sorted(_TITLES))
def test_the_sheets_and_headers_are_in_the_language_asked(lang: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(togo_programme(), lang)))
    assert book.sheetnames == _TITLES[lang]
    for key, title in zip(_SHEETS, book.sheetnames, strict=True):
        header = next(book[title].iter_rows(max_row=1, values_only=True))
        assert list(header) == [h(lang) for h in _HEADERS[key]]


def test_every_language_has_its_own_words_and_valid_sheet_titles() -> None:
    for lang in languages():
        titles = [t(lang) for t in _SHEETS.values()]
        assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in titles), titles
        for headers in _HEADERS.values():
            said = [h(lang) for h in headers]
            assert all(said), (lang, said)
            assert len(set(said)) == len(said), (lang, said)
    english = [h("en") for hs in _HEADERS.values() for h in hs if h("en") not in ("id", "date")]
    for lang in ("fr", "pt"):
        said = [h(lang) for hs in _HEADERS.values() for h in hs if h("en") not in ("id", "date")]
        assert sum(a == b for a, b in zip(english, said, strict=True)) <= 4, (
            lang
        )  # module, version…


def test_values_stay_numbers_and_dates_shares_shown_as_percentages() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(togo_programme(), "pt")))
    indicators = book["Indicadores"]
    register = next(r for r in indicators.iter_rows(min_row=2) if r[0].value == "ind-register")
    assert (register[5].value, register[6].value) == (7055, 20000)
    share = register[_PERCENT_COLUMNS["indicators"][0]]
    assert isinstance(share.value, float | int)
    assert share.number_format == "0%"
    membership = book["Membros"]
    first = next(membership.iter_rows(min_row=2, max_row=2))
    assert isinstance(first[0].value, dt.datetime | dt.date)
    assert all(first[c].number_format == "0%" for c in _PERCENT_COLUMNS["membership"])
