"""The results rules, RES-001 … RES-008: indicators, follow-ups and the membership ledger.

Like the core rules, each is a pure function of a programme and the rule
context; RES-002 asks the context's clock for today's date. The table in
``docs/results.md`` lists them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from compagnonnage._i18n import Message, _
from compagnonnage.model import (
    CapacityScore,
    Indicator,
    MandatePlanning,
    Measure,
    Membership,
    Programme,
    Results,
    Stage,
)
from compagnonnage.rules._registry import Breach, Rule, RuleContext, Severity, Subject, rule

_HUNDRED = Decimal(100)


def _breach(subjects: tuple[str, ...], message: Message, **values: object) -> Breach:
    return Breach(subjects, message.fr.format(**values), message.en.format(**values))


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
    title_fr="Un indicateur a sa référence et une cible avant le début de la première action suivie",
    title_en="An indicator has a baseline and a target before the first action it follows starts",
)
def _baseline_first(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    starts = {
        a.id: a.period.start
        for a in p.accompaniment.actions
        if a.status.started and a.period is not None
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
                on=ind.baseline.on.isoformat(),
                start=start.isoformat(),
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
    title_fr="Les valeurs mesurées sont datées dans leur période, jamais dans le futur",
    title_en="Measured values are dated inside their period and never in the future",
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
            yield _breach((_indicator(ind.id),), _FUTURE_BASELINE, ind=ind.id, on=b.on.isoformat())
        for m in ind.values:
            if m.on > today:
                yield _breach(
                    (_indicator(ind.id), _period(m.period_id)),
                    _FUTURE,
                    ind=ind.id,
                    on=m.on.isoformat(),
                )
            rp = periods.get(m.period_id)
            if rp is not None and not rp.period.start <= m.on <= rp.period.end:
                yield _breach(
                    (_indicator(ind.id), _period(m.period_id)),
                    _OUTSIDE,
                    ind=ind.id,
                    on=m.on.isoformat(),
                    period=rp.id,
                    start=rp.period.start.isoformat(),
                    end=rp.period.end.isoformat(),
                )
    for fu in results.follow_ups:
        if fu.on > today:
            yield _breach((_follow_up(fu.id),), _FUTURE_FOLLOW_UP, fu=fu.id, on=fu.on.isoformat())


_PERCENT = _("Indicator {ind}: {what_en} {value} is outside 0–100 for a percentage.")
_SUMS = _(
    "Indicator {ind}: the '{axis}' breakdown of the value of {on} adds up to {parts}, not to the total {total}."
)
_BROKEN_EMPTY = _("Indicator {ind}: the value of {on} has a breakdown but no total.")


def _numbers(ind: Indicator) -> Iterator[tuple[str, str, Decimal]]:
    """Every number an indicator holds, with what it is, in French and English."""
    if ind.baseline is not None:
        yield "la référence", "the baseline", ind.baseline.value
    for t in ind.targets:
        yield f"la cible {t.period_id}", f"the target for {t.period_id}", t.value
    for m in ind.values:
        if m.value is not None:
            yield f"la valeur du {m.on.isoformat()}", f"the value of {m.on.isoformat()}", m.value


@rule(
    "RES-003",
    title_fr="Les pourcentages sont entre 0 et 100 ; les ventilations font le total",
    title_en="Percentages lie in 0–100 and disaggregations add up to their total",
)
def _sound_values(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    for ind in p.results.indicators:
        if ind.measure is Measure.PERCENTAGE:
            for fr, en, value in _numbers(ind):
                if not 0 <= value <= _HUNDRED:
                    yield Breach(
                        (_indicator(ind.id),),
                        _PERCENT.fr.format(ind=ind.id, what=fr, value=value),
                        _PERCENT.en.format(ind=ind.id, what_en=en, value=value),
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
                        on=m.on.isoformat(),
                        parts=total,
                        total=m.value,
                    )


_NO_CAPACITY = _("Capacity indicator {ind} names no module, version and dimension to follow.")
_UNUSED_VERSION = _("{owner}: module {module} version {version} was not used by the programme.")
_OFF_SCALE = _("{owner}: {what_en} {value} is off module {module}'s {low}–{high} scale.")


def _off_scale(
    owner: Subject, module: str, low: int, high: int, numbers: list[tuple[str, str, Decimal]]
) -> Iterator[Breach]:
    for fr, en, value in numbers:
        if value != value.to_integral_value() or not low <= value <= high:
            yield Breach(
                (owner,),
                _OFF_SCALE.fr.format(
                    owner=owner, what=fr, value=value, low=low, high=high, module=module
                ),
                _OFF_SCALE.en.format(
                    owner=owner, what_en=en, value=value, low=low, high=high, module=module
                ),
            )


def _score_numbers(scores: tuple[CapacityScore, ...]) -> list[tuple[str, str, Decimal]]:
    return [
        (f"le niveau de {s.dimension_id}", f"the level of {s.dimension_id}", Decimal(s.level))
        for s in scores
    ]


def _on_used_scale(
    results: Results,
    owner: Subject,
    module_id: str,
    version: str,
    numbers: list[tuple[str, str, Decimal]],
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
    title_fr="Les valeurs de capacité sont sur l'échelle d'une version de module utilisée",
    title_en="Capacity values lie on the scale of a module version the programme used",
)
def _capacity_scale(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    results = p.results
    for ind in results.indicators:
        if ind.measure is not Measure.CAPACITY_LEVEL:
            continue
        ref = ind.capacity
        if ref is None:
            yield _breach((_indicator(ind.id),), _NO_CAPACITY, ind=ind.id)
            continue
        yield from _on_used_scale(
            results, _indicator(ind.id), ref.module_id, ref.module_version, list(_numbers(ind))
        )
    for fu in results.follow_ups:
        yield from _on_used_scale(
            results, _follow_up(fu.id), fu.module_id, fu.module_version, _score_numbers(fu.scores)
        )


_ABOVE = _("Membership of {body} on {on}: {what_en} ({n}) exceed the registered ({registered}).")
_UNDATED = _("The membership ledger of {body} has {n} points, one of them undated.")
_UNORDERED = _(
    "Membership ledger of {body}: the point of {on} does not follow the one of {before}."
)


def _when(m: Membership) -> str:
    return m.as_of.isoformat() if m.as_of is not None else "?"


@rule(
    "RES-005",
    title_fr="Les effectifs sont cohérents : cotisants et porteurs de carte au plus les inscrits, "
    "dates uniques et dans l'ordre",
    title_en="Membership figures are coherent: paying members and card holders at most the "
    "registered, dates unique and in order",
)
def _ledger(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    body = p.beneficiary
    ledger = body.ledger
    for m in ledger:
        for fr, en, n in (
            ("les cotisants", "paying members", m.paying_members),
            ("les porteurs de carte", "card holders", m.card_holders),
        ):
            if n is not None and n > m.registered:
                yield Breach(
                    (Subject("body", body.id),),
                    _ABOVE.fr.format(
                        body=body.id, on=_when(m), what=fr, n=n, registered=m.registered
                    ),
                    _ABOVE.en.format(
                        body=body.id, on=_when(m), what_en=en, n=n, registered=m.registered
                    ),
                )
    if len(ledger) < 2:
        return
    if any(m.as_of is None for m in ledger):
        yield _breach((Subject("body", body.id),), _UNDATED, body=body.id, n=len(ledger))
        return
    dates = [m.as_of for m in ledger if m.as_of is not None]
    for before, after in pairwise(dates):
        if after <= before:
            yield _breach(
                (Subject("body", body.id),),
                _UNORDERED,
                body=body.id,
                on=after.isoformat(),
                before=before.isoformat(),
            )


_UNTRACKED = _("Recommendation {rec} is tracked by no indicator.")


@rule(
    "RES-006",
    severity=Severity.WARNING,
    title_fr="Chaque préconisation est suivie par au moins un indicateur avant la clôture",
    title_en="Every recommendation is tracked by at least one indicator before closing",
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
    title_fr="Le programme se clôt quand chaque indicateur a une valeur finale ou un « non mesuré » motivé",
    title_en="The programme closes only when every indicator has a final value or a reasoned "
    "'not measured'",
)
def _closes_measured(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage is not Stage.CLOSED:
        return
    for ind in p.results.indicators:
        if ind.final is None and ind.not_measured is None:
            yield _breach((_indicator(ind.id),), _NOT_FINAL, ind=ind.id)


_UNKNOWN = _("Indicator {ind} tracks unknown {what_en}: {ids}.")
_UNKNOWN_PERIOD = _("Indicator {ind} names unknown reporting periods: {ids}.")
_TWICE = _("Id {id} is given to {n} {what_en}.")
_TWO_FINALS = _("Indicator {ind} has {n} final values.")


def _plan_action_ids(p: Programme) -> set[str]:
    """Ids of the actions of the body's mandate plan and of those mandate planning produced."""
    plans = (
        p.beneficiary.mandate_plan,
        *(a.plan for a in p.accompaniment.actions if isinstance(a, MandatePlanning)),
    )
    return {x.id for plan in plans if plan is not None for axis in plan.axes for x in axis.actions}


