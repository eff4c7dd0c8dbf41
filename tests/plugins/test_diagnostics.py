"""Diagnostic modules and scoring: validation, findings, and properties over random modules."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    AnswerValue,
    Choice,
    ChoiceQuestion,
    DiagnosticModule,
    Dimension,
    NumberQuestion,
    Question,
    Respondent,
    RespondentGroup,
    Scale,
    Text,
    TextQuestion,
    YesNoQuestion,
    score,
    select_modules,
)
from compagnonnage.errors import InvalidValueError
from compagnonnage.model import Body, BodyKind, IssueSeverity, Level, RegionRef, Scope, TradeRef

M = Text("texte", "text")

# -- strategies: random but valid modules, and answers that fit them -------------------


@st.composite
def modules(draw: st.DrawFn) -> DiagnosticModule:
    low = draw(st.integers(0, 2))
    scale = Scale(low=low, high=low + draw(st.integers(1, 5)))
    size = len(scale.levels)
    level = st.integers(scale.low, scale.high)
    dimensions = tuple(
        Dimension(id=f"d{i}", theme=M, title=Text(f"dim {i}", f"dim {i}"), levels=(M,) * size)
        for i in range(draw(st.integers(1, 3)))
    )
    questions: list[Question] = []
    for d in dimensions:
        kinds = draw(
            st.lists(
                st.sampled_from(["yes_no", "choice", "number", "text"]), min_size=1, max_size=4
            )
        )
        kinds.append(draw(st.sampled_from(["yes_no", "choice", "number"])))
        for j, kind in enumerate(kinds):
            ident = f"{d.id}-q{j}"
            if kind == "yes_no":
                questions.append(
                    YesNoQuestion(
                        id=ident,
                        dimension_id=d.id,
                        text=M,
                        yes_level=draw(st.none() | level),
                        no_level=draw(st.none() | level),
                    )
                )
            elif kind == "choice":
                levels = draw(st.lists(st.none() | level, min_size=2, max_size=5))
                choices = tuple(
                    Choice(id=f"c{k}", label=M, level=lv) for k, lv in enumerate(levels)
                )
                questions.append(
                    ChoiceQuestion(id=ident, dimension_id=d.id, text=M, choices=choices)
                )
            elif kind == "number":
                cuts = draw(
                    st.lists(
                        st.integers(-50, 150), min_size=size - 1, max_size=size - 1, unique=True
                    )
                )
                questions.append(
                    NumberQuestion(
                        id=ident,
                        dimension_id=d.id,
                        text=M,
                        thresholds=sorted(cuts),
                        higher_is_better=draw(st.booleans()),
                    )
                )
            else:
                questions.append(TextQuestion(id=ident, dimension_id=d.id, text=M))
    return DiagnosticModule(
        id="random",
        version="1",
        title=M,
        scale=scale,
        dimensions=dimensions,
        questions=tuple(questions),
    )


def values_for(question: Question) -> st.SearchStrategy[AnswerValue]:
    if isinstance(question, YesNoQuestion):
        return st.booleans()
    if isinstance(question, ChoiceQuestion):
        return st.sampled_from([c.id for c in question.choices])
    if isinstance(question, NumberQuestion):
        return (
            st.integers(-100, 200)
            | st.floats(-100, 200, allow_nan=False)
            | st.decimals(-100, 200, allow_nan=False, allow_infinity=False)
        )
    return st.text(min_size=1).filter(str.strip)


@st.composite
def answer_sheets(draw: st.DrawFn, module: DiagnosticModule) -> list[Answer]:
    """One sheet per respondent: a subset of questions, each answered once."""
    answers: list[Answer] = []
    for r in range(draw(st.integers(1, 6))):
        who = Respondent(id=f"r{r}", group=draw(st.sampled_from(RespondentGroup)))
        for q in draw(st.lists(st.sampled_from(module.questions), unique_by=lambda q: q.id)):
            answers.append(
                Answer(
                    respondent=who,
                    question_id=q.id,
                    value=draw(values_for(q)),
                    note=draw(st.none() | st.just("vu sur place")),
                )
            )
    return answers


@st.composite
def modules_with_answers(draw: st.DrawFn) -> tuple[DiagnosticModule, list[Answer]]:
    module = draw(modules())
    return module, draw(answer_sheets(module))


# -- properties ---------------------------------------------------------------------------


@given(modules_with_answers())
def test_scores_always_lie_on_the_module_scale(case: tuple[DiagnosticModule, list[Answer]]) -> None:
    module, answers = case
    result = score(module, answers)
    for d in result.dimensions:
        assert d.level is None or d.level in module.scale
        assert all(lvl in module.scale for lvl in d.by_group.values())
        assert all(lvl in module.scale for lvl in d.by_respondent.values())
        assert 0 <= d.divergence <= module.scale.high - module.scale.low
    for s in result.scores():
        assert s.level in module.scale


@given(modules_with_answers())
def test_evidence_is_never_lost(case: tuple[DiagnosticModule, list[Answer]]) -> None:
    module, answers = case
    result = score(module, answers)
    kept = [
        (e.respondent_id, e.question_id, e.value, e.note)
        for d in result.dimensions
        for e in d.evidence
    ]
    given_ = [(a.respondent.id, a.question_id, a.value, a.note) for a in answers]
    assert sorted(kept, key=repr) == sorted(given_, key=repr)
    for d in result.dimensions:
        s = d.to_score()
        if s is not None:
            assert len(s.evidence) == len(d.evidence)
            assert all(
                e.question_id in line for e, line in zip(d.evidence, s.evidence, strict=True)
            )


@given(modules_with_answers(), st.integers(1, 5), st.sampled_from(RespondentGroup))
def test_more_respondents_never_change_a_unanimous_result(
    case: tuple[DiagnosticModule, list[Answer]], extra: int, group: RespondentGroup
) -> None:
    module, answers = case
    first = answers[0].respondent.id if answers else "r0"
    sheet = [a for a in answers if a.respondent.id == first]
    unanimous = score(module, sheet)
    clones = [
        attrs.evolve(a, respondent=Respondent(id=f"clone{i}", group=group))
        for i in range(extra)
        for a in sheet
    ]
    more = score(module, sheet + clones)
    assert [d.level for d in more.dimensions] == [d.level for d in unanimous.dimensions]
    assert all(d.divergence == 0 for d in more.dimensions)
    assert [i.id for i in more.findings().issues] == [i.id for i in unanimous.findings().issues]


# -- scoring, by example ----------------------------------------------------------------

ELU = Respondent(id="elu", group=RespondentGroup.ELECTED_OFFICIALS)
CADRE = Respondent(id="cadre", group=RespondentGroup.STAFF)


def test_divergent_groups_are_kept_apart_and_reported() -> None:
    answers = [
        Answer(respondent=ELU, question_id="sup-register-state", value="digital-used"),
        Answer(
            respondent=CADRE,
            question_id="sup-register-state",
            value="paper-incomplete",
            note="fiches papier",
        ),
    ]
    d = score(CONSULAR_CHAMBER_MODULE, answers)["trades-register"]
    assert dict(d.by_group) == {RespondentGroup.ELECTED_OFFICIALS: 4, RespondentGroup.STAFF: 1}
    assert (d.level, d.divergence, d.divergent) == (1, 3, True)
    issues = score(CONSULAR_CHAMBER_MODULE, answers).findings("en").issues
    assert [(i.id, i.severity) for i in issues] == [
        ("consular-chamber/trades-register/issue", IssueSeverity.HIGH),
        ("consular-chamber/trades-register/divergence", IssueSeverity.MODERATE),
    ]
    assert "elected officials 4, staff 1" in issues[1].statement


def test_desired_levels_give_the_gap_and_the_recommendation_horizon() -> None:
    answers = [Answer(respondent=ELU, question_id="gov-mandate-plan", value="none")]
    result = score(CONSULAR_CHAMBER_MODULE, answers, desired={"mandate-strategy": 4})
    d = result["mandate-strategy"]
    assert (d.level, d.desired, d.gap) == (1, 4, 3)
    (rec,) = result.findings("fr").recommendations
    assert rec.cites == ("consular-chamber/mandate-strategy/issue",)
    assert rec.horizon.value == "long"
    assert "suivi par indicateurs" in rec.statement
    (s,) = result.scores()
    assert (s.module_id, s.dimension_id, s.level, s.desired, s.gap) == (
        "consular-chamber",
        "mandate-strategy",
        1,
        4,
        3,
    )


def test_a_top_level_is_a_good_practice_keyed_to_trade_and_region() -> None:
    answers = [Answer(respondent=CADRE, question_id="ter-agreements", value=Decimal(7))]
    found = score(CONSULAR_CHAMBER_MODULE, answers).findings(
        "en", trade=TradeRef("uemoa", "ALI-01"), region=RegionRef("TG")
    )
    (practice,) = found.practices
    assert practice.id == "consular-chamber/partnerships/practice"
    assert (practice.trade, practice.region) == (TradeRef("uemoa", "ALI-01"), RegionRef("TG"))


def test_text_answers_are_evidence_without_a_level() -> None:
    answers = [
        Answer(respondent=CADRE, question_id="trn-partners", value="Centre de formation de Lomé")
    ]
    d = score(CONSULAR_CHAMBER_MODULE, answers)["continuing-training"]
    assert d.level is None
    assert d.to_score() is None
    assert [e.level for e in d.evidence] == [None]


@pytest.mark.parametrize(
    ("answer", "desired", "words"),
    [
        (Answer(respondent=ELU, question_id="no-such-question", value=True), None, "question"),
        (
            Answer(respondent=ELU, question_id="gov-minutes", value="yes"),
            None,
            "True (yes) or False (no)",
        ),
        (
            Answer(respondent=ELU, question_id="gov-mandate-plan", value="maybe"),
            None,
            "one of none, draft",
        ),
        (Answer(respondent=ELU, question_id="gov-own-resources", value=True), None, "a number"),
        (
            Answer(respondent=ELU, question_id="gov-own-resources", value=float("nan")),
            None,
            "finite",
        ),
        (Answer(respondent=ELU, question_id="trn-partners", value=" "), None, "non-empty text"),
        (
            Answer(respondent=ELU, question_id="gov-minutes", value=True),
            {"governing-bodies": 9},
            "a level in 1-4",
        ),
        (
            Answer(respondent=ELU, question_id="gov-minutes", value=True),
            {"nowhere": 2},
            "dimension",
        ),
    ],
)
def test_bad_answers_are_refused_naming_what_was_expected(
    answer: Answer, desired: dict[str, int] | None, words: str
) -> None:
    with pytest.raises(InvalidValueError, match=re.escape(words)):
        score(CONSULAR_CHAMBER_MODULE, [answer], desired=desired)


def test_one_answer_per_respondent_and_question() -> None:
    twice = [Answer(respondent=ELU, question_id="gov-minutes", value=v) for v in (True, False)]
    with pytest.raises(InvalidValueError, match="one answer per question"):
        score(CONSULAR_CHAMBER_MODULE, twice)


# -- module validation ----------------------------------------------------------------------

DIM = Dimension(id="d", theme=M, title=M, levels=(M, M, M, M))
YES = YesNoQuestion(id="q", dimension_id="d", text=M)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"dimensions": (attrs.evolve(DIM, levels=(M, M)),)}, "4 level descriptions"),
        ({"dimensions": (DIM, DIM)}, "distinct ids"),
        ({"questions": (YesNoQuestion(id="q", dimension_id="elsewhere", text=M),)}, "one of d"),
        (
            {"questions": (TextQuestion(id="q", dimension_id="d", text=M),)},
            "question that gives a level",
        ),
        (
            {"questions": (YesNoQuestion(id="q", dimension_id="d", text=M, yes_level=7),)},
            "a level in 1-4",
        ),
        (
            {"questions": (NumberQuestion(id="q", dimension_id="d", text=M, thresholds=(1, 2)),)},
            "3 thresholds",
        ),
        ({"dimensions": ()}, "at least one dimension"),
        ({"id": "Has/Slash"}, "lower-case key"),
        ({"title": Text("", "x")}, "French and English"),
    ],
)
def test_inconsistent_modules_are_refused(changes: dict[str, object], words: str) -> None:
    fields = {
        "id": "m",
        "version": "1",
        "title": M,
        "dimensions": (DIM,),
        "questions": (YES,),
    } | changes
    with pytest.raises(InvalidValueError, match=words):
        DiagnosticModule(**fields)  # type: ignore[arg-type]


def test_questions_refuse_inconsistent_options() -> None:
    with pytest.raises(InvalidValueError, match="strictly increasing"):
        NumberQuestion(id="q", dimension_id="d", text=M, thresholds=(3, 1, 2))
    with pytest.raises(InvalidValueError, match="distinct ids"):
        ChoiceQuestion(
            id="q",
            dimension_id="d",
            text=M,
            choices=(Choice(id="a", label=M), Choice(id="a", label=M)),
        )
    with pytest.raises(InvalidValueError, match="above low"):
        Scale(low=3, high=3)


def test_number_questions_can_count_down() -> None:
    late = NumberQuestion(
        id="q", dimension_id="d", text=M, thresholds=(30, 60, 90), higher_is_better=False
    )
    assert [late.level_of(days, Scale()) for days in (0, 30, 75, 400)] == [4, 3, 2, 1]


# -- the built-in module and selection ---------------------------------------------------------


def test_builtin_module_covers_the_five_themes_with_remedies() -> None:
    themes = {d.theme.en for d in CONSULAR_CHAMBER_MODULE.dimensions}
    assert themes == {
        "Governance and resources",
        "Business support",
        "Economic information",
        "Vocational training",
        "Territorial action and facilities",
    }
    assert all(d.remedies for d in CONSULAR_CHAMBER_MODULE.dimensions)
    kinds = {q.KIND for q in CONSULAR_CHAMBER_MODULE.questions}
    assert kinds == {"yes_no", "choice", "number", "text"}


def test_select_modules_is_builtin_first_and_keyed_to_trades_and_region() -> None:
    bakery = TradeRef("uemoa", "ALI-01")
    body = Body(
        id="b",
        name="Chambre",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef("TG", "TG-M"),
        level=Level.REGIONAL,
        trades=(bakery,),
    )
    food = attrs.evolve(CONSULAR_CHAMBER_MODULE, id="food", trades=frozenset({bakery}))
    senegal = attrs.evolve(
        CONSULAR_CHAMBER_MODULE, id="senegal", regions=frozenset({RegionRef("SN")})
    )
    togo = attrs.evolve(CONSULAR_CHAMBER_MODULE, id="a-togo", regions=frozenset({RegionRef("TG")}))
    chosen = select_modules(
        [senegal, food, togo, CONSULAR_CHAMBER_MODULE], body=body, scope=Scope()
    )
    assert [m.id for m in chosen] == ["consular-chamber", "a-togo", "food"]
    masonry_only = Scope(trades=(TradeRef("uemoa", "BTP-01"),))
    assert [
        m.id for m in select_modules([food, CONSULAR_CHAMBER_MODULE], body=body, scope=masonry_only)
    ] == ["consular-chamber"]
