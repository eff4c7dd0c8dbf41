"""Scoring: answers from several respondents → levels per dimension, with the evidence kept.

Scoring is a pure function. Each respondent's level on a dimension is the lower
median of the levels their answers stand for; a group's level and the dimension's
level are the lower medians of their respondents' levels, so every level lies on
the module's scale and a unanimous answer stays unanimous however many agree.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Lang, _, enum_label
from compagnonnage.diagnostics._module import (
    AnswerValue,
    DiagnosticModule,
    Dimension,
    Question,
    Scale,
)
from compagnonnage.errors import CompagnonnageError, InvalidValueError
from compagnonnage.model import (
    CapacityScore,
    GoodPractice,
    Horizon,
    IssueSeverity,
    MajorIssue,
    Priority,
    Recommendation,
    RegionRef,
    TradeRef,
)


def _read_only(mapping: Mapping[Any, int]) -> Mapping[Any, int]:
    return MappingProxyType(dict(mapping))


DIVERGENCE = 2
"""Respondents diverge on a dimension when their levels lie this far apart or more."""


class RespondentGroup(enum.Enum):
    """Who answered: groups are scored apart so their views can be compared."""

    ELECTED_OFFICIALS = "elected_officials"
    STAFF = "staff"
    CONSTITUENTS = "constituents"
    PARTNERS = "partners"


_VALUE_TYPES = (bool, int, float, Decimal, str)


def _value(instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, _VALUE_TYPES):
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a bool, a number or a text"),
            value,
        )


@frozen(kw_only=True)
class Respondent:
    """A person who answered the questionnaire, and the group they belong to."""

    id: str = field(validator=v.identifier)
    """The respondent's id: one of the body's people, or any id for outsiders."""
    group: RespondentGroup = field(validator=v.member_of(RespondentGroup))
    """The group the respondent answers for."""


@frozen(kw_only=True)
class Answer:
    """One respondent's answer to one question, with an optional note (the evidence)."""

    respondent: Respondent = field(validator=v.instance_of(Respondent))
    """Who answered."""
    question_id: str = field(validator=v.identifier)
    """Id of the question answered, in the module."""
    value: AnswerValue = field(validator=_value)
    """The answer: yes/no, a number, a choice id or a text, as the question asks."""
    note: str | None = field(default=None, validator=v.optional_text)
    """What the answer rests on (a document, a figure), if said."""


@frozen(kw_only=True)
class Evidence:
    """An answer as it counted for a dimension: who, which question, what, which level."""

    respondent_id: str
    """Id of who answered."""
    group: RespondentGroup
    """The group they answered for."""
    question_id: str
    """Id of the question."""
    value: AnswerValue
    """The answer given."""
    level: int | None
    """The level it stood for, or ``None`` for evidence only."""
    note: str | None = None
    """The respondent's note, if any."""

    def __str__(self) -> str:
        level = "evidence" if self.level is None else f"level {self.level}"
        note = f": {self.note}" if self.note else ""
        return f"{self.group.value}/{self.respondent_id} {self.question_id}={self.value!r} ({level}){note}"


@frozen(kw_only=True)
class DimensionResult:
    """A dimension's levels: overall, per group and per respondent, with all the evidence.

    ``level`` is ``None`` when nobody answered a question that gives a level.
    """

    module_id: str
    """Id of the module scored."""
    dimension: Dimension
    """The dimension this result is for."""
    scale: Scale
    """The module's scale."""
    level: int | None
    """The overall level, or ``None`` when no answer gave one."""
    by_group: Mapping[RespondentGroup, int] = field(converter=_read_only)
    """The level of each group of respondents that gave one."""
    by_respondent: Mapping[str, int] = field(converter=_read_only)
    """The level of each respondent that gave one, by respondent id."""
    evidence: tuple[Evidence, ...]
    """Every answer that counted, in the order given."""
    desired: int | None = None
    """The level the body aims at, if given."""

    @property
    def divergence(self) -> int:
        """The spread between the highest and lowest respondent levels (0 with one respondent)."""
        levels = self.by_respondent.values()
        return max(levels) - min(levels) if levels else 0

    @property
    def divergent(self) -> bool:
        """Whether respondents lie :data:`DIVERGENCE` levels apart or more."""
        return self.divergence >= DIVERGENCE

    @property
    def gap(self) -> int | None:
        """``desired - level`` when both are known."""
        if self.desired is None or self.level is None:
            return None
        return self.desired - self.level

    def to_score(self) -> CapacityScore | None:
        """The :class:`~compagnonnage.model.CapacityScore` to record (``None`` without a level)."""
        if self.level is None:
            return None
        return CapacityScore(
            module_id=self.module_id,
            dimension_id=self.dimension.id,
            level=self.level,
            desired=self.desired,
            evidence=tuple(str(e) for e in self.evidence),
        )


