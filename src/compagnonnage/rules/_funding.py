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

from compagnonnage._locale import format_number
from compagnonnage.model import Money, Programme, Stage
from compagnonnage.rules._registry import Breach, RuleContext, Subject, rule

_HUNDRED = Decimal(100)


def _field(path: str) -> Subject:
    """A subject that is a place in the programme: ``funding.budgets[1]``."""
    return Subject("field", path)


_FORBIDDEN = re.compile(r"[/&|?]")


@rule(
    "FUN-001",
    title_fr="Les parts des secteurs font 100 %",
    title_en="Sector percentages sum to 100",
)
def _sectors_sum(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    sectors = p.funding.sectors
    if sectors:
        total = sum((s.percentage for s in sectors), Decimal(0))
        if total != _HUNDRED:
            yield Breach(
                (_field("funding.sectors"),),
                f"Les parts des secteurs font {format_number(total, 'fr')} %, au lieu de 100 %.",
                f"The sector percentages sum to {format_number(total, 'en')}, not 100.",
            )


@rule(
    "FUN-002",
    title_fr="Aucune part de secteur n'est négative ni au-delà de 100 %",
    title_en="No sector percentage is negative or above 100",
)
def _sector_range(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, s in enumerate(p.funding.sectors):
        if not Decimal(0) <= s.percentage <= _HUNDRED:
            yield Breach(
                (_field(f"funding.sectors[{i}]"),),
                f"Le secteur {s.code} a une part de {format_number(s.percentage, 'fr')} %, "
                "hors de 0 à 100.",
                f"Sector {s.code} has a percentage of {format_number(s.percentage, 'en')}, "
                "outside 0 to 100.",
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
    title_fr="Une période budgétaire commence avant de finir et dure au plus un an",
    title_en="A budget period starts before it ends and lasts at most a year",
)
def _budget_periods(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for i, b in enumerate(p.funding.budgets):
        start, end = b.period.start, b.period.end
        if start >= end:
            yield Breach(
                (_field(f"funding.budgets[{i}]"),),
                f"Le budget [{i}] commence le {start.isoformat()}, pas avant sa fin le "
                f"{end.isoformat()}.",
                f"Budget [{i}] starts on {start.isoformat()}, not before it ends on "
                f"{end.isoformat()}.",
            )
        elif end >= a_year_after(start):
            yield Breach(
                (_field(f"funding.budgets[{i}]"),),
                f"Le budget [{i}] couvre du {start.isoformat()} au {end.isoformat()} : "
                "plus d'un an.",
                f"Budget [{i}] runs from {start.isoformat()} to {end.isoformat()}: "
                "more than a year.",
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
    title_fr="Les dates effectives et celles des transactions ne sont pas dans le futur",
    title_en="Actual and transaction dates are not in the future",
)
def _not_in_future(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    today = ctx.today()
    for i, t in enumerate(p.funding.transactions):
        if t.date > today:
            yield Breach(
                (_field(f"funding.transactions[{i}]"),),
                f"La transaction [{i}] est datée du {t.date.isoformat()}, dans le futur.",
                f"Transaction [{i}] is dated {t.date.isoformat()}, in the future.",
            )
    if ctx.reporting_org is None:
        return
    for which, day in zip(("start", "end"), actual_dates(p), strict=True):
        if day is not None and day > today:
            fr = "Le début" if which == "start" else "La fin"
            yield Breach(
                (Subject("programme", p.id),),
                f"{fr} effectif du programme est daté du {day.isoformat()}, dans le futur.",
                f"The programme's actual {which} is dated {day.isoformat()}, in the future.",
            )


def _amounts(p: Programme) -> Iterator[tuple[str, Money]]:
    for i, b in enumerate(p.funding.budgets):
        yield f"funding.budgets[{i}].value", b.value
    for i, t in enumerate(p.funding.transactions):
        yield f"funding.transactions[{i}].value", t.value


@rule(
    "FUN-005",
    title_fr="Chaque montant a une devise, la sienne ou celle par défaut",
    title_en="Every amount has a currency, its own or the default one",
)
def _currencies(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.funding.default_currency is not None:
        return
    for path, money in _amounts(p):
        if money.currency is None:
            yield Breach(
                (_field(path),),
                f"{path} n'a pas de devise, et le financement n'a pas de devise par défaut.",
                f"{path} has no currency, and the funding has no default currency.",
            )


def activity_identifier(p: Programme, reporting_org: str) -> str:
    """The IATI activity identifier: the one recorded, else ``{reporting_org}-{programme id}``."""
    return p.funding.identifier or f"{reporting_org}-{p.id}"


@rule(
    "FUN-006",
    title_fr="L'identifiant d'activité commence par la référence de l'organisation qui publie",
    title_en="The activity identifier starts with the reporting organisation's reference",
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
            f"L'identifiant « {ident} » contient / & | ? ou des espaces autour.",
            f"The identifier '{ident}' holds / & | ? or surrounding spaces.",
        )
    if org is not None and not ident.startswith(f"{org}-"):
        yield Breach(
            (_field("funding.identifier"),),
            f"L'identifiant « {ident} » ne commence pas par « {org}- », la référence de "
            "l'organisation qui publie suivie d'un tiret.",
            f"The identifier '{ident}' does not start with '{org}-', the reporting "
            "organisation's reference and a dash.",
        )


@rule(
    "FUN-007",
    title_fr="Un programme financé ou publié nomme ses organisations et ses dates prévues",
    title_en="A funded or published programme names its organisations and its planned dates",
)
def _publishable(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if ctx.reporting_org is None and p.funding.empty:
        return
    if not p.funding.participants:
        yield Breach(
            (_field("funding.participants"),),
            "Aucune organisation participante : il en faut au moins une pour publier le "
            "financement.",
            "No participating organisation: publishing the funding needs at least one.",
        )
    if p.planned is None:
        yield Breach(
            (_field("planned"),),
            "Pas de dates prévues : il les faut pour publier le financement.",
            "No planned dates: publishing the funding needs them.",
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
