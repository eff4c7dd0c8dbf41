"""The shortcuts checking takes report what the plain definitions report.

Double bookings (STG-013) are found by one sweep over the on-site items, not one
per expert; a report is sorted without rendering messages that break no tie.
Each is compared here with the plain definition it replaced, on generated data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage import check
from compagnonnage._i18n import _
from compagnonnage.model import Mission, Modality, Period, Programme, Stage, SupportAction
from compagnonnage.rules import Breach, Rule, RuleContext, RuleSet, Severity, Subject
from compagnonnage.testing.strategies import DEFECT_CODES, defective_programmes, programmes

_DAY = dt.date(2024, 3, 1)
_PLACES = ("ML-1", "ML-2", "ML-3", None)


def _stay(item: Mission | SupportAction) -> Subject:
    kind = "mission" if isinstance(item, Mission) else "action"
    return Subject(kind, item.id)


def _sweep_per_expert(p: Programme) -> Iterator[tuple[tuple[str, ...], str]]:
    """STG-013's double bookings as first defined: each expert's stays, sorted by start."""
    stays: dict[str, list[tuple[Period, str, Mission | SupportAction]]] = {}
    for item in (*p.diagnostic.missions, *p.accompaniment.actions):
        if item.modality is Modality.ON_SITE and item.period is not None and item.place:
            for e in item.expert_ids:
                stays.setdefault(e, []).append((item.period, item.place, item))
    for expert, mine in stays.items():
        mine.sort(key=lambda stay: stay[0].start)
        for i, (pa, la, first) in enumerate(mine):
            for pb, lb, second in mine[i + 1 :]:
                if pb.start > pa.end:
                    break
                if la != lb and pa.overlaps(pb):
                    a, b = _stay(first), _stay(second)
                    yield (
                        (expert, *sorted((a, b))),
                        f"Expert {expert} is at {la} ({a}) and at {lb} ({b}) at the same time.",
                    )


@st.composite
def _busy_programmes(draw: st.DrawFn) -> Programme:
    """Programmes whose missions and actions are on site or not, at a few places, over
    overlapping periods (some reversed), with experts drawn from the team (some twice)."""
    p = draw(programmes(stage=st.sampled_from([Stage.ACCOMPANIMENT, Stage.CLOSED]), min_actions=1))
    team = [e.id for e in p.experts][:2]  # few experts: shared, and named twice, often

    def restaffed(item: Mission | SupportAction) -> Mission | SupportAction:
        start = _DAY + dt.timedelta(days=draw(st.integers(0, 20)))
        end = start + dt.timedelta(days=draw(st.integers(-3, 10)))
        return attrs.evolve(
            item,
            modality=draw(st.sampled_from([Modality.ON_SITE, Modality.ON_SITE, Modality.REMOTE])),
            place=draw(st.sampled_from(_PLACES)),
            period=Period(start=start, end=end),
            expert_ids=tuple(draw(st.lists(st.sampled_from(team), max_size=4))),
        )

    missions = tuple(restaffed(m) for m in p.diagnostic.missions)
    actions = tuple(restaffed(a) for a in p.accompaniment.actions)
    return attrs.evolve(
        p,
        diagnostic=attrs.evolve(p.diagnostic, missions=missions),
        accompaniment=attrs.evolve(p.accompaniment, actions=actions),
    )


@settings(max_examples=150)
@given(_busy_programmes())
def test_double_bookings_are_those_of_a_sweep_per_expert(programme: Programme) -> None:
    found = [
        (v.subjects, v.message("en"))
        for v in RuleSet.core()["STG-013"].evaluate(programme, RuleContext())
        if v.subjects[0].kind == "expert"
    ]
    assert found == list(_sweep_per_expert(programme))


@settings(max_examples=40)
@given(defective_programmes(st.sampled_from(DEFECT_CODES)))
def test_a_report_is_every_rule_s_violations_sorted_by_their_sort_key(
    programme: Programme,
) -> None:
    rules = RuleSet.core()
    everything = [v for r in rules for v in r.evaluate(programme, RuleContext())]
    expected = tuple(sorted(everything, key=lambda v: v.sort_key))
    assert check(programme, context=RuleContext()).violations == expected


_SAID = (_("A {x}"), _("B {x}"), _("a {x}"))


@st.composite
def _breaches(draw: st.DrawFn) -> list[Breach]:
    """Breaches alike but for their messages, warnings among them: ties to break."""
    return [
        Breach(
            tuple(draw(st.lists(st.sampled_from(["s-1", "s-2"]), max_size=2))),
            draw(st.sampled_from(_SAID)).bind(x=draw(st.sampled_from(["1", "2", "10"]))),
            warning=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 12)))
    ]


@given(st.lists(_breaches(), min_size=1, max_size=3), programmes(stage=Stage.DRAFT))
def test_violations_alike_but_for_their_messages_are_sorted_by_message(
    breaches: list[list[Breach]], programme: Programme
) -> None:
    made = [
        Rule(
            code=f"TST-00{n}",
            title=_("A test rule"),
            severity=Severity.ERROR,
            check=lambda p, c, b=b: b,
        )
        for n, b in enumerate(breaches)
    ]
    rules = RuleSet({r.code: r for r in made})
    everything = [v for r in made for v in r.evaluate(programme, RuleContext())]
    expected = tuple(sorted(everything, key=lambda v: v.sort_key))
    assert rules.check(programme).violations == expected


@settings(max_examples=60)
@given(defective_programmes(st.sampled_from(DEFECT_CODES)))
def test_the_failing_rules_are_the_codes_of_a_reports_errors(programme: Programme) -> None:
    rules = RuleSet.core()
    report = check(programme, context=RuleContext())
    assert rules.failing(programme) == tuple(sorted({v.code for v in report.errors}))


@given(st.lists(_breaches(), min_size=1, max_size=3), programmes(stage=Stage.DRAFT))
def test_a_rule_whose_breaches_are_all_warnings_does_not_fail(
    breaches: list[list[Breach]], programme: Programme
) -> None:
    made = {
        f"TST-00{n}": Rule(
            code=f"TST-00{n}",
            title=_("A test rule"),
            severity=Severity.ERROR,
            check=lambda p, c, b=b: b,
        )
        for n, b in enumerate(breaches)
    }
    rules = RuleSet(made)
    assert rules.failing(programme) == tuple(
        sorted({v.code for v in rules.check(programme).errors})
    )


@settings(max_examples=60)
@given(
    st.one_of(
        programmes(stage=st.sampled_from(list(Stage))),
        defective_programmes(st.sampled_from(DEFECT_CODES)),
    )
)
def test_the_blocking_codes_are_those_of_the_next_step(programme: Programme) -> None:
    from compagnonnage.lifecycle import Lifecycle

    lifecycle = Lifecycle()
    at = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    step = lifecycle.next_step(programme, at=max([at, *(e.at for e in programme.history)]))
    codes = lifecycle.blocking_codes(programme, at=max([at, *(e.at for e in programme.history)]))
    expected = () if step is None else tuple(sorted({v.code for v in step.blocked_by}))
    assert codes == expected
