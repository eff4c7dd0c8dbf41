"""The message of each rule, in French, English and Portuguese, on the bundled example.

Each case plants one defect in the Togo example (at the accompaniment stage)
and pins the exact messages: a change of wording shows up here, in review.
Dates are spelt in each language (Babel, in the ``dev`` extra).
"""

from __future__ import annotations

import datetime as dt

import pytest

from compagnonnage import check
from compagnonnage._i18n import SOURCE_LANGUAGE, Message, _, languages
from compagnonnage.example import togo_programme
from compagnonnage.rules import CORE_RULES, Breach, Violation
from compagnonnage.testing._defects import DEFECTS

CASES = [
    (
        "FUN-001",
        ("funding.sectors",),
        "Les parts des secteurs font 90 %, au lieu de 100 %.",
        "The sector percentages sum to 90, not 100.",
    ),
    (
        "FUN-002",
        ("funding.sectors[0]",),
        "Le secteur 25030 a une part de 110 %, hors de 0 à 100.",
        "Sector 25030 has a percentage of 110, outside 0 to 100.",
    ),
    (
        "FUN-003",
        ("funding.budgets[3]",),
        "Le budget [3] couvre du 11 janvier 2021 au 11 janvier 2023 : plus d'un an.",
        "Budget [3] runs from 11 January 2021 to 11 January 2023: more than a year.",
    ),
    (
        "FUN-004",
        ("funding.transactions[3]",),
        "La transaction [3] est datée du 31 décembre 9999, dans le futur.",
        "Transaction [3] is dated 31 December 9999, in the future.",
    ),
    (
        "FUN-005",
        ("funding.transactions[3].value",),
        "funding.transactions[3].value n'a pas de devise, et le financement n'a pas de devise "
        "par défaut.",
        "funding.transactions[3].value has no currency, and the funding has no default currency.",
    ),
    (
        "FUN-006",
        ("funding.identifier",),
        "L'identifiant « XM-DAC-00-1-cma-ucrm-2021/2 » contient / & | ? ou des espaces autour.",
        "The identifier 'XM-DAC-00-1-cma-ucrm-2021/2' holds / & | ? or surrounding spaces.",
    ),
    (
        "FUN-007",
        ("funding.participants",),
        "Aucune organisation participante : il en faut au moins une pour publier le financement.",
        "No participating organisation: publishing the funding needs at least one.",
    ),
    (
        "RES-001",
        ("ind-planted", "act-training-elus"),
        "L'indicateur ind-planted n'a pas de situation de référence alors que l'action "
        "act-training-elus a commencé.",
        "Indicator ind-planted has no baseline while support action act-training-elus has started.",
    ),
    (
        "RES-002",
        ("ind-register", "per-planted"),
        "Indicateur ind-register : la valeur du 1er janvier 2999 est datée dans le futur.",
        "Indicator ind-register: the value of 1 January 2999 is dated in the future.",
    ),
    (
        "RES-003",
        ("ind-planted",),
        "Indicateur ind-planted : la référence 150 hors de 0–100 pour un pourcentage.",
        "Indicator ind-planted: the baseline 150 is outside 0–100 for a percentage.",
    ),
    (
        "RES-004",
        ("ind-planted",),
        "ind-planted : le module consular-chamber en version 0.9 n'a pas été utilisé par le programme.",
        "ind-planted: module consular-chamber version 0.9 was not used by the programme.",
    ),
    (
        "RES-005",
        ("ucrm-togo",),
        "Effectifs de ucrm-togo au 31 décembre 2024 : les cotisants (49801) dépassent les inscrits (49800).",
        "Membership of ucrm-togo on 31 December 2024: paying members (49801) exceed the registered (49800).",
    ),
    (
        "RES-006",
        ("rec-planted",),
        "La préconisation rec-planted n'est suivie par aucun indicateur.",
        "Recommendation rec-planted is tracked by no indicator.",
    ),
    (
        "RES-007",
        ("ind-register",),
        "Le programme est clos alors que l'indicateur ind-register n'a ni valeur finale ni "
        "mention « non mesuré » motivée.",
        "The programme is closed while indicator ind-register has neither a final value nor "
        "an explicit 'not measured' with a reason.",
    ),
    (
        "RES-008",
        ("ind-register", "rec-ghost"),
        "L'indicateur ind-register suit une préconisation inconnue : rec-ghost.",
        "Indicator ind-register tracks an unknown recommendation: rec-ghost.",
    ),
    (
        "REF-001",
        ("mission-lome-2021-04", "exp-ghost"),
        "Sur la mission mission-lome-2021-04, expert hors de l'équipe : exp-ghost.",
        "On mission mission-lome-2021-04, an expert not in the team: exp-ghost.",
    ),
    (
        "REF-002",
        ("cma-durand",),
        "L'identifiant cma-durand est donné à 2 experts.",
        "Id cma-durand is given to 2 experts.",
    ),
    (
        "REF-003",
        ("cma-ucrm-2021", "officer-outside"),
        "Historique [74] : officer-outside n'est ni du bénéficiaire ni de l'équipe d'experts.",
        "History [74]: officer-outside is neither of the beneficiary nor of the expert team.",
    ),
    (
        "STG-001",
        ("cma-ucrm-2021",),
        "Le programme cma-ucrm-2021 est en brouillon mais son historique le place en accompagnement.",
        "Programme cma-ucrm-2021 is in draft but its history places it in accompaniment.",
    ),
    (
        "STG-002",
        ("cma-ucrm-2021", "ucrm-sg"),
        "Le partenaire de référence ucrm-sg n'est ni élu ni salarié de ucrm-togo.",
        "Reference partner ucrm-sg is neither an elected official nor staff of ucrm-togo.",
    ),
    (
        "STG-003",
        ("cma-ucrm-2021", "terms_of_reference"),
        "Livrable « termes de référence » : non approuvé.",
        "Deliverable 'terms of reference': not approved.",
    ),
    (
        "STG-004",
        ("rec-register",),
        "La préconisation rec-register ne cite aucun constat.",
        "Recommendation rec-register cites no finding.",
    ),
    (
        "STG-005",
        ("act-planted",),
        "L'action act-planted commence le 2 mai 2021, avant la clôture du diagnostic le 3 mai 2021.",
        "Support action act-planted starts on 2 May 2021, before the diagnostic closed on 3 May 2021.",
    ),
    (
        "STG-006",
        ("act-training-elus",),
        "L'action act-training-elus ne répond à aucune préconisation.",
        "Support action act-training-elus answers no recommendation.",
    ),
    (
        "STG-007",
        ("act-training-elus",),
        "L'action act-training-elus n'est ni à distance ni sur le terrain.",
        "Support action act-training-elus is neither remote nor on site.",
    ),
    (
        "STG-008",
        ("act-planted",),
        "La formation act-planted ne s'adresse ni aux élus ni aux cadres.",
        "Training act-planted addresses neither elected officials nor staff.",
    ),
    (
        "STG-009",
        ("act-planted",),
        "L'appui méthodologique act-planted a commencé sans plan de mandature adopté pour la mandature en cours.",
        "Methodological support act-planted has started without a mandate plan adopted for the current term.",
    ),
    (
        "STG-010",
        ("act-planted",),
        "Sur l'action act-planted, un expert local intervient sans expert du réseau.",
        "On support action act-planted, a local expert works without a network expert.",
    ),
    (
        "STG-011",
        ("pb-register-coverage", "elsewhere:X01"),
        "Le métier elsewhere:X01 de pb-register-coverage est hors du périmètre du programme.",
        "Trade elsewhere:X01 on pb-register-coverage is outside the programme's scope.",
    ),
    (
        "STG-012",
        ("mission-lome-2021-04", "exp-novice"),
        "Sur la mission mission-lome-2021-04, compétence « diagnostic institutionnel » absente chez : exp-novice.",
        "On mission mission-lome-2021-04, competence 'institutional diagnosis' missing for: exp-novice.",
    ),
    (
        "STG-013",
        ("cma-ucrm-2021",),
        "cma-ucrm-2021 finit le 31 mai 2024, avant de commencer le 1er juin 2024.",
        "cma-ucrm-2021 ends on 31 May 2024, before it starts on 1 June 2024.",
    ),
    (
        "STG-014",
        ("cma-ucrm-2021",),
        "Historique [75] : réouverture sans motif.",
        "History [75]: reopening without a reason.",
    ),
    (
        "STG-015",
        ("act-training-elus", "ucrm-sg"),
        "Le partenaire de référence ucrm-sg ne participe pas à la première action, act-training-elus.",
        "Reference partner ucrm-sg does not take part in the first support action, act-training-elus.",
    ),
]


