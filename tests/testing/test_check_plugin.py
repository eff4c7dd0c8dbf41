"""check_plugin: a plugin with one defect fails with a message naming it and a minimal example."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import pytest
from attrs import frozen

from compagnonnage._i18n import Catalogue
from compagnonnage.catalogue import ServiceCatalogue
from compagnonnage.diagnostics import (
    DiagnosticModule,
    Dimension,
    Question,
    Scale,
    Text,
    YesNoQuestion,
)
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import (
    HistoryEntry,
    Programme,
    Recommendation,
    RegionRef,
    Stage,
    TradeRef,
)
from compagnonnage.plugins import PluginError, SupportCandidate, hookimpl
from compagnonnage.rules import Breach, Rule, RuleContext, Severity, rule
from compagnonnage.testing.conformance import (
    ConformanceError,
    ConformanceReport,
    Failure,
    check_plugin,
)

FEW = 10


def _module(*questions: Question, trades: Iterable[TradeRef] = ()) -> DiagnosticModule:
    return DiagnosticModule(
        id="demo",
        version="1",
        title=Text("Démo", "Demo"),
        dimensions=(
            Dimension(
                id="dim",
                theme=Text("Thème", "Theme"),
                title=Text("Titre", "Title"),
                levels=[("un", "one"), ("deux", "two"), ("trois", "three"), ("quatre", "four")],
            ),
        ),
        questions=questions or (YesNoQuestion(id="q", dimension_id="dim", text=Text("Q", "Q")),),
        trades=frozenset(trades),
    )


class Plugin:
    """A plugin object whose hooks are set per test; named after ``name``."""

    def __init__(self, name: str, **hooks: Callable[..., Any]) -> None:
        self.__name__ = name
        for hook, function in hooks.items():
            setattr(self, hook, function)


def _registering(name: str, module: DiagnosticModule) -> Plugin:
    """A plugin that registers ``module``."""

    @hookimpl
    def compagnonnage_register_modules(register: Callable[[DiagnosticModule], None]) -> None:
        register(module)

    return Plugin(name, compagnonnage_register_modules=compagnonnage_register_modules)


def _only_failure(plugin: Plugin, *, examples: int = FEW) -> Failure:
    """The one failure ``check_plugin`` finds in ``plugin``."""
    (failure,) = check_plugin(plugin, max_examples=examples).failures
    return failure


def _failures(report: ConformanceReport, check: str) -> list[Failure]:
    return [f for f in report.failures if f.check == check]


# -- plugins that pass ---------------------------------------------------------------


def test_an_empty_plugin_conforms_and_runs_the_load_checks() -> None:
    report = check_plugin(Plugin("empty"))
    assert report.ok
    assert report.checks == ("hooks", "load", "references", "documents")
    report.assert_ok()


# -- hooks, one by one -----------------------------------------------------------------


def test_a_misspelled_hook_is_named_with_the_hook_it_resembles() -> None:
    @hookimpl
    def compagnonnage_register_trade(register: Callable[[object], None]) -> None:
        """Misspelled: the hook is ``compagnonnage_register_trades``."""

    report = check_plugin(Plugin("typo", compagnonnage_register_trade=compagnonnage_register_trade))
    (failure,) = report.failures
    assert failure.check == "hook compagnonnage_register_trade"
    assert "did you mean compagnonnage_register_trades?" in str(failure.problem)
    assert str(failure).startswith('plugin "typo" [hook compagnonnage_register_trade]: ')


def test_every_faulty_hook_is_reported_not_only_the_first() -> None:
    def compagnonnage_register_modules(register: Callable[[object], None]) -> None:
        """Not marked with @hookimpl."""

    @hookimpl
    def compagnonnage_stage_changed(programme: Programme, entry: HistoryEntry = None) -> None:  # type: ignore[assignment]
        """A default value pluggy would never fill."""

    report = check_plugin(
        Plugin(
            "faulty",
            compagnonnage_register_modules=compagnonnage_register_modules,
            compagnonnage_stage_changed=compagnonnage_stage_changed,
        )
    )
    assert [f.check for f in report.failures] == [
        "hook compagnonnage_register_modules",
        "hook compagnonnage_stage_changed",
    ]
    assert "not marked with @hookimpl" in str(report.failures[0].problem)
    assert "has a default value" in str(report.failures[1].problem)
    assert report.checks == ("hooks", "load")


@pytest.mark.parametrize("option", ["wrapper", "hookwrapper"])
def test_a_hook_wrapper_is_refused_by_name_with_the_supported_alternative(option: str) -> None:
    def compagnonnage_stage_changed(programme: Programme) -> Any:
        yield

    plugin = Plugin(
        "wrapping",
        compagnonnage_stage_changed=hookimpl(**{option: True})(compagnonnage_stage_changed),
    )
    failure = _only_failure(plugin)
    assert (failure.plugin, failure.check) == ("wrapping", "hook compagnonnage_stage_changed")
    assert f"@hookimpl({option}=True) is refused" in str(failure.problem)
    assert "tryfirst=True" in str(failure.problem)
    assert f"@hookimpl({option}=True) est refusé" in failure.message("fr")
    assert f"@hookimpl({option}=True) é recusado" in failure.message("pt")


def test_registering_the_wrong_type_names_the_hook_and_the_expected_type() -> None:
    @hookimpl
    def compagnonnage_register_catalogues(register: Callable[[object], None]) -> None:
        register("services")

    report = check_plugin(
        Plugin("wrong", compagnonnage_register_catalogues=compagnonnage_register_catalogues)
    )
    (failure,) = report.failures
    assert failure.check == "hook compagnonnage_register_catalogues"
    assert "expected a ServiceCatalogue" in str(failure.problem)


# -- references ------------------------------------------------------------------------


def test_a_module_keyed_to_an_unknown_nomenclature_passes_once_its_nomenclature_is_required() -> (
    None
):
    import compagnonnage_uemoa

    masonry = TradeRef("uemoa", "BTP-01")
    plugin = _registering("keyed", _module(trades=[masonry]))
    (failure,) = check_plugin(plugin, max_examples=FEW).failures
    assert failure.check == "references"
    assert "module 'demo' is for trade uemoa:BTP-01" in str(failure.problem)
    assert "requires=" in str(failure.problem)
    assert check_plugin(plugin, requires=[compagnonnage_uemoa], max_examples=FEW).ok


def test_a_remedy_naming_a_missing_service_is_reported() -> None:
    from compagnonnage.diagnostics import Remedy

    base = _module()
    dim = base.dimensions[0]
    remedy = Remedy(kind="training", title=Text("F", "T"), service_ids=("ghost",))
    module = DiagnosticModule(
        id=base.id,
        version=base.version,
        title=base.title,
        dimensions=(Dimension(**{**_fields(dim), "remedies": (remedy,)}),),
        questions=base.questions,
    )
    report = check_plugin(_registering("remedy", module), max_examples=FEW)
    (failure,) = _failures(report, "references")
    assert "remedy service 'ghost' is in no registered catalogue" in str(failure.problem)


def _fields(obj: Any) -> dict[str, Any]:
    import attrs

    return {a.name: getattr(obj, a.name) for a in attrs.fields(type(obj))}


# -- modules ------------------------------------------------------------------------------


@frozen(kw_only=True)
class OverEagerQuestion(YesNoQuestion):
    """A plugin's question kind whose *yes* lands above the top of the scale."""

    KIND: ClassVar[str] = "over_eager"

    def level_of(self, value: object, scale: Scale) -> int:
        return scale.high + 1 if value is True else scale.low


