"""Exports laid out exactly as ODK Central and KoboToolbox write them, and bad exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compagnonnage.diagnostics import (
    CollectedAnswers,
    DiagnosticModule,
    GivenAnswer,
    RespondentAnswers,
    RespondentGroup,
)
from compagnonnage.forms import ExportError, read_exports
from compagnonnage.plugins import get_plugin_manager

EXPORTS = Path(__file__).parent / "exports"
FOOD: DiagnosticModule = next(m for m in get_plugin_manager().modules() if m.id == "food-trades")


def _dimension(question_id: str) -> str:
    return FOOD.question(question_id).dimension_id


def _expected(*, with_rejected: bool) -> CollectedAnswers:
    def given(question: str, value: object, note: str | None = None) -> GivenAnswer:
        return GivenAnswer(question=question, value=value, note=note)  # type: ignore[arg-type]

    respondents = [
        RespondentAnswers(
            id="boul-lome-1",
            group=RespondentGroup.CONSTITUENTS,
            answers={
                "food-trades": (
                    given("food-water-handwash", True, "Lavabo, savon et eau de ville"),
                    given("food-hygiene-trained", "some"),
                    given("food-cold-share", 25),
                    given("food-purchasing", "regular"),
                    given("food-traceability", False),
                    given("food-improved-ovens", 12, 'Deux fours améliorés "Roumdé"'),
                )
            },
        ),
        RespondentAnswers(
            id="ucrm-sg",
            group=RespondentGroup.STAFF,
            answers={
                "food-trades": (
                    given("food-water-handwash", False),
                    given("food-hygiene-trained", "none"),
                    given("food-purchasing", "grouped-sometimes", "coopérative des boulangers"),
                    given("food-improved-ovens", 8),
                )
            },
        ),
    ]
    if with_rejected:
        respondents.append(
            RespondentAnswers(
                id="elu-3",
                group=RespondentGroup.ELECTED_OFFICIALS,
                answers={"food-trades": (given("food-water-handwash", True),)},
            )
        )
    return CollectedAnswers(
        respondents=tuple(respondents),
        desired={
            "food-trades": {
                _dimension("food-water-handwash"): 3,
                _dimension("food-cold-share"): 3,
                _dimension("food-purchasing"): 4,
            }
        },
        versions={"food-trades": "1.0"},
    )


@pytest.mark.parametrize(
    ("name", "shape", "edited"),
    [
        ("central.csv", "central-csv", 0),
        ("central-no-group-paths.csv", "central-csv", 0),
        ("central.json", "central-json", 0),
        ("kobo.json", "kobo-json", 1),
        ("kobo.csv", "kobo-csv", 0),
    ],
)
def test_exports_as_the_servers_write_them_import_correctly(
    name: str, shape: str, edited: int
) -> None:
    path = EXPORTS / name
    everything = read_exports([path], FOOD)
    assert everything.files == ((str(path), shape),)
    assert everything.answers == _expected(with_rejected=True)
    assert everything.read == 3 + edited
    assert everything.skipped == {"edited": edited, "rejected": 0}
    reviewed = read_exports([path], FOOD, skip_rejected=True)
    assert reviewed.answers == _expected(with_rejected=False)
    assert reviewed.skipped == {"edited": edited, "rejected": 1}


def test_the_same_submissions_in_two_exports_count_once() -> None:
    report = read_exports([EXPORTS / "central.csv", EXPORTS / "central.json"], FOOD)
    assert report.answers == _expected(with_rejected=True)
    assert report.read == 6
    assert report.skipped["edited"] == 3


def test_a_label_export_is_refused_with_the_option_to_pick() -> None:
    path = EXPORTS / "kobo-labels.csv"
    with pytest.raises(ExportError) as caught:
        read_exports([path], FOOD)
    (problem,) = caught.value.problems
    assert problem.message("en") == (
        f"{path}, row 1: an export with question labels: in KoboToolbox, export with "
        "'XML values and headers'"
    )
    assert "« Valeurs et en-têtes XML »" in caught.value.message("fr")


def _rewrite(tmp_path: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    text = (EXPORTS / name).read_text(encoding="utf-8-sig")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def test_every_bad_cell_is_reported_with_file_row_and_column(tmp_path: Path) -> None:
    path = _rewrite(tmp_path, "central.csv", 'yes,"Lavabo', 'oui,"Lavabo')
    text = path.read_text(encoding="utf-8")
    text = text.replace(",25,,3,", ",vingt-cinq,,3,").replace(",some,,3,", ",sometimes,,9,")
    text = text.replace("SubmissionDate,module_id", "SubmissionDate,module_id", 1)
    text = text.replace(",ucrm-sg,", ",boul-lome-1,").replace("1.0,elu-3", "0.9,elu-3")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        read_exports([path], FOOD)
    lines = caught.value.message("en").splitlines()
    assert lines[0] == "unreadable exports, 6 problems:"
    assert lines[1:] == [
        f"  {path}, row 2, column 'g_hygiene-food_water_handwash': expected yes or no, got \"oui\"",
        f"  {path}, row 2, column 'g_hygiene-food_hygiene_trained': expected one of the choices "
        'none, some, most, all_refreshed, got "sometimes"',
        f"  {path}, row 2, column 'g_hygiene-hygiene_desired': expected a level from 1 to 4, "
        'got "9"',
        f"  {path}, row 2, column 'g_cold_chain-food_cold_share': expected a whole number, "
        'got "vingt-cinq"',
        f"  {path}, row 4, column 'module_version': a submission for version 0.9, not 1.0",
        f"  {path}, row 3, column 'respondent_id': respondent boul-lome-1 already answered "
        f"({path}, row 2)",
    ]
    french = caught.value.message("fr").splitlines()
    assert french[0] == "exports illisibles, 6 problèmes :"
    assert french[1] == (
        f"  {path}, ligne 2, colonne 'g_hygiene-food_water_handwash' : attendu : yes ou no, "
        'reçu "oui"'
    )


def test_an_unknown_column_or_another_module_is_reported(tmp_path: Path) -> None:
    text = (EXPORTS / "kobo.json").read_text(encoding="utf-8")
    text = text.replace(
        '"module_id":"food-trades","module_version":"1.0","respondent_id":"ucrm-sg"',
        '"module_id":"building-trades","module_version":"1.0","respondent_id":"ucrm-sg"',
    ).replace('"g_supply/food_purchasing_note"', '"g_supply/qualite"')
    path = tmp_path / "kobo.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        read_exports([path], FOOD)
    assert [p.message("en") for p in caught.value.problems] == [
        f"{path}, submission 2, key 'g_supply/qualite': unknown column of this form",
        f"{path}, submission 2, key 'module_id': a submission for module building-trades, "
        "not food-trades",
    ]


def test_a_truncated_export_is_reported(tmp_path: Path) -> None:
    for name, expected in (
        ("central.csv", "cells for 32 columns (a truncated file?)"),
        ("central.json", "invalid JSON (line 1, column"),
        ("kobo.csv", "unreadable CSV"),
    ):
        data = (EXPORTS / name).read_bytes()
        path = tmp_path / name
        path.write_bytes(data[: len(data) * 2 // 3])
        with pytest.raises(ExportError) as caught:
            read_exports([path], FOOD)
        assert expected in caught.value.message("en")


def test_an_export_that_is_not_utf8_or_not_an_export(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes((EXPORTS / "central.csv").read_text(encoding="utf-8").encode("latin-1"))
    other = tmp_path / "other.json"
    other.write_text('{"answers": []}', encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        read_exports([latin, other], FOOD)
    assert [p.message("en") for p in caught.value.problems] == [
        f"{latin}: the file is not UTF-8 (byte 839)",
        f'{other}: neither an ODK Central OData export ({{"value": […]}}) nor a KoboToolbox '
        'JSON export ({"results": […]})',
    ]


def test_a_fraction_for_a_whole_number_question_is_refused(tmp_path: Path) -> None:
    path = _rewrite(
        tmp_path,
        "kobo.json",
        '"g_cold_chain/food_cold_share":"25"',
        '"g_cold_chain/food_cold_share":"25.5"',
    )
    with pytest.raises(ExportError) as caught:
        read_exports([path], FOOD)
    assert 'expected a whole number, got "25.5"' in caught.value.message("en")


_CORRUPTIONS = st.sampled_from(
    [
        b"",
        b"\x00",
        b"\xff",
        b'"',
        b";",
        b",",
        b"\n",
        b"\r",
        b"{",
        b"}",
        b"[",
        b"]",
        b":",
        b"NaN",
        b"1e400",
        b"\xef\xbb\xbf",
        b"\\ud800",
        b"9" * 30,
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["central.csv", "central.json", "kobo.json", "kobo.csv"]),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), _CORRUPTIONS), max_size=4),
)
def test_a_corrupted_export_gives_answers_or_our_error(
    tmp_path: Path, name: str, edits: list[tuple[float, int, bytes]]
) -> None:
    data = bytearray((EXPORTS / name).read_bytes())
    for where, cut, insert in edits:
        at = int(where * len(data))
        data[at : at + cut] = insert
    path = tmp_path / name
    path.write_bytes(bytes(data))
    outcome: CollectedAnswers | ExportError
    try:
        outcome = read_exports([path], FOOD).answers
    except ExportError as err:
        outcome = err
    if isinstance(outcome, ExportError):
        assert outcome.problems
        assert all(p.source == str(path) for p in outcome.problems)
        assert outcome.message("fr").startswith("exports illisibles")
    else:
        assert all(r.answers.keys() <= {"food-trades"} for r in outcome.respondents)


def test_a_repeated_column_or_key_is_refused(tmp_path: Path) -> None:
    csv_path = _rewrite(tmp_path, "central.csv", ",respondent_group,", ",respondent_id,")
    json_path = _rewrite(
        tmp_path, "kobo.json", '"respondent_group":"staff"', '"respondent_id":"staff"'
    )
    with pytest.raises(ExportError) as caught:
        read_exports([csv_path, json_path], FOOD)
    assert [p.message("en") for p in caught.value.problems] == [
        f"{csv_path}, row 1: columns repeated: respondent_id",
        f"{json_path}: keys repeated in an object: respondent_id",
    ]


def test_a_bad_programme_id_or_a_lone_surrogate_is_a_located_problem(tmp_path: Path) -> None:
    text = (EXPORTS / "kobo.json").read_text(encoding="utf-8")
    text = text.replace(
        '"module_id":"food-trades","module_version":"1.0","respondent_id":"ucrm-sg"',
        '"module_id":"food-trades","module_version":"1.0","programme_id":"a b",'
        '"respondent_id":"ucrm-sg"',
    )
    text = text.replace(
        '"g_hygiene/food_hygiene_trained":"none"', '"g_hygiene/food_hygiene_trained":"\\ud800"'
    )
    path = tmp_path / "kobo.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        read_exports([path], FOOD)
    assert [p.message("en") for p in caught.value.problems] == [
        f"{path}, submission 2, key 'g_hygiene/food_hygiene_trained': expected one of the "
        'choices none, some, most, all_refreshed, got "\\ud800"',
        f"{path}, submission 2, key 'programme_id': expected a programme id, got \"a b\"",
    ]
    assert "\ud800" not in caught.value.message("fr")
