"""Diagnostic modules: capacity dimensions on an ordinal scale, typed questions, remedies.

A module is data. Each question belongs to one dimension and turns an answer
into a level of the module's scale (or into evidence only, for text questions);
:func:`compagnonnage.diagnostics.score` does the arithmetic.
"""

from __future__ import annotations

import abc
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Message, Text, _, _n
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import ACTION_KINDS, Domain, RegionRef, TradeRef

AnswerValue = bool | int | float | Decimal | str
"""What a respondent may answer: yes/no, a number, a choice id or a text."""

_KEY = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_ACTION_TAGS = frozenset(k.KIND for k in ACTION_KINDS)


def _key(instance: object, attribute: Any, value: Any) -> None:
    """A module, dimension, question or choice key: lower case, no '/' (ids are joined by '/')."""
    if not isinstance(value, str) or not _KEY.fullmatch(value):
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a lower-case key of letters, digits, '_', '.', '-' (1-64 chars)"),
            value,
        )


def bilingual(instance: object, attribute: Any, value: Any) -> None:
    """A :class:`Text` whose French and English texts are both non-blank."""
    if not (
        isinstance(value, Text)
        and isinstance(value.fr, str)
        and isinstance(value.en, str)
        and value.fr.strip()
        and value.en.strip()
    ):
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a Text with French and English text"),
            value,
        )


def _level(instance: object, attribute: Any, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidValueError(
            type(instance).__name__,
            attribute.name,
            _("a whole number"),
            value,
        )


def _decimals(values: Iterable[int | str | Decimal]) -> tuple[Decimal, ...]:
    try:
        return tuple(Decimal(x) for x in values)
    except (TypeError, ArithmeticError) as exc:
        raise InvalidValueError("NumberQuestion", "thresholds", _("numbers"), values) from exc


def _one_of(names: Iterable[str]) -> Message:
    listed = ", ".join(names)
    return _("one of {listed}", listed=listed)


def _level_in(scale: Scale) -> Message:
    return _("a level in {low}-{high}", low=scale.low, high=scale.high)


def _texts(values: Iterable[Text | tuple[str, str]]) -> tuple[Text, ...]:
    return tuple(m if isinstance(m, Text) else Text(*m) for m in values)


def _refuse(question: Question, expected: Message, value: object) -> InvalidValueError:
    return InvalidValueError(
        f"{type(question).__name__} {question.id!r}", "answer", expected, value
    )


@frozen(kw_only=True)
class Scale:
    """An ordinal scale of whole levels from ``low`` to ``high`` (1–4 by default)."""

    low: int = field(default=1, validator=v.count)
    """The bottom level."""
    high: int = field(default=4, validator=v.count)
    """The top level (above ``low``)."""

    def __attrs_post_init__(self) -> None:
        if self.high <= self.low:
            raise InvalidValueError(
                "Scale",
                "high",
                _("a level above low={low}", low=self.low),
                self.high,
            )

    @property
    def levels(self) -> range:
        """Every level of the scale, from low to high."""
        return range(self.low, self.high + 1)

    def __contains__(self, level: object) -> bool:
        return isinstance(level, int) and not isinstance(level, bool) and level in self.levels


@frozen(kw_only=True)
class Remedy:
    """A kind of support action that answers a weak dimension (used to recommend support)."""

    kind: str = field()
    """The action kind tag (``"training"``, ``"structuring"``, ``"mandate_planning"``…)."""
    title: Text = field(validator=bilingual)
    """What the action would do, in French and English."""
    domain: Domain | None = field(default=None, validator=v.instance_of(Domain, optional=True))
    """The support domain, for methodological support."""
    service_ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(str, item=v.identifier))
    """Ids of the catalogue services the action would draw on."""

    @kind.validator
    def _known_kind(self, attribute: Any, value: Any) -> None:
        if value not in _ACTION_TAGS:
            raise InvalidValueError("Remedy", "kind", _one_of(sorted(_ACTION_TAGS)), value)


@frozen(kw_only=True)
class Dimension:
    """A capacity dimension: a theme, a title and one description per level of the scale.

    ``levels[0]`` describes the bottom of the scale, ``levels[-1]`` the top; each
    is a :class:`Text` or a ``(french, english)`` pair.
    """

    id: str = field(validator=_key)
    """The dimension's id, unique in the module."""
    theme: Text = field(validator=bilingual)
    """The theme it belongs to (governance, services…), in both languages."""
    title: Text = field(validator=bilingual)
    """The dimension's title, in both languages."""
    levels: tuple[Text, ...] = field(converter=_texts, validator=v.tuple_of(Text, item=bilingual))
    """One description per level of the scale, from the bottom up."""
    remedies: tuple[Remedy, ...] = field(default=(), validator=v.tuple_of(Remedy))
    """The kinds of support action that answer a weak level."""