def _eager_module() -> DiagnosticModule:
    return _module(
        YesNoQuestion(id="plain", dimension_id="dim", text=Text("Q", "Q")),
        OverEagerQuestion(id="eager", dimension_id="dim", text=Text("Q", "Q")),
    )


def test_a_question_kind_that_leaves_the_scale_is_caught_with_a_minimal_answer() -> None:
    failure = _only_failure(_registering("eager", _eager_module()))
    assert failure.check == "module demo"
    assert str(failure.problem) == "dimension 'dim': level 5 is off the scale; expected 1-4"
    # Shrunk: one respondent, one answer, no desired level.
    assert failure.example == "answers [r0 (elected_officials) eager=True], desired {}"


@frozen(kw_only=True)
class PercentQuestion(Question):
    """A plugin's own question kind: a whole percentage, a level per quarter (100 is too high)."""

    KIND: ClassVar[str] = "percent"

    def level_of(self, value: object, scale: Scale) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            raise InvalidValueError("PercentQuestion", "value", "a whole number 0-100", value)
        return scale.low + value // 25

    def check_scale(self, scale: Scale) -> None:
        """Every level it gives lies on a scale of four (but for 100)."""


def test_a_plugin_question_kind_is_answered_with_the_values_it_accepts() -> None:
    question = PercentQuestion(id="share", dimension_id="dim", text=Text("Part", "Share"))
    failure = _only_failure(_registering("percent", _module(question)))
    assert failure.check == "module demo"
    assert str(failure.problem) == "dimension 'dim': level 5 is off the scale; expected 1-4"
    assert failure.example == "answers [r0 (elected_officials) share=100], desired {}"


def test_the_report_is_the_same_twice() -> None:
    plugin = _registering("eager", _eager_module())
    first = check_plugin(plugin, max_examples=FEW)
    assert not first.ok
    assert check_plugin(plugin, max_examples=FEW) == first


# -- rules ------------------------------------------------------------------------------


WORDS = Catalogue("compagnonnage_tests", "compagnonnage_tests")
"""A plugin's own catalogue, without translations: its words are English everywhere."""


@rule("DEMO-001", title=WORDS.message("Fragile"), severity=Severity.WARNING)
def _fragile(programme: Programme, context: RuleContext) -> Iterable[Breach]:
    if len(programme.diagnostic.recommendations) >= 2:
        raise KeyError("second recommendation")
    return ()


