"""The strategies check every argument when they are made, and take plain values too."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from compagnonnage.model import ActionStatus, Programme, Stage, SupportAction, TradeRef
from compagnonnage.testing import strategies as s

BAKERY = TradeRef("uemoa", "ALI-01")


@settings(max_examples=10)
@given(s.programmes(stage=Stage.DIAGNOSTIC, trades=[BAKERY]))
def test_plain_values_stand_for_strategies(programme: Programme) -> None:
    assert programme.stage is Stage.DIAGNOSTIC
    assert programme.scope.trades == (BAKERY,)


@settings(max_examples=10)
@given(s.support_actions(status=ActionStatus.CANCELLED))
def test_a_plain_status_is_given_to_every_action(action: SupportAction) -> None:
    assert action.status is ActionStatus.CANCELLED


@settings(max_examples=20)
@given(s.programmes(stage=st.sampled_from([Stage.DRAFT, Stage.CLOSED]), min_actions=1))
def test_min_actions_keeps_the_stages_that_can_have_actions(programme: Programme) -> None:
    assert programme.stage is Stage.CLOSED
    assert programme.accompaniment.actions


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"stage": Stage.DRAFT, "min_actions": 1}, "min_actions=1 needs the accompaniment"),
        ({"stage": st.just(Stage.DRAFT), "min_actions": 1}, "stage draws only draft"),
        (
            {"stage": st.sampled_from([Stage.DRAFT, Stage.DIAGNOSTIC]), "min_actions": 2},
            "draws only diagnostic, draft",
        ),
        ({"stage": "draft"}, "stage: expected a Stage or a strategy, got 'draft'"),
        ({"trades": ["ALI-01"]}, "trades: expected a sequence of TradeRef"),
        ({"trades": BAKERY}, "trades: expected a sequence of TradeRef"),
        ({"max_experts": 0}, "max_experts: expected 0 <= min <= max, got min=1, max=0"),
        ({"max_missions": True}, "max_missions: expected a whole number, got True"),
        ({"max_findings": 2.5}, "max_findings: expected a whole number, got 2.5"),
        ({"min_actions": 3, "max_actions": 2}, "got min=3, max=2"),
        ({"min_actions": -1}, "got min=-1"),
    ],
)
def test_programmes_refuses_impossible_options_when_made(
    options: dict[str, Any], says: str
) -> None:
    with pytest.raises(InvalidArgument, match=says.replace("(", r"\(")):
        s.programmes(**options)


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda: s.defective_programmes("STG-999"), "no defect known for rule 'STG-999'"),
        (lambda: s.defective_programmes("STG-013", variant="nope"), "no variant 'nope'"),
        (
            lambda: s.defective_programmes(st.just("STG-013"), variant="reversed-mission"),
            "variant= needs a plain rule code",
        ),
        (lambda: s.defective_programmes("STG-013", stage=Stage.DRAFT), "do not pass stage="),
        (lambda: s.defective_programmes("STG-013", max_expert=2), "unknown options max_expert"),
        (lambda: s.defective_programmes("STG-013", max_experts=0), "max_experts"),
        (
            lambda: s.defective_programmes("STG-002", variant="no-partner", min_actions=1),
            r"STG-002 \(no-partner\) cannot be broken",
        ),
        (lambda: s.bodies(max_officials=0), "max_officials"),
        (lambda: s.experts(max_size=0), "max_size"),
        (lambda: s.trade_refs(nomenclature=""), "nomenclature"),
        (lambda: s.support_actions(status="planned"), "status: expected a ActionStatus"),
        (lambda: s.findings(scope=["ALI-01"]), "trades: expected a sequence of TradeRef"),
    ],
)
def test_every_strategy_refuses_wrong_arguments_when_made(call: Any, says: str) -> None:
    with pytest.raises(InvalidArgument, match=says):
        call()


@settings(max_examples=20)
@given(s.defective_programmes("STG-002", min_actions=1))
def test_a_defect_with_actions_draws_only_the_variants_that_allow_them(
    programme: Programme,
) -> None:
    assert programme.accompaniment.actions
    assert programme.reference_partner is not None


def test_every_variant_is_listed_and_the_classic_comes_first() -> None:
    from compagnonnage.testing._defects import DEFECTS, VARIANTS

    assert set(s.DEFECT_VARIANTS) == set(s.DEFECT_CODES)
    for code, ways in s.DEFECT_VARIANTS.items():
        assert ways == tuple(VARIANTS[code])
        assert VARIANTS[code][ways[0]] is DEFECTS[code]
