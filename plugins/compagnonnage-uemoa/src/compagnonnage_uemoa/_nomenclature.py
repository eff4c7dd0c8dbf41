"""The UEMOA trade nomenclature (implementing regulation 04/2018/COM/UEMOA), as coded here.

The regulation groups crafts activities in branches, trade groups (corps de
métiers) and trades. Its official numbering is not reproduced: the codes below
are this plugin's, stable and structured as ``<BRANCH>-<NN>`` for trades and
``<BRANCH>-G<N>`` for trade groups, over eight branches of activity (the eight
federated branches of the crafts organisations). See the README.
"""

from __future__ import annotations

from compagnonnage.diagnostics import Text
from compagnonnage.plugins import Branch, Nomenclature, Trade, TradeGroup

NOMENCLATURE_ID = "uemoa"

_Row = tuple[str, str, str]


def _group(code: str, fr: str, en: str, *trades: _Row) -> TradeGroup:
    return TradeGroup(
        code=code,
        title=Text(fr, en),
        trades=tuple(Trade(code=c, title=Text(tfr, ten)) for c, tfr, ten in trades),
    )


def _branch(code: str, fr: str, en: str, *groups: TradeGroup) -> Branch:
    return Branch(code=code, title=Text(fr, en), groups=groups)


UEMOA_NOMENCLATURE = Nomenclature(
    id=NOMENCLATURE_ID,
    title=Text(
        "Nomenclature des activités de l'artisanat de l'UEMOA",
        "UEMOA nomenclature of crafts activities",
    ),
    source=Text(
        "Règlement d'exécution n° 04/2018/COM/UEMOA du 11 avril 2018 (codes propres au plugin)",
        "Implementing regulation No 04/2018/COM/UEMOA of 11 April 2018 (plugin's own codes)",
    ),
    branches=(
        _branch(
            "BTP",
            "Bâtiment, mines et carrières",
            "Building, mining and quarrying",
            _group(
                "BTP-G1",
                "Gros œuvre",
                "Structural work",
                ("BTP-01", "Maçonnerie", "Masonry"),
                ("BTP-02", "Carrelage", "Tiling"),
                ("BTP-03", "Extraction et taille de pierre", "Stone quarrying and cutting"),
            ),
            _group(
                "BTP-G2",
                "Second œuvre",
                "Finishing work",
                ("BTP-04", "Plomberie sanitaire", "Plumbing"),
                ("BTP-05", "Électricité du bâtiment", "Building electrics"),
                ("BTP-06", "Peinture en bâtiment", "Building painting"),
            ),
        ),
        _branch(
            "MET",
            "Métaux, mécanique et électronique",
            "Metals, mechanics and electronics",
            _group(
                "MET-G1",
                "Travail des métaux",
                "Metalwork",
                ("MET-01", "Soudure et ferronnerie", "Welding and ironwork"),
                ("MET-02", "Menuiserie métallique", "Metal joinery"),
                ("MET-03", "Forge", "Blacksmithing"),
            ),
            _group(
                "MET-G2",
                "Mécanique",
                "Mechanics",
                ("MET-04", "Mécanique automobile", "Motor mechanics"),
                ("MET-05", "Réparation de motocycles", "Motorcycle repair"),
            ),
            _group(
                "MET-G3",
                "Électronique et froid",
                "Electronics and refrigeration",
                ("MET-06", "Réparation d'appareils électroniques", "Electronics repair"),
                ("MET-07", "Froid et climatisation", "Refrigeration and air conditioning"),
            ),
        ),
        _branch(
            "BOI",
            "Bois et assimilés",
            "Wood and related materials",
            _group(
                "BOI-G1",
                "Menuiserie et ébénisterie",
                "Joinery and cabinet making",
                ("BOI-01", "Menuiserie bois", "Joinery"),
                ("BOI-02", "Ébénisterie", "Cabinet making"),
            ),
            _group(
                "BOI-G2",
                "Fibres végétales",
                "Plant fibres",
                ("BOI-03", "Vannerie et rotin", "Basketry and rattan"),
            ),
        ),
        _branch(
            "TEX",
            "Textile, habillement, cuir et peaux",
            "Textiles, clothing, leather and hides",
            _group(
                "TEX-G1",
                "Habillement",
                "Clothing",
                ("TEX-01", "Couture", "Tailoring"),
                ("TEX-02", "Broderie", "Embroidery"),
            ),
            _group(
                "TEX-G2",
                "Textile",
                "Textiles",
                ("TEX-03", "Tissage", "Weaving"),
                ("TEX-04", "Teinture", "Dyeing"),
            ),
            _group(
                "TEX-G3",
                "Cuir et peaux",
                "Leather and hides",
                ("TEX-05", "Maroquinerie", "Leather goods"),
                ("TEX-06", "Cordonnerie", "Shoemaking and repair"),
            ),
        ),
        _branch(
            "ALI",
            "Alimentation",
            "Food",
            _group(
                "ALI-G1",
                "Boulangerie et pâtisserie",
                "Bakery and pastry",
                ("ALI-01", "Boulangerie", "Bakery"),
                ("ALI-02", "Pâtisserie", "Pastry"),
            ),
            _group(
                "ALI-G2",
                "Viandes et produits halieutiques",
                "Meat and fish products",
                ("ALI-03", "Boucherie", "Butchery"),
                ("ALI-04", "Transformation des produits halieutiques", "Fish processing"),
            ),
            _group(
                "ALI-G3",
                "Transformation agroalimentaire",
                "Agri-food processing",
                ("ALI-05", "Transformation des céréales", "Cereal processing"),
                (
                    "ALI-06",
                    "Transformation des fruits et légumes",
                    "Fruit and vegetable processing",
                ),
            ),
            _group(
                "ALI-G4",
                "Restauration",
                "Catering",
                ("ALI-07", "Restauration et service traiteur", "Catering"),
            ),
        ),
        _branch(
            "HYG",
            "Hygiène et soins corporels",
            "Hygiene and personal care",
            _group(
                "HYG-G1",
                "Soins corporels",
                "Personal care",
                ("HYG-01", "Coiffure", "Hairdressing"),
                ("HYG-02", "Esthétique", "Beauty care"),
            ),
            _group(
                "HYG-G2",
                "Hygiène",
                "Hygiene",
                ("HYG-03", "Savonnerie", "Soap making"),
                ("HYG-04", "Blanchisserie et pressing", "Laundry and dry cleaning"),
            ),
        ),
        _branch(
            "ART",
            "Artisanat d'art",
            "Art crafts",
            _group(
                "ART-G1",
                "Métiers d'art",
                "Art trades",
                ("ART-01", "Bijouterie", "Jewellery"),
                ("ART-02", "Poterie et céramique", "Pottery and ceramics"),
                ("ART-03", "Sculpture", "Sculpture"),
            ),
        ),
        _branch(
            "SER",
            "Services, audiovisuel et transport artisanal",
            "Services, audiovisual and small transport",
            _group(
                "SER-G1",
                "Image et impression",
                "Image and print",
                ("SER-01", "Photographie", "Photography"),
                ("SER-02", "Imprimerie et sérigraphie", "Printing and screen printing"),
            ),
            _group(
                "SER-G2",
                "Transport artisanal",
                "Small transport",
                (
                    "SER-03",
                    "Transport par engin à deux ou trois roues",
                    "Two- and three-wheeler transport",
                ),
            ),
        ),
    ),
)
"""The ``uemoa`` nomenclature: 8 branches, 19 trade groups, 39 trades."""
