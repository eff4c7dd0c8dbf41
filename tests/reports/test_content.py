"""What the report says about the example, and how it says it in each language."""

from __future__ import annotations

import attrs

from compagnonnage._i18n import Catalogue, Message
from compagnonnage.diagnostics import (
    CONSULAR_CHAMBER_MODULE,
    Answer,
    DiagnosticModule,
    Respondent,
    RespondentGroup,
    score,
)
from compagnonnage.model import Programme
from compagnonnage.reports import (
    CapacityChart,
    Facts,
    LedgerChart,
    ReportDocument,
    Section,
    Table,
    Timeline,
    build_report,
    to_markdown,
)
from compagnonnage.rules import Report, Severity, Violation


def _section(document: ReportDocument, anchor: str) -> Section:
    def walk(sections: tuple[Section, ...]) -> Section | None:
        for s in sections:
            if s.anchor == anchor:
                return s
            found = walk(s.sections)
            if found is not None:
                return found
        return None

    found = walk(document.sections)
    assert found is not None, anchor
    return found


def test_sections_follow_the_programme_from_body_to_rules(example: Programme) -> None:
    document = build_report(example, lang="fr")
    assert [s.anchor for s in document.sections] == [
        "summary",
        "body",
        "team",
        "timeline",
        "preparation",
        "diagnostic",
        "accompaniment",
        "offer",
        "results",
        "rules",
        "history",
    ]


def test_the_results_section_traces_every_recommendation_to_its_values(
    example: Programme,
) -> None:
    document = build_report(example, lang="en")
    indicators = _section(document, "results").blocks[0]
    assert isinstance(indicators, Table)
    by_id = {row[0].split(" — ")[0]: row for row in indicators.rows}
    assert list(by_id) == [i.id for i in example.results.indicators]
    assert by_id["ind-register"][2:] == (
        "7,055",
        "20,000 (y2022)",
        "21,300 (31 December 2022)",
        "100%",  # English writes no space before "%" (CLDR); French does
        "yes",
    )
    assert by_id["ind-paying-share"][5:] == ("35%", "no")
    assert by_id["ind-apprentices"][4].startswith("not measured — ")
    tracing = _section(document, "traceability").blocks[0]
    assert isinstance(tracing, Table)
    recommendations = {row[1].split(" — ")[0] for row in tracing.rows}
    assert recommendations == {r.id for r in example.diagnostic.recommendations}
    tracked = {row[3].split(" — ")[0] for row in tracing.rows}
    assert tracked == {i.id for i in example.results.indicators}
    ledger = _section(document, "ledger").blocks[0]
    assert isinstance(ledger, LedgerChart)
    assert [p.registered for p in ledger.points] == [7_055, 43_000, 46_200, 49_800]
    assert [r[0] for r in ledger.table.rows] == ["2018", "2022", "2023 *", "2024 *"]


def test_each_action_is_traced_to_its_recommendations_and_findings(example: Programme) -> None:
    tracing = _section(build_report(example, lang="en"), "tracing").blocks[0]
    assert isinstance(tracing, Table)
    rows = {row[0].split(" — ")[0]: row for row in tracing.rows}
    assert set(rows) == {a.id for a in example.accompaniment.actions}
    register = rows["act-register"]
    assert register[1].startswith("rec-register — ")
    assert "pb-register-coverage — " in register[2]
    assert "bp-digital-register — " in register[2]


def test_summary_words_and_figures_follow_the_language(example: Programme) -> None:
    fr = dict(_facts(build_report(example, lang="fr"), "summary"))
    en = dict(_facts(build_report(example, lang="en"), "summary"))
    assert fr["Étape"] == "accompagnement"
    assert en["Stage"] == "accompaniment"
    assert fr["Période prévue"].startswith("11 janvier 2021")
    assert en["Planned period"].startswith("11 January 2021")
    body_fr = dict(_facts(build_report(example, lang="fr"), "body"))
    assert body_fr["Inscrits au répertoire"] == "49\u202f800"
    assert dict(_facts(build_report(example, lang="en"), "body"))["Registered"] == "49,800"


