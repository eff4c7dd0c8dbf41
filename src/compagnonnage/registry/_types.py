"""What plugins register besides modules, catalogues and rules: trade nomenclatures, regions."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Text, _
from compagnonnage.diagnostics._module import bilingual
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import RegionRef, TradeRef


@frozen(kw_only=True)
class Trade:
    """A trade (métier) of a nomenclature."""

    code: str = field(validator=v.identifier)
    """The trade's code, unique in its nomenclature."""
    title: Text = field(validator=bilingual)
    """The trade's name, in both languages."""


@frozen(kw_only=True)
class TradeGroup:
    """A trade group (corps de métiers): related trades."""

    code: str = field(validator=v.identifier)
    """The group's code, unique in its nomenclature."""
    title: Text = field(validator=bilingual)
    """The group's name, in both languages."""
    trades: tuple[Trade, ...] = field(validator=v.tuple_of(Trade))
    """The trades of the group."""


@frozen(kw_only=True)
class Branch:
    """A branch of activity (branche d'activités): trade groups."""

    code: str = field(validator=v.identifier)
    """The branch's code, unique in its nomenclature."""
    title: Text = field(validator=bilingual)
    """The branch's name, in both languages."""
    groups: tuple[TradeGroup, ...] = field(validator=v.tuple_of(TradeGroup))
    """The trade groups of the branch."""


@frozen(kw_only=True)
class Nomenclature:
    """A nomenclature of trades: branch → trade group → trade, with distinct codes.

    :ivar source: the legal text or publication it follows, in both languages.
    """

    id: str = field(validator=v.identifier)
    """The nomenclature's id, which trade keys name (``TradeRef("uemoa", …)``)."""
    title: Text = field(validator=bilingual)
    """The nomenclature's name, in both languages."""
    branches: tuple[Branch, ...] = field(validator=v.tuple_of(Branch))
    """Its branches of activity, from which every code is distinct."""
    source: Text | None = field(default=None, validator=v.instance_of(Text, optional=True))
    """The legal text or publication it follows, in both languages."""

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for code in self._codes():
            if code in seen:
                raise InvalidValueError(
                    f"Nomenclature {self.id!r}",
                    "branches",
                    _("distinct codes"),
                    code,
                )
            seen.add(code)

    def _codes(self) -> Iterator[str]:
        for b in self.branches:
            yield b.code
            for g in b.groups:
                yield g.code
                yield from (t.code for t in g.trades)

    def trades(self) -> Iterator[tuple[TradeRef, Trade, TradeGroup, Branch]]:
        """Every trade with its reference, group and branch, in nomenclature order."""
        for b in self.branches:
            for g in b.groups:
                for t in g.trades:
                    yield TradeRef(self.id, t.code), t, g, b

    @property
    def codes(self) -> frozenset[str]:
        """The codes of every trade (not of branches or groups)."""
        return frozenset(ref.code for ref, *_ in self.trades())


@frozen(kw_only=True)
class RegionProfile:
    """A region's parameters: the elected term and the texts in force.

    :ivar term_years: length of an elected term of the chambers, if known.
    :ivar renewals: how many times a term may be renewed (``None``: unknown or unlimited).
    :ivar nomenclature: id of the trade nomenclature in force.
    :ivar legal_basis: the texts that frame crafts in the region.
    """

    region: RegionRef = field(validator=v.instance_of(RegionRef))
    """The country or subdivision the profile is for."""
    title: Text = field(validator=bilingual)
    """The region's name, in both languages."""
    term_years: int | None = field(default=None, validator=v.optional_count)
    """Length of an elected term of the chambers, in years, if known."""
    renewals: int | None = field(default=None, validator=v.optional_count)
    """How many times a term may be renewed (``None``: unknown or unlimited)."""
    nomenclature: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the trade nomenclature in force, if any."""
    legal_basis: tuple[Text, ...] = field(default=(), validator=v.tuple_of(Text))
    """The texts that frame crafts in the region."""
