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
_TAGS = ", ".join(sorted(_ACTION_TAGS))


@frozen(kw_only=True)
class Trade:
    """A trade (métier) of a nomenclature."""

    code: str = field(validator=v.identifier)
    title: Message = field(validator=bilingual)


@frozen(kw_only=True)
class TradeGroup:
    """A trade group (corps de métiers): related trades."""

    code: str = field(validator=v.identifier)
    title: Message = field(validator=bilingual)
    trades: tuple[Trade, ...] = field(validator=v.tuple_of(Trade))


@frozen(kw_only=True)
class Branch:
    """A branch of activity (branche d'activités): trade groups."""

    code: str = field(validator=v.identifier)
    title: Message = field(validator=bilingual)
    groups: tuple[TradeGroup, ...] = field(validator=v.tuple_of(TradeGroup))


@frozen(kw_only=True)
class Nomenclature:
    """A nomenclature of trades: branch → trade group → trade, with distinct codes.

    :ivar source: the legal text or publication it follows, in both languages.
    """

    id: str = field(validator=v.identifier)
    title: Message = field(validator=bilingual)
    branches: tuple[Branch, ...] = field(validator=v.tuple_of(Branch))
    source: Message | None = field(default=None, validator=v.instance_of(Message, optional=True))

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for code in self._codes():
            if code in seen:
                raise InvalidValueError(
                    f"Nomenclature {self.id!r}",
                    "branches",
                    Message("des codes distincts", "distinct codes"),
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
    title: Message = field(validator=bilingual)
    term_years: int | None = field(default=None, validator=v.optional_count)
    renewals: int | None = field(default=None, validator=v.optional_count)
    nomenclature: str | None = field(default=None, validator=v.optional_identifier)
    legal_basis: tuple[Message, ...] = field(default=(), validator=v.tuple_of(Message))


def _score(instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            Message("un nombre dans [0, 1]", "a number in [0, 1]"),
            value,
        )


def _action_tag(instance: object, attribute: Any, value: Any) -> None:
    if value not in _ACTION_TAGS:
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            Message(f"l'une des valeurs {_TAGS}", f"one of {_TAGS}"),
            value,
        )


@frozen(kw_only=True)
class SupportCandidate:
    """A support action a plugin proposes for a recommendation.

    :ivar kind: the action kind tag (``"training"``, ``"methodological_support"`` …).
    :ivar score: how well it fits, from 0 to 1; candidates are ranked by it.
    :ivar rationale: why it fits, in both languages.
    :ivar service_ids: catalogue services the action would draw on.
    :ivar module_id: the diagnostic module behind the proposal, if any.
    :ivar dimension_id: the dimension of that module, if any.
    """

    kind: str = field(validator=_action_tag)
    title: Message = field(validator=bilingual)
    score: float = field(validator=_score)
    rationale: Message = field(validator=bilingual)
    domain: Domain | None = field(default=None, validator=v.instance_of(Domain, optional=True))
    service_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    module_id: str | None = field(default=None, validator=v.optional_identifier)
    dimension_id: str | None = field(default=None, validator=v.optional_identifier)


@frozen(kw_only=True)
class RankedCandidate:
    """A candidate with its rank (1 is best) and the plugin that proposed it."""

    rank: int
    plugin: str
    candidate: SupportCandidate


@frozen(kw_only=True)
class SupportRecommendations:
    """What the plugins propose for one recommendation, ranked, and the plugins that failed.

    Candidates are ranked by score (highest first), then plugin name and English
    title, so the order is deterministic.
    """

    recommendation_id: str
    trade: TradeRef | None
    region: RegionRef | None
    candidates: tuple[RankedCandidate, ...]
    failures: tuple[PluginHookError, ...] = ()

    @property
    def best(self) -> RankedCandidate | None:
        """The first-ranked candidate, if any."""
        return self.candidates[0] if self.candidates else None


@frozen(kw_only=True)
class PluginInfo:
    """One plugin as the manager sees it.

    :ivar name: the entry-point name (or module name); ``"builtin"`` for the core.
    :ivar distribution: the installed distribution providing it, if any.
    :ivar version: that distribution's version, if any.
    :ivar hooks: the hooks it implements, sorted.
    :ivar registered: what it registered, by kind (``"module"``, ``"rule"`` …), ids sorted.
    :ivar error: why it was set aside; ``None`` when it loaded.
    """

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    registered: Mapping[str, tuple[str, ...]]
    error: PluginError | None = None

    @property
    def loaded(self) -> bool:
        """Whether the plugin is active."""
        return self.error is None
