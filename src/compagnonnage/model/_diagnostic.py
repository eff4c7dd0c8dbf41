"""The field diagnostic: missions, capacity scores, findings and the debriefing."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from functools import cached_property
from typing import ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import (
    DiagnosticKind,
    Modality,
    Period,
    RegionRef,
    TradeRef,
    _region_ref,
    _trade_ref,
)


@frozen(kw_only=True)
class Mission:
    """A diagnostic mission: economic or institutional, remote or on site."""

    id: str = field(validator=v.identifier)
    """The mission's id, unique in the programme."""
    kind: DiagnosticKind = field(validator=v.member_of(DiagnosticKind))
    """Economic or institutional diagnostic; the experts need its competence (STG-012)."""
    modality: Modality | None = field(validator=v.member_of(Modality, optional=True))
    """Remote or on site; ``None`` while undecided, which STG-007 reports."""
    period: Period = field(validator=v.instance_of(Period))
    """When the mission took place."""
    place: str | None = field(default=None, validator=v.optional_text)
    """Where, for an on-site mission."""
    expert_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the experts of the programme on the mission."""
    organiser_id: str | None = field(default=None, validator=v.optional_identifier)
    """Id of who organised it on the ground: the reference partner (STG-004)."""


class IssueSeverity(enum.Enum):
    """How heavy a major issue (problématique lourde) weighs."""

    MODERATE = "moderate"
    HIGH = "high"
    CRITICAL = "critical"


class Priority(enum.Enum):
    """The priority of a recommendation."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Horizon(enum.Enum):
    """When a recommendation should be carried out."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


@frozen(kw_only=True)
class Finding:
    """What every finding shares: an id, a statement and optional trade and region keys."""

    KIND: ClassVar[str] = "finding"

    id: str = field(validator=v.identifier)
    """The finding's id, unique in the programme."""
    statement: str = field(validator=v.text)
    """What was found, in the words of the report."""
    trade: TradeRef | None = field(default=None, validator=_trade_ref(optional=True))
    """The trade the finding is about, if any (within the scope, STG-011)."""
    region: RegionRef | None = field(default=None, validator=_region_ref(optional=True))
    """The region the finding is about, if any (within the scope, STG-011)."""


@frozen(kw_only=True)
class MajorIssue(Finding):
    """A heavy problem of the sector (problématique lourde)."""

    KIND: ClassVar[str] = "major_issue"

    severity: IssueSeverity = field(validator=v.member_of(IssueSeverity))
    """How heavily the issue weighs."""


@frozen(kw_only=True)
class GoodPractice(Finding):
    """A good practice worth keeping or spreading (bonne pratique)."""

    KIND: ClassVar[str] = "good_practice"


@frozen(kw_only=True)
class Recommendation(Finding):
    """A recommendation (préconisation) that cites the findings behind it (STG-004).

    ``cites`` has no default: a recommendation that cites nothing breaks
    STG-004, so it is written out (an empty tuple stays possible and is reported).
    """

    KIND: ClassVar[str] = "recommendation"

    cites: tuple[str, ...] = field(validator=v.tuple_of(str, item=v.identifier))
    """Ids of the major issues and good practices behind it (at least one)."""
    priority: Priority = field(default=Priority.MEDIUM, validator=v.member_of(Priority))
    """How urgent the recommendation is."""
    horizon: Horizon = field(default=Horizon.MEDIUM, validator=v.member_of(Horizon))
    """When it should be carried out."""


@frozen(kw_only=True)
class CapacityScore:
    """A capacity level on one dimension of a diagnostic module, with its evidence.

    ``desired`` is the level the body aims at; the gap drives the action plan.
    """

    module_id: str = field(validator=v.identifier)
    """Id of the diagnostic module the dimension belongs to."""
    dimension_id: str = field(validator=v.identifier)
    """Id of the dimension scored, in that module."""
    level: int = field(validator=v.count)
    """The level reached, on the module's scale."""
    desired: int | None = field(default=None, validator=v.optional_count)
    """The level the body aims at, if set."""
    evidence: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.text))
    """What the level rests on: documents, answers, observations."""

    @property
    def gap(self) -> int | None:
        """``desired - level`` when a desired level is set."""
        return None if self.desired is None else self.desired - self.level


@frozen(kw_only=True)
class Debriefing:
    """The presentation of the diagnostic to elected officials and staff (restitution)."""

    on: dt.date = field(validator=v.a_date())
    """The day of the debriefing."""
    attendee_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of who attended: elected officials, staff and experts."""
    place: str | None = field(default=None, validator=v.optional_text)
    """Where it took place, if on site."""


@frozen(kw_only=True)
class Diagnostic:
    """The record of the field diagnostic stage."""

    missions: tuple[Mission, ...] = field(default=(), validator=v.tuple_of(Mission))
    """The diagnostic missions carried out."""
    scores: tuple[CapacityScore, ...] = field(default=(), validator=v.tuple_of(CapacityScore))
    """The capacity scores, one per module dimension."""
    issues: tuple[MajorIssue, ...] = field(default=(), validator=v.tuple_of(MajorIssue))
    """The major issues found (problématiques lourdes)."""
    practices: tuple[GoodPractice, ...] = field(default=(), validator=v.tuple_of(GoodPractice))
    """The good practices found (bonnes pratiques)."""
    recommendations: tuple[Recommendation, ...] = field(
        default=(), validator=v.tuple_of(Recommendation)
    )
    """The recommendations made (préconisations)."""
    debriefing: Debriefing | None = field(
        default=None, validator=v.instance_of(Debriefing, optional=True)
    )
    """The debriefing (restitution), once held."""

    def findings(self) -> Iterator[Finding]:
        """Every finding: major issues, then good practices, then recommendations."""
        yield from self.issues
        yield from self.practices
        yield from self.recommendations

    @cached_property
    def finding_ids(self) -> frozenset[str]:
        """Ids of every finding, recommendations included."""
        return frozenset(f.id for f in self.findings())

    @cached_property
    def recommendation_ids(self) -> frozenset[str]:
        """Ids of the recommendations."""
        return frozenset(r.id for r in self.recommendations)
