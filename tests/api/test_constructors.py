"""Constructors and defaults: what a new user writes first should do what they expect."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage import lifecycle as lc
from compagnonnage._validators import iso_names
from compagnonnage.documents import DocumentError, dumps, loads
from compagnonnage.errors import InvalidValueError, TransitionRefused
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    Body,
    BodyKind,
    Diagnostic,
    Expert,
    IssueSeverity,
    Level,
    MajorIssue,
    Programme,
    Recommendation,
    RegionRef,
    Scope,
    Stage,
    TradeRef,
    Training,
)
from compagnonnage.plugins import get_plugin_manager
from compagnonnage.rules import Severity, check

AT = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
BAKERY = TradeRef("uemoa", "ALI-01")


def _chamber() -> Body:
    return Body(
        id="cma-sn-dk",
        name="Chambre de métiers de Dakar",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef.parse("SN-DK"),
        level=Level.REGIONAL,
        trades=(BAKERY,),
    )


def test_a_draft_scope_defaults_to_the_beneficiary_trades_and_region() -> None:
    body = _chamber()
    p = Programme.draft(id="p", title="P", beneficiary=body)
    assert p.scope == Scope(trades=(BAKERY,), regions=(RegionRef("SN", "SN-DK"),))
    issue = MajorIssue(
        id="i", statement="S", severity=IssueSeverity.HIGH, trade=BAKERY, region=body.region
    )
    keyed = attrs.evolve(p, diagnostic=Diagnostic(issues=(issue,)))
    assert "STG-011" not in check(keyed).codes
    empty = Programme.draft(id="p", title="P", beneficiary=body, scope=Scope())
    assert "STG-011" in check(attrs.evolve(empty, diagnostic=Diagnostic(issues=(issue,)))).codes


@given(st.sampled_from(sorted(iso_names("3166-2"))))
def test_region_parse_reads_every_iso_3166_2_code(code: str) -> None:
    region = RegionRef.parse(code)
    assert region == RegionRef(code.partition("-")[0], code)
    assert str(region) == code
    with pytest.raises(InvalidValueError) as raised:
        RegionRef(code)
    assert raised.value.hint is not None
    assert f"RegionRef.parse({code!r})" in str(raised.value)
    assert f"RegionRef.parse({code!r})" in raised.value.message("fr")


@given(st.sampled_from(sorted(iso_names("3166-1"))))
def test_region_parse_reads_every_country_code(code: str) -> None:
    assert RegionRef.parse(code) == RegionRef(code)


@given(
    st.text(max_size=8).filter(
        lambda t: t not in iso_names("3166-1") and t not in iso_names("3166-2")
    )
)
def test_region_parse_refuses_anything_else_naming_both_forms(code: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        RegionRef.parse(code)
    assert (raised.value.owner, raised.value.field) == ("RegionRef", "code")
    assert "'SN-DK'" in str(raised.value.expected)
    assert "« SN-DK »" in raised.value.message("fr")


def test_defaults_a_rule_would_refuse_are_not_defaults() -> None:
    with pytest.raises(TypeError, match="audience"):
        Training(id="t", title="T", modality=None)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="cites"):
        Recommendation(id="r", statement="S")  # type: ignore[call-arg]
    # Written out, the empty choice is still possible (a draft), and the rules report it.
    p = togo_programme()
    rec = Recommendation(id="r-empty", statement="S", cites=())
    p = attrs.evolve(p, diagnostic=attrs.evolve(p.diagnostic, recommendations=(rec,)))
    assert any(v.code == "STG-004" and v.subjects[0] == "r-empty" for v in check(p))


def test_an_unknown_nomenclature_is_a_warning_when_no_plugin_provides_one() -> None:
    p = togo_programme()
    bare = get_plugin_manager(entry_points=False)  # only the built-in plugin: no nomenclature
    report = bare.check(p)
    assert report.ok
    [warning] = [v for v in report.warnings if v.code == "STG-011"]
    assert warning.severity is Severity.WARNING
    assert [(s.kind, s.id) for s in warning.subjects] == [
        ("programme", p.id),
        ("nomenclature", "uemoa"),
    ]
    assert warning.message() == (
        "No loaded plugin provides nomenclature uemoa: trades uemoa:ALI-01, uemoa:BTP-01, "
        "uemoa:HYG-01, uemoa:TEX-01 cannot be checked."
    )
    assert warning.message("fr").startswith(
        "Aucune extension chargée ne fournit la nomenclature uemoa"
    )
    # A bare check looked nothing up and claims nothing; a plugin that knows it is silent.
    assert "STG-011" not in check(p).codes
    import compagnonnage_uemoa

    assert (
        "STG-011"
        not in get_plugin_manager(entry_points=False, plugins=[compagnonnage_uemoa]).check(p).codes
    )


def _draft_with_dangling_ids() -> Programme:
    p = togo_programme(stage=Stage.DRAFT)
    twin = Expert(id=p.experts[0].id, name="Homonyme", affiliation=p.experts[0].affiliation)
    return attrs.evolve(p, experts=(*p.experts, twin))


def test_a_half_written_draft_is_saved_and_read_back_with_its_violations() -> None:
    draft = _draft_with_dangling_ids()
    assert loads(dumps(draft)) == draft
    assert "REF-002" in check(draft).codes
    with pytest.raises(TransitionRefused) as refused:
        lc.open_programme(draft, by="cma-durand", at=AT)
    assert "REF-002" in {v.code for v in refused.value.violations}


def test_past_the_draft_dangling_ids_are_refused_both_ways() -> None:
    draft = _draft_with_dangling_ids()
    opened = attrs.evolve(draft, stage=Stage.PREPARATION)
    with pytest.raises(DocumentError, match="duplicate id"):
        dumps(opened)
    text = dumps(draft).replace('"stage": "draft"', '"stage": "preparation"')
    with pytest.raises(DocumentError, match="duplicate id"):
        loads(text)
