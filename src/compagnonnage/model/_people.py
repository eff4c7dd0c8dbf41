"""Experts and the reference partner."""

from __future__ import annotations

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Affiliation, Competence, Domain


@frozen(kw_only=True)
class Expert:
    """A network expert (expert du réseau des CMA) or a local expert (expert local)."""

    id: str = field(validator=v.identifier)
    name: str = field(validator=v.text)
    affiliation: Affiliation = field(validator=v.member_of(Affiliation))
    home_chamber: str | None = field(default=None, validator=v.optional_text)
    competences: frozenset[Competence] = field(
        default=frozenset(), validator=v.frozenset_of(Competence)
    )
    domains: frozenset[Domain] = field(default=frozenset(), validator=v.frozenset_of(Domain))
    languages: tuple[str, ...] = field(default=("fr",), validator=v.tuple_of(str, item=v.language))

    @property
    def is_network(self) -> bool:
        """Whether the expert belongs to the CMA network."""
        return self.affiliation is Affiliation.NETWORK


@frozen(kw_only=True)
class ReferencePartner:
    """The person inside the beneficiary who coordinates the experts (partenaire de référence).

    ``id`` is the id of one of the body's elected officials or staff members, and
    ``body_id`` the body's id (STG-002 checks both).
    """

    id: str = field(validator=v.identifier)
    name: str = field(validator=v.text)
    body_id: str = field(validator=v.identifier)
    position: str | None = field(default=None, validator=v.optional_text)
