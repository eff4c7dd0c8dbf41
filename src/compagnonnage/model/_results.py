"""Results and monitoring: indicators, their values, follow-up assessments.

The chain a programme carries: a finding is cited by a recommendation, which
support actions answer, which indicators track; each indicator has a baseline,
targets per reporting period and measured values. A follow-up assessment scores
the body again with a diagnostic module, so that capacity is compared under the
same module version only. The membership ledger lives on the body
(:attr:`~compagnonnage.model.Body.ledger`).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from functools import cached_property

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import Period
from compagnonnage.model._diagnostic import CapacityScore


class ResultLevel(enum.Enum):
    """The level of the result chain an indicator measures."""

    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class Measure(enum.Enum):
    """What an indicator's values are."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    CAPACITY_LEVEL = "capacity_level"
    MILESTONE = "milestone"
    QUALITATIVE = "qualitative"


class Direction(enum.Enum):
    """Whether more is better (``ascending``) or less is (``descending``)."""

    ASCENDING = "ascending"
    DESCENDING = "descending"


@frozen(kw_only=True)
class ReportingPeriod:
    """A reporting period of the programme (a year, a semester): targets and values name it."""

    id: str = field(validator=v.identifier)
    """The period's id (``"y2021"``), unique in the results (RES-008)."""
    period: Period = field(validator=v.instance_of(Period))
    """Its first and last days; its values are dated inside them (RES-002)."""


@frozen(kw_only=True)
class ModuleUse:
    """A diagnostic module version the programme scored with, and the ends of its scale.

    Recorded so that capacity values can be checked against the scale, and only
    scores under the same module version are compared.
    """

    module_id: str = field(validator=v.identifier)
    """Id of the diagnostic module."""
    version: str = field(validator=v.identifier)
    """The module version scored with."""
    low: int = field(default=1, validator=v.count)
    """The bottom of that version's scale."""
    high: int = field(default=4, validator=v.count)
    """The top of that version's scale."""


@frozen(kw_only=True)
class CapacityRef:
    """What a capacity indicator follows: one dimension of one module version."""

    module_id: str = field(validator=v.identifier)
    """Id of the diagnostic module."""
    module_version: str = field(validator=v.identifier)
    """The module version, one the programme scored with (RES-004)."""
    dimension_id: str = field(validator=v.identifier)
    """Id of the dimension followed, in that module."""


@frozen(kw_only=True)
class Disaggregation:
    """The part of a value for one group along one axis (``axis="sex", group="women"``)."""

    axis: str = field(validator=v.identifier)
    """What the value is broken down by (``"sex"``)."""
    group: str = field(validator=v.identifier)
    """The group along that axis (``"women"``)."""
    value: Decimal = field(validator=v.instance_of(Decimal))
    """That group's part of the total."""


@frozen(kw_only=True)
class Baseline:
    """Where an indicator starts: its value, when, and where the figure comes from."""

    value: Decimal = field(validator=v.instance_of(Decimal))
    """The starting value."""
    on: dt.date = field(validator=v.a_date())
    """The day it was measured, no later than the first action followed starts (RES-001)."""
    source: str | None = field(default=None, validator=v.optional_text)
    """Where the figure comes from, if said."""


@frozen(kw_only=True)
class Target:
    """The value an indicator aims at by the end of a reporting period."""

    period_id: str = field(validator=v.identifier)
    """Id of the reporting period it is for."""
    value: Decimal = field(validator=v.instance_of(Decimal))
    """The value aimed at by the end of that period."""


@frozen(kw_only=True)
class Measurement:
    """A measured value for one reporting period, with its date, source and recorder.

    ``final`` marks the value the programme closes on. A qualitative indicator
    may have no number, only a ``note``.
    """

    period_id: str = field(validator=v.identifier)
    """Id of the reporting period the value is for."""
    on: dt.date = field(validator=v.a_date())
    """The day it was measured, inside that period and never in the future (RES-002)."""
    value: Decimal | None = field(default=None, validator=v.instance_of(Decimal, optional=True))
    """The measured value; ``None`` for a qualitative value given as a ``note`` only."""
    note: str | None = field(default=None, validator=v.optional_text)
    """What was observed, in words, if anything."""
    source: str | None = field(default=None, validator=v.optional_text)
    """Where the figure comes from, if said."""
    recorded_by: str | None = field(default=None, validator=v.optional_identifier)
    """Id of who recorded it, if known."""
    disaggregations: tuple[Disaggregation, ...] = field(
        default=(), validator=v.tuple_of(Disaggregation)
    )
    """Its breakdown by group; the parts along each axis add up to ``value`` (RES-003)."""
    final: bool = field(default=False, validator=v.instance_of(bool))
    """Whether this is the value the programme closes on (at most one, RES-008)."""


