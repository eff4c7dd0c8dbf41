"""Valid funding records for the builder, and one planted defect per funding rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from compagnonnage.model import (
    Budget,
    BudgetKind,
    BudgetStatus,
    Funding,
    Money,
    Organisation,
    OrganisationRole,
    Participant,
    Period,
    Programme,
    SectorShare,
    Transaction,
    TransactionKind,
)
from compagnonnage.testing._builder import Source

SECTORS = ("25010", "25030", "32130", "32140", "11330")
"""The DAC sectors that fit the method (DOMAIN.md)."""
_CURRENCIES = ("EUR", "XOF", "MGA")
_FUNDER = Organisation(name="Bailleur de fonds", type="10", ref="XM-DAC-00-1")
_NETWORK = Organisation(name="CMA France", type="15")


def _shares(src: Source) -> tuple[SectorShare, ...]:
    """One to three sectors whose whole-number percentages sum to 100."""
    codes = src.subset(SECTORS, 1)[:3]
    cuts = sorted({src.integer(1, 99) for _ in codes[1:]})[: len(codes) - 1]
    codes = codes[: len(cuts) + 1]
    bounds = [0, *cuts, 100]
    return tuple(
        SectorShare(code=c, percentage=Decimal(bounds[i + 1] - bounds[i]))
        for i, c in enumerate(codes)
    )


def _money(src: Source, on: dt.date, currency: str | None) -> Money:
    return Money(amount=Decimal(src.integer(1, 500) * 1000), value_date=on, currency=currency)


def build_funding(
    src: Source, *, beneficiary: Organisation, period: Period, last_day: dt.date
) -> Funding:
    """Funding that breaks no funding rule: budgets of at most a year inside ``period``,
    transactions dated no later than ``last_day``."""
    default = src.pick(_CURRENCIES) if src.integer(0, 1) else None
    budgets: list[Budget] = []
    start = period.start
    while start < period.end and len(budgets) < 3:
        end = min(period.end, start + dt.timedelta(days=src.integer(30, 364)))
        if end <= start:
            break
        currency = None if default and src.integer(0, 1) else src.pick(_CURRENCIES)
        budgets.append(
            Budget(
                period=Period(start=start, end=end),
                value=_money(src, start, currency),
                kind=src.pick(tuple(BudgetKind)),
                status=src.pick(tuple(BudgetStatus)),
            )
        )
        start = end + dt.timedelta(days=1)
    transactions = tuple(
        Transaction(
            kind=src.pick(tuple(TransactionKind)),
            date=min(last_day, period.start + dt.timedelta(days=30 * i)),
            value=_money(src, period.start, None if default else src.pick(_CURRENCIES)),
            ref=f"tr-{i}",
        )
        for i in range(src.integer(0, 3))
    )
    return Funding(
        participants=(
            Participant(organisation=_FUNDER, role=OrganisationRole.FUNDING),
            Participant(organisation=_NETWORK, role=OrganisationRole.IMPLEMENTING),
            Participant(organisation=beneficiary, role=OrganisationRole.IMPLEMENTING),
        ),
        sectors=_shares(src),
        budgets=tuple(budgets),
        transactions=transactions,
        default_currency=default,
    )


# -- one defect per funding rule ------------------------------------------------------

_PARTICIPANTS = (Participant(organisation=_FUNDER, role=OrganisationRole.FUNDING),)


def _funded(p: Programme, **changes: Any) -> Programme:
    base = p.funding if not p.funding.empty else Funding(participants=_PARTICIPANTS)
    return attrs.evolve(p, funding=attrs.evolve(base, **changes))


def _sectors_at_ninety(p: Programme) -> Programme:
    return _funded(
        p,
        sectors=(
            SectorShare(code="25030", percentage=Decimal(60)),
            SectorShare(code="32140", percentage=Decimal(30)),
        ),
    )


def _negative_sector(p: Programme) -> Programme:
    return _funded(
        p,
        sectors=(
            SectorShare(code="25030", percentage=Decimal(110)),
            SectorShare(code="32140", percentage=Decimal(-10)),
        ),
    )


def _two_year_budget(p: Programme) -> Programme:
    day = p.planned.start if p.planned else dt.date(2024, 1, 1)
    budget = Budget(
        period=Period(start=day, end=day + dt.timedelta(days=730)),
        value=Money(amount=Decimal(1000), value_date=day, currency="EUR"),
    )
    return _funded(p, budgets=(*p.funding.budgets, budget))


def _future_transaction(p: Programme) -> Programme:
    future = Transaction(
        kind=TransactionKind.DISBURSEMENT,
        date=dt.date.max,
        value=Money(amount=Decimal(1000), value_date=dt.date(2024, 1, 1), currency="EUR"),
    )
    return _funded(p, transactions=(*p.funding.transactions, future))


def _amount_without_currency(p: Programme) -> Programme:
    day = dt.date(2024, 1, 1)
    spent = Transaction(
        kind=TransactionKind.EXPENDITURE,
        date=day,
        value=Money(amount=Decimal(1000), value_date=day),
    )
    return _funded(p, default_currency=None, transactions=(*p.funding.transactions, spent))


def _identifier_with_slash(p: Programme) -> Programme:
    return _funded(p, identifier=f"XM-DAC-00-1-{p.id}/2")


def _funding_without_participants(p: Programme) -> Programme:
    return _funded(
        p, participants=(), sectors=(SectorShare(code="25030", percentage=Decimal(100)),)
    )


FUNDING_PLANTERS = {
    "FUN-001": _sectors_at_ninety,
    "FUN-002": _negative_sector,
    "FUN-003": _two_year_budget,
    "FUN-004": _future_transaction,
    "FUN-005": _amount_without_currency,
    "FUN-006": _identifier_with_slash,
    "FUN-007": _funding_without_participants,
}
"""A planter per funding rule: each breaks that rule and no other error-level rule."""


def with_funding(src: Source, p: Programme) -> Programme:
    """``p`` with valid funding records inside its planned period, the beneficiary among
    the implementing organisations, and no transaction after its last recorded day."""
    period = p.planned or Period(start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31))
    last = p.history[-1].at.date() if p.history else period.start
    beneficiary = Organisation(name=p.beneficiary.name, type="15")
    funding = build_funding(src, beneficiary=beneficiary, period=period, last_day=last)
    return attrs.evolve(p, funding=funding)
