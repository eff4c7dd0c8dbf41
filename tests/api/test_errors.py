"""Errors in one shape: every error of the library speaks every language, with fields."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage import lifecycle as lc
from compagnonnage._files import _READ_ONLY, WriteRefusedError
from compagnonnage._i18n import SOURCE_LANGUAGE, Text, _, languages
from compagnonnage.cli._session import CliError
from compagnonnage.diagnostics import QuestionKindError, YesNoQuestion
from compagnonnage.documents import DocumentError, Problem
from compagnonnage.errors import (
    CompagnonnageError,
    InvalidValueError,
    LifecycleMisuse,
    MissingExtraError,
    TransitionRefused,
    UnknownReferenceError,
)
from compagnonnage.example import togo_programme, togo_steps
from compagnonnage.forms import ExportError, ExportProblem, FormError
from compagnonnage.iati import IatiError, IatiProblem
from compagnonnage.model import (
    ActionStatus,
    Affiliation,
    Audience,
    Body,
    BodyKind,
    Competence,
    Deliverable,
    DiagnosticKind,
    Expert,
    Finding,
    Horizon,
    IssueSeverity,
    Level,
    MajorIssue,
    MethodologicalSupport,
    Mission,
    Modality,
    Period,
    Priority,
    Programme,
    Recommendation,
    RegionRef,
    ServiceOffer,
    Stage,
    Training,
)
from compagnonnage.plugins import (
    DuplicateRegistrationError,
    PluginError,
    PluginHookError,
)
from compagnonnage.rules import RuleSet

AT = dt.datetime(2030, 1, 1, 9, tzinfo=dt.timezone.utc)
PERIOD = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 2))


def _raised(call: object) -> CompagnonnageError:
    assert callable(call)
    with pytest.raises(CompagnonnageError) as raised:
        call()
    return raised.value


def _samples() -> list[CompagnonnageError]:
    """One error of each class, raised by the library where it can be."""
    p = togo_programme()
    return [
        _raised(lambda: Mission(id="m", kind=DiagnosticKind.ECONOMIC, modality="x", period=PERIOD)),
        _raised(lambda: lc.start_action(p, "act-nope", on=dt.date(2022, 1, 1), by="x", at=AT)),
        _raised(lambda: lc.reopen(p, reason=" ", by="x", at=AT)),
        _raised(lambda: lc.close_preparation(p, by="x", at=AT)),
        _raised(lambda: RuleSet.core().with_rules(*RuleSet.core())),
        DocumentError([Problem("$.programme.id", _("required field missing"))]),
        CliError("bad_trade", value="x"),
        PluginError("demo", _("raised {said}", said="boom")),
        PluginHookError("demo", "compagnonnage_stage_changed", _("raised {said}", said="boom")),
        DuplicateRegistrationError("demo", kind="rule", ident="DEMO-001", first="other"),
        ExportError([ExportProblem("export.csv", 3, "gov_minutes", _("required answer missing"))]),
        FormError("governance", _("refused by pyxform: {exc}", exc="x")),
        IatiError(
            [IatiProblem("/iati-activities", "XSD", _("not a regular file"))], source="a.xml"
        ),
        MissingExtraError("results", "openpyxl"),
        QuestionKindError(
            "governance",
            YesNoQuestion(id="q", dimension_id="dim", text=Text("Q ?", "Q?")),
            KeyError("x"),
        ),
        WriteRefusedError("out.json", _READ_ONLY),
    ]


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def test_the_samples_cover_every_error_class_outside_the_plugin_machinery() -> None:
    # The plugin errors (all PluginError, which spoke both languages from the start)
    # are the plugin machinery's to test; every other class is sampled here.
    covered = {type(e) for e in _samples()}
    library = {
        c
        for c in _subclasses(CompagnonnageError)
        if c.__module__.startswith("compagnonnage") and not issubclass(c, PluginError)
    }
    assert library <= covered, sorted(c.__name__ for c in library - covered)


@pytest.mark.parametrize("error", _samples(), ids=lambda e: type(e).__name__)
def test_every_error_speaks_french_and_english(error: CompagnonnageError) -> None:
    fr, en = error.message("fr"), error.message("en")
    assert fr.strip()
    assert en.strip()
    assert fr != en
    assert str(error) == en


_CORE_ERRORS = (
    InvalidValueError,
    UnknownReferenceError,
    LifecycleMisuse,
    TransitionRefused,
    MissingExtraError,
)


@pytest.mark.parametrize(
    "error",
    [e for e in _samples() if type(e) in _CORE_ERRORS],
    ids=lambda e: type(e).__name__,
)
def test_the_core_errors_speak_every_language(error: CompagnonnageError) -> None:
    en = error.message(SOURCE_LANGUAGE)
    for lang in languages():
        said = error.message(lang)
        assert said.strip()
        assert "{" not in said
        if lang != SOURCE_LANGUAGE:
            assert said != en, lang


def test_invalid_value_error_has_structured_bilingual_fields() -> None:
    with pytest.raises(InvalidValueError) as raised:
        Expert(id="e 1", name="Ana", affiliation=Affiliation.NETWORK)
    err = raised.value
    assert (err.owner, err.field, err.got, err.hint) == ("Expert", "id", "'e 1'", None)
    assert str(err.expected) == "an id (letters, digits, '_.:/-', 1-128 chars)"
    assert err.message("fr") == (
        "Expert.id : attendu un identifiant (lettres, chiffres, « _.:/- », 1 à 128 caractères), "
        "reçu 'e 1'"
    )


def test_unknown_reference_error_names_the_kind_as_a_code_and_in_words() -> None:
    p = togo_programme()
    with pytest.raises(UnknownReferenceError) as raised:
        lc.start_action(p, "act-nope", on=dt.date(2022, 1, 1), by="x", at=AT)
    err = raised.value
    assert (err.kind, err.ident, err.programme_id) == ("support_action", "act-nope", p.id)
    assert err.message("en") == "programme 'cma-ucrm-2021' has no support action with id 'act-nope'"
    assert err.message("fr") == (
        "programme 'cma-ucrm-2021' : action d'accompagnement 'act-nope' introuvable"
    )
    pt = err.message("pt")
    assert pt.startswith("programa 'cma-ucrm-2021': ")
    assert pt.endswith(" 'act-nope' não encontrado")


def test_the_french_refusal_header_says_as_much_as_the_english() -> None:
    opened = lc.open_programme(togo_programme(stage=Stage.DRAFT), by="cma-durand", at=AT)
    with pytest.raises(TransitionRefused) as refused:
        lc.close_preparation(opened, by="cma-durand", at=AT)
    en_head, fr_head = (refused.value.message(lang).splitlines()[0] for lang in ("en", "fr"))
    assert en_head == (
        "close_preparation (closing the preparation) refused on programme 'cma-ucrm-2021': "
        "3 blocking violations"
    )
    assert fr_head == (
        "opération « clôture de la préparation » (close_preparation) refusée pour le programme "
        "'cma-ucrm-2021' : 3 violations bloquantes"
    )
    lines = refused.value.message("pt").splitlines()
    assert lines[0].startswith("operação «")
    assert lines[0].endswith(
        "(close_preparation) recusada no programa 'cma-ucrm-2021': 3 violações bloqueantes"
    )
    assert lines[1].startswith("  STG-003 Entregável «")


def test_one_blocking_violation_is_said_in_the_singular() -> None:
    draft = attrs.evolve(togo_programme(stage=Stage.DRAFT), reference_partner=None)
    with pytest.raises(TransitionRefused) as refused:
        lc.open_programme(draft, by="cma-durand", at=AT)
    heads = {lang: refused.value.message(lang).splitlines()[0] for lang in ("en", "fr", "pt")}
    assert heads["en"].endswith(": 1 blocking violation")
    assert heads["fr"].endswith(" : 1 violation bloquante")
    assert heads["pt"].endswith(": 1 violação bloqueante")


# -- enumerations: members, never their values ------------------------------------

_BODY = {"id": "b", "name": "B", "region": RegionRef("TG")}
_ENUM_FIELDS = [
    (
        lambda x: Mission(id="m", kind=DiagnosticKind.ECONOMIC, modality=x, period=PERIOD),
        "on_site",
        "Modality.ON_SITE",
    ),
    (
        lambda x: Mission(id="m", kind=x, modality=None, period=PERIOD),
        "economic",
        "DiagnosticKind.ECONOMIC",
    ),
    (lambda x: Expert(id="e", name="E", affiliation=x), "local", "Affiliation.LOCAL"),
    (lambda x: Body(**_BODY, kind=x, level=Level.NATIONAL), "association", "BodyKind.ASSOCIATION"),
    (lambda x: Body(**_BODY, kind=BodyKind.ASSOCIATION, level=x), "regional", "Level.REGIONAL"),
    (lambda x: MajorIssue(id="i", statement="S", severity=x), "high", "IssueSeverity.HIGH"),
    (lambda x: Recommendation(id="r", statement="S", cites=(), priority=x), "low", "Priority.LOW"),
    (lambda x: Recommendation(id="r", statement="S", cites=(), horizon=x), "long", "Horizon.LONG"),
    (
        lambda x: Expert(id="e", name="E", affiliation=Affiliation.LOCAL, competences=x),
        frozenset({"training"}),
        "Competence.TRAINING",
    ),
    (
        lambda x: Training(id="t", title="T", modality=None, audience=x),
        frozenset({"staff"}),
        "Audience.STAFF",
    ),
]


@pytest.mark.parametrize(("build", "value", "member"), _ENUM_FIELDS, ids=lambda x: str(x)[:30])
def test_an_enum_value_given_for_the_enum_names_the_member_to_write(
    build: object, value: object, member: str
) -> None:
    assert callable(build)
    with pytest.raises(InvalidValueError) as raised:
        build(value)
    err = raised.value
    assert err.hint is not None
    assert err.hint("en") == f"use {member}"
    assert err.hint("fr") == f"écrivez {member}"
    assert err.hint("pt") == f"escreva {member}"
    assert str(err).endswith(f"(use {member})")
    enum_name = member.split(".")[0]
    assert enum_name in str(err.expected)
    assert enum_name in err.message("fr")


def test_the_modality_message_no_longer_reads_as_a_contradiction() -> None:
    with pytest.raises(InvalidValueError) as raised:
        Mission(id="m", kind=DiagnosticKind.ECONOMIC, modality="on_site", period=PERIOD)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "Mission.modality: expected a Modality (Modality.REMOTE, Modality.ON_SITE), "
        "got 'on_site' (use Modality.ON_SITE)"
    )


@given(st.sampled_from([*Affiliation, *Competence, *Audience, *Horizon, *Priority]))
def test_members_themselves_are_always_accepted(member: object) -> None:
    if isinstance(member, Affiliation):
        assert Expert(id="e", name="E", affiliation=member).affiliation is member
    elif isinstance(member, Competence):
        e = Expert(id="e", name="E", affiliation=Affiliation.LOCAL, competences=frozenset({member}))
        assert e.competences == {member}
    elif isinstance(member, Audience):
        assert Training(id="t", title="T", modality=None, audience=frozenset({member})).audience
    elif isinstance(member, Horizon):
        assert Recommendation(id="r", statement="S", cites=(), horizon=member).horizon is member
    else:
        assert Recommendation(id="r", statement="S", cites=(), priority=member).priority is member


# -- lifecycle misuse: one kind of error, a code, nothing built ---------------------


@pytest.fixture
def forbid_building(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to fail the test if the lifecycle then builds a history entry."""

    def refuse(**fields: object) -> None:
        raise AssertionError(f"a history entry was built: {fields}")

    return lambda: monkeypatch.setattr(lc, "HistoryEntry", refuse)


