"""``import compagnonnage`` stays light: no Babel, no catalogue read until a word is rendered."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _run(code: str) -> dict[str, object]:
    probe = (
        "import json, sys\n"
        f"{code}\n"
        "i18n = sys.modules.get('compagnonnage._i18n')\n"
        "print(json.dumps({\n"
        "    'babel': sorted(m for m in sys.modules if m.split('.')[0] == 'babel'),\n"
        "    'i18n': i18n is not None,\n"
        "    'cached': i18n._translations.cache_info().currsize if i18n else 0,\n"
        "    'opened': sorted(OPENED),\n"
        "}))\n"
    )
    # every catalogue file opened, whoever opens it
    spy = (
        "import io, builtins\n"
        "OPENED = set()\n"
        "_open = io.open\n"
        "def _spy(file, *args, **kwargs):\n"
        "    if str(file).endswith('.mo'):\n"
        "        OPENED.add(str(file).rsplit('/', 3)[-3])\n"
        "    return _open(file, *args, **kwargs)\n"
        "io.open = builtins.open = _spy\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", spy + probe], capture_output=True, text=True, check=True
    )
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


@pytest.mark.parametrize(
    "code",
    [
        "import compagnonnage",
        "import compagnonnage._i18n",
        "import compagnonnage.model",
        "import compagnonnage.rules",
        "import compagnonnage.lifecycle",
        "import compagnonnage.errors",
        "import compagnonnage.diagnostics",
    ],
)
def test_importing_reads_no_catalogue_and_imports_no_babel(code: str) -> None:
    found = _run(code)
    assert found["babel"] == []
    assert found["cached"] == 0
    assert found["opened"] == []


def test_importing_the_package_does_not_even_import_the_mechanism() -> None:
    assert _run("import compagnonnage")["i18n"] is False


def test_the_mechanism_does_not_import_importlib_resources_before_it_needs_a_catalogue() -> None:
    probe = "import sys, compagnonnage._i18n\nprint('importlib.resources' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_english_needs_no_catalogue() -> None:
    found = _run(
        "from compagnonnage._i18n import _, _n\n"
        "str(_('Action {action} has no expert', action='A1'))\n"
        "_n('{count} file', '{count} files', 2, count=2)('en')\n"
    )
    assert found["babel"] == []
    assert found["opened"] == []


def test_a_language_reads_its_catalogue_once_and_no_other() -> None:
    found = _run(
        "from compagnonnage._i18n import _p\n"
        "for _ in range(3):\n"
        "    _p('Stage.draft', 'draft')('fr')\n"
    )
    assert found["opened"] == ["fr"]
    assert found["cached"] == 1
    assert found["babel"] == []
