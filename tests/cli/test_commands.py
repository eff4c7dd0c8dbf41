"""status, plugins, trades, regions, modules, services, recommend, report, schema."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from cli_support import Run

from compagnonnage.documents import dump
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage

NBSP_COLON = "\u00a0: "


# -- status ----------------------------------------------------------------------


def test_status_of_the_example_says_what_closing_needs(run: Run, example_file: Path) -> None:
    result = run("status", str(example_file), "--lang", "fr")
    assert result.code == 0
    assert result.out.splitlines() == [
        f"Programme{NBSP_COLON}Compagnonnage consulaire CMA France – UCRM Togo "
        "(exemple illustratif) (cma-ucrm-2021)",
        f"Étape{NBSP_COLON}accompagnement",
        "Transition suivante : clôture du programme (étape suivante : clôturé).",
        "Elle demande qu'aucune règle bloquante ne soit enfreinte.",
        "Rien ne la bloque.",
    ]


def test_status_lists_what_blocks_the_next_transition(run: Run, tmp_path: Path) -> None:
    preparation = togo_programme(stage=Stage.PREPARATION)
    incomplete = attrs.evolve(
        preparation, preparation=attrs.evolve(preparation.preparation, work_programme=None)
    )
    path = tmp_path / "prep.json"
    dump(incomplete, path)
    result = run("status", str(path), "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["stage"] == "preparation"
    nxt = data["next"]
    assert nxt["operation"] == "close_preparation"
    assert nxt["stage"] == "diagnostic"
    assert [n["code"] for n in nxt["needs"]] == ["STG-003"]
    assert nxt["ready"] is False
    assert [(v["code"], v["subjects"], v["rule"]) for v in nxt["blocked_by"]] == [
        (
            "STG-003",
            [
                {"kind": "programme", "id": "cma-ucrm-2021"},
                {"kind": "deliverable", "id": "work_programme"},
            ],
            "Preparation closes with three approved, co-authored deliverables",
        )
    ]
    text = run("status", str(path))
    assert "Blocked by 1 violation:" in text.out
    assert "\n  [error] STG-003 (cma-ucrm-2021, work_programme): " in text.out


def test_status_of_a_closed_programme_has_no_next_transition(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    from compagnonnage import lifecycle

    closed = lifecycle.close(example, by="ucrm-sg", at=example.history[-1].at)
    path = tmp_path / "closed.json"
    dump(closed, path)
    assert (
        run("status", str(path)).out.splitlines()[-1] == "Programme closed: no further transition."
    )
    assert json.loads(run("status", str(path), "--format", "json").out)["next"] is None


# -- what plugins provide ----------------------------------------------------------


def test_plugins_lists_the_fake_plugin_and_what_it_registered(run: Run) -> None:
    result = run("plugins", "--format", "json")
    assert result.code == 0
    by_name = {p["name"]: p for p in json.loads(result.out)}
    assert set(by_name) == {"builtin", "fake"}
    fake = by_name["fake"]
    assert (fake["distribution"], fake["version"], fake["error"]) == (
        "compagnonnage-fake",
        "1.0",
        None,
    )
    assert "compagnonnage_register_trades" in fake["hooks"]
    assert fake["registered"]["nomenclature"] == ["uemoa"]
    assert fake["registered"]["catalogue"] == ["test-catalogue"]


def test_a_broken_plugin_is_listed_with_its_error_and_the_rest_works(
    run: Run, env: pytest.MonkeyPatch, example_file: Path
) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fake,broken")
    result = run("plugins")
    assert result.code == 0
    assert "broken (compagnonnage-broken 1.0)" in result.out
    assert "this plugin is broken on purpose" in result.out
    assert 'warning: plugin "broken" set aside' in result.err
    assert run("check", str(example_file)).code == 0
    french = run("plugins", "--lang", "fr")
    assert "attention : extension « broken » écartée (import de " in french.err
    assert "impossible : ImportError: this plugin is broken on purpose" in french.err


def test_strict_plugins_turn_a_broken_plugin_into_an_error(
    run: Run, env: pytest.MonkeyPatch
) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fake,broken")
    env.setenv("COMPAGNONNAGE_STRICT_PLUGINS", "1")
    result = run("trades")
    assert result.code == 3  # a plugin failed
    assert result.err.startswith('compagnonnage: plugin "broken"')
    assert "Traceback" not in result.err


def test_trades_in_french(run: Run) -> None:
    result = run("trades", "--lang", "fr")
    lines = result.out.splitlines()
    assert lines[0].split() == ["Métier", "Intitulé", "Corps", "de", "métiers", "Branche"]
    assert lines[2].split()[:2] == ["uemoa:BTP-01", "maçonnerie"]
    assert len(lines) == 6


def test_trades_json(run: Run) -> None:
    trades = json.loads(run("trades", "--format", "json").out)
    assert trades[0] == {
        "trade": "uemoa:BTP-01",
        "title": "masonry",
        "group": "test trades",
        "branch": "test branch",
        "plugin": "fake",
    }
    assert len(trades) == 4


def test_status_exits_1_when_an_error_level_rule_is_violated(
    run: Run, example: Programme, tmp_path: Path
) -> None:
    from compagnonnage.model import Training

    actions = tuple(
        attrs.evolve(a, audience=frozenset()) if isinstance(a, Training) else a
        for a in example.accompaniment.actions
    )
    path = tmp_path / "violating.json"
    dump(
        attrs.evolve(example, accompaniment=attrs.evolve(example.accompaniment, actions=actions)),
        path,
    )
    result = run("status", str(path), "--format", "json")
    assert result.code == 1
    assert [v["code"] for v in json.loads(result.out)["next"]["blocked_by"]] == ["STG-008"]


def test_regions_json(run: Run) -> None:
    (togo,) = json.loads(run("regions", "--format", "json").out)
    assert togo == {
        "region": "TG",
        "title": "Togo",
        "term_years": 4,
        "renewals": 1,
        "nomenclature": "uemoa",
        "legal_basis": [],
    }


def test_modules_lists_the_builtin_module(run: Run) -> None:
    (module,) = json.loads(run("modules", "--format", "json").out)
    assert (module["module"], module["dimensions"], module["plugin"]) == (
        "consular-chamber",
        14,
        "builtin",
    )
    assert "consular-chamber" in run("modules").out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), {"professional-card", "bakery-hygiene"}),
        (("--trade", "uemoa:ALI-01"), {"professional-card", "bakery-hygiene"}),
        (("--trade", "uemoa:BTP-01"), {"professional-card"}),
        (("--region", "SN"), {"bakery-hygiene"}),
        (("--region", "tg-m", "--trade", "uemoa:BTP-01"), {"professional-card"}),
    ],
)
def test_services_are_filtered_by_trade_and_region(
    run: Run, options: tuple[str, ...], expected: set[str]
) -> None:
    result = run("services", *options, "--format", "json")
    assert result.code == 0
    assert {s["service"] for s in json.loads(result.out)} == expected


def test_services_prices_follow_the_language(run: Run) -> None:
    assert "5\u202f000 / 10\u202f000 XOF" in run("services", "--lang", "fr").out
    assert "5,000 / 10,000 XOF" in run("services", "--lang", "en").out


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--trade", "BAKERY", "--trade BAKERY: expected nomenclature:code"),
        ("--region", "XX", "--region XX: expected an ISO 3166 code"),
    ],
)
def test_services_refuses_a_malformed_filter(
    run: Run, option: str, value: str, message: str
) -> None:
    result = run("services", option, value)
    assert result.code == 2
    assert message in result.err


def test_recommend_ranks_plugin_support_for_each_recommendation(
    run: Run, example_file: Path, example: Programme
) -> None:
    result = run("recommend", str(example_file), "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [e["recommendation"] for e in data] == [r.id for r in example.diagnostic.recommendations]
    first = data[0]["candidates"][0]
    assert (first["rank"], first["plugin"], first["kind"]) == (1, "fake", "training")
    assert first["services"] == [{"id": "professional-card", "label": "professional card"}]
    text = run("recommend", str(example_file), "--lang", "fr").out
    assert "  1. Former les cadres (formation, 75\u00a0%, fake)" in text
    assert f"     Services{NBSP_COLON}carte professionnelle" in text


def test_recommend_reports_a_failing_plugin_beside_the_others_proposals(
    run: Run, env: pytest.MonkeyPatch, example_file: Path, example: Programme
) -> None:
    env.setenv("COMPAGNONNAGE_PLUGINS", "fake,failing")
    result = run("recommend", str(example_file), "--format", "json")
    assert result.code == 3  # a plugin failed; the others' proposals stand
    first = json.loads(result.out)[0]
    assert [c["plugin"] for c in first["candidates"]] == ["fake"]
    (failure,) = first["failures"]
    assert failure.startswith(
        'plugin "failing" (compagnonnage-failing 1.0): compagnonnage_recommend_support: '
        "raised RuntimeError: no idea for rec-register ("
    )
    assert failure.endswith("compagnonnage_failingplugin.py:6)")
    text = run("recommend", str(example_file))
    assert '  plugin failure: plugin "failing" (compagnonnage-failing 1.0): ' in text.out
    assert text.err.count('plugin failed: plugin "failing"') == len(
        example.diagnostic.recommendations
    )
    assert "Traceback" not in text.err
    debug = run("recommend", str(example_file), "--debug")
    assert "Traceback" in debug.err
    assert "RuntimeError: no idea for" in debug.err


# -- report and schema ----------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "start"), [("html", "<!DOCTYPE html>"), ("md", "# Compagnonnage")])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_report_writes_the_chosen_format_and_language(
    run: Run, example_file: Path, tmp_path: Path, fmt: str, start: str, lang: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run("report", str(example_file), "--format", fmt, "--lang", lang, "-o", str(out))
    assert result.code == 0
    assert result.out == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert ("Synthèse" in text) == (lang == "fr")
    assert "maçonnerie (uemoa:BTP-01)" in text or "masonry (uemoa:BTP-01)" in text


@pytest.mark.parametrize("lang", ["pt", "pt_PT", "pt-BR"])
def test_report_in_portuguese(run: Run, example_file: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "report.html"
    result = run("report", str(example_file), "--lang", lang, "-o", str(out))
    assert result.code == 0
    assert result.err == f"Escrito: {out}\n"
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="pt">')
    markdown = run("report", str(example_file), "--format", "md", "--lang", lang)
    assert markdown.code == 0
    assert markdown.out.startswith("# Compagnonnage consulaire")


def test_report_files_are_readable_by_all_and_keep_their_permissions(
    run: Run, example_file: Path, tmp_path: Path
) -> None:
    new = tmp_path / "new.md"
    assert run("report", str(example_file), "--format", "md", "-o", str(new)).code == 0
    assert new.stat().st_mode & 0o777 == 0o644
    new.chmod(0o600)
    assert run("report", str(example_file), "--format", "md", "-o", str(new)).code == 0
    assert new.stat().st_mode & 0o777 == 0o600


def test_report_goes_to_standard_output_without_o(run: Run, example_file: Path) -> None:
    result = run("report", str(example_file), "--format", "md")
    assert result.code == 0
    assert result.out.startswith("# Compagnonnage consulaire")


def test_schema_is_a_json_schema_the_example_document_satisfies(
    run: Run, example_file: Path
) -> None:
    result = run("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(example_file.read_text(encoding="utf-8")), schema)
