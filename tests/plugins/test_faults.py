"""Fault injection: each broken plugin is named, set aside, and the others still work.

Every fault runs twice: outside strict mode (a warning, a recorded error, a
healthy plugin alongside) and in strict mode (the same error, raised).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from compagnonnage.model import Programme
from compagnonnage.plugins import (
    PluginError,
    PluginHookError,
    PluginImportError,
    PluginRegistrationError,
    PluginValidationError,
    PluginWarning,
    get_plugin_manager,
)

HEALTHY = """
from compagnonnage.diagnostics import Text
from compagnonnage.plugins import Branch, Nomenclature, Trade, TradeGroup, hookimpl

@hookimpl
def compagnonnage_register_trades(register):
    trade = Trade(code="OK-01", title=Text("Métier", "Trade"))
    group = TradeGroup(code="OK-G1", title=Text("Groupe", "Group"), trades=(trade,))
    branch = Branch(code="OK", title=Text("Branche", "Branch"), groups=(group,))
    register(Nomenclature(id="healthy", title=Text("Saine", "Healthy"), branches=(branch,)))
"""

# name → (source, error class expected, words the message must contain)
FAULTS: dict[str, tuple[str, type[PluginError], tuple[str, ...]]] = {
    "raises-at-import": (
        "raise RuntimeError('no database here')",
        PluginImportError,
        ("RuntimeError", "no database here"),
    ),
    "misspelled-hook": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_modles(register):
            pass
        """,
        PluginValidationError,
        ("compagnonnage_register_modles", "not a hook"),
    ),
    "unmarked-hook": (
        """
        def compagnonnage_register_modules(register):
            pass
        """,
        PluginValidationError,
        ("compagnonnage_register_modules", "not marked"),
    ),
    "default-parameter": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_recommend_support(recommendation, region=None):
            return ()
        """,
        PluginValidationError,
        ("region", "default"),
    ),
    "unknown-parameter": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_modules(register, language):
            pass
        """,
        PluginValidationError,
        ("language",),
    ),
    "hook-wrapper": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl(wrapper=True)
        def compagnonnage_register_rules(register):
            return (yield)
        """,
        PluginValidationError,
        ("compagnonnage_register_rules", "@hookimpl(wrapper=True) is refused", "tryfirst=True"),
    ),
    "old-style-hook-wrapper": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl(hookwrapper=True)
        def compagnonnage_recommend_support(recommendation):
            yield
        """,
        PluginValidationError,
        ("compagnonnage_recommend_support", "@hookimpl(hookwrapper=True) is refused"),
    ),
    "wrong-type": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_modules(register):
            register({"id": "not-a-module"})
        """,
        PluginRegistrationError,
        ("compagnonnage_register_modules", "expected a DiagnosticModule"),
    ),
    "swallows-type-error": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_catalogues(register):
            try:
                register("a catalogue, honestly")
            except Exception:
                pass
        """,
        PluginRegistrationError,
        ("expected a ServiceCatalogue",),
    ),
    "raises-in-registration": (
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_register_regions(register):
            raise KeyError("TG")
        """,
        PluginRegistrationError,
        ("compagnonnage_register_regions: raised KeyError", "z_raises_in_registration.py:6"),
    ),
}


@pytest.fixture
def broken(
    request: pytest.FixtureRequest, install: Callable[..., str]
) -> tuple[str, type[PluginError], tuple[str, ...]]:
    """Install ``a-healthy`` and the fault named by the test's parameter, as ``z-<fault>``."""
    fault: str = request.param
    install("a-healthy", HEALTHY, version="2.0.0")
    source, error, words = FAULTS[fault]
    name = install(f"z-{fault}", source, version="0.0.1")
    return name, error, words


@pytest.mark.parametrize("broken", sorted(FAULTS), indirect=True)
def test_a_faulty_plugin_is_set_aside_and_named(
    broken: tuple[str, type[PluginError], tuple[str, ...]],
) -> None:
    name, error, words = broken
    with pytest.warns(PluginWarning, match=name):
        pm = get_plugin_manager(allow=["a-healthy", name])
    (failure,) = pm.load_errors
    assert type(failure) is error
    assert failure.plugin == name
    assert (failure.distribution, failure.version) == (name, "0.0.1")
    for word in words:
        assert word in str(failure)
    # In French too: the plugin named, what it wrote quoted as it is, the frame translated.
    assert failure.message("en") == str(failure)
    french = failure.message("fr")
    assert french.startswith(f"extension « {name} » ({name} 0.0.1) : ")
    assert all(word in french for word in words if " " not in word and '"' not in word)
    assert failure.problem("fr") != failure.problem("en") == str(failure.problem)
    assert str(failure.problem) in str(failure)
    portuguese = failure.message("pt")
    assert portuguese.startswith(f"extensão «{name}» ({name} 0.0.1): ")
    infos = {i.name: i for i in pm.list_plugins()}
    assert not infos[name].loaded
    assert infos["a-healthy"].loaded
    assert [n.id for n in pm.nomenclatures()] == ["healthy"]
    assert pm.origin("nomenclature", "healthy") == "a-healthy"
    assert [m.id for m in pm.modules()] == ["consular-chamber"]


@pytest.mark.parametrize("broken", sorted(FAULTS), indirect=True)
def test_strict_mode_turns_the_fault_into_an_error(
    broken: tuple[str, type[PluginError], tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    name, error, _ = broken
    with pytest.raises(error, match=name):
        get_plugin_manager(allow=["a-healthy", name], strict=True)
    monkeypatch.setenv("COMPAGNONNAGE_STRICT_PLUGINS", "1")
    with pytest.raises(error, match=name):
        get_plugin_manager(allow=["a-healthy", name])


def test_an_import_error_is_chained_from_the_original(install: Callable[..., str]) -> None:
    name = install("z-import", "import module_that_does_not_exist_anywhere")
    with pytest.raises(PluginImportError) as caught:
        get_plugin_manager(allow=[name], strict=True)
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)
    assert "z-import 1.0.0" in str(caught.value)


def test_a_set_aside_plugin_leaves_no_hook_behind(
    install: Callable[..., str], togo: Programme
) -> None:
    name = install(
        "z-half",
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_recommend_support(recommendation):
            raise AssertionError("a set-aside plugin must never be called")

        @hookimpl
        def compagnonnage_register_modules(register):
            register(None)
        """,
    )
    with pytest.warns(PluginWarning):
        pm = get_plugin_manager(allow=[name])
    advice = pm.recommend(togo, "consular-chamber/governing-bodies/recommendation")
    assert advice.failures == ()
    assert {c.plugin for c in advice.candidates} == {"builtin"}


RECOMMEND_FAULTS = {
    "z-raises": """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_recommend_support(recommendation):
            raise ZeroDivisionError("bad ranking")
    """,
    "z-wrong-return": """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_recommend_support(recommendation):
            return ["a training, probably"]
    """,
}


@pytest.mark.parametrize("fault", sorted(RECOMMEND_FAULTS))
def test_compagnonnage_recommend_support_failure_is_reported_beside_the_others(
    fault: str, install: Callable[..., str], togo: Programme
) -> None:
    name = install(fault, RECOMMEND_FAULTS[fault], version="3.1.4")
    pm = get_plugin_manager(allow=[name])
    assert pm.load_errors == ()
    advice = pm.recommend(togo, "consular-chamber/governing-bodies/recommendation")
    (failure,) = advice.failures
    assert isinstance(failure, PluginHookError)
    assert (failure.plugin, failure.hook, failure.version) == (
        name,
        "compagnonnage_recommend_support",
        "3.1.4",
    )
    assert advice.candidates
    assert {c.plugin for c in advice.candidates} == {"builtin"}
    strict = get_plugin_manager(allow=[name], strict=True)
    with pytest.raises(PluginHookError, match=name):
        strict.recommend(togo, "consular-chamber/governing-bodies/recommendation")


def test_compagnonnage_recommend_support_raising_is_chained(
    install: Callable[..., str], togo: Programme
) -> None:
    name = install("z-raises", RECOMMEND_FAULTS["z-raises"])
    advice = get_plugin_manager(allow=[name]).recommend(
        togo, "consular-chamber/governing-bodies/recommendation"
    )
    assert isinstance(advice.failures[0].__cause__, ZeroDivisionError)
    assert "bad ranking" in str(advice.failures[0])


def test_compagnonnage_stage_changed_failure_warns_and_others_are_told(
    install: Callable[..., str], togo: Programme
) -> None:
    failing = install(
        "z-failing-journal",
        """
        from compagnonnage.plugins import hookimpl

        @hookimpl
        def compagnonnage_stage_changed(entry):
            raise OSError("disk full")
        """,
    )
    journal = install(
        "a-journal",
        """
        from compagnonnage.plugins import hookimpl

        SEEN = []

        @hookimpl
        def compagnonnage_stage_changed(programme, entry):
            SEEN.append((programme.id, entry.to_stage.value))
        """,
    )
    pm = get_plugin_manager(allow=[failing, journal])
    with pytest.warns(PluginWarning, match="z-failing-journal.*disk full"):
        opened = pm.lifecycle().open(togo, by="president")
    assert opened.stage.value == "preparation"
    assert sys.modules["a_journal"].SEEN == [("tg-2021", "preparation")]
    strict = get_plugin_manager(allow=[failing, journal], strict=True)
    with pytest.raises(PluginHookError, match="compagnonnage_stage_changed"):
        strict.lifecycle().open(togo, by="president")
