"""``compagnonnage diagnose``: scores from collected answers, and --write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import Run

from compagnonnage.cli import _answers
from compagnonnage.diagnostics import Answer, Respondent, RespondentGroup
from compagnonnage.documents import DocumentError, dump, load
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage

ELECTED = Respondent(id="ucrm-elu-1", group=RespondentGroup.ELECTED_OFFICIALS)
STAFF = Respondent(id="ucrm-sg", group=RespondentGroup.STAFF)
MODULE = "consular-chamber"


def _collected() -> _answers.CollectedAnswers:
    return _answers.CollectedAnswers(
        answers={
            MODULE: (
                Answer(respondent=ELECTED, question_id="gov-bureau-meetings", value=6),
                Answer(respondent=STAFF, question_id="gov-bureau-meetings", value=1),
                Answer(
                    respondent=ELECTED,
                    question_id="gov-own-resources",
                    value=15,
                    note="cotisations faibles",
                ),
                Answer(respondent=STAFF, question_id="gov-own-resources", value=10),
                Answer(respondent=STAFF, question_id="gov-minutes", value=True),
                Answer(respondent=ELECTED, question_id="trn-partners", value="GIZ"),
            )
        },
        desired={MODULE: {"finances": 3}},
    )


@pytest.fixture
def diagnostic_file(tmp_path: Path) -> Path:
    path = tmp_path / "togo-diagnostic.json"
    dump(togo_programme(stage=Stage.DIAGNOSTIC), path)
    return path


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(_answers.dumps(_collected()), encoding="utf-8")
    return path


def test_the_answers_document_round_trips() -> None:
    collected = _collected()
    text = _answers.dumps(collected)
    back = _answers.loads(text)
    assert set(back.answers[MODULE]) == set(collected.answers[MODULE])
    assert back.desired == collected.desired
    assert _answers.dumps(back) == text


def test_diagnose_prints_levels_by_group_divergence_evidence_and_findings(
    run: Run, diagnostic_file: Path, answers_file: Path
) -> None:
    result = run("diagnose", str(diagnostic_file), "--answers", str(answers_file), "--lang", "fr")
    assert result.code == 0
    out = result.out
    assert out.startswith(
        "Diagnostic institutionnel d'une chambre de métiers (consular-chamber 1.0)"
    )
    row = next(line for line in out.splitlines() if line.startswith("Ressources financières"))
    assert row.split()[2:6] == ["1", "3", "+2", "élus"]
    assert "Fonctionnement des instances" in out
    assert "2 (les répondants divergent)" in out
    assert "    élus ucrm-elu-1, gov-own-resources = 15 → 1 « cotisations faibles »" in out
    assert "    salariés ucrm-sg, gov-minutes = oui → 4" in out
    assert "[problématique lourde] consular-chamber/finances/issue — Ressources financières" in out
    assert "[préconisation] consular-chamber/finances/recommendation" in out


def test_diagnose_json_parses_back(run: Run, diagnostic_file: Path, answers_file: Path) -> None:
    result = run(
        "diagnose", str(diagnostic_file), "--answers", str(answers_file), "--format", "json"
    )
    assert result.code == 0
    data = json.loads(result.out)
    assert data["written"] is False
    (module,) = data["results"]
    dims = {d["dimension"]: d for d in module["dimensions"]}
    assert dims["finances"]["level"] == 1
    assert dims["finances"]["desired"] == 3
    assert dims["finances"]["gap"] == 2
    assert dims["governing-bodies"]["by_group"] == {"elected_officials": 3, "staff": 1}
    assert dims["governing-bodies"]["divergent"] is True
    assert len(dims["governing-bodies"]["evidence"]) == 3
    kinds = [(f["kind"], f["id"]) for f in module["suggested"]]
    assert ("major_issue", "consular-chamber/governing-bodies/divergence") in kinds


def test_diagnose_write_records_scores_and_findings_atomically(
    run: Run, diagnostic_file: Path, answers_file: Path
) -> None:
    before: Programme = load(diagnostic_file)
    result = run("diagnose", str(diagnostic_file), "--answers", str(answers_file), "--write")
    assert result.code == 0
    assert f"Scores and suggested findings recorded into {diagnostic_file}." in result.out
    after: Programme = load(diagnostic_file)
    scores = {s.dimension_id: (s.level, s.desired) for s in after.diagnostic.scores}
    kept = {s.dimension_id: (s.level, s.desired) for s in before.diagnostic.scores}
    assert scores == {**kept, "governing-bodies": (1, None), "finances": (1, 3)}
    new = after.diagnostic.finding_ids - before.diagnostic.finding_ids
    assert "consular-chamber/finances/recommendation" in new
    assert len(after.history) > len(before.history)
    assert list(diagnostic_file.parent.glob(".*.tmp")) == []
    assert run("check", str(diagnostic_file)).code == 0


def test_diagnose_write_is_refused_once_the_diagnostic_is_closed(
    run: Run, example_file: Path, answers_file: Path
) -> None:
    before = example_file.read_bytes()
    result = run("diagnose", str(example_file), "--answers", str(answers_file), "--write")
    assert result.code == 2
    assert "record_score refused" in result.err
    assert "STG-014" in result.err
    assert example_file.read_bytes() == before


@pytest.mark.parametrize(
    ("document", "problems"),
    [
        (
            "{",
            [
                "$: invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
            ],
        ),
        ("[]", ["$: expected an object", "$.answers.respondents: required field missing"]),
        (
            {},
            [
                "$.answers: required field missing",
                "$.schema_version: required field missing",
                "$.answers.respondents: required field missing",
            ],
        ),
        (
            {"schema_version": 2, "answers": {"respondents": []}, "extra": 1},
            ["$.extra: unknown field", "$.schema_version: expected 1"],
        ),
        (
            {
                "schema_version": 1,
                "answers": {"respondents": [{"id": "r1", "group": "mayors", "answers": {}}]},
            },
            [
                "$.answers.respondents[0].group: expected one of elected_officials, staff, constituents, partners"
            ],
        ),
        (
            {
                "schema_version": 1,
                "answers": {
                    "respondents": [
                        {
                            "id": "r1",
                            "group": "staff",
                            "answers": {"m": [{"question": "q", "valeur": 1}]},
                        }
                    ],
                    "desired": {"m": {"d": "high"}},
                },
            },
            [
                '$.answers.respondents[0].answers["m"][0].value: required field missing',
                '$.answers.respondents[0].answers["m"][0].valeur: unknown field',
                '$.answers.desired["m"]["d"]: expected a whole level',
            ],
        ),
    ],
)
def test_a_bad_answers_document_lists_every_problem_with_its_path(
    run: Run, diagnostic_file: Path, tmp_path: Path, document: Any, problems: list[str]
) -> None:
    path = tmp_path / "bad-answers.json"
    path.write_text(
        document if isinstance(document, str) else json.dumps(document), encoding="utf-8"
    )
    with pytest.raises(DocumentError) as caught:
        _answers.load(path)
    assert [str(p) for p in caught.value.problems] == problems
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert result.err.startswith(f"compagnonnage: {path}: invalid document")


def test_answers_to_a_module_that_does_not_apply_are_refused(
    run: Run, diagnostic_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    collected = _answers.CollectedAnswers(
        answers={"bakery-hygiene": (Answer(respondent=STAFF, question_id="q", value=1),)},
        desired={},
    )
    path.write_text(_answers.dumps(collected), encoding="utf-8")
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert "answers to modules that do not apply to this programme: bakery-hygiene" in result.err


def test_an_answer_to_an_unknown_question_is_a_user_error(
    run: Run, diagnostic_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    collected = _answers.CollectedAnswers(
        answers={MODULE: (Answer(respondent=STAFF, question_id="no-such-question", value=1),)},
        desired={},
    )
    path.write_text(_answers.dumps(collected), encoding="utf-8")
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert "no-such-question" in result.err
    assert "Traceback" not in result.err


def test_a_missing_answers_file(run: Run, diagnostic_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = run("diagnose", str(diagnostic_file), "--answers", str(missing))
    assert result.code == 2
    assert f"{missing}: no such file" in result.err