@frozen(kw_only=True)
class NotMeasured:
    """An explicit statement that an indicator could not be measured, and why."""

    reason: str = field(validator=v.text)
    """Why the indicator could not be measured."""
    on: dt.date = field(validator=v.a_date())
    """The day this was stated."""


@frozen(kw_only=True)
class Indicator:
    """An indicator: what it measures, what it tracks, its baseline, targets and values.

    ``cumulative`` (for counts): each value counts everything since the start
    (``True``) or only what happened in its period (``False``, a running total).
    """

    id: str = field(validator=v.identifier)
    """The indicator's id, unique in the results (RES-008)."""
    title: str = field(validator=v.text)
    """What it measures, as reports show it."""
    level: ResultLevel = field(validator=v.member_of(ResultLevel))
    """The level of the result chain it measures: output, outcome or impact."""
    measure: Measure = field(validator=v.member_of(Measure))
    """What its values are: a count, a percentage, a capacity level, a milestone or a text."""
    direction: Direction = field(default=Direction.ASCENDING, validator=v.member_of(Direction))
    """Whether more is better (ascending, the default) or less is (descending)."""
    unit: str | None = field(default=None, validator=v.optional_text)
    """The unit of its values (``"cartes"``), if any."""
    cumulative: bool = field(default=True, validator=v.instance_of(bool))
    """For a count: whether each value counts everything since the start, or only its period."""
    recommendation_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    """Ids of the recommendations it tracks (RES-006)."""
    action_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the support actions it follows (RES-001)."""
    plan_action_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    """Ids of the mandate-plan actions it follows."""
    capacity: CapacityRef | None = field(
        default=None, validator=v.instance_of(CapacityRef, optional=True)
    )
    """For a capacity indicator, the module dimension it follows (RES-004)."""
    baseline: Baseline | None = field(
        default=None, validator=v.instance_of(Baseline, optional=True)
    )
    """Where it starts, once recorded."""
    targets: tuple[Target, ...] = field(default=(), validator=v.tuple_of(Target))
    """The values it aims at, per reporting period."""
    values: tuple[Measurement, ...] = field(default=(), validator=v.tuple_of(Measurement))
    """The measured values, in the order recorded."""
    not_measured: NotMeasured | None = field(
        default=None, validator=v.instance_of(NotMeasured, optional=True)
    )
    """The statement that it could not be measured, if made (RES-007)."""

    @property
    def latest(self) -> Measurement | None:
        """The measured value of the latest date (the last recorded among equals)."""
        best: Measurement | None = None
        for m in self.values:
            if best is None or m.on >= best.on:
                best = m
        return best

    @property
    def final(self) -> Measurement | None:
        """The value marked final, if any."""
        return next((m for m in self.values if m.final), None)


@frozen(kw_only=True)
class FollowUp:
    """A later scoring of the body with a diagnostic module (same id and version to compare).

    ``respondent_ids`` are the people who answered; each score carries its evidence.
    """

    id: str = field(validator=v.identifier)
    """The follow-up's id, unique in the results (RES-008)."""
    module_id: str = field(validator=v.identifier)
    """Id of the diagnostic module scored with."""
    module_version: str = field(validator=v.identifier)
    """The module version scored with, one the programme used (RES-004)."""
    on: dt.date = field(validator=v.a_date())
    """The day of the assessment, never in the future (RES-002)."""
    scores: tuple[CapacityScore, ...] = field(default=(), validator=v.tuple_of(CapacityScore))
    """The capacity level on each dimension scored, with its evidence."""
    respondent_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    """Ids of the people who answered."""


@frozen(kw_only=True)
class Results:
    """The programme's results record: reporting periods, module versions used,
    indicators and follow-up assessments.

    ``modules`` names the module versions the diagnostic scored with
    (:attr:`~compagnonnage.model.Diagnostic.scores`); follow-ups name theirs.
    """

    periods: tuple[ReportingPeriod, ...] = field(default=(), validator=v.tuple_of(ReportingPeriod))
    """The reporting periods, which targets and values name."""
    modules: tuple[ModuleUse, ...] = field(default=(), validator=v.tuple_of(ModuleUse))
    """The module versions the programme scored with, and the ends of their scales."""
    indicators: tuple[Indicator, ...] = field(default=(), validator=v.tuple_of(Indicator))
    """The indicators the programme tracks."""
    follow_ups: tuple[FollowUp, ...] = field(default=(), validator=v.tuple_of(FollowUp))
    """The later scorings of the body with a diagnostic module."""

    @cached_property
    def periods_by_id(self) -> dict[str, ReportingPeriod]:
        """The reporting periods by id."""
        return {r.id: r for r in self.periods}

    def module(self, module_id: str, version: str) -> ModuleUse | None:
        """The recorded use of ``module_id`` at ``version``, if any."""
        return next(
            (m for m in self.modules if m.module_id == module_id and m.version == version), None
        )
