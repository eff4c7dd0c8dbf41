"""Every word a user reads exists in French and English, and dates and numbers follow the language."""

from __future__ import annotations

import datetime as dt
import enum
import string
from collections.abc import Iterator
from decimal import Decimal

import pytest

from compagnonnage import _i18n, model
from compagnonnage._i18n import Message, enum_label, format_date, format_number, term
from compagnonnage.cli import _text as cli_text
from compagnonnage.diagnostics import RespondentGroup
from compagnonnage.reports import _text as report_text
from compagnonnage.rules import Severity

CATALOGUES = {
    "_i18n._LABELS": _i18n._LABELS,
    "_i18n._TERMS": _i18n._TERMS,
    "reports": report_text.TEXT,
    "cli": cli_text.TEXT,
}


def _messages() -> Iterator[tuple[str, Message]]:
    for name, catalogue in CATALOGUES.items():
        for key, message in catalogue.items():
            yield f"{name}[{key}]", message


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.mark.parametrize(("where", "message"), list(_messages()), ids=lambda x: str(x)[:60])
def test_every_message_exists_in_both_languages(where: str, message: Message) -> None:
    assert message.fr.strip(), f"{where} has no French"
    assert message.en.strip(), f"{where} has no English"
    assert _fields(message.fr) == _fields(message.en), f"{where}: placeholders differ"


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
        assert enum_label(member, "fr")
        assert enum_label(member, "en")


def test_every_record_kind_and_core_domain_has_words() -> None:
    kinds = [k.KIND for k in model.ACTION_KINDS]
    kinds += [model.TermsOfReference.KIND, model.MethodToolkit.KIND, model.WorkProgramme.KIND]
    kinds += [model.MajorIssue.KIND, model.GoodPractice.KIND, model.Recommendation.KIND]
    for kind in kinds:
        assert f"kind.{kind}" in _i18n._TERMS, kind
    for domain in model.CORE_DOMAINS:
        assert f"domain.{domain.code}" in _i18n._TERMS, domain


def test_an_unknown_term_shows_its_code() -> None:
    assert term("domain.export", "fr") == "export"
    assert term("domain.social_protection", "en") == "social protection"


@pytest.mark.parametrize(
    ("day", "fr", "en"),
    [
        (dt.date(2021, 4, 1), "1er avril 2021", "1 April 2021"),
        (dt.date(2021, 4, 16), "16 avril 2021", "16 April 2021"),
        (dt.date(2022, 8, 31), "31 août 2022", "31 August 2022"),
    ],
)
def test_dates_follow_the_language(day: dt.date, fr: str, en: str) -> None:
    assert format_date(day, "fr") == fr
    assert format_date(day, "en") == en


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (43000, "43\u202f000", "43,000"),
        (7055, "7\u202f055", "7,055"),
        (12, "12", "12"),
        (Decimal("1500.5"), "1\u202f500,50", "1,500.50"),
        (Decimal("5000"), "5\u202f000", "5,000"),
    ],
)
def test_numbers_follow_the_language(value: int | Decimal, fr: str, en: str) -> None:
    assert format_number(value, "fr") == fr
    assert format_number(value, "en") == en
