"""The beneficiary body (corps intermédiaire), its people and its governance."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from functools import cached_property

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Period, RegionRef, TradeRef


class BodyKind(enum.Enum):
    """The kinds of intermediary body (corps intermédiaire) the method serves."""

    CONSULAR_CHAMBER = "consular_chamber"
    PROFESSIONAL_ORGANISATION = "professional_organisation"
    ASSOCIATION = "association"
    SERVICE_PROVIDER = "service_provider"


class Level(enum.Enum):
    """The territorial level of a body."""

    NATIONAL = "national"
    REGIONAL = "regional"
    LOCAL = "local"


class GoverningBodyKind(enum.Enum):
    """The governing bodies (instances) of a body."""

    GENERAL_ASSEMBLY = "general_assembly"
    BUREAU = "bureau"
    COMMISSION = "commission"


@frozen(kw_only=True)
class ElectedOfficial:
    """An elected artisan (élu) sitting in the body's governing bodies."""

    id: str = field(validator=v.identifier)
    name: str = field(validator=v.text)
    role: str | None = field(default=None, validator=v.optional_text)
    trade: TradeRef | None = field(default=None, validator=v.instance_of(TradeRef, optional=True))


@frozen(kw_only=True)
class StaffMember:
    """A salaried manager or agent (cadre, agent) of the body."""

    id: str = field(validator=v.identifier)
    name: str = field(validator=v.text)
    position: str | None = field(default=None, validator=v.optional_text)


@frozen(kw_only=True)
class GoverningBody:
    """A governing body (instance): general assembly, bureau or a commission."""

    id: str = field(validator=v.identifier)
    kind: GoverningBodyKind = field(validator=v.member_of(GoverningBodyKind))
    name: str = field(validator=v.text)
    member_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))


@frozen(kw_only=True)
class Term:
    """An elected term (mandature). Its length is a regional parameter."""

    period: Period = field(validator=v.instance_of(Period))
    number: int | None = field(default=None, validator=v.optional_count)


@frozen(kw_only=True)
class PlanAction:
    """One action of a mandate plan, with its owner and indicator."""

    id: str = field(validator=v.identifier)
    title: str = field(validator=v.text)
    owner_id: str | None = field(default=None, validator=v.optional_identifier)
    indicator: str | None = field(default=None, validator=v.optional_text)


@frozen(kw_only=True)
class PlanAxis:
    """A strategic axis of a mandate plan."""

    id: str = field(validator=v.identifier)
    title: str = field(validator=v.text)
    actions: tuple[PlanAction, ...] = field(default=(), validator=v.tuple_of(PlanAction))


@frozen(kw_only=True)
class MandatePlan:
    """The elected team's plan for its term (plan de mandature)."""

    term: Term = field(validator=v.instance_of(Term))
    adopted_on: dt.date | None = field(default=None, validator=v.a_date(optional=True))
    axes: tuple[PlanAxis, ...] = field(default=(), validator=v.tuple_of(PlanAxis))

    @property
    def adopted(self) -> bool:
        """Whether the governing bodies adopted the plan."""
        return self.adopted_on is not None


@frozen(kw_only=True)
class Membership:
    """Membership figures on one date, from the register to the users of services (adhésion).

    One point of the body's membership ledger (:attr:`Body.ledger`): dues and
    service revenue when known (in ``currency``, an ISO 4217 code such as
    ``"XOF"``), where the figures come from, and whether they
    are ``illustrative`` (invented for an example) rather than published.
    """

    registered: int = field(validator=v.count)
    card_holders: int | None = field(default=None, validator=v.optional_count)
    paying_members: int | None = field(default=None, validator=v.optional_count)
    service_users: int | None = field(default=None, validator=v.optional_count)
    as_of: dt.date | None = field(default=None, validator=v.a_date(optional=True))
    dues_revenue: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    service_revenue: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    currency: str | None = field(default=None, validator=v.optional_text)
    source: str | None = field(default=None, validator=v.optional_text)
    illustrative: bool = field(default=False, validator=v.instance_of(bool))


@frozen(kw_only=True)
class Body:
    """An intermediary body (corps intermédiaire): the beneficiary of a programme."""

    id: str = field(validator=v.identifier)
    name: str = field(validator=v.text)
    kind: BodyKind = field(validator=v.member_of(BodyKind))
    region: RegionRef = field(validator=v.instance_of(RegionRef))
    level: Level = field(validator=v.member_of(Level))
    parent_id: str | None = field(default=None, validator=v.optional_identifier)
    trades: tuple[TradeRef, ...] = field(default=(), validator=v.tuple_of(TradeRef))
    ledger: tuple[Membership, ...] = field(default=(), validator=v.tuple_of(Membership))
    governing_bodies: tuple[GoverningBody, ...] = field(
        default=(), validator=v.tuple_of(GoverningBody)
    )
    officials: tuple[ElectedOfficial, ...] = field(
        default=(), validator=v.tuple_of(ElectedOfficial)
    )
    staff: tuple[StaffMember, ...] = field(default=(), validator=v.tuple_of(StaffMember))
    current_term: Term | None = field(default=None, validator=v.instance_of(Term, optional=True))
    mandate_plan: MandatePlan | None = field(
        default=None, validator=v.instance_of(MandatePlan, optional=True)
    )

    @cached_property
    def people_ids(self) -> frozenset[str]:
        """Ids of everyone who belongs to the body: elected officials and staff."""
        return frozenset(p.id for p in self.officials) | frozenset(p.id for p in self.staff)

    @property
    def membership(self) -> Membership | None:
        """The latest point of the membership ledger (``None`` for an empty ledger)."""
        return self.ledger[-1] if self.ledger else None

    @property
    def country(self) -> str:
        """The body's ISO 3166-1 country code."""
        return self.region.country
