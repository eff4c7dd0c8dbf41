"""Answers documents checked against the diagnostic modules they answer.

Reading an answers document (``load(path, cls=CollectedAnswers)``) checks its
shape like any document; :func:`answers_problems` then checks what only the
modules know, every problem located by its JSONPath: an unknown module,
question or dimension, a value that does not fit its question, a desired
level off the scale, a respondent listed twice, an answer repeated, answers
to another version of a module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from compagnonnage._i18n import _
from compagnonnage.diagnostics import CollectedAnswers, DiagnosticModule
from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._io import load
from compagnonnage.documents._problems import DocumentError, Problem, _key, _show
from compagnonnage.errors import InvalidValueError

_ROOT = "$.answers"

# What the built-in question kinds expect (in English), as a document says it; any other
# kind (a choice, a plugin's kind) keeps its own words.
_EXPECTED = {
    "True (yes) or False (no)": _("true (yes) or false (no)"),
    "a number": _("a number"),
    "a finite number": _("a finite number"),
    "a non-empty text": _("a non-empty text"),
}


def _misfit(path: str, err: InvalidValueError, value: object) -> Problem:
    """An answer that does not fit its question, in the words of a document."""
    expected = _EXPECTED.get(str(err.expected), err.expected)
    return Problem(path, _("expected {expected}, got {got}", expected=expected, got=_show(value)))


def _known(known: Iterable[str]) -> str:
    return ", ".join(sorted(known)) or "—"


def _unknown_module(path: str, known: Iterable[str]) -> Problem:
    return Problem(path, _("unknown module (known: {known})", known=_known(known)))


def _module(
    by_id: dict[str, DiagnosticModule], module_id: str, path: str, problems: list[Problem]
) -> DiagnosticModule | None:
    module = by_id.get(module_id)
    if module is None:
        problems.append(_unknown_module(path, by_id))
    return module


def answers_problems(
    collected: CollectedAnswers, modules: Iterable[DiagnosticModule]
) -> list[Problem]:
    """Every problem of ``collected`` against ``modules``, each with its JSONPath.

    An empty list means :func:`~compagnonnage.diagnostics.score` accepts the
    answers of every module ``collected`` names.
    """
    by_id = {m.id: m for m in modules}
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for i, respondent in enumerate(collected.respondents):
        path = f"{_ROOT}.respondents[{i}]"
        if respondent.id in first_seen:
            k = first_seen[respondent.id]
            problems.append(
                Problem(
                    f"{path}.id", _("respondent already listed at respondents[{index}]", index=k)
                )
            )
        first_seen.setdefault(respondent.id, i)
        for module_id, given in respondent.answers.items():
            where = _key(f"{path}.answers", module_id)
            module = _module(by_id, module_id, where, problems)
            if module is None:
                continue
            questions = {q.id: q for q in module.questions}
            answered: set[str] = set()
            for j, answer in enumerate(given):
                item = f"{where}[{j}]"
                question = questions.get(answer.question)
                if question is None:
                    text = _("unknown question (known: {known})", known=_known(questions))
                    problems.append(Problem(f"{item}.question", text))
                    continue
                if answer.question in answered:
                    text = _("question already answered by this respondent")
                    problems.append(Problem(f"{item}.question", text))
                answered.add(answer.question)
                try:
                    question.level_of(answer.value, module.scale)
                except InvalidValueError as err:
                    problems.append(_misfit(f"{item}.value", err, answer.value))
                except Exception:  # the question kind's own code failed, not the answer:
                    continue  # scoring reports it, naming the plugin (the plugin boundary)
    for module_id, levels in collected.desired.items():
        where = _key(f"{_ROOT}.desired", module_id)
        module = _module(by_id, module_id, where, problems)
        if module is None:
            continue
        dimensions = {d.id for d in module.dimensions}
        scale = module.scale
        for dimension_id, level in levels.items():
            at = _key(where, dimension_id)
            if dimension_id not in dimensions:
                text = _("unknown dimension (known: {known})", known=_known(dimensions))
                problems.append(Problem(at, text))
            elif level not in scale:
                text = _(
                    "expected a level from {low} to {high}, got {level}",
                    low=scale.low,
                    high=scale.high,
                    level=level,
                )
                problems.append(Problem(at, text))
    for module_id, version in collected.versions.items():
        module = _module(by_id, module_id, _key(f"{_ROOT}.versions", module_id), problems)
        if module is not None and version != module.version:
            text = _(
                "answers to version {version} of the module; the installed version is {installed}",
                version=version,
                installed=module.version,
            )
            problems.append(Problem(_key(f"{_ROOT}.versions", module_id), text))
    return problems


def load_answers(
    path: str | os.PathLike[str],
    modules: Iterable[DiagnosticModule],
    *,
    converter: DocumentConverter | None = None,
) -> CollectedAnswers:
    """Read the answers document at ``path`` and check it against ``modules``.

    The file is read as every document is (same limits, same errors); then
    :func:`answers_problems` must find nothing.

    :raises DocumentError: with every problem, naming the file.
    :raises OSError: when the file cannot be read.
    """
    collected = load(path, cls=CollectedAnswers, converter=converter)
    problems = answers_problems(collected, modules)
    if problems:
        raise DocumentError(problems, os.fspath(path))
    return collected