@frozen(kw_only=True)
class SuggestedFindings:
    """Findings the scores suggest; the experts decide which to record."""

    issues: tuple[MajorIssue, ...] = ()
    """Major issues the weak dimensions suggest."""
    practices: tuple[GoodPractice, ...] = ()
    """Good practices the strong dimensions suggest."""
    recommendations: tuple[Recommendation, ...] = ()
    """Recommendations for the gaps, citing the issues."""


def finding_id(module_id: str, dimension_id: str, kind: str) -> str:
    """The id of a suggested finding: ``"<module>/<dimension>/<kind>"``.

    ``kind`` is ``issue``, ``divergence``, ``practice`` or ``recommendation``;
    recommending support reads the module and dimension back from cited ids.
    """
    return f"{module_id}/{dimension_id}/{kind}"


def _horizon(gap: int | None) -> Horizon:
    if gap is None or gap <= 1:
        return Horizon.SHORT
    return Horizon.MEDIUM if gap == 2 else Horizon.LONG


@frozen(kw_only=True)
class DiagnosticResult:
    """The result of scoring one module: one :class:`DimensionResult` per dimension."""

    module_id: str
    """Id of the module scored."""
    module_version: str
    """Version of the module scored."""
    dimensions: tuple[DimensionResult, ...]
    """One result per dimension of the module, in its order."""

    def __getitem__(self, dimension_id: str) -> DimensionResult:
        for d in self.dimensions:
            if d.dimension.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    def scores(self) -> tuple[CapacityScore, ...]:
        """The capacity scores of every dimension that has a level."""
        return tuple(s for d in self.dimensions if (s := d.to_score()) is not None)

    def findings(
        self, lang: Lang = "fr", *, trade: TradeRef | None = None, region: RegionRef | None = None
    ) -> SuggestedFindings:
        """Suggested findings, worded in ``lang`` and keyed to ``trade`` and ``region``.

        * a dimension at the bottom of the scale → a major issue (critical when
          every group puts it there, high otherwise) and a high-priority
          recommendation citing it, whose horizon grows with the gap;
        * respondents :attr:`~DimensionResult.divergent` → a moderate major issue;
        * a dimension at the top of the scale → a good practice.
        """
        issues: list[MajorIssue] = []
        practices: list[GoodPractice] = []
        recommendations: list[Recommendation] = []
        keys: dict[str, Any] = {"trade": trade, "region": region}
        for d in self.dimensions:
            dim, title = d.dimension, d.dimension.title(lang)
            ident = dim.id
            if d.level == d.scale.low:
                unanimous = len(d.by_group) > 1 and set(d.by_group.values()) == {d.scale.low}
                issue = MajorIssue(
                    id=finding_id(self.module_id, ident, "issue"),
                    statement=f"{title} — {dim.levels[0](lang)}",
                    severity=IssueSeverity.CRITICAL if unanimous else IssueSeverity.HIGH,
                    **keys,
                )
                issues.append(issue)
                aim = max(d.desired or d.scale.low, d.scale.low + 1)
                target = dim.levels[aim - d.scale.low]
                recommendations.append(
                    Recommendation(
                        id=finding_id(self.module_id, ident, "recommendation"),
                        statement=_(
                            "{dimension} — Aim for: {level}", dimension=dim.title, level=target
                        )(lang),
                        cites=(issue.id,),
                        priority=Priority.HIGH,
                        horizon=_horizon(d.gap),
                        **keys,
                    )
                )
            if d.divergent:
                low, high = min(d.by_respondent.values()), max(d.by_respondent.values())
                groups = ", ".join(f"{enum_label(g, lang)} {lvl}" for g, lvl in d.by_group.items())
                statement = _(
                    "{dimension} — respondents diverge (levels {low} to {high}; {groups})",
                    dimension=dim.title,
                    low=low,
                    high=high,
                    groups=groups,
                )(lang)
                issues.append(
                    MajorIssue(
                        id=finding_id(self.module_id, ident, "divergence"),
                        statement=statement,
                        severity=IssueSeverity.MODERATE,
                        **keys,
                    )
                )
            if d.level == d.scale.high:
                practices.append(
                    GoodPractice(
                        id=finding_id(self.module_id, ident, "practice"),
                        statement=f"{title} — {dim.levels[-1](lang)}",
                        **keys,
                    )
                )
        return SuggestedFindings(
            issues=tuple(issues), practices=tuple(practices), recommendations=tuple(recommendations)
        )


