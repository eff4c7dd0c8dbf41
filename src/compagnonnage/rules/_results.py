"""The results rules, RES-001 … RES-008: indicators, follow-ups and the membership ledger.

Like the core rules, each is a pure function of a programme and the rule
context; RES-002 asks the context's clock for today's date. The table in
``docs/results.md`` lists them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from decimal import Decimal
from itertools import pairwise

from compagnonnage._i18n import Message, _, _n
from compagnonnage.model import (
    CapacityScore,
    Indicator,
    MandatePlanning,
    Measure,
    Measurement,
    Membership,
    Programme,
    Results,
    Stage,
    Target,
)
from compagnonnage.rules._registry import Breach, Rule, RuleContext, Severity, Subject, rule
from compagnonnage.rules._shared import STARTED

_HUNDRED = Decimal(100)
_PERCENTAGE, _CAPACITY_LEVEL = Measure.PERCENTAGE, Measure.CAPACITY_LEVEL


def _breach(subjects: tuple[str, ...], message: Message, **values: object) -> Breach:
    """A breach saying ``message`` (a template of this module) with ``values`` put in."""
    return Breach(subjects, message.bind(**values))


def _indicator(ident: str) -> Subject:
    return Subject("indicator", ident)


def _period(ident: str) -> Subject:
    return Subject("period", ident)


def _follow_up(ident: str) -> Subject:
    return Subject("follow_up", ident)


def _action(ident: str) -> Subject:
    return Subject("action", ident)


def _ids(ids: list[str] | set[str]) -> str:
    return ", ".join(sorted(ids))


_NO_BASELINE = _("Indicator {ind} has no baseline while support action {act} has started.")
_LATE_BASELINE = _(
    "The baseline of indicator {ind} ({on}) is dated after support action {act} started ({start})."
)
_NO_TARGET = _("Indicator {ind} has no target while support action {act} has started.")


@rule(
    "RES-001",
    title=_("An indicator has a baseline and a target before the first action it follows starts"),
)
def _baseline_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    starts = {
        a.id: a.period.start
        for a in p.accompaniment.actions
        if a.status in STARTED and a.period is not None
    }
    for ind in p.results.indicators:
        followed = [(starts[a], a) for a in ind.action_ids if a in starts]
        if not followed:
            continue
        start, act = min(followed)
        if ind.baseline is None:
            yield _breach((_indicator(ind.id), _action(act)), _NO_BASELINE, ind=ind.id, act=act)
        elif ind.baseline.on > start:
            yield _breach(
                (_indicator(ind.id), _action(act)),
                _LATE_BASELINE,
                ind=ind.id,
                act=act,
                on=ind.baseline.on,
                start=start,
            )
        if not ind.targets:
            yield _breach((_indicator(ind.id), _action(act)), _NO_TARGET, ind=ind.id, act=act)


_FUTURE = _("Indicator {ind}: the value of {on} is dated in the future.")
_FUTURE_BASELINE = _("Indicator {ind}: the baseline of {on} is dated in the future.")
_OUTSIDE = _(
    "Indicator {ind}: the value of {on} lies outside its period {period} ({start} – {end})."
)
_FUTURE_FOLLOW_UP = _("Follow-up {fu} is dated in the future ({on}).")


@rule(
    "RES-002",
    title=_("Measured values are dated inside their period and never in the future"),
)
def _dated_values(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    results = p.results
    if not results.indicators and not results.follow_ups:
        return
    today = ctx.today()
    periods = results.periods_by_id
    for ind in results.indicators:
        b = ind.baseline
        if b is not None and b.on > today:
            yield _breach((_indicator(ind.id),), _FUTURE_BASELINE, ind=ind.id, on=b.on)
        for m in ind.values:
            if m.on > today:
                yield _breach(
                    (_indicator(ind.id), _period(m.period_id)),
                    _FUTURE,
                    ind=ind.id,
                    on=m.on,
                )
            rp = periods.get(m.period_id)
            if rp is not None and not rp.period.start <= m.on <= rp.period.end:
                yield _breach(
                    (_indicator(ind.id), _period(m.period_id)),
                    _OUTSIDE,
                    ind=ind.id,
                    on=m.on,
                    period=rp.id,
                    start=rp.period.start,
                    end=rp.period.end,
                )
    for fu in results.follow_ups:
        if fu.on > today:
            yield _breach((_follow_up(fu.id),), _FUTURE_FOLLOW_UP, fu=fu.id, on=fu.on)


_PERCENT = _("Indicator {ind}: {what} {value} is outside 0–100 for a percentage.")
_SUMS = _(
    "Indicator {ind}: the '{axis}' breakdown of the value of {on} adds up to {parts}, not to the total {total}."
)
_BROKEN_EMPTY = _("Indicator {ind}: the value of {on} has a breakdown but no total.")


_THE_BASELINE = _("the baseline")
_THE_TARGET = _("the target for {period}")
_THE_VALUE = _("the value of {on}")
_THE_LEVEL = _("the level of {dimension}")

_Numbers = list[tuple[Decimal, Message, Mapping[str, object]]]
"""Numbers, each with what it is: a message and its parameters, bound only for a breach
(making a message per number was most of RES-003's and RES-004's time)."""


def _numbers(ind: Indicator) -> _Numbers:
    """Every number an indicator holds, with what it is (``the baseline``)."""
    numbers: _Numbers = []
    if ind.baseline is not None:
        numbers.append((ind.baseline.value, _THE_BASELINE, {}))
    numbers.extend((t.value, _THE_TARGET, {"period": t.period_id}) for t in ind.targets)
    numbers.extend((m.value, _THE_VALUE, {"on": m.on}) for m in ind.values if m.value is not None)
    return numbers


@rule(
    "RES-003",
    title=_("Percentages lie in 0–100 and disaggregations add up to their total"),
)
def _sound_values(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for ind in p.results.indicators:
        if ind.measure is _PERCENTAGE:
            for value, what, said in _numbers(ind):
                if not 0 <= value <= _HUNDRED:
                    yield _breach(
                        (_indicator(ind.id),),
                        _PERCENT,
                        ind=ind.id,
                        what=what.bind(**said),
                        value=value,
                    )
        for m in ind.values:
            if not m.disaggregations:
                continue
            if m.value is None:
                yield _breach(
                    (_indicator(ind.id), _period(m.period_id)), _BROKEN_EMPTY, ind=ind.id, on=m.on
                )
                continue
            parts: dict[str, Decimal] = defaultdict(Decimal)
            for d in m.disaggregations:
                parts[d.axis] += d.value
            for axis, total in sorted(parts.items()):
                if total != m.value:
                    yield _breach(
                        (_indicator(ind.id), _period(m.period_id)),
                        _SUMS,
                        ind=ind.id,
                        axis=axis,
                        on=m.on,
                        parts=total,
                        total=m.value,
                    )


_NO_CAPACITY = _("Capacity indicator {ind} names no module, version and dimension to follow.")
_UNUSED_VERSION = _("{owner}: module {module} version {version} was not used by the programme.")
_OFF_SCALE = _("{owner}: {what} {value} is off module {module}'s {low}–{high} scale.")


def _off_scale(
    owner: Subject, module: str, low: int, high: int, numbers: _Numbers
) -> Iterator[Breach]:
    for value, what, said in numbers:
        if value != value.to_integral_value() or not low <= value <= high:
            yield _breach(
                (owner,),
                _OFF_SCALE,
                owner=owner,
                what=what.bind(**said),
                value=value,
                low=low,
                high=high,
                module=module,
            )


def _score_numbers(scores: tuple[CapacityScore, ...]) -> _Numbers:
    return [(Decimal(s.level), _THE_LEVEL, {"dimension": s.dimension_id}) for s in scores]


def _on_used_scale(
    results: Results,
    owner: Subject,
    module_id: str,
    version: str,
    numbers: _Numbers,
) -> Iterator[Breach]:
    """An owner's values: on the scale of its module version, which the programme must use."""
    use = results.module(module_id, version)
    if use is None:
        yield _breach(
            (owner,), _UNUSED_VERSION, owner=str(owner), module=module_id, version=version
        )
    else:
        yield from _off_scale(owner, use.module_id, use.low, use.high, numbers)


