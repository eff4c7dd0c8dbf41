"""A hypothesis state machine of the programme lifecycle, for downstream suites to subclass.

:class:`ProgrammeMachine` starts from a generated draft programme and applies
random lifecycle operations, valid or not: the stage operations, and the nine
results operations (reporting periods, module versions, indicators with their
baselines, targets, values and "not measured" statements, follow-up
assessments, membership figures). Its rules have no preconditions and draw no
filtered value: every draw is a usable input (an action rule with no action to
act on plans or starts one instead; a value rule with no indicator defines one).
The results records it builds are valid by construction: they name the periods,
indicators, module versions and recommendations the programme holds, lie on
their scales and inside their periods, and are dated on the machine's clock,
which the rules also read as today's date (:meth:`ProgrammeMachine.today`).

After every step it checks that:

* no error-level rule is violated by the programme it holds, and in particular
  none of the results rules RES-001 … RES-008;
* the history only grows, by exactly one entry, naming the operation, per
  accepted operation (the previous history is a prefix of the new one);
* a refused operation raised :class:`~compagnonnage.errors.TransitionRefused`
  with at least one error-level violation, and changed nothing;
* a results operation is refused only where its stage does not take it (STG-001
  before its stage, STG-014 once the programme is closed) or by a plugin rule:
  the core rules accept every results record the machine builds;
* an accepted results operation changed nothing but the results record (the
  membership ledger for :meth:`~compagnonnage.lifecycle.Lifecycle.record_membership`)
  and the history.

Subclass it to add your own rules and invariants; the current programme is
``self.programme``, and :meth:`ProgrammeMachine.applied` is called with every
programme an operation returns, so that you can mirror it (for example, save it
in your repository and compare)::

    class MyMachine(ProgrammeMachine):
        def applied(self, programme):
            self.repo.save(programme)

        @invariant()
        def repository_agrees(self):
            assert self.repo.load(self.programme.id) == self.programme

    TestMyMachine = MyMachine.TestCase
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

import attrs
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from compagnonnage.errors import TransitionRefused
from compagnonnage.lifecycle import Lifecycle
from compagnonnage.model import (
    ActionStatus,
    Affiliation,
    Approval,
    Audience,
    Baseline,
    CapacityRef,
    CapacityScore,
    DiagnosticKind,
    Disaggregation,
    FollowUp,
    GoodPractice,
    Indicator,
    IssueSeverity,
    MajorIssue,
    Measure,
    Measurement,
    Membership,
    MethodToolkit,
    Mission,
    Modality,
    ModuleUse,
    NotMeasured,
    Operation,
    Period,
    Programme,
    Recommendation,
    ReportingPeriod,
    ResultLevel,
    Stage,
    Structuring,
    Target,
    TermsOfReference,
    Training,
    WorkProgramme,
)
from compagnonnage.rules import RuleContext, RuleSet, Severity, Violation, check
from compagnonnage.testing._builder import CONSULAR_DIMENSIONS
from compagnonnage.testing.strategies import programmes

__all__ = ["ProgrammeMachine"]

_START = dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc)
_MODULE_ID = "consular-chamber"
"""The module the machine's capacity indicators and follow-ups score with (the built-in one)."""
_MEMBERSHIP = Operation.RECORD_MEMBERSHIP


