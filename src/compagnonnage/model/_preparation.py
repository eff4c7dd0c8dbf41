"""The preparation stage: terms of reference, method toolkit and work programme."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.model._common import DiagnosticKind, Modality, Period


@frozen(kw_only=True)
class Approval:
    """Who approved a deliverable, and when."""

    on: dt.date = field(validator=v.a_date())
    """The day of the approval."""
    by: str = field(validator=v.identifier)
    """Id of who approved: an elected official or staff member of the beneficiary."""


@frozen(kw_only=True)
class Deliverable:
    """What the three preparation deliverables share: a title, authors and an approval.

    ``author_ids`` name experts of the programme and the reference partner (STG-003).
    """

    KIND: ClassVar[str] = "deliverable"

    title: str = field(validator=v.text)
    """The deliverable's title."""
    author_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of its authors: experts and the reference partner (STG-003)."""
    approval: Approval | None = field(
        default=None, validator=v.instance_of(Approval, optional=True)
    )
    """Its approval, or ``None`` while not approved."""


@frozen(kw_only=True)
class TermsOfReference(Deliverable):
    """The terms of reference (termes de référence): objectives and expected results."""

    KIND: ClassVar[str] = "terms_of_reference"

    objectives: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.text))
    """The objectives of the programme."""


@frozen(kw_only=True)
class MethodToolkit(Deliverable):
    """The methodological tools (outils méthodologiques): questionnaires and grids.

    ``module_ids`` names the diagnostic modules whose questionnaires are used.
    """

    KIND: ClassVar[str] = "method_toolkit"

    module_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the diagnostic modules whose questionnaires are used."""
    tools: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.text))
    """The questionnaires and grids, by title."""


@frozen(kw_only=True)
class PlannedMission:
    """A mission foreseen by the work programme."""

    kind: DiagnosticKind = field(validator=v.member_of(DiagnosticKind))
    """Economic or institutional diagnostic."""
    modality: Modality = field(validator=v.member_of(Modality))
    """Remote or on site."""
    period: Period = field(validator=v.instance_of(Period))
    """When the mission is planned."""
    place: str | None = field(default=None, validator=v.optional_text)
    """Where, for an on-site mission."""


@frozen(kw_only=True)
class WorkProgramme(Deliverable):
    """The work programme (programme de travail): the planned missions."""

    KIND: ClassVar[str] = "work_programme"

    missions: tuple[PlannedMission, ...] = field(default=(), validator=v.tuple_of(PlannedMission))
    """The diagnostic missions planned."""


@frozen(kw_only=True)
class Preparation:
    """The record of the preparation stage."""

    terms_of_reference: TermsOfReference | None = field(
        default=None, validator=v.instance_of(TermsOfReference, optional=True)
    )
    """The terms of reference, once recorded."""
    toolkit: MethodToolkit | None = field(
        default=None, validator=v.instance_of(MethodToolkit, optional=True)
    )
    """The method toolkit, once recorded."""
    work_programme: WorkProgramme | None = field(
        default=None, validator=v.instance_of(WorkProgramme, optional=True)
    )
    """The work programme, once recorded."""

    def deliverables(self) -> dict[str, Deliverable | None]:
        """The three deliverables by kind (``None`` where missing), in stage order."""
        return {
            TermsOfReference.KIND: self.terms_of_reference,
            MethodToolkit.KIND: self.toolkit,
            WorkProgramme.KIND: self.work_programme,
        }
