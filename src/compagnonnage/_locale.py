"""Dates, numbers, percentages and money in a language's own way, from CLDR through Babel.

Babel (``pip install 'compagnonnage[locale]'``) is imported on first use, never by
``import compagnonnage``. Without it every function still answers, in a form every
language reads: ISO 8601 dates (``2021-04-12``), numbers without grouping, and
the currency's ISO code after the amount.

Each language is formatted as its CLDR locale for the library's readers:
English as British English (``12 April 2021``, the spelling of the library's
words), Portuguese as European and African Portuguese (``pt_PT``, the norm of
Guinea-Bissau), every other language as its own CLDR default.
"""

from __future__ import annotations

import datetime as dt
import re
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


_CLDR_LOCALES: dict[Lang, str] = {"en": "en_GB", "pt": "pt_PT"}
"""The CLDR locale each language is formatted as, where it is not the language's default."""

# A letter of a currency symbol against a digit (CLDR's currency spacing, which Babel lacks).
_SYMBOL_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT_THEN_SYMBOL = re.compile(r"(?<=\d)(?=[^\W\d_])")


def _cldr(lang: Lang) -> str:
    return _CLDR_LOCALES.get(lang, lang)


def _first_of_month(pattern: str, day: dt.date, lang: Lang) -> str:
    """French writes the first day of a month ``1er``: the pattern's ``d`` made so."""
    if lang != "fr" or day.day != 1:
        return pattern
    pieces = pattern.split("'")
    # Outside quotes (even pieces), a lone "d" is the day of the month.
    pieces[::2] = [re.sub(r"(?<!d)d(?!d)", "'1er'", p) for p in pieces[::2]]
    return "'".join(pieces)


def has_babel() -> bool:
    """Whether Babel is installed, so that formats follow each language's CLDR data."""
    return _babel() is not None


def format_date(day: dt.date, lang: Lang) -> str:
    """A date spelt in full: ``12 avril 2021``, ``12 April 2021``, ``12 de abril de 2021``."""
    found = _babel()
    if found is None:
        return day.isoformat()
    locale = _cldr(lang)
    pattern = found[0].get_date_format("long", locale=locale).pattern
    return str(found[0].format_date(day, _first_of_month(pattern, day, lang), locale=locale))


def format_period(start: dt.date, end: dt.date, lang: Lang) -> str:
    """A span of days (``12–16 avril 2021``), one date when both ends are the same day.

    The months are spelt in full, as :func:`format_date` spells them: CLDR's
    interval patterns for abbreviated months (``yMMMd``), their months widened.
    """
    if start == end:
        return format_date(start, lang)
    found = _babel()
    if found is None:
        return f"{start.isoformat()} – {end.isoformat()}"
    dates = found[0]
    locale = dates.Locale.parse(_cldr(lang))
    formats = locale.interval_formats.get("yMMMMd") or locale.interval_formats.get("yMMMd")
    for field, value in (("y", start.year != end.year), ("M", start.month != end.month)):
        if value and formats and field in formats:
            break
    else:
        field = "d"
    if not formats or field not in formats:
        return f"{format_date(start, lang)} – {format_date(end, lang)}"
    first, second = (
        _first_of_month(re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern), day, lang)
        for pattern, day in zip(formats[field], (start, end), strict=True)
    )
    return str(dates.format_date(start, first, locale=locale)) + str(
        dates.format_date(end, second, locale=locale)
    )


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
    locale = found[1].Locale.parse(_cldr(lang))
    # The language's own pattern (its space before "%", or none), with ``decimals`` digits.
    pattern = locale.percent_formats[None].pattern.split(";", 1)[0]
    digits = "0" + ("." + "0" * decimals if decimals else "")
    pattern = re.sub(r"0(\.0+)?", digits, pattern, count=1)
    return str(found[1].format_percent(share, format=pattern, locale=locale))


def format_money(amount: Number, currency: str, lang: Lang) -> str:
    """An amount in a currency: ``1 500 000 F CFA``, ``€12,500.00``, ``MGA 40,000``."""
    found = _babel()
    if found is None:
        return f"{amount} {currency}"
    text = str(found[1].format_currency(amount, currency, locale=_cldr(lang)))
    text = _SYMBOL_THEN_DIGIT.sub("\u00a0", text, count=1)
    return _DIGIT_THEN_SYMBOL.sub("\u00a0", text, count=1)
