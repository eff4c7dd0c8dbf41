"""Places are named in the report's language by pycountry's own catalogues."""

from __future__ import annotations

import gettext
import os

import pytest

from compagnonnage._validators import iso_names, pycountry_folder
from compagnonnage.model import RegionRef
from compagnonnage.reports._build import _place_names, _region_name


@pytest.mark.parametrize("table", ["3166-1", "3166-2"])
@pytest.mark.parametrize("lang", ["en", "fr", "pt"])
def test_place_names_are_those_of_pycountrys_catalogue(table: str, lang: str) -> None:
    folder = pycountry_folder()
    assert folder is not None
    catalogue = gettext.translation(
        f"iso{table}", os.path.join(folder, "locales"), languages=[lang], fallback=True
    )
    expected = {code: catalogue.gettext(name) for code, name in iso_names(table).items()}
    assert _place_names(table, lang) == expected


def test_a_region_is_named_with_its_country() -> None:
    assert _region_name(RegionRef.parse("TG-M"), "fr") == "Maritime (Région), Togo"
    assert _region_name(RegionRef.parse("CI"), "fr") == "Côte d'Ivoire"
    assert _region_name(RegionRef.parse("DE"), "fr") == "Allemagne"
