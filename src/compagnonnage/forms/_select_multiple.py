"""Multiple-choice questions in forms: the ``select_multiple`` row, and its values read back.

An export gives a ``select_multiple`` answer in one of two layouts, or both:

* one column holding the names of the ticked choices, separated by spaces
  (``ter_services`` = ``register card``), as ODK Central, its OData JSON and
  KoboToolbox all write by default;
* one column per choice, named ``<question>/<choice>`` after the question's
  column (``g_services-ter_services/card`` in ODK Central, ``g_services/
  ter_services/card`` in KoboToolbox), holding ``1`` when ticked and ``0``
  when not (Kobo may write ``True``/``False``), as both write when asked to
  split select-multiple questions into columns.

:func:`joined` turns the split columns of a submission back into the one
column, so that both layouts read to the same answer; where both are there
they must agree.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import Message, _
from compagnonnage.diagnostics import MultipleChoiceQuestion
from compagnonnage.errors import InvalidValueError
from compagnonnage.forms._layout import Layout

if TYPE_CHECKING:
    from compagnonnage.forms._errors import ExportProblem
    from compagnonnage.forms._shapes import _Submission

_TICKED = {"1": True, "true": True, "0": False, "false": False}


def exclusive_constraint(question: MultipleChoiceQuestion, names: Layout) -> str:
    """The XLSForm constraint that each exclusive choice of ``question`` is ticked alone."""
    alone = [
        names.choices[question.id][c.id] for c in question.choices if c.id in question.exclusive
    ]
    return " and ".join(f"not(selected(., '{name}') and count-selected(.) > 1)" for name in alone)


EXCLUSIVE_MESSAGE = _("This choice is ticked alone")
"""The constraint message of a question with an exclusive choice."""


def value(
    question: MultipleChoiceQuestion, names: Layout, raw: Any
) -> tuple[str | None, Message | None]:
    """The answer (choice ids, space-separated) that choice names ``raw`` stand for, or what was expected."""
    by_name = {name: ident for ident, name in names.choices[question.id].items()}
    given = raw.split() if isinstance(raw, str) else []
    if not given or any(name not in by_name for name in given):
        listed = ", ".join(by_name)
        return None, _("choice names among {listed}, separated by spaces", listed=listed)
    try:
        return question.answer(*(by_name[name] for name in given)), None
    except InvalidValueError as exc:
        if not isinstance(exc.expected, Message):  # pragma: no cover - chosen() says a Message
            raise
        return None, exc.expected


def _pairs(names: Layout) -> frozenset[tuple[str, str]]:
    """``(question field, choice name)`` of every choice of a multiple-choice question."""
    return frozenset(
        (names.questions[q.id], choice_name)
        for q in names.module.questions
        if isinstance(q, MultipleChoiceQuestion)
        for choice_name in names.choices[q.id].values()
    )


def _ticked(raw: Any) -> bool | None:
    """``True``/``False`` for a split column's cell, ``None`` when blank; raises ``KeyError`` else."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or (isinstance(raw, int) and raw in (0, 1)):
        return bool(raw)
    if isinstance(raw, str):
        return _TICKED[raw.strip().lower()]
    raise KeyError(raw)


def joined(sub: _Submission, names: Layout, problems: list[ExportProblem]) -> dict[str, Any]:
    """The submission's cells with every split select-multiple column joined into its question's."""
    pairs = _pairs(names)
    if not pairs:
        return sub.cells
    cells: dict[str, Any] = {}
    ticks: dict[str, dict[str, bool | None]] = {}  # question column → choice name → ticked
    for column, raw in sub.cells.items():
        head, slash, choice_name = column.rpartition("/")
        if not slash or (re.split(r"[-/]", head)[-1], choice_name) not in pairs:
            cells[column] = raw
            continue
        try:
            ticks.setdefault(head, {})[choice_name] = _ticked(raw)
        except KeyError:
            got = json.dumps(raw, ensure_ascii=False)
            problems.append(
                sub.problem(column, _("expected 1 (ticked) or 0 (not ticked), got {got}", got=got))
            )
    for column, by_choice in ticks.items():
        ticked = [name for name, yes in by_choice.items() if yes]
        existing = cells.get(column)
        if existing is None or (isinstance(existing, str) and not existing.strip()):
            cells[column] = " ".join(ticked)
        elif isinstance(existing, str) and set(existing.split()) != set(ticked):
            problems.append(
                sub.problem(
                    column,
                    _(
                        "the split columns tick {split}, the column itself {joined}",
                        split=" ".join(ticked) or "-",
                        joined=existing.strip(),
                    ),
                )
            )
        # else the column itself stands, and is read (and checked) as the answer
    return cells