@frozen(kw_only=True)
class Question(abc.ABC):
    """What every question shares: an id, the dimension it informs and its text.

    A plugin may define its own kind by subclassing it with a new ``KIND`` tag.
    """

    KIND: ClassVar[str] = "question"

    id: str = field(validator=_key)
    """The question's id, unique in the module."""
    dimension_id: str = field(validator=_key)
    """Id of the dimension its answers inform."""
    text: Text = field(validator=bilingual)
    """The question as asked, in both languages."""

    @abc.abstractmethod
    def level_of(self, value: object, scale: Scale) -> int | None:
        """The level ``value`` stands for on ``scale``; ``None`` when it is evidence only.

        :raises InvalidValueError: the value does not fit the question.
        """

    @abc.abstractmethod
    def check_scale(self, scale: Scale) -> None:
        """Raise :class:`InvalidValueError` when the question's levels leave ``scale``."""


@frozen(kw_only=True)
class YesNoQuestion(Question):
    """A yes/no question; *yes* stands for ``yes_level`` and *no* for ``no_level``.

    ``None`` means the top of the scale for *yes* and the bottom for *no*.
    """

    KIND: ClassVar[str] = "yes_no"

    yes_level: int | None = field(default=None, validator=_level)
    """The level *yes* stands for (``None``: the top of the scale)."""
    no_level: int | None = field(default=None, validator=_level)
    """The level *no* stands for (``None``: the bottom of the scale)."""

    def level_of(self, value: object, scale: Scale) -> int:
        if not isinstance(value, bool):
            raise _refuse(self, _("True (yes) or False (no)"), value)
        if value:
            return scale.high if self.yes_level is None else self.yes_level
        return scale.low if self.no_level is None else self.no_level

    def check_scale(self, scale: Scale) -> None:
        for name in ("yes_level", "no_level"):
            level = getattr(self, name)
            if level is not None and level not in scale:
                raise InvalidValueError(
                    f"YesNoQuestion {self.id!r}",
                    name,
                    _level_in(scale),
                    level,
                )


@frozen(kw_only=True)
class Choice:
    """One option of a choice question and the level it stands for (``None``: evidence only)."""

    id: str = field(validator=_key)
    """The choice's id, which an answer gives."""
    label: Text = field(validator=bilingual)
    """The choice as shown, in both languages."""
    level: int | None = field(default=None, validator=_level)
    """The level it stands for; ``None`` for evidence only."""

    @classmethod
    def ladder(
        cls, *options: tuple[str, str, str] | tuple[str, Text], start: int = 1
    ) -> tuple[Choice, ...]:
        """Choices ``(id, french, english)`` or ``(id, Text)`` standing for levels ``start``, ``start + 1``, …"""
        return tuple(
            cls(id=option[0], label=option[1] if len(option) == 2 else Text(*option[1:]), level=i)
            for i, option in enumerate(options, start=start)
        )


@frozen(kw_only=True)
class ChoiceQuestion(Question):
    """A question answered by the id of one of its choices."""

    KIND: ClassVar[str] = "choice"

    choices: tuple[Choice, ...] = field(validator=v.tuple_of(Choice))
    """The options, each with its level."""

    def __attrs_post_init__(self) -> None:
        ids = [c.id for c in self.choices]
        if len(ids) < 2 or len(set(ids)) != len(ids):
            raise InvalidValueError(
                f"ChoiceQuestion {self.id!r}",
                "choices",
                _("at least two choices with distinct ids"),
                ids,
            )

    def level_of(self, value: object, scale: Scale) -> int | None:
        for c in self.choices:
            if c.id == value:
                return c.level
        raise _refuse(self, _one_of([c.id for c in self.choices]), value)

    def check_scale(self, scale: Scale) -> None:
        for c in self.choices:
            if c.level is not None and c.level not in scale:
                raise InvalidValueError(
                    f"ChoiceQuestion {self.id!r}",
                    f"choices[{c.id}].level",
                    _level_in(scale),
                    c.level,
                )


