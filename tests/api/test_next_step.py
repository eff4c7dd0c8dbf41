"""next_step: the next operation, the stage it leads to, and what blocks it, plugin rules included."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compagnonnage import lifecycle as lc
from compagnonnage._i18n import Catalogue
from compagnonnage.documents import dump
from compagnonnage.errors import TransitionRefused
from compagnonnage.example import togo_programme, togo_steps
from compagnonnage.lifecycle import Lifecycle, NextStep
from compagnonnage.model import Operation, Programme, Stage
from compagnonnage.plugins import PluginManager, get_plugin_manager, hookimpl
from compagnonnage.rules import Breach, Rule, RuleContext, Subject, rule
from compagnonnage.testing.strategies import DEFECT_CODES, defective_programmes, programmes

AT = dt.datetime(2031, 1, 1, 9, tzinfo=dt.timezone.utc)


def _when(p: Programme) -> dt.datetime:
    return max([AT, *(e.at for e in p.history[-1:])])


def _take(lifecycle: Lifecycle, p: Programme, operation: Operation) -> Programme:
    method = "open" if operation is Operation.OPEN else operation.value
    return getattr(lifecycle, method)(p, by="tester", at=_when(p))  # type: ignore[no-any-return]


def _agrees(lifecycle: Lifecycle, p: Programme) -> NextStep | None:
    """next_step says exactly what taking the step would do."""
    step = lifecycle.next_step(p, by="tester", at=_when(p))
    if p.stage is Stage.CLOSED:
        assert step is None
        return None
    assert step is not None
    assert step.stage is p.stage.next()
    assert step.operation.closes is p.stage
    if step.ready:
        assert step.blocked_by == ()
        assert _take(lifecycle, p, step.operation).stage is step.stage
    else:
        with pytest.raises(TransitionRefused) as refused:
            _take(lifecycle, p, step.operation)
        assert step.blocked_by == refused.value.violations
    assert [r.code for r in step.blocking_rules] == sorted({v.code for v in step.blocked_by})
    return step


def test_each_stage_of_the_example_names_its_step_and_rules() -> None:
    seen = {}
    for _, p in togo_steps():
        step = _agrees(Lifecycle(), p)
        if step is not None:
            seen[p.stage] = (step.operation, step.stage, [r.code for r in step.needs])
    assert seen == {
        Stage.DRAFT: (Operation.OPEN, Stage.PREPARATION, ["STG-002"]),
        Stage.PREPARATION: (Operation.CLOSE_PREPARATION, Stage.DIAGNOSTIC, ["STG-003"]),
        Stage.DIAGNOSTIC: (Operation.CLOSE_DIAGNOSTIC, Stage.ACCOMPANIMENT, ["STG-004"]),
        Stage.ACCOMPANIMENT: (Operation.CLOSE, Stage.CLOSED, []),
    }


def test_an_incomplete_preparation_is_blocked_by_each_missing_deliverable() -> None:
    opened = lc.open_programme(togo_programme(stage=Stage.DRAFT), by="cma-durand", at=AT)
    step = lc.next_step(opened, at=AT)
    assert step is not None
    assert not step.ready
    assert [v.code for v in step.blocked_by] == ["STG-003"] * 3
    assert [r.title("en") for r in step.blocking_rules] == [
        "Preparation closes with three approved, co-authored deliverables"
    ]
    assert lc.next_step(opened, at=AT) == step  # nothing was changed by asking


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes())
def test_next_step_agrees_with_the_lifecycle_on_valid_programmes(p: Programme) -> None:
    _agrees(Lifecycle(), p)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DEFECT_CODES).flatmap(defective_programmes))
def test_next_step_agrees_with_the_lifecycle_on_defective_programmes(p: Programme) -> None:
    _agrees(Lifecycle(), p)


# -- plugin rules -------------------------------------------------------------------


_ = Catalogue("compagnonnage_app", "compagnonnage_app").message
"""An application's own catalogue (it has none compiled: its words stay English)."""


@rule("APP-001", title=_("The budget is voted"))
def _budget_voted(p: Programme, ctx: RuleContext) -> Iterator[Breach]:
    if p.stage is Stage.CLOSED:
        yield Breach((Subject("programme", p.id),), _("Budget not voted."))


class _BudgetPlugin:
    __name__ = "budget"

    @hookimpl
    def compagnonnage_register_rules(self, register: object) -> None:
        assert callable(register)
        register(_budget_voted)


def test_a_blocking_plugin_rule_is_named_with_its_title() -> None:
    manager = get_plugin_manager(entry_points=False, plugins=[_BudgetPlugin()])
    p = togo_programme()
    step = _agrees(manager.lifecycle(), p)
    assert step is not None
    assert [v.code for v in step.blocked_by] == ["APP-001"]
    blocking: list[Rule] = list(step.blocking_rules)
    # the application's catalogue has no French: its title is said in English
    assert [(r.code, r.title("fr"), r.origin) for r in blocking] == [
        ("APP-001", "The budget is voted", "budget")
    ]
    same = lc.next_step(p, rules=manager.rules(), context=manager.rule_context(), at=_when(p))
    assert same == manager.lifecycle().next_step(p, at=_when(p))
    assert lc.next_step(p, at=_when(p)) == attrs.evolve(step, blocked_by=(), blocking_rules=())


@pytest.fixture
def budget_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's manager holds only the built-in plugin and the budget plugin."""
    import compagnonnage.plugins as plugins_package

    original = plugins_package.get_plugin_manager

    def with_budget() -> PluginManager:
        return original(entry_points=False, plugins=[_BudgetPlugin()])

    monkeypatch.setattr(plugins_package, "get_plugin_manager", with_budget)


@pytest.mark.usefixtures("budget_plugin")
def test_status_names_a_blocking_plugin_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compagnonnage.cli import main

    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    assert main(["--lang", "en", "status", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["next"]["ready"] is False
    assert [(v["code"], v["rule"]) for v in data["next"]["blocked_by"]] == [
        ("APP-001", "The budget is voted")
    ]
    assert main(["--lang", "fr", "status", str(path)]) == 0
    text = capsys.readouterr().out
    assert "\nRègles qui la bloquent :\n  APP-001\u00a0: The budget is voted\n" in text


def test_asking_for_the_next_step_tells_no_listener() -> None:
    heard: list[Operation] = []
    lifecycle = Lifecycle(listeners=(lambda p, entry: heard.append(entry.operation),))
    p = togo_programme()
    step = lifecycle.next_step(p, at=_when(p))
    assert step is not None
    assert step.ready
    assert heard == []  # status used to run the real operation, telling plugins of a change
    lifecycle.close(p, by="tester", at=_when(p))
    assert heard == [Operation.CLOSE]
