"""The eight UEMOA states and what is known of their crafts framework.

Every state applies the community crafts code and its nomenclature; the term
of the chambers' elected officials is given only where the national text is
known here (Togo: four years, renewable once, under law 2012-009).
"""

from __future__ import annotations

from compagnonnage.diagnostics import Text
from compagnonnage.model import RegionRef
from compagnonnage.plugins import RegionProfile
from compagnonnage_uemoa._nomenclature import NOMENCLATURE_ID

UEMOA_STATES = ("BJ", "BF", "CI", "GW", "ML", "NE", "SN", "TG")
"""ISO 3166-1 codes of the member states: Benin, Burkina Faso, Côte d'Ivoire,
Guinea-Bissau, Mali, Niger, Senegal, Togo."""

_NAMES = {
    "BJ": Text("Bénin", "Benin", pt="Benim"),
    "BF": Text("Burkina Faso", "Burkina Faso", pt="Burkina Faso"),
    "CI": Text("Côte d'Ivoire", "Côte d'Ivoire", pt="Costa do Marfim"),
    "GW": Text("Guinée-Bissau", "Guinea-Bissau", pt="Guiné-Bissau"),
    "ML": Text("Mali", "Mali", pt="Mali"),
    "NE": Text("Niger", "Niger", pt="Níger"),
    "SN": Text("Sénégal", "Senegal", pt="Senegal"),
    "TG": Text("Togo", "Togo", pt="Togo"),
}

CRAFTS_CODE = Text(
    "Règlement n° 01/2014/CM/UEMOA du 27 mars 2014 portant code communautaire de l'artisanat",
    "Regulation No 01/2014/CM/UEMOA of 27 March 2014 on the community crafts code",
    pt="Regulamento n.º 01/2014/CM/UEMOA de 27 de março de 2014 que institui o código comunitário do artesanato",
)
NOMENCLATURE_TEXT = Text(
    "Règlement d'exécution n° 04/2018/COM/UEMOA portant nomenclature des activités de l'artisanat",
    "Implementing regulation No 04/2018/COM/UEMOA on the nomenclature of crafts activities",
    pt="Regulamento de execução n.º 04/2018/COM/UEMOA relativo à nomenclatura das atividades do artesanato",
)
TOGO_CRAFTS_CODE = Text(
    "Loi n° 2012-009 portant code de l'artisanat au Togo (environ 131 métiers en 8 branches)",
    "Law No 2012-009 on Togo's crafts code (about 131 trades in 8 branches)",
    pt="Lei n.º 2012-009 que institui o código do artesanato do Togo (cerca de 131 ofícios em 8 ramos)",
)

_TERMS = {"TG": (4, 1)}
_NATIONAL_TEXTS = {"TG": (TOGO_CRAFTS_CODE,)}


def region_profiles() -> tuple[RegionProfile, ...]:
    """One profile per member state, in the order of :data:`UEMOA_STATES`."""
    return tuple(
        RegionProfile(
            region=RegionRef(country),
            title=_NAMES[country],
            term_years=_TERMS.get(country, (None, None))[0],
            renewals=_TERMS.get(country, (None, None))[1],
            nomenclature=NOMENCLATURE_ID,
            legal_basis=(CRAFTS_CODE, NOMENCLATURE_TEXT, *_NATIONAL_TEXTS.get(country, ())),
        )
        for country in UEMOA_STATES
    )
