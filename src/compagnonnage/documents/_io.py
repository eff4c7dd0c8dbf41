"""Reading and writing documents: strings, bytes and files (written atomically)."""

from __future__ import annotations

import os
import weakref
from functools import cache
from typing import Any, TypeVar, cast, overload

import orjson

from compagnonnage._files import write_atomically
from compagnonnage._i18n import _
from compagnonnage.catalogue import OfferItem, Service, ServiceCatalogue
from compagnonnage.diagnostics import (
    Answer,
    Choice,
    CollectedAnswers,
    DiagnosticModule,
    DiagnosticResult,
    Dimension,
    DimensionResult,
    Evidence,
    GivenAnswer,
    Question,
    Remedy,
    Respondent,
    RespondentAnswers,
    Scale,
    SuggestedFindings,
)
from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._problems import DocumentError, Problem
from compagnonnage.documents._reading import (
    MAX_DOCUMENT_SIZE,
    SCHEMA_VERSION,
    _check_size,
    _migrate,
    _open,
    _parse_detailed,
    _read_file,
    _too_large,
)
from compagnonnage.documents._references import _programme_problems
from compagnonnage.documents._types import _is_tagged
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
    Stage,
    SupportAction,
    Target,
    Term,
    TradeRef,
    Transaction,
)
from compagnonnage.registry import Nomenclature, RegionProfile

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
    CollectedAnswers: "answers",
    Choice: "choice",
    DiagnosticModule: "diagnostic_module",
    DiagnosticResult: "diagnostic_result",
    Dimension: "dimension",
    DimensionResult: "dimension_result",
    Evidence: "evidence",
    GivenAnswer: "given_answer",
    OfferItem: "offer_item",
    Question: Question.KIND,
    Remedy: "remedy",
    Respondent: "respondent",
    RespondentAnswers: "respondent_answers",
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


_VERIFIED: dict[int, weakref.ref[Programme]] = {}
"""The programmes whose cross-references were found sound here, by identity.

Only two kinds of object are entered: a programme :func:`loads` built and
checked, and one :func:`dumps` checked before writing it. Objects are frozen
all the way down, so such a programme stays sound; any change
(``attrs.evolve``, a copy) makes a new object, which is not entered. Keys are
ids, and each entry holds a weak reference that must still point at the very
object asked about: an entry goes when its programme does, and an id reused by
a later object finds a dead or different reference.
"""


def _forget(ref: weakref.ref[Programme], key: int) -> None:
    if _VERIFIED.get(key) is ref:
        _VERIFIED.pop(key, None)


def _verified(obj: Programme) -> None:
    """Enter ``obj``, whose cross-references were just found sound, among the verified."""
    key = id(obj)
    _VERIFIED[key] = weakref.ref(obj, lambda ref: _forget(ref, key))


def _is_verified(obj: Any) -> bool:
    ref = _VERIFIED.get(id(obj))
    return ref is not None and ref() is obj


def _problems(obj: Any, path: str) -> list[Problem]:
    """The dangling and duplicate ids of a programme past its draft, none if it was
    verified before (a draft is kept as it is).

    A draft is work in progress: it is written and read back with its dangling
    or repeated ids, which the rules report (REF-001, REF-002, STG-002,
    STG-006) and :func:`~compagnonnage.lifecycle.open_programme` refuses. Past
    the draft, a programme came through the lifecycle; a dangling id there is
    damage, refused on both ways. A programme found sound is entered among the
    verified, so that writing it (again) does not check it again.
    """
    if not isinstance(obj, Programme) or obj.stage is Stage.DRAFT or _is_verified(obj):
        return []
    problems = _programme_problems(obj, path)
    if not problems:
        _verified(obj)
    return problems


_UNPARSED: Any = object()
"""No parsed document given: :func:`_read` parses the data itself."""


def _read_fast(
    data: str | bytes, cl: type[T], conv: DocumentConverter, name: str, parsed: Any = _UNPARSED
) -> T | None:
    """The object of a good document, read with orjson and the fast reader; else ``None``.

    ``parsed`` is ``orjson.loads(data)`` if the caller has it already (or
    :data:`_UNPARSED`). Cross-references are left to the caller.
    """
    try:
        document = orjson.loads(data) if parsed is _UNPARSED else parsed
        version, payload = _open(document, name)
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


