"""The funding rules FUN-001 … FUN-007: what IATI asks of sectors, budgets, dates and money.

Checked with the other core rules, and before any export (:mod:`compagnonnage.iati`
sets :attr:`RuleContext.reporting_org`, which turns on the checks that only make
sense for a publication). Subjects are model paths (``funding.budgets[1]``).
IATI's "start before end" for the planned and actual dates is STG-013's: the
planned period, and the history (where the actual dates come from) in time order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from compagnonnage._i18n import Number, _
from compagnonnage.model import Money, Programme, Stage
from compagnonnage.rules._registry import Breach, RuleContext, Subject, rule

_HUNDRED = Decimal(100)


def _field(path: str) -> Subject:
    """A subject that is a place in the programme: ``funding.budgets[1]``."""
    return Subject("field", path)


_FORBIDDEN = re.compile(r"[/&|?]")


@rule(
    "FUN-001",
    title=_("Sector percentages sum to 100"),
)
def _sectors_sum(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    sectors = p.funding.sectors
    if sectors:
        total = sum((s.percentage for s in sectors), Decimal(0))
        if total != _HUNDRED:
            yield Breach(
                (_field("funding.sectors"),),
                _("The sector percentages sum to {total}, not 100.", total=Number(total)),
            )


@rule(
    "FUN-002",
    title=_("No sector percentage is negative or above 100"),
)
def _sector_range(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, s in enumerate(p.funding.sectors):
        if not Decimal(0) <= s.percentage <= _HUNDRED:
            yield Breach(
                (_field(f"funding.sectors[{i}]"),),
                _(
                    "Sector {sector} has a percentage of {percentage}, outside 0 to 100.",
                    sector=s.code,
                    percentage=Number(s.percentage),
                ),
            )


def a_year_after(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February; the last date in 9999)."""
    if day.year == dt.MAXYEAR:
        return dt.date.max
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


@rule(
    "FUN-003",
    title=_("A budget period starts before it ends and lasts at most a year"),
)
def _budget_periods(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, b in enumerate(p.funding.budgets):
        start, end = b.period.start, b.period.end
        if start >= end:
            yield Breach(
                (_field(f"funding.budgets[{i}]"),),
                _(
                    "Budget [{index}] starts on {start}, not before it ends on {end}.",
                    index=i,
                    start=start,
                    end=end,
                ),
            )
        elif end >= a_year_after(start):
            yield Breach(
                (_field(f"funding.budgets[{i}]"),),
                _(
                    "Budget [{index}] runs from {start} to {end}: more than a year.",
                    index=i,
                    start=start,
                    end=end,
                ),
            )


def actual_dates(p: Programme) -> tuple[dt.date | None, dt.date | None]:
    """The programme's actual start and end, as IATI means them.

    It starts when it enters the diagnostic (the preparation is IATI's
    "pipeline/identification") and ends when it is closed; both read from the history.
    """
    start, end = p.entered(Stage.DIAGNOSTIC), p.entered(Stage.CLOSED)
    return (
        None if start is None else start.date(),
        None if end is None or p.stage is not Stage.CLOSED else end.date(),
    )


@rule(
    "FUN-004",
    title=_("Actual and transaction dates are not in the future"),
)
def _not_in_future(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    today = ctx.today()
    for i, t in enumerate(p.funding.transactions):
        if t.date > today:
            yield Breach(
                (_field(f"funding.transactions[{i}]"),),
                _(
                    "Transaction [{index}] is dated {date}, in the future.",
                    index=i,
                    date=t.date,
                ),
            )
    if ctx.reporting_org is None:
        return
    for said, day in zip(_ACTUAL, actual_dates(p), strict=True):
        if day is not None and day > today:
            yield Breach((Subject("programme", p.id),), said.bind(date=day))


_ACTUAL = (
    _("The programme's actual start is dated {date}, in the future."),
    _("The programme's actual end is dated {date}, in the future."),
)
"""What FUN-004 says of an actual start, then end, in the future."""


def _amounts(p: Programme) -> Iterator[tuple[str, Money]]:
    for i, b in enumerate(p.funding.budgets):
        yield f"funding.budgets[{i}].value", b.value
    for i, t in enumerate(p.funding.transactions):
        yield f"funding.transactions[{i}].value", t.value


@rule(
    "FUN-005",
    title=_("Every amount has a currency, its own or the default one"),
)
def _currencies(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.funding.default_currency is not None:
        return
    for path, money in _amounts(p):
        if money.currency is None:
            yield Breach(
                (_field(path),),
                _(
                    "{path} has no currency, and the funding has no default currency.",
                    path=path,
                ),
            )


def activity_identifier(p: Programme, reporting_org: str) -> str:
    """The IATI activity identifier: the one recorded, else ``{reporting_org}-{programme id}``."""
    return p.funding.identifier or f"{reporting_org}-{p.id}"


@rule(
    "FUN-006",
    title=_("The activity identifier starts with the reporting organisation's reference"),
)
def _identifier(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    org = ctx.reporting_org
    ident = p.funding.identifier
    if ident is None:
        if org is None:
            return
        ident = activity_identifier(p, org)
    if ident != ident.strip() or _FORBIDDEN.search(ident):
        yield Breach(
            (_field("funding.identifier"),),
            _(
                "The identifier '{identifier}' holds / & | ? or surrounding spaces.",
                identifier=ident,
            ),
        )
    if org is not None and not ident.startswith(f"{org}-"):
        yield Breach(
            (_field("funding.identifier"),),
            _(
                "The identifier '{identifier}' does not start with '{org}-', the reporting "
                "organisation's reference and a dash.",
                identifier=ident,
                org=org,
            ),
        )


@rule(
    "FUN-007",
    title=_("A funded or published programme names its organisations and its planned dates"),
)
def _publishable(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if ctx.reporting_org is None and p.funding.empty:
        return
    if not p.funding.participants:
        yield Breach(
            (_field("funding.participants"),),
            _("No participating organisation: publishing the funding needs at least one."),
        )
    if p.planned is None:
        yield Breach(
            (_field("planned"),), _("No planned dates: publishing the funding needs them.")
        )


FUNDING_RULES = (
    _sectors_sum,
    _sector_range,
    _budget_periods,
    _not_in_future,
    _currencies,
    _identifier,
    _publishable,
)