def _median(levels: Iterable[int]) -> int:
    """The lower median: a level that was given, so it lies on the scale."""
    ordered = sorted(levels)
    return ordered[(len(ordered) - 1) // 2]


class QuestionKindError(CompagnonnageError):
    """A question kind's own ``level_of`` raised something else than :class:`InvalidValueError`.

    The code of a plugin's question kind, not the answer, is at fault; chained
    from what it raised. The plugin manager names the plugin
    (:meth:`PluginManager.score <compagnonnage.plugins.PluginManager.score>`).

    :ivar module_id: the module being scored.
    :ivar question_id: the question whose answer was being read.
    :ivar kind: the question's ``KIND`` tag.
    :ivar function: what was called (``"LikertQuestion.level_of"``).
    :ivar raised: what it raised: the exception's class and text
        (``"KeyError: 'x'"``), the exception itself being the ``__cause__``.
    """

    def __init__(self, module_id: str, question: Question, exc: Exception) -> None:
        self.module_id = module_id
        self.question_id = question.id
        self.kind = question.KIND
        self.function = f"{type(question).__qualname__}.level_of"
        self.raised = f"{type(exc).__name__}: {exc}"
        super().__init__(
            _(
                "{function} (question {question} of module {module}) raised {exception}",
                function=self.function,
                question=repr(self.question_id),
                module=repr(self.module_id),
                exception=self.raised,
            )
        )


def _level_of(module: DiagnosticModule, question: Question, value: object) -> int | None:
    try:
        return question.level_of(value, module.scale)
    except InvalidValueError:
        raise
    except Exception as exc:
        raise QuestionKindError(module.id, question, exc) from exc


def score(
    module: DiagnosticModule,
    answers: Iterable[Answer],
    *,
    desired: Mapping[str, int] | None = None,
) -> DiagnosticResult:
    """Score ``answers`` to ``module``: a pure function of its inputs.

    :param module: the module whose questions were answered.
    :param answers: answers from any number of respondents, at most one per
        respondent and question.
    :param desired: the level the body aims at, by dimension id.
    :raises InvalidValueError: an answer names an unknown question, does not fit
        its question, or repeats one; a desired level is off the scale or names
        an unknown dimension.
    :raises QuestionKindError: a question kind's own ``level_of`` raised anything else.
    """
    owner = f"DiagnosticModule {module.id!r}"
    wanted = dict(desired or {})
    for dim_id, level in wanted.items():
        module.dimension(dim_id)
        if level not in module.scale:
            raise InvalidValueError(
                owner,
                f"desired[{dim_id}]",
                _("a level in {low}-{high}", low=module.scale.low, high=module.scale.high),
                level,
            )
    evidence: dict[str, list[Evidence]] = {d.id: [] for d in module.dimensions}
    seen: set[tuple[str, str]] = set()
    for a in answers:
        question = module.question(a.question_id)
        key = (a.respondent.id, a.question_id)
        if key in seen:
            raise InvalidValueError(
                owner,
                f"answers[{a.respondent.id}]",
                _("one answer per question"),
                a.question_id,
            )
        seen.add(key)
        evidence[question.dimension_id].append(
            Evidence(
                respondent_id=a.respondent.id,
                group=a.respondent.group,
                question_id=a.question_id,
                value=a.value,
                level=_level_of(module, question, a.value),
                note=a.note,
            )
        )
    results = []
    for dim in module.dimensions:
        found = evidence[dim.id]
        per_respondent: dict[str, list[int]] = {}
        groups: dict[str, RespondentGroup] = {}
        for e in found:
            groups[e.respondent_id] = e.group
            if e.level is not None:
                per_respondent.setdefault(e.respondent_id, []).append(e.level)
        by_respondent = {r: _median(levels) for r, levels in sorted(per_respondent.items())}
        by_group = {
            g: _median(lvl for r, lvl in by_respondent.items() if groups[r] is g)
            for g in RespondentGroup
            if any(groups[r] is g for r in by_respondent)
        }
        results.append(
            DimensionResult(
                module_id=module.id,
                dimension=dim,
                scale=module.scale,
                level=_median(by_respondent.values()) if by_respondent else None,
                by_group=by_group,
                by_respondent=by_respondent,
                evidence=tuple(found),
                desired=wanted.get(dim.id),
            )
        )
    return DiagnosticResult(
        module_id=module.id, module_version=module.version, dimensions=tuple(results)
    )