def _read(
    data: str | bytes,
    cl: type[T],
    converter: DocumentConverter | None,
    parsed: Any = _UNPARSED,
) -> T:
    """The ``cl`` in the document ``data`` (``parsed``: what orjson made of it, if known)."""
    conv = converter if converter is not None else _default_converter()
    name = _name(cl, conv)
    _check_size(data)
    obj = _read_fast(data, cl, conv, name, parsed)
    if obj is None:
        obj = _read_detailed(data, cl, conv, name)
    problems = _problems(obj, f"$.{name}")
    if problems:
        raise DocumentError(problems)
    return obj


def _with_source(err: DocumentError, source: str) -> DocumentError:
    return DocumentError(err.problems, source)


@overload
def loads(data: str | bytes, *, converter: DocumentConverter | None = None) -> Programme: ...


@overload
def loads(data: str | bytes, *, cls: type[T], converter: DocumentConverter | None = None) -> T: ...


def loads(
    data: str | bytes,
    *,
    cls: type[Any] = Programme,
    converter: DocumentConverter | None = None,
) -> Any:
    """Read a document of type ``cls`` (a programme by default) from JSON text.

    Older format versions are upgraded on the way (:data:`MIGRATIONS`).

    :raises DocumentError: with every problem found, each with its JSONPath;
        no object is built from a bad document.
    """
    return _read(data, cls, converter)


@overload
def load(
    path: str | os.PathLike[str], *, converter: DocumentConverter | None = None
) -> Programme: ...


@overload
def load(
    path: str | os.PathLike[str], *, cls: type[T], converter: DocumentConverter | None = None
) -> T: ...


def load(
    path: str | os.PathLike[str],
    *,
    cls: type[Any] = Programme,
    converter: DocumentConverter | None = None,
) -> Any:
    """Read a document of type ``cls`` (a programme by default) from a file.

    The problems of a :class:`DocumentError` name the file in
    :attr:`DocumentError.source`.

    :raises DocumentError: for a bad document, one too large (its real size
        said), or what is not a regular file (a named pipe, a device), refused
        before reading.
    :raises OSError: when the file cannot be read.
    """
    source = os.fspath(path)
    try:
        return _read(_read_file(source), cls, converter)
    except DocumentError as err:
        raise _with_source(err, source) from None


def _encode(obj: Any, converter: DocumentConverter | None) -> bytes:
    conv = converter if converter is not None else _default_converter()
    cl = type(obj)
    name = _name(cl, conv)
    problems = _problems(obj, f"$.{name}")
    if problems:
        raise DocumentError(problems)
    return _within_limit(_encoded(obj, cl, name, conv))


def _within_limit(data: bytes) -> bytes:
    """``data``, unless it is larger than what reading accepts: what is written loads back."""
    if len(data) > MAX_DOCUMENT_SIZE:
        raise _too_large(len(data))
    return data


def _encoded(obj: Any, cl: Any, name: str, conv: DocumentConverter) -> bytes:
    try:
        fast = {"schema_version": SCHEMA_VERSION, name: conv._fast_unstructure(obj, cl)}
        return orjson.dumps(fast, option=_FAST_OPTIONS)
    except Exception:
        pass  # the reference path below says what cannot be written
    envelope = {"schema_version": SCHEMA_VERSION, name: conv.unstructure(obj, cl)}
    try:
        return orjson.dumps(envelope, option=_OPTIONS)
    except orjson.JSONEncodeError as exc:
        text = _("value that cannot be written ({error})", error=str(exc))
        raise DocumentError([Problem("$", text)]) from None


def dumps(obj: Any, *, converter: DocumentConverter | None = None) -> str:
    """The document of ``obj``: JSON, keys sorted, indented by 2, UTF-8 kept, a final newline.

    The same object always gives the same text. A programme past its draft
    whose ids dangle or repeat is refused, and so is a document larger than
    :data:`MAX_DOCUMENT_SIZE` (with the error reading it would give), so that
    whatever is written loads back; a draft is written as it is, dangling ids
    included (the rules report them, and opening it is refused until they are
    fixed).

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
    then renamed over ``path``: a crash never leaves a half-written document. A
    symbolic link is written through to its target. An existing file keeps its
    permissions; a new one gets ``0o644``.

    :raises DocumentError: as :func:`dumps`; nothing is written.
    :raises CompagnonnageError: ``path`` is not a regular file (a device, a pipe),
        is read-only or has other hard links; nothing is written.
    :raises OSError: the file cannot be written (the folder is missing...); the
        error names ``path``.
    """
    write_atomically(path, _encode(obj, converter))
