"""Dates, numbers, percentages and money in a language's own way, from CLDR through Babel.

Babel (``pip install 'compagnonnage[locale]'``) is imported on first use, never by
``import compagnonnage``. Without it every function still answers, in a form every
language reads: ISO 8601 dates (``2021-04-12``), numbers without grouping, and
the currency's ISO code after the amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from types import ModuleType

from compagnonnage._i18n import Lang

Number = int | float | Decimal


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
    return str(found[0].format_date(day, format="long", locale=lang))


def format_period(start: dt.date, end: dt.date, lang: Lang) -> str:
    """A span of days (``12–16 avril 2021``), one date when both ends are the same day."""
    if start == end:
        return format_date(start, lang)
    found = _babel()
    if found is None:
        return f"{start.isoformat()} – {end.isoformat()}"
    return str(found[0].format_interval(start, end, skeleton="yMMMMd", locale=lang))


def format_month(day: dt.date, lang: Lang) -> str:
    """The month of ``day`` in short: ``avr. 2021``, ``Apr 2021``."""
    found = _babel()
    if found is None:
        return f"{day.year}-{day.month:02d}"
    return str(found[0].format_skeleton("yMMM", day, locale=lang))


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
        found[1].format_decimal(value, format=pattern, locale=lang, decimal_quantization=True)
    )


def format_percent(share: Number, lang: Lang, *, decimals: int = 0) -> str:
    """A share (``0.42``) as a percentage: ``42 %`` in French, ``42%`` in English."""
    found = _babel()
    if found is None:
        return f"{float(share) * 100:.{decimals}f}%"
    from babel import Locale

    # The language's own pattern (``#,##0 %`` in French), with the decimals asked for.
    pattern = str(Locale.parse(lang).percent_formats[None].pattern)
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return str(found[1].format_percent(share, format=pattern, locale=lang))


def format_money(amount: Number, currency: str, lang: Lang) -> str:
    """An amount in a currency: ``1 500 000 F CFA``, ``€12,500.00``, ``MGA 40,000``."""
    found = _babel()
    if found is None:
        return f"{amount} {currency}"
    return str(found[1].format_currency(amount, currency, locale=lang))
