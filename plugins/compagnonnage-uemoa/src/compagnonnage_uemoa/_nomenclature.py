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


def _group(code: str, title: Text, *trades: tuple[str, Text]) -> TradeGroup:
    return TradeGroup(
        code=code,
        title=title,
        trades=tuple(Trade(code=c, title=trade) for c, trade in trades),
    )


def _branch(code: str, title: Text, *groups: TradeGroup) -> Branch:
    return Branch(code=code, title=title, groups=groups)


UEMOA_NOMENCLATURE = Nomenclature(
    id=NOMENCLATURE_ID,
    title=Text(
        "Nomenclature des activités de l'artisanat de l'UEMOA",
        "UEMOA nomenclature of crafts activities",
        pt="Nomenclatura das atividades do artesanato da UEMOA",
    ),
    source=Text(
        "Règlement d'exécution n° 04/2018/COM/UEMOA du 11 avril 2018 (codes propres au plugin)",
        "Implementing regulation No 04/2018/COM/UEMOA of 11 April 2018 (plugin's own codes)",
        pt="Regulamento de execução n.º 04/2018/COM/UEMOA de 11 de abril de 2018 (códigos próprios do plugin)",
    ),
    branches=(
        _branch(
            "BTP",
            Text(
                "Bâtiment, mines et carrières",
                "Building, mining and quarrying",
                pt="Construção, minas e pedreiras",
            ),
            _group(
                "BTP-G1",
                Text("Gros œuvre", "Structural work", pt="Obras de estrutura"),
                ("BTP-01", Text("Maçonnerie", "Masonry", pt="Alvenaria")),
                ("BTP-02", Text("Carrelage", "Tiling", pt="Ladrilhagem")),
                (
                    "BTP-03",
                    Text(
                        "Extraction et taille de pierre",
                        "Stone quarrying and cutting",
                        pt="Extração e talhe de pedra",
                    ),
                ),
            ),
            _group(
                "BTP-G2",
                Text("Second œuvre", "Finishing work", pt="Obras de acabamento"),
                ("BTP-04", Text("Plomberie sanitaire", "Plumbing", pt="Canalização")),
                (
                    "BTP-05",
                    Text(
                        "Électricité du bâtiment",
                        "Building electrics",
                        pt="Eletricidade de edifícios",
                    ),
                ),
                (
                    "BTP-06",
                    Text("Peinture en bâtiment", "Building painting", pt="Pintura de edifícios"),
                ),
            ),
        ),
        _branch(
            "MET",
            Text(
                "Métaux, mécanique et électronique",
                "Metals, mechanics and electronics",
                pt="Metais, mecânica e eletrónica",
            ),
            _group(
                "MET-G1",
                Text("Travail des métaux", "Metalwork", pt="Trabalho dos metais"),
                (
                    "MET-01",
                    Text(
                        "Soudure et ferronnerie",
                        "Welding and ironwork",
                        pt="Soldadura e serralharia",
                    ),
                ),
                (
                    "MET-02",
                    Text("Menuiserie métallique", "Metal joinery", pt="Caixilharia metálica"),
                ),
                ("MET-03", Text("Forge", "Blacksmithing", pt="Forja")),
            ),
            _group(
                "MET-G2",
                Text("Mécanique", "Mechanics", pt="Mecânica"),
                (
                    "MET-04",
                    Text("Mécanique automobile", "Motor mechanics", pt="Mecânica automóvel"),
                ),
                (
                    "MET-05",
                    Text(
                        "Réparation de motocycles",
                        "Motorcycle repair",
                        pt="Reparação de motociclos",
                    ),
                ),
            ),
            _group(
                "MET-G3",
                Text(
                    "Électronique et froid", "Electronics and refrigeration", pt="Eletrónica e frio"
                ),
                (
                    "MET-06",
                    Text(
                        "Réparation d'appareils électroniques",
                        "Electronics repair",
                        pt="Reparação de aparelhos eletrónicos",
                    ),
                ),
                (
                    "MET-07",
                    Text(
                        "Froid et climatisation",
                        "Refrigeration and air conditioning",
                        pt="Frio e climatização",
                    ),
                ),
            ),
        ),
        _branch(
            "BOI",
            Text("Bois et assimilés", "Wood and related materials", pt="Madeira e afins"),
            _group(
                "BOI-G1",
                Text(
                    "Menuiserie et ébénisterie",
                    "Joinery and cabinet making",
                    pt="Carpintaria e marcenaria",
                ),
                ("BOI-01", Text("Menuiserie bois", "Joinery", pt="Carpintaria")),
                ("BOI-02", Text("Ébénisterie", "Cabinet making", pt="Marcenaria")),
            ),
            _group(
                "BOI-G2",
                Text("Fibres végétales", "Plant fibres", pt="Fibras vegetais"),
                ("BOI-03", Text("Vannerie et rotin", "Basketry and rattan", pt="Cestaria e vime")),
            ),
        ),
        _branch(
            "TEX",
            Text(
                "Textile, habillement, cuir et peaux",
                "Textiles, clothing, leather and hides",
                pt="Têxtil, vestuário, couros e peles",
            ),
            _group(
                "TEX-G1",
                Text("Habillement", "Clothing", pt="Vestuário"),
                ("TEX-01", Text("Couture", "Tailoring", pt="Costura")),
                ("TEX-02", Text("Broderie", "Embroidery", pt="Bordado")),
            ),
            _group(
                "TEX-G2",
                Text("Textile", "Textiles", pt="Têxtil"),
                ("TEX-03", Text("Tissage", "Weaving", pt="Tecelagem")),
                ("TEX-04", Text("Teinture", "Dyeing", pt="Tinturaria")),
            ),
            _group(
                "TEX-G3",
                Text("Cuir et peaux", "Leather and hides", pt="Couros e peles"),
                ("TEX-05", Text("Maroquinerie", "Leather goods", pt="Marroquinaria")),
                ("TEX-06", Text("Cordonnerie", "Shoemaking and repair", pt="Sapataria")),
            ),
        ),
        _branch(
            "ALI",
            Text("Alimentation", "Food", pt="Alimentação"),
            _group(
                "ALI-G1",
                Text("Boulangerie et pâtisserie", "Bakery and pastry", pt="Padaria e pastelaria"),
                ("ALI-01", Text("Boulangerie", "Bakery", pt="Padaria")),
                ("ALI-02", Text("Pâtisserie", "Pastry", pt="Pastelaria")),
            ),
            _group(
                "ALI-G2",
                Text(
                    "Viandes et produits halieutiques",
                    "Meat and fish products",
                    pt="Carnes e produtos da pesca",
                ),
                ("ALI-03", Text("Boucherie", "Butchery", pt="Talho")),
                (
                    "ALI-04",
                    Text(
                        "Transformation des produits halieutiques",
                        "Fish processing",
                        pt="Transformação dos produtos da pesca",
                    ),
                ),
            ),
            _group(
                "ALI-G3",
                Text(
                    "Transformation agroalimentaire",
                    "Agri-food processing",
                    pt="Transformação agroalimentar",
                ),
                (
                    "ALI-05",
                    Text(
                        "Transformation des céréales",
                        "Cereal processing",
                        pt="Transformação de cereais",
                    ),
                ),
                (
                    "ALI-06",
                    Text(
                        "Transformation des fruits et légumes",
                        "Fruit and vegetable processing",
                        pt="Transformação de frutas e legumes",
                    ),
                ),
            ),
            _group(
                "ALI-G4",
                Text("Restauration", "Catering", pt="Restauração"),
                ("ALI-07", Text("Restauration et service traiteur", "Catering", pt="Restauração")),
            ),
        ),
        _branch(
            "HYG",
            Text(
                "Hygiène et soins corporels",
                "Hygiene and personal care",
                pt="Higiene e cuidados pessoais",
            ),
            _group(
                "HYG-G1",
                Text("Soins corporels", "Personal care", pt="Cuidados pessoais"),
                ("HYG-01", Text("Coiffure", "Hairdressing", pt="Cabeleireiro")),
                ("HYG-02", Text("Esthétique", "Beauty care", pt="Estética")),
            ),
            _group(
                "HYG-G2",
                Text("Hygiène", "Hygiene", pt="Higiene"),
                ("HYG-03", Text("Savonnerie", "Soap making", pt="Saboaria")),
                (
                    "HYG-04",
                    Text(
                        "Blanchisserie et pressing",
                        "Laundry and dry cleaning",
                        pt="Lavandaria e limpeza a seco",
                    ),
                ),
            ),
        ),
        _branch(
            "ART",
            Text("Artisanat d'art", "Art crafts", pt="Artesanato artístico"),
            _group(
                "ART-G1",
                Text("Métiers d'art", "Art trades", pt="Ofícios de arte"),
                ("ART-01", Text("Bijouterie", "Jewellery", pt="Joalharia")),
                (
                    "ART-02",
                    Text("Poterie et céramique", "Pottery and ceramics", pt="Olaria e cerâmica"),
                ),
                ("ART-03", Text("Sculpture", "Sculpture", pt="Escultura")),
            ),
        ),
        _branch(
            "SER",
            Text(
                "Services, audiovisuel et transport artisanal",
                "Services, audiovisual and small transport",
                pt="Serviços, audiovisual e pequeno transporte",
            ),
            _group(
                "SER-G1",
                Text("Image et impression", "Image and print", pt="Imagem e impressão"),
                ("SER-01", Text("Photographie", "Photography", pt="Fotografia")),
                (
                    "SER-02",
                    Text(
                        "Imprimerie et sérigraphie",
                        "Printing and screen printing",
                        pt="Tipografia e serigrafia",
                    ),
                ),
            ),
            _group(
                "SER-G2",
                Text("Transport artisanal", "Small transport", pt="Pequeno transporte"),
                (
                    "SER-03",
                    Text(
                        "Transport par engin à deux ou trois roues",
                        "Two- and three-wheeler transport",
                        pt="Transporte em veículos de duas ou três rodas",
                    ),
                ),
            ),
        ),
    ),
)
"""The ``uemoa`` nomenclature: 8 branches, 19 trade groups, 39 trades."""
