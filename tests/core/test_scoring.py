"""Suggested recommendations: their horizon follows the gap, their words the language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    Respondent,
    RespondentGroup,
    score,
)
from compagnonnage.model import Horizon, IssueSeverity

ELU = Respondent(id="elu", group=RespondentGroup.ELECTED_OFFICIALS)
AT_THE_BOTTOM = [Answer(respondent=ELU, question_id="gov-mandate-plan", value="none")]


@pytest.mark.parametrize(
    ("desired", "horizon"),
    [
        (None, Horizon.SHORT),
        (1, Horizon.SHORT),
        (2, Horizon.SHORT),
        (3, Horizon.MEDIUM),
        (4, Horizon.LONG),
    ],
)
def test_the_horizon_grows_with_the_gap(desired: int | None, horizon: Horizon) -> None:
    wanted = {} if desired is None else {"mandate-strategy": desired}
    result = score(CONSULAR_CHAMBER_MODULE, AT_THE_BOTTOM, desired=wanted)
    (rec,) = result.findings("en").recommendations
    assert result["mandate-strategy"].level == 1
    assert rec.horizon is horizon


@pytest.mark.parametrize(("lang", "words"), [("fr", " — Viser : "), ("en", " — Aim for: ")])
def test_a_recommendation_is_worded_in_its_language(lang: str, words: str) -> None:
    result = score(CONSULAR_CHAMBER_MODULE, AT_THE_BOTTOM)
    (rec,) = result.findings(lang).recommendations  # type: ignore[arg-type]
    assert words in rec.statement


CADRE = Respondent(id="cadre", group=RespondentGroup.STAFF)


@pytest.mark.parametrize(
    ("respondents", "severity"),
    [((ELU,), IssueSeverity.HIGH), ((ELU, CADRE), IssueSeverity.CRITICAL)],
    ids=["one-group", "every-group"],
)
def test_a_bottom_level_is_critical_only_when_every_group_puts_it_there(
    respondents: tuple[Respondent, ...], severity: IssueSeverity
) -> None:
    answers = [
        Answer(respondent=r, question_id="gov-mandate-plan", value="none") for r in respondents
    ]
    (issue,) = score(CONSULAR_CHAMBER_MODULE, answers).findings("en").issues
    assert issue.severity is severity


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "les répondants divergent (niveaux 1 à 4 ;"),
        ("en", "respondents diverge (levels 1 to 4;"),
    ],
)
def test_a_divergence_is_worded_in_its_language(lang: str, words: str) -> None:
    answers = [
        Answer(respondent=ELU, question_id="sup-register-state", value="digital-used"),
        Answer(respondent=CADRE, question_id="sup-register-state", value="paper-incomplete"),
    ]
    issues = score(CONSULAR_CHAMBER_MODULE, answers).findings(lang).issues  # type: ignore[arg-type]
    (divergence,) = [i for i in issues if i.id.endswith("/divergence")]
    assert words in divergence.statement


def test_a_dimension_takes_the_median_of_its_respondents() -> None:
    values = ("paper-incomplete", "partly-digital", "digital-used")  # levels 1, 3, 4
    answers = [
        Answer(
            respondent=Respondent(id=f"elu-{i}", group=RespondentGroup.ELECTED_OFFICIALS),
            question_id="sup-register-state",
            value=v,
        )
        for i, v in enumerate(values)
    ]
    d = score(CONSULAR_CHAMBER_MODULE, answers)["trades-register"]
    assert sorted(e.level for e in d.evidence if e.level is not None) == [1, 3, 4]
    assert d.level == 3


@pytest.mark.parametrize(
    ("lang", "statement"),
    [
        ("fr", "Stratégie et plan de mandature — Pas de plan de mandature"),
        ("en", "Strategy and mandate plan — No mandate plan"),
    ],
)
def test_a_bottom_level_issue_states_the_bottom_level(lang: str, statement: str) -> None:
    (issue,) = score(CONSULAR_CHAMBER_MODULE, AT_THE_BOTTOM).findings(lang).issues  # type: ignore[arg-type]
    assert issue.statement == statement


def test_evidence_says_its_level_or_that_it_has_none() -> None:
    answers = [
        *AT_THE_BOTTOM,
        Answer(respondent=CADRE, question_id="trn-partners", value="Centre de Lomé", note="liste"),
    ]
    result = score(CONSULAR_CHAMBER_MODULE, answers)
    (leveled,) = result["mandate-strategy"].evidence
    (text,) = result["continuing-training"].evidence
    assert str(leveled) == "elected_officials/elu gov-mandate-plan='none' (level 1)"
    assert str(text) == "staff/cadre trn-partners='Centre de Lomé' (evidence): liste"


def test_a_top_level_practice_states_the_top_level() -> None:
    answers = [Answer(respondent=CADRE, question_id="ter-agreements", value=Decimal(7))]
    (practice,) = score(CONSULAR_CHAMBER_MODULE, answers).findings("en").practices
    dim = next(d for d in CONSULAR_CHAMBER_MODULE.dimensions if d.id == "partnerships")
    assert practice.statement == f"{dim.title('en')} — {dim.levels[-1]('en')}"
