"""The plugin boundary, case by case, with a plugin written outside the repository's packages.

A throwaway distribution ``compagnonnage-beauty`` (entry point ``beauty``,
module ``compagnonnage_beauty``) is put on ``sys.path`` beside the three
reference plugins installed in the environment. Each case plants one fault
in it and checks what the library and the real command line say: the plugin
named as users see it, the others unharmed.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from beauty_source import KINDS, SOURCE

from compagnonnage.cli import main
from compagnonnage.diagnostics import (
    Answer,
    ChoiceQuestion,
    NumberQuestion,
    Question,
    Respondent,
    RespondentGroup,
    finding_keys,
)
from compagnonnage.documents import dump, load, make_converter
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, RegionRef, Scope, Stage, TradeRef
from compagnonnage.plugins import (
    DuplicateRegistrationError,
    PluginHookError,
    PluginManager,
    PluginValidationError,
    PluginWarning,
    get_plugin_manager,
    hookimpl,
)
from compagnonnage.testing.conformance import check_plugin

REFERENCE = ["uemoa", "food", "building"]
DIST = "compagnonnage-beauty 0.1.0"
Plant = Callable[..., object]


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder holding the plugin's question-kind module, written once."""
    root = tmp_path_factory.mktemp("kinds")
    (root / "compagnonnage_beauty_kinds.py").write_text(textwrap.dedent(KINDS), encoding="utf-8")
    yield root
    sys.modules.pop("compagnonnage_beauty_kinds", None)


@pytest.fixture
def plant(tmp_path: Path, kinds: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Plant]:
    """``plant("service", ...)``: install the beauty plugin with those faults; return its module."""
    monkeypatch.syspath_prepend(str(kinds))
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("COMPAGNONNAGE_PLUGINS", "COMPAGNONNAGE_DISABLE_PLUGINS", "COMPAGNONNAGE_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COMPAGNONNAGE_STRICT_PLUGINS", raising=False)

    def _plant(*plants: str, source: str | None = None, entry: str = "beauty") -> object:
        text = source if source is not None else SOURCE.format(plants=set(plants) or set())
        (tmp_path / "compagnonnage_beauty.py").write_text(textwrap.dedent(text), encoding="utf-8")
        info = tmp_path / "compagnonnage_beauty-0.1.0.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: compagnonnage-beauty\nVersion: 0.1.0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[compagnonnage]\n{entry} = compagnonnage_beauty\n", encoding="utf-8"
        )
        sys.modules.pop("compagnonnage_beauty", None)
        importlib.invalidate_caches()
        return importlib.import_module("compagnonnage_beauty")

    yield _plant
    sys.modules.pop("compagnonnage_beauty", None)


def _manager(**options: object) -> PluginManager:
    return get_plugin_manager(allow=[*REFERENCE, "beauty"], **options)  # type: ignore[arg-type]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _answers(value: str) -> tuple[Answer, ...]:
    who = Respondent(id="gerante", group=RespondentGroup.STAFF)
    return (Answer(respondent=who, question_id="salon", value=value),)


def test_the_healthy_plugin_loads_beside_the_reference_plugins(plant: Plant) -> None:
    plant()
    pm = _manager(strict=True)
    assert [i.name for i in pm.list_plugins()] == ["builtin", "beauty", "building", "food", "uemoa"]
    assert pm.origin("module", "mg-personal-services") == "beauty"
    assert pm.origin("service", "uemoa-professional-card") == "uemoa"
    assert pm.failures == ()


# -- case 1: a question kind whose level_of raises ----------------------------------------


def test_1_a_failing_question_kind_names_the_plugin_and_the_line(plant: Plant) -> None:
    beauty = plant("level_of")
    pm = _manager()
    module = beauty.MODULE  # type: ignore[attr-defined]
    with pytest.raises(PluginHookError) as caught:
        pm.score(module, _answers("propre"))
    error = caught.value
    assert (error.plugin, f"{error.distribution} {error.version}") == ("beauty", DIST)
    assert (
        str(error.hook)
        == "HygieneQuestion.level_of (question 'salon' of module 'mg-personal-services')"
    )
    assert error.location is not None
    line = _line(sys.modules["compagnonnage_beauty_kinds"], '{"clean": scale.high}')
    assert error.location.endswith(f"compagnonnage_beauty_kinds.py:{line}")
    assert isinstance(error.__cause__, KeyError)
    assert pm.failures == (error,)
    assert "extension « beauty » (compagnonnage-beauty 0.1.0) : HygieneQuestion.level_of" in (
        error.message("fr")
    )


