"""Registers compagnonnage's types with hypothesis, once the model is imported.

hypothesis calls the ``hypothesis`` entry point, ``_compagnonnage_hypothesis``
(a top-level module, so that ``import hypothesis`` does not import
compagnonnage), when it is imported, in any project where compagnonnage is
installed. That hook calls :func:`_register` here as soon as
``compagnonnage.model`` is imported: afterwards ``st.from_type(Programme)``,
``st.from_type(Body)``, ``st.builds(MyRecord)`` with a ``Programme`` field and
friends draw valid objects from :mod:`compagnonnage.testing.strategies`.

Each registered strategy imports the strategies module the first time
hypothesis resolves it. ``import compagnonnage`` never imports this module.
``HYPOTHESIS_NO_PLUGINS=1`` turns every such hook off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from compagnonnage.model import Programme

_Parts = Callable[["Programme"], Sequence[Any]]


def _strategy(name: str) -> Callable[[type], SearchStrategy[Any]]:
    """Resolve to ``strategies.<name>()``, importing the strategies on first use."""

    def resolve(_cls: type) -> SearchStrategy[Any]:
        from compagnonnage.testing import strategies

        made: SearchStrategy[Any] = getattr(strategies, name)()
        return made

    return resolve


def _parts(parts: _Parts) -> Callable[[type], SearchStrategy[Any]]:
    """Resolve to one of ``parts(p)`` for generated programmes ``p`` in the accompaniment."""

    def resolve(_cls: type) -> SearchStrategy[Any]:
        from hypothesis import strategies as st

        from compagnonnage.model import Stage
        from compagnonnage.testing.strategies import programmes

        return (
            programmes(stage=Stage.ACCOMPANIMENT, min_actions=1)
            .map(lambda p: tuple(parts(p)))
            .filter(bool)
            .flatmap(st.sampled_from)
        )

    return resolve


def _of_kind(cls: type) -> _Parts:
    return lambda p: [a for a in p.accompaniment.actions if type(a) is cls]


def _register(m: ModuleType) -> None:
    """Register a strategy for each type of the model ``m`` a test may ask ``from_type`` for."""
    from hypothesis import strategies as st

    registry: dict[type, Callable[[type], SearchStrategy[Any]]] = {
        m.Programme: _strategy("programmes"),
        m.Body: _strategy("bodies"),
        m.Expert: _parts(lambda p: p.experts),
        m.TradeRef: _strategy("trade_refs"),
        m.RegionRef: _strategy("region_refs"),
        m.Finding: _strategy("findings"),
        m.MajorIssue: _parts(lambda p: p.diagnostic.issues),
        m.GoodPractice: _parts(lambda p: p.diagnostic.practices),
        m.Recommendation: _parts(lambda p: p.diagnostic.recommendations),
        m.Mission: _parts(lambda p: p.diagnostic.missions),
        m.Diagnostic: _parts(lambda p: (p.diagnostic,)),
        m.Preparation: _parts(lambda p: (p.preparation,)),
        m.Accompaniment: _parts(lambda p: (p.accompaniment,)),
        m.ReferencePartner: _parts(lambda p: (p.reference_partner,) if p.reference_partner else ()),
        m.SupportAction: _strategy("support_actions"),
        **{kind: _parts(_of_kind(kind)) for kind in m.ACTION_KINDS},
    }
    for cls, resolve in registry.items():
        st.register_type_strategy(cls, resolve)