_draws = itertools.count()


@rule("DEMO-002", title=WORDS.message("At random"), severity=Severity.WARNING)
def _random(programme: Programme, context: RuleContext) -> Iterable[Breach]:
    return [Breach((programme.id,), WORDS.message("draw {n}", n=next(_draws)))]


@rule("DEMO-003", title=WORDS.message("Mute"), severity=Severity.WARNING)
def _mute(programme: Programme, context: RuleContext) -> Iterable[Breach]:
    return [Breach((programme.id,), WORDS.message(" "))]


@rule("DEMO-004", title=WORDS.message("Misspelt"), severity=Severity.WARNING)
def _misspelt(programme: Programme, context: RuleContext) -> Iterable[Breach]:
    return [Breach((programme.id,), WORDS.message("{programe} lacks a title", programme="x"))]


def _register(*rules: Rule) -> Callable[[Callable[[Rule], None]], None]:
    def compagnonnage_register_rules(register: Callable[[Rule], None]) -> None:
        for r in rules:
            register(r)

    return compagnonnage_register_rules


@pytest.mark.parametrize(
    ("found", "problem", "example"),
    [
        (
            _fragile,
            "raised KeyError: 'second recommendation'",
            "2 recommendation(s)",
        ),
        (_random, "the same programme gave different breaches; expected the same", "stage draft"),
        (_mute, "yielded a breach whose text is blank in en", "stage draft"),
        (_misspelt, "text cannot be written in en: KeyError: 'programe'", "stage draft"),
    ],
)
def test_a_faulty_rule_is_reported_with_the_smallest_programme(
    found: Rule, problem: str, example: str
) -> None:
    failure = _only_failure(
        Plugin("rules", compagnonnage_register_rules=hookimpl(_register(found)))
    )
    assert failure.check == f"rule {found.code}"
    assert problem in str(failure.problem)
    assert failure.example is not None
    assert example in failure.example


# -- recommendations and notifications ------------------------------------------------------


def test_recommendations_of_the_wrong_type_are_reported() -> None:
    @hookimpl
    def compagnonnage_recommend_support(recommendation: Recommendation) -> object:
        return [recommendation.id]

    failure = _only_failure(
        Plugin("advice", compagnonnage_recommend_support=compagnonnage_recommend_support)
    )
    assert failure.check == "compagnonnage_recommend_support"
    assert "returned ['rec-1']: expected SupportCandidate objects" in str(failure.problem)


def test_candidates_naming_unknown_services_are_reported() -> None:
    @hookimpl
    def compagnonnage_recommend_support(
        programme: Programme, region: RegionRef | None
    ) -> tuple[SupportCandidate, ...]:
        return (
            SupportCandidate(
                kind="training",
                title=Text("Former", "Train"),
                score=0.5,
                rationale=Text("Parce que", "Because"),
                service_ids=("nowhere",),
            ),
        )

    failure = _only_failure(
        Plugin("ghost", compagnonnage_recommend_support=compagnonnage_recommend_support)
    )
    assert "names service 'nowhere', which no registered catalogue holds" in str(failure.problem)


def test_a_listener_that_raises_on_closed_programmes_is_reported() -> None:
    @hookimpl
    def compagnonnage_stage_changed(programme: Programme) -> None:
        if programme.stage is Stage.CLOSED:
            raise RuntimeError("closed programmes are not handled")

    # One stage in four: enough examples that a closed programme is surely drawn.
    failure = _only_failure(
        Plugin("listener", compagnonnage_stage_changed=compagnonnage_stage_changed),
        examples=50,
    )
    assert failure.check == "compagnonnage_stage_changed"
    assert "raised RuntimeError: closed programmes are not handled" in str(failure.problem)
    assert failure.example is not None
    assert "at stage closed" in failure.example


# -- raising ------------------------------------------------------------------------------


def test_assert_ok_raises_an_assertion_error_of_our_hierarchy_listing_every_failure() -> None:
    plugin = Plugin("rules", compagnonnage_register_rules=hookimpl(_register(_random, _mute)))
    report = check_plugin(plugin, max_examples=FEW)
    with pytest.raises(ConformanceError) as raised:
        report.assert_ok()
    assert isinstance(raised.value, AssertionError)
    assert isinstance(raised.value, PluginError)
    assert raised.value.report is report
    message = str(raised.value)
    assert message.startswith('plugin "rules": 2 conformance failures; expected none')
    assert "[rule DEMO-002]" in message
    assert "[rule DEMO-003]" in message


def test_a_required_plugin_that_does_not_load_raises_naming_it() -> None:
    @hookimpl
    def compagnonnage_register_catalogues(register: Callable[[ServiceCatalogue], None]) -> None:
        raise RuntimeError("no catalogue today")

    broken = Plugin("base", compagnonnage_register_catalogues=compagnonnage_register_catalogues)
    with pytest.raises(ConformanceError, match=r'plugin "base" \[requires\]: .*no catalogue today'):
        check_plugin(Plugin("child"), requires=[broken])
