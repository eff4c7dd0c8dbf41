"""The built-in consular module speaks Portuguese: every text it carries has a ``pt`` text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import cast

import attrs

from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE, Text


def texts_of(value: object) -> Iterator[Text]:
    """Every :class:`Text` reachable from ``value`` through attrs fields, tuples, sets and mappings."""
    if isinstance(value, Text):
        yield value
    elif attrs.has(type(value)):
        for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            yield from texts_of(getattr(value, f.name))
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from texts_of(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from texts_of(item)


def test_every_text_of_the_builtin_module_has_a_portuguese_text() -> None:
    found = list(texts_of(CONSULAR_CHAMBER_MODULE))
    # title, 5 themes, 14 dimensions × (title + 4 levels), remedies, 20 questions, their choices
    assert len(found) > 150
    missing = [t for t in found if not (t.get("pt") or "").strip()]
    assert missing == []


def test_the_portuguese_texts_are_not_copies_of_another_language() -> None:
    module = CONSULAR_CHAMBER_MODULE
    assert module.title("pt") == "Diagnóstico institucional de uma câmara de ofícios"
    copied = [t for t in texts_of(module) if t("pt") in (t.en, t.fr) and len(t.en) > 12]
    assert copied == []


def test_domain_terms_are_the_usual_ones() -> None:
    words = " ".join(t("pt") for t in texts_of(CONSULAR_CHAMBER_MODULE))
    for term in ("plano de mandato", "registo de ofícios", "artesãos", "instâncias", "quotização"):
        assert term in words, term
    assert "mandatura" not in words  # a French calque


def test_portuguese_is_rendered_and_other_languages_fall_back_to_english() -> None:
    dim = CONSULAR_CHAMBER_MODULE.dimension("mandate-strategy")
    assert dim.title("pt") == "Estratégia e plano de mandato"
    assert dim.title("fr") == "Stratégie et plan de mandature"
    assert dim.title("de") == dim.title.en == "Strategy and mandate plan"
    assert dim.title.languages == ("fr", "en", "pt")
