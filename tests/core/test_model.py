"""The model: validation names the class and field, objects are immutable, helpers behave."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.errors import CompagnonnageError, InvalidValueError
from compagnonnage.model import (
    Affiliation,
    Body,
    BodyKind,
    Competence,
    DiagnosticKind,
    Domain,
    Expert,
    HistoryEntry,
    Level,
    Membership,
    Mission,
    Operation,
    Period,
    Programme,
    RegionRef,
    Scope,
    Stage,
    TradeRef,
)
from compagnonnage.testing.strategies import bodies, experts, programmes, region_refs


def expert(**changes: object) -> Expert:
    fields: dict[str, object] = {"id": "e-1", "name": "Ana", "affiliation": Affiliation.NETWORK}
    fields.update(changes)
    return Expert(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"id": "e 1"}, "id", "an id"),
        ({"id": ""}, "id", "an id"),
        ({"name": "   "}, "name", "a non-empty string"),
        ({"affiliation": "network"}, "affiliation", "an Affiliation"),
        ({"competences": {Competence.TRAINING}}, "competences", "a frozenset of Competence"),
        ({"languages": ["fr"]}, "languages", "a tuple of str"),
        ({"languages": ("French",)}, "languages", "an ISO 639-1 language code"),
    ],
)
def test_invalid_field_names_class_field_and_expectation(
    changes: dict[str, object], field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        expert(**changes)
    assert raised.value.owner == "Expert"
    assert raised.value.field == field
    assert expected in str(raised.value.expected)
    assert raised.value.message("fr").startswith(f"Expert.{field} : attendu ")
    assert str(raised.value).startswith(f"Expert.{field}: expected ")
    assert isinstance(raised.value, CompagnonnageError)
    assert isinstance(raised.value, ValueError)


def test_counts_refuse_negatives_and_booleans() -> None:
    with pytest.raises(
        InvalidValueError, match=r"Membership\.registered: expected a whole number >= 0, got -1"
    ):
        Membership(registered=-1)
    with pytest.raises(InvalidValueError, match="registered"):
        Membership(registered=True)


def test_iso_codes_are_checked() -> None:
    assert RegionRef(country="TG", subdivision="TG-M").contains(
        RegionRef(country="TG", subdivision="TG-M")
    )
    with pytest.raises(InvalidValueError, match="ISO 3166-1 alpha-2"):
        RegionRef(country="XX")
    with pytest.raises(InvalidValueError, match="ISO 3166-2"):
        RegionRef(country="TG", subdivision="TG-Z")
    with pytest.raises(InvalidValueError, match="a subdivision of TG"):
        RegionRef(country="TG", subdivision="SN-DK")


def test_dates_and_datetimes_are_told_apart() -> None:
    with pytest.raises(InvalidValueError, match=r"Period\.start: expected a date"):
        Period(start=dt.datetime(2024, 1, 1), end=dt.date(2024, 1, 2))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        HistoryEntry(
            operation=Operation.OPEN,
            at=dt.datetime(2024, 1, 1),
            by="x",
            from_stage=Stage.DRAFT,
            to_stage=Stage.PREPARATION,
        )


def test_domain_codes_are_lower_case_and_open_to_plugins() -> None:
    assert Domain("export") == Domain("export")
    assert str(Domain.TRADES_REGISTER) == "trades_register"
    with pytest.raises(InvalidValueError, match="lower-case"):
        Domain("Export")


@given(programmes())
def test_programmes_are_deeply_immutable(programme: Programme) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        programme.title = "x"  # type: ignore[misc]
    containers = [
        programme.experts,
        programme.history,
        programme.accompaniment.actions,
        programme.scope.trades,
    ]
    assert all(isinstance(c, tuple) for c in containers)
    assert all(isinstance(e.competences, frozenset) for e in programme.experts)


@given(bodies(), experts())
def test_people_ids_cover_officials_and_staff(body: Body, team: tuple[Expert, ...]) -> None:
    assert body.people_ids == {o.id for o in body.officials} | {s.id for s in body.staff}
    assert team[0].is_network
    assert len({e.id for e in team}) == len(team)


@given(region_refs(), region_refs())
def test_a_country_contains_its_subdivisions(a: RegionRef, b: RegionRef) -> None:
    country = RegionRef(country=a.country)
    assert country.contains(a)
    assert a.contains(b) == (
        a.country == b.country and (a.subdivision is None or a.subdivision == b.subdivision)
    )


@given(st.dates(), st.integers(0, 30), st.dates(), st.integers(0, 30))
def test_overlap_is_symmetric_and_matches_shared_days(
    d1: dt.date, n1: int, d2: dt.date, n2: int
) -> None:
    try:
        a = Period(start=d1, end=d1 + dt.timedelta(days=n1))
        b = Period(start=d2, end=d2 + dt.timedelta(days=n2))
    except OverflowError:
        return
    shared = set(range(a.start.toordinal(), a.end.toordinal() + 1)) & set(
        range(b.start.toordinal(), b.end.toordinal() + 1)
    )
    assert a.overlaps(b) == b.overlaps(a) == bool(shared)


def test_stage_order() -> None:
    assert [s.rank for s in Stage] == [0, 1, 2, 3, 4]
    assert Stage.DRAFT.next() is Stage.PREPARATION
    assert Stage.CLOSED.previous() is Stage.ACCOMPANIMENT
    with pytest.raises(ValueError, match="no next stage"):
        Stage.CLOSED.next()
    with pytest.raises(ValueError, match="no previous stage"):
        Stage.DRAFT.previous()


def test_stages_are_named_in_french_by_default_and_in_english() -> None:
    assert [s.label() for s in Stage] == [
        "brouillon",
        "préparation",
        "diagnostic",
        "accompagnement",
        "clôturé",
    ]
    assert [s.label("en") for s in Stage] == [s.value for s in Stage]


def test_draft_programme_starts_empty() -> None:
    body = Body(
        id="b",
        name="Chambre",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef(country="SN"),
        level=Level.REGIONAL,
    )
    p = Programme.draft(
        id="p", title="T", beneficiary=body, scope=Scope(trades=(TradeRef("x", "y"),))
    )
    assert p.stage is Stage.DRAFT
    assert p.history == ()
    assert p.entered(Stage.PREPARATION) is None
    assert p.diagnostic.missions == ()
    assert p.experts_by_id == {}


def test_mission_modality_may_be_undecided_but_not_misspelt() -> None:
    period = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 2))
    undecided = Mission(id="m", kind=DiagnosticKind.ECONOMIC, modality=None, period=period)
    assert undecided.modality is None
    with pytest.raises(
        InvalidValueError,
        match=r"expected a Modality \(Modality\.REMOTE, Modality\.ON_SITE\), got 'onsite'$",
    ):
        attrs.evolve(undecided, modality="onsite")
