"""Experts and the reference partner."""

from __future__ import annotations

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Affiliation, Competence, Domain


@frozen(kw_only=True)
class Expert:
    """A network expert (expert du réseau des CMA) or a local expert (expert local)."""

    id: str = field(validator=v.identifier)
    """The expert's id, unique in the programme."""
    name: str = field(validator=v.text)
    """The expert's full name."""
    affiliation: Affiliation = field(validator=v.member_of(Affiliation))
    """Network expert (CMA network) or local expert."""
    home_chamber: str | None = field(default=None, validator=v.optional_text)
    """The chamber or firm the expert comes from, if said."""
    competences: frozenset[Competence] = field(
        default=frozenset(), validator=v.frozenset_of(Competence)
    )
    """What the expert is qualified to do (STG-012 for diagnostic missions)."""
    domains: frozenset[Domain] = field(default=frozenset(), validator=v.frozenset_of(Domain))
    """The support domains the expert knows."""
    languages: tuple[str, ...] = field(default=("fr",), validator=v.tuple_of(str, item=v.language))
    """The languages the expert works in, as ISO 639-1 codes."""

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
    """Id of one of the beneficiary's elected officials or staff members."""
    name: str = field(validator=v.text)
    """The partner's full name."""
    body_id: str = field(validator=v.identifier)
    """Id of the beneficiary body the partner belongs to (STG-002)."""
    position: str | None = field(default=None, validator=v.optional_text)
    """The partner's position in the body, if said."""
