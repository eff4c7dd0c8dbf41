"""Labelled subjects: each id a violation names says what it names, messages unchanged."""

from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compagnonnage._i18n import Catalogue
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme
from compagnonnage.rules import Breach, RuleContext, Subject, Violation, check, rule
from compagnonnage.testing._defects import DEFECTS
from compagnonnage.testing.strategies import DEFECT_CODES, defective_programmes

# The kinds docs/domain.md and Subject's docstring list for the core rules.
CORE_KINDS = {
    "programme",
    "body",
    "governing_body",
    "person",
    "expert",
    "deliverable",
    "planned_mission",
    "mission",
    "finding",
    "recommendation",
    "action",
    "plan_action",
    "debriefing",
    "trade",
    "region",
    "nomenclature",
    "module",
    "dimension",
    "indicator",
    "period",
    "follow_up",
    "field",
}


def _ids(p: Programme) -> dict[str, set[str]]:
    """What each kind may name in ``p`` (unknown ids aside)."""
    d, body = p.diagnostic, p.beneficiary
    return {
        "programme": {p.id},
        "body": {body.id},
        "expert": {e.id for e in p.experts},
        "person": body.people_ids | ({p.reference_partner.id} if p.reference_partner else set()),
        "mission": {m.id for m in d.missions},
        "finding": {f.id for f in (*d.issues, *d.practices)},
        "recommendation": {r.id for r in d.recommendations},
        "action": {a.id for a in p.accompaniment.actions},
        "deliverable": {"terms_of_reference", "method_toolkit", "work_programme"},
        "debriefing": {"debriefing"},
        "governing_body": {g.id for g in body.governing_bodies},
        "indicator": {i.id for i in p.results.indicators},
        "period": {r.id for r in p.results.periods},
        "follow_up": {f.id for f in p.results.follow_ups},
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DEFECT_CODES).flatmap(defective_programmes))
def test_every_core_subject_is_labelled_with_a_documented_kind(p: Programme) -> None:
    known = _ids(p)
    for v in check(p):
        assert v.subjects, v
        for s in v.subjects:
            assert isinstance(s, Subject)
            assert s.kind in CORE_KINDS, (v.code, s)
            if s.kind in known and s.id not in known[s.kind]:
                # an unknown id (a ghost), which must not be the id of another kind of object
                others = [k for k, ids in known.items() if s.id in ids]
                assert not others, f"{v.code}: {s!r} names a {others}"


def test_the_subjects_of_the_issue_say_what_they_are() -> None:
    ghost = check(DEFECTS["REF-001"].plant(togo_programme()))
    labelled = {(v.code, tuple((s.kind, s.id) for s in v.subjects)) for v in ghost}
    assert any(
        code == "REF-001" and kinds[0][0] in {"mission", "action"} and kinds[1][0] == "expert"
        for code, kinds in labelled
    ), labelled
    toolkit = check(DEFECTS["STG-003"].plant(togo_programme()))
    subjects = next(v.subjects for v in toolkit if v.code == "STG-003")
    assert [s.kind for s in subjects] == ["programme", "deliverable"]
    assert subjects[1] in {"terms_of_reference", "method_toolkit", "work_programme"}


def test_a_subject_is_its_id() -> None:
    s = Subject("action", "act-x")
    assert s == "act-x"
    assert hash(s) == hash("act-x")
    assert str(s) == s.id == "act-x"
    assert type(s.id) is str
    assert repr(s) == "Subject('action', 'act-x')"
    assert f"({', '.join([s, Subject('expert', 'e')])})" == "(act-x, e)"
    assert sorted([Subject("z", "b"), Subject("a", "c"), Subject("m", "a")]) == ["a", "b", "c"]
    for again in (pickle.loads(pickle.dumps(s)), copy.deepcopy(s)):
        assert (again.kind, again.id) == ("action", "act-x")
    with pytest.raises(AttributeError, match="immutable"):
        s.kind = "expert"  # type: ignore[misc]


_ = Catalogue("compagnonnage_app", "compagnonnage_app").message
"""An application's own catalogue (it has none compiled: its words stay English)."""


@rule("APP-002", title=_("Trial"))
def _plain(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    yield Breach((p.id, Subject("expert", "e-1")), _("trial"))


def test_a_plain_id_from_a_plugin_rule_is_labelled_object() -> None:
    p = togo_programme()
    [v] = _plain.evaluate(p, RuleContext())
    assert [(s.kind, s.id) for s in v.subjects] == [("object", p.id), ("expert", "e-1")]
    made = Violation(code="APP-002", severity=v.severity, subjects=("x",), text=_("b"))
    assert made.subjects[0].kind == "object"
    assert made.message("fr") == made.message("pt") == "b"


def test_the_kinds_documented_are_the_kinds_checked() -> None:
    page = (Path(__file__).parents[2] / "docs" / "domain.md").read_text(encoding="utf-8")
    section = page.split("### Subjects", 1)[1].split("###", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE))
    assert documented == CORE_KINDS
    docstring = Subject.__doc__ or ""
    assert all(f"``{kind}``" in docstring for kind in CORE_KINDS)
