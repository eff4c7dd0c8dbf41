"""Properties of the stage rules, over generated programmes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage import Severity, check
from compagnonnage.model import Programme, Stage
from compagnonnage.rules import CORE_RULES, RuleSet
from compagnonnage.testing.strategies import DEFECT_CODES, defective_programmes, programmes

CORE_CODES = sorted(r.code for r in CORE_RULES)


@given(programmes())
def test_generated_programmes_break_no_rule(programme: Programme) -> None:
    report = check(programme)
    assert report.ok, [v.en for v in report.errors]
    assert not report.warnings, [v.en for v in report.warnings]


def test_every_core_rule_has_a_defect() -> None:
    assert list(DEFECT_CODES) == CORE_CODES


@pytest.mark.parametrize("code", CORE_CODES)
@given(data=st.data())
def test_planted_defect_is_reported_with_its_code_only(code: str, data: st.DataObject) -> None:
    programme = data.draw(defective_programmes(code))
    report = check(programme)
    assert code in report.codes
    other_errors = {v.code for v in report.errors} - {code}
    assert not other_errors, [v.en for v in report.errors]
    for v in report:
        if v.code == code:
            assert v.fr.strip()
            assert v.en.strip()
            assert v.fr != v.en
            assert v.severity is RuleSet.core()[code].severity


@given(programmes())
def test_checking_is_deterministic_and_sorted(programme: Programme) -> None:
    first, second = check(programme), check(programme)
    assert first == second
    keys = [v.sort_key for v in first]
    assert keys == sorted(keys)


@given(defective_programmes(st.sampled_from(DEFECT_CODES)))
def test_violations_come_sorted_errors_first(programme: Programme) -> None:
    report = check(programme)
    severities = [v.severity for v in report]
    assert severities == sorted(severities, key=lambda s: s is Severity.WARNING)


@given(programmes(stage=st.sampled_from([Stage.ACCOMPANIMENT, Stage.CLOSED]), min_actions=1))
def test_every_violation_names_the_objects_concerned(programme: Programme) -> None:
    broken = attrs.evolve(
        programme,
        accompaniment=attrs.evolve(
            programme.accompaniment,
            actions=tuple(attrs.evolve(a, answers=()) for a in programme.accompaniment.actions),
        ),
    )
    found = {v.subjects[0] for v in check(broken) if v.code == "STG-006"}
    assert found == {a.id for a in programme.accompaniment.actions}
