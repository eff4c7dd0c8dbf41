"""Diagnostic modules, pure scoring of answers, and the built-in consular-chamber module.

A :class:`DiagnosticModule` names capacity dimensions on an ordinal scale (1–4 by
default, with a description per level in French and English) and typed
questions. :func:`score` turns the answers of several respondents into a
:class:`DiagnosticResult`: per-dimension levels with their evidence, per-group
levels, divergence, gaps to the desired levels, capacity scores for the model
and suggested findings. :func:`select_modules` picks the modules that fit a body
and a programme's scope. Plugins add modules through the
``compagnonnage_register_modules`` hook; the core registers
:data:`CONSULAR_CHAMBER_MODULE` through the same hook. :class:`CollectedAnswers`
is what a field diagnostic collected: respondents and their answers by module.
"""

from typing import TYPE_CHECKING

from compagnonnage._i18n import (
    Text as Text,  # re-exported for plugins; documented in compagnonnage.i18n
)
from compagnonnage.diagnostics._builtin import CONSULAR_CHAMBER_MODULE
from compagnonnage.diagnostics._kinds import QUESTION_KINDS
from compagnonnage.diagnostics._module import (
    AnswerValue,
    Choice,
    ChoiceQuestion,
    DiagnosticModule,
    Dimension,
    NumberQuestion,
    Question,
    Remedy,
    Scale,
    TextQuestion,
    YesNoQuestion,
)
from compagnonnage.diagnostics._multiple import Combine, MultipleChoiceQuestion
from compagnonnage.diagnostics._select import BUILTIN_MODULE_ID, finding_keys, select_modules

if TYPE_CHECKING:
    from compagnonnage.diagnostics._collected import (
        CollectedAnswers,
        GivenAnswer,
        RespondentAnswers,
    )
    from compagnonnage.diagnostics._scoring import (
        DIVERGENCE,
        Answer,
        DiagnosticResult,
        DimensionResult,
        Evidence,
        QuestionKindError,
        Respondent,
        RespondentGroup,
        SuggestedFindings,
        finding_id,
        score,
    )

# Scoring is imported on first use: loading plugins (which register modules) needs none of it.
_SCORING = frozenset(
    {
        "DIVERGENCE",
        "Answer",
        "DiagnosticResult",
        "DimensionResult",
        "Evidence",
        "QuestionKindError",
        "Respondent",
        "RespondentGroup",
        "SuggestedFindings",
        "finding_id",
        "score",
    }
)


# The collected answers too: they are built on scoring's answers and respondents.
_COLLECTED = frozenset({"CollectedAnswers", "GivenAnswer", "RespondentAnswers"})


def __getattr__(name: str) -> object:
    if name in _SCORING:
        from compagnonnage.diagnostics import _scoring

        return getattr(_scoring, name)
    if name in _COLLECTED:
        from compagnonnage.diagnostics import _collected

        return getattr(_collected, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names too, those imported on first use (for ``dir()``, autodoc, completion)."""
    return sorted({*globals(), *__all__})


__all__ = [
    "BUILTIN_MODULE_ID",
    "CONSULAR_CHAMBER_MODULE",
    "DIVERGENCE",
    "QUESTION_KINDS",
    "Answer",
    "AnswerValue",
    "Choice",
    "ChoiceQuestion",
    "CollectedAnswers",
    "Combine",
    "DiagnosticModule",
    "DiagnosticResult",
    "Dimension",
    "DimensionResult",
    "Evidence",
    "GivenAnswer",
    "MultipleChoiceQuestion",
    "NumberQuestion",
    "Question",
    "QuestionKindError",
    "Remedy",
    "Respondent",
    "RespondentAnswers",
    "RespondentGroup",
    "Scale",
    "SuggestedFindings",
    "TextQuestion",
    "YesNoQuestion",
    "finding_id",
    "finding_keys",
    "score",
    "select_modules",
]
