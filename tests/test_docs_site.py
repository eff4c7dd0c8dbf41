"""The documentation site builds, warnings as errors, and its references are complete.

The site is built once (``sphinx-build -W --keep-going -n``, as CI does) into a
temporary folder; the tests then read the generated HTML: the API reference
holds every public name and every field of the attrs classes, no private name;
the generated hook reference holds every hook of ``hookspecs.py`` with its
parameters, grouped by phase; the CLI reference every command and option.
"""

from __future__ import annotations

import argparse
import html
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

pytest.importorskip("sphinx", reason="the docs extra is not installed")

from compagnonnage.cli._parser import build_parser
from compagnonnage.model import Programme
from compagnonnage.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(name for name in vars(hookspecs) if name.startswith("compagnonnage_"))
API_PAGES = {
    "compagnonnage.model": "model",
    "compagnonnage.rules": "rules",
    "compagnonnage.lifecycle": "lifecycle",
    "compagnonnage.errors": "errors",
    "compagnonnage.plugins": "plugins",
    "compagnonnage.diagnostics": "diagnostics",
    "compagnonnage.catalogue": "catalogue",
    "compagnonnage.documents": "documents",
    "compagnonnage.reports": "reports",
    "compagnonnage.example": "example",
    "compagnonnage.cli": "cli",
    "compagnonnage.testing.strategies": "testing-strategies",
    "compagnonnage.testing.machine": "testing-machine",
    "compagnonnage.testing.conformance": "testing-conformance",
    "compagnonnage.testing.samples": "testing-samples",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    flags = ["-W", "--keep-going", "-n", "-q", "-d", str(out / "doctrees")]
    built = subprocess.run(
        [sys.executable, "-m", "sphinx", *flags, str(ROOT / "docs"), str(out / "html")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return out / "html"


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_the_programme_page_lists_every_field_with_its_type(site: Path) -> None:
    page = site / "reference" / "api" / "model.html"
    ids = _ids(page)
    assert "compagnonnage.model.Programme" in ids
    for field in attrs.fields(Programme):
        assert f"compagnonnage.model.Programme.{field.name}" in ids, field.name
    text = _text(page)
    assert "stage: Stage" in text
    assert "Default: Stage.DRAFT." in text


@pytest.mark.parametrize("module", sorted(API_PAGES))
def test_every_public_name_is_in_the_api_reference_and_no_private_one(
    site: Path, module: str
) -> None:
    ids = _ids(site / "reference" / "api" / f"{API_PAGES[module]}.html")
    public = importlib.import_module(module).__all__
    assert {f"{module}.{name}" for name in public} <= ids
    assert not [i for i in ids if re.search(r"(^|\.)_[a-z]", i)]


def test_every_hook_is_documented_in_the_generated_reference(site: Path) -> None:
    page = site / "reference" / "hookspecs.html"
    ids, text = _ids(page), _text(page)
    for hook in HOOKS:
        assert f"compagnonnage.plugins.hookspecs.{hook}" in ids, hook
        for parameter in inspect.signature(getattr(hookspecs, hook)).parameters:
            assert re.search(rf"{hook}\(.*\b{parameter}\b", text, re.DOTALL), (hook, parameter)
    assert text.count("firstresult: ") == len(HOOKS)
    phases = re.findall(r"(\w+) phase¶", text)
    assert phases == ["Registration", "Accompaniment", "Lifecycle"]


def test_the_cli_reference_lists_every_command_and_option(site: Path) -> None:
    text = _text(site / "reference" / "cli.html")
    parser = build_parser("en")
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in commands.choices.items():
        assert f"compagnonnage {name}¶" in text, name
        for action in sub._actions:
            for option in action.option_strings:
                assert option in text, (name, option)


def test_the_rules_table_lists_every_core_rule(site: Path) -> None:
    from compagnonnage.rules import CORE_RULES

    text = _text(site / "reference" / "rules.html")
    for rule in CORE_RULES:
        assert rule.code in text
        assert rule.title("fr") in text