def test_every_core_rule_has_a_message_case() -> None:
    assert sorted(c[0] for c in CASES) == sorted(r.code for r in CORE_RULES)


def _violation(code: str, subjects: tuple[str, ...]) -> Violation:
    report = check(DEFECTS[code].plant(togo_programme()))
    found = [v for v in report if v.code == code and v.subjects == subjects]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(("code", "subjects", "fr", "en"), CASES, ids=[c[0] for c in CASES])
def test_rule_message_in_french_and_english(
    code: str, subjects: tuple[str, ...], fr: str, en: str
) -> None:
    found = _violation(code, subjects)
    assert found.message("fr") == fr
    assert found.message("en") == en
    assert found.message() == en == str(found.text)


PORTUGUESE = [
    (
        "STG-005",
        ("act-planted",),
        "A ação act-planted começa a 2 de maio de 2021, antes do encerramento do diagnóstico "
        "a 3 de maio de 2021.",
    ),
    ("REF-002", ("cma-durand",), "O identificador cma-durand é atribuído a 2 peritos."),
    (
        "STG-015",
        ("act-training-elus", "ucrm-sg"),
        "O parceiro de referência ucrm-sg não participa na primeira ação de acompanhamento, "
        "act-training-elus.",
    ),
    (
        "RES-006",
        ("rec-planted",),
        "A recomendação rec-planted não é acompanhada por nenhum indicador.",
    ),
    ("FUN-001", ("funding.sectors",), "As percentagens dos setores somam 90, e não 100."),
]


