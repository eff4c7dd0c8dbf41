"""Multiple-choice questions: scoring, validation, ``select_multiple`` forms and their exports."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compagnonnage.diagnostics import (
    Choice,
    Combine,
    DiagnosticModule,
    Dimension,
    MultipleChoiceQuestion,
    NumberQuestion,
    Scale,
    Text,
    YesNoQuestion,
    score,
)
from compagnonnage.errors import InvalidValueError
from compagnonnage.forms import ExportError, read_exports, xlsform
from compagnonnage.forms._layout import layout

SCALE = Scale()


def _t(word: str) -> Text:
    return Text(f"{word} (fr)", word, pt=f"{word} (pt)")


def _levels() -> tuple[Text, ...]:
    return tuple(_t(f"level {n}") for n in SCALE.levels)


CHECKLIST = MultipleChoiceQuestion(
    id="elements",
    dimension_id="services",
    text=_t("Which of these does the chamber have?"),
    choices=(
        Choice(id="card", label=_t("Professional card"), level=1),
        Choice(id="register", label=_t("Computerised register"), level=1),
        Choice(id="catalogue", label=_t("Service catalogue"), level=2),
        Choice(id="advice", label=_t("Advice desk"), level=1),
        Choice(id="other", label=_t("Other"), level=None),
        Choice(id="none", label=_t("None of these"), level=0),
    ),
    thresholds=(1, 3, 5),
    exclusive={"none"},
)
WEAKNESSES = MultipleChoiceQuestion(
    id="problems",
    dimension_id="weaknesses",
    text=_t("Which of these problems does the chamber face?"),
    combine=Combine.LOWEST,
    choices=(
        Choice(id="no-premises", label=_t("No premises"), level=1),
        Choice(id="unpaid-staff", label=_t("Staff unpaid for months"), level=2),
        Choice(id="no-quorum", label=_t("Bodies without quorum"), level=3),
        Choice(id="unknown", label=_t("Don't know"), level=None),
        Choice(id="none", label=_t("None of these"), level=4),
    ),
    exclusive={"none", "unknown"},
)
MODULE = DiagnosticModule(
    id="multi-test",
    version="2.1",
    title=_t("A module with multiple choices"),
    dimensions=(
        Dimension(id="services", theme=_t("Support"), title=_t("Services"), levels=_levels()),
        Dimension(id="weaknesses", theme=_t("Governance"), title=_t("Weak"), levels=_levels()),
    ),
    questions=(
        CHECKLIST,
        YesNoQuestion(id="card-given", dimension_id="services", text=_t("Card given?")),
        WEAKNESSES,
    ),
)


# -- recording and scoring --------------------------------------------------------------


def test_an_answer_is_the_ticked_ids_separated_by_spaces_in_the_question_order() -> None:
    assert CHECKLIST.answer("advice", "card") == "card advice"
    assert CHECKLIST.chosen("  advice   card ") == ("card", "advice")


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("none", 1),  # nothing the chamber should have: bottom of the scale
        ("card", 2),  # 1 point reaches the first threshold
        ("card register", 2),
        ("card catalogue", 3),  # 1 + 2 points
        ("card register catalogue advice", 4),  # 5 points
        ("card other", 2),  # "other" adds nothing
        ("other", None),  # evidence only
    ],
)
def test_a_checklist_counts_the_contributions_of_the_ticked_options(
    answer: str, level: int | None
) -> None:
    assert CHECKLIST.level_of(answer, SCALE) == level


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("none", 4),
        ("no-quorum", 3),
        ("no-quorum unpaid-staff", 2),
        ("no-premises no-quorum", 1),
        ("unknown", None),
    ],
)
def test_the_most_limiting_weakness_caps_the_level(answer: str, level: int | None) -> None:
    assert WEAKNESSES.level_of(answer, SCALE) == level


def test_the_most_advanced_practice_gives_the_level() -> None:
    ladder = MultipleChoiceQuestion(
        id="practices",
        dimension_id="services",
        text=_t("Which of these does the chamber do?"),
        combine=Combine.HIGHEST,
        choices=Choice.ladder(
            ("adhoc", _t("Occasional services")),
            ("list", _t("A price list")),
            ("catalogue", _t("A catalogue")),
            ("monitored", _t("A monitored catalogue")),
        ),
    )
    assert ladder.level_of("list adhoc", SCALE) == 2
    assert ladder.level_of("monitored adhoc", SCALE) == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "ids among card, register, catalogue, advice, other, none, separated by spaces"),
        (["card"], "ids among card, register"),
        ("card vehicle", "ids among card, register"),
        ("card card", "each choice once at most"),
        ("card none", "none alone, without other choices"),
    ],
)
def test_an_answer_that_does_not_fit_says_what_was_expected(value: object, expected: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        CHECKLIST.level_of(value, SCALE)
    assert expected in str(caught.value)
    assert caught.value.field == "answer"


def _question(**overrides: object) -> MultipleChoiceQuestion:
    fields: dict[str, object] = {
        "id": "q",
        "dimension_id": "d",
        "text": _t("q"),
        "choices": (Choice(id="a", label=_t("a"), level=1), Choice(id="b", label=_t("b"), level=1)),
        "thresholds": (1, 2, 3),
    }
    fields.update(overrides)
    return MultipleChoiceQuestion(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "field", "expected"),
    [
        ({"choices": (Choice(id="a", label=_t("a")),)}, "choices", "at least two choices"),
        ({"exclusive": {"zzz"}}, "exclusive", "ids of its choices"),
        ({"thresholds": (2, 1, 3)}, "thresholds", "strictly increasing whole numbers"),
        ({"thresholds": (0, 1, 2)}, "thresholds", "above zero"),
        ({"combine": Combine.LOWEST}, "thresholds", "no thresholds with combine=lowest"),
        (
            {"choices": (Choice(id="a", label=_t("a"), level=-1), Choice(id="b", label=_t("b")))},
            "choices[a].level",
            "a contribution of zero or more",
        ),
    ],
)
def test_a_question_that_cannot_be_scored_is_refused(
    overrides: dict[str, object], field: str, expected: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        _question(**overrides)
    assert caught.value.field == field
    assert expected in str(caught.value)


def test_a_module_checks_the_question_against_its_scale() -> None:
    with pytest.raises(InvalidValueError, match="3 thresholds for a 1-4 scale"):
        _question(thresholds=(1, 2)).check_scale(SCALE)
    lowest = _question(
        combine=Combine.LOWEST,
        thresholds=(),
        choices=(Choice(id="a", label=_t("a"), level=9), Choice(id="b", label=_t("b"), level=1)),
    )
    with pytest.raises(InvalidValueError, match="a level in 1-4"):
        lowest.check_scale(SCALE)


# -- properties of the scoring ----------------------------------------------------------

_CONTRIBUTIONS = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=2, max_size=7)
_LEVELS = st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=2, max_size=7)


@st.composite
def questions(draw: st.DrawFn) -> MultipleChoiceQuestion:
    combine = draw(st.sampled_from(Combine))
    levels = draw(_CONTRIBUTIONS if combine is Combine.COUNT else _LEVELS)
    thresholds = (
        tuple(sorted(draw(st.sets(st.integers(1, 12), min_size=3, max_size=3))))
        if combine is Combine.COUNT
        else ()
    )
    choices = tuple(
        Choice(id=f"c{i}", label=_t(f"c{i}"), level=lvl) for i, lvl in enumerate(levels)
    )
    question = MultipleChoiceQuestion(
        id="q",
        dimension_id="d",
        text=_t("q"),
        choices=choices,
        combine=combine,
        thresholds=thresholds,
    )
    question.check_scale(SCALE)
    return question


@st.composite
def ticked(draw: st.DrawFn) -> tuple[MultipleChoiceQuestion, list[str]]:
    question = draw(questions())
    ids = [c.id for c in question.choices]
    return question, draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))


@given(ticked(), st.randoms())
def test_the_level_is_on_the_scale_whatever_the_order(
    case: tuple[MultipleChoiceQuestion, list[str]], rnd: object
) -> None:
    question, ids = case
    level = question.level_of(" ".join(ids), SCALE)
    by_id = {c.id: c.level for c in question.choices}
    assert (level is None) == all(by_id[i] is None for i in ids)
    assert level is None or level in SCALE
    for order in itertools.islice(itertools.permutations(ids), 6):
        assert question.level_of(" ".join(order), SCALE) == level
    assert question.chosen(" ".join(reversed(ids))) == question.chosen(question.answer(*ids))


@given(ticked(), st.data())
def test_ticking_one_more_option_moves_the_level_one_way_only(
    case: tuple[MultipleChoiceQuestion, list[str]], data: st.DataObject
) -> None:
    question, ids = case
    others = [c.id for c in question.choices if c.id not in ids]
    if not others:
        return
    extra = data.draw(st.sampled_from(others))
    before = question.level_of(" ".join(ids), SCALE)
    after = question.level_of(" ".join([*ids, extra]), SCALE)
    if before is None or after is None:
        return
    if question.combine is Combine.LOWEST:
        assert after <= before
    else:
        assert after >= before


@given(questions())
def test_one_option_alone_stands_for_its_level(question: MultipleChoiceQuestion) -> None:
    for c in question.choices:
        level = question.level_of(c.id, SCALE)
        if question.combine is Combine.COUNT:
            expected = (
                None
                if c.level is None
                else SCALE.low + sum(1 for t in question.thresholds if c.level >= t)
            )
            assert level == expected
        else:
            assert level == c.level


@given(
    st.lists(st.booleans(), min_size=6, max_size=6),
    st.sets(st.integers(1, 9), min_size=3, max_size=3),
)
def test_a_checklist_of_unit_options_is_a_number_question_on_the_count(
    ticks: list[bool], cuts: set[int]
) -> None:
    thresholds = tuple(sorted(cuts))
    checklist = _question(
        choices=tuple(Choice(id=f"c{i}", label=_t(f"c{i}"), level=1) for i in range(6)),
        thresholds=thresholds,
    )
    number = NumberQuestion(id="n", dimension_id="d", text=_t("n"), thresholds=thresholds)
    chosen = [f"c{i}" for i, yes in enumerate(ticks) if yes]
    if chosen:
        assert checklist.level_of(" ".join(chosen), SCALE) == number.level_of(len(chosen), SCALE)


# -- forms ----------------------------------------------------------------------------


def test_a_module_with_a_multiple_choice_question_exports_a_form_pyxform_accepts() -> None:
    form = xlsform(MODULE, languages=("fr", "en"))
    names = layout(MODULE)
    header, *rows = form.survey
    by_name = {row[header.index("name")]: dict(zip(header, row, strict=True)) for row in rows}
    row = by_name[names.questions["elements"]]
    assert row["type"] == f"select_multiple {names.lists['elements']}"
    assert row["constraint"] == "not(selected(., 'none') and count-selected(.) > 1)"
    listed = [r[1] for r in form.choices[1:] if r[0] == names.lists["elements"]]
    assert listed == ["card", "register", "catalogue", "advice", "other", "none"]
    xml = form.to_xform()  # raises FormError on any pyxform warning
    assert "<select " in xml or "<select\n" in xml


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java, not found")
def test_the_form_passes_odk_validate() -> None:
    assert "<h:html" in xlsform(MODULE, languages=("fr", "en")).to_xform(validate=True)


# -- exports ----------------------------------------------------------------------------

_SUBMISSIONS = [
    # respondent, group, elements ticked, card given, problems ticked
    ("r1", "staff", ["card", "catalogue"], "yes", ["no-quorum"]),
    ("r2", "elected_officials", ["none"], "no", ["no-premises", "unpaid-staff"]),
    ("r3", "partners", [], "yes", ["none"]),  # the checklist left unanswered
]


def _columns(split: bool, joined: bool, sep: str) -> list[tuple[str, str, str | None]]:
    """``(column, question id, choice id or None)`` in form order, group paths joined by ``sep``."""
    names = layout(MODULE)
    columns: list[tuple[str, str, str | None]] = []
    for q in MODULE.questions:
        group = f"{names.groups[q.dimension_id]}{sep}" if sep else ""
        path = f"{group}{names.questions[q.id]}"
        if joined or not isinstance(q, MultipleChoiceQuestion):
            columns.append((path, q.id, None))
        if split and isinstance(q, MultipleChoiceQuestion):
            columns += [(f"{path}/{names.choices[q.id][c.id]}", q.id, c.id) for c in q.choices]
    return columns


def _cell(answer: tuple[str, str, list[str], str, list[str]], qid: str, cid: str | None) -> str:
    ticked = {"elements": answer[2], "problems": answer[4]}.get(qid)
    if ticked is None:
        return answer[3]
    if cid is None:  # the choices' names, as a form stores them
        return " ".join(layout(MODULE).choices[qid][c] for c in ticked)
    return "" if not ticked else ("1" if cid in ticked else "0")


def _central_csv(path: Path, *, split: bool, joined: bool, groups: bool = True) -> Path:
    columns = _columns(split, joined, "-" if groups else "")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["SubmissionDate", "module_id", "module_version", "respondent_id", "respondent_group"]
        + [c for c, _, _ in columns]
        + ["meta-instanceID", "KEY", "ReviewState"]
    )
    for n, sub in enumerate(_SUBMISSIONS):
        writer.writerow(
            [f"2021-04-2{n}T10:00:00.000Z", MODULE.id, MODULE.version, sub[0], sub[1]]
            + [_cell(sub, q, c) for _, q, c in columns]
            + [f"uuid:{n}", f"uuid:{n}", ""]
        )
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _kobo_csv(path: Path, *, split: bool, joined: bool = True) -> Path:
    columns = _columns(split, joined, "/")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(
        ["module_id", "module_version", "respondent_id", "respondent_group"]
        + [c for c, _, _ in columns]
        + ["_uuid", "_submission_time"]
    )
    for n, sub in enumerate(_SUBMISSIONS):
        writer.writerow(
            [MODULE.id, MODULE.version, sub[0], sub[1]]
            + [_cell(sub, q, c) for _, q, c in columns]
            + [f"k{n}", f"2021-04-2{n}T10:00:00"]
        )
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return path


def _kobo_json(path: Path) -> Path:
    items = []
    for n, sub in enumerate(_SUBMISSIONS):
        item = {
            "module_id": MODULE.id,
            "module_version": MODULE.version,
            "respondent_id": sub[0],
            "respondent_group": sub[1],
            "_uuid": f"k{n}",
        }
        for column, qid, _ in _columns(False, True, "/"):
            value = _cell(sub, qid, None)
            if value:
                item[column] = value
        items.append(item)
    path.write_text(json.dumps({"results": items}), encoding="utf-8")
    return path


def _imported(path: Path) -> dict[tuple[str, str], object]:
    answers = read_exports([path], MODULE).answers
    return {(a.respondent.id, a.question_id): a.value for a in answers.answers(MODULE.id)}


def test_both_column_layouts_import_to_the_same_answers(tmp_path: Path) -> None:
    expected = {
        ("r1", "elements"): "card catalogue",
        ("r1", "card-given"): True,
        ("r1", "problems"): "no-quorum",
        ("r2", "elements"): "none",
        ("r2", "card-given"): False,
        ("r2", "problems"): "no-premises unpaid-staff",
        ("r3", "card-given"): True,
        ("r3", "problems"): "none",
    }
    exports = {
        "central joined": _central_csv(tmp_path / "a.csv", split=False, joined=True),
        "central split": _central_csv(tmp_path / "b.csv", split=True, joined=False),
        "central both": _central_csv(tmp_path / "c.csv", split=True, joined=True),
        "central split, no group paths": _central_csv(
            tmp_path / "g.csv", split=True, joined=False, groups=False
        ),
        "kobo split": _kobo_csv(tmp_path / "d.csv", split=True, joined=False),
        "kobo both": _kobo_csv(tmp_path / "h.csv", split=True),
        "kobo joined": _kobo_csv(tmp_path / "e.csv", split=False),
        "kobo json": _kobo_json(tmp_path / "f.json"),
    }
    for shape, path in exports.items():
        assert _imported(path) == expected, shape


def test_imported_answers_score_like_answers_given_directly(tmp_path: Path) -> None:
    path = _central_csv(tmp_path / "split.csv", split=True, joined=False)
    result = score(MODULE, read_exports([path], MODULE).answers.answers(MODULE.id))
    # r1: 1 + 2 points → 3 and yes → 4: lower median 3; r2: none → 1 and no → 1; r3: yes → 4
    assert dict(result["services"].by_respondent) == {"r1": 3, "r2": 1, "r3": 4}
    assert dict(result["weaknesses"].by_respondent) == {"r1": 3, "r2": 1, "r3": 4}


def _rewritten(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("split", "old", "new", "said"),
    [
        (False, "card catalogue", "card vehicle", "choice names among card, register"),
        (False, "card catalogue", "card none", "none alone, without other choices"),
        (True, ",1,0,1,", ",1,0,2,", 'expected 1 (ticked) or 0 (not ticked), got "2"'),
    ],
)
def test_a_bad_select_multiple_cell_is_reported_with_its_row_and_column(
    tmp_path: Path, split: bool, old: str, new: str, said: str
) -> None:
    path = _rewritten(_central_csv(tmp_path / "x.csv", split=split, joined=not split), old, new)
    with pytest.raises(ExportError) as caught:
        read_exports([path], MODULE)
    (problem,) = caught.value.problems
    assert problem.row == 2
    assert problem.column is not None
    assert "elements" in problem.column
    assert said in problem.message("en")


def test_split_columns_that_disagree_with_the_joined_column_are_reported(tmp_path: Path) -> None:
    path = _central_csv(tmp_path / "both.csv", split=True, joined=True)
    path = _rewritten(path, "card catalogue", "card register")
    with pytest.raises(ExportError) as caught:
        read_exports([path], MODULE)
    (problem,) = caught.value.problems
    assert (
        "the split columns tick card catalogue, the column itself card register"
        in problem.message("en")
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
_WORDS = st.lists(st.sampled_from(["card", "none", "other", "zz", "1", "0", " "]), max_size=4).map(
    " ".join
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "g_services/elements",
                "g_services/elements/card",
                "g_services/elements/none",
                "g_weaknesses/problems/none",
                "elements/other",
            ]
        ),
        _JSON | _WORDS,
        max_size=5,
    )
)
def test_corrupted_select_multiple_cells_raise_only_export_errors(
    tmp_path: Path, cells: dict[str, object]
) -> None:
    item = {
        "module_id": MODULE.id,
        "module_version": MODULE.version,
        "respondent_id": "r1",
        "respondent_group": "staff",
        **cells,
    }
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    try:
        answers = read_exports([path], MODULE).answers
    except ExportError:
        return
    for a in answers.answers(MODULE.id):
        MODULE.question(a.question_id).level_of(a.value, MODULE.scale)
