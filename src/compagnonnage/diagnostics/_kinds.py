"""The built-in question kinds: those of :mod:`._module` and multiple choice, built on them."""

from __future__ import annotations

from compagnonnage.diagnostics._module import (
    ChoiceQuestion,
    NumberQuestion,
    Question,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.diagnostics._multiple import MultipleChoiceQuestion

QUESTION_KINDS: tuple[type[Question], ...] = (
    YesNoQuestion,
    ChoiceQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    TextQuestion,
)
"""The built-in question kinds, by tag: ``yes_no``, ``choice``, ``multiple_choice``, ``number``, ``text``."""