def _misuse(call: object) -> LifecycleMisuse:
    assert callable(call)
    with pytest.raises(LifecycleMisuse) as raised:
        call()
    err = raised.value
    assert err.message("fr") != err.message("en")
    assert err.message("fr").startswith(f"{err.code} opération « ")
    return err


def _accompaniment() -> Programme:
    return togo_programme()


def test_each_wrong_status_is_lif_001(forbid_building: Callable[[], None]) -> None:
    p = _accompaniment()
    day = dt.date(2022, 1, 1)
    planned = next(a for a in p.accompaniment.actions if a.status is ActionStatus.PLANNED)
    done = next(a for a in p.accompaniment.actions if a.status is ActionStatus.COMPLETED)
    calls = {
        "start_action": lambda: lc.start_action(p, done.id, on=day, by="x", at=AT),
        "complete_action": lambda: lc.complete_action(p, planned.id, on=day, by="x", at=AT),
        "cancel_action": lambda: lc.cancel_action(p, done.id, reason="r", by="x", at=AT),
        "plan_action": lambda: lc.plan_action(
            p, attrs.evolve(planned, status=ActionStatus.IN_PROGRESS), by="x", at=AT
        ),
    }
    forbid_building()
    for operation, call in calls.items():
        err = _misuse(call)
        assert (err.code, err.operation, err.programme_id) == ("LIF-001", operation, p.id)
        assert err.argument == ("action" if operation == "plan_action" else "action_id")


