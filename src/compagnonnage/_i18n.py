"""The one translation mechanism: every user-facing word exists in French and English."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Literal

from attrs import frozen

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")


@frozen
class Message:
    """A text in both languages."""

    fr: str
    """The text in French."""
    en: str
    """The text in English."""

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


# -- terms of the domain -----------------------------------------------------------
# Keyed "EnumClass.value" for the model's enumerations, "kind.<KIND>" for the kinds
# of records (support actions, deliverables, findings), "operation.<name>" for the
# lifecycle operations as actions (the "Operation.<name>" terms are what the
# history records) and "domain.<code>" for the core support domains. A plugin's
# own codes have no entry: :func:`term` shows them as they are.

_TERMS: dict[str, Message] = {
    "BodyKind.consular_chamber": Message("chambre consulaire", "consular chamber"),
    "BodyKind.professional_organisation": Message(
        "organisation professionnelle", "professional organisation"
    ),
    "BodyKind.association": Message("association", "association"),
    "BodyKind.service_provider": Message(
        "prestataire de services aux entreprises artisanales",
        "service provider to craft businesses",
    ),
    "Level.national": Message("national", "national"),
    "Level.regional": Message("régional", "regional"),
    "Level.local": Message("local", "local"),
    "GoverningBodyKind.general_assembly": Message("assemblée générale", "general assembly"),
    "GoverningBodyKind.bureau": Message("bureau", "bureau"),
    "GoverningBodyKind.commission": Message("commission", "commission"),
    "Modality.remote": Message("à distance", "remote"),
    "Modality.on_site": Message("sur le terrain", "on site"),
    "Affiliation.network": Message("expert du réseau des CMA", "CMA network expert"),
    "Affiliation.local": Message("expert local", "local expert"),
    "Competence.economic_diagnosis": Message("diagnostic économique", "economic diagnosis"),
    "Competence.institutional_diagnosis": Message(
        "diagnostic institutionnel", "institutional diagnosis"
    ),
    "Competence.training": Message("formation", "training"),
    "Competence.administrative_support": Message("appui administratif", "administrative support"),
    "Competence.methodological_support": Message("appui méthodologique", "methodological support"),
    "DiagnosticKind.economic": Message("économique", "economic"),
    "DiagnosticKind.institutional": Message("institutionnel", "institutional"),
    "IssueSeverity.moderate": Message("modérée", "moderate"),
    "IssueSeverity.high": Message("élevée", "high"),
    "IssueSeverity.critical": Message("critique", "critical"),
    "Priority.high": Message("haute", "high"),
    "Priority.medium": Message("moyenne", "medium"),
    "Priority.low": Message("basse", "low"),
    "Horizon.short": Message("court terme", "short term"),
    "Horizon.medium": Message("moyen terme", "medium term"),
    "Horizon.long": Message("long terme", "long term"),
    "ActionStatus.planned": Message("planifiée", "planned"),
    "ActionStatus.in_progress": Message("en cours", "in progress"),
    "ActionStatus.completed": Message("terminée", "completed"),
    "ActionStatus.cancelled": Message("annulée", "cancelled"),
    "Audience.elected_officials": Message("élus", "elected officials"),
    "Audience.staff": Message("cadres", "staff"),
    "StructuringFocus.administration": Message("administration", "administration"),
    "StructuringFocus.governing_bodies": Message("instances", "governing bodies"),
    "PricingMode.included_in_dues": Message("inclus dans la cotisation", "included in dues"),
    "PricingMode.priced": Message("payant", "priced"),
    "OrganisationRole.funding": Message("bailleur de fonds", "funding"),
    "OrganisationRole.accountable": Message("responsable", "accountable"),
    "OrganisationRole.extending": Message("gestionnaire des fonds", "extending"),
    "OrganisationRole.implementing": Message("opérateur", "implementing"),
    "BudgetKind.original": Message("initial", "original"),
    "BudgetKind.revised": Message("révisé", "revised"),
    "BudgetStatus.indicative": Message("indicatif", "indicative"),
    "BudgetStatus.committed": Message("engagé", "committed"),
    "TransactionKind.incoming_funds": Message("fonds reçus", "incoming funds"),
    "TransactionKind.commitment": Message("engagement", "commitment"),
    "TransactionKind.disbursement": Message("décaissement", "disbursement"),
    "TransactionKind.expenditure": Message("dépense", "expenditure"),
    "RespondentGroup.elected_officials": Message("élus", "elected officials"),
    "RespondentGroup.staff": Message("salariés", "staff"),
    "RespondentGroup.constituents": Message("ressortissants", "constituents"),
    "RespondentGroup.partners": Message("partenaires", "partners"),
    "Severity.error": Message("erreur", "error"),
    "Severity.warning": Message("avertissement", "warning"),
    "Stage.draft": _LABELS["draft"],
    "Stage.preparation": _LABELS["preparation"],
    "Stage.diagnostic": _LABELS["diagnostic"],
    "Stage.accompaniment": _LABELS["accompaniment"],
    "Stage.closed": _LABELS["closed"],
    "Operation.open": Message("ouverture", "opening"),
    "Operation.record_deliverable": Message("livrable enregistré", "deliverable recorded"),
    "Operation.close_preparation": Message("clôture de la préparation", "preparation closed"),
    "Operation.record_mission": Message("mission enregistrée", "mission recorded"),
    "Operation.record_finding": Message("constat enregistré", "finding recorded"),
    "Operation.record_score": Message("score enregistré", "score recorded"),
    "Operation.record_debriefing": Message("restitution enregistrée", "debriefing recorded"),
    "Operation.close_diagnostic": Message("clôture du diagnostic", "diagnostic closed"),
    "Operation.plan_action": Message("action planifiée", "action planned"),
    "Operation.start_action": Message("action commencée", "action started"),
    "Operation.complete_action": Message("action terminée", "action completed"),
    "Operation.cancel_action": Message("action annulée", "action cancelled"),
    "Operation.reopen": Message("réouverture", "reopening"),
    "Operation.close": Message("clôture du programme", "programme closed"),
    "operation.open": Message("ouverture", "opening"),
    "operation.record_deliverable": Message(
        "enregistrement d'un livrable", "recording a deliverable"
    ),
    "operation.close_preparation": Message("clôture de la préparation", "closing the preparation"),
    "operation.record_mission": Message("enregistrement d'une mission", "recording a mission"),
    "operation.record_finding": Message("enregistrement d'un constat", "recording a finding"),
    "operation.record_score": Message("enregistrement d'un score", "recording a score"),
    "operation.record_debriefing": Message(
        "enregistrement de la restitution", "recording the debriefing"
    ),
    "operation.close_diagnostic": Message("clôture du diagnostic", "closing the diagnostic"),
    "operation.plan_action": Message("planification d'une action", "planning an action"),
    "operation.start_action": Message("démarrage d'une action", "starting an action"),
    "operation.complete_action": Message("achèvement d'une action", "completing an action"),
    "operation.cancel_action": Message("annulation d'une action", "cancelling an action"),
    "operation.reopen": Message("réouverture", "reopening"),
    "operation.close": Message("clôture du programme", "closing the programme"),
    "kind.support_action": Message("action d'accompagnement", "support action"),
    "Operation.record_period": Message("période de suivi enregistrée", "reporting period recorded"),
    "Operation.record_module": Message("version de module enregistrée", "module version recorded"),
    "Operation.define_indicator": Message("indicateur défini", "indicator defined"),
    "Operation.record_baseline": Message("situation de référence enregistrée", "baseline recorded"),
    "Operation.set_target": Message("cible fixée", "target set"),
    "Operation.record_value": Message("valeur mesurée enregistrée", "measured value recorded"),
    "Operation.record_not_measured": Message("indicateur non mesuré", "indicator not measured"),
    "Operation.record_follow_up": Message("évaluation de suivi enregistrée", "follow-up recorded"),
    "Operation.record_membership": Message("effectifs enregistrés", "membership recorded"),
    "ResultLevel.output": Message("réalisation", "output"),
    "ResultLevel.outcome": Message("résultat", "outcome"),
    "ResultLevel.impact": Message("impact", "impact"),
    "Measure.count": Message("nombre", "count"),
    "Measure.percentage": Message("pourcentage", "percentage"),
    "Measure.capacity_level": Message("niveau de capacité", "capacity level"),
    "Measure.milestone": Message("jalon (oui/non)", "milestone (yes/no)"),
    "Measure.qualitative": Message("qualitatif", "qualitative"),
    "Direction.ascending": Message("croissant", "ascending"),
    "Direction.descending": Message("décroissant", "descending"),
    "kind.training": Message("formation", "training"),
    "kind.mandate_planning": Message("plan de mandature", "mandate planning"),
    "kind.structuring": Message("structuration administrative", "administrative structuring"),
    "kind.methodological_support": Message("appui méthodologique", "methodological support"),
    "kind.service_offer_design": Message(
        "conception de l'offre de services", "service offer design"
    ),
    "kind.terms_of_reference": Message("termes de référence", "terms of reference"),
    "kind.method_toolkit": Message("outils méthodologiques", "method toolkit"),
    "kind.work_programme": Message("programme de travail", "work programme"),
    "kind.major_issue": Message("problématique lourde", "major issue"),
    "kind.good_practice": Message("bonne pratique", "good practice"),
    "kind.recommendation": Message("préconisation", "recommendation"),
    "domain.trades_register": Message("répertoire des métiers", "trades register"),
    "domain.training_and_apprenticeship": Message(
        "formation professionnelle et apprentissage", "vocational training and apprenticeship"
    ),
    "domain.economic_development": Message("animation économique", "economic development"),
    "domain.communication": Message("communication", "communication"),
}


def term(key: str, lang: Lang) -> str:
    """The word for a term of the domain (``"kind.training"``, ``"domain.communication"``).

    A key without an entry (a plugin's own domain, say) is shown as its last part,
    underscores read as spaces (``"domain.social_protection"`` → ``social protection``).
    """
    found = _TERMS.get(key)
    return found(lang) if found is not None else key.rpartition(".")[2].replace("_", " ")


def enum_label(member: enum.Enum, lang: Lang) -> str:
    """The word for a member of one of the model's enumerations, in ``lang``."""
    return term(f"{type(member).__name__}.{member.value}", lang)


# -- dates and numbers ---------------------------------------------------------------

_MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_NNBSP = "\u202f"


def format_date(day: dt.date, lang: Lang) -> str:
    """``1er avril 2021`` / ``12 avril 2021`` in French, ``12 April 2021`` in English."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {_MONTHS[lang][day.month - 1]} {day.year}"


def format_period(start: dt.date, end: dt.date, lang: Lang) -> str:
    """Both ends of a span of days, spelt in full; one date when they are the same day."""
    if start == end:
        return format_date(start, lang)
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_number(value: int | float | Decimal, lang: Lang, *, decimals: int | None = None) -> str:
    """``43 000`` and ``1 500,50`` in French (narrow no-break spaces), ``43,000`` in English.

    ``decimals`` defaults to none for a whole number and two otherwise.
    """
    if decimals is None:
        decimals = 0 if value == int(value) else 2
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", _NNBSP).replace(".", ",")


_SHORT_MONTHS = {
    "fr": [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def format_month(day: dt.date, lang: Lang) -> str:
    """The month of ``day`` in short: ``avr. 2021`` in French, ``Apr 2021`` in English."""
    return f"{_SHORT_MONTHS[lang][day.month - 1]} {day.year}"
