"""Membership key figures over time, each defined only where its inputs are."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from attrs import frozen

from compagnonnage.model import Membership


@frozen(kw_only=True)
class KeyFigures:
    """The key figures of one point of the membership ledger.

    Every ratio is ``None`` when one of its inputs is unknown or its
    denominator is zero.

    :ivar paying_share: paying members / registered.
    :ivar service_uptake: users of services / registered.
    :ivar services_revenue_share: service revenue / (dues + service revenue).
    :ivar growth: registered / registered at the previous dated point, minus one.
    """

    as_of: dt.date | None
    registered: int
    paying_share: Decimal | None
    service_uptake: Decimal | None
    services_revenue_share: Decimal | None
    growth: Decimal | None
    illustrative: bool


def _ratio(part: int | Decimal | None, whole: int | Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return Decimal(part) / Decimal(whole)


def _growth(before: Membership | None, after: Membership) -> Decimal | None:
    if before is None or before.as_of is None or after.as_of is None or before.registered == 0:
        return None
    return Decimal(after.registered) / Decimal(before.registered) - 1


def key_figures(ledger: tuple[Membership, ...]) -> tuple[KeyFigures, ...]:
    """The key figures of each point of ``ledger`` (a body's :attr:`~compagnonnage.model.Body.ledger`), in order.

    >>> from compagnonnage.example import togo_programme
    >>> last = key_figures(togo_programme().beneficiary.ledger)[-1]
    >>> round(last.paying_share, 3), round(last.growth, 3), last.illustrative
    (Decimal('0.199'), Decimal('0.078'), True)
    """
    figures = []
    previous: Membership | None = None
    for m in ledger:
        revenue = (
            None
            if m.dues_revenue is None or m.service_revenue is None
            else m.dues_revenue + m.service_revenue
        )
        figures.append(
            KeyFigures(
                as_of=m.as_of,
                registered=m.registered,
                paying_share=_ratio(m.paying_members, m.registered),
                service_uptake=_ratio(m.service_users, m.registered),
                services_revenue_share=_ratio(m.service_revenue, revenue),
                growth=_growth(previous, m),
                illustrative=m.illustrative,
            )
        )
        previous = m
    return tuple(figures)


def growth(ledger: tuple[Membership, ...], start: dt.date, end: dt.date) -> Decimal | None:
    """The growth of the registered between the points dated ``start`` and ``end``.

    ``None`` unless both dates are points of the ledger and the first counts
    someone.

    >>> from compagnonnage.example import togo_programme
    >>> ledger = togo_programme().beneficiary.ledger
    >>> round(growth(ledger, dt.date(2018, 12, 31), dt.date(2022, 12, 31)), 2)
    Decimal('5.09')
    """
    points = {m.as_of: m for m in ledger if m.as_of is not None}
    if start not in points or end not in points:
        return None
    return _growth(points[start], points[end])
