"""Hypothesis strategies for the compagnonnage model, in hypothesis' own style.

Every strategy is a function returning a strategy; options are keyword-only and
accept strategies where a choice is natural; nothing is drawn at import time.
What they generate breaks no error-level rule, unless you ask for a defect with
:func:`defective_programmes`.

>>> from hypothesis import given
>>> from compagnonnage import check
>>> @given(programmes())
... def test_generated_programmes_are_valid(programme):
...     assert check(programme).ok
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from compagnonnage.model import (
    ActionStatus,
    Body,
    Expert,
    Finding,
    Programme,
    RegionRef,
    Stage,
    SupportAction,
    TradeRef,
)
from compagnonnage.testing import _builder as b
from compagnonnage.testing._defects import DEFECTS
from compagnonnage.testing._funding import with_funding

__all__ = [
    "DEFECT_CODES",
    "bodies",
    "defective_programmes",
    "experts",
    "findings",
    "programmes",
    "region_refs",
    "stages",
    "support_actions",
    "trade_refs",
]

T = TypeVar("T")

DEFECT_CODES: tuple[str, ...] = tuple(sorted(DEFECTS))
"""The rule codes :func:`defective_programmes` knows how to break."""


class _DrawSource:
    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, lo: int, hi: int) -> int:
        return self._draw(st.integers(lo, hi))

    def pick(self, items: Sequence[T]) -> T:
        return self._draw(st.sampled_from(items))

    def subset(self, items: Sequence[T], lo: int) -> tuple[T, ...]:
        chosen = tuple(x for x in items if self._draw(st.booleans()))
        if len(chosen) >= min(lo, len(items)):
            return chosen
        return tuple(items[: min(lo, len(items))])


def _range(name: str, lo: int, hi: int) -> tuple[int, int]:
    if lo < 0 or hi < lo:
        raise InvalidArgument(f"{name}: expected 0 <= min <= max, got min={lo}, max={hi}")
    return (lo, hi)


def stages() -> st.SearchStrategy[Stage]:
    """Any stage, shrinking towards ``draft``."""
    return st.sampled_from(tuple(Stage))


def trade_refs(*, nomenclature: str = "test") -> st.SearchStrategy[TradeRef]:
    """Trade references in ``nomenclature`` with codes ``T01`` … ``T99``."""
    return st.integers(1, 99).map(lambda n: TradeRef(nomenclature, f"T{n:02d}"))


def region_refs() -> st.SearchStrategy[RegionRef]:
    """Regions of the UEMOA states: a country, sometimes narrowed to a subdivision."""

    @st.composite
    def _regions(draw: st.DrawFn) -> RegionRef:
        country = draw(st.sampled_from(b.COUNTRIES))
        subdivision = draw(st.none() | st.sampled_from(b.subdivisions(country)))
        return RegionRef(country=country, subdivision=subdivision)

    return _regions()


def bodies(*, max_officials: int = 6, max_staff: int = 4) -> st.SearchStrategy[Body]:
    """Beneficiary bodies with people, a bureau, a current term and an adopted plan."""
    _range("max_officials", 1, max_officials)
    _range("max_staff", 0, max_staff)

    @st.composite
    def _bodies(draw: st.DrawFn) -> Body:
        src = _DrawSource(draw)
        start = draw(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)))
        return b.build_body(
            src,
            n_officials=draw(st.integers(1, max_officials)),
            n_staff=draw(st.integers(0, max_staff)),
            start=start,
        )

    return _bodies()


def experts(*, max_size: int = 6) -> st.SearchStrategy[tuple[Expert, ...]]:
    """Expert teams (tuples with unique ids); the first is a network expert."""
    _range("max_size", 1, max_size)

    @st.composite
    def _experts(draw: st.DrawFn) -> tuple[Expert, ...]:
        return b.build_experts(_DrawSource(draw), draw(st.integers(1, max_size)))

    return _experts()


def programmes(
    *,
    stage: st.SearchStrategy[Stage] | None = None,
    trades: st.SearchStrategy[Sequence[TradeRef]] | None = None,
    max_experts: int = 4,
    max_missions: int = 3,
    max_findings: int = 4,
    min_actions: int = 0,
    max_actions: int = 4,
    funded: bool | st.SearchStrategy[bool] = False,
) -> st.SearchStrategy[Programme]:
    """Programmes that break no error-level core rule, at the stages ``stage`` draws.

    :param stage: a strategy of stages (any stage by default).
    :param trades: a strategy of scope trades (``test:T01``… by default); pass your
        plugin's trades so that STG-011 knows them.
    :param max_findings: the most major issues, good practices and
        recommendations each.
    :param min_actions: at least this many support actions; only programmes in
        the accompaniment or closed stage have actions, so a positive value
        restricts ``stage`` to those.
    :param funded: whether the programmes carry funding records (participating
        organisations, DAC sectors, budgets, transactions) that break no funding
        rule; a boolean or a strategy of booleans.
    """
    _range("experts", 1, max_experts)
    funded_strategy = funded if isinstance(funded, st.SearchStrategy) else st.just(funded)
    _range("missions", 1, max_missions)
    _range("findings", 1, max_findings)
    _range("actions", min_actions, max_actions)
    stage_strategy = stage if stage is not None else stages()
    if min_actions:
        stage_strategy = stage_strategy.filter(lambda s: s.rank >= Stage.ACCOMPANIMENT.rank)
    sizes = {
        "experts": (1, max_experts),
        "officials": (1, 4),
        "staff": (0, 3),
        "missions": (1, max_missions),
        "issues": (1, max_findings),
        "practices": (0, max_findings),
        "recommendations": (1, max_findings),
        "actions": (min_actions, max_actions),
    }

    @st.composite
    def _programmes(draw: st.DrawFn) -> Programme:
        chosen = draw(stage_strategy)
        scope_trades = draw(trades) if trades is not None else None
        src = _DrawSource(draw)
        built = b.build_programme(src, stage=chosen, trades=scope_trades, sizes=sizes)
        return with_funding(src, built) if draw(funded_strategy) else built

    return _programmes()


def defective_programmes(
    code: str | st.SearchStrategy[str], **options: Any
) -> st.SearchStrategy[Programme]:
    """Programmes that break the rule ``code`` (one of :data:`DEFECT_CODES`) and, for the
    error-level rules, no other error-level rule.

    ``options`` are passed to :func:`programmes` (``stage`` excepted: the defect
    chooses a stage where it can be planted).
    """
    if "stage" in options:
        raise InvalidArgument("defective_programmes() chooses the stage itself; do not pass stage=")
    codes = code if isinstance(code, st.SearchStrategy) else st.just(code)
    if isinstance(code, str) and code not in DEFECTS:
        raise InvalidArgument(
            f"no defect known for rule {code!r}; expected one of {', '.join(DEFECT_CODES)}"
        )

    @st.composite
    def _defective(draw: st.DrawFn) -> Programme:
        chosen = draw(codes)
        if chosen not in DEFECTS:
            raise InvalidArgument(f"no defect known for rule {chosen!r}")
        defect = DEFECTS[chosen]
        allowed = [s for s in Stage if defect.min_stage.rank <= s.rank <= defect.max_stage.rank]
        valid = draw(
            programmes(
                stage=st.sampled_from(allowed),
                **{
                    **options,
                    "min_actions": max(defect.min_actions, options.get("min_actions", 0)),
                },
            )
        )
        return defect.plant(valid)

    return _defective()


def findings(*, scope: Sequence[TradeRef] = ()) -> st.SearchStrategy[Finding]:
    """Major issues, good practices and recommendations, taken from generated diagnostics."""
    return programmes(
        stage=st.just(Stage.ACCOMPANIMENT), trades=st.just(tuple(scope)) if scope else None
    ).flatmap(lambda p: st.sampled_from(tuple(p.diagnostic.findings())))


def support_actions(
    *, status: st.SearchStrategy[ActionStatus] | None = None
) -> st.SearchStrategy[SupportAction]:
    """Support actions of every kind, taken from generated programmes."""
    actions = programmes(stage=st.just(Stage.ACCOMPANIMENT), min_actions=1).flatmap(
        lambda p: st.sampled_from(p.accompaniment.actions)
    )
    if status is None:
        return actions
    return st.tuples(actions, status).map(lambda pair: _with_status(*pair))


def _with_status(action: SupportAction, status: ActionStatus) -> SupportAction:
    import attrs

    return attrs.evolve(action, status=status)
