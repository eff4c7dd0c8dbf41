"""Service catalogues, and building a service offer from catalogue items.

A :class:`ServiceCatalogue` lists the services a body can offer its constituents
(offre de services): each with a support domain, the trades and regions it fits,
how it is delivered and how it is paid for. :func:`design_service_offer` turns
chosen items, each traced to the recommendation it answers, into a
:class:`~compagnonnage.model.ServiceOfferDesign` support action.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Lang, Text, _
from compagnonnage.diagnostics._module import bilingual
from compagnonnage.errors import InvalidValueError, UnknownReferenceError
from compagnonnage.model import (
    Domain,
    Modality,
    OfferedService,
    Pricing,
    Programme,
    RegionRef,
    ServiceOffer,
    ServiceOfferDesign,
    TradeRef,
)

__all__ = ["OfferItem", "Service", "ServiceCatalogue", "design_service_offer"]


@frozen(kw_only=True)
class Service:
    """One service of a catalogue."""

    id: str = field(validator=v.identifier)
    """The service's id, unique across catalogues."""
    label: Text = field(validator=bilingual)
    """The service's name, in both languages."""
    domain: Domain = field(validator=v.instance_of(Domain))
    """The support domain it belongs to."""
    modality: Modality = field(validator=v.member_of(Modality))
    """Remote or on site."""
    pricing: Pricing = field(validator=v.instance_of(Pricing))
    """How it is paid for."""
    trades: frozenset[TradeRef] = field(default=frozenset(), validator=v.frozenset_of(TradeRef))
    """The trades it fits; empty means every trade."""
    regions: frozenset[RegionRef] = field(default=frozenset(), validator=v.frozenset_of(RegionRef))
    """The regions it fits; empty means everywhere."""
    description: Text | None = field(default=None, validator=v.instance_of(Text, optional=True))
    """What the service does, in both languages, if said."""

    def fits(self, trade: TradeRef | None = None, region: RegionRef | None = None) -> bool:
        """Whether the service fits ``trade`` and ``region`` (``None`` matches anything)."""
        if trade is not None and self.trades and trade not in self.trades:
            return False
        if region is None or not self.regions:
            return True
        return any(r.contains(region) or region.contains(r) for r in self.regions)


@frozen(kw_only=True)
class OfferItem:
    """A catalogue service chosen for an offer, and the recommendation it answers."""

    catalogue_id: str = field(validator=v.identifier)
    """Id of the catalogue the service comes from."""
    service: Service = field(validator=v.instance_of(Service))
    """The service chosen."""
    recommendation_id: str = field(validator=v.identifier)
    """Id of the recommendation the service answers."""


@frozen(kw_only=True)
class ServiceCatalogue:
    """A named list of services with distinct ids."""

    id: str = field(validator=v.identifier)
    """The catalogue's id, unique across plugins."""
    title: Text = field(validator=bilingual)
    """The catalogue's title, in both languages."""
    services: tuple[Service, ...] = field(validator=v.tuple_of(Service))
    """Its services, with distinct ids."""

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for s in self.services:
            if s.id in seen:
                raise InvalidValueError(
                    f"ServiceCatalogue {self.id!r}",
                    "services",
                    _("distinct service ids"),
                    s.id,
                )
            seen.add(s.id)

    def __getitem__(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)

    def services_for(
        self, trade: TradeRef | None = None, region: RegionRef | None = None
    ) -> tuple[Service, ...]:
        """The services that fit ``trade`` and ``region``, in catalogue order."""
        return tuple(s for s in self.services if s.fits(trade, region))

    def pick(self, service_id: str, *, answers: str) -> OfferItem:
        """An :class:`OfferItem` for service ``service_id``, answering recommendation ``answers``."""
        try:
            service = self[service_id]
        except KeyError:
            raise InvalidValueError(
                f"ServiceCatalogue {self.id!r}",
                "service_id",
                _("a service of the catalogue"),
                service_id,
            ) from None
        return OfferItem(catalogue_id=self.id, service=service, recommendation_id=answers)


def design_service_offer(
    programme: Programme,
    items: Iterable[OfferItem],
    *,
    id: str,
    title: str,
    modality: Modality,
    lang: Lang = "fr",
    expert_ids: tuple[str, ...] = (),
    participant_ids: tuple[str, ...] = (),
) -> ServiceOfferDesign:
    """A planned :class:`~compagnonnage.model.ServiceOfferDesign` offering ``items``.

    The action answers every recommendation the items answer (STG-006), and its
    offer lists each service once per recommendation, labelled in ``lang``.

    :raises UnknownReferenceError: an item answers a recommendation the
        programme's diagnostic does not hold.
    :raises InvalidValueError: ``items`` is empty.
    """
    chosen = tuple(items)
    if not chosen:
        raise InvalidValueError(
            "design_service_offer",
            "items",
            _("at least one OfferItem"),
            chosen,
        )
    known = programme.diagnostic.recommendation_ids
    services: list[OfferedService] = []
    answers: list[str] = []
    for item in chosen:
        if item.recommendation_id not in known:
            raise UnknownReferenceError("recommendation", item.recommendation_id, programme.id)
        if item.recommendation_id not in answers:
            answers.append(item.recommendation_id)
        offered = OfferedService(
            service_id=item.service.id,
            label=item.service.label(lang),
            domain=item.service.domain,
            pricing=item.service.pricing,
            recommendation_id=item.recommendation_id,
            catalogue_id=item.catalogue_id,
        )
        if offered not in services:
            services.append(offered)
    return ServiceOfferDesign(
        id=id,
        title=title,
        modality=modality,
        expert_ids=expert_ids,
        participant_ids=participant_ids,
        answers=tuple(answers),
        offer=ServiceOffer(services=tuple(services)),
    )
