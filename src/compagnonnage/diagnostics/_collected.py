"""Collected answers: what the respondents of a field diagnostic answered, module by module.

The one answers document of the library (``{"answers": {...}, "schema_version": N}``)
holds a :class:`CollectedAnswers`: ``diagnose`` reads it, ``demo`` and
``answers import`` write it. Respondents keep their order; each lists its
answers by module id, in the order given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage.diagnostics._module import AnswerValue
from compagnonnage.diagnostics._scoring import Answer, Respondent, RespondentGroup, _value


def _answers_by_module(value: Mapping[str, Iterable[GivenAnswer]]) -> Mapping[str, Any]:
    return MappingProxyType({k: tuple(items) for k, items in dict(value).items()})


def _levels_by_module(value: Mapping[str, Mapping[str, int]]) -> Mapping[str, Any]:
    return MappingProxyType({k: MappingProxyType(dict(m)) for k, m in dict(value).items()})


def _respondents(value: Iterable[RespondentAnswers]) -> tuple[RespondentAnswers, ...]:
    return tuple(value)


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@frozen(kw_only=True)
class GivenAnswer:
    """One answer of a respondent: the question, the value, and an optional note (the evidence)."""

    question: str = field(validator=v.identifier)
    """Id of the question answered, in the module."""
    value: AnswerValue = field(validator=_value)
    """The answer: yes/no, a number, a choice id or a text, as the question asks."""
    note: str | None = field(default=None, validator=v.optional_text)
    """What the answer rests on (a document, a figure), if said."""


@frozen(kw_only=True)
class RespondentAnswers:
    """A respondent, their group, and their answers by module id."""

    id: str = field(validator=v.identifier)
    """Id of who answered."""
    group: RespondentGroup = field(validator=v.member_of(RespondentGroup))
    """The group they answered for."""
    answers: Mapping[str, tuple[GivenAnswer, ...]] = field(
        factory=dict, converter=_answers_by_module
    )
    """Their answers by module id, in the order given."""


@frozen(kw_only=True)
class CollectedAnswers:
    """The answers collected for a diagnostic, and the levels the body aims at."""

    respondents: tuple[RespondentAnswers, ...] = field(
        default=(), converter=_respondents, validator=v.tuple_of(RespondentAnswers)
    )
    """Who answered, and what, by module id, in order."""
    desired: Mapping[str, Mapping[str, int]] = field(factory=dict, converter=_levels_by_module)
    """The desired level by module id and dimension id."""
    versions: Mapping[str, str] = field(factory=dict, converter=_texts)
    """The version of each module the answers were collected with (a form stamps it);
    ``diagnose`` refuses answers to another version."""
    programme_id: str | None = field(default=None, validator=v.optional_identifier)
    """The programme the answers were collected for, when a form says so."""

    @classmethod
    def of(
        cls,
        answers: Mapping[str, Iterable[Answer]],
        *,
        desired: Mapping[str, Mapping[str, int]] | None = None,
        versions: Mapping[str, str] | None = None,
        programme_id: str | None = None,
    ) -> CollectedAnswers:
        """Collected answers from :class:`Answer` objects by module id, respondents in order of appearance."""
        sheets: dict[str, tuple[RespondentGroup, dict[str, list[GivenAnswer]]]] = {}
        for module_id, items in answers.items():
            for a in items:
                _, by_module = sheets.setdefault(a.respondent.id, (a.respondent.group, {}))
                by_module.setdefault(module_id, []).append(
                    GivenAnswer(question=a.question_id, value=a.value, note=a.note)
                )
        return cls(
            respondents=tuple(
                RespondentAnswers(id=ident, group=group, answers=by_module)
                for ident, (group, by_module) in sheets.items()
            ),
            desired=desired or {},
            versions=versions or {},
            programme_id=programme_id,
        )

    @property
    def module_ids(self) -> tuple[str, ...]:
        """Every module answered, in order of first appearance."""
        found = dict.fromkeys(m for r in self.respondents for m in r.answers)
        return tuple(found)

    def answers(self, module_id: str) -> tuple[Answer, ...]:
        """Every answer to module ``module_id``, respondent by respondent, as :func:`score` takes them."""
        return tuple(
            Answer(
                respondent=Respondent(id=r.id, group=r.group),
                question_id=a.question,
                value=a.value,
                note=a.note,
            )
            for r in self.respondents
            for a in r.answers.get(module_id, ())
        )
