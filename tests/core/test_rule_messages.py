"""The message of each rule, in French and in English, on the bundled example.

Each case plants one defect in the Togo example (at the accompaniment stage)
and pins the exact messages: a change of wording shows up here, in review.
"""

from __future__ import annotations

import pytest

from compagnonnage import check
from compagnonnage.example import togo_programme
from compagnonnage.rules import CORE_RULES
from compagnonnage.testing._defects import DEFECTS

CASES = [
    (
        "REF-001",
        ("mission-lome-2021-04", "exp-ghost"),
        "Sur la mission mission-lome-2021-04, experts hors de l'équipe : exp-ghost.",
        "On mission mission-lome-2021-04, experts not in the team: exp-ghost.",
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
        "Historique [40] : officer-outside n'est ni du bénéficiaire ni de l'équipe d'experts.",
        "History [40]: officer-outside is neither of the beneficiary nor of the expert team.",
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
        "L'action act-planted commence le 2021-05-02, avant la clôture du diagnostic le 2021-05-03.",
        "Support action act-planted starts on 2021-05-02, before the diagnostic closed on 2021-05-03.",
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
        "cma-ucrm-2021 finit le 2024-05-31, avant de commencer le 2024-06-01.",
        "cma-ucrm-2021 ends on 2024-05-31, before it starts on 2024-06-01.",
    ),
    (
        "STG-014",
        ("cma-ucrm-2021",),
        "Historique [41] : réouverture sans motif.",
        "History [41]: reopening without a reason.",
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


@pytest.mark.parametrize(("code", "subjects", "fr", "en"), CASES, ids=[c[0] for c in CASES])
def test_rule_message_in_both_languages(
    code: str, subjects: tuple[str, ...], fr: str, en: str
) -> None:
    report = check(DEFECTS[code].plant(togo_programme()))
    found = [v for v in report if v.code == code and v.subjects == subjects]
    assert len(found) == 1
    assert found[0].message("fr") == fr
    assert found[0].message("en") == en


def test_every_rule_has_a_title_in_both_languages() -> None:
    for r in CORE_RULES:
        assert r.title.fr.strip()
        assert r.title.en.strip()
        assert r.title.fr != r.title.en
