"""What importing compagnonnage, and the testing kit's light modules, pulls in (fresh interpreters)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("hypothesis", "pytest", "_pytest", "pluggy", "cattrs", "orjson")


def _imported_after(statement: str) -> list[str]:
    """The top-level packages of ``HEAVY`` imported by ``statement`` in a fresh interpreter."""
    probe = (
        f"import sys\n{statement}\n"
        "import json\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def test_import_compagnonnage_imports_no_test_or_plugin_machinery() -> None:
    assert _imported_after("import compagnonnage") == []


def test_the_probe_sees_what_a_module_imports() -> None:
    assert _imported_after("import hypothesis") != []


@pytest.mark.parametrize(
    "statement",
    [
        "import compagnonnage.testing",
        "import compagnonnage.testing._hypothesis",
        "import _compagnonnage_hypothesis",
    ],
)
def test_the_kit_package_and_the_hypothesis_hook_module_import_nothing_heavy(
    statement: str,
) -> None:
    assert _imported_after(statement) == []


def test_import_hypothesis_does_not_import_compagnonnage() -> None:
    probe = "import sys, hypothesis; print(sorted(m for m in sys.modules if 'compagnonnage' in m))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['_compagnonnage_hypothesis']"


@pytest.mark.parametrize(
    "order",
    [
        "import hypothesis\nfrom compagnonnage.model import Programme",
        "from compagnonnage.model import Programme\nimport hypothesis",
    ],
    ids=["hypothesis-first", "compagnonnage-first"],
)
def test_our_types_are_registered_whichever_is_imported_first(order: str) -> None:
    probe = (
        f"{order}\n"
        "from hypothesis import strategies as st\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup\n"
        "from compagnonnage import check\n"
        "assert Programme in _global_type_lookup\n"
        "assert check(st.from_type(Programme).example()).ok\n"
        "import compagnonnage.model as m\n"
        "assert m.__loader__.get_source('compagnonnage.model')\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "ok"


def test_the_pytest_plugin_imports_only_pytest() -> None:
    loaded = _imported_after("import compagnonnage.testing.pytest_plugin")
    assert set(loaded) <= {"pytest", "_pytest", "pluggy"}
    assert "pytest" in loaded
