"""The programme lifecycle: operations that take a programme and return a new one.

Every operation records a :class:`~compagnonnage.model.HistoryEntry` (what, when,
who, why) and checks the rules on the result before returning it:

* an operation that changes the stage (:meth:`Lifecycle.open`,
  :meth:`~Lifecycle.close_preparation`, :meth:`~Lifecycle.close_diagnostic`,
  :meth:`~Lifecycle.close`, :meth:`~Lifecycle.reopen`) is refused when the result
  breaks *any* error-level rule;
* any other operation is refused when it *adds* an error-level violation.

A refusal raises :class:`~compagnonnage.errors.TransitionRefused` carrying every
blocking violation; the programme given is untouched (it is immutable). A call
that cannot be made at all (an action in the wrong status, a naive datetime, a
blank reason, a record of the wrong kind) raises
:class:`~compagnonnage.errors.LifecycleMisuse` with a code, before anything is
built. :func:`next_step` tells, without changing anything, which operation comes
next, the stage it leads to, and what blocks it.

The module-level functions use the core rules; build a :class:`Lifecycle` with
the rule set and context of a plugin manager to include plugin rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from attrs import frozen

from compagnonnage._i18n import Message, _
from compagnonnage._validators import is_identifier
from compagnonnage.errors import LifecycleMisuse, TransitionRefused, UnknownReferenceError
from compagnonnage.model import (
    ACTION_KINDS,
    ActionStatus,
    Baseline,
    CapacityScore,
    Debriefing,
    Deliverable,
    Finding,
    FollowUp,
    GoodPractice,
    HistoryEntry,
    Indicator,
    MajorIssue,
    MandatePlan,
    MandatePlanning,
    Measurement,
    Membership,
    MethodToolkit,
    Mission,
    ModuleUse,
    NotMeasured,
    Operation,
    Period,
    Programme,
    Recommendation,
    ReportingPeriod,
    ServiceOffer,
    ServiceOfferDesign,
    Stage,
    SupportAction,
    Target,
    TermsOfReference,
    WorkProgramme,
)
from compagnonnage.rules import Rule, RuleContext, RuleSet, Severity, Subject, Violation, check

__all__ = [
    "Lifecycle",
    "NextStep",
    "StageListener",
    "cancel_action",
    "close",
    "close_diagnostic",
    "close_preparation",
    "complete_action",
    "define_indicator",
    "next_step",
    "open_programme",
    "plan_action",
    "record_baseline",
    "record_debriefing",
    "record_deliverable",
    "record_finding",
    "record_follow_up",
    "record_membership",
    "record_mission",
    "record_module",
    "record_not_measured",
    "record_period",
    "record_score",
    "record_value",
    "reopen",
    "set_target",
    "start_action",
]

StageListener = Callable[[Programme, HistoryEntry], None]
"""Called with the new programme and its last history entry after a stage change."""

_T = TypeVar("_T")
_R = TypeVar("_R")
_DELIVERABLE_FIELD = {
    TermsOfReference: "terms_of_reference",
    MethodToolkit: "toolkit",
    WorkProgramme: "work_programme",
}
_FINDING_FIELD = {
    MajorIssue: "issues",
    GoodPractice: "practices",
    Recommendation: "recommendations",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _replace(items: tuple[_T, ...], new: _T, same: Callable[[_T], bool]) -> tuple[_T, ...]:
    """``items`` with the first item for which ``same`` holds replaced by ``new``, else appended."""
    for i, old in enumerate(items):
        if same(old):
            return (*items[:i], new, *items[i + 1 :])
    return (*items, new)


def _stage_violation(p: Programme, operation: Operation, needed: Stage) -> Violation:
    if p.stage.rank > needed.rank:
        code = "STG-014"
        text = _(
            "'{operation}': the {stage} stage is closed; reopen it first (with a reason).",
            operation=operation.value,
            stage=needed,
        )
    else:
        code = "STG-001"
        text = _(
            "'{operation}' needs the {stage} stage; the programme is in {current}.",
            operation=operation.value,
            stage=needed,
            current=p.stage,
        )
    subjects = (Subject("programme", p.id),)
    return Violation(code=code, severity=Severity.ERROR, subjects=subjects, text=text)


def _action(p: Programme, action_id: str) -> SupportAction:
    for a in p.accompaniment.actions:
        if a.id == action_id:
            return a
    raise UnknownReferenceError("support_action", action_id, p.id)


# -- misuse: what a call cannot take, refused before anything is built --------------

_AN_ID = _("an id")
_AWARE = _("a timezone-aware datetime (or None)")
_A_DATE = _("a date (datetime.date)")
_A_REASON = _("a non-empty reason")


def _check_actor(p: Programme, operation: Operation, by: object, at: object) -> None:
    """LIF-004 when ``by`` is not an id, LIF-003 when ``at`` is not an aware datetime."""
    if not is_identifier(by):
        raise LifecycleMisuse("LIF-004", operation.value, p.id, "by", _AN_ID, by)
    if at is not None and (not isinstance(at, dt.datetime) or at.utcoffset() is None):
        raise LifecycleMisuse("LIF-003", operation.value, p.id, "at", _AWARE, at)


def _check_day(p: Programme, operation: Operation, on: object) -> None:
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise LifecycleMisuse("LIF-003", operation.value, p.id, "on", _A_DATE, on)


def _check_reason(p: Programme, operation: Operation, reason: object) -> None:
    if not isinstance(reason, str) or not reason.strip():
        raise LifecycleMisuse("LIF-005", operation.value, p.id, "reason", _A_REASON, reason)


def _check_kind(
    p: Programme,
    operation: Operation,
    argument: str,
    value: object,
    kinds: tuple[type, ...],
) -> None:
    """LIF-002 unless ``value`` is an instance of one of ``kinds`` (a base class is not enough)."""
    if not isinstance(value, kinds):
        names = ", ".join(k.__name__ for k in kinds)
        expected = _("one of {names}", names=names)
        raise LifecycleMisuse("LIF-002", operation.value, p.id, argument, expected, value)


def _field_of(record: object, fields: dict[type[_R], str]) -> str:
    """The field of a stage record that holds ``record`` (checked by :func:`_check_kind`)."""
    return next(name for kind, name in fields.items() if isinstance(record, kind))


def _check_status(
    p: Programme,
    operation: Operation,
    action: SupportAction,
    accepted: tuple[ActionStatus, ...],
) -> None:
    """LIF-001 unless ``action`` is in one of the ``accepted`` statuses (``got`` is its status)."""
    if action.status not in accepted:
        statuses: Message | str = accepted[0].value
        for other in accepted[1:]:
            statuses = _("{either} or {other}", either=statuses, other=other.value)
        raise LifecycleMisuse(
            "LIF-001",
            operation.value,
            p.id,
            "action" if operation is Operation.PLAN_ACTION else "action_id",
            _("action {id!r} with status {statuses}", id=action.id, statuses=statuses),
            action.status.value,
        )


_STEP_RULES: dict[Operation, tuple[str, ...]] = {
    Operation.OPEN: ("STG-002",),
    Operation.CLOSE_PREPARATION: ("STG-003",),
    Operation.CLOSE_DIAGNOSTIC: ("STG-004",),
    Operation.CLOSE: (),
}
_STEPS = {operation.closes: operation for operation in _STEP_RULES}


@frozen(kw_only=True)
class NextStep:
    """The operation that takes a programme to its next stage, and what stands in its way."""

    operation: Operation
    """The operation (``Operation.CLOSE_PREPARATION``)."""
    stage: Stage
    """The stage it leads to (``Stage.DIAGNOSTIC``)."""
    needs: tuple[Rule, ...]
    """The rules that guard this step in particular (STG-003 for closing the preparation);
    every other error-level rule must hold too."""
    blocked_by: tuple[Violation, ...]
    """Every violation that would refuse the operation now, sorted as a report sorts them;
    empty when the step can be taken."""
    blocking_rules: tuple[Rule, ...]
    """The rule behind each code of :attr:`blocked_by`, once each in code order, plugin
    rules included (their titles name what blocks)."""

    @property
    def ready(self) -> bool:
        """Whether nothing blocks the step."""
        return not self.blocked_by


def _next_attempt(
    p: Programme, by: str | None, at: dt.datetime | None
) -> tuple[Operation, dict[str, Any]] | None:
    """The operation that takes ``p`` to its next stage, with its arguments for
    :meth:`Lifecycle._candidate`; ``None`` for a closed programme.

    Unless given, the step is taken by the reference partner (else
    ``"compagnonnage"``), now, and never before the last history entry.
    """
    operation = _STEPS.get(p.stage)
    if operation is None:
        return None
    if by is None:
        by = p.reference_partner.id if p.reference_partner is not None else "compagnonnage"
    if at is None:
        at = max([_now(), *(e.at for e in p.history[-1:])])
    return operation, {"by": by, "at": at, "needs": p.stage, "to_stage": p.stage.next()}


@frozen(kw_only=True)
class Lifecycle:
    """The lifecycle operations, bound to a rule set, a rule context and stage listeners.

    :param rules: the rules that guard operations (the core rules by default).
    :param context: what rules may know beyond the programme (nomenclatures).
    :param listeners: called after every stage change; a listener that raises
        does not undo the change (the plugin façade isolates plugin listeners).
    """

    rules: RuleSet | None = None
    """The rules that guard operations; ``None`` for the core rules."""
    context: RuleContext | None = None
    """What rules may know beyond the programme (nomenclatures), if anything."""
    listeners: tuple[StageListener, ...] = ()
    """Called after every stage change, in order."""

    @property
    def _rule_set(self) -> RuleSet:
        """The rules it applies: :attr:`rules`, else the core rules."""
        return self.rules if self.rules is not None else RuleSet.core()

    def _attempt(
        self, p: Programme, operation: Operation, **attempt: Any
    ) -> tuple[Programme, HistoryEntry, list[Violation]]:
        """The programme ``operation`` would give (arguments of :meth:`_candidate`), its
        history entry, and what blocks it."""
        candidate, entry = self._candidate(p, operation, **attempt)
        after = check(candidate, rules=self.rules, context=self.context).errors
        if entry.to_stage is not entry.from_stage:
            blocking = list(after)
        else:
            before = set(check(p, rules=self.rules, context=self.context).errors)
            blocking = [v for v in after if v not in before]
        return candidate, entry, blocking

    def _candidate(
        self,
        p: Programme,
        operation: Operation,
        *,
        by: str,
        at: dt.datetime | None,
        needs: Stage | None = None,
        to_stage: Stage | None = None,
        subject: str | None = None,
        reason: str | None = None,
        **changes: Any,
    ) -> tuple[Programme, HistoryEntry]:
        """The programme ``operation`` would give, and its history entry (misuse refused)."""
        _check_actor(p, operation, by, at)
        if needs is not None and p.stage is not needs:
            raise TransitionRefused(operation.value, p.id, [_stage_violation(p, operation, needs)])
        entry = HistoryEntry(
            operation=operation,
            at=at if at is not None else _now(),
            by=by,
            from_stage=p.stage,
            to_stage=to_stage if to_stage is not None else p.stage,
            subject=subject,
            reason=reason,
        )
        candidate = attrs.evolve(p, stage=entry.to_stage, history=(*p.history, entry), **changes)
        return candidate, entry

    def _commit(self, p: Programme, operation: Operation, **attempt: Any) -> Programme:
        """:meth:`_attempt` ``operation`` (same arguments), then refuse it or tell the listeners."""
        candidate, entry, blocking = self._attempt(p, operation, **attempt)
        if blocking:
            raise TransitionRefused(operation.value, p.id, blocking)
        if entry.to_stage is not entry.from_stage:
            for listener in self.listeners:
                listener(candidate, entry)
        return candidate

    def _advance(
        self, p: Programme, operation: Operation, *, by: str, at: dt.datetime | None
    ) -> Programme:
        """Move ``p`` from the stage ``operation`` closes to the next one."""
        closing = operation.closes
        assert closing is not None, f"{operation} changes no stage"
        return self._commit(p, operation, by=by, at=at, needs=closing, to_stage=closing.next())

    def next_step(
        self, p: Programme, *, by: str | None = None, at: dt.datetime | None = None
    ) -> NextStep | None:
        """The operation that takes ``p`` to its next stage, and what blocks it now.

        Nothing is changed and no listener is called: the operation is tried on
        a copy. ``None`` for a closed programme.

        :param by: who would take the step (the reference partner, else
            ``"compagnonnage"``); the core rules do not look at it.
        :param at: when (now by default, and never before the last history entry).
        """
        step = _next_attempt(p, by, at)
        if step is None:
            return None
        operation, attempt = step
        _unused, _ignored, blocking = self._attempt(p, operation, **attempt)
        rules = self._rule_set
        blocked_by = tuple(blocking)  # a report's errors, so already in sort_key order
        return NextStep(
            operation=operation,
            stage=p.stage.next(),
            needs=tuple(rules[code] for code in _STEP_RULES[operation] if code in rules),
            blocked_by=blocked_by,
            blocking_rules=tuple(
                rules[code] for code in sorted({v.code for v in blocked_by}) if code in rules
            ),
        )

    def blocking_codes(
        self, p: Programme, *, by: str | None = None, at: dt.datetime | None = None
    ) -> tuple[str, ...]:
        """The codes of the rules that refuse ``p``'s next stage change now, in code order.

        The codes of :meth:`next_step`'s ``blocked_by``, without making a violation
        for each breach: every rule is asked for its first error only (a closing
        refused for each of fifteen unmeasured indicators needs one). Empty when
        the step can be taken, or for a closed programme.
        """
        step = _next_attempt(p, by, at)
        if step is None:
            return ()
        operation, attempt = step
        candidate, _entry = self._candidate(p, operation, **attempt)
        return self._rule_set.failing(candidate, self.context)

    # -- preparation ---------------------------------------------------------------

    def open(self, p: Programme, *, by: str, at: dt.datetime | None = None) -> Programme:
        """Open a draft programme: it enters the preparation stage (STG-002 guards it)."""
        return self._advance(p, Operation.OPEN, by=by, at=at)

    def record_deliverable(
        self,
        p: Programme,
        deliverable: Deliverable,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Record (or replace) one of the three preparation deliverables.

        ``deliverable`` is a :class:`TermsOfReference`, a :class:`MethodToolkit`
        or a :class:`WorkProgramme`; a bare :class:`Deliverable` is refused (LIF-002).
        """
        operation = Operation.RECORD_DELIVERABLE
        _check_kind(p, operation, "deliverable", deliverable, tuple(_DELIVERABLE_FIELD))
        changes: dict[str, Any] = {_field_of(deliverable, _DELIVERABLE_FIELD): deliverable}
        preparation = attrs.evolve(p.preparation, **changes)
        return self._commit(
            p,
            Operation.RECORD_DELIVERABLE,
            by=by,
            at=at,
            needs=Stage.PREPARATION,
            subject=deliverable.KIND,
            preparation=preparation,
        )

    def close_preparation(
        self, p: Programme, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Close the preparation: the programme enters the field diagnostic (STG-003)."""
        return self._advance(p, Operation.CLOSE_PREPARATION, by=by, at=at)

    # -- diagnostic ----------------------------------------------------------------

    def _diagnose(
        self,
        p: Programme,
        operation: Operation,
        *,
        by: str,
        at: dt.datetime | None,
        subject: str | None,
        **changes: Any,
    ) -> Programme:
        """Commit ``operation``, a change of the diagnostic record, in the diagnostic stage."""
        return self._commit(
            p,
            operation,
            by=by,
            at=at,
            needs=Stage.DIAGNOSTIC,
            subject=subject,
            diagnostic=attrs.evolve(p.diagnostic, **changes),
        )

    def record_mission(
        self, p: Programme, mission: Mission, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a diagnostic mission, or replace the one with the same id."""
        _check_kind(p, Operation.RECORD_MISSION, "mission", mission, (Mission,))
        missions = _replace(p.diagnostic.missions, mission, lambda m: m.id == mission.id)
        return self._diagnose(
            p, Operation.RECORD_MISSION, by=by, at=at, subject=mission.id, missions=missions
        )

    def record_finding(
        self, p: Programme, finding: Finding, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a major issue, good practice or recommendation (replacing one with its id).

        A bare :class:`Finding` is refused (LIF-002).
        """
        _check_kind(p, Operation.RECORD_FINDING, "finding", finding, tuple(_FINDING_FIELD))
        name = _field_of(finding, _FINDING_FIELD)
        found: tuple[Finding, ...] = getattr(p.diagnostic, name)
        updated: dict[str, Any] = {name: _replace(found, finding, lambda f: f.id == finding.id)}
        return self._diagnose(
            p, Operation.RECORD_FINDING, by=by, at=at, subject=finding.id, **updated
        )

    def record_score(
        self, p: Programme, score: CapacityScore, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a capacity score, replacing the one for the same module and dimension."""
        _check_kind(p, Operation.RECORD_SCORE, "score", score, (CapacityScore,))
        key = (score.module_id, score.dimension_id)
        scores = _replace(
            p.diagnostic.scores, score, lambda s: (s.module_id, s.dimension_id) == key
        )
        return self._diagnose(
            p, Operation.RECORD_SCORE, by=by, at=at, subject=score.dimension_id, scores=scores
        )

    def record_debriefing(
        self, p: Programme, debriefing: Debriefing, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record the debriefing (restitution) of the diagnostic."""
        _check_kind(p, Operation.RECORD_DEBRIEFING, "debriefing", debriefing, (Debriefing,))
        return self._diagnose(
            p, Operation.RECORD_DEBRIEFING, by=by, at=at, subject=None, debriefing=debriefing
        )

    def close_diagnostic(
        self, p: Programme, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Close the diagnostic: the programme enters the accompaniment (STG-004)."""
        return self._advance(p, Operation.CLOSE_DIAGNOSTIC, by=by, at=at)

    # -- accompaniment -------------------------------------------------------------

    def _set_action(
        self,
        p: Programme,
        operation: Operation,
        action: SupportAction,
        *,
        by: str,
        at: dt.datetime | None,
        reason: str | None = None,
    ) -> Programme:
        actions = _replace(p.accompaniment.actions, action, lambda a: a.id == action.id)
        return self._commit(
            p,
            operation,
            by=by,
            at=at,
            needs=Stage.ACCOMPANIMENT,
            subject=action.id,
            reason=reason,
            accompaniment=attrs.evolve(p.accompaniment, actions=actions),
        )

    def plan_action(
        self, p: Programme, action: SupportAction, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Plan a support action (status ``planned``), or re-plan the one with its id.

        An action of another status is refused (LIF-001), as is an object that is
        not one of the kinds of support action (LIF-002).
        """
        _check_kind(p, Operation.PLAN_ACTION, "action", action, ACTION_KINDS)
        _check_status(p, Operation.PLAN_ACTION, action, (ActionStatus.PLANNED,))
        return self._set_action(p, Operation.PLAN_ACTION, action, by=by, at=at)

    def start_action(
        self,
        p: Programme,
        action_id: str,
        *,
        on: dt.date,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Start a planned action on day ``on`` (STG-005, STG-009 guard it).

        An action that is not planned is refused (LIF-001).
        """
        _check_day(p, Operation.START_ACTION, on)
        a = _action(p, action_id)
        _check_status(p, Operation.START_ACTION, a, (ActionStatus.PLANNED,))
        end = on if a.period is None else max(on, a.period.end)
        started = attrs.evolve(a, status=ActionStatus.IN_PROGRESS, period=Period(start=on, end=end))
        return self._set_action(p, Operation.START_ACTION, started, by=by, at=at)

    def complete_action(
        self,
        p: Programme,
        action_id: str,
        *,
        on: dt.date,
        by: str,
        at: dt.datetime | None = None,
        produces: MandatePlan | ServiceOffer | None = None,
    ) -> Programme:
        """Complete an action in progress on day ``on``.

        ``produces`` records what a mandate planning (a :class:`MandatePlan`) or a
        service-offer design (a :class:`ServiceOffer`) produced; anything else
        is refused (LIF-002), as is an action that is not in progress (LIF-001).
        """
        _check_day(p, Operation.COMPLETE_ACTION, on)
        a = _action(p, action_id)
        _check_status(p, Operation.COMPLETE_ACTION, a, (ActionStatus.IN_PROGRESS,))
        changes: dict[str, Any] = {"status": ActionStatus.COMPLETED}
        start = a.period.start if a.period is not None else on
        changes["period"] = Period(start=start, end=on)
        if produces is not None:
            if isinstance(a, MandatePlanning) and isinstance(produces, MandatePlan):
                changes["plan"] = produces
            elif isinstance(a, ServiceOfferDesign) and isinstance(produces, ServiceOffer):
                changes["offer"] = produces
            else:
                raise LifecycleMisuse(
                    "LIF-002",
                    Operation.COMPLETE_ACTION.value,
                    p.id,
                    "produces",
                    _(
                        "a MandatePlan for mandate planning, a ServiceOffer for service-offer design"
                    ),
                    produces,
                )
        done = attrs.evolve(a, **changes)
        return self._set_action(p, Operation.COMPLETE_ACTION, done, by=by, at=at)

    def cancel_action(
        self,
        p: Programme,
        action_id: str,
        *,
        reason: str,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Cancel an action that is not completed, with a reason.

        A blank reason (LIF-005) or a completed or cancelled action (LIF-001) is refused.
        """
        _check_reason(p, Operation.CANCEL_ACTION, reason)
        a = _action(p, action_id)
        _check_status(
            p, Operation.CANCEL_ACTION, a, (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
        )
        cancelled = attrs.evolve(a, status=ActionStatus.CANCELLED)
        return self._set_action(p, Operation.CANCEL_ACTION, cancelled, by=by, at=at, reason=reason)

    # -- any stage -----------------------------------------------------------------

    def reopen(
        self, p: Programme, *, reason: str, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Reopen the stage closed last (go back one stage), with a recorded reason (STG-014).

        A blank reason is refused (LIF-005).
        """
        _check_reason(p, Operation.REOPEN, reason)
        if p.stage.rank <= Stage.PREPARATION.rank:
            raise TransitionRefused(
                Operation.REOPEN.value,
                p.id,
                [_stage_violation(p, Operation.REOPEN, Stage.DIAGNOSTIC)],
            )
        return self._commit(
            p, Operation.REOPEN, by=by, at=at, to_stage=p.stage.previous(), reason=reason
        )

    def close(self, p: Programme, *, by: str, at: dt.datetime | None = None) -> Programme:
        """Close the programme after its accompaniment."""
        return self._advance(p, Operation.CLOSE, by=by, at=at)

    # -- results and monitoring ------------------------------------------------------

    def _monitor(
        self,
        p: Programme,
        operation: Operation,
        *,
        by: str,
        at: dt.datetime | None,
        subject: str | None,
        since: Stage,
        **changes: Any,
    ) -> Programme:
        """Commit ``operation``, a change of the results record, from stage ``since`` on.

        A closed programme takes no more results (reopen it first).
        """
        if p.stage.rank < since.rank or p.stage is Stage.CLOSED:
            needed = since if p.stage.rank < since.rank else Stage.ACCOMPANIMENT
            raise TransitionRefused(operation.value, p.id, [_stage_violation(p, operation, needed)])
        if "beneficiary" in changes:
            return self._commit(p, operation, by=by, at=at, subject=subject, **changes)
        results = attrs.evolve(p.results, **changes)
        return self._commit(p, operation, by=by, at=at, subject=subject, results=results)

    def _indicator(
        self,
        p: Programme,
        operation: Operation,
        indicator_id: str,
        *,
        by: str,
        at: dt.datetime | None,
        **changes: Any,
    ) -> Programme:
        """Commit ``operation``, a change of the indicator ``indicator_id``."""
        old = next((i for i in p.results.indicators if i.id == indicator_id), None)
        if old is None:
            raise UnknownReferenceError("indicator", indicator_id, p.id)
        new = attrs.evolve(old, **changes)
        return self._record(
            p,
            operation,
            "indicators",
            new,
            lambda i: i.id == indicator_id,
            by=by,
            at=at,
            subject=indicator_id,
        )

    def _record(
        self,
        p: Programme,
        operation: Operation,
        name: str,
        item: Any,
        same: Callable[[Any], bool],
        *,
        by: str,
        at: dt.datetime | None,
        subject: str,
        since: Stage = Stage.DIAGNOSTIC,
    ) -> Programme:
        """Commit ``operation``: ``item`` replaces the one of ``results.<name>`` it is ``same`` as."""
        items: dict[str, Any] = {name: _replace(getattr(p.results, name), item, same)}
        return self._monitor(p, operation, by=by, at=at, subject=subject, since=since, **items)

    def record_period(
        self, p: Programme, period: ReportingPeriod, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a reporting period (from the diagnostic on), replacing the one with its id."""
        return self._record(
            p,
            Operation.RECORD_PERIOD,
            "periods",
            period,
            lambda r: r.id == period.id,
            by=by,
            at=at,
            subject=period.id,
        )

    def record_module(
        self, p: Programme, use: ModuleUse, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record the diagnostic module version (and its scale) the programme scores with."""
        key = (use.module_id, use.version)
        return self._record(
            p,
            Operation.RECORD_MODULE,
            "modules",
            use,
            lambda m: (m.module_id, m.version) == key,
            by=by,
            at=at,
            subject=use.module_id,
        )

    def define_indicator(
        self, p: Programme, indicator: Indicator, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Define an indicator (from the diagnostic on), or redefine the one with its id."""
        return self._record(
            p,
            Operation.DEFINE_INDICATOR,
            "indicators",
            indicator,
            lambda i: i.id == indicator.id,
            by=by,
            at=at,
            subject=indicator.id,
        )

    def record_baseline(
        self,
        p: Programme,
        indicator_id: str,
        baseline: Baseline,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Record (or correct) the baseline of an indicator (RES-001 needs it early)."""
        return self._indicator(
            p, Operation.RECORD_BASELINE, indicator_id, by=by, at=at, baseline=baseline
        )

    def set_target(
        self,
        p: Programme,
        indicator_id: str,
        target: Target,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Set an indicator's target for one reporting period, replacing the previous one."""
        old = next((i for i in p.results.indicators if i.id == indicator_id), None)
        targets = () if old is None else old.targets
        targets = _replace(targets, target, lambda t: t.period_id == target.period_id)
        return self._indicator(p, Operation.SET_TARGET, indicator_id, by=by, at=at, targets=targets)

    def record_value(
        self,
        p: Programme,
        indicator_id: str,
        value: Measurement,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Record a measured value of an indicator (RES-002, RES-003, RES-004 guard it)."""
        old = next((i for i in p.results.indicators if i.id == indicator_id), None)
        values = () if old is None else (*old.values, value)
        return self._indicator(p, Operation.RECORD_VALUE, indicator_id, by=by, at=at, values=values)

    def record_not_measured(
        self,
        p: Programme,
        indicator_id: str,
        statement: NotMeasured,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """State that an indicator could not be measured, with the reason (RES-007)."""
        return self._indicator(
            p,
            Operation.RECORD_NOT_MEASURED,
            indicator_id,
            by=by,
            at=at,
            not_measured=statement,
        )

    def record_follow_up(
        self, p: Programme, follow_up: FollowUp, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a follow-up assessment (in the accompaniment), replacing the one with its id."""
        return self._record(
            p,
            Operation.RECORD_FOLLOW_UP,
            "follow_ups",
            follow_up,
            lambda f: f.id == follow_up.id,
            by=by,
            at=at,
            subject=follow_up.id,
            since=Stage.ACCOMPANIMENT,
        )

    def record_membership(
        self, p: Programme, figure: Membership, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Add a dated point to the body's membership ledger (RES-005 guards it).

        A point of the same date replaces the one recorded; the ledger stays in
        date order.
        """
        if figure.as_of is None:
            raise LifecycleMisuse(
                "LIF-003", Operation.RECORD_MEMBERSHIP.value, p.id, "figure.as_of", _A_DATE, None
            )
        kept = [m for m in p.beneficiary.ledger if m.as_of != figure.as_of]
        ledger = tuple(sorted((*kept, figure), key=lambda m: m.as_of or dt.date.min))
        return self._monitor(
            p,
            Operation.RECORD_MEMBERSHIP,
            by=by,
            at=at,
            subject=p.beneficiary.id,
            since=Stage.DRAFT,
            beneficiary=attrs.evolve(p.beneficiary, ledger=ledger),
        )


def next_step(
    programme: Programme,
    *,
    rules: RuleSet | None = None,
    context: RuleContext | None = None,
    by: str | None = None,
    at: dt.datetime | None = None,
) -> NextStep | None:
    """The operation that takes ``programme`` to its next stage, and what blocks it now.

    >>> from compagnonnage.example import togo_programme
    >>> step = next_step(togo_programme())
    >>> step.operation.value, step.stage.value, step.ready
    ('close', 'closed', True)

    With a plugin manager's rules, ``manager.lifecycle().next_step(programme)``
    (or ``rules=manager.rules(), context=manager.rule_context()``) names plugin
    rules too. ``None`` for a closed programme. See :meth:`Lifecycle.next_step`.
    """
    return Lifecycle(rules=rules, context=context).next_step(programme, by=by, at=at)


_CORE = Lifecycle()
open_programme = _CORE.open
record_deliverable = _CORE.record_deliverable
close_preparation = _CORE.close_preparation
record_mission = _CORE.record_mission
record_finding = _CORE.record_finding
record_score = _CORE.record_score
record_debriefing = _CORE.record_debriefing
close_diagnostic = _CORE.close_diagnostic
plan_action = _CORE.plan_action
start_action = _CORE.start_action
complete_action = _CORE.complete_action
cancel_action = _CORE.cancel_action
reopen = _CORE.reopen
close = _CORE.close
record_period = _CORE.record_period
record_module = _CORE.record_module
define_indicator = _CORE.define_indicator
record_baseline = _CORE.record_baseline
set_target = _CORE.set_target
record_value = _CORE.record_value
record_not_measured = _CORE.record_not_measured
record_follow_up = _CORE.record_follow_up
record_membership = _CORE.record_membership
