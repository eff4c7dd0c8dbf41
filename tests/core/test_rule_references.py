"""The ids a programme names: REF-001 for those that must be in the document, REF-003
(a warning) for those that may name someone or something outside it, STG-011 for
trade codes of a known nomenclature."""

from __future__ import annotations

from types import MappingProxyType

import attrs
import pytest

from compagnonnage import check
from compagnonnage.example import togo_programme
from compagnonnage.model import (
    MandatePlan,
    PlanAction,
    PlanAxis,
    Programme,
    TradeRef,
)
from compagnonnage.plugins import get_plugin_manager
from compagnonnage.rules import RuleContext, Violation


def _found(p: Programme, code: str, context: RuleContext | None = None) -> list[Violation]:
    return [v for v in check(p, context=context) if v.code == code]


@pytest.fixture(scope="module")
def togo() -> Programme:
    p = togo_programme()
    assert check(p).ok
    assert not check(p).warnings
    return p


def _with_plan(p: Programme, owner: str | None) -> Programme:
    body = p.beneficiary
    assert body.current_term is not None
    plan = MandatePlan(
        term=body.current_term,
        axes=(
            PlanAxis(
                id="axis-1",
                title="Représenter",
                actions=(PlanAction(id="pa-1", title="Assemblée annuelle", owner_id=owner),),
            ),
        ),
    )
    return attrs.evolve(p, beneficiary=attrs.evolve(body, mandate_plan=plan))


def test_a_plan_action_owned_by_a_stranger_is_ref_001(togo: Programme) -> None:
    (v,) = _found(_with_plan(togo, "ghost-owner"), "REF-001")
    assert v.subjects == ("pa-1", "ghost-owner")
    assert (
        v.message()
        == "Mandate-plan action pa-1 is owned by ghost-owner, unknown to the beneficiary."
    )
    assert "pa-1" in v.message("fr")


@pytest.mark.parametrize("owner", [None, "ucrm-elu-1", "ucrm-bureau"])
def test_a_plan_action_owned_by_a_person_or_a_governing_body_is_fine(
    togo: Programme, owner: str | None
) -> None:
    assert _found(_with_plan(togo, owner), "REF-001") == []


def test_a_governing_body_member_from_outside_is_ref_001(togo: Programme) -> None:
    body = togo.beneficiary
    g = body.governing_bodies[0]
    ghost = attrs.evolve(g, member_ids=(*g.member_ids, "ghost-member", "cma-durand"))
    broken = attrs.evolve(
        togo,
        beneficiary=attrs.evolve(body, governing_bodies=(ghost, *body.governing_bodies[1:])),
    )
    (v,) = _found(broken, "REF-001")
    # an expert is not a member of the beneficiary's governing bodies either
    assert v.subjects == (g.id, "cma-durand", "ghost-member")


@pytest.mark.parametrize("parent", ["ucrm-togo", "ucrm-elu-1", "cma-durand"])
def test_a_parent_named_in_the_document_must_be_another_body(togo: Programme, parent: str) -> None:
    broken = attrs.evolve(togo, beneficiary=attrs.evolve(togo.beneficiary, parent_id=parent))
    (v,) = _found(broken, "REF-001")
    assert v.subjects == ("ucrm-togo", parent)


@pytest.mark.parametrize("parent", ["cma-togo", "zz-union"])
def test_a_parent_outside_the_document_is_not_checked(togo: Programme, parent: str) -> None:
    fine = attrs.evolve(togo, beneficiary=attrs.evolve(togo.beneficiary, parent_id=parent))
    assert check(fine) == attrs.evolve(check(togo), programme_id=fine.id)


def test_history_by_an_outsider_is_a_warning_only(togo: Programme) -> None:
    last = togo.history[-1]
    broken = attrs.evolve(togo, history=(*togo.history[:-1], attrs.evolve(last, by="officer-afd")))
    report = check(broken)
    assert report.ok
    (v,) = _found(broken, "REF-003")
    assert v.subjects == (togo.id, "officer-afd")
    assert v.message().startswith(f"History [{len(togo.history) - 1}]: officer-afd")


