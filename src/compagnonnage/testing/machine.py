"""A hypothesis state machine of the programme lifecycle, for downstream suites to subclass.

:class:`ProgrammeMachine` starts from a generated draft programme and applies
random lifecycle operations, valid or not. Its rules have no preconditions and
draw no filtered value: every draw is a usable input (an action rule with no
action to act on plans or starts one instead). After every step it checks that:

* no error-level rule is violated by the programme it holds;
* the history only grows (the previous history is a prefix of the new one);
* a refused operation raised :class:`~compagnonnage.errors.TransitionRefused`
  with at least one violation, and changed nothing.

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
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from compagnonnage.errors import TransitionRefused
from compagnonnage.lifecycle import Lifecycle
from compagnonnage.model import (
    ActionStatus,
    Affiliation,
    Approval,
    Audience,
    DiagnosticKind,
    GoodPractice,
    IssueSeverity,
    MajorIssue,
    MethodToolkit,
    Mission,
    Modality,
    Period,
    Programme,
    Recommendation,
    Stage,
    Structuring,
    TermsOfReference,
    Training,
    WorkProgramme,
)
from compagnonnage.rules import check
from compagnonnage.testing.strategies import programmes

__all__ = ["ProgrammeMachine"]

_START = dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc)


class ProgrammeMachine(RuleBasedStateMachine):
    """The programme lifecycle as a rule-based state machine (see the module docs)."""

    lifecycle: Lifecycle = Lifecycle()
    """The lifecycle under test; set a class attribute to test yours (plugin rules)."""

    def __init__(self) -> None:
        super().__init__()
        self.programme: Programme | None = None
        self.clock = _START
        self.refusals = 0
        self._counter = 0

    # -- helpers --------------------------------------------------------------------

    def applied(self, programme: Programme) -> None:
        """Called with every programme an operation returned; override to mirror it."""

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}-m{self._counter}"

    def _tick(self, hours: int) -> dt.datetime:
        self.clock += dt.timedelta(hours=hours)
        return self.clock

    def _apply(self, operation: Callable[[Programme], Programme]) -> None:
        before = self.programme
        assert before is not None
        try:
            after = operation(before)
        except TransitionRefused as refused:
            if not refused.violations:
                raise AssertionError("a refusal must carry its violations") from refused
            assert self.programme == before
            self.refusals += 1
            return
        assert after.history[: len(before.history)] == before.history
        assert len(after.history) == len(before.history) + 1
        self.programme = after
        self.applied(after)

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
        self.applied(programme)

    @rule(hours=st.integers(0, 48))
    def open(self, hours: int) -> None:
        """Try to open the programme."""
        self._apply(lambda p: self.lifecycle.open(p, by="exp-1", at=self._tick(hours)))

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
        self._apply(lambda p: self.lifecycle.record_deliverable(p, deliverable, by="exp-1", at=at))

    @rule()
    def prepare_everything(self) -> None:
        """Record the three deliverables, approved and co-written: a path to the diagnostic."""
        for kind in ("tor", "toolkit", "wp"):
            self.record_deliverable(kind, approved=True, partner=True)

    @rule()
    def close_preparation(self) -> None:
        """Try to close the preparation."""
        self._apply(lambda p: self.lifecycle.close_preparation(p, by="exp-1", at=self._tick(24)))

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
        self._apply(lambda p: self.lifecycle.record_mission(p, mission, by="exp-1", at=at))

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
        self._apply(lambda p: self.lifecycle.record_finding(p, finding, by="exp-1", at=at))

    @rule()
    def diagnose_enough(self) -> None:
        """Record an organised on-site mission, a major issue and a recommendation citing it."""
        self.record_mission(on_site=True, organised=True, kind=DiagnosticKind.INSTITUTIONAL)
        self.record_finding("issue")
        self.record_finding("recommendation")

    @rule()
    def close_diagnostic(self) -> None:
        """Try to close the diagnostic."""
        self._apply(lambda p: self.lifecycle.close_diagnostic(p, by="exp-1", at=self._tick(72)))

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
        self._apply(lambda p: self.lifecycle.plan_action(p, action, by="exp-1", at=at))

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
            lambda p: self.lifecycle.start_action(p, action_id, on=at.date(), by="exp-1", at=at)
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
                lambda p: self.lifecycle.cancel_action(
                    p, action_id, reason="Report", by="exp-1", at=at
                )
            )
        else:
            self._apply(
                lambda p: self.lifecycle.complete_action(
                    p, action_id, on=at.date(), by="exp-1", at=at
                )
            )

    @rule()
    def advance(self) -> None:
        """Do what the current stage needs, then move to the next one (close once an action is planned)."""
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
            self.close()

    @rule()
    def reopen(self) -> None:
        """Try to reopen the stage closed last."""
        self._apply(
            lambda p: self.lifecycle.reopen(p, reason="Compléments", by="exp-1", at=self._tick(1))
        )

    @rule()
    def close(self) -> None:
        """Try to close the programme."""
        self._apply(lambda p: self.lifecycle.close(p, by="exp-1", at=self._tick(24)))

    # -- invariants -------------------------------------------------------------------

    @invariant()
    def no_error_level_violation(self) -> None:
        """The programme held breaks no error-level rule."""
        if self.programme is not None:
            report = check(
                self.programme, rules=self.lifecycle.rules, context=self.lifecycle.context
            )
            assert report.ok, [v.en for v in report.errors]
