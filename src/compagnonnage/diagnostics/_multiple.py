"""Multiple-choice questions: "tick every option that applies", and how the ticks make a level."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from compagnonnage import _validators as v
from compagnonnage._i18n import Message, _
from compagnonnage.diagnostics._module import Choice, Question, Scale, _level_in, _refuse
from compagnonnage.errors import InvalidValueError


class Combine(enum.Enum):
    """How the options ticked in a :class:`MultipleChoiceQuestion` make one level."""

    COUNT = "count"
    """A checklist: the options' contributions are added up and placed on the scale by thresholds."""
    HIGHEST = "highest"
    """Practices: the most advanced option ticked gives the level."""
    LOWEST = "lowest"
    """Weaknesses: the most limiting option ticked caps the level."""


def _thresholds(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _ids(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _listed(question: MultipleChoiceQuestion) -> Message:
    listed = ", ".join(c.id for c in question.choices)
    return _("ids among {listed}, separated by spaces", listed=listed)


@frozen(kw_only=True)
class MultipleChoiceQuestion(Question):
    """A question answered by ticking every option that applies (XLSForm ``select_multiple``).

    **How an answer is recorded.** The ids of the ticked options, separated by
    spaces (``"minutes budget annual-report"``), as ODK Collect and KoboToolbox
    record a ``select_multiple``: the answers document needs no new value type.
    The order does not matter and :meth:`chosen` reads the ids back in the
    question's order; :meth:`answer` writes an answer from ids. At least one
    option is ticked: a respondent who ticks nothing has not answered (ODK
    exports an empty cell). To let a respondent say "none of these", give the
    question such an option and list it in ``exclusive``: an exclusive option
    is ticked alone.

    **How it is scored**, by ``combine`` (what an expert asks the question for):

    * :attr:`Combine.COUNT` (the default): a checklist, "which of these does the
      chamber have?". Each option's ``level`` is its *contribution* (usually
      1; more for an element that weighs more; 0 for "none of these") and the
      answer stands for ``low + k`` where ``k`` is the number of ``thresholds``
      the sum of the contributions reaches, as a :class:`NumberQuestion` places
      a number. ``thresholds`` has one value fewer than the scale has levels,
      strictly increasing and above zero: on a 1–4 scale with thresholds
      ``(1, 3, 5)`` and contributions of 1, nothing → 1, one or two elements →
      2, three or four → 3, five or more → 4.
    * :attr:`Combine.HIGHEST`: practices on a ladder, "which of these does the
      chamber do?", where the most advanced one present says the level; each
      option's ``level`` is a level of the scale and the answer stands for the
      highest one ticked.
    * :attr:`Combine.LOWEST`: weaknesses, "which of these problems does the
      chamber face?", where the most limiting one caps the level; each
      option's ``level`` is a level of the scale (the cap) and the answer
      stands for the lowest one ticked. A "none of these" option stands for
      the top of the scale.

    In every case an option whose ``level`` is ``None`` ("other", "don't know")
    is evidence only: it adds nothing and caps nothing, and an answer that
    ticks only such options is evidence only (``None``).
    """

    KIND: ClassVar[str] = "multiple_choice"

    choices: tuple[Choice, ...] = field(validator=v.tuple_of(Choice))
    """The options, each with its contribution (``COUNT``) or its level (``HIGHEST``, ``LOWEST``)."""
    combine: Combine = field(default=Combine.COUNT, validator=v.member_of(Combine))
    """How the ticked options make a level."""
    thresholds: tuple[int, ...] = field(
        default=(), converter=_thresholds, validator=v.tuple_of(int)
    )
    """With ``COUNT``: the sums of contributions that reach each level above the bottom."""
    exclusive: frozenset[str] = field(
        default=frozenset(), converter=_ids, validator=v.frozenset_of(str)
    )
    """Ids of the options that are ticked alone ("none of these")."""

    def __attrs_post_init__(self) -> None:
        owner = f"MultipleChoiceQuestion {self.id!r}"
        ids = [c.id for c in self.choices]
        if len(ids) < 2 or len(set(ids)) != len(ids):
            raise InvalidValueError(
                owner, "choices", _("at least two choices with distinct ids"), ids
            )
        if not self.exclusive <= set(ids):
            raise InvalidValueError(
                owner, "exclusive", _("ids of its choices"), sorted(self.exclusive - set(ids))
            )
        if self.combine is not Combine.COUNT:
            if self.thresholds:
                raise InvalidValueError(
                    owner,
                    "thresholds",
                    _("no thresholds with combine={combine}", combine=self.combine.value),
                    self.thresholds,
                )
            return
        if any(isinstance(t, bool) or t < 1 for t in self.thresholds) or list(
            self.thresholds
        ) != sorted(set(self.thresholds)):
            raise InvalidValueError(
                owner,
                "thresholds",
                _("strictly increasing whole numbers above zero"),
                self.thresholds,
            )
        for c in self.choices:
            if c.level is not None and c.level < 0:
                raise InvalidValueError(
                    owner, f"choices[{c.id}].level", _("a contribution of zero or more"), c.level
                )

    def chosen(self, value: object) -> tuple[str, ...]:
        """The ids of the options ``value`` ticks, in the question's order.

        :raises InvalidValueError: ``value`` is not a text of space-separated ids
            of the question's options, names one twice, or ticks an exclusive
            option with others.
        """
        if not isinstance(value, str) or not value.split():
            raise _refuse(self, _listed(self), value)
        given = value.split()
        known = {c.id for c in self.choices}
        if any(ident not in known for ident in given):
            raise _refuse(self, _listed(self), value)
        if len(set(given)) != len(given):
            raise _refuse(self, _("each choice once at most"), value)
        alone = sorted(self.exclusive.intersection(given))
        if alone and len(given) > 1:
            raise _refuse(self, _("{choice} alone, without other choices", choice=alone[0]), value)
        return tuple(c.id for c in self.choices if c.id in given)

    def answer(self, *choice_ids: str) -> str:
        """The answer that ticks ``choice_ids``, as it is recorded (ids in the question's order).

        :raises InvalidValueError: as :meth:`chosen`.
        """
        return " ".join(self.chosen(" ".join(choice_ids)))

    def level_of(self, value: object, scale: Scale) -> int | None:
        by_id = {c.id: c.level for c in self.choices}
        levels = [lvl for ident in self.chosen(value) if (lvl := by_id[ident]) is not None]
        if not levels:
            return None
        if self.combine is Combine.HIGHEST:
            return max(levels)
        if self.combine is Combine.LOWEST:
            return min(levels)
        total = sum(levels)
        return scale.low + sum(1 for t in self.thresholds if total >= t)

    def check_scale(self, scale: Scale) -> None:
        owner = f"MultipleChoiceQuestion {self.id!r}"
        if self.combine is Combine.COUNT:
            if len(self.thresholds) != len(scale.levels) - 1:
                raise InvalidValueError(
                    owner,
                    "thresholds",
                    _(
                        "{value} thresholds for a {low}-{high} scale",
                        value=len(scale.levels) - 1,
                        low=scale.low,
                        high=scale.high,
                    ),
                    self.thresholds,
                )
            return
        for c in self.choices:
            if c.level is not None and c.level not in scale:
                raise InvalidValueError(owner, f"choices[{c.id}].level", _level_in(scale), c.level)
