"""The programme lifecycle: operations that take a programme and return a new one.

Every operation records a :class:`~compagnonnage.model.HistoryEntry` (what, when,
who, why) and checks the rules on the result before returning it:

* an operation that changes the stage (:meth:`Lifecycle.open`,
  :meth:`~Lifecycle.close_preparation`, :meth:`~Lifecycle.close_diagnostic`,
  :meth:`~Lifecycle.close`, :meth:`~Lifecycle.reopen`) is refused when the result
  breaks *any* error-level rule;
* any other operation is refused when it *adds* an error-level violation.

A refusal raises :class:`~compagnonnage.errors.TransitionRefused` carrying every
blocking violation; the programme given is untouched (it is immutable).

The module-level functions use the core rules; build a :class:`Lifecycle` with
the rule set and context of a plugin manager to include plugin rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from attrs import frozen

from compagnonnage._i18n import stage_label
from compagnonnage.errors import InvalidValueError, TransitionRefused, UnknownReferenceError
from compagnonnage.model import (
    ActionStatus,
    CapacityScore,
    Debriefing,
    Finding,
    GoodPractice,
    HistoryEntry,
    MajorIssue,
    MandatePlan,
    MandatePlanning,
    MethodToolkit,
    Mission,
    Operation,
    Period,
    Programme,
    Recommendation,
    ServiceOffer,
    ServiceOfferDesign,
    Stage,
    SupportAction,
    TermsOfReference,
    WorkProgramme,
)
from compagnonnage.rules import RuleContext, RuleSet, Severity, Violation, check

__all__ = [
    "Lifecycle",
    "StageListener",
    "cancel_action",
    "close",
    "close_diagnostic",
    "close_preparation",
    "complete_action",
    "open_programme",
    "plan_action",
    "record_debriefing",
    "record_deliverable",
    "record_finding",
    "record_mission",
    "record_score",
    "reopen",
    "start_action",
]

StageListener = Callable[[Programme, HistoryEntry], None]
"""Called with the new programme and its last history entry after a stage change."""

_T = TypeVar("_T")
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
        fr = (
            f"« {operation.value} » : l'étape {stage_label(needed, 'fr')} est close ; "
            "rouvrez-la d'abord (avec un motif)."
        )
        en = f"'{operation.value}': the {stage_label(needed, 'en')} stage is closed; reopen it first (with a reason)."
    else:
        code = "STG-001"
        fr = (
            f"« {operation.value} » demande l'étape {stage_label(needed, 'fr')} ; "
            f"le programme est en {stage_label(p.stage, 'fr')}."
        )
        en = f"'{operation.value}' needs the {stage_label(needed, 'en')} stage; the programme is in {stage_label(p.stage, 'en')}."
    return Violation(code=code, severity=Severity.ERROR, subjects=(p.id,), fr=fr, en=en)


def _action(p: Programme, action_id: str) -> SupportAction:
    for a in p.accompaniment.actions:
        if a.id == action_id:
            return a
    raise UnknownReferenceError("support action", action_id, p.id)


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

    def _commit(
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
    ) -> Programme:
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
        after = check(candidate, rules=self.rules, context=self.context).errors
        if entry.to_stage is not entry.from_stage:
            blocking = list(after)
        else:
            before = set(check(p, rules=self.rules, context=self.context).errors)
            blocking = [v for v in after if v not in before]
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

    # -- preparation ---------------------------------------------------------------

    def open(self, p: Programme, *, by: str, at: dt.datetime | None = None) -> Programme:
        """Open a draft programme: it enters the preparation stage (STG-002 guards it)."""
        return self._advance(p, Operation.OPEN, by=by, at=at)

    def record_deliverable(
        self,
        p: Programme,
        deliverable: TermsOfReference | MethodToolkit | WorkProgramme,
        *,
        by: str,
        at: dt.datetime | None = None,
    ) -> Programme:
        """Record (or replace) one of the three preparation deliverables."""
        name = _DELIVERABLE_FIELD.get(type(deliverable))
        if name is None:
            raise InvalidValueError(
                "record_deliverable",
                "deliverable",
                "a TermsOfReference, MethodToolkit or WorkProgramme",
                deliverable,
            )
        changes: dict[str, Any] = {name: deliverable}
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
        missions = _replace(p.diagnostic.missions, mission, lambda m: m.id == mission.id)
        return self._diagnose(
            p, Operation.RECORD_MISSION, by=by, at=at, subject=mission.id, missions=missions
        )

    def record_finding(
        self, p: Programme, finding: Finding, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a major issue, good practice or recommendation (replacing one with its id)."""
        name = _FINDING_FIELD.get(type(finding))
        if name is None:
            raise InvalidValueError(
                "record_finding",
                "finding",
                "a MajorIssue, GoodPractice or Recommendation",
                finding,
            )
        found: tuple[Finding, ...] = getattr(p.diagnostic, name)
        updated: dict[str, Any] = {name: _replace(found, finding, lambda f: f.id == finding.id)}
        return self._diagnose(
            p, Operation.RECORD_FINDING, by=by, at=at, subject=finding.id, **updated
        )

    def record_score(
        self, p: Programme, score: CapacityScore, *, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Record a capacity score, replacing the one for the same module and dimension."""
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
        """Plan a support action (status ``planned``), or re-plan the one with its id."""
        if action.status is not ActionStatus.PLANNED:
            raise InvalidValueError("plan_action", "action.status", "planned", action.status.value)
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
        """Start a planned action on day ``on`` (STG-005, STG-009 guard it)."""
        a = _action(p, action_id)
        if a.status is not ActionStatus.PLANNED:
            raise InvalidValueError("start_action", "status", "a planned action", a.status.value)
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
        service-offer design (a :class:`ServiceOffer`) produced.
        """
        a = _action(p, action_id)
        if a.status is not ActionStatus.IN_PROGRESS:
            raise InvalidValueError(
                "complete_action", "status", "an action in progress", a.status.value
            )
        changes: dict[str, Any] = {"status": ActionStatus.COMPLETED}
        start = a.period.start if a.period is not None else on
        changes["period"] = Period(start=start, end=on)
        if produces is not None:
            if isinstance(a, MandatePlanning) and isinstance(produces, MandatePlan):
                changes["plan"] = produces
            elif isinstance(a, ServiceOfferDesign) and isinstance(produces, ServiceOffer):
                changes["offer"] = produces
            else:
                raise InvalidValueError(
                    "complete_action",
                    "produces",
                    "a MandatePlan for mandate planning, a ServiceOffer for service-offer design",
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
        """Cancel an action that is not completed, with a reason."""
        a = _action(p, action_id)
        if a.status in (ActionStatus.COMPLETED, ActionStatus.CANCELLED):
            raise InvalidValueError(
                "cancel_action", "status", "a planned or running action", a.status.value
            )
        cancelled = attrs.evolve(a, status=ActionStatus.CANCELLED)
        return self._set_action(p, Operation.CANCEL_ACTION, cancelled, by=by, at=at, reason=reason)

    # -- any stage -----------------------------------------------------------------

    def reopen(
        self, p: Programme, *, reason: str, by: str, at: dt.datetime | None = None
    ) -> Programme:
        """Reopen the stage closed last (go back one stage), with a recorded reason (STG-014)."""
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
