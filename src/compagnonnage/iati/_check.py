"""Checking an IATI 2.03 activity file: the schema, the codelists and IATI's rules.

The XSD says what goes where but not which codes are valid, nor that sector
percentages sum to 100: each of the three checks reports what the others cannot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import as_file, files
from typing import TYPE_CHECKING, cast

from compagnonnage._i18n import Message, _
from compagnonnage.iati._codelists import codes, languages
from compagnonnage.iati._problems import IatiProblem
from compagnonnage.rules._funding import a_year_after

if TYPE_CHECKING:
    from lxml import etree

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN = re.compile(r"[/&|?]")
_DAC5 = frozenset({None, "1"})

# The activity dates that come in pairs (IATI's ActivityDateType: start, end), and the
# problem of an end before its start.
_DATE_PAIRS: tuple[tuple[str, str, Message], ...] = (
    ("1", "3", _("the planned end date ({end}) comes before the planned start date ({start}).")),
    ("2", "4", _("the actual end date ({end}) comes before the actual start date ({start}).")),
)

# Which codelist each code attribute takes its value from: (element path suffix, attribute).
_CODED: tuple[tuple[str, str, str], ...] = (
    ("iati-activity", "default-currency", "Currency"),
    ("reporting-org", "type", "OrganisationType"),
    ("participating-org", "role", "OrganisationRole"),
    ("participating-org", "type", "OrganisationType"),
    ("provider-org", "type", "OrganisationType"),
    ("receiver-org", "type", "OrganisationType"),
    ("activity-status", "code", "ActivityStatus"),
    ("activity-date", "type", "ActivityDateType"),
    ("recipient-country", "code", "Country"),
    ("sector", "vocabulary", "SectorVocabulary"),
    ("collaboration-type", "code", "CollaborationType"),
    ("default-flow-type", "code", "FlowType"),
    ("flow-type", "code", "FlowType"),
    ("default-finance-type", "code", "FinanceType"),
    ("finance-type", "code", "FinanceType"),
    ("default-tied-status", "code", "TiedStatus"),
    ("tied-status", "code", "TiedStatus"),
    ("budget", "type", "BudgetType"),
    ("budget", "status", "BudgetStatus"),
    ("value", "currency", "Currency"),
    ("transaction-type", "code", "TransactionType"),
    ("result", "type", "ResultType"),
    ("indicator", "measure", "IndicatorMeasure"),
    ("description", "type", "DescriptionType"),
    ("category", "code", "DocumentCategory"),
)


@cache
def _schema() -> etree.XMLSchema:
    from lxml import etree

    source = files("compagnonnage.iati") / "data" / "iati-activities-schema.xsd"
    with as_file(source) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def _where(tree: etree._ElementTree, el: etree._Element) -> str:
    line = f" (line {el.sourceline})" if el.sourceline else ""
    return f"{tree.getpath(el)}{line}"


def schema_problems(tree: etree._ElementTree) -> list[IatiProblem]:
    """What the IATI 2.03 schema refuses, each at its element and line."""
    schema = _schema()
    if schema.validate(tree):
        return []
    found = []
    for error in cast("Iterable[etree._LogEntry]", schema.error_log):
        path = error.path or "/"
        where = f"{path} (line {error.line})" if error.line else path
        found.append(
            IatiProblem(
                where,
                "XSD",
                _("does not follow the IATI 2.03 schema: {error}", error=error.message),
            )
        )
    return found


def _codelist_of(el: etree._Element, attribute: str) -> str | None:
    tag = el.tag
    if tag == "sector" and attribute == "code":
        return "Sector" if el.get("vocabulary") in _DAC5 else None
    if tag in ("aid-type", "default-aid-type") and attribute == "code":
        return "AidType" if el.get("vocabulary") in _DAC5 else None
    if tag == "language" and attribute == "code":
        return "Language"
    for suffix, name, codelist in _CODED:
        if tag == suffix and attribute == name:
            return codelist
    return None


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def codelist_problems(tree: etree._ElementTree) -> list[IatiProblem]:
    """Every code attribute whose value is not an active code of its codelist."""
    found = []
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        lang = el.get(_XML_LANG)
        if lang is not None and lang.lower() not in languages():
            found.append(
                IatiProblem(
                    _where(tree, el),
                    "CODELIST",
                    _("xml:lang '{lang}' is not in the Language codelist.", lang=lang),
                )
            )
        for key, raw in el.attrib.items():
            attribute, value = _text(key), _text(raw)
            codelist = _codelist_of(el, attribute)
            if codelist is not None and value not in codes(codelist):
                found.append(
                    IatiProblem(
                        _where(tree, el),
                        "CODELIST",
                        _(
                            "@{attribute} '{value}' is not in the {codelist} codelist.",
                            attribute=attribute,
                            value=value,
                            codelist=codelist,
                        ),
                    )
                )
    return found


def _decimal(text: str | None) -> Decimal | None:
    try:
        return None if text is None else Decimal(text)
    except InvalidOperation:
        return None


def _date(text: str | None) -> dt.date | None:
    try:
        return None if text is None else dt.date.fromisoformat(text)
    except ValueError:
        return None


def _child_date(el: etree._Element, tag: str) -> dt.date | None:
    child = el.find(tag)
    return None if child is None else _date(child.get("iso-date"))


def _activity_rules(
    tree: etree._ElementTree, activity: etree._Element, today: dt.date
) -> Iterator[IatiProblem]:
    at = _where(tree, activity)
    by_vocabulary: dict[str | None, list[Decimal]] = defaultdict(list)
    for sector in activity.findall("sector"):
        share = _decimal(sector.get("percentage"))
        if share is None:
            continue
        by_vocabulary[sector.get("vocabulary")].append(share)
        if share < 0 or share > 100:
            yield IatiProblem(
                _where(tree, sector),
                "FUN-002",
                _("sector percentage {share} outside 0 to 100.", share=share),
            )
    for vocabulary, shares in by_vocabulary.items():
        total = sum(shares, Decimal(0))
        if total != 100:
            yield IatiProblem(
                at,
                "FUN-001",
                _(
                    "the sector percentages (vocabulary {vocabulary}) sum to {total}, not 100.",
                    vocabulary=vocabulary or "1",
                    total=total,
                ),
            )
    for budget in activity.findall("budget"):
        start, end = _child_date(budget, "period-start"), _child_date(budget, "period-end")
        if start is None or end is None:
            continue
        if start >= end:
            yield IatiProblem(
                _where(tree, budget),
                "FUN-003",
                _(
                    "the budget period starts on {start}, not before it ends on {end}.",
                    start=start,
                    end=end,
                ),
            )
        elif end >= a_year_after(start):
            yield IatiProblem(
                _where(tree, budget),
                "FUN-003",
                _(
                    "the budget period runs from {start} to {end}: more than a year.",
                    start=start,
                    end=end,
                ),
            )
    dates = {d.get("type"): _date(d.get("iso-date")) for d in activity.findall("activity-date")}
    for first, last, reversed_dates in _DATE_PAIRS:
        a, b = dates.get(first), dates.get(last)
        if a is not None and b is not None and a > b:
            yield IatiProblem(at, "DATES", reversed_dates.bind(start=a, end=b))
    future = [
        (d, _date(d.get("iso-date")))
        for d in activity.findall("activity-date")
        if d.get("type") in ("2", "4")
    ] + [(t, _date(t.get("iso-date"))) for t in activity.findall("transaction/transaction-date")]
    for el, day in future:
        if day is not None and day > today:
            yield IatiProblem(
                _where(tree, el),
                "FUN-004",
                _("actual or transaction date {day} is in the future.", day=day),
            )
    if activity.get("default-currency") is None:
        for value in activity.iter("value"):
            if value.get("currency") is None:
                yield IatiProblem(
                    _where(tree, value),
                    "FUN-005",
                    _("amount without a currency, and the activity has no default currency."),
                )
    ident = activity.findtext("iati-identifier")
    reporting = activity.find("reporting-org")
    prefix = None if reporting is None else reporting.get("ref")
    if ident is not None:
        if ident != ident.strip() or _FORBIDDEN.search(ident):
            yield IatiProblem(
                at,
                "FUN-006",
                _("the identifier '{ident}' holds / & | ? or surrounding spaces.", ident=ident),
            )
        if prefix and not ident.strip().startswith(f"{prefix}-"):
            yield IatiProblem(
                at,
                "FUN-006",
                _(
                    "the identifier '{ident}' does not start with '{prefix}-'.",
                    ident=ident,
                    prefix=prefix,
                ),
            )


def rule_problems(tree: etree._ElementTree, today: dt.date) -> list[IatiProblem]:
    """What IATI's rules refuse that the schema lets through, activity by activity."""
    found: list[IatiProblem] = []
    for activity in tree.getroot().iter("iati-activity"):
        found.extend(_activity_rules(tree, activity, today))
    return found


def problems(tree: etree._ElementTree, today: dt.date) -> list[IatiProblem]:
    """Every problem of an IATI activity file: schema, codelists and rules."""
    return [*schema_problems(tree), *codelist_problems(tree), *rule_problems(tree, today)]
