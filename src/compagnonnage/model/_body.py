"""The beneficiary body (corps intermédiaire), its people and its governance."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from functools import cached_property

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Period, RegionRef, TradeRef, _region_ref, _trade_ref


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
    """The official's id, unique in the programme."""
    name: str = field(validator=v.text)
    """The official's full name."""
    role: str | None = field(default=None, validator=v.optional_text)
    """The office held (``"président"``, ``"trésorier"``…), if known."""
    trade: TradeRef | None = field(default=None, validator=_trade_ref(optional=True))
    """The trade the official represents, if any."""


@frozen(kw_only=True)
class StaffMember:
    """A salaried manager or agent (cadre, agent) of the body."""

    id: str = field(validator=v.identifier)
    """The staff member's id, unique in the programme."""
    name: str = field(validator=v.text)
    """The staff member's full name."""
    position: str | None = field(default=None, validator=v.optional_text)
    """The position held (``"secrétaire général"``…), if known."""


@frozen(kw_only=True)
class GoverningBody:
    """A governing body (instance): general assembly, bureau or a commission."""

    id: str = field(validator=v.identifier)
    """The governing body's id."""
    kind: GoverningBodyKind = field(validator=v.member_of(GoverningBodyKind))
    """Which governing body: general assembly, bureau or commission."""
    name: str = field(validator=v.text)
    """Its name, as the body writes it."""
    member_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of its members, among the body's elected officials."""


@frozen(kw_only=True)
class Term:
    """An elected term (mandature). Its length is a regional parameter."""

    period: Period = field(validator=v.instance_of(Period))
    """The dates of the term of office (mandature)."""
    number: int | None = field(default=None, validator=v.optional_count)
    """The term's number in the body's history (1 for the first), if known."""


@frozen(kw_only=True)
class PlanAction:
    """One action of a mandate plan, with its owner and indicator."""

    id: str = field(validator=v.identifier)
    """The action's id within the mandate plan."""
    title: str = field(validator=v.text)
    """What is to be done."""
    owner_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the elected official or staff member in charge, if any."""
    indicator: str | None = field(default=None, validator=v.optional_text)
    """How its progress is measured, if said."""


@frozen(kw_only=True)
class PlanAxis:
    """A strategic axis of a mandate plan."""

    id: str = field(validator=v.identifier)
    """The axis's id within the mandate plan."""
    title: str = field(validator=v.text)
    """The axis's title."""
    actions: tuple[PlanAction, ...] = field(default=(), validator=v.tuple_of(PlanAction))
    """The actions of the axis."""


@frozen(kw_only=True)
class MandatePlan:
    """The elected team's plan for its term (plan de mandature)."""

    term: Term = field(validator=v.instance_of(Term))
    """The term of office the plan is for (STG-009 wants the body's current term)."""
    adopted_on: dt.date | None = field(default=None, validator=v.a_date(optional=True))
    """The day the governing bodies adopted the plan; ``None`` while a draft."""
    axes: tuple[PlanAxis, ...] = field(default=(), validator=v.tuple_of(PlanAxis))
    """The plan's strategic axes."""

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
    """Craft businesses on the trades register (répertoire des métiers)."""
    card_holders: int | None = field(default=None, validator=v.optional_count)
    """Holders of the professional card, if known."""
    paying_members: int | None = field(default=None, validator=v.optional_count)
    """Members paying their dues, if known."""
    service_users: int | None = field(default=None, validator=v.optional_count)
    """Users of the body's services, if known."""
    as_of: dt.date | None = field(default=None, validator=v.a_date(optional=True))
    """The day the figures are for, if known."""
    dues_revenue: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    """The revenue from members' dues, in ``currency``, if known."""
    service_revenue: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    """The revenue from the body's services, in ``currency``, if known."""
    currency: str | None = field(default=None, validator=v.optional_text)
    """The ISO 4217 currency of the revenues (``"XOF"``), if any is given."""
    source: str | None = field(default=None, validator=v.optional_text)
    """Where the figures come from, if said."""
    illustrative: bool = field(default=False, validator=v.instance_of(bool))
    """Whether the figures are invented for an example rather than published."""


@frozen(kw_only=True)
class Body:
    """An intermediary body (corps intermédiaire): the beneficiary of a programme."""

    id: str = field(validator=v.identifier)
    """The body's id, unique in the programme."""
    name: str = field(validator=v.text)
    """The body's full name."""
    kind: BodyKind = field(validator=v.member_of(BodyKind))
    """Chamber of trades, professional organisation, association or service provider."""
    region: RegionRef = field(validator=_region_ref())
    """Where the body sits: its country, or a subdivision of it."""
    level: Level = field(validator=v.member_of(Level))
    """National, regional or local."""
    parent_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the body it belongs to (a regional chamber's union), if any."""
    trades: tuple[TradeRef, ...] = field(default=(), validator=v.tuple_of(TradeRef))
    """The trades the body represents."""
    ledger: tuple[Membership, ...] = field(default=(), validator=v.tuple_of(Membership))
    """Its membership figures over time, oldest first (RES-005)."""
    governing_bodies: tuple[GoverningBody, ...] = field(
        default=(), validator=v.tuple_of(GoverningBody)
    )
    """Its governing bodies (instances)."""
    officials: tuple[ElectedOfficial, ...] = field(
        default=(), validator=v.tuple_of(ElectedOfficial)
    )
    """Its elected officials."""
    staff: tuple[StaffMember, ...] = field(default=(), validator=v.tuple_of(StaffMember))
    """Its staff members."""
    current_term: Term | None = field(default=None, validator=v.instance_of(Term, optional=True))
    """The term of office under way, if known (STG-009)."""
    mandate_plan: MandatePlan | None = field(
        default=None, validator=v.instance_of(MandatePlan, optional=True)
    )
    """The mandate plan the body adopted itself, if any (STG-009)."""

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
