"""Reading and writing documents: strings, bytes and files (written atomically)."""

from __future__ import annotations

import os
import typing
from functools import cache
from typing import Any, TypeVar, cast

import orjson

from compagnonnage._files import write_atomically
from compagnonnage.catalogue import OfferItem, Service, ServiceCatalogue
from compagnonnage.diagnostics import (
    Answer,
    Choice,
    DiagnosticModule,
    DiagnosticResult,
    Dimension,
    DimensionResult,
    Evidence,
    Question,
    Remedy,
    Respondent,
    Scale,
    SuggestedFindings,
)
from compagnonnage.documents._converter import DocumentConverter, _is_tagged, _is_tuple
from compagnonnage.documents._problems import DocumentError, Problem
from compagnonnage.documents._reading import (
    MAX_DOCUMENT_SIZE,
    SCHEMA_VERSION,
    _check_size,
    _migrate,
    _open,
    _parse_detailed,
)
from compagnonnage.documents._references import _programme_problems
from compagnonnage.model import (
    Accompaniment,
    Approval,
    Baseline,
    Body,
    Budget,
    CapacityRef,
    CapacityScore,
    Debriefing,
    Deliverable,
    Diagnostic,
    Disaggregation,
    Domain,
    ElectedOfficial,
    Expert,
    Finding,
    FollowUp,
    Funding,
    GoverningBody,
    HistoryEntry,
    Indicator,
    MandatePlan,
    Measurement,
    Membership,
    Mission,
    ModuleUse,
    Money,
    NotMeasured,
    OfferedService,
    Organisation,
    Participant,
    Period,
    PlanAction,
    PlanAxis,
    PlannedMission,
    Preparation,
    Pricing,
    Programme,
    ReferencePartner,
    RegionRef,
    ReportingPeriod,
    Results,
    Scope,
    SectorShare,
    ServiceOffer,
    StaffMember,
    SupportAction,
    Target,
    Term,
    TradeRef,
    Transaction,
)
from compagnonnage.plugins import Nomenclature, RegionProfile

T = TypeVar("T")

# The envelope key of each document type. A polymorphic record is named by its root's tag.
DOCUMENT_NAMES: dict[type, str] = {
    SupportAction: SupportAction.KIND,
    Finding: Finding.KIND,
    Deliverable: Deliverable.KIND,
    Accompaniment: "accompaniment",
    Approval: "approval",
    Baseline: "baseline",
    Body: "body",
    CapacityRef: "capacity_ref",
    CapacityScore: "capacity_score",
    Debriefing: "debriefing",
    Diagnostic: "diagnostic",
    Disaggregation: "disaggregation",
    Domain: "domain",
    Budget: "budget",
    ElectedOfficial: "elected_official",
    Expert: "expert",
    FollowUp: "follow_up",
    GoverningBody: "governing_body",
    HistoryEntry: "history_entry",
    Indicator: "indicator",
    MandatePlan: "mandate_plan",
    Measurement: "measurement",
    Membership: "membership",
    Mission: "mission",
    ModuleUse: "module_use",
    NotMeasured: "not_measured",
    OfferedService: "offered_service",
    Period: "period",
    PlanAction: "plan_action",
    PlanAxis: "plan_axis",
    PlannedMission: "planned_mission",
    Preparation: "preparation",
    Pricing: "pricing",
    Programme: "programme",
    ReferencePartner: "reference_partner",
    RegionRef: "region",
    ReportingPeriod: "reporting_period",
    Results: "results",
    Scope: "scope",
    ServiceOffer: "service_offer",
    StaffMember: "staff_member",
    Target: "target",
    Term: "term",
    TradeRef: "trade",
    Funding: "funding",
    Money: "money",
    Organisation: "organisation",
    Participant: "participant",
    SectorShare: "sector_share",
    Transaction: "transaction",
    # What diagnostic modules and service catalogues define, and what scoring produces.
    Answer: "answer",
    tuple[Answer, ...]: "answers",
    Choice: "choice",
    DiagnosticModule: "diagnostic_module",
    DiagnosticResult: "diagnostic_result",
    Dimension: "dimension",
    DimensionResult: "dimension_result",
    Evidence: "evidence",
    OfferItem: "offer_item",
    Question: Question.KIND,
    Remedy: "remedy",
    Respondent: "respondent",
    Scale: "scale",
    Service: "service",
    ServiceCatalogue: "service_catalogue",
    SuggestedFindings: "suggested_findings",
    # What plugins register besides modules and catalogues.
    Nomenclature: "nomenclature",
    RegionProfile: "region_profile",
}

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
# The fast writer hands integers to orjson, which then refuses those beyond MAX_INTEGER.
_FAST_OPTIONS = _OPTIONS | orjson.OPT_STRICT_INTEGER


def _name(cl: Any, converter: DocumentConverter) -> str:
    """The envelope key of documents holding a ``cl``.

    A polymorphic record is named by the tag of its root (``"support_action"``
    for a training), so that any support action is read with ``cls=SupportAction``.
    """
    if _is_tagged(cl):
        root = [c for c in cl.__mro__ if _is_tagged(c)][-1]
        return cast(str, getattr(root, "KIND"))  # noqa: B009 - the model's ClassVar
    name = converter.document_names.get(cl)
    if name is None:
        raise TypeError(f"{cl!r} is not a document type")
    return name


@cache
def _default_converter() -> DocumentConverter:
    from compagnonnage.documents import make_converter

    return make_converter()