@pytest.mark.parametrize(("code", "subjects", "pt"), PORTUGUESE, ids=[c[0] for c in PORTUGUESE])
def test_rule_message_in_portuguese(code: str, subjects: tuple[str, ...], pt: str) -> None:
    assert _violation(code, subjects).message("pt") == pt


def test_a_rule_message_renders_its_parameters_in_each_language() -> None:
    (v,) = [v for v in check(DEFECTS["STG-010"].plant(togo_programme())) if v.code == "STG-010"]
    assert v.text.params == {"item": "act-planted"}
    assert (
        v.message("en")
        == "On support action act-planted, a local expert works without a network expert."
    )
    assert (
        v.message("fr")
        == "Sur l'action act-planted, un expert local intervient sans expert du réseau."
    )
    assert v.message("pt") == "Na ação act-planted, um perito local intervém sem perito da rede."


def test_a_date_parameter_is_spelt_in_each_language() -> None:
    text = _(
        "{item} ends on {end}, before it starts on {start}.",
        item="x",
        end=dt.date(2024, 5, 31),
        start=dt.date(2024, 6, 1),
    )
    assert text("en") == "x ends on 31 May 2024, before it starts on 1 June 2024."
    assert text("fr") == "x finit le 31 mai 2024, avant de commencer le 1er juin 2024."
    assert text("pt") == "x termina a 31 de maio de 2024, antes de começar a 1 de junho de 2024."


def test_a_list_of_ids_takes_the_plural_of_its_length() -> None:
    from compagnonnage.rules._results import _UNKNOWN

    one, two = (
        _UNKNOWN["recommendation"].bind(1, ind="i", ids="r1"),
        _UNKNOWN["recommendation"].bind(2, ind="i", ids="r1, r2"),
    )
    assert one("en") == "Indicator i tracks an unknown recommendation: r1."
    assert two("en") == "Indicator i tracks unknown recommendations: r1, r2."
    assert one("fr") == "L'indicateur i suit une préconisation inconnue : r1."
    assert two("pt") == "O indicador i acompanha recomendações desconhecidas: r1, r2."


def test_a_stage_parameter_is_named_in_each_language() -> None:
    v = _violation("STG-001", ("cma-ucrm-2021",))
    assert "draft" in v.message("en")
    assert "brouillon" in v.message("fr")


def test_every_rule_has_a_title_in_every_language() -> None:
    assert {"en", "fr", "pt"} <= set(languages())
    for r in CORE_RULES:
        assert isinstance(r.title, Message)
        en = r.title(SOURCE_LANGUAGE)
        assert en.strip()
        for lang in languages():
            assert r.title(lang).strip()
            if lang != SOURCE_LANGUAGE:
                assert r.title(lang) != en, (r.code, lang)


def test_breaches_and_violations_are_immutable_and_hold_one_message() -> None:
    text = _("Support action {action} is neither remote nor on site.", action="a-1")
    breach = Breach(("a-1",), text)
    with pytest.raises(AttributeError):
        breach.text = _("other")  # type: ignore[misc]
    with pytest.raises(AttributeError):
        breach.text.params = {}  # type: ignore[misc]
    v = _violation("STG-007", ("act-training-elus",))
    with pytest.raises(AttributeError):
        v.text = text  # type: ignore[misc]
    with pytest.raises(AttributeError):
        v.subjects = ()  # type: ignore[misc]
    assert not hasattr(v, "fr")
    assert not hasattr(v, "en")
    assert hash(v) == hash(_violation("STG-007", ("act-training-elus",)))


def test_a_breach_refuses_text_that_is_not_a_message() -> None:
    with pytest.raises(ValueError, match=r"Breach\.text: expected a Message"):
        Breach(("a-1",), "plain English")  # type: ignore[arg-type]