@pytest.mark.parametrize(("approver", "warned"), [("ucrm-bureau", False), ("funder", True)])
def test_an_approval_by_someone_unknown_is_a_warning(
    togo: Programme, approver: str, warned: bool
) -> None:
    prep = togo.preparation
    tk = prep.toolkit
    assert tk is not None
    assert tk.approval is not None
    approval = attrs.evolve(tk.approval, by=approver)
    broken = attrs.evolve(
        togo, preparation=attrs.evolve(prep, toolkit=attrs.evolve(tk, approval=approval))
    )
    found = _found(broken, "REF-003")
    assert check(broken).ok
    assert [v.subjects for v in found] == ([("method_toolkit", approver)] if warned else [])


@pytest.fixture(scope="module")
def context() -> RuleContext:
    return get_plugin_manager().rule_context()


def test_the_manager_context_knows_the_installed_modules(context: RuleContext) -> None:
    assert context.modules is not None
    assert "governing-bodies" in context.modules["consular-chamber"]


def test_modules_and_dimensions_are_checked_only_when_the_modules_are_known(
    togo: Programme, context: RuleContext
) -> None:
    prep, diag = togo.preparation, togo.diagnostic
    assert prep.toolkit is not None
    score = diag.scores[0]
    broken = attrs.evolve(
        togo,
        preparation=attrs.evolve(
            prep, toolkit=attrs.evolve(prep.toolkit, module_ids=("consular-chamber", "nope"))
        ),
        diagnostic=attrs.evolve(
            diag,
            scores=(
                attrs.evolve(score, module_id="ghost-module"),
                attrs.evolve(score, dimension_id="ghost-dimension"),
                *diag.scores[1:],
            ),
        ),
    )
    assert _found(broken, "REF-003") == []
    found = _found(broken, "REF-003", context)
    assert check(broken, context=context).ok
    assert sorted(v.subjects for v in found) == [
        ("consular-chamber", "ghost-dimension"),
        ("ghost-module", score.dimension_id),
        ("method_toolkit", "nope"),
    ]
    assert _found(togo, "REF-003", context) == []


def test_a_body_trade_unknown_to_its_known_nomenclature_is_stg_011(togo: Programme) -> None:
    context = RuleContext(nomenclatures=MappingProxyType({"uemoa": frozenset({"BTP-01"})}))
    body = togo.beneficiary
    scope = attrs.evolve(togo.scope, trades=(TradeRef("uemoa", "BTP-01"),))
    issues = tuple(attrs.evolve(i, trade=None) for i in togo.diagnostic.issues)
    practices = tuple(attrs.evolve(i, trade=None) for i in togo.diagnostic.practices)
    recs = tuple(attrs.evolve(i, trade=None) for i in togo.diagnostic.recommendations)
    actions = tuple(attrs.evolve(a, trade=None) for a in togo.accompaniment.actions)
    base = attrs.evolve(
        togo,
        scope=scope,
        diagnostic=attrs.evolve(
            togo.diagnostic, issues=issues, practices=practices, recommendations=recs
        ),
        accompaniment=attrs.evolve(togo.accompaniment, actions=actions),
    )
    trades = (TradeRef("uemoa", "BTP-01"), TradeRef("uemoa", "NOPE"), TradeRef("other", "X"))
    broken = attrs.evolve(base, beneficiary=attrs.evolve(body, trades=trades))
    assert (
        _found(
            attrs.evolve(base, beneficiary=attrs.evolve(body, trades=trades[:1])),
            "STG-011",
            context,
        )
        == []
    )
    (v,) = _found(broken, "STG-011", context)
    assert v.subjects == (body.id, "uemoa:NOPE")
    assert v.message() == f"Trade uemoa:NOPE of {body.id} is not in nomenclature uemoa."
    assert _found(broken, "STG-011") == []


def test_an_expert_who_is_also_a_person_of_the_beneficiary_is_known(togo: Programme) -> None:
    body = togo.beneficiary
    official = body.officials[0]
    expert = attrs.evolve(togo.experts[0], id=official.id)
    missions = tuple(attrs.evolve(m, organiser_id=official.id) for m in togo.diagnostic.missions)
    both = attrs.evolve(
        togo,
        experts=(*togo.experts, expert),
        diagnostic=attrs.evolve(togo.diagnostic, missions=missions),
    )
    assert _found(both, "REF-001") == []
