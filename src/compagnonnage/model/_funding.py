"""Money and the organisations behind a programme: funders, implementers, sectors, budgets.

What a funder asks to know and what IATI publishes (:mod:`compagnonnage.iati`):
who takes part in which role, the DAC sectors the programme serves, its budgets
per period of at most a year, and what was committed, disbursed and spent. The
rules FUN-001 … FUN-007 check these records (:mod:`compagnonnage.rules`).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Period


class OrganisationRole(enum.Enum):
    """What an organisation does in a programme (IATI's organisation roles 1-4)."""

    FUNDING = "funding"
    """Bailleur de fonds: provides the money."""
    ACCOUNTABLE = "accountable"
    """Answers for the programme to the funder."""
    EXTENDING = "extending"
    """Manages the funding on the funder's behalf."""
    IMPLEMENTING = "implementing"
    """Opérateur, partenaire de mise en œuvre: carries the programme out."""


@frozen(kw_only=True)
class Organisation:
    """An organisation taking part in a programme, as IATI names it."""

    name: str = field(validator=v.text)
    """Its name, as it calls itself."""
    type: str = field(validator=v.text)
    """Its IATI organisation type code (``"10"`` government, ``"15"`` other public sector,
    ``"21"`` international NGO, ``"40"`` multilateral …)."""
    ref: str | None = field(default=None, validator=v.optional_text)
    """Its IATI organisation identifier (``"FR-3"``), when it has one."""


@frozen(kw_only=True)
class Participant:
    """An organisation in one role."""

    organisation: Organisation = field(validator=v.instance_of(Organisation))
    """Who."""
    role: OrganisationRole = field(validator=v.member_of(OrganisationRole))
    """In which role."""


@frozen(kw_only=True)
class SectorShare:
    """A DAC 5-digit sector (``"25030"`` business development services) and its share."""

    code: str = field(validator=v.text)
    """The OECD DAC CRS purpose code, five digits."""
    percentage: Decimal = field(validator=v.instance_of(Decimal))
    """Its share of the programme, 0-100; the shares sum to 100 (FUN-001, FUN-002)."""


@frozen(kw_only=True)
class Money:
    """An amount in a currency, valued on a date (for conversions)."""

    amount: Decimal = field(validator=v.instance_of(Decimal))
    """How much."""
    value_date: dt.date = field(validator=v.a_date())
    """The date the amount is valued at."""
    currency: str | None = field(default=None, validator=v.optional_currency)
    """The ISO 4217 currency (``"EUR"``, ``"XOF"``); the funding's default when absent
    (FUN-005)."""


class BudgetKind(enum.Enum):
    """An original budget, or a revision of it."""

    ORIGINAL = "original"
    REVISED = "revised"


class BudgetStatus(enum.Enum):
    """Whether a budget is indicative or committed."""

    INDICATIVE = "indicative"
    COMMITTED = "committed"


@frozen(kw_only=True)
class Budget:
    """The money planned for one period of at most a year (FUN-003)."""

    period: Period = field(validator=v.instance_of(Period))
    """The budget period."""
    value: Money = field(validator=v.instance_of(Money))
    """The amount planned."""
    kind: BudgetKind = field(default=BudgetKind.ORIGINAL, validator=v.member_of(BudgetKind))
    """Original or revised."""
    status: BudgetStatus = field(
        default=BudgetStatus.INDICATIVE, validator=v.member_of(BudgetStatus)
    )
    """Indicative or committed."""


class TransactionKind(enum.Enum):
    """What a transaction records (IATI's transaction types 1-4)."""

    INCOMING_FUNDS = "incoming_funds"
    COMMITMENT = "commitment"
    """Engagement: a firm written obligation to provide the money."""
    DISBURSEMENT = "disbursement"
    """Décaissement: money sent to another organisation."""
    EXPENDITURE = "expenditure"
    """Money spent on goods and services."""


@frozen(kw_only=True)
class Transaction:
    """A commitment, disbursement or expenditure, dated (not in the future, FUN-004)."""

    kind: TransactionKind = field(validator=v.member_of(TransactionKind))
    """What it records."""
    date: dt.date = field(validator=v.a_date())
    """When it happened."""
    value: Money = field(validator=v.instance_of(Money))
    """How much."""
    ref: str | None = field(default=None, validator=v.optional_text)
    """The reporting organisation's own reference for it."""
    description: str | None = field(default=None, validator=v.optional_text)
    """What it was for."""
    provider: Organisation | None = field(
        default=None, validator=v.instance_of(Organisation, optional=True)
    )
    """Who the money came from."""
    receiver: Organisation | None = field(
        default=None, validator=v.instance_of(Organisation, optional=True)
    )
    """Who the money went to."""


@frozen(kw_only=True)
class Funding:
    """The funding side of a programme: who takes part, sectors, budgets and transactions.

    Empty by default: a programme needs funding records only to be published
    (:mod:`compagnonnage.iati`).
    """

    participants: tuple[Participant, ...] = field(default=(), validator=v.tuple_of(Participant))
    """The organisations taking part, each in its role: funders, CMA network bodies,
    the beneficiary."""
    sectors: tuple[SectorShare, ...] = field(default=(), validator=v.tuple_of(SectorShare))
    """The DAC sectors the programme serves, with their shares."""
    budgets: tuple[Budget, ...] = field(default=(), validator=v.tuple_of(Budget))
    """The budgets, per period of at most a year."""
    transactions: tuple[Transaction, ...] = field(default=(), validator=v.tuple_of(Transaction))
    """Commitments, disbursements and expenditure."""
    default_currency: str | None = field(default=None, validator=v.optional_currency)
    """The currency of every amount that names none (FUN-005)."""
    identifier: str | None = field(default=None, validator=v.optional_text)
    """The IATI activity identifier once published, which must never change; until then
    the export builds it from the reporting organisation's reference and the programme
    id (FUN-006)."""
    description: str | None = field(default=None, validator=v.optional_text)
    """What the published activity says it is; a sentence built from the programme when
    absent."""

    @property
    def empty(self) -> bool:
        """Whether nothing is recorded."""
        return self == _EMPTY


_EMPTY = Funding()