def _facts(document: ReportDocument, anchor: str) -> tuple[tuple[str, str], ...]:
    block = _section(document, anchor).blocks[0]
    assert isinstance(block, Facts)
    return block.items


def test_the_rule_report_given_is_the_one_shown(example: Programme) -> None:
    violation = Violation(
        code="UEMOA-001",
        severity=Severity.WARNING,
        subjects=("ucrm-togo",),
        text=Message(Catalogue("tests", "tests"), "The term exceeds the legal length."),
        origin="uemoa",
    )
    report = Report(programme_id=example.id, violations=(violation,))
    markdown = to_markdown(build_report(example, lang="fr", rule_report=report))
    assert "| UEMOA-001 | avertissement | ucrm-togo | The term exceeds the legal length. |" in (
        markdown
    )
    # French counts zero in the singular.
    assert "0 erreur, 1 avertissement" in markdown
    english = to_markdown(build_report(example, lang="en", rule_report=report))
    assert "0 errors, 1 warning" in english


def test_scored_answers_show_levels_by_group_and_suggested_findings(
    example: Programme, modules: tuple[DiagnosticModule, ...]
) -> None:
    official = Respondent(id="r1", group=RespondentGroup.ELECTED_OFFICIALS)
    staff = Respondent(id="r2", group=RespondentGroup.STAFF)
    question = CONSULAR_CHAMBER_MODULE.questions[0]
    answers = [
        Answer(respondent=official, question_id=question.id, value=12),
        Answer(respondent=staff, question_id=question.id, value=1, note="rarement"),
    ]
    result = score(CONSULAR_CHAMBER_MODULE, answers, desired={question.dimension_id: 4})
    markdown = to_markdown(build_report(example, lang="fr", modules=modules, results=[result]))
    assert "### Réponses collectées" in markdown
    assert (
        "| Fonctionnement des instances | 1 | 4 | élus 4 ; salariés 1 | 3 (divergence) | 2 |"
        in markdown
    )
    assert "consular-chamber/governing-bodies/divergence" in markdown


def test_markdown_tables_escape_pipes(example: Programme) -> None:
    staff = example.beneficiary.staff
    renamed = (attrs.evolve(staff[0], position="SG | coordination"), *staff[1:])
    programme = attrs.evolve(example, beneficiary=attrs.evolve(example.beneficiary, staff=renamed))
    markdown = to_markdown(build_report(programme, lang="en"))
    assert f"| {staff[0].name} | SG \\| coordination |" in markdown


def _tables(sections: tuple[Section, ...]) -> list[Table]:
    found: list[Table] = []
    for s in sections:
        for block in s.blocks:
            if isinstance(block, Table):
                found.append(block)
            elif isinstance(block, Timeline | CapacityChart):
                found.append(block.table)
        found += _tables(s.sections)
    return found


def test_both_renderings_carry_every_cell_of_every_table(example: Programme) -> None:
    from html import escape

    from compagnonnage.reports import to_html

    document = build_report(example, lang="fr")
    markdown, html = to_markdown(document), to_html(document)
    tables = _tables(document.sections)
    assert len(tables) >= 12
    for table in tables:
        for row in table.rows:
            for cell in row:
                assert cell.replace("|", "\\|") in markdown
                assert f">{escape(cell)}</t" in html


def test_the_history_lists_every_operation_with_its_stage_change(example: Programme) -> None:
    history = _section(build_report(example, lang="fr"), "history").blocks[0]
    assert isinstance(history, Table)
    assert len(history.rows) == len(example.history)
    assert history.rows[0][1:5] == ("ouverture", "—", history.rows[0][3], "brouillon → préparation")
    closing = [row for row in history.rows if row[1] == "clôture du diagnostic"]
    assert [row[4] for row in closing] == ["diagnostic → accompagnement"]
