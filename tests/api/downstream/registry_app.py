# mypy: disallow-any-expr
"""A downstream application, type-checked by ``tests/api/test_downstream_types.py``.

It is never imported by the test suite: ``mypy --strict --disallow-any-expr``
reads it, so that no ``Any`` from the library reaches code like this. It uses
every public entry point: the model, the lifecycle and ``next_step``, the
rules, documents, the plugin façade, the errors and the testing kit (whose
hypothesis decorators, typed with ``Any`` by hypothesis itself, are in
``registry_tests.py``, checked with ``--strict`` alone).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis.strategies import SearchStrategy, from_type

import compagnonnage
from compagnonnage import lifecycle
from compagnonnage.documents import DocumentError, dumps, json_schema, load, loads
from compagnonnage.errors import (
    CompagnonnageError,
    InvalidValueError,
    LifecycleMisuse,
    TransitionRefused,
    UnknownReferenceError,
)
from compagnonnage.example import togo_programme
from compagnonnage.lifecycle import Lifecycle, NextStep, next_step
from compagnonnage.model import (
    Approval,
    Deliverable,
    MethodToolkit,
    Programme,
    RegionRef,
    TermsOfReference,
    WorkProgramme,
)
from compagnonnage.plugins import PluginManager, get_plugin_manager
from compagnonnage.rules import Report, Subject, Violation, check
from compagnonnage.testing.machine import ProgrammeMachine
from compagnonnage.testing.strategies import programmes, stages

AT = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)


def save_and_reload(programme: Programme, folder: Path) -> Programme:
    text: str = dumps(programme)
    again: Programme = loads(text)
    path = folder / f"{programme.id}.json"
    path.write_text(text, encoding="utf-8")
    from_file = load(path)
    region = loads(dumps(RegionRef.parse("SN-DK")), cls=RegionRef)
    assert region.subdivision == "SN-DK"
    assert again == from_file
    return from_file


def record_all(programme: Programme, deliverables: list[Deliverable]) -> Programme:
    for deliverable in deliverables:
        programme = lifecycle.record_deliverable(programme, deliverable, by="cma-durand", at=AT)
    return programme


def preparation_deliverables(authors: tuple[str, ...]) -> list[Deliverable]:
    approval = Approval(on=dt.date(2030, 1, 1), by="ucrm-sg")
    return [
        TermsOfReference(title="Termes", author_ids=authors, approval=approval),
        MethodToolkit(title="Outils", author_ids=authors, approval=approval),
        WorkProgramme(title="Programme", author_ids=authors, approval=approval),
    ]


def what_blocks(programme: Programme, manager: PluginManager) -> list[str]:
    step: NextStep | None = manager.lifecycle().next_step(programme)
    if step is None:
        return []
    titles = {rule.code: rule.title("fr") for rule in step.blocking_rules}
    lines = [f"{step.operation.value} → {step.stage.label('en')}"]
    for violation in step.blocked_by:
        subjects = ", ".join(f"{s.kind}:{s.id}" for s in violation.subjects)
        lines.append(f"{violation.code} ({titles.get(violation.code)}) {subjects}")
    core_step = next_step(programme, rules=manager.rules(), context=manager.rule_context())
    assert core_step is None or core_step.operation is step.operation
    return lines


def explain(error: CompagnonnageError) -> str:
    if isinstance(error, TransitionRefused):
        first: Violation = error.violations[0]
        return f"{error.operation} {error.programme_id} {first.code}"
    if isinstance(error, LifecycleMisuse):
        return f"{error.code} {error.operation} {error.argument} {error.expected('en')}"
    if isinstance(error, InvalidValueError):
        hint = error.hint("fr") if error.hint is not None else ""
        return f"{error.owner}.{error.field} {error.expected('fr')} {error.got} {hint}"
    if isinstance(error, UnknownReferenceError):
        return f"{error.kind} {error.ident} {error.programme_id}"
    if isinstance(error, DocumentError):
        return "\n".join(p.path for p in error.problems)
    return error.message("fr")


def drive(programme: Programme) -> Programme:
    manager = get_plugin_manager(entry_points=False)
    report: Report = manager.check(programme)
    labelled: list[Subject] = [s for v in report for s in v.subjects]
    assert all(isinstance(s.kind, str) for s in labelled)
    guarded = Lifecycle(rules=manager.rules(), context=manager.rule_context())
    try:
        return guarded.close(programme, by="cma-durand", at=AT)
    except CompagnonnageError as error:
        print(explain(error), what_blocks(programme, manager))
        return programme


def schema_keys() -> list[str]:
    schema: dict[str, object] = json_schema()
    return sorted(schema)


def core_report(programme: Programme) -> bool:
    return check(programme).ok and compagnonnage.check(programme).ok


def generated() -> SearchStrategy[Programme]:
    return programmes(stage=stages(), max_actions=2) | from_type(Programme)


class RegistryMachine(ProgrammeMachine):
    """The library's state machine, mirroring every programme into the registry."""

    def __init__(self) -> None:
        super().__init__()
        self.saved: list[Programme] = []

    def applied(self, programme: Programme) -> None:
        self.saved.append(programme)


TestRegistryMachine = RegistryMachine.TestCase


def main() -> None:
    programme = togo_programme()
    drive(programme)
    print(schema_keys(), core_report(programme))
