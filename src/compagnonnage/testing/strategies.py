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
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from compagnonnage.errors import InvalidValueError
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
from compagnonnage.testing._defects import VARIANTS
from compagnonnage.testing._funding import with_funding

__all__ = [
    "DEFECT_CODES",
    "DEFECT_VARIANTS",
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

DEFECT_CODES: tuple[str, ...] = tuple(sorted(VARIANTS))
"""The rule codes :func:`defective_programmes` knows how to break."""

DEFECT_VARIANTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {code: tuple(ways) for code, ways in sorted(VARIANTS.items())}
)
"""The ways :func:`defective_programmes` breaks each rule, by code; the first is the classic."""


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


def _range(name: str, lo: object, hi: object) -> tuple[int, int]:
    for value in (lo, hi):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"{name}: expected a whole number, got {value!r}")
    assert isinstance(lo, int)
    assert isinstance(hi, int)
    if lo < 0 or hi < lo:
        raise InvalidArgument(f"{name}: expected 0 <= min <= max, got min={lo}, max={hi}")
    return (lo, hi)


def _strategy(name: str, value: object, kind: type | tuple[type, ...]) -> st.SearchStrategy[Any]:
    """``value`` as a strategy: itself if it is one, else ``st.just(value)`` when of ``kind``."""
    if isinstance(value, st.SearchStrategy):
        return value
    if isinstance(value, kind):
        return st.just(value)
    raise InvalidArgument(f"{name}: expected a {_kind_name(kind)} or a strategy, got {value!r}")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _trades(value: object) -> st.SearchStrategy[Sequence[TradeRef]] | None:
    if value is None or isinstance(value, st.SearchStrategy):
        return value
    if isinstance(value, (tuple, list)) and all(isinstance(t, TradeRef) for t in value):
        return st.just(tuple(value))
    raise InvalidArgument(f"trades: expected a sequence of TradeRef or a strategy, got {value!r}")


def _possible(strategy: st.SearchStrategy[Any]) -> tuple[object, ...] | None:
    """The values a ``just``/``sampled_from`` strategy can draw, when it says so, else ``None``."""
    inner = getattr(strategy, "wrapped_strategy", strategy)
    elements = getattr(inner, "elements", None)
    if getattr(inner, "_transformations", ()) or not isinstance(elements, (tuple, list)):
        return None
    return tuple(elements)


def stages() -> st.SearchStrategy[Stage]:
    """Any stage, shrinking towards ``draft``."""
    return st.sampled_from(tuple(Stage))


def trade_refs(*, nomenclature: str = "test") -> st.SearchStrategy[TradeRef]:
    """Trade references in ``nomenclature`` with codes ``T01`` … ``T99``."""
    try:
        TradeRef(nomenclature, "T01")
    except InvalidValueError as e:
        raise InvalidArgument(f"nomenclature: {e}") from None
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


_WITH_ACTIONS = (Stage.ACCOMPANIMENT, Stage.CLOSED)


def programmes(
    *,
    stage: Stage | st.SearchStrategy[Stage] | None = None,
    trades: Sequence[TradeRef] | st.SearchStrategy[Sequence[TradeRef]] | None = None,
    max_experts: int = 4,
    max_missions: int = 3,
    max_findings: int = 4,
    min_actions: int = 0,
    max_actions: int = 4,
    funded: bool | st.SearchStrategy[bool] = False,
) -> st.SearchStrategy[Programme]:
    """Programmes that break no error-level core rule, at the stages ``stage`` draws.

    :param stage: a stage, or a strategy of stages (any stage by default).
    :param trades: scope trades, or a strategy of them (``test:T01``… by default);
        pass your plugin's trades so that STG-011 knows them.
    :param max_findings: the most major issues, good practices and
        recommendations each.
    :param min_actions: at least this many support actions; only programmes in
        the accompaniment or closed stage have actions, so a positive value
        restricts ``stage`` to those (a stage that cannot have actions is
        refused with ``InvalidArgument``).
    :param funded: whether the programmes carry funding records (participating
        organisations, DAC sectors, budgets, transactions) that break no funding
        rule; a boolean or a strategy of booleans.

    Every argument is checked when the strategy is made: a wrong one raises
    ``InvalidArgument`` at once, not when drawing.
    """
    _range("max_experts", 1, max_experts)
    _range("max_missions", 1, max_missions)
    _range("max_findings", 1, max_findings)
    _range("min_actions/max_actions", min_actions, max_actions)
    scope_trades = _trades(trades)
    funded_strategy = _strategy("funded", funded, bool)
    if stage is None:
        stage_strategy = st.sampled_from(_WITH_ACTIONS) if min_actions else stages()
    else:
        stage_strategy = _strategy("stage", stage, Stage)
        if min_actions:
            stage_strategy = _with_actions(stage_strategy, min_actions)
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
        scope = draw(scope_trades) if scope_trades is not None else None
        src = _DrawSource(draw)
        built = b.build_programme(src, stage=chosen, trades=scope, sizes=sizes)
        return with_funding(src, built) if draw(funded_strategy) else built

    return _programmes()


