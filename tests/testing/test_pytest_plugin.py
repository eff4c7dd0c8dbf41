"""The pytest plugin, seen from throwaway downstream projects run by ``pytester`` in subprocesses.

Each project is run in its own interpreter, so that entry points load as they do
for a real user and nothing defined there leaks into this suite.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def _run(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    """Run ``source`` as the project's only test file, in a fresh interpreter."""
    pytester.makepyfile(test_project=source)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


DOWNSTREAM = '''
import attrs
from hypothesis import given, settings, strategies as st
from hypothesis.stateful import invariant

from compagnonnage import check, hookimpl
from compagnonnage.documents import dumps, loads
from compagnonnage.model import Programme
from compagnonnage.testing.conformance import check_plugin
from compagnonnage.testing.machine import ProgrammeMachine


class Repository:
    """What a downstream application might do: keep programmes as documents."""

    def __init__(self):
        self.saved = {}

    def save(self, programme):
        self.saved[programme.id] = dumps(programme)

    def load(self, ident):
        return loads(self.saved[ident])


class RepositoryMachine(ProgrammeMachine):
    def __init__(self):
        super().__init__()
        self.repo = Repository()

    def applied(self, programme):
        self.repo.save(programme)

    @invariant()
    def repository_agrees(self):
        if self.programme is not None:
            assert self.repo.load(self.programme.id) == self.programme


RepositoryMachine.TestCase.settings = settings(
    max_examples=5, stateful_step_count=8, deadline=None
)
TestRepository = RepositoryMachine.TestCase


@given(st.from_type(Programme))
@settings(max_examples=10, deadline=None)
def test_generated_programmes_are_valid(programme):
    assert check(programme).ok


def test_fixtures(compagnonnage_plugin_manager, compagnonnage_converter, compagnonnage_example):
    assert [p.name for p in compagnonnage_plugin_manager.list_plugins()] == ["builtin"]
    text = dumps(compagnonnage_example, converter=compagnonnage_converter)
    assert loads(text, converter=compagnonnage_converter) == compagnonnage_example


class Listener:
    __name__ = "listener"

    def __init__(self):
        self.seen = []

    @hookimpl
    def compagnonnage_stage_changed(self, programme, entry):
        self.seen.append(entry.to_stage)


def test_register_plugin(compagnonnage_register_plugin, compagnonnage_example):
    listener = Listener()
    pm = compagnonnage_register_plugin(listener)
    assert [p.name for p in pm.list_plugins()] == ["builtin", "listener"]
    last = compagnonnage_example.history[-1]
    assert pm.notify_stage_changed(compagnonnage_example, last) == ()
    assert listener.seen == [last.to_stage]
    check_plugin(listener, max_examples=5).assert_ok()
'''


def test_a_downstream_project_uses_fixtures_from_type_the_machine_and_check_plugin(
    pytester: pytest.Pytester,
) -> None:
    result = _run(pytester, DOWNSTREAM)
    result.assert_outcomes(passed=4)


BROKEN = '''
import datetime as dt
from typing import ClassVar

from attrs import field, frozen

from compagnonnage import hookimpl
from compagnonnage.diagnostics import DiagnosticModule, Dimension, Text, YesNoQuestion
from compagnonnage.testing.conformance import check_plugin


@frozen(kw_only=True)
class TimedQuestion(YesNoQuestion):
    """A question kind with a field that documents cannot read back."""

    KIND: ClassVar[str] = "timed"
    asked_at: dt.time = field(default=dt.time(9, 30))


MODULE = DiagnosticModule(
    id="timed-module",
    version="1",
    title=Text("Module", "Module"),
    dimensions=(
        Dimension(
            id="dim",
            theme=Text("Thème", "Theme"),
            title=Text("Titre", "Title"),
            levels=[("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        ),
    ),
    questions=(TimedQuestion(id="when", dimension_id="dim", text=Text("Q", "Q")),),
)


class Broken:
    __name__ = "broken"

    @hookimpl
    def compagnonnage_register_modules(self, register):
        register(MODULE)


def test_conformance():
    check_plugin(Broken(), max_examples=5).assert_ok()
'''


def test_a_broken_plugin_fails_check_plugin_naming_the_plugin_and_the_defect(
    pytester: pytest.Pytester,
) -> None:
    result = _run(pytester, BROKEN)
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert 'ConformanceError: plugin "broken": 1 conformance failure; expected none' in out
    assert (
        '- plugin "broken" [documents]: make_converter raised StructureHandlerNotFoundError: '
        "Unsupported type: <class 'datetime.time'>" in out
    )


def test_without_our_plugin_the_fixtures_are_gone_and_other_tests_unaffected(
    pytester: pytest.Pytester,
) -> None:
    source = """
        def test_plain():
            assert 1 + 1 == 2

        def test_wants_example(compagnonnage_example):
            pass
        """
    result = _run(pytester, source, "-p", "no:compagnonnage")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'compagnonnage_example' not found*"])


def test_the_ini_option_lets_installed_plugins_into_the_manager(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeini("[pytest]\ncompagnonnage_entry_points = true\n")
    source = """
        def test_installed(compagnonnage_plugin_manager):
            names = {p.name for p in compagnonnage_plugin_manager.list_plugins()}
            assert {"builtin", "uemoa", "food", "building"} <= names
        """
    result = _run(pytester, source)
    result.assert_outcomes(passed=1)


def test_a_plugin_that_does_not_load_raises_from_the_register_helper(
    pytester: pytest.Pytester,
) -> None:
    source = """
        import pytest
        from compagnonnage import hookimpl
        from compagnonnage.plugins import PluginRegistrationError

        class Bad:
            __name__ = "bad"

            @hookimpl
            def compagnonnage_register_rules(self, register):
                register("not a rule")

        def test_bad(compagnonnage_register_plugin):
            with pytest.raises(PluginRegistrationError, match='plugin "bad".*expected a Rule'):
                compagnonnage_register_plugin(Bad())
        """
    result = _run(pytester, source)
    result.assert_outcomes(passed=1)


def test_a_project_without_hypothesis_keeps_the_fixtures(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    shadow = pytester.mkdir("shadow") / "hypothesis"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("raise ImportError('hypothesis is not installed')\n")
    source = """
        import sys

        import pytest


        def test_fixtures(compagnonnage_plugin_manager, compagnonnage_converter, compagnonnage_example):
            assert compagnonnage_plugin_manager.check(compagnonnage_example).ok
            assert "hypothesis" not in sys.modules
            with pytest.raises(ImportError):
                import hypothesis  # noqa: F401
        """
    monkeypatch.setenv("PYTHONPATH", str(shadow.parent))
    result = _run(pytester, source, "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)
