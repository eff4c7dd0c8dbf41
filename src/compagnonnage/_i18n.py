"""The one translation mechanism: every user-facing word exists in French and English."""

from __future__ import annotations

import enum
from typing import Literal

from attrs import frozen

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")


@frozen
class Message:
    """A text in both languages."""

    fr: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


_LABELS: dict[str, Message] = {
    "draft": Message("brouillon", "draft"),
    "preparation": Message("préparation", "preparation"),
    "diagnostic": Message("diagnostic", "diagnostic"),
    "accompaniment": Message("accompagnement", "accompaniment"),
    "closed": Message("clôturé", "closed"),
}


def stage_label(stage: enum.Enum, lang: Lang) -> str:
    """The name of a stage in ``lang``."""
    return _LABELS[str(stage.value)](lang)