def _problems(obj: Any, path: str) -> list[Problem]:
    return _programme_problems(obj, path) if isinstance(obj, Programme) else []


def _read_fast(data: str | bytes, cl: type[T], conv: DocumentConverter, name: str) -> T | None:
    """The object of a good document, read with orjson and the fast reader; else ``None``.

    Cross-references are left to the caller.
    """
    try:
        version, payload = _open(orjson.loads(data), name)
        if version != SCHEMA_VERSION:
            payload = _migrate({"schema_version": version, name: payload}, version)[name]
        return conv._fast_structure(payload, cl)
    except Exception:  # the detailed path says what is wrong
        return None


def _read_detailed(data: str | bytes, cl: type[T], conv: DocumentConverter, name: str) -> T:
    """The object of a document read with ``json`` and the cattrs converter (the reference), or every problem."""
    version, payload = _open(_parse_detailed(data), name)
    payload = _migrate({"schema_version": version, name: payload}, version)[name]
    return conv.structure(payload, cl, path=f"$.{name}")


def _read(data: str | bytes, cl: type[T], converter: DocumentConverter | None) -> T:
    conv = converter if converter is not None else _default_converter()
    name = _name(cl, conv)
    _check_size(data)
    obj = _read_fast(data, cl, conv, name)
    if obj is None:
        obj = _read_detailed(data, cl, conv, name)
    problems = _problems(obj, f"$.{name}")
    if problems:
        raise DocumentError(problems)
    return obj


def _with_source(err: DocumentError, source: str) -> DocumentError:
    return DocumentError(err.problems, source)


def loads(
    data: str | bytes,
    *,
    cls: type[T] = Programme,  # type: ignore[assignment]
    converter: DocumentConverter | None = None,
) -> T:
    """Read a document of type ``cls`` (a programme by default) from JSON text.

    Older format versions are upgraded on the way (:data:`MIGRATIONS`).

    :raises DocumentError: with every problem found, each with its JSONPath;
        no object is built from a bad document.
    """
    return _read(data, cls, converter)


def load(
    path: str | os.PathLike[str],
    *,
    cls: type[T] = Programme,  # type: ignore[assignment]
    converter: DocumentConverter | None = None,
) -> T:
    """Read a document of type ``cls`` (a programme by default) from a file.

    The problems of a :class:`DocumentError` name the file in
    :attr:`DocumentError.source`.

    :raises DocumentError: for a bad document.
    :raises OSError: when the file cannot be read.
    """
    source = os.fspath(path)
    with open(source, "rb") as f:
        data = f.read(MAX_DOCUMENT_SIZE + 1)
    try:
        return _read(data, cls, converter)
    except DocumentError as err:
        raise _with_source(err, source) from None


def _document_type(obj: Any, converter: DocumentConverter) -> Any:
    """The type of document ``obj`` is: its class, or ``tuple[X, ...]`` for a tuple of X."""
    if type(obj) is not tuple:
        return type(obj)
    fits = [
        t
        for t in converter.document_names
        if _is_tuple(t) and all(isinstance(item, typing.get_args(t)[0]) for item in obj)
    ]
    if len(fits) != 1:
        raise TypeError("a tuple is a document type only as a tuple of answers")
    return fits[0]


def _encode(obj: Any, converter: DocumentConverter | None) -> bytes:
    conv = converter if converter is not None else _default_converter()
    cl = _document_type(obj, conv)
    name = _name(cl, conv)
    problems = _problems(obj, f"$.{name}")
    if problems:
        raise DocumentError(problems)
    try:
        fast = {"schema_version": SCHEMA_VERSION, name: conv._fast_unstructure(obj, cl)}
        return orjson.dumps(fast, option=_FAST_OPTIONS)
    except Exception:
        pass  # the reference path below says what cannot be written
    envelope = {"schema_version": SCHEMA_VERSION, name: conv.unstructure(obj, cl)}
    try:
        return orjson.dumps(envelope, option=_OPTIONS)
    except orjson.JSONEncodeError as exc:
        raise DocumentError(
            [
                Problem(
                    "$",
                    f"valeur impossible à écrire ({exc})",
                    f"value that cannot be written ({exc})",
                )
            ]
        ) from None


def dumps(obj: Any, *, converter: DocumentConverter | None = None) -> str:
    """The document of ``obj``: JSON, keys sorted, indented by 2, UTF-8 kept, a final newline.

    The same object always gives the same text. A programme whose ids dangle or
    repeat is refused, so that whatever is written loads back.

    :raises DocumentError: when ``obj`` cannot be written as a document that loads back.
    :raises TypeError: when ``obj`` is not of a document type.
    """
    return _encode(obj, converter).decode("utf-8")


def dumpb(obj: Any, *, converter: DocumentConverter | None = None) -> bytes:
    """The document of ``obj`` as UTF-8 bytes: :func:`dumps`, encoded, without a copy.

    :raises DocumentError: when ``obj`` cannot be written as a document that loads back.
    :raises TypeError: when ``obj`` is not of a document type.
    """
    return _encode(obj, converter)


def dump(
    obj: Any, path: str | os.PathLike[str], *, converter: DocumentConverter | None = None
) -> None:
    """Write the document of ``obj`` to ``path`` atomically.

    The text goes to a temporary file in the same directory, is flushed to disk,
    then renamed over ``path``: a crash never leaves a half-written document. An
    existing file keeps its permissions; a new one gets ``0o644``.
    """
    write_atomically(path, _encode(obj, converter))
