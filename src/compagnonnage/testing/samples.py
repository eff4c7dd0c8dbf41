"""Seeded sample programmes, built without hypothesis: for fixtures, examples and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from compagnonnage.model import Programme, Stage, TradeRef
from compagnonnage.testing._builder import build_programme

__all__ = ["sample_programme"]

T = TypeVar("T")


class _RandomSource:
    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return lo + int(self._rng.random() * (hi - lo + 1))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self._rng.random() * len(items))]

    def subset(self, items: Sequence[T], lo: int) -> tuple[T, ...]:
        k = self.integer(min(lo, len(items)), len(items))
        chosen = sorted(self._rng.sample(range(len(items)), k))
        return tuple(items[i] for i in chosen)


def sample_programme(
    seed: int,
    *,
    stage: Stage = Stage.ACCOMPANIMENT,
    experts: int = 10,
    missions: int = 5,
    findings: int = 60,
    actions: int = 40,
    trades: Sequence[TradeRef] | None = None,
) -> Programme:
    """A programme at ``stage`` that breaks no error-level core rule, the same for the same seed.

    ``findings`` is split between major issues (a third), good practices (a
    third) and recommendations (the rest). The defaults make the "medium"
    programme of the benchmarks.
    """
    third = max(1, findings // 3)
    sizes = {
        "experts": (experts, experts),
        "officials": (4, 8),
        "staff": (2, 6),
        "missions": (missions, missions),
        "issues": (third, third),
        "practices": (third, third),
        "recommendations": (max(1, findings - 2 * third), max(1, findings - 2 * third)),
        "actions": (actions, actions),
    }
    return build_programme(_RandomSource(seed), stage=stage, trades=trades, sizes=sizes)