def test_records_of_the_wrong_kind_are_lif_002(forbid_building: Callable[[], None]) -> None:
    p = _accompaniment()
    in_prep = next(q for what, q in togo_steps() if q.stage is Stage.PREPARATION)
    in_diag = next(q for what, q in togo_steps() if q.stage is Stage.DIAGNOSTIC)
    running = lc.start_action(p, "act-structuring", on=dt.date(2022, 1, 3), by="x", at=AT)
    forbid_building()
    bare = Deliverable(title="Un livrable")
    err = _misuse(lambda: lc.record_deliverable(in_prep, bare, by="x", at=AT))
    assert (err.code, err.argument) == ("LIF-002", "deliverable")
    assert "TermsOfReference" in str(err.expected)
    err = _misuse(lambda: lc.record_finding(in_diag, Finding(id="f", statement="S"), by="x", at=AT))
    assert (err.code, err.argument) == ("LIF-002", "finding")
    err = _misuse(
        lambda: lc.complete_action(
            running,
            "act-structuring",
            on=dt.date(2022, 1, 4),
            by="x",
            at=AT,
            produces=ServiceOffer(),
        )
    )
    assert (err.code, err.argument) == ("LIF-002", "produces")


@settings(max_examples=25, deadline=None)
@given(at=st.datetimes(), blank=st.text(alphabet=" \t\n", max_size=3))
def test_naive_times_and_blank_reasons_are_refused_before_anything_is_built(
    at: dt.datetime, blank: str
) -> None:
    p = _accompaniment()
    for call in (
        lambda: lc.close(p, by="x", at=at),
        lambda: lc.reopen(p, reason="motif", by="x", at=at),
    ):
        err = _misuse(call)
        assert (err.code, err.argument) == ("LIF-003", "at")
    err = _misuse(lambda: lc.reopen(p, reason=blank, by="x", at=AT))
    assert (err.code, err.argument) == ("LIF-005", "reason")
    err = _misuse(lambda: lc.cancel_action(p, "act-structuring", reason=blank, by="x", at=AT))
    assert (err.code, err.argument) == ("LIF-005", "reason")


