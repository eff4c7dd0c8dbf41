"""What starting the command line costs: the modules each path imports, in fresh interpreters."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import compagnonnage

_ROOM = ("compagnonnage.model", "compagnonnage.rules", "compagnonnage.lifecycle")


def _modules(code: str, *argv: str) -> set[str]:
    """The modules that ``code``, run in a fresh interpreter, leaves in ``sys.modules``."""
    probe = f"import sys\n{code}\nprint(*sorted(sys.modules))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines()[-1].split())


def _after_command(example_file: Path, command: str, *options: str) -> set[str]:
    """The modules a fresh interpreter holds once ``command`` has run on the example file
    (with ``options``) and exited 0, its output discarded."""
    return _modules(
        "import contextlib, io\n"
        "from compagnonnage.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main([{command!r}, sys.argv[1], *{list(options)!r}])\n"
        "assert code == 0, code",
        str(example_file),
    )


def _imported(code: str, *argv: str) -> list[str]:
    """The modules of the package (and attrs, cattrs) that ``code`` leaves in ``sys.modules``."""
    return sorted(
        m for m in _modules(code, *argv) if m.startswith(("compagnonnage", "attr", "cattrs"))
    )


def test_importing_the_package_imports_nothing_else() -> None:
    assert _imported("import compagnonnage") == ["compagnonnage"]


def test_each_name_of_the_package_is_the_one_of_its_home_module() -> None:
    for name in compagnonnage.__all__:
        value = getattr(compagnonnage, name)
        if name == "lifecycle":
            assert value is importlib.import_module("compagnonnage.lifecycle")
        elif name != "__version__":
            assert value is getattr(importlib.import_module(compagnonnage._HOMES[name]), name)
    assert set(compagnonnage.__all__) <= set(dir(compagnonnage))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="nothing_of_the_kind"):
        compagnonnage.nothing_of_the_kind  # noqa: B018


def test_help_imports_neither_the_model_nor_the_rules() -> None:
    loaded = _imported(
        "from compagnonnage.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not [m for m in loaded if m.startswith((*_ROOM, "cattrs"))]


def test_checking_a_good_file_imports_no_cattrs(example_file: Path) -> None:
    loaded = _after_command(example_file, "check")
    assert "compagnonnage.model" in loaded
    assert not [m for m in loaded if m.startswith("cattrs")]


def test_help_imports_none_of_what_only_commands_need() -> None:
    """typing, attrs' dependencies, hashlib (OpenSSL), tempfile and json stay out of ``--help``."""
    loaded = _modules(
        "from compagnonnage.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not loaded & {"typing", "inspect", "hashlib", "tempfile", "json", "compagnonnage.errors"}


def test_checking_a_file_imports_only_what_reading_and_checking_need(example_file: Path) -> None:
    loaded = _after_command(example_file, "check")
    assert "compagnonnage.model" in loaded
    assert not loaded & {"hashlib", "tempfile", "pathlib", "traceback", "shutil"}


def test_printing_a_report_imports_no_file_machinery(example_file: Path) -> None:
    """pathlib (and the urllib, ipaddress and ntpath it brings) only for ``--output FILE``."""
    loaded = _after_command(example_file, "report", "--format", "html")
    assert "compagnonnage.reports" in loaded
    assert not loaded & {"hashlib", "tempfile", "pathlib", "traceback", "shutil"}
