"""The command-line sessions shown in the docs are what the command prints.

Every ```console block of every page is replayed in a fresh folder per page, in
the page's order (so ``compagnonnage demo demo`` early on makes the files later
blocks read), with the real console script and the installed reference plugins.
A line ``$ command`` runs in bash; the lines under it, up to the next ``$``, are
its standard output followed by its standard error (which is how ``; echo $?``
reads). A command shown without output must succeed. The documents the pages
name besides the demo's are made by :data:`DOCUMENTS`, as the pages say.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from compagnonnage.documents import dump
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme, Stage

ROOT = Path(__file__).resolve().parents[1]
_CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _training_for_nobody() -> Programme:
    programme = togo_programme()
    actions = tuple(
        attrs.evolve(a, audience=frozenset()) if a.id == "act-training-elus" else a
        for a in programme.accompaniment.actions
    )
    return attrs.evolve(
        programme, accompaniment=attrs.evolve(programme.accompaniment, actions=actions)
    )


def _write(make: Callable[[], Programme]) -> Callable[[Path], None]:
    return lambda path: dump(make(), path)


def _unknown_expert(path: Path) -> None:
    programme = togo_programme()
    dump(programme, path)
    text = path.read_text(encoding="utf-8")
    # the third support action names an expert the team does not have
    marker = '"expert_ids": [\n            "cma-durand"'
    first = text.index(marker, text.index('"act-mandate-plan"'))
    path.write_text(
        text[:first] + marker.replace("cma-durand", "cma-dupont") + text[first + len(marker) :],
        encoding="utf-8",
    )


def _field_export(name: str) -> Callable[[Path], None]:
    """A copy of the example export ``docs/field-data/NAME`` (field-data.md's own files)."""
    return lambda path: shutil.copyfile(ROOT / "docs" / "field-data" / name, path)


DOCUMENTS: dict[str, Callable[[Path], None]] = {
    "togo-diagnostic.json": _write(lambda: togo_programme(stage=Stage.DIAGNOSTIC)),
    "training-for-nobody.json": _write(_training_for_nobody),
    "unknown-expert.json": _unknown_expert,
    "ucrm-staff.central.csv": _field_export("ucrm-staff.central.csv"),
    "ucrm-elected.kobo.json": _field_export("ucrm-elected.kobo.json"),
}
"""The documents the command-line guide uses, by file name."""


def _sessions() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """``(page, [(command, expected output lines), ...])`` for each page with sessions."""
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        steps: list[tuple[str, list[str]]] = []
        for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                else:
                    assert steps, f"{page}: a console block must start with a '$ ' line"
                    steps[-1][1].append(line)
        if steps:
            found.append((str(page.relative_to(ROOT)), steps))
    return found


SESSIONS = _sessions()


def _environment() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("COMPAGNONNAGE_", "LC_")) and k not in {"LANG", "LANGUAGE"}
    }
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["LANG"] = "C.UTF-8"
    env["COLUMNS"] = "200"
    return env


def test_the_command_line_guide_has_sessions() -> None:
    pages = {page for page, _ in SESSIONS}
    assert "docs/cli.md" in pages
    commands = [command for page, steps in SESSIONS for command, _ in steps]
    assert sum(command.startswith("compagnonnage ") for command in commands) >= 20


@pytest.mark.parametrize(("page", "steps"), SESSIONS, ids=[page for page, _ in SESSIONS])
def test_console_sessions_print_what_the_page_shows(
    page: str, steps: list[tuple[str, list[str]]], tmp_path: Path
) -> None:
    for name, make in DOCUMENTS.items():
        make(tmp_path / name)
    env = _environment()
    mismatches = []
    for command, expected in steps:
        ran = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        printed = [line.rstrip() for line in (ran.stdout + ran.stderr).splitlines()]
        if expected:
            if printed != [line.rstrip() for line in expected]:
                mismatches.append(f"$ {command}\n--- shown\n" + "\n".join(expected))
                mismatches[-1] += "\n--- printed\n" + "\n".join(printed)
        elif ran.returncode != 0:
            mismatches.append(f"$ {command}\nexit code {ran.returncode}\n{ran.stderr}")
    assert not mismatches, f"{page}:\n" + "\n\n".join(mismatches)
