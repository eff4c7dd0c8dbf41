"""Programmes published as IATI 2.03 activities, and IATI files checked."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from compagnonnage._i18n import _, languages
from compagnonnage.example import togo_programme
from compagnonnage.iati import (
    IatiError,
    IatiProblem,
    ReportingOrg,
    activity_status,
    check_file,
    check_xml,
    to_xml,
    write,
)
from compagnonnage.iati._export import narrative_languages
from compagnonnage.model import Programme, Stage
from compagnonnage.rules import RuleSet
from compagnonnage.testing._defects import DEFECTS
from compagnonnage.testing.strategies import programmes

HERE = Path(__file__).parent
ORG = ReportingOrg(ref="FR-CMA", type="15", name="CMA France")
NOW = dt.datetime(2035, 1, 1, 12, tzinfo=dt.timezone.utc)
FUNDING_CODES = sorted(code for code in DEFECTS if code.startswith("FUN-"))


def _tree(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def test_the_example_exports_to_a_valid_activity() -> None:
    data = to_xml([togo_programme()], ORG, now=NOW)
    assert check_xml(data, today=NOW.date()) == ()
    activity = _tree(data).find("iati-activity")
    assert activity is not None
    assert activity.findtext("iati-identifier") == "FR-CMA-cma-ucrm-2021"
    assert activity.find("activity-status").get("code") == "2"  # type: ignore[union-attr]
    dates = {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")}
    assert dates == {"1": "2021-01-11", "3": "2022-12-16", "2": "2021-03-02"}
    assert [s.get("code") for s in activity.findall("sector")] == ["25030", "32140", "11330"]
    currencies = [v.get("currency") for v in activity.iter("value")]
    assert "XOF" in currencies  # the UCRM's contribution in CFA francs
    narratives = activity.find("description").findall("narrative")  # type: ignore[union-attr]
    assert [n.get(XML_LANG) for n in narratives] == ["fr", "en", "pt"]  # the default first
    assert narratives[0].text.startswith("Compagnonnage consulaire")  # type: ignore[union-attr]
    assert narratives[2].text.startswith("Acompanhamento institucional")  # type: ignore[union-attr]


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _description(data: bytes) -> list[tuple[str | None, str | None]]:
    narratives = _tree(data).findall("iati-activity/description/narrative")
    return [(n.get(XML_LANG), n.text) for n in narratives]


def test_the_description_the_library_words_is_in_each_language_its_catalogue_speaks() -> None:
    said = _description(to_xml([togo_programme()], ORG, now=NOW, lang="pt"))
    assert [lang for lang, _text in said] == ["pt", "en", "fr"]
    assert len({text for _lang, text in said}) == 3  # each a translation, none a copy


def test_a_description_the_user_wrote_is_published_once_as_written() -> None:
    p = togo_programme()
    own = attrs.evolve(p, funding=attrs.evolve(p.funding, description="Appui à l'UCRM de Lomé"))
    for lang in ("fr", "pt"):
        data = to_xml([own], ORG, now=NOW, lang=lang)
        # No xml:lang of its own: it is in the activity's language, the one the user chose.
        assert _description(data) == [(None, "Appui à l'UCRM de Lomé")]
        assert _tree(data).find("iati-activity").get(XML_LANG) == lang  # type: ignore[union-attr]


def test_a_language_whose_catalogue_does_not_translate_a_message_gets_no_narrative() -> None:
    untranslated = _("words no catalogue holds {x}", x=1)
    assert narrative_languages(untranslated, "fr") == ("en",)
    translated = _("not a regular file")
    assert narrative_languages(translated, "pt") == ("pt", "en", "fr")
    assert languages() == ("en", "fr", "pt")


def test_the_identifier_is_stable_and_never_from_the_title() -> None:
    p = togo_programme()
    renamed = attrs.evolve(p, title="Un autre titre")
    ids = {
        _tree(to_xml([q], ORG, now=NOW)).findtext("iati-activity/iati-identifier")
        for q in (p, renamed)
    }
    assert ids == {"FR-CMA-cma-ucrm-2021"}
    published = attrs.evolve(p, funding=attrs.evolve(p.funding, identifier="FR-CMA-ucrm-2021"))
    tree = _tree(to_xml([published], ORG, now=NOW))
    assert tree.findtext("iati-activity/iati-identifier") == "FR-CMA-ucrm-2021"


@pytest.mark.parametrize(
    ("stage", "status", "actual"),
    [
        (Stage.DRAFT, "1", set()),
        (Stage.PREPARATION, "1", set()),
        (Stage.DIAGNOSTIC, "2", {"2"}),
        (Stage.ACCOMPANIMENT, "2", {"2"}),
        (Stage.CLOSED, "4", {"2", "4"}),
    ],
)
def test_status_and_actual_dates_follow_the_stage(
    stage: Stage, status: str, actual: set[str]
) -> None:
    @given(programmes(stage=st.just(stage), funded=True))
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def run(p: Programme) -> None:
        data = to_xml([p], ORG, now=NOW)
        assert check_xml(data, today=NOW.date()) == ()
        activity = _tree(data).find("iati-activity")
        assert activity is not None
        assert activity.find("activity-status").get("code") == status  # type: ignore[union-attr]
        types = {d.get("type") for d in activity.findall("activity-date")}
        assert types - {"1", "3"} == actual

    run()


def test_a_closed_programme_whose_results_are_not_final_is_in_finalisation() -> None:
    p = attrs.evolve(togo_programme(), stage=Stage.CLOSED)
    assert activity_status(p, results_final=False) == "3"
    assert activity_status(p, results_final=True) == "4"


def _shuffled(p: Programme, seed: int) -> Programme:
    rng = random.Random(seed)

    def mix(items: tuple[object, ...]) -> tuple[object, ...]:
        out = list(items)
        rng.shuffle(out)
        return tuple(out)

    f = p.funding
    funding = attrs.evolve(
        f,
        participants=mix(f.participants),
        sectors=mix(f.sectors),
        budgets=mix(f.budgets),
        transactions=mix(f.transactions),
    )
    return attrs.evolve(p, funding=funding, experts=mix(p.experts))


@given(programmes(funded=True), st.integers(0, 2**32))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_shuffling_the_model_collections_never_breaks_validity(p: Programme, seed: int) -> None:
    data = to_xml([_shuffled(p, seed)], ORG, now=NOW)
    assert check_xml(data, today=NOW.date()) == ()


def test_many_programmes_make_one_document() -> None:
    p = togo_programme()
    other = attrs.evolve(p, id="cma-ucrm-2023")
    tree = _tree(to_xml([p, other], ORG, now=NOW))
    assert [a.findtext("iati-identifier") for a in tree.findall("iati-activity")] == [
        "FR-CMA-cma-ucrm-2021",
        "FR-CMA-cma-ucrm-2023",
    ]
    assert tree.get("version") == "2.03"
    assert tree.get("generated-datetime") == "2035-01-01T12:00:00+00:00"


def test_the_same_programme_twice_is_refused() -> None:
    with pytest.raises(IatiError) as caught:
        to_xml([togo_programme(), togo_programme()], ORG, now=NOW)
    assert [p.code for p in caught.value.problems] == ["IATI-ID"]


@pytest.mark.parametrize("code", FUNDING_CODES)
def test_each_funding_rule_blocks_the_export_with_a_model_path(code: str) -> None:
    planted = DEFECTS[code].plant(togo_programme())
    with pytest.raises(IatiError) as caught:
        to_xml([planted], ORG, now=NOW)
    found = [p for p in caught.value.problems if p.code == code]
    assert found, caught.value.message()
    assert all(p.path.startswith("cma-ucrm-2021: ") for p in found)
    assert "cma-ucrm-2021" in caught.value.message("fr")


def test_publishing_needs_participants_and_planned_dates_even_without_funding() -> None:
    p = attrs.evolve(
        togo_programme(), funding=attrs.evolve(togo_programme().funding, participants=())
    )
    bare = attrs.evolve(p, planned=None, funding=type(p.funding)())
    with pytest.raises(IatiError) as caught:
        to_xml([bare], ORG, now=NOW)
    paths = {p.path for p in caught.value.problems if p.code == "FUN-007"}
    assert paths == {"cma-ucrm-2021: funding.participants", "cma-ucrm-2021: planned"}


def test_the_identifier_must_start_with_the_reporting_org() -> None:
    p = togo_programme()
    foreign = attrs.evolve(p, funding=attrs.evolve(p.funding, identifier="XM-OTHER-1"))
    with pytest.raises(IatiError) as caught:
        to_xml([foreign], ORG, now=NOW)
    assert [x.code for x in caught.value.problems] == ["FUN-006"]


def test_an_actual_date_in_the_future_of_the_export_is_refused() -> None:
    with pytest.raises(IatiError) as caught:
        to_xml([togo_programme()], ORG, now=dt.datetime(2021, 3, 1, tzinfo=dt.timezone.utc))
    fun = [p for p in caught.value.problems if p.code == "FUN-004"]
    assert [p.path for p in fun] == [
        "cma-ucrm-2021: cma-ucrm-2021",
        "cma-ucrm-2021: funding.transactions[2]",
    ]


def test_a_failed_export_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "activities.xml"
    with pytest.raises(IatiError):
        write([DEFECTS["FUN-001"].plant(togo_programme())], target, ORG, now=NOW)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    write([togo_programme()], target, ORG, now=NOW)
    assert check_file(target, today=NOW.date()) == ()


def test_a_bad_organisation_type_is_named_by_its_codelist() -> None:
    p = togo_programme()
    funder = p.funding.participants[0]
    wrong = attrs.evolve(funder, organisation=attrs.evolve(funder.organisation, type="99"))
    bad = attrs.evolve(p, funding=attrs.evolve(p.funding, participants=(wrong,)))
    with pytest.raises(IatiError) as caught:
        to_xml([bad], ORG, now=NOW)
    [problem] = caught.value.problems
    assert problem.code == "CODELIST"
    assert problem.path.startswith("/iati-activities/iati-activity/participating-org")
    assert "OrganisationType" in problem.message("fr")


def test_the_good_fixture_is_valid() -> None:
    assert check_file(HERE / "good.xml", today=dt.date(2025, 1, 1)) == ()


BAD = {
    "two_reporting_orgs": ("XSD", "/iati-activities/iati-activity/reporting-org[2]"),
    "title_without_narrative": ("XSD", "/iati-activities/iati-activity/title"),
    "missing_version": ("XSD", "/iati-activities"),
    "datetime_for_date": ("XSD", "/iati-activities/iati-activity/activity-date[1]"),
    "sector_not_in_codelist": ("CODELIST", "/iati-activities/iati-activity/sector[2]"),
    "role_not_in_codelist": ("CODELIST", "/iati-activities/iati-activity/participating-org"),
    "percentages_sum_to_90": ("FUN-001", "/iati-activities/iati-activity"),
    "actual_end_before_start": ("DATES", "/iati-activities/iati-activity"),
    "not_xml": ("XML", str(HERE / "bad" / "not_xml.xml")),
    "FUN-001": ("FUN-001", "/iati-activities/iati-activity"),
    "FUN-002": ("FUN-002", "/iati-activities/iati-activity/sector[1]"),
    "FUN-003": ("FUN-003", "/iati-activities/iati-activity/budget"),
    "FUN-004": ("FUN-004", "/iati-activities/iati-activity/transaction/transaction-date"),
    "FUN-005": ("FUN-005", "/iati-activities/iati-activity/budget/value"),
    "FUN-006": ("FUN-006", "/iati-activities/iati-activity"),
}


def test_every_bad_fixture_is_listed() -> None:
    assert {p.stem for p in (HERE / "bad").glob("*.xml")} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_the_checker_refuses_each_bad_file_at_its_place(name: str) -> None:
    code, path = BAD[name]
    found = check_file(HERE / "bad" / f"{name}.xml", today=dt.date(2025, 1, 1))
    assert found
    assert {p.code for p in found} == {code}
    assert found[0].path.split(" (line")[0] == path
    assert " (line " in found[0].path


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    data = (HERE / "good.xml").read_text()
    data = data.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>',
    ).replace("<narrative>Programme</narrative>", "<narrative>&s;</narrative>")
    found = check_xml(data.encode(), today=dt.date(2025, 1, 1))
    assert [(p.code, p.message()) for p in found] == [
        ("XML", "a DOCTYPE declaration is not allowed in an IATI file")
    ]
    assert found[0].message("pt") == "uma declaração DOCTYPE não é admitida num ficheiro IATI"


def test_a_folder_or_missing_file_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(IatiError) as caught:
        check_file(tmp_path)
    assert caught.value.problems[0].code == "FILE"
    with pytest.raises(FileNotFoundError):
        check_file(tmp_path / "nope.xml")


def test_import_compagnonnage_leaves_lxml_out() -> None:
    code = "import sys, compagnonnage, compagnonnage.model; print('lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_shipped_schema_and_codelists_are_those_of_iati_2_03() -> None:
    from importlib.resources import files

    data = files("compagnonnage.iati") / "data"
    assert (data / "LICENSE").is_file()
    schema = (data / "iati-activities-schema.xsd").read_text(encoding="utf-8")
    assert 'version="2.03"' in schema
    shared = HERE.parents[2] / "shared" / "data" / "iati-2.03"
    if shared.is_dir():  # the reference data, where the repository sits beside it
        for name in ("iati-activities-schema.xsd", "codelists/Sector.xml"):
            assert (data / name).read_bytes() == (shared / name).read_bytes()


def _results_of(data: bytes) -> dict[str, etree._Element]:
    tree = _tree(data)
    return {r.findtext("title/narrative") or "": r for r in tree.iterfind("iati-activity/result")}


def test_a_capacity_indicator_is_an_ordinal_outcome_from_the_diagnostic() -> None:
    results = _results_of(to_xml([togo_programme()], ORG, now=NOW))
    capacity = results["Capacité : répertoire des métiers"]
    assert capacity.get("type") == "2"
    indicator = capacity.find("indicator")
    assert indicator is not None
    assert indicator.get("measure") == "4"
    baseline = indicator.find("baseline")
    assert baseline is not None
    assert (baseline.get("year"), baseline.get("iso-date"), baseline.get("value")) == (
        "2021",
        "2021-04-16",
        "3",
    )
    [period] = indicator.findall("period")
    assert period.find("target").get("value") == "4"  # type: ignore[union-attr]
    assert period.find("actual").get("value") == "4"  # type: ignore[union-attr]


def test_without_a_recorded_baseline_or_value_the_diagnostic_and_follow_up_speak() -> None:
    p = togo_programme()
    indicators = tuple(
        attrs.evolve(i, baseline=None, values=()) if i.capacity is not None else i
        for i in p.results.indicators
    )
    q = attrs.evolve(p, results=attrs.evolve(p.results, indicators=indicators))
    # RES-001 wants a baseline once an action it follows has started: checked apart here.
    data = to_xml([q], ORG, now=NOW, rules=RuleSet({}))
    indicator = _results_of(data)["Capacité : répertoire des métiers"]
    baseline = indicator.find("indicator/baseline")
    assert baseline is not None
    # the diagnostic's level, dated when the diagnostic closed
    assert (baseline.get("iso-date"), baseline.get("value")) == ("2021-05-03", "3")
    assert indicator.find("indicator/period/actual").get("value") == "4"  # type: ignore[union-attr]


def test_counts_percentages_milestones_and_disaggregations() -> None:
    results = _results_of(to_xml([togo_programme()], ORG, now=NOW))
    measures = {title: r.find("indicator").get("measure") for title, r in results.items()}  # type: ignore[union-attr]
    assert measures["Artisans inscrits au répertoire informatisé"] == "1"
    assert measures["Part des inscrits qui cotisent"] == "2"
    assert measures["Plan de mandature adopté"] == "3"
    trained = results["Élus du bureau formés"]
    actuals = [
        (
            a.get("value"),
            a.findtext("dimension") or "",
            [d.get("value") for d in a.findall("dimension")],
        )
        for a in trained.iterfind("indicator/period/actual")
    ]
    assert [(v, groups) for v, _, groups in actuals] == [
        ("8", []),
        ("4", ["women"]),
        ("4", ["men"]),
    ]


def test_a_qualitative_indicator_carries_no_value() -> None:
    p = togo_programme()
    first = p.results.indicators[0]
    qualitative = attrs.evolve(first, measure=type(first.measure).QUALITATIVE)
    q = attrs.evolve(p, results=attrs.evolve(p.results, indicators=(qualitative,)))
    data = to_xml([q], ORG, now=NOW)
    assert check_xml(data, today=NOW.date()) == ()
    indicator = _tree(data).find("iati-activity/result/indicator")
    assert indicator is not None
    assert indicator.get("measure") == "5"
    assert indicator.get("ascending") is None
    valued = [e for e in indicator.iter() if e.get("value") is not None]
    assert valued == []


def test_without_lxml_the_extra_to_install_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from compagnonnage.errors import MissingExtraError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "lxml" else real(name, *a)
    )
    for call in (lambda: to_xml([togo_programme()], ORG), lambda: check_xml(b"<x/>")):
        with pytest.raises(MissingExtraError) as caught:
            call()
        assert caught.value.message("fr") == (
            "lxml n'est pas installé : pip install 'compagnonnage[iati]'"
        )
        assert (caught.value.extra, caught.value.module) == ("iati", "lxml")


@pytest.mark.parametrize("count", [1, 2])
def test_an_iati_error_counts_its_problems_with_each_language_plural(count: int) -> None:
    problems = [
        IatiProblem(
            f"/iati-activities/iati-activity[{i}]",
            "FUN-002",
            _("sector percentage {share} outside 0 to 100.", share=120 + i),
        )
        for i in range(count)
    ]
    err = IatiError(problems, source="a.xml")
    en, fr, pt = (err.message(lang).splitlines() for lang in ("en", "fr", "pt"))
    s = "s" if count > 1 else ""
    assert en[0] == f"a.xml: invalid IATI, {count} problem{s}:"
    assert fr[0] == f"a.xml : IATI invalide, {count} problème{s} :"
    assert pt[0] == f"a.xml: IATI inválido, {count} problema{s}:"
    assert (
        en[1]
        == "  /iati-activities/iati-activity[0] [FUN-002]: sector percentage 120 outside 0 to 100."
    )
    assert (
        fr[1]
        == "  /iati-activities/iati-activity[0] [FUN-002] : part de secteur 120 hors de 0 à 100."
    )
    assert pt[1] == (
        "  /iati-activities/iati-activity[0] [FUN-002]: percentagem de setor 120 fora de 0 a 100."
    )
    assert str(problems[0]) == en[1].strip()


@pytest.mark.parametrize("name", sorted(BAD))
def test_every_problem_of_a_bad_file_is_said_in_every_language(name: str) -> None:
    for problem in check_file(HERE / "bad" / f"{name}.xml", today=dt.date(2025, 1, 1)):
        said = {lang: problem.message(lang) for lang in languages()}
        assert all(text.strip() and "{" not in text for text in said.values()), said
        assert len(set(said.values())) == len(said), said  # translated (lxml's words quoted)
