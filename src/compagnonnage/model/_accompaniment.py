"""The accompaniment stage: support actions (a closed set of kinds) and the service offer."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._body import MandatePlan
from compagnonnage.model._common import (
    Domain,
    Modality,
    Period,
    RegionRef,
    TradeRef,
    _domain_ref,
    _region_ref,
    _trade_ref,
)


class ActionStatus(enum.Enum):
    """Where a support action stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def started(self) -> bool:
        """Whether the action has started (in progress or completed)."""
        return self in (ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED)


class Audience(enum.Enum):
    """Who a training addresses (STG-008)."""

    ELECTED_OFFICIALS = "elected_officials"
    STAFF = "staff"


class StructuringFocus(enum.Enum):
    """What administrative structuring works on."""

    ADMINISTRATION = "administration"
    GOVERNING_BODIES = "governing_bodies"


class PricingMode(enum.Enum):
    """How a service is paid for."""

    INCLUDED_IN_DUES = "included_in_dues"
    PRICED = "priced"


@frozen(kw_only=True)
class Pricing:
    """The price of a service: included in dues, or priced for members and non-members."""

    mode: PricingMode = field(validator=v.member_of(PricingMode))
    """Included in the dues, or priced."""
    member_price: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    """The price for members, for a priced service."""
    non_member_price: Decimal | None = field(
        default=None, validator=v.instance_of(Decimal, optional=True)
    )
    """The price for non-members, for a priced service."""
    currency: str | None = field(default=None, validator=v.optional_text)
    """The ISO 4217 currency of the prices (``"XOF"``), if priced."""


@frozen(kw_only=True)
class OfferedService:
    """One service of a body's offer, traced to the recommendation it answers."""

    service_id: str = field(validator=v.identifier)
    """The service's id, unique in the offer."""
    label: str = field(validator=v.text)
    """The service's name, as constituents read it."""
    domain: Domain = field(validator=_domain_ref())
    """The support domain the service belongs to."""
    pricing: Pricing = field(validator=v.instance_of(Pricing))
    """How the service is paid for."""
    recommendation_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the recommendation the service answers, if any."""
    catalogue_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the catalogue the service was taken from, if any."""


@frozen(kw_only=True)
class ServiceOffer:
    """What a body provides to its constituents (offre de services)."""

    services: tuple[OfferedService, ...] = field(default=(), validator=v.tuple_of(OfferedService))
    """The services offered."""


@frozen(kw_only=True)
class SupportAction:
    """What every support action shares.

    ``answers`` names the recommendations of the diagnostic the action answers
    (STG-006); ``modality`` may be ``None`` while undecided, which STG-007 reports.
    """

    KIND: ClassVar[str] = "support_action"

    id: str = field(validator=v.identifier)
    """The action's id, unique in the programme."""
    title: str = field(validator=v.text)
    """What the action is, in the words of the report."""
    modality: Modality | None = field(validator=v.member_of(Modality, optional=True))
    """Remote or on site; ``None`` while undecided (STG-007)."""
    period: Period | None = field(default=None, validator=v.instance_of(Period, optional=True))
    """When the action takes place, once dated."""
    place: str | None = field(default=None, validator=v.optional_text)
    """Where, for an on-site action."""
    expert_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the experts of the programme who carry it out."""
    participant_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    """Ids of the beneficiary's people who take part."""
    answers: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the recommendations the action answers (STG-006)."""
    status: ActionStatus = field(default=ActionStatus.PLANNED, validator=v.member_of(ActionStatus))
    """Planned, in progress, completed or cancelled."""
    trade: TradeRef | None = field(default=None, validator=_trade_ref(optional=True))
    """The trade the action is for, if any (within the scope, STG-011)."""
    region: RegionRef | None = field(default=None, validator=_region_ref(optional=True))
    """The region the action is for, if any (within the scope, STG-011)."""


@frozen(kw_only=True)
class Training(SupportAction):
    """Training of elected officials and/or staff (formation des élus et des cadres).

    ``audience`` has no default: an empty audience breaks STG-008, so it is
    written out (an empty set stays possible, as in a draft, and is reported).
    """

    KIND: ClassVar[str] = "training"

    audience: frozenset[Audience] = field(validator=v.frozenset_of(Audience))
    """Elected officials and/or staff (STG-008)."""
    topics: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.text))
    """The subjects taught."""


@frozen(kw_only=True)
class MandatePlanning(SupportAction):
    """Drafting the mandate plan with the elected team; ``plan`` is what it produced."""

    KIND: ClassVar[str] = "mandate_planning"

    plan: MandatePlan | None = field(
        default=None, validator=v.instance_of(MandatePlan, optional=True)
    )
    """The mandate plan the action produced, once completed."""


@frozen(kw_only=True)
class Structuring(SupportAction):
    """Administrative structuring and the working of the governing bodies."""

    KIND: ClassVar[str] = "structuring"

    focus: frozenset[StructuringFocus] = field(
        default=frozenset(), validator=v.frozenset_of(StructuringFocus)
    )
    """Administration and/or the working of the governing bodies."""


@frozen(kw_only=True)
class MethodologicalSupport(SupportAction):
    """Methodological support to carry out the mandate plan, in one domain (STG-009)."""

    KIND: ClassVar[str] = "methodological_support"

    domain: Domain = field(validator=_domain_ref())
    """The support domain of the action (trades register, apprenticeship…)."""


@frozen(kw_only=True)
class ServiceOfferDesign(SupportAction):
    """Defining the body's service offer; ``offer`` is what it produced."""

    KIND: ClassVar[str] = "service_offer_design"

    offer: ServiceOffer | None = field(
        default=None, validator=v.instance_of(ServiceOffer, optional=True)
    )
    """The service offer the action produced, once completed."""


ACTION_KINDS: tuple[type[SupportAction], ...] = (
    Training,
    MandatePlanning,
    Structuring,
    MethodologicalSupport,
    ServiceOfferDesign,
)


@frozen(kw_only=True)
class Accompaniment:
    """The record of the accompaniment stage."""

    actions: tuple[SupportAction, ...] = field(default=(), validator=v.tuple_of(ACTION_KINDS))
    """The support actions, of the five kinds of ``ACTION_KINDS``."""