@rule(
    "RES-008",
    title_fr="Les indicateurs citent des préconisations, actions et périodes connues ; "
    "les identifiants sont uniques",
    title_en="Indicators cite known recommendations, actions and periods; ids are unique",
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
        for refs, known, kind, fr, en in (
            (
                ind.recommendation_ids,
                recs,
                "recommendation",
                "des préconisations",
                "recommendations",
            ),
            (ind.action_ids, actions, "action", "des actions", "support actions"),
            (
                ind.plan_action_ids,
                plan_actions,
                "plan_action",
                "des actions du plan de mandature",
                "plan actions",
            ),
        ):
            if known.issuperset(refs):
                continue
            missing = sorted({r for r in refs if r not in known})
            listed = ", ".join(missing)
            yield Breach(
                (_indicator(ind.id), *(Subject(kind, r) for r in missing)),
                _UNKNOWN.fr.format(ind=ind.id, what=fr, ids=listed),
                _UNKNOWN.en.format(ind=ind.id, what_en=en, ids=listed),
            )
        named = [t.period_id for t in ind.targets] + [m.period_id for m in ind.values]
        if not periods.issuperset(named):
            ghosts = sorted(set(named) - periods)
            yield _breach(
                (_indicator(ind.id), *map(_period, ghosts)),
                _UNKNOWN_PERIOD,
                ind=ind.id,
                ids=", ".join(ghosts),
            )
        finals = [m for m in ind.values if m.final]
        if len(finals) > 1:
            yield _breach((_indicator(ind.id),), _TWO_FINALS, ind=ind.id, n=len(finals))
    for (kind, fr, en), ids in (
        (("indicator", "indicateurs", "indicators"), [i.id for i in results.indicators]),
        (("period", "périodes de suivi", "reporting periods"), [r.id for r in results.periods]),
        (("follow_up", "suivis", "follow-ups"), [f.id for f in results.follow_ups]),
    ):
        if len(set(ids)) == len(ids):
            continue
        for ident, n in sorted(Counter(ids).items()):
            if n > 1:
                yield Breach(
                    (Subject(kind, ident),),
                    _TWICE.fr.format(id=ident, n=n, what=fr),
                    _TWICE.en.format(id=ident, n=n, what_en=en),
                )


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
