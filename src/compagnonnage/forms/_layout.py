"""The names a module's form gives its fields and choices: one layout, for writing and reading.

XLSForm names must survive every export: ``^[A-Za-z][A-Za-z0-9_]{0,31}$``, unique
form-wide. ODK Central joins group paths with ``-`` and KoboToolbox with ``/``;
neither character can occur in a name, so the last segment of any export
column is the field's name, with or without group paths. A name never starts
with ``_``: KoboToolbox's own metadata columns do.

The layout is a pure function of the module, so an export is read back with
the layout of the module it answers, without anything stored in the form.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from attrs import frozen

from compagnonnage.diagnostics import (
    ChoiceQuestion,
    DiagnosticModule,
    MultipleChoiceQuestion,
    Question,
)

MAX_NAME = 32
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")

# Fields every form opens with, in this order.
RESPONDENT_ID = "respondent_id"
RESPONDENT_GROUP = "respondent_group"
MODULE_ID = "module_id"
MODULE_VERSION = "module_version"
PROGRAMME_ID = "programme_id"
YES_NO = "yes_no"
# Fields ODK and KoboToolbox may add to a form by themselves (metadata).
METADATA = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "phonenumber",
        "username",
        "email",
        "simserial",
        "subscriberid",
        "audit",
        "meta",
        "instanceID",
    }
)
_RESERVED = (RESPONDENT_ID, RESPONDENT_GROUP, MODULE_ID, MODULE_VERSION, PROGRAMME_ID, *METADATA)


class _Names:
    """Names allocated in one namespace: readable when possible, unique always."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self.taken: set[str] = set(reserved)

    def allocate(self, wanted: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_]", "_", wanted)
        if not base[:1].isascii() or not base[:1].isalpha():
            base = "q" + base
        name = base
        if len(name) > MAX_NAME or name in self.taken:
            digest = hashlib.sha1(wanted.encode("utf-8")).hexdigest()
            name = f"{base[: MAX_NAME - 7]}_{digest[:6]}"
            n = 1
            while name in self.taken:  # a clash of truncated names and digests
                name = f"{base[: MAX_NAME - 10]}_{digest[:6]}{n:03d}"
                n += 1
        self.taken.add(name)
        return name


@frozen
class Layout:
    """Every name of a module's form.

    :ivar form_id: the form's id (the module id, as a name).
    :ivar groups: the group of each dimension, by dimension id.
    :ivar questions: the field of each question, by question id.
    :ivar notes: the evidence-note field of each question, by question id.
    :ivar desired: the desired-level field of each dimension, by dimension id.
    :ivar lists: the choice list of each choice and multiple-choice question, by question id.
    :ivar levels: the choice list of each dimension's levels, by dimension id.
    :ivar choices: the choice names of each choice question, by question id then choice id.
    """

    module: DiagnosticModule
    form_id: str
    groups: Mapping[str, str]
    questions: Mapping[str, str]
    notes: Mapping[str, str]
    desired: Mapping[str, str]
    lists: Mapping[str, str]
    levels: Mapping[str, str]
    choices: Mapping[str, Mapping[str, str]]

    def questions_of(self, dimension_id: str) -> tuple[Question, ...]:
        """The questions of one dimension, in the module's order."""
        return tuple(q for q in self.module.questions if q.dimension_id == dimension_id)


def layout(module: DiagnosticModule) -> Layout:
    """The names of ``module``'s form (the same every time for the same module)."""
    fields = _Names(_RESERVED)
    lists = _Names((YES_NO, RESPONDENT_GROUP))
    groups = {d.id: fields.allocate(f"g_{d.id}") for d in module.dimensions}
    questions = {q.id: fields.allocate(q.id) for q in module.questions}
    notes = {q.id: fields.allocate(f"{q.id}_note") for q in module.questions}
    desired = {d.id: fields.allocate(f"{d.id}_desired") for d in module.dimensions}
    choice_lists: dict[str, str] = {}
    choices: dict[str, dict[str, str]] = {}
    for q in module.questions:
        if isinstance(q, ChoiceQuestion | MultipleChoiceQuestion):
            choice_lists[q.id] = lists.allocate(q.id)
            names = _Names()
            choices[q.id] = {c.id: names.allocate(c.id) for c in q.choices}
    levels = {d.id: lists.allocate(f"{d.id}_levels") for d in module.dimensions}
    return Layout(
        module=module,
        form_id=_Names().allocate(module.id),
        groups=groups,
        questions=questions,
        notes=notes,
        desired=desired,
        lists=choice_lists,
        levels=levels,
        choices=choices,
    )
