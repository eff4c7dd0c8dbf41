"""The data in Portuguese: every text of the built-in consular module and of the reference
plugins has a ``pt`` text, and what a text lacking a language shows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import cast

import attrs
import pytest
from compagnonnage_building import BUILDING_CATALOGUE, BUILDING_MODULE
from compagnonnage_food import FOOD_CATALOGUE, FOOD_MODULE
from compagnonnage_uemoa import UEMOA_CATALOGUE, UEMOA_MODULE, UEMOA_NOMENCLATURE
from compagnonnage_uemoa._regions import region_profiles

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


UEMOA = {
    "module": UEMOA_MODULE,
    "catalogue": UEMOA_CATALOGUE,
    "nomenclature": UEMOA_NOMENCLATURE,
    "regions": region_profiles(),
}


@pytest.mark.parametrize("what", sorted(UEMOA))
def test_every_uemoa_text_has_a_portuguese_text(what: str) -> None:
    found = list(texts_of(UEMOA[what]))
    assert found
    assert [t for t in found if not (t.get("pt") or "").strip()] == []


def test_uemoa_words_in_portuguese() -> None:
    assert UEMOA_MODULE.title("pt") == "Aplicação do código comunitário do artesanato (UEMOA)"
    by_country = {p.region.country: p.title for p in region_profiles()}
    assert by_country["GW"]("pt") == "Guiné-Bissau"
    assert by_country["CI"]("pt") == "Costa do Marfim"
    trades = {
        t.code: t.title for b in UEMOA_NOMENCLATURE.branches for g in b.groups for t in g.trades
    }
    assert trades["BTP-01"]("pt") == "Alvenaria"


FOOD_AND_BUILDING = {
    "food module": FOOD_MODULE,
    "food catalogue": FOOD_CATALOGUE,
    "building module": BUILDING_MODULE,
    "building catalogue": BUILDING_CATALOGUE,
}


@pytest.mark.parametrize("what", sorted(FOOD_AND_BUILDING))
def test_the_food_and_building_plugins_speak_portuguese_too(what: str) -> None:
    found = list(texts_of(FOOD_AND_BUILDING[what]))
    assert found
    assert [t for t in found if not (t.get("pt") or "").strip()] == []


def test_fallback_order_is_the_language_then_english_then_french() -> None:
    both = Text("Boulangerie", "Bakery", pt="Padaria")
    assert (both("pt"), both("en"), both("fr"), both("wo")) == (
        "Padaria",
        "Bakery",
        "Boulangerie",
        "Bakery",
    )
    assert Text("Boulangerie", "Bakery")("pt") == "Bakery"
    assert Text("Boulangerie", "Bakery").get("pt") is None


def test_a_plugin_text_without_portuguese_is_shown_in_english() -> None:
    """A third-party plugin that writes French and English only still reads in a Portuguese report."""
    dimension = FOOD_MODULE.dimensions[0]
    without = Text(dimension.title.fr, dimension.title.en)
    assert without("pt") == dimension.title.en
    assert dimension.title("pt") == "Higiene e segurança sanitária dos alimentos"
