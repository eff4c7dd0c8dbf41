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
    period: Period = field(validator=v.instance_of(Period))


@frozen(kw_only=True)
class ModuleUse:
    """A diagnostic module version the programme scored with, and the ends of its scale.

    Recorded so that capacity values can be checked against the scale, and only
    scores under the same module version are compared.
    """

    module_id: str = field(validator=v.identifier)
    version: str = field(validator=v.identifier)
    low: int = field(default=1, validator=v.count)
    high: int = field(default=4, validator=v.count)


@frozen(kw_only=True)
class CapacityRef:
    """What a capacity indicator follows: one dimension of one module version."""

    module_id: str = field(validator=v.identifier)
    module_version: str = field(validator=v.identifier)
    dimension_id: str = field(validator=v.identifier)


@frozen(kw_only=True)
class Disaggregation:
    """The part of a value for one group along one axis (``axis="sex", group="women"``)."""

    axis: str = field(validator=v.identifier)
    group: str = field(validator=v.identifier)
    value: Decimal = field(validator=v.instance_of(Decimal))


@frozen(kw_only=True)
class Baseline:
    """Where an indicator starts: its value, when, and where the figure comes from."""

    value: Decimal = field(validator=v.instance_of(Decimal))
    on: dt.date = field(validator=v.a_date())
    source: str | None = field(default=None, validator=v.optional_text)


@frozen(kw_only=True)
class Target:
    """The value an indicator aims at by the end of a reporting period."""

    period_id: str = field(validator=v.identifier)
    value: Decimal = field(validator=v.instance_of(Decimal))


@frozen(kw_only=True)
class Measurement:
    """A measured value for one reporting period, with its date, source and recorder.

    ``final`` marks the value the programme closes on. A qualitative indicator
    may have no number, only a ``note``.
    """

    period_id: str = field(validator=v.identifier)
    on: dt.date = field(validator=v.a_date())
    value: Decimal | None = field(default=None, validator=v.instance_of(Decimal, optional=True))
    note: str | None = field(default=None, validator=v.optional_text)
    source: str | None = field(default=None, validator=v.optional_text)
    recorded_by: str | None = field(default=None, validator=v.optional_identifier)
    disaggregations: tuple[Disaggregation, ...] = field(
        default=(), validator=v.tuple_of(Disaggregation)
    )
    final: bool = field(default=False, validator=v.instance_of(bool))


@frozen(kw_only=True)
class NotMeasured:
    """An explicit statement that an indicator could not be measured, and why."""

    reason: str = field(validator=v.text)
    on: dt.date = field(validator=v.a_date())


@frozen(kw_only=True)
class Indicator:
    """An indicator: what it measures, what it tracks, its baseline, targets and values.

    ``cumulative`` (for counts): each value counts everything since the start
    (``True``) or only what happened in its period (``False``, a running total).
    """

    id: str = field(validator=v.identifier)
    title: str = field(validator=v.text)
    level: ResultLevel = field(validator=v.member_of(ResultLevel))
    measure: Measure = field(validator=v.member_of(Measure))
    direction: Direction = field(default=Direction.ASCENDING, validator=v.member_of(Direction))
    unit: str | None = field(default=None, validator=v.optional_text)
    cumulative: bool = field(default=True, validator=v.instance_of(bool))
    recommendation_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    action_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    plan_action_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )
    capacity: CapacityRef | None = field(
        default=None, validator=v.instance_of(CapacityRef, optional=True)
    )
    baseline: Baseline | None = field(
        default=None, validator=v.instance_of(Baseline, optional=True)
    )
    targets: tuple[Target, ...] = field(default=(), validator=v.tuple_of(Target))
    values: tuple[Measurement, ...] = field(default=(), validator=v.tuple_of(Measurement))
    not_measured: NotMeasured | None = field(
        default=None, validator=v.instance_of(NotMeasured, optional=True)
    )

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
    module_id: str = field(validator=v.identifier)
    module_version: str = field(validator=v.identifier)
    on: dt.date = field(validator=v.a_date())
    scores: tuple[CapacityScore, ...] = field(default=(), validator=v.tuple_of(CapacityScore))
    respondent_ids: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(str, item=v.identifier)
    )


@frozen(kw_only=True)
class Results:
    """The programme's results record: reporting periods, module versions used,
    indicators and follow-up assessments.

    ``modules`` names the module versions the diagnostic scored with
    (:attr:`~compagnonnage.model.Diagnostic.scores`); follow-ups name theirs.
    """

    periods: tuple[ReportingPeriod, ...] = field(default=(), validator=v.tuple_of(ReportingPeriod))
    modules: tuple[ModuleUse, ...] = field(default=(), validator=v.tuple_of(ModuleUse))
    indicators: tuple[Indicator, ...] = field(default=(), validator=v.tuple_of(Indicator))
    follow_ups: tuple[FollowUp, ...] = field(default=(), validator=v.tuple_of(FollowUp))

    @cached_property
    def periods_by_id(self) -> dict[str, ReportingPeriod]:
        """The reporting periods by id."""
        return {r.id: r for r in self.periods}

    def module(self, module_id: str, version: str) -> ModuleUse | None:
        """The recorded use of ``module_id`` at ``version``, if any."""
        return next(
            (m for m in self.modules if m.module_id == module_id and m.version == version), None
        )