@frozen(kw_only=True)
class NumberQuestion(Question):
    """A number placed on the scale by thresholds.

    ``thresholds`` has one value fewer than the scale has levels, in increasing
    order: a number reaching ``k`` thresholds stands for ``low + k`` (or
    ``high - k`` when ``higher_is_better`` is false).
    """

    KIND: ClassVar[str] = "number"

    thresholds: tuple[Decimal, ...] = field(converter=_decimals, validator=v.tuple_of(Decimal))
    """One threshold fewer than the scale has levels, in increasing order."""
    unit: Text | None = field(default=None, validator=v.instance_of(Text, optional=True))
    """The unit of the number (``%``, meetings a year…), if any."""
    higher_is_better: bool = field(default=True, validator=v.instance_of(bool))
    """Whether a higher number stands for a higher level."""

    def __attrs_post_init__(self) -> None:
        if list(self.thresholds) != sorted(set(self.thresholds)):
            raise InvalidValueError(
                f"NumberQuestion {self.id!r}",
                "thresholds",
                _("strictly increasing values"),
                self.thresholds,
            )

    def level_of(self, value: object, scale: Scale) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise _refuse(self, _("a number"), value)
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise _refuse(self, _("a finite number"), value)
        reached = sum(1 for t in self.thresholds if number >= t)
        return scale.low + reached if self.higher_is_better else scale.high - reached

    def check_scale(self, scale: Scale) -> None:
        if len(self.thresholds) != len(scale.levels) - 1:
            raise InvalidValueError(
                f"NumberQuestion {self.id!r}",
                "thresholds",
                _n(
                    "{count} threshold for a {low}-{high} scale",
                    "{count} thresholds for a {low}-{high} scale",
                    len(scale.levels) - 1,
                    count=len(scale.levels) - 1,
                    low=scale.low,
                    high=scale.high,
                ),
                self.thresholds,
            )


@frozen(kw_only=True)
class TextQuestion(Question):
    """A free-text question: its answers are evidence, not levels."""

    KIND: ClassVar[str] = "text"

    def level_of(self, value: object, scale: Scale) -> None:
        if not isinstance(value, str) or not value.strip():
            raise _refuse(self, _("a non-empty text"), value)

    def check_scale(self, scale: Scale) -> None:
        """A text answer stands for no level: nothing can leave the scale."""


def _unique(owner: str, what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise InvalidValueError(owner, what, _("distinct ids"), ident)
        seen.add(ident)


@frozen(kw_only=True)
class DiagnosticModule:
    """A diagnostic module: dimensions, questions and where it applies."""

    id: str = field(validator=_key)
    """The module's id, unique across plugins."""
    version: str = field(validator=v.identifier)
    """The module's version; a score names the version it used."""
    title: Text = field(validator=bilingual)
    """The module's title, in both languages."""
    dimensions: tuple[Dimension, ...] = field(validator=v.tuple_of(Dimension))
    """The capacity dimensions it scores."""
    questions: tuple[Question, ...] = field(validator=v.tuple_of(Question))
    """The questions of its questionnaire, each informing one dimension."""
    scale: Scale = field(factory=Scale, validator=v.instance_of(Scale))
    """The scale of every dimension."""
    trades: frozenset[TradeRef] = field(default=frozenset(), validator=v.frozenset_of(TradeRef))
    """The trades the module is for; empty means every trade."""
    regions: frozenset[RegionRef] = field(default=frozenset(), validator=v.frozenset_of(RegionRef))
    """The regions the module is for; empty means everywhere."""

    def __attrs_post_init__(self) -> None:
        owner = f"DiagnosticModule {self.id!r}"
        if not self.dimensions:
            raise InvalidValueError(owner, "dimensions", _("at least one dimension"), ())
        _unique(owner, "dimensions", [d.id for d in self.dimensions])
        _unique(owner, "questions", [q.id for q in self.questions])
        size = len(self.scale.levels)
        for d in self.dimensions:
            if len(d.levels) != size:
                raise InvalidValueError(
                    owner,
                    f"dimensions[{d.id}].levels",
                    _n("{count} level description", "{count} level descriptions", size, count=size),
                    len(d.levels),
                )
        known = {d.id for d in self.dimensions}
        for q in self.questions:
            if q.dimension_id not in known:
                raise InvalidValueError(
                    owner,
                    f"questions[{q.id}].dimension_id",
                    _one_of(sorted(known)),
                    q.dimension_id,
                )
            q.check_scale(self.scale)
        scored = {q.dimension_id for q in self.questions if not isinstance(q, TextQuestion)}
        for d in self.dimensions:
            if d.id not in scored:
                raise InvalidValueError(
                    owner,
                    f"dimensions[{d.id}]",
                    _("at least one question that gives a level"),
                    d.id,
                )

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with ``dimension_id``."""
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise InvalidValueError(
            f"DiagnosticModule {self.id!r}",
            "dimension",
            _("a dimension of the module"),
            dimension_id,
        )

    def question(self, question_id: str) -> Question:
        """The question with ``question_id``."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise InvalidValueError(
            f"DiagnosticModule {self.id!r}",
            "question",
            _("a question of the module"),
            question_id,
        )

    def applies_to(self, trades: Iterable[TradeRef], regions: Iterable[RegionRef]) -> bool:
        """Whether the module fits one of ``trades`` and one of ``regions``.

        A module without trades (or regions) fits any; a country-wide module fits
        a subdivision of that country and the other way round.
        """
        if self.trades and self.trades.isdisjoint(trades):
            return False
        if not self.regions:
            return True
        return any(m.contains(r) or r.contains(m) for r in regions for m in self.regions)
