"""The downstream application's own tests: the testing kit with hypothesis' decorators.

Checked with ``mypy --strict`` (hypothesis types its decorators with ``Any``,
so ``--disallow-any-expr`` applies to ``registry_app.py`` only).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis.stateful import invariant
from registry_app import RegistryMachine

from compagnonnage.lifecycle import next_step
from compagnonnage.model import Modality, Programme, Stage
from compagnonnage.plugins import PluginManager
from compagnonnage.testing.strategies import programmes


@given(programmes())
def test_every_generated_programme_has_a_next_step_or_is_closed(programme: Programme) -> None:
    step = next_step(programme)
    assert (step is None) == (programme.stage is Stage.CLOSED)


def test_the_fixtures_give_a_manager_and_the_example(
    compagnonnage_plugin_manager: PluginManager, compagnonnage_example: Programme
) -> None:
    report = compagnonnage_plugin_manager.check(compagnonnage_example)
    assert report.ok


class CheckedMachine(RegistryMachine):
    @invariant()
    def modalities_are_members(self) -> None:
        if self.programme is not None:
            for action in self.programme.accompaniment.actions:
                assert action.modality is None or isinstance(action.modality, Modality)


TestCheckedMachine = CheckedMachine.TestCase
