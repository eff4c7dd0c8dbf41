"""A downstream application type-checks under ``mypy --strict``, no ``Any`` reaching it.

``downstream/registry_app.py`` uses every public entry point (model, lifecycle
and ``next_step``, rules, documents, plugin façade, errors, testing kit) and
carries ``# mypy: disallow-any-expr``; ``downstream/registry_tests.py`` adds the
testing kit's hypothesis decorators (typed with ``Any`` by hypothesis itself).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOWNSTREAM = Path(__file__).parent / "downstream"


def _mypy(folder: Path, cache: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), *files],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_downstream_application_type_checks_with_no_any(tmp_path: Path) -> None:
    result = _mypy(DOWNSTREAM, tmp_path / "cache", "registry_app.py", "registry_tests.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in 2 source files" in result.stdout


def test_the_check_would_catch_an_any_or_an_untyped_load(tmp_path: Path) -> None:
    # The same flags on code that lets an Any through: the check is not vacuous.
    leaky = tmp_path / "leaky.py"
    leaky.write_text(
        "# mypy: disallow-any-expr\n"
        "import json\n"
        "from compagnonnage.documents import loads\n"
        "from compagnonnage.model import Body\n\n"
        "p = loads('{}')\n"
        "reveal_type(p)\n"
        "reveal_type(loads('{}', cls=Body))\n"
        "value = json.loads('1')\n",
        encoding="utf-8",
    )
    result = _mypy(tmp_path, tmp_path / "cache", "leaky.py")
    assert result.returncode == 1
    assert 'Revealed type is "compagnonnage.model._programme.Programme"' in result.stdout
    assert 'Revealed type is "compagnonnage.model._body.Body"' in result.stdout
    assert 'Expression has type "Any"' in result.stdout