def _with_actions(stages: st.SearchStrategy[Stage], min_actions: int) -> st.SearchStrategy[Stage]:
    """``stages`` kept to those that have actions; refused up front if it has none."""
    possible = _possible(stages)
    if possible is None:
        return stages.filter(lambda s: s in _WITH_ACTIONS)
    able = tuple(s for s in possible if s in _WITH_ACTIONS)
    if not able:
        raise InvalidArgument(
            f"min_actions={min_actions} needs the accompaniment or closed stage, but stage "
            f"draws only {', '.join(sorted(str(s.value) for s in possible if isinstance(s, Stage)))}"
        )
    return st.sampled_from(able)


_PROGRAMME_OPTIONS = frozenset(
    {"trades", "max_experts", "max_missions", "max_findings", "min_actions", "max_actions"}
)


def defective_programmes(
    code: str | st.SearchStrategy[str], *, variant: str | None = None, **options: Any
) -> st.SearchStrategy[Programme]:
    """Programmes that break the rule ``code`` (one of :data:`DEFECT_CODES`) and, for the
    error-level rules, no other error-level rule.

    :param code: a rule code, or a strategy of them.
    :param variant: one of :data:`DEFECT_VARIANTS` ``[code]``, the way the rule is
        broken; by default each draw picks one of them (shrinking towards the
        first, the classic one). Only with a plain ``code``.
    :param options: passed to :func:`programmes` (``stage`` excepted: the defect
        chooses a stage where it can be planted).
    """
    if "stage" in options:
        raise InvalidArgument("defective_programmes() chooses the stage itself; do not pass stage=")
    unknown = sorted(set(options) - _PROGRAMME_OPTIONS)
    if unknown:
        raise InvalidArgument(
            f"defective_programmes() got unknown options {', '.join(unknown)}; expected some of "
            f"{', '.join(sorted(_PROGRAMME_OPTIONS))}"
        )
    programmes(**options)  # every option checked now, not when drawing
    min_actions = options.get("min_actions", 0)
    if isinstance(code, st.SearchStrategy):
        if variant is not None:
            raise InvalidArgument("variant= needs a plain rule code, not a strategy of codes")
        codes: st.SearchStrategy[str] = code
    elif code not in VARIANTS:
        raise InvalidArgument(
            f"no defect known for rule {code!r}; expected one of {', '.join(DEFECT_CODES)}"
        )
    else:
        if variant is not None and variant not in VARIANTS[code]:
            raise InvalidArgument(
                f"no variant {variant!r} of rule {code}; expected one of "
                f"{', '.join(DEFECT_VARIANTS[code])}"
            )
        if not _plantable(code, variant, min_actions):
            raise InvalidArgument(
                f"rule {code}{f' ({variant})' if variant else ''} cannot be broken in a "
                f"programme with min_actions={min_actions}"
            )
        codes = st.just(code)

    @st.composite
    def _defective(draw: st.DrawFn) -> Programme:
        chosen = draw(codes)
        if chosen not in VARIANTS:
            raise InvalidArgument(f"no defect known for rule {chosen!r}")
        ways = _plantable(chosen, variant, min_actions)
        defect = VARIANTS[chosen][draw(st.sampled_from(ways))]
        low = max(defect.min_stage.rank, Stage.ACCOMPANIMENT.rank if min_actions else 0)
        allowed = [s for s in Stage if low <= s.rank <= defect.max_stage.rank]
        valid = draw(
            programmes(
                stage=st.sampled_from(allowed),
                **{**options, "min_actions": max(defect.min_actions, min_actions)},
            )
        )
        return defect.plant(valid)

    return _defective()


def _plantable(code: str, variant: str | None, min_actions: int) -> tuple[str, ...]:
    """The variants of ``code`` (or just ``variant``) that a programme with actions can hold."""
    names = (variant,) if variant is not None else tuple(VARIANTS[code])
    return tuple(
        n
        for n in names
        if not min_actions or VARIANTS[code][n].max_stage.rank >= Stage.ACCOMPANIMENT.rank
    )


def findings(*, scope: Sequence[TradeRef] = ()) -> st.SearchStrategy[Finding]:
    """Major issues, good practices and recommendations, taken from generated diagnostics."""
    trades = _trades(tuple(scope) if isinstance(scope, (tuple, list)) else scope)
    return programmes(stage=Stage.ACCOMPANIMENT, trades=trades if scope else None).flatmap(
        lambda p: st.sampled_from(tuple(p.diagnostic.findings()))
    )


def support_actions(
    *, status: ActionStatus | st.SearchStrategy[ActionStatus] | None = None
) -> st.SearchStrategy[SupportAction]:
    """Support actions of every kind, taken from generated programmes.

    :param status: a status, or a strategy of them, given to every action drawn.
    """
    statuses = None if status is None else _strategy("status", status, ActionStatus)
    actions = programmes(stage=Stage.ACCOMPANIMENT, min_actions=1).flatmap(
        lambda p: st.sampled_from(p.accompaniment.actions)
    )
    if statuses is None:
        return actions
    return st.tuples(actions, statuses).map(lambda pair: _with_status(*pair))


def _with_status(action: SupportAction, status: ActionStatus) -> SupportAction:
    import attrs

    return attrs.evolve(action, status=status)
