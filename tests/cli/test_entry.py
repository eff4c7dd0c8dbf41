"""The entry point: help, misuse, user errors without traceback, --debug, python -m, imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import Run, run_module

COMMANDS = [
    "demo",
    "check",
    "status",
    "plugins",
    "trades",
    "regions",
    "modules",
    "services",
    "diagnose",
    "recommend",
    "report",
    "schema",
    "form",
    "answers",
    "iati",
    "results",
    "portfolio",
]


def test_help_lists_every_command_and_exits_0(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    assert result.out.startswith("usage: compagnonnage")
    for name in COMMANDS:
        assert f"\n    {name} " in result.out
    assert "Exit codes: 0" in result.out


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_in_french(run: Run, name: str) -> None:
    result = run(name, "--help", "--lang", "fr")
    assert result.code == 0
    assert result.out.startswith(f"utilisation : compagnonnage {name}")
    assert "afficher cette aide et quitter" in result.out


def test_the_locale_chooses_the_language(run: Run, env: pytest.MonkeyPatch) -> None:
    env.setenv("LANG", "fr_FR.UTF-8")
    assert run("--help").out.startswith("utilisation : ")
    env.setenv("COMPAGNONNAGE_LANG", "en")
    assert run("--help").out.startswith("usage: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("check",), "the following arguments are required: PATH"),
        (("check", "x.json", "--bogus"), "unrecognized arguments: --bogus"),
        (("report", "x.json", "--format", "pdf"), "invalid choice: 'pdf'"),
        (("diagnose", "x.json"), "the following arguments are required: --answers"),
        (
            ("check", "x.json", "--lang", "de"),
            "argument --lang: unknown language: de (available languages: en, fr",
        ),
    ],
)
def test_misuse_exits_2_with_usage(run: Run, argv: tuple[str, ...], message: str) -> None:
    result = run(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: compagnonnage")
    assert message in result.err


def test_misuse_is_reported_in_french(run: Run) -> None:
    result = run("check", "--lang", "fr")
    assert result.code == 2
    assert "compagnonnage check : erreur : " in result.err


def test_options_are_accepted_before_the_command(run: Run, tmp_path: Path) -> None:
    result = run("--lang", "fr", "--debug", "status", str(tmp_path / "missing.json"))
    assert result.code == 2
    assert "fichier introuvable" in result.err
    assert "Traceback" in result.err


@pytest.mark.parametrize("name", ["status", "recommend", "report"])
def test_a_missing_file_names_the_file_without_traceback(
    run: Run, name: str, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    result = run(name, str(missing))
    assert result.code == 2
    assert result.err.splitlines() == [
        f"compagnonnage: {missing}: no such file",
        "(run again with --debug for the traceback)",
    ]


def test_a_folder_where_a_file_is_expected(run: Run, tmp_path: Path) -> None:
    result = run("status", str(tmp_path), "--lang", "fr")
    assert result.code == 2
    assert f"{tmp_path} : c'est un dossier, un fichier est attendu" in result.err


def test_report_into_a_folder_names_the_folder(
    run: Run, example_file: Path, tmp_path: Path
) -> None:
    result = run("report", str(example_file), "-o", str(tmp_path))
    assert result.code == 2
    assert result.err.startswith(f"compagnonnage: {tmp_path}: is a folder, a file is expected")
    assert list(tmp_path.glob(".*.tmp")) == []


def test_an_invalid_document_names_the_file_and_the_place(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "programme": {"id": 3}}', encoding="utf-8")
    result = run("report", str(bad), "--format", "md")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"compagnonnage: {bad}: invalid document")
    assert "$.programme.id: " in result.err
    assert "Traceback" not in result.err


def test_debug_shows_the_traceback(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run("status", str(bad), "--debug")
    assert result.code == 2
    assert "Traceback (most recent call last)" in result.err
    assert "DocumentError" in result.err


def test_python_m_compagnonnage_runs_the_same_entry_point(
    example_file: Path, module_env: dict[str, str]
) -> None:
    result = run_module("check", str(example_file), "--format", "json", env=module_env)
    assert result.code == 0
    assert json.loads(result.out)["summary"]["clean"] == 1


def test_importing_compagnonnage_imports_neither_the_cli_nor_the_reports() -> None:
    code = (
        "import sys, compagnonnage; "
        "heavy = ['compagnonnage.cli', 'compagnonnage.reports', 'compagnonnage.documents', "
        "'compagnonnage.plugins', 'argparse', 'pycountry', 'cattrs', 'pluggy', 'orjson', "
        "'gettext', 'html']; "
        "print([m for m in heavy if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from compagnonnage.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ['compagnonnage.reports', 'compagnonnage.documents', 'compagnonnage.plugins', "
        "'compagnonnage.diagnostics', 'compagnonnage._locale', 'babel', 'pycountry', 'cattrs', "
        "'pluggy', 'orjson']\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


def test_every_command_of_the_parser_has_its_module_and_function() -> None:
    import argparse
    import importlib

    from compagnonnage.cli import _COMMANDS
    from compagnonnage.cli._parser import build_parser

    sub = next(a for a in build_parser("en")._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(_COMMANDS) == set(COMMANDS)
    for name, module in _COMMANDS.items():
        assert callable(getattr(importlib.import_module(module), name))
