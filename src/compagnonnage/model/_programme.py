"""The programme: a beneficiary, a team, a scope, three stage records and a history."""

from __future__ import annotations

import datetime as dt
import enum
from functools import cached_property

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._accompaniment import Accompaniment
from compagnonnage.model._body import Body
from compagnonnage.model._common import Period, Scope, Stage
from compagnonnage.model._diagnostic import Diagnostic
from compagnonnage.model._funding import Funding
from compagnonnage.model._people import Expert, ReferencePartner
from compagnonnage.model._preparation import Preparation
from compagnonnage.model._results import Results


class Operation(enum.Enum):
    """The lifecycle operations a history entry records."""

    OPEN = "open"
    RECORD_DELIVERABLE = "record_deliverable"
    CLOSE_PREPARATION = "close_preparation"
    RECORD_MISSION = "record_mission"
    RECORD_FINDING = "record_finding"
    RECORD_SCORE = "record_score"
    RECORD_DEBRIEFING = "record_debriefing"
    CLOSE_DIAGNOSTIC = "close_diagnostic"
    PLAN_ACTION = "plan_action"
    START_ACTION = "start_action"
    COMPLETE_ACTION = "complete_action"
    CANCEL_ACTION = "cancel_action"
    REOPEN = "reopen"
    CLOSE = "close"
    RECORD_PERIOD = "record_period"
    RECORD_MODULE = "record_module"
    DEFINE_INDICATOR = "define_indicator"
    RECORD_BASELINE = "record_baseline"
    SET_TARGET = "set_target"
    RECORD_VALUE = "record_value"
    RECORD_NOT_MEASURED = "record_not_measured"
    RECORD_FOLLOW_UP = "record_follow_up"
    RECORD_MEMBERSHIP = "record_membership"

    @property
    def closes(self) -> Stage | None:
        """The stage this operation closes and leaves for the next (``None`` for the others).

        ``OPEN`` leaves the draft, ``CLOSE_PREPARATION`` the preparation,
        ``CLOSE_DIAGNOSTIC`` the diagnostic and ``CLOSE`` the accompaniment.
        """
        return _CLOSES.get(self)


_CLOSES = {
    Operation.OPEN: Stage.DRAFT,
    Operation.CLOSE_PREPARATION: Stage.PREPARATION,
    Operation.CLOSE_DIAGNOSTIC: Stage.DIAGNOSTIC,
    Operation.CLOSE: Stage.ACCOMPANIMENT,
}


@frozen(kw_only=True)
class HistoryEntry:
    """One recorded operation: what, when, who, why, and the stages before and after."""

    operation: Operation = field(validator=v.member_of(Operation))
    """The lifecycle operation recorded."""
    at: dt.datetime = field(validator=v.aware_datetime)
    """When it was done (a time-zone aware date and time)."""
    by: str = field(validator=v.identifier)
    """Id of who did it."""
    from_stage: Stage = field(validator=v.member_of(Stage))
    """The programme's stage before the operation."""
    to_stage: Stage = field(validator=v.member_of(Stage))
    """The programme's stage after the operation."""
    subject: str | None = field(default=None, validator=v.optional_identifier)
    """Id of what the operation was about (an action, a finding…), if any."""
    reason: str | None = field(default=None, validator=v.optional_text)
    """Why, for a reopening or a cancellation."""


@frozen(kw_only=True)
class Programme:
    """A compagnonnage programme for one beneficiary body.

    Build a new one with :meth:`draft`, then move it through its stages with the
    functions of :mod:`compagnonnage.lifecycle`; each returns a new programme.
    """

    id: str = field(validator=v.identifier)
    """The programme's id."""
    title: str = field(validator=v.text)
    """The programme's title, as reports show it."""
    beneficiary: Body = field(validator=v.instance_of(Body))
    """The intermediary body the programme strengthens."""
    reference_partner: ReferencePartner | None = field(
        default=None, validator=v.instance_of(ReferencePartner, optional=True)
    )
    """The beneficiary's coordinator of the experts (STG-002 to open)."""
    experts: tuple[Expert, ...] = field(default=(), validator=v.tuple_of(Expert))
    """The expert team: network and local experts."""
    scope: Scope = field(factory=Scope, validator=v.instance_of(Scope))
    """The trades and regions covered (STG-011)."""
    planned: Period | None = field(default=None, validator=v.instance_of(Period, optional=True))
    """The planned dates of the whole programme, if set."""
    stage: Stage = field(default=Stage.DRAFT, validator=v.member_of(Stage))
    """Where the programme stands; changed by the lifecycle only."""
    preparation: Preparation = field(factory=Preparation, validator=v.instance_of(Preparation))
    """The record of the preparation stage."""
    diagnostic: Diagnostic = field(factory=Diagnostic, validator=v.instance_of(Diagnostic))
    """The record of the field diagnostic stage."""
    accompaniment: Accompaniment = field(
        factory=Accompaniment, validator=v.instance_of(Accompaniment)
    )
    """The record of the accompaniment stage."""
    history: tuple[HistoryEntry, ...] = field(default=(), validator=v.tuple_of(HistoryEntry))
    """Every operation done, in time order (append-only, STG-014)."""
    funding: Funding = field(factory=Funding, validator=v.instance_of(Funding))
    """Who funds and takes part, sectors, budgets and transactions (for IATI)."""
    results: Results = field(factory=Results, validator=v.instance_of(Results))
    """The results record: reporting periods, module versions, indicators, follow-ups."""

    @classmethod
    def draft(
        cls,
        *,
        id: str,
        title: str,
        beneficiary: Body,
        reference_partner: ReferencePartner | None = None,
        experts: tuple[Expert, ...] = (),
        scope: Scope | None = None,
        planned: Period | None = None,
    ) -> Programme:
        """A new programme in the draft stage, with empty stage records and no history.

        ``scope`` defaults to the beneficiary's own trades and region: a
        finding keyed to one of the body's trades is then in scope (STG-011).
        Give a scope to narrow or widen it (``Scope()`` for an empty one).
        """
        return cls(
            id=id,
            title=title,
            beneficiary=beneficiary,
            reference_partner=reference_partner,
            experts=experts,
            scope=scope
            if scope is not None
            else Scope(trades=beneficiary.trades, regions=(beneficiary.region,)),
            planned=planned,
        )

    @cached_property
    def experts_by_id(self) -> dict[str, Expert]:
        """The expert team by id (a fresh read-only view of :attr:`experts`)."""
        return {e.id: e for e in self.experts}

    def entered(self, stage: Stage) -> dt.datetime | None:
        """When the programme first moved forward into ``stage`` (``None`` if it never did).

        Reopenings do not count: a diagnostic reopened and closed again was
        still first closed, and the accompaniment first entered, at the first closing.
        """
        for entry in self.history:
            if entry.to_stage is stage and entry.to_stage.rank > entry.from_stage.rank:
                return entry.at
        return None
