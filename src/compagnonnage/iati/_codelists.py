"""The IATI 2.03 codelists shipped with the library, read once each on first use."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from importlib.resources import files

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def codes(name: str) -> frozenset[str]:
    """The active codes of the codelist ``name`` (``"Sector"``, ``"OrganisationType"``…)."""
    source = files("compagnonnage.iati") / "data" / "codelists" / f"{name}.xml"
    root = ET.fromstring(source.read_bytes())
    return frozenset(
        code
        for item in root.iter("codelist-item")
        if item.get("status", "active") != "withdrawn" and (code := item.findtext("code"))
    )


@cache
def languages() -> frozenset[str]:
    """The language codes of ``xml:lang`` (ISO 639-1, lower case)."""
    return frozenset(c.lower() for c in codes("Language"))
