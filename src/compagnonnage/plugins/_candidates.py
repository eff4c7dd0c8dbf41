"""What the recommendation façade returns: support candidates, ranked, with the failures.

Imported on first use (``from compagnonnage.plugins import SupportCandidate``
or a recommendation), not while the manager is built.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Message, Text, _
from compagnonnage.diagnostics._module import bilingual
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import ACTION_KINDS, Domain, RegionRef, TradeRef
from compagnonnage.plugins._errors import PluginHookError

_ACTION_TAGS = frozenset(k.KIND for k in ACTION_KINDS)
_TAGS = ", ".join(sorted(_ACTION_TAGS))


def _score(instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a number in [0, 1]"),
            value,
        )


def _action_tag(instance: object, attribute: Any, value: Any) -> None:
    if value not in _ACTION_TAGS:
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("one of {listed}", listed=_TAGS),
            value,
        )


def _words(instance: object, attribute: Any, value: Any) -> None:
    """A :class:`Text` in French and English (data), or a :class:`Message` (a catalogue's)."""
    if isinstance(value, Message):
        return
    if isinstance(value, Text):
        bilingual(instance, attribute, value)
        return
    raise InvalidValueError(
        type(instance).__name__,
        attribute.name,
        _("a Text with French and English text, or a Message"),
        value,
    )


@frozen(kw_only=True)
class SupportCandidate:
    """A support action a plugin proposes for a recommendation.

    :ivar kind: the action kind tag (``"training"``, ``"methodological_support"`` …).
    :ivar score: how well it fits, from 0 to 1; candidates are ranked by it.
    :ivar title: what the action would do: a :class:`~compagnonnage._i18n.Text`
        (a module remedy's title, data) or a :class:`~compagnonnage._i18n.Message`
        of a plugin's catalogue.
    :ivar rationale: why it fits, likewise a message or a text.
    :ivar service_ids: catalogue services the action would draw on.
    :ivar module_id: the diagnostic module behind the proposal, if any.
    :ivar dimension_id: the dimension of that module, if any.
    """

    kind: str = field(validator=_action_tag)
    """The action kind tag (``"training"``, ``"methodological_support"``…)."""
    title: Text | Message = field(validator=_words)
    """What the action would do: ``title(lang)`` in any language."""
    score: float = field(validator=_score)
    """How well it fits, from 0 to 1; candidates are ranked by it."""
    rationale: Text | Message = field(validator=_words)
    """Why it fits: ``rationale(lang)`` in any language."""
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
