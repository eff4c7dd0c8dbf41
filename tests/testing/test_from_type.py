"""The ``hypothesis`` entry point: ``st.from_type`` of our types, with no setup."""

from __future__ import annotations

from importlib import metadata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage import check, model
from compagnonnage.model import Body, Expert, Programme

REGISTERED = (
    model.Programme,
    model.Body,
    model.Expert,
    model.TradeRef,
    model.RegionRef,
    model.Finding,
    model.MajorIssue,
    model.GoodPractice,
    model.Recommendation,
    model.Mission,
    model.Diagnostic,
    model.Preparation,
    model.Accompaniment,
    model.ReferencePartner,
    model.SupportAction,
    *model.ACTION_KINDS,
)


def test_the_hook_is_declared_in_the_hypothesis_group() -> None:
    (ours,) = [ep for ep in metadata.entry_points(group="hypothesis") if ep.name == "compagnonnage"]
    assert ours.value == "_compagnonnage_hypothesis:_hypothesis_setup_hook"


@given(st.from_type(Programme))
def test_from_type_programme_draws_programmes_that_break_no_error_rule(
    programme: Programme,
) -> None:
    assert check(programme).ok, [v.en for v in check(programme).errors]


@given(st.builds(dict, body=st.from_type(Body), expert=st.from_type(Expert)))
def test_builds_resolves_our_types_as_arguments(record: dict[str, object]) -> None:
    assert isinstance(record["body"], Body)
    assert isinstance(record["expert"], Expert)


@pytest.mark.parametrize("cls", REGISTERED, ids=lambda c: c.__name__)
def test_every_registered_type_draws_instances_of_itself(cls: type) -> None:
    drawn: list[object] = []

    @settings(max_examples=5, database=None)
    @given(st.from_type(cls))
    def collect(value: object) -> None:
        drawn.append(value)

    collect()
    assert drawn
    assert all(isinstance(v, cls) for v in drawn)
    if cls in (model.Finding, model.SupportAction):
        assert all(type(v) is not cls for v in drawn)
    else:
        assert all(type(v) is cls for v in drawn)