class ProgrammeMachine(RuleBasedStateMachine):
    """The programme lifecycle as a rule-based state machine (see the module docs)."""

    lifecycle: Lifecycle = Lifecycle()
    """The lifecycle under test; set a class attribute to test yours (plugin rules).

    The machine runs it with the same rules, context and listeners, the context's
    clock replaced by :meth:`today`."""

    def __init__(self) -> None:
        super().__init__()
        self.programme: Programme | None = None
        self.clock = _START
        self.refusals = 0
        self.accepted: Counter[Operation] = Counter()
        """How many operations of each kind were accepted since the start."""
        self._counter = 0
        self._history_at_start = 0
        base = self.lifecycle
        context = base.context if base.context is not None else RuleContext()
        self._lifecycle = attrs.evolve(base, context=attrs.evolve(context, clock=self.today))
        rules = base.rules if base.rules is not None else RuleSet.core()
        self._results_rules = RuleSet({r.code: r for r in rules if r.code.startswith("RES-")})

    # -- helpers --------------------------------------------------------------------

    def applied(self, programme: Programme) -> None:
        """Called with every programme an operation returned; override to mirror it."""

    def today(self) -> dt.date:
        """Today's date for the rules (RES-002): the day of the machine's clock."""
        return self.clock.date()

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}-m{self._counter}"

    def _tick(self, hours: int) -> dt.datetime:
        self.clock += dt.timedelta(hours=hours)
        return self.clock

    def _apply(
        self,
        expected: Operation,
        operation: Callable[[Programme], Programme],
        *,
        since: Stage | None = None,
    ) -> bool:
        """Try ``operation`` (an ``expected`` one); check what it did; whether it was accepted.

        ``since`` marks a results operation: the first stage that takes it.
        """
        before = self._p
        try:
            after = operation(before)
        except TransitionRefused as refused:
            self._check_refusal(before, refused, since)
            return False
        assert after.history[: len(before.history)] == before.history
        assert len(after.history) == len(before.history) + 1
        assert after.history[-1].operation is expected, (after.history[-1], expected)
        if since is not None:
            self._check_only_results_changed(before, after, expected)
        self.programme = after
        self.accepted[expected] += 1
        self.applied(after)
        return True

    def _check_refusal(
        self, before: Programme, refused: TransitionRefused[Violation], since: Stage | None
    ) -> None:
        if not refused.violations:
            raise AssertionError("a refusal must carry its violations") from refused
        assert self.programme is before
        violations = list(refused.violations)
        assert all(v.severity is Severity.ERROR for v in violations), violations
        self.refusals += 1
        if since is None:
            return
        codes = {v.code for v in violations}
        if before.stage.rank < since.rank:
            assert codes == {"STG-001"}, codes
        elif before.stage is Stage.CLOSED:
            assert codes == {"STG-014"}, codes
        else:
            core = [v for v in violations if v.origin == "core"]
            assert not core, f"the core rules refused a results record built valid: {codes}"

    @staticmethod
    def _check_only_results_changed(before: Programme, after: Programme, op: Operation) -> None:
        body = before.beneficiary
        if op is _MEMBERSHIP:
            body = attrs.evolve(body, ledger=after.beneficiary.ledger)
            assert after.results == before.results
        expected = attrs.evolve(
            before, results=after.results, beneficiary=body, history=after.history
        )
        assert after == expected, f"{op.value} changed more than its record"

    @property
    def _p(self) -> Programme:
        assert self.programme is not None
        return self.programme

    def _authors(self, with_partner: bool) -> tuple[str, ...]:
        p = self._p
        network = [e.id for e in p.experts if e.affiliation is Affiliation.NETWORK][:1]
        partner = [p.reference_partner.id] if with_partner and p.reference_partner else []
        return (*network, *partner)

    # -- rules ------------------------------------------------------------------------

    @initialize(programme=programmes(stage=Stage.DRAFT))
    def start(self, programme: Programme) -> None:
        """Begin with a generated draft programme."""
        self.programme = programme
        self._history_at_start = len(programme.history)
        self.applied(programme)

    @rule(hours=st.integers(0, 48))
    def open(self, hours: int) -> None:
        """Try to open the programme."""
        at = self._tick(hours)
        self._apply(Operation.OPEN, lambda p: self._lifecycle.open(p, by="exp-1", at=at))

    @rule(
        kind=st.sampled_from(("tor", "toolkit", "wp")),
        approved=st.booleans(),
        partner=st.booleans(),
    )
    def record_deliverable(self, kind: str, approved: bool, partner: bool) -> None:
        """Record one preparation deliverable, approved or not, with or without the partner."""
        at = self._tick(24)
        approval = Approval(on=at.date(), by="exp-1") if approved else None
        authors = self._authors(partner)
        deliverable: TermsOfReference | MethodToolkit | WorkProgramme
        if kind == "tor":
            deliverable = TermsOfReference(title="TdR", author_ids=authors, approval=approval)
        elif kind == "toolkit":
            deliverable = MethodToolkit(title="Outils", author_ids=authors, approval=approval)
        else:
            deliverable = WorkProgramme(
                title="Programme de travail", author_ids=authors, approval=approval
            )
        self._apply(
            Operation.RECORD_DELIVERABLE,
            lambda p: self._lifecycle.record_deliverable(p, deliverable, by="exp-1", at=at),
        )

    @rule()
    def prepare_everything(self) -> None:
        """Record the three deliverables, approved and co-written: a path to the diagnostic."""
        for kind in ("tor", "toolkit", "wp"):
            self.record_deliverable(kind, approved=True, partner=True)

    @rule()
    def close_preparation(self) -> None:
        """Try to close the preparation."""
        at = self._tick(24)
        self._apply(
            Operation.CLOSE_PREPARATION,
            lambda p: self._lifecycle.close_preparation(p, by="exp-1", at=at),
        )

    @rule(on_site=st.booleans(), organised=st.booleans(), kind=st.sampled_from(DiagnosticKind))
    def record_mission(self, on_site: bool, organised: bool, kind: DiagnosticKind) -> None:
        """Record a mission of the lead expert, on site or remote."""
        at = self._tick(24)
        p = self._p
        mission = Mission(
            id=self._next_id("mis"),
            kind=kind,
            modality=Modality.ON_SITE if on_site else Modality.REMOTE,
            period=Period(start=at.date(), end=at.date() + dt.timedelta(days=2)),
            place="Lomé",
            expert_ids=("exp-1",),
            organiser_id=p.reference_partner.id if organised and p.reference_partner else None,
        )
        self._apply(
            Operation.RECORD_MISSION,
            lambda p: self._lifecycle.record_mission(p, mission, by="exp-1", at=at),
        )

    @rule(kind=st.sampled_from(("issue", "practice", "recommendation", "uncited")))
    def record_finding(self, kind: str) -> None:
        """Record a finding; recommendations cite the findings recorded so far."""
        at = self._tick(1)
        d = self._p.diagnostic
        citable = tuple(f.id for f in (*d.issues, *d.practices))
        finding: MajorIssue | GoodPractice | Recommendation
        if kind == "issue":
            finding = MajorIssue(
                id=self._next_id("iss"), statement="Problème", severity=IssueSeverity.HIGH
            )
        elif kind == "practice":
            finding = GoodPractice(id=self._next_id("gp"), statement="Pratique")
        else:
            cites = citable[:1] if kind == "recommendation" else ()
            finding = Recommendation(
                id=self._next_id("rec"), statement="Préconisation", cites=cites
            )
        self._apply(
            Operation.RECORD_FINDING,
            lambda p: self._lifecycle.record_finding(p, finding, by="exp-1", at=at),
        )

    @rule()
    def diagnose_enough(self) -> None:
        """Record an organised on-site mission, a major issue and a recommendation citing it."""
        self.record_mission(on_site=True, organised=True, kind=DiagnosticKind.INSTITUTIONAL)
        self.record_finding("issue")
        self.record_finding("recommendation")

    @rule()
    def close_diagnostic(self) -> None:
        """Try to close the diagnostic."""
        at = self._tick(72)
        self._apply(
            Operation.CLOSE_DIAGNOSTIC,
            lambda p: self._lifecycle.close_diagnostic(p, by="exp-1", at=at),
        )

    @rule(training=st.booleans(), with_partner=st.booleans())
    def plan_action(self, training: bool, with_partner: bool) -> None:
        """Plan an action answering the first recommendation (if any)."""
        at = self._tick(1)
        p = self._p
        answers = tuple(r.id for r in p.diagnostic.recommendations[:1])
        participants = (p.reference_partner.id,) if with_partner and p.reference_partner else ()
        common = {
            "id": self._next_id("act"),
            "title": "Action",
            "modality": Modality.REMOTE,
            "expert_ids": ("exp-1",),
            "participant_ids": participants,
            "answers": answers,
        }
        action = (
            Training(**common, audience=frozenset({Audience.STAFF}))  # type: ignore[arg-type]
            if training
            else Structuring(**common)  # type: ignore[arg-type]
        )
        self._apply(
            Operation.PLAN_ACTION,
            lambda p: self._lifecycle.plan_action(p, action, by="exp-1", at=at),
        )

    def _actions_in(self, status: ActionStatus) -> list[str]:
        return [a.id for a in self._p.accompaniment.actions if a.status is status]

    @rule(n=st.integers(0, 7))
    def start_action(self, n: int) -> None:
        """Start the ``n``-th planned action (counting round), or plan one if none is."""
        planned = self._actions_in(ActionStatus.PLANNED)
        if not planned:
            self.plan_action(training=n % 2 == 0, with_partner=True)
            return
        action_id = planned[n % len(planned)]
        at = self._tick(24)
        self._apply(
            Operation.START_ACTION,
            lambda p: self._lifecycle.start_action(p, action_id, on=at.date(), by="exp-1", at=at),
        )

    @rule(n=st.integers(0, 7), cancel=st.booleans())
    def finish_action(self, n: int, cancel: bool) -> None:
        """Complete, or cancel, the ``n``-th action in progress, or start one if none is."""
        running = self._actions_in(ActionStatus.IN_PROGRESS)
        if not running:
            self.start_action(n)
            return
        action_id = running[n % len(running)]
        at = self._tick(24)
        if cancel:
            self._apply(
                Operation.CANCEL_ACTION,
                lambda p: self._lifecycle.cancel_action(
                    p, action_id, reason="Report", by="exp-1", at=at
                ),
            )
        else:
            self._apply(
                Operation.COMPLETE_ACTION,
                lambda p: self._lifecycle.complete_action(
                    p, action_id, on=at.date(), by="exp-1", at=at
                ),
            )

    @rule()
    def advance(self) -> None:
        """Do what the current stage needs, then move to the next one (close once an action
        is planned and every indicator has a final value or a "not measured")."""
        stage = self._p.stage
        if stage is Stage.DRAFT:
            self.open(1)
        elif stage is Stage.PREPARATION:
            self.prepare_everything()
            self.close_preparation()
        elif stage is Stage.DIAGNOSTIC:
            self.diagnose_enough()
            self.close_diagnostic()
        elif stage is Stage.ACCOMPANIMENT and not self._p.accompaniment.actions:
            self.plan_action(training=True, with_partner=True)
        elif stage is Stage.ACCOMPANIMENT:
            self.conclude_indicators()
            self.close()

    @rule()
    def reopen(self) -> None:
        """Try to reopen the stage closed last."""
        at = self._tick(1)
        self._apply(
            Operation.REOPEN,
            lambda p: self._lifecycle.reopen(p, reason="Compléments", by="exp-1", at=at),
        )

    @rule()
    def close(self) -> None:
        """Try to close the programme."""
        at = self._tick(24)
        self._apply(Operation.CLOSE, lambda p: self._lifecycle.close(p, by="exp-1", at=at))

    # -- results: what the programme holds --------------------------------------------

    def _indicator(self, n: int) -> Indicator | None:
        """The ``n``-th indicator (counting round), ``None`` if there is none."""
        indicators = self._p.results.indicators
        return indicators[n % len(indicators)] if indicators else None

    def _started_periods(self) -> tuple[ReportingPeriod, ...]:
        today = self.today()
        return tuple(r for r in self._p.results.periods if r.period.start <= today)

    def _scale(self, capacity: CapacityRef | None) -> tuple[int, int] | None:
        if capacity is None:
            return None
        use = self._p.results.module(capacity.module_id, capacity.module_version)
        return None if use is None else (use.low, use.high)

    def _number(self, indicator: Indicator | Measure, k: int) -> Decimal:
        """A number ``indicator``'s rules accept, from a small draw ``k``."""
        measure = indicator if isinstance(indicator, Measure) else indicator.measure
        if measure is Measure.PERCENTAGE:
            return Decimal(min(10 * k, 100))
        if measure is Measure.MILESTONE:
            return Decimal(k % 2)
        if measure is Measure.CAPACITY_LEVEL:
            scale = None if isinstance(indicator, Measure) else self._scale(indicator.capacity)
            low, high = scale if scale is not None else (1, 4)
            return Decimal(low + k % (high - low + 1))
        return Decimal(k)

    def _baseline_day(self, action_ids: tuple[str, ...]) -> dt.date:
        """Today, or the day the first of ``action_ids`` started if earlier (RES-001)."""
        starts = [
            a.period.start
            for a in self._p.accompaniment.actions
            if a.id in action_ids and a.status.started and a.period is not None
        ]
        return min([self.today(), *starts])

    # -- results: the nine operations -------------------------------------------------

    @rule(days=st.sampled_from((30, 90, 180, 365)))
    def record_period(self, days: int) -> None:
        """Record a reporting period of ``days`` days: the first one starts by today (at the
        diagnostic if earlier), each next one the day after the last one ends."""
        at = self._tick(1)
        p = self._p
        if p.results.periods:
            begin = max(r.period.end for r in p.results.periods) + dt.timedelta(days=1)
        else:
            entered = p.entered(Stage.DIAGNOSTIC)
            begin = min(self.today(), entered.date() if entered is not None else self.today())
        period = ReportingPeriod(
            id=self._next_id("per"),
            period=Period(start=begin, end=begin + dt.timedelta(days=days - 1)),
        )
        self._apply(
            Operation.RECORD_PERIOD,
            lambda p: self._lifecycle.record_period(p, period, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    @rule(version=st.sampled_from(("1.0", "2.0")), high=st.integers(4, 5))
    def record_module(self, version: str, high: int) -> None:
        """Record a version of the built-in module and its 1–``high`` scale (a version already
        recorded is recorded again as it is: its values stay on its scale)."""
        at = self._tick(1)
        use = self._p.results.module(_MODULE_ID, version)
        if use is None:
            use = ModuleUse(module_id=_MODULE_ID, version=version, low=1, high=high)
        recorded = use
        self._apply(
            Operation.RECORD_MODULE,
            lambda p: self._lifecycle.record_module(p, recorded, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    @rule(
        measure=st.sampled_from(Measure),
        n=st.integers(0, 7),
        follows=st.booleans(),
        again=st.booleans(),
    )
    def define_indicator(self, measure: Measure, n: int, follows: bool, again: bool) -> None:
        """Define an indicator tracking the ``n``-th recommendation (if any), following the
        actions answering it if ``follows``, with a baseline and a target for the last
        period; or, ``again``, define the ``n``-th indicator again under a new title.

        With no period yet, record one first; a capacity indicator with no module
        version recorded records one first.
        """
        old = self._indicator(n) if again else None
        if not self._p.results.periods:
            self.record_period(90)
        if measure is Measure.CAPACITY_LEVEL and not self._p.results.modules and old is None:
            self.record_module("1.0", 4)
        p = self._p
        if not p.results.periods or (measure is Measure.CAPACITY_LEVEL and not p.results.modules):
            return  # refused before its stage
        at = self._tick(1)
        if old is not None:
            indicator = attrs.evolve(old, title=f"{old.title} (révisé)")
        else:
            indicator = self._new_indicator(measure, n, follows)
        self._apply(
            Operation.DEFINE_INDICATOR,
            lambda p: self._lifecycle.define_indicator(p, indicator, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    def _new_indicator(self, measure: Measure, n: int, follows: bool) -> Indicator:
        p = self._p
        recommendations = p.diagnostic.recommendations
        tracked = (recommendations[n % len(recommendations)].id,) if recommendations else ()
        followed = tuple(
            a.id
            for a in p.accompaniment.actions
            if follows and any(r in a.answers for r in tracked)
        )
        capacity = None
        if measure is Measure.CAPACITY_LEVEL:
            use = p.results.modules[n % len(p.results.modules)]
            capacity = CapacityRef(
                module_id=use.module_id,
                module_version=use.version,
                dimension_id=CONSULAR_DIMENSIONS[n % len(CONSULAR_DIMENSIONS)],
            )
        indicator = Indicator(
            id=self._next_id("ind"),
            title="Indicateur",
            level=tuple(ResultLevel)[n % len(ResultLevel)],
            measure=measure,
            unit="%" if measure is Measure.PERCENTAGE else None,
            recommendation_ids=tracked,
            action_ids=followed,
            capacity=capacity,
        )
        return attrs.evolve(
            indicator,
            baseline=Baseline(
                value=self._number(indicator, n),
                on=self._baseline_day(followed),
                source="Diagnostic",
            ),
            targets=(
                Target(period_id=p.results.periods[-1].id, value=self._number(indicator, n + 1)),
            ),
        )

    @rule(n=st.integers(0, 7), k=st.integers(0, 7))
    def record_baseline(self, n: int, k: int) -> None:
        """Record the baseline of the ``n``-th indicator again, dated by the first action it
        follows starts (define an indicator if there is none)."""
        indicator = self._indicator(n)
        if indicator is None:
            self.define_indicator(Measure.COUNT, n, follows=True, again=False)
            return
        at = self._tick(1)
        baseline = Baseline(
            value=self._number(indicator, k),
            on=self._baseline_day(indicator.action_ids),
            source="Enquête",
        )
        self._apply(
            Operation.RECORD_BASELINE,
            lambda p: self._lifecycle.record_baseline(p, indicator.id, baseline, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    @rule(n=st.integers(0, 7), m=st.integers(0, 7), k=st.integers(0, 7))
    def set_target(self, n: int, m: int, k: int) -> None:
        """Set the ``n``-th indicator's target for the ``m``-th period (define an indicator
        if there is none)."""
        indicator = self._indicator(n)
        periods = self._p.results.periods
        if indicator is None or not periods:
            self.define_indicator(Measure.COUNT, n, follows=True, again=False)
            return
        at = self._tick(1)
        target = Target(period_id=periods[m % len(periods)].id, value=self._number(indicator, k))
        self._apply(
            Operation.SET_TARGET,
            lambda p: self._lifecycle.set_target(p, indicator.id, target, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    @rule(n=st.integers(0, 7), k=st.integers(0, 7), final=st.booleans(), split=st.booleans())
    def record_value(self, n: int, k: int, final: bool, split: bool) -> None:
        """Record a value of the ``n``-th indicator in a period that has begun, by today,
        ``final`` unless it has a final value already, broken down by sex if ``split``
        (for a count); define an indicator, or record a period, if there is none."""
        indicator = self._indicator(n)
        if indicator is None:
            self.define_indicator(Measure.COUNT, n, follows=True, again=False)
            return
        self._record_value(indicator, n + k, final=final, split=split)

    def _record_value(self, indicator: Indicator, k: int, *, final: bool, split: bool) -> None:
        periods = self._started_periods()
        if not periods:
            self.record_period(90)
            return
        at = self._tick(1)
        period = periods[k % len(periods)]
        last = min(period.period.end, self.today())
        on = period.period.start + dt.timedelta(days=k % ((last - period.period.start).days + 1))
        value: Decimal | None = self._number(indicator, k)
        note = None
        if indicator.measure is Measure.QUALITATIVE:
            value, note = None, "Observation de terrain"
        parts: tuple[Disaggregation, ...] = ()
        if split and indicator.measure is Measure.COUNT and value is not None:
            women = value // 2
            parts = (
                Disaggregation(axis="sex", group="women", value=women),
                Disaggregation(axis="sex", group="men", value=value - women),
            )
        measurement = Measurement(
            period_id=period.id,
            on=on,
            value=value,
            note=note,
            source="Rapport de suivi",
            recorded_by="exp-1",
            disaggregations=parts,
            final=final and indicator.final is None,
        )
        self._apply(
            Operation.RECORD_VALUE,
            lambda p: self._lifecycle.record_value(p, indicator.id, measurement, by="exp-1", at=at),
            since=Stage.DIAGNOSTIC,
        )

    @rule(n=st.integers(0, 7))
    def record_not_measured(self, n: int) -> None:
        """State that the ``n``-th indicator could not be measured (define one if there is none)."""
        indicator = self._indicator(n)
        if indicator is None:
            self.define_indicator(Measure.COUNT, n, follows=True, again=False)
            return
        self._record_not_measured(indicator)

    def _record_not_measured(self, indicator: Indicator) -> None:
        at = self._tick(1)
        statement = NotMeasured(reason="Enquête non conduite", on=self.today())
        self._apply(
            Operation.RECORD_NOT_MEASURED,
            lambda p: self._lifecycle.record_not_measured(
                p, indicator.id, statement, by="exp-1", at=at
            ),
            since=Stage.DIAGNOSTIC,
        )

    @rule()
    def conclude_indicators(self) -> None:
        """Give every indicator with neither a final value nor a "not measured" one of them:
        a final value where a period has begun, else the statement (what closing needs)."""
        for indicator in self._p.results.indicators:
            if indicator.final is not None or indicator.not_measured is not None:
                continue
            if self._started_periods():
                self._record_value(indicator, 0, final=True, split=False)
            else:
                self._record_not_measured(indicator)

    @rule(k=st.integers(0, 7), again=st.booleans())
    def record_follow_up(self, k: int, again: bool) -> None:
        """Score the body again today with the ``k``-th module version recorded, on the
        dimensions its diagnostic scored (one if none); ``again``: replace the ``k``-th
        follow-up. Record a module version first if there is none."""
        if not self._p.results.modules:
            self.record_module("1.0", 4)
        p = self._p
        uses = p.results.modules
        if not uses:
            return  # refused before its stage
        at = self._tick(1)
        use = uses[k % len(uses)]
        dimensions = [s.dimension_id for s in p.diagnostic.scores if s.module_id == use.module_id]
        if not dimensions:
            dimensions = [CONSULAR_DIMENSIONS[k % len(CONSULAR_DIMENSIONS)]]
        width = use.high - use.low + 1
        scores = tuple(
            CapacityScore(
                module_id=use.module_id,
                dimension_id=dimension,
                level=use.low + (k + i) % width,
                evidence=("Entretien de suivi",),
            )
            for i, dimension in enumerate(dimensions)
        )
        done = p.results.follow_ups
        follow_up = FollowUp(
            id=done[k % len(done)].id if again and done else self._next_id("fu"),
            module_id=use.module_id,
            module_version=use.version,
            on=self.today(),
            scores=scores,
            respondent_ids=(p.reference_partner.id,) if p.reference_partner else (),
        )
        self._apply(
            Operation.RECORD_FOLLOW_UP,
            lambda p: self._lifecycle.record_follow_up(p, follow_up, by="exp-1", at=at),
            since=Stage.ACCOMPANIMENT,
        )

    @rule(growth=st.integers(0, 7), paying=st.integers(0, 7), cards=st.booleans())
    def record_membership(self, growth: int, paying: int, cards: bool) -> None:
        """Record today's membership: ``100 * growth`` more registered than the latest point,
        ``paying``/7 of them paying, half of them card holders if ``cards``."""
        at = self._tick(24)
        latest = self._p.beneficiary.membership
        registered = (latest.registered if latest is not None else 0) + 100 * growth
        figure = Membership(
            registered=registered,
            paying_members=registered * paying // 7,
            card_holders=registered // 2 if cards else None,
            as_of=self.today(),
            source="Répertoire des métiers",
        )
        self._apply(
            Operation.RECORD_MEMBERSHIP,
            lambda p: self._lifecycle.record_membership(p, figure, by="exp-1", at=at),
            since=Stage.DRAFT,
        )

    # -- invariants -------------------------------------------------------------------

    @invariant()
    def no_error_level_violation(self) -> None:
        """The programme held breaks no error-level rule."""
        if self.programme is not None:
            report = check(
                self.programme, rules=self._lifecycle.rules, context=self._lifecycle.context
            )
            assert report.ok, [f"{v.code} {v.message('en')}" for v in report.errors]

    @invariant()
    def results_rules_hold(self) -> None:
        """The programme passes the results rules RES-001 … RES-008 (warnings aside)."""
        if self.programme is not None:
            report = check(
                self.programme, rules=self._results_rules, context=self._lifecycle.context
            )
            assert report.ok, [f"{v.code} {v.message('en')}" for v in report.errors]

    @invariant()
    def history_records_every_accepted_operation(self) -> None:
        """The history holds one entry per accepted operation since the start, and no other."""
        if self.programme is not None:
            added = self.programme.history[self._history_at_start :]
            assert Counter(e.operation for e in added) == self.accepted
