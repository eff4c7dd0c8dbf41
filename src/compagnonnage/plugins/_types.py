"""What plugins register and what the façade returns: nomenclatures, regions, candidates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Message
from compagnonnage.diagnostics._module import bilingual
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import ACTION_KINDS, Domain, RegionRef, TradeRef
from compagnonnage.plugins._errors import PluginError, PluginHookError

_ACTION_TAGS = frozenset(k.KIND for k in ACTION_KINDS)


@frozen(kw_only=True)
class Trade:
    """A trade (métier) of a nomenclature."""

    code: str = field(validator=v.identifier)
    """The trade's code, unique in its nomenclature."""
    title: Message = field(validator=bilingual)
    """The trade's name, in both languages."""


@frozen(kw_only=True)
class TradeGroup:
    """A trade group (corps de métiers): related trades."""

    code: str = field(validator=v.identifier)
    """The group's code, unique in its nomenclature."""
    title: Message = field(validator=bilingual)
    """The group's name, in both languages."""
    trades: tuple[Trade, ...] = field(validator=v.tuple_of(Trade))
    """The trades of the group."""


@frozen(kw_only=True)
class Branch:
    """A branch of activity (branche d'activités): trade groups."""

    code: str = field(validator=v.identifier)
    """The branch's code, unique in its nomenclature."""
    title: Message = field(validator=bilingual)
    """The branch's name, in both languages."""
    groups: tuple[TradeGroup, ...] = field(validator=v.tuple_of(TradeGroup))
    """The trade groups of the branch."""


@frozen(kw_only=True)
class Nomenclature:
    """A nomenclature of trades: branch → trade group → trade, with distinct codes."""

    id: str = field(validator=v.identifier)
    """The nomenclature's id, which trade keys name (``TradeRef("uemoa", …)``)."""
    title: Message = field(validator=bilingual)
    """The nomenclature's name, in both languages."""
    branches: tuple[Branch, ...] = field(validator=v.tuple_of(Branch))
    """Its branches of activity, from which every code is distinct."""
    source: Message | None = field(default=None, validator=v.instance_of(Message, optional=True))
    """The legal text or publication it follows, in both languages."""

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for code in self._codes():
            if code in seen:
                raise InvalidValueError(
                    f"Nomenclature {self.id!r}", "branches", "distinct codes", code
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
    """A region's parameters: the elected term and the texts in force."""

    region: RegionRef = field(validator=v.instance_of(RegionRef))
    """The country or subdivision the profile is for."""
    title: Message = field(validator=bilingual)
    """The region's name, in both languages."""
    term_years: int | None = field(default=None, validator=v.optional_count)
    """Length of an elected term of the chambers, in years, if known."""
    renewals: int | None = field(default=None, validator=v.optional_count)
    """How many times a term may be renewed (``None``: unknown or unlimited)."""
    nomenclature: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the trade nomenclature in force, if any."""
    legal_basis: tuple[Message, ...] = field(default=(), validator=v.tuple_of(Message))
    """The texts that frame crafts in the region."""


def _score(instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise InvalidValueError(
            type(instance).__name__, attribute.name, "a number in [0, 1]", value
        )


def _action_tag(instance: object, attribute: Any, value: Any) -> None:
    if value not in _ACTION_TAGS:
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            "one of " + ", ".join(sorted(_ACTION_TAGS)),
            value,
        )


@frozen(kw_only=True)
class SupportCandidate:
    """A support action a plugin proposes for a recommendation."""

    kind: str = field(validator=_action_tag)
    """The action kind tag (``"training"``, ``"methodological_support"``…)."""
    title: Message = field(validator=bilingual)
    """What the action would do, in both languages."""
    score: float = field(validator=_score)
    """How well it fits, from 0 to 1; candidates are ranked by it."""
    rationale: Message = field(validator=bilingual)
    """Why it fits, in both languages."""
    domain: Domain | None = field(default=None, validator=v.instance_of(Domain, optional=True))
    """The support domain, for methodological support."""
    service_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the catalogue services the action would draw on."""
    module_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the diagnostic module behind the proposal, if any."""
    dimension_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of the dimension of that module, if any."""


@frozen(kw_only=True)
class RankedCandidate:
    """A candidate with its rank (1 is best) and the plugin that proposed it."""

    rank: int
    """The candidate's rank, 1 for the best."""
    plugin: str
    """Name of the plugin that proposed it."""
    candidate: SupportCandidate
    """The candidate itself."""


@frozen(kw_only=True)
class SupportRecommendations:
    """What the plugins propose for one recommendation, ranked, and the plugins that failed.

    Candidates are ranked by score (highest first), then plugin name and English
    title, so the order is deterministic.
    """

    recommendation_id: str
    """Id of the recommendation answered."""
    trade: TradeRef | None
    """The trade the plugins were asked about, if any."""
    region: RegionRef | None
    """The region the plugins were asked about, if any."""
    candidates: tuple[RankedCandidate, ...]
    """Every candidate, best first."""
    failures: tuple[PluginHookError, ...] = ()
    """The plugins whose hook failed, each with its error."""

    @property
    def best(self) -> RankedCandidate | None:
        """The first-ranked candidate, if any."""
        return self.candidates[0] if self.candidates else None


@frozen(kw_only=True)
class PluginInfo:
    """One plugin as the manager sees it."""

    name: str
    """The entry-point name (or module name); ``"builtin"`` for the core."""
    distribution: str | None
    """The installed distribution providing it, if any."""
    version: str | None
    """That distribution's version, if any."""
    hooks: tuple[str, ...]
    """The hooks it implements, sorted."""
    registered: Mapping[str, tuple[str, ...]]
    """What it registered, by kind (``"module"``, ``"rule"``…), ids sorted."""
    error: PluginError | None = None
    """Why it was set aside; ``None`` when it loaded."""

    @property
    def loaded(self) -> bool:
        """Whether the plugin is active."""
        return self.error is None
