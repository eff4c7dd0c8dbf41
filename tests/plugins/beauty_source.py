"""The source of a throwaway plugin written against the public API only, with plantable faults.

Personal-services trades for Madagascar: a nomenclature, a region, a module
with its own question kind, a catalogue and a recommendation hook. The tests
write it into a temporary folder as ``compagnonnage_beauty.py`` with a
``compagnonnage-beauty`` distribution whose entry point is ``beauty``, and
plant faults by naming them in ``PLANTS``:

* ``level_of``: the question kind's ``level_of`` raises ``KeyError``;

Its question kind lives in a module of its own, ``compagnonnage_beauty_kinds``
(:data:`KINDS`), written once: a class stays alive as long as anything refers
to it, and two live classes with one tag are refused by documents.
* ``service``: its catalogue also holds ``uemoa-professional-card``;
* ``catalogue``: its catalogue is named ``uemoa-services``, like the uemoa plugin's;
* ``recommend``: its recommendation hook raises ``KeyError: 'hygiène'``;
* ``rule``: its rule ``MG-001`` raises ``RuntimeError``.
"""

SOURCE = """
import compagnonnage_beauty_kinds
from compagnonnage_beauty_kinds import HygieneQuestion

from compagnonnage.i18n import Catalogue
from compagnonnage.catalogue import Service, ServiceCatalogue
from compagnonnage.diagnostics import DiagnosticModule, Dimension, Text, Remedy
from compagnonnage.model import Domain, Modality, Pricing, PricingMode, RegionRef, TradeRef
from compagnonnage.plugins import (
    Branch,
    Nomenclature,
    RegionProfile,
    SupportCandidate,
    Trade,
    TradeGroup,
    hookimpl,
)
from compagnonnage.rules import rule

WORDS = Catalogue("compagnonnage_beauty", "compagnonnage_beauty")
_ = WORDS.message

PLANTS = frozenset({plants!r})
HAIR = TradeRef("mg-services", "COIF-01")


compagnonnage_beauty_kinds.FAULTY = "level_of" in PLANTS


MODULE = DiagnosticModule(
    id="mg-personal-services",
    version="1",
    title=Text("Services à la personne", "Personal services"),
    dimensions=(
        Dimension(
            id="hygiene",
            theme=Text("Hygiène", "Hygiene"),
            title=Text("Hygiène du salon", "Salon hygiene"),
            levels=[("nulle", "none"), ("faible", "weak"), ("bonne", "good"), ("exemplaire", "model")],
            remedies=(
                Remedy(
                    kind="training",
                    title=Text("Former à l'hygiène", "Hygiene training"),
                    service_ids=("mg-hygiene-training",),
                ),
            ),
        ),
    ),
    questions=(
        HygieneQuestion(id="salon", dimension_id="hygiene", text=Text("Le salon ?", "The salon?")),
    ),
    trades=frozenset({{HAIR}}),
)

_PRICED = Pricing(mode=PricingMode.PRICED, currency="MGA")
_SERVICES = [
    Service(
        id="mg-hygiene-training",
        label=Text("Formation hygiène", "Hygiene training"),
        domain=Domain.TRAINING_AND_APPRENTICESHIP,
        modality=Modality.ON_SITE,
        pricing=_PRICED,
    )
]
if "service" in PLANTS:
    _SERVICES.append(
        Service(
            id="uemoa-professional-card",
            label=Text("Carte de coiffeur", "Hairdresser's card"),
            domain=Domain.TRADES_REGISTER,
            modality=Modality.ON_SITE,
            pricing=_PRICED,
        )
    )
CATALOGUE = ServiceCatalogue(
    id="uemoa-services" if "catalogue" in PLANTS else "mg-services",
    title=Text("Services malgaches", "Malagasy services"),
    services=tuple(_SERVICES),
)


@hookimpl
def compagnonnage_register_trades(register):
    hair = Trade(code="COIF-01", title=Text("Coiffure", "Hairdressing"))
    group = TradeGroup(code="SOIN", title=Text("Soins", "Care"), trades=(hair,))
    branch = Branch(code="SERV", title=Text("Services", "Services"), groups=(group,))
    register(
        Nomenclature(
            id="mg-services", title=Text("Services (MG)", "Services (MG)"), branches=(branch,)
        )
    )


@hookimpl
def compagnonnage_register_regions(register):
    register(
        RegionProfile(
            region=RegionRef("MG"), title=Text("Madagascar", "Madagascar"), nomenclature="mg-services"
        )
    )


@hookimpl
def compagnonnage_register_modules(register):
    register(MODULE)


@hookimpl
def compagnonnage_register_catalogues(register):
    register(CATALOGUE)


@rule("MG-001", title=_("Salons registered"))
def _salons(programme, context):
    if "rule" in PLANTS:
        raise RuntimeError("salon register unreachable")
    return ()


@hookimpl
def compagnonnage_register_rules(register):
    register(_salons)


@hookimpl
def compagnonnage_recommend_support(recommendation, trade):
    if "recommend" in PLANTS:
        return {{"hygiene": ()}}["hygiène"]
    if trade != HAIR:
        return ()
    return (
        SupportCandidate(
            kind="training",
            title=Text("Atelier coiffure", "Hairdressing workshop"),
            score=0.6,
            rationale=Text("Pour les salons", "For salons"),
        ),
    )
"""

KINDS = """
from typing import ClassVar

from attrs import frozen

from compagnonnage.diagnostics import Question

FAULTY = False


@frozen(kw_only=True)
class HygieneQuestion(Question):
    \"\"\"The state of the salon, as "propre" (clean) or "sale" (dirty).\"\"\"

    KIND: ClassVar[str] = "hygiene_checklist"

    def level_of(self, value, scale):
        if FAULTY:
            return {"clean": scale.high}[value]
        return scale.high if value == "propre" else scale.low

    def check_scale(self, scale):
        return None
"""
