"""Dates, numbers, percentages and money in a language's own way, from CLDR through Babel.

Babel (``pip install 'compagnonnage[locale]'``) is imported on first use, never by
``import compagnonnage``. Without it every function still answers, in a form every
language reads: ISO 8601 dates (``2021-04-12``), numbers without grouping, and
the currency's ISO code after the amount.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from functools import cache
from types import ModuleType

from compagnonnage._i18n import Lang

Number = int | float | Decimal

_CLDR_LOCALES = {"pt": "pt_PT"}
"""The CLDR locale of a language whose plain code means another country's norm.

CLDR's ``pt`` is Brazil's Portuguese (``43.000``, ``F CFA 1.500.000``); the
translations follow the European and African norm, as in Guinea-Bissau, whose
formats are Portugal's (``43 000``, ``1 500 000 F CFA``).
"""


def _cldr(lang: Lang) -> str:
    return _CLDR_LOCALES.get(lang, lang)


@cache
def _babel() -> tuple[ModuleType, ModuleType] | None:
    try:
        from babel import dates, numbers
    except ImportError:
        return None
    return dates, numbers


def has_babel() -> bool:
    """Whether Babel is installed, so that formats follow each language's CLDR data."""
    return _babel() is not None


def format_date(day: dt.date, lang: Lang) -> str:
    """A date spelt in full: ``12 avril 2021``, ``12 April 2021``, ``12 de abril de 2021``."""
    found = _babel()
    if found is None:
        return day.isoformat()
    return str(found[0].format_date(day, format="long", locale=_cldr(lang)))


def format_period(start: dt.date, end: dt.date, lang: Lang) -> str:
    """A span of days (``12–16 avr. 2021``), one date when both ends are the same day."""
    if start == end:
        return format_date(start, lang)
    found = _babel()
    if found is None:
        return f"{start.isoformat()} – {end.isoformat()}"
    return str(found[0].format_interval(start, end, skeleton="yMMMMd", locale=_cldr(lang)))


def format_month(day: dt.date, lang: Lang) -> str:
    """The month of ``day`` in short: ``avr. 2021``, ``Apr 2021``."""
    found = _babel()
    if found is None:
        return f"{day.year}-{day.month:02d}"
    return str(found[0].format_skeleton("yMMM", day, locale=_cldr(lang)))


def format_number(value: Number, lang: Lang, *, decimals: int | None = None) -> str:
    """``43 000`` and ``1 500,50`` in French, ``43,000`` in English.

    ``decimals`` defaults to none for a whole number and two otherwise.
    """
    if decimals is None:
        decimals = 0 if value == int(value) else 2
    found = _babel()
    if found is None:
        return f"{value:.{decimals}f}"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(
        found[1].format_decimal(
            value, format=pattern, locale=_cldr(lang), decimal_quantization=True
        )
    )


def format_percent(share: Number, lang: Lang, *, decimals: int = 0) -> str:
    """A share (``0.42``) as a percentage: ``42 %`` in French, ``42%`` in English."""
    found = _babel()
    if found is None:
        return f"{float(share) * 100:.{decimals}f}%"
    # the language's own pattern (where the sign goes, the space before it), with the decimals
    from babel import Locale

    locale = _cldr(lang)
    pattern = Locale.parse(locale).percent_formats[None].pattern
    if decimals:
        pattern = re.sub(r"([#,]*0)(?![0-9.])", r"\g<1>." + "0" * decimals, pattern)
    return str(found[1].format_percent(share, format=pattern, locale=locale))


def format_money(amount: Number, currency: str, lang: Lang) -> str:
    """An amount in a currency: ``1 500 000 F CFA``, ``€12,500.00``, ``MGA 40,000``."""
    found = _babel()
    if found is None:
        return f"{amount} {currency}"
    locale = _cldr(lang)
    text = str(found[1].format_currency(amount, currency, locale=locale))
    return _currency_spacing(text, str(found[1].get_currency_symbol(currency, locale=locale)))


def _is_letter_like(char: str) -> bool:
    return not unicodedata.category(char).startswith(("S", "Z"))


def _currency_spacing(text: str, symbol: str) -> str:
    """CLDR's currency spacing, which Babel leaves out: ``MGA40,000`` → ``MGA 40,000``.

    A symbol that ends (or starts) with a letter is kept apart from the digits next
    to it by a no-break space; ``€12,500.00`` stays as it is.
    """
    at = text.find(symbol)
    if not symbol or at < 0:
        return text
    end = at + len(symbol)
    if end < len(text) and text[end].isdigit() and _is_letter_like(symbol[-1]):
        return f"{text[:end]}\u00a0{text[end:]}"
    if at > 0 and text[at - 1].isdigit() and _is_letter_like(symbol[0]):
        return f"{text[:at]}\u00a0{text[at:]}"
    return text
