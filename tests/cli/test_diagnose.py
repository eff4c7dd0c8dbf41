"""``compagnonnage diagnose``: scores from collected answers, and --write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from cli_support import Run

from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    CollectedAnswers,
    Respondent,
    RespondentGroup,
)
from compagnonnage.documents import (
    SCHEMA_VERSION,
    DocumentError,
    dump,
    dumps,
    load,
    load_answers,
    loads,
)
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage
from compagnonnage.plugins import get_plugin_manager

ELECTED = Respondent(id="ucrm-elu-1", group=RespondentGroup.ELECTED_OFFICIALS)
STAFF = Respondent(id="ucrm-sg", group=RespondentGroup.STAFF)
MODULE = "consular-chamber"


def _collected() -> CollectedAnswers:
    return CollectedAnswers.of(
        {
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


def _write(path: Path, collected: CollectedAnswers) -> Path:
    path.write_text(dumps(collected), encoding="utf-8")
    return path


@pytest.fixture
def diagnostic_file(tmp_path: Path) -> Path:
    path = tmp_path / "togo-diagnostic.json"
    dump(togo_programme(stage=Stage.DIAGNOSTIC), path)
    return path


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "answers.json", _collected())


def test_the_answers_document_round_trips() -> None:
    collected = _collected()
    text = dumps(collected)
    back = loads(text, cls=CollectedAnswers)
    assert back == collected
    assert set(back.answers(MODULE)) == set(_collected().answers(MODULE))
    assert dumps(back) == text


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
    assert "record_score (recording a score) refused" in result.err
    assert "STG-014" in result.err
    assert example_file.read_bytes() == before


def _respondent(answers: Any, ident: str = "r1", group: str = "staff") -> dict[str, Any]:
    return {"id": ident, "group": group, "answers": {MODULE: answers}}


def _document(*respondents: Any, desired: Any = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"respondents": list(respondents), **extra}
    if desired is not None:
        body["desired"] = desired
    return {"schema_version": 2, "answers": body}


_AT = '$.answers.respondents[0].answers["consular-chamber"]'

# Issue 17's answers files: every one gives a DocumentError naming the file, with every
# problem at its JSONPath, in French and English, as programme documents do.
BAD_ANSWERS: list[tuple[str, Any, list[str]]] = [
    (
        "truncated",
        '{"schema_version": 2, "answers": {"respondents": [',
        ["$: invalid JSON: Expecting value (line 1, column 51)"],
    ),
    (
        "not_utf8",
        b'{"schema_version": 2, "answers": "\xff"}',
        ["$: the document is not UTF-8 (byte 34)"],
    ),
    (
        "bom",
        "\ufeff" + json.dumps(_document()),
        ["$: invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig) (line 1, column 1)"],
    ),
    ("utf16", json.dumps(_document()).encode("utf-16"), ["$: the document is not UTF-8 (byte 0)"]),
    (
        "schema_version_true",
        {"schema_version": True, "answers": {"respondents": []}},
        [f"$.schema_version: expected a format version from 1 to {SCHEMA_VERSION}, got True"],
    ),
    ("deep", "[" * 10_000 + "]" * 10_000, ["$: nesting too deep (at most 32 levels)"]),
    (
        "nan_and_huge",
        '{"schema_version": 2, "answers": {"respondents": [{"id": "r1", "group": "staff", '
        '"answers": {"consular-chamber": [{"question": "gov-own-resources", "value": NaN}, '
        '{"question": "gov-accounts", "value": Infinity}, '
        '{"question": "gov-technical-staff", "value": 1e400}, '
        '{"question": "trn-sessions", "value": ' + "9" * 5000 + "}]}}]}}",
        [
            f"{_AT}[0].value: NaN and Infinity are not valid JSON: NaN",
            f"{_AT}[1].value: NaN and Infinity are not valid JSON: Infinity",
            f"{_AT}[2].value: number too large: 1e400",
            f"{_AT}[3].value: number too large: " + "9" * 40,
        ],
    ),
    (
        "unknown_question_choice_yes_no",
        _document(
            _respondent(
                [
                    {"question": "no-such-question", "value": 1},
                    {"question": "gov-mandate-plan", "value": "maybe"},
                    {"question": "gov-minutes", "value": 1},
                    {"question": "gov-minutes", "value": True},
                ]
            )
        ),
        [
            f"{_AT}[0].question: unknown question (known: "
            + ", ".join(sorted(q.id for q in CONSULAR_CHAMBER_MODULE.questions))
            + ")",
            f'{_AT}[1].value: expected one of none, draft, adopted, monitored, got "maybe"',
            f"{_AT}[2].value: expected true (yes) or false (no), got 1",
            f"{_AT}[3].question: question already answered by this respondent",
        ],
    ),
    (
        "desired_levels",
        _document(desired={MODULE: {"finances": -5, "governing-bodies": 10**30, "nope": 2}}),
        [
            '$.answers.desired["consular-chamber"]["governing-bodies"]: number too large: '
            + str(10**30),
        ],
    ),
    (
        "desired_off_the_scale_and_unknown_dimension",
        _document(desired={MODULE: {"finances": -5, "nope": 2}}),
        [
            '$.answers.desired["consular-chamber"].finances: expected a level from 1 to 4, got -5',
            '$.answers.desired["consular-chamber"].nope: unknown dimension (known: '
            + ", ".join(sorted(d.id for d in CONSULAR_CHAMBER_MODULE.dimensions))
            + ")",
        ],
    ),
    (
        "repeated_respondent",
        _document(_respondent([]), _respondent([], group="partners")),
        ["$.answers.respondents[1].id: respondent already listed at respondents[0]"],
    ),
    (
        "key_with_a_space",
        _document({"id": "r1", "group": "staff", "answers": {"a key": []}}),
        ['$.answers.respondents[0].answers["a key"]: unknown module (known: consular-chamber)'],
    ),
    (
        "shape",
        {
            "schema_version": 2,
            "answers": {
                "respondents": [
                    {
                        "id": "r1",
                        "group": "mayors",
                        "answers": {"m": [{"question": "q", "valeur": 1}]},
                    }
                ],
                "desired": {"m": {"d": "high"}},
            },
            "extra": 1,
        },
        ["$.extra: unknown field (known fields: answers, schema_version)"],
    ),
]


@pytest.mark.parametrize(
    ("document", "problems"),
    [pytest.param(doc, problems, id=name) for name, doc, problems in BAD_ANSWERS],
)
def test_a_bad_answers_document_lists_every_problem_with_its_path(
    run: Run, diagnostic_file: Path, tmp_path: Path, document: Any, problems: list[str]
) -> None:
    path = tmp_path / "bad-answers.json"
    if isinstance(document, bytes):
        path.write_bytes(document)
    else:
        path.write_text(
            document if isinstance(document, str) else json.dumps(document), encoding="utf-8"
        )
    with pytest.raises(DocumentError) as caught:
        load_answers(path, get_plugin_manager().modules())
    assert caught.value.source == str(path)
    assert [str(p) for p in caught.value.problems] == problems
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert result.err.startswith(
        f"compagnonnage: {path}: invalid document, {len(problems)} problem"
    )
    assert "Traceback" not in result.err
    french = run("diagnose", str(diagnostic_file), "--answers", str(path), "--lang", "fr")
    assert french.err.startswith(f"compagnonnage\u00a0: {path}: document invalide")
    assert french.err.count("\n  $") == len(problems)


def test_a_lone_surrogate_in_an_answers_file_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(
        '{"schema_version": 2, "answers": {"respondents": [{"id": "r1", "group": "staff\\ud800", '
        '"answers": {}}]}}',
        encoding="utf-8",
    )
    with pytest.raises(DocumentError) as caught:
        load_answers(path, [CONSULAR_CHAMBER_MODULE])
    assert [p.path for p in caught.value.problems] == ["$.answers.respondents[0].group"]


def test_an_answers_file_over_the_size_limit_is_refused_before_it_is_parsed(
    run: Run, diagnostic_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.write(b'{"schema_version": 2, "answers": {"respondents": [], "x": "')
        f.write(b"a" * (16 * 1024 * 1024))
        f.write(b'"}}')
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert "document too large" in result.err


def test_an_old_answers_file_of_the_command_line_is_upgraded(
    run: Run, diagnostic_file: Path, tmp_path: Path
) -> None:
    """The command line's own format (version 1) had the payload of today's answers document."""
    path = tmp_path / "old.json"
    old = {
        "schema_version": 1,
        "answers": {
            "desired": {MODULE: {"finances": 3}},
            "respondents": [
                {
                    "id": "ucrm-sg",
                    "group": "staff",
                    "answers": {MODULE: [{"question": "gov-own-resources", "value": 10.5}]},
                }
            ],
        },
    }
    path.write_text(json.dumps(old), encoding="utf-8")
    collected = load(path, cls=CollectedAnswers)
    assert collected.answers(MODULE) == (
        Answer(respondent=STAFF, question_id="gov-own-resources", value=10.5),
    )
    assert collected.desired == {MODULE: {"finances": 3}}
    result = run("diagnose", str(diagnostic_file), "--answers", str(path), "--format", "json")
    assert result.code == 0


def test_answers_to_a_module_that_does_not_apply_are_refused(
    run: Run, env: pytest.MonkeyPatch, diagnostic_file: Path, tmp_path: Path
) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fake,food")
    programme = togo_programme(stage=Stage.DIAGNOSTIC)
    tailoring = attrs.evolve(programme.scope, trades=programme.scope.trades[1:2])
    dump(attrs.evolve(programme, scope=tailoring), diagnostic_file)
    collected = CollectedAnswers.of(
        {"food-trades": (Answer(respondent=STAFF, question_id="food-water-handwash", value=True),)}
    )
    path = _write(tmp_path / "answers.json", collected)
    result = run("diagnose", str(diagnostic_file), "--answers", str(path))
    assert result.code == 2
    assert "answers to modules that do not apply to this programme: food-trades" in result.err


def test_answers_for_another_programme_or_module_version_are_refused(
    run: Run, diagnostic_file: Path, tmp_path: Path
) -> None:
    answers = {MODULE: (Answer(respondent=STAFF, question_id="gov-minutes", value=True),)}
    other = _write(tmp_path / "other.json", CollectedAnswers.of(answers, programme_id="elsewhere"))
    result = run("diagnose", str(diagnostic_file), "--answers", str(other))
    assert result.code == 2
    assert (
        f"{other}: answers collected for programme elsewhere, not for cma-ucrm-2021" in result.err
    )
    old = _write(tmp_path / "old.json", CollectedAnswers.of(answers, versions={MODULE: "0.9"}))
    result = run("diagnose", str(diagnostic_file), "--answers", str(old), "--lang", "fr")
    assert result.code == 2
    assert (
        '$.answers.versions["consular-chamber"]: réponses à la version 0.9 du module ; '
        "la version installée est 1.0"
    ) in result.err


def test_a_missing_answers_file(run: Run, diagnostic_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = run("diagnose", str(diagnostic_file), "--answers", str(missing))
    assert result.code == 2
    assert f"{missing}: no such file" in result.err