def test_bad_actors_and_days_are_lif_004_and_lif_003(
    forbid_building: Callable[[], None],
) -> None:
    p = _accompaniment()
    forbid_building()
    for by in ("", "two words", "x" * 129):
        err = _misuse(lambda: lc.close(p, by=by, at=AT))  # noqa: B023
        assert (err.code, err.argument, err.got) == ("LIF-004", "by", repr(by))
    err = _misuse(lambda: lc.start_action(p, "act-structuring", on=AT, by="x", at=AT))
    assert (err.code, err.argument) == ("LIF-003", "on")


def test_subclasses_of_the_kinds_are_not_misuse() -> None:
    def plan_a_workshop() -> None:
        @attrs.frozen(kw_only=True)
        class Workshop(Training):
            """A plugin's own kind of training (a subclass is still a training)."""

            KIND: ClassVar[str] = "workshop"

        p = _accompaniment()
        workshop = Workshop(
            id="act-workshop",
            title="Atelier",
            modality=Modality.ON_SITE,
            answers=p.accompaniment.actions[0].answers,
            audience=frozenset({Audience.STAFF}),
        )
        planned = lc.plan_action(p, workshop, by="x", at=AT)
        assert planned.accompaniment.actions[-1] is workshop

    try:
        plan_a_workshop()
    finally:
        # Converters made later must not see the class (they list subclasses): once the
        # function has returned, nothing holds it but its own cycles, which this collects.
        gc.collect()
    assert not [c for c in Training.__subclasses__() if c.__name__ == "Workshop"]


def test_a_string_given_for_a_region_trade_or_domain_names_the_constructor() -> None:
    cases = [
        (
            lambda: MajorIssue(id="i", statement="S", severity=IssueSeverity.HIGH, region="SN-DK"),
            "use RegionRef.parse('SN-DK')",
        ),
        (
            lambda: MajorIssue(
                id="i", statement="S", severity=IssueSeverity.HIGH, trade="uemoa:ALI-01"
            ),
            "use TradeRef('uemoa', 'ALI-01')",
        ),
        (
            lambda: MethodologicalSupport(id="a", title="A", modality=None, domain="communication"),
            "use Domain('communication')",
        ),
    ]
    for build, hint in cases:
        with pytest.raises(InvalidValueError) as raised:
            build()
        assert str(raised.value).endswith(f"({hint})")
        assert raised.value.message("fr").endswith(f"({hint.replace('use', 'écrivez')})")
    with pytest.raises(InvalidValueError) as raised:
        MajorIssue(id="i", statement="S", severity=IssueSeverity.HIGH, trade="ALI-01")  # type: ignore[arg-type]
    assert raised.value.hint is None  # no nomenclature: nothing to suggest