@rule(
    "RES-004",
    title=_("Capacity values lie on the scale of a module version the programme used"),
)
def _capacity_scale(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    results = p.results
    for ind in results.indicators:
        if ind.measure is not _CAPACITY_LEVEL:
            continue
        ref = ind.capacity
        if ref is None:
            yield _breach((_indicator(ind.id),), _NO_CAPACITY, ind=ind.id)
            continue
        yield from _on_used_scale(
            results, _indicator(ind.id), ref.module_id, ref.module_version, _numbers(ind)
        )
    for fu in results.follow_ups:
        yield from _on_used_scale(
            results, _follow_up(fu.id), fu.module_id, fu.module_version, _score_numbers(fu.scores)
        )


_ABOVE = {
    "paying_members": _(
        "Membership of {body} on {on}: paying members ({n}) exceed the registered ({registered})."
    ),
    "card_holders": _(
        "Membership of {body} on {on}: card holders ({n}) exceed the registered ({registered})."
    ),
}
_UNDATED = _n(
    "The membership ledger of {body} has {count} point, one of them undated.",
    "The membership ledger of {body} has {count} points, one of them undated.",
)
_UNORDERED = _(
    "Membership ledger of {body}: the point of {on} does not follow the one of {before}."
)


def _when(m: Membership) -> object:
    """The date of a point of the ledger, ``?`` when it has none."""
    return m.as_of if m.as_of is not None else "?"


@rule(
    "RES-005",
    title=_(
        "Membership figures are coherent: paying members and card holders at most the "
        "registered, dates unique and in order"
    ),
)
def _ledger(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    body = p.beneficiary
    ledger = body.ledger
    for m in ledger:
        for what, n in (("paying_members", m.paying_members), ("card_holders", m.card_holders)):
            if n is not None and n > m.registered:
                yield _breach(
                    (Subject("body", body.id),),
                    _ABOVE[what],
                    body=body.id,
                    on=_when(m),
                    n=n,
                    registered=m.registered,
                )
    if len(ledger) < 2:
        return
    if any(m.as_of is None for m in ledger):
        yield Breach(
            (Subject("body", body.id),),
            _UNDATED.bind(len(ledger), body=body.id, count=len(ledger)),
        )
        return
    dates = [m.as_of for m in ledger if m.as_of is not None]
    for before, after in pairwise(dates):
        if after <= before:
            yield _breach(
                (Subject("body", body.id),),
                _UNORDERED,
                body=body.id,
                on=after,
                before=before,
            )


_UNTRACKED = _("Recommendation {rec} is tracked by no indicator.")


@rule(
    "RES-006",
    severity=Severity.WARNING,
    title=_("Every recommendation is tracked by at least one indicator before closing"),
)
def _recommendations_tracked(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage.rank < Stage.ACCOMPANIMENT.rank:
        return
    tracked = {r for ind in p.results.indicators for r in ind.recommendation_ids}
    for rec in p.diagnostic.recommendations:
        if rec.id not in tracked:
            yield _breach((Subject("recommendation", rec.id),), _UNTRACKED, rec=rec.id)


_NOT_FINAL = _(
    "The programme is closed while indicator {ind} has neither a final value nor an explicit 'not measured' with a reason."
)


@rule(
    "RES-007",
    title=_(
        "The programme closes only when every indicator has a final value or a reasoned "
        "'not measured'"
    ),
)
def _closes_measured(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage is not Stage.CLOSED:
        return
    for ind in p.results.indicators:
        if ind.final is None and ind.not_measured is None:
            yield _breach((_indicator(ind.id),), _NOT_FINAL, ind=ind.id)


_UNKNOWN = {
    "recommendation": _n(
        "Indicator {ind} tracks an unknown recommendation: {ids}.",
        "Indicator {ind} tracks unknown recommendations: {ids}.",
    ),
    "action": _n(
        "Indicator {ind} tracks an unknown support action: {ids}.",
        "Indicator {ind} tracks unknown support actions: {ids}.",
    ),
    "plan_action": _n(
        "Indicator {ind} tracks an unknown plan action: {ids}.",
        "Indicator {ind} tracks unknown plan actions: {ids}.",
    ),
}
_UNKNOWN_PERIOD = _n(
    "Indicator {ind} names an unknown reporting period: {ids}.",
    "Indicator {ind} names unknown reporting periods: {ids}.",
)
_TWICE = {
    "indicator": _n(
        "Id {id} is given to {count} indicator.", "Id {id} is given to {count} indicators."
    ),
    "period": _n(
        "Id {id} is given to {count} reporting period.",
        "Id {id} is given to {count} reporting periods.",
    ),
    "follow_up": _n(
        "Id {id} is given to {count} follow-up.", "Id {id} is given to {count} follow-ups."
    ),
}
_TWO_FINALS = _n(
    "Indicator {ind} has {count} final value.", "Indicator {ind} has {count} final values."
)


def _plan_action_ids(p: Programme) -> set[str]:
    """Ids of the actions of the body's mandate plan and of those mandate planning produced."""
    plans = (
        p.beneficiary.mandate_plan,
        *(a.plan for a in p.accompaniment.actions if isinstance(a, MandatePlanning)),
    )
    return {x.id for plan in plans if plan is not None for axis in plan.axes for x in axis.actions}


def _unknown_tracked(
    ind: Indicator, recs: frozenset[str], actions: set[str], plan_actions: set[str]
) -> Iterator[Breach]:
    """A breach for each kind of thing ``ind`` tracks among which some id is unknown."""
    for refs, known, kind in (
        (ind.recommendation_ids, recs, "recommendation"),
        (ind.action_ids, actions, "action"),
        (ind.plan_action_ids, plan_actions, "plan_action"),
    ):
        if known.issuperset(refs):
            continue
        missing = sorted({r for r in refs if r not in known})
        yield Breach(
            (_indicator(ind.id), *(Subject(kind, r) for r in missing)),
            _UNKNOWN[kind].bind(len(missing), ind=ind.id, ids=", ".join(missing)),
        )


@rule(
    "RES-008",
    title=_("Indicators cite known recommendations, actions and periods; ids are unique"),
)
def _results_references(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    results = p.results
    if not results.indicators and not results.follow_ups and not results.periods:
        return
    recs = p.diagnostic.recommendation_ids
    actions = {a.id for a in p.accompaniment.actions}
    plan_actions = _plan_action_ids(p)
    periods = frozenset(results.periods_by_id)
    for ind in results.indicators:
        if not (
            recs.issuperset(ind.recommendation_ids)
            and actions.issuperset(ind.action_ids)
            and plan_actions.issuperset(ind.plan_action_ids)
        ):
            yield from _unknown_tracked(ind, recs, actions, plan_actions)
        dated: tuple[Target | Measurement, ...] = (*ind.targets, *ind.values)
        named = [r.period_id for r in dated]
        if not periods.issuperset(named):
            ghosts = sorted(set(named) - periods)
            yield Breach(
                (_indicator(ind.id), *map(_period, ghosts)),
                _UNKNOWN_PERIOD.bind(len(ghosts), ind=ind.id, ids=", ".join(ghosts)),
            )
        finals = [m for m in ind.values if m.final] if len(ind.values) > 1 else ()
        if len(finals) > 1:
            yield Breach(
                (_indicator(ind.id),),
                _TWO_FINALS.bind(len(finals), ind=ind.id, count=len(finals)),
            )
    for kind, ids in (
        ("indicator", [i.id for i in results.indicators]),
        ("period", [r.id for r in results.periods]),
        ("follow_up", [f.id for f in results.follow_ups]),
    ):
        if len(set(ids)) == len(ids):
            continue
        for ident, n in sorted(Counter(ids).items()):
            if n > 1:
                yield Breach((Subject(kind, ident),), _TWICE[kind].bind(n, id=ident, count=n))


RESULTS_RULES: tuple[Rule, ...] = (
    _baseline_first,
    _dated_values,
    _sound_values,
    _capacity_scale,
    _ledger,
    _recommendations_tracked,
    _closes_measured,
    _results_references,
)
"""The results rules, part of the core rules (they cannot be removed)."""