def test_1_check_plugin_reports_the_failing_question_kind_without_raising(plant: Plant) -> None:
    beauty = plant("level_of")
    import compagnonnage_uemoa

    start = time.perf_counter()
    report = check_plugin(beauty, requires=[compagnonnage_uemoa], max_examples=20)
    elapsed = time.perf_counter() - start
    assert report.plugin == "beauty"
    (failure,) = [f for f in report.failures if f.check == "module mg-personal-services"]
    assert failure.plugin == "beauty"
    problem = failure.problem("en")
    assert "HygieneQuestion.level_of" in problem
    assert "KeyError" in problem
    assert "compagnonnage_beauty_kinds.py:" in problem
    assert "<compagnonnage." not in problem  # no repr of our private objects
    assert len(problem) < 600
    assert "(question 'salon' du module 'mg-personal-services') : a levé KeyError" in (
        failure.problem("fr")
    )
    assert elapsed < 60  # bounded; the figure is in the report of the change


def test_1_diagnose_reports_the_failing_module_and_keeps_the_others(
    plant: Plant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plant("level_of")
    togo = togo_programme(stage=Stage.DIAGNOSTIC)
    hair = TradeRef("mg-services", "COIF-01")
    programme = attrs.evolve(
        togo, scope=attrs.evolve(togo.scope, trades=(*togo.scope.trades, hair))
    )
    path = tmp_path / "togo.json"
    dump(programme, path, converter=make_converter(_manager()))
    answers = tmp_path / "answers.json"
    consular = [{"question": "gov-bureau-meetings", "value": 2}]
    answers.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "answers": {
                    "respondents": [
                        {
                            "id": "gerante",
                            "group": "staff",
                            "answers": {
                                "consular-chamber": consular,
                                "mg-personal-services": [{"question": "salon", "value": "propre"}],
                            },
                        }
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    code, out, err = _cli_with_beauty(
        capsys, "diagnose", str(path), "--answers", str(answers), "--format", "json"
    )
    assert code == 3
    assert [r["module"] for r in json.loads(out)["results"]] == ["consular-chamber"]
    assert (
        'plugin failed: plugin "beauty" (compagnonnage-beauty 0.1.0): HygieneQuestion.level_of'
        in err
    )
    assert "Traceback" not in err


def _cli_with_beauty(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line with only the reference plugins and beauty allowed."""
    mp = pytest.MonkeyPatch()
    mp.setenv("COMPAGNONNAGE_PLUGINS", ",".join([*REFERENCE, "beauty"]))
    try:
        return _cli(capsys, *argv)
    finally:
        mp.undo()


def _line(module: object, text: str) -> int:
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


# -- case 2: a service id another plugin uses -------------------------------------------------


def test_2_a_duplicate_service_is_withheld_from_both_and_names_both(plant: Plant) -> None:
    plant("service")
    with pytest.warns(PluginWarning, match="uemoa-professional-card"):
        pm = _manager()
    (clash,) = pm.contributions.clashes
    assert (clash.kind, clash.ident, clash.plugins, clash.kept) == (
        "service",
        "uemoa-professional-card",
        ("beauty", "uemoa"),
        None,
    )
    assert pm.origin("service", "uemoa-professional-card") is None
    ids = [s.id for _, s in pm.services_for()]
    assert "uemoa-professional-card" not in ids
    assert len(ids) == len(set(ids))
    (error,) = pm.clash_errors
    assert isinstance(error, DuplicateRegistrationError)
    text = str(error)
    assert 'plugin "uemoa" (compagnonnage-beauty' not in text
    assert all(w in text for w in ('"beauty"', DIST, '"uemoa"', "compagnonnage-uemoa 0.1.0"))
    assert "COMPAGNONNAGE_DISABLE_PLUGINS" in text
    with pytest.raises(DuplicateRegistrationError, match="uemoa-professional-card"):
        _manager(strict=True)
    # Blocking one of them gives the id back to the other.
    kept = get_plugin_manager(allow=[*REFERENCE, "beauty"], block=["beauty"], strict=True)
    assert kept.origin("service", "uemoa-professional-card") == "uemoa"


def test_2_the_command_line_lists_the_service_once_at_most_and_shows_the_clash(
    plant: Plant, capsys: pytest.CaptureFixture[str]
) -> None:
    plant("service")
    code, out, err = _cli_with_beauty(capsys, "services", "--format", "json")
    assert code == 0
    ids = [row["service"] for row in json.loads(out)]
    assert len(ids) == len(set(ids))
    assert 'service "uemoa-professional-card" is also registered by plugin' in err
    assert err.startswith("warning: ")
    code, out, _ = _cli_with_beauty(capsys, "plugins", "--lang", "fr")
    assert "conflits d'identifiants" in out
    assert "service « uemoa-professional-card » : aussi enregistré" in out


def test_2_check_plugin_beside_installed_plugins_catches_the_clash(plant: Plant) -> None:
    beauty = plant("service")
    alone = check_plugin(beauty, max_examples=5)
    assert not [f for f in alone.failures if f.check == "clashes"]
    beside = check_plugin(beauty, beside_installed=True, max_examples=5)
    (failure,) = [f for f in beside.failures if f.check == "clashes"]
    assert failure.plugin == "beauty"
    assert 'service "uemoa-professional-card"' in str(failure.problem)
    assert '"uemoa"' in str(failure.problem)


# -- case 3: a duplicate catalogue id ----------------------------------------------------------


@pytest.mark.parametrize("entry", ["beauty", "aaa-beauty", "zzz-beauty"])
def test_3_a_catalogue_clash_sets_nobody_aside_whatever_the_names(plant: Plant, entry: str) -> None:
    plant("catalogue", entry=entry)
    with pytest.warns(PluginWarning):
        pm = get_plugin_manager(allow=[*REFERENCE, entry])
    assert pm.load_errors == ()
    assert pm.origin("catalogue", "uemoa-services") is None
    assert pm.origin("nomenclature", "uemoa") == "uemoa"
    assert pm.origin("module", "mg-personal-services") == entry
    report = pm.check(togo_programme())
    assert "STG-011" not in report.codes


# -- case 4: a recommendation hook that raises ------------------------------------------------


def test_4_a_failing_recommendation_hook_is_named_and_the_others_stand(
    plant: Plant, togo: Programme
) -> None:
    beauty = plant("recommend")
    pm = _manager()
    advice = pm.recommend(togo, "consular-chamber/governing-bodies/recommendation")
    (failure,) = advice.failures
    assert (failure.plugin, failure.hook) == ("beauty", "compagnonnage_recommend_support")
    assert "raised KeyError: 'hygiène'" in str(failure)
    assert str(failure).startswith(f'plugin "beauty" ({DIST}): ')
    assert failure.location is not None
    line = _line(beauty, '["hygiène"]')
    assert failure.location.endswith(f":{line}")
    assert isinstance(failure.__cause__, KeyError)
    assert advice.candidates  # the others' candidates stand
    assert "beauty" not in {c.plugin for c in advice.candidates}


def test_4_recommend_on_the_command_line_exits_3_and_debug_adds_the_traceback(
    plant: Plant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plant("recommend")
    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    code, _, err = _cli_with_beauty(capsys, "recommend", str(path), "--lang", "fr")
    assert code == 3
    assert "échec d'extension : extension « beauty » (compagnonnage-beauty 0.1.0)" in err
    assert "KeyError: 'hygiène'" in err
    assert "Traceback" not in err
    code, _, err = _cli_with_beauty(capsys, "recommend", str(path), "--debug")
    assert code == 3
    assert "Traceback (most recent call last)" in err
    assert 'return {"hygiene": ()}["hygiène"]' in err


# -- case 5: a misspelled hook, a misspelled parameter ------------------------------------------


MISSPELLED = """
from compagnonnage.plugins import hookimpl

@hookimpl
def {name}({parameters}):
    return ()
"""


@pytest.mark.parametrize(
    ("name", "parameters", "en", "fr"),
    [
        (
            "compagnonnage_recommend_suport",
            "recommendation",
            "(did you mean compagnonnage_recommend_support?)",
            "(vouliez-vous dire compagnonnage_recommend_support ?)",
        ),
        (
            "compagnonnage_recommend_support",
            "recomendation",
            "parameter recomendation is not offered by the hook (did you mean recommendation?)",
            "le paramètre recomendation n'est pas offert par ce point d'accroche "
            "(vouliez-vous dire recommendation ?)",
        ),
    ],
)
def test_5_a_misspelling_is_told_with_a_suggestion_in_both_languages(
    plant: Plant,
    capsys: pytest.CaptureFixture[str],
    name: str,
    parameters: str,
    en: str,
    fr: str,
) -> None:
    plant(source=MISSPELLED.format(name=name, parameters=parameters))
    with pytest.warns(PluginWarning):
        pm = _manager()
    (error,) = pm.load_errors
    assert isinstance(error, PluginValidationError)
    assert error.plugin == "beauty"
    assert en in error.message("en")
    assert fr in error.message("fr")
    assert "pluggy" not in error.message("fr")
    _, _, err = _cli_with_beauty(capsys, "trades", "--lang", "fr")
    assert fr in err


# -- case 6: findings keep the trade of a trade-specific module -------------------------------


def test_6_findings_of_a_trade_specific_module_carry_its_trade(plant: Plant) -> None:
    beauty = plant()
    pm = _manager(strict=True)
    programme = togo_programme()
    hair = TradeRef("mg-services", "COIF-01")
    scope = Scope(trades=(hair,), regions=(RegionRef("MG"),))
    module = beauty.MODULE  # type: ignore[attr-defined]
    assert finding_keys(module, body=programme.beneficiary, scope=scope) == (hair, None)
    result = pm.score(module, _answers("sale"))
    found = result.findings("en", trade=hair)
    assert {f.trade for f in (*found.issues, *found.recommendations)} == {hair}
    # A module for every trade keys none.
    consular = pm.modules()[0]
    assert finding_keys(consular, body=programme.beneficiary, scope=scope) == (None, None)


def test_6_diagnose_write_records_the_trade_on_the_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plant: Plant
) -> None:
    plant()
    programme = togo_programme(stage=Stage.DIAGNOSTIC)
    building = next(m for m in _manager().modules() if m.id == "building-trades")
    trade = next(t for t in programme.scope.trades if t in building.trades)
    path = tmp_path / "togo.json"
    converter = make_converter(_manager())
    dump(programme, path, converter=converter)
    answers = tmp_path / "answers.json"
    low = [{"question": q.id, "value": _lowest(q)} for q in building.questions]
    answers.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "answers": {
                    "respondents": [
                        {"id": "chef", "group": "staff", "answers": {"building-trades": low}}
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    code, _, err = _cli_with_beauty(
        capsys, "diagnose", str(path), "--answers", str(answers), "--write"
    )
    assert code == 0, err
    written = load(path, converter=converter)
    mine = [f for f in written.diagnostic.issues if f.id.startswith("building-trades/")]
    assert mine
    assert {f.trade for f in mine} == {trade}


def test_6_diagnose_trade_and_region_options_key_every_suggested_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    programme = togo_programme(stage=Stage.DIAGNOSTIC)
    pm = get_plugin_manager(allow=REFERENCE)
    building = next(m for m in pm.modules() if m.id == "building-trades")
    chosen = TradeRef("uemoa", "TEX-01")  # in the scope, not the building module's own trade
    path = tmp_path / "togo.json"
    converter = make_converter(pm)
    dump(programme, path, converter=converter)
    answers = tmp_path / "answers.json"
    low = [{"question": q.id, "value": _lowest(q)} for q in building.questions]
    answers.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "answers": {
                    "respondents": [
                        {"id": "chef", "group": "staff", "answers": {"building-trades": low}}
                    ]
                },
            }
        ),
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("COMPAGNONNAGE_PLUGINS", ",".join(REFERENCE))
    try:
        argv = ["diagnose", str(path), "--answers", str(answers), "--trade", str(chosen)]
        code, out, err = _cli(capsys, *argv, "--region", "tg-m", "--format", "json")
        assert code == 0, err
        suggested = [f for r in json.loads(out)["results"] for f in r["suggested"]]
        assert suggested
        assert {(f["trade"], f["region"]) for f in suggested} == {(str(chosen), "TG-M")}
        code, _, err = _cli(capsys, *argv, "--region", "TG-M", "--write")
        assert code == 0, err
        written = load(path, converter=converter)
        mine = [f for f in written.diagnostic.issues if f.id.startswith("building-trades/")]
        assert mine
        assert {(f.trade, f.region) for f in mine} == {(chosen, RegionRef("TG", "TG-M"))}
        code, _, err = _cli(capsys, *argv[:-1], "TEX-01", "--lang", "fr")
        assert code == 2
        assert "--trade TEX-01" in err
    finally:
        mp.undo()


def _lowest(question: Question) -> object:
    """The answer at the bottom of the scale (a ladder's first choice)."""
    if isinstance(question, ChoiceQuestion):
        return question.choices[0].id
    return 0 if isinstance(question, NumberQuestion) else False


# -- case 7: pluggy orders the calls ---------------------------------------------------------


def test_7_implementations_are_called_in_pluggys_order_with_tryfirst_and_trylast() -> None:
    import types

    order: list[str] = []

    def plugin(name: str, **opts: bool) -> types.ModuleType:
        module = types.ModuleType(name)

        @hookimpl(**opts)
        def compagnonnage_recommend_support(recommendation: object) -> tuple[()]:
            order.append(name)
            return ()

        module.compagnonnage_recommend_support = compagnonnage_recommend_support  # type: ignore[attr-defined]
        return module

    pm = get_plugin_manager(
        entry_points=False,
        strict=True,
        plugins=(plugin("a"), plugin("b", tryfirst=True), plugin("c"), plugin("d", trylast=True)),
    )
    programme = togo_programme()
    pm.recommend(programme, programme.diagnostic.recommendations[0].id)
    assert order == ["b", "c", "a", "d"]


# -- case 8: check_plugin names the plugin as users see it -----------------------------------


def test_8_check_plugin_names_the_plugin_after_its_entry_point(plant: Plant) -> None:
    beauty = plant("recommend")
    import compagnonnage_uemoa

    report = check_plugin(beauty, requires=[compagnonnage_uemoa], max_examples=5)
    assert report.plugin == "beauty"
    assert report.failures
    assert {f.plugin for f in report.failures} == {"beauty"}
    assert all('compagnonnage_beauty"' not in str(f) for f in report.failures)


def test_3_the_bundled_example_still_checks_clean_through_the_command_line(
    plant: Plant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plant("catalogue")
    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    code, out, err = _cli_with_beauty(capsys, "check", str(path))
    assert code == 0, out
    assert "STG-011" not in out
    assert 'catalogue "uemoa-services" is also registered by plugin' in err


def test_4_through_python_dash_m_the_exit_code_is_3(plant: Plant, tmp_path: Path) -> None:
    plant("recommend")
    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COMPAGNONNAGE_"))
    }
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    env["COMPAGNONNAGE_PLUGINS"] = ",".join([*REFERENCE, "beauty"])
    done = subprocess.run(
        [sys.executable, "-m", "compagnonnage", "recommend", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 3
    assert 'plugin failed: plugin "beauty" (compagnonnage-beauty 0.1.0)' in done.stderr
    assert "Traceback" not in done.stderr


def test_a_failing_plugin_rule_leaves_the_others_and_check_exits_3(
    plant: Plant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plant("rule")
    path = tmp_path / "togo.json"
    dump(togo_programme(), path)
    code, out, err = _cli_with_beauty(capsys, "check", str(path), "--format", "json")
    assert code == 3
    assert "MG-001" not in out
    assert (
        'plugin failed: plugin "beauty" (compagnonnage-beauty 0.1.0): rule MG-001: '
        "raised RuntimeError: salon register unreachable ("
    ) in err
