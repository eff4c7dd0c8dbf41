"""docs/field-data.md: its commands print what the page says, and its Python runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from compagnonnage.cli import main
from compagnonnage.documents import dump
from compagnonnage.example import togo_programme

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "field-data.md").read_text(encoding="utf-8")
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
PYTHON = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _commands() -> list[tuple[list[str], int | None, list[str]]]:
    """``(argv, lines kept by | head, expected lines)`` of every ``compagnonnage`` command shown."""
    found = []
    for block in CONSOLE.findall(PAGE):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            if not command.startswith("compagnonnage "):
                continue
            command, _, pipe = command.partition(" | ")
            head = int(pipe.removeprefix("head -")) if pipe else None
            found.append((shlex.split(command)[1:], head, output))
    return found


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for example in (ROOT / "docs" / "field-data").iterdir():
        shutil.copy(example, tmp_path / example.name)
    (tmp_path / "demo").mkdir()
    dump(togo_programme(), tmp_path / "demo" / "cma-ucrm-2021.json")
    staff = (tmp_path / "ucrm-staff.central.csv").read_text(encoding="utf-8").split("\n")
    staff[1] = staff[1].replace(",yes,", ",oui,", 1)
    (tmp_path / "ucrm-bad.csv").write_text("\n".join(staff), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMPAGNONNAGE_PLUGINS", "none")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "COMPAGNONNAGE_LANG"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_the_page_shows_its_commands() -> None:
    assert [argv[0] if argv[0] != "--lang" else argv[2] for argv, _, _ in _commands()] == [
        "demo",
        "form",
        "answers",
        "answers",
        "check",
        "diagnose",
    ]


@pytest.mark.usefixtures("folder")
def test_every_command_prints_what_the_page_says(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, head, expected in _commands():
        main(argv)
        captured = capsys.readouterr()
        printed = (captured.out + captured.err).splitlines()
        assert printed[:head] == expected, argv


@pytest.mark.usefixtures("folder")
def test_the_python_examples_run() -> None:
    for n, code in enumerate(PYTHON.findall(PAGE)):
        exec(compile(code, f"docs/field-data.md#{n}", "exec"), {"__name__": "__docs__"})


def test_the_example_exports_are_the_togo_answers() -> None:
    from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE as MODULE
    from compagnonnage.example import TOGO_DESIRED, togo_answers
    from compagnonnage.forms import read_exports

    folder = ROOT / "docs" / "field-data"
    answers = read_exports(sorted(folder.iterdir()), MODULE).answers
    assert set(answers.answers(MODULE.id)) == set(togo_answers())
    assert answers.desired == {MODULE.id: TOGO_DESIRED}
    assert os.path.basename(str(folder)) == "field-data"
