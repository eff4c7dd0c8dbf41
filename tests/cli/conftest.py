"""Run the command line through its real entry point, with a known set of plugins.

A distribution ``compagnonnage-fake`` (entry point ``fake``), a broken one
(``broken``, which fails to import) and a failing one (``failing``, whose
recommendation hook raises) are "installed" by putting their dist-info
folders on ``sys.path``; ``COMPAGNONNAGE_PLUGINS`` allows only ``fake`` unless a
test says otherwise, so the plugins installed in the environment never leak in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import Result, Run

from compagnonnage.cli import main
from compagnonnage.documents import dump
from compagnonnage.example import togo_programme
from compagnonnage.model import Programme

HERE = Path(__file__).parent


def _dist(site: Path, name: str, entry: str, module: str) -> None:
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[compagnonnage]\n{entry} = {module}\n")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder to put on ``sys.path``: the fake plugin, a broken and a failing one."""
    root = tmp_path_factory.mktemp("site")
    shutil.copy(HERE / "_fakeplugin.py", root / "compagnonnage_fakeplugin.py")
    (root / "compagnonnage_brokenplugin.py").write_text(
        'raise ImportError("this plugin is broken on purpose")\n'
    )
    (root / "compagnonnage_failingplugin.py").write_text(
        "from compagnonnage.plugins import hookimpl\n\n\n"
        "@hookimpl\n"
        "def compagnonnage_recommend_support(recommendation):\n"
        "    raise RuntimeError('no idea for ' + recommendation.id)\n"
    )
    _dist(root, "compagnonnage-fake", "fake", "compagnonnage_fakeplugin")
    _dist(root, "compagnonnage-failing", "failing", "compagnonnage_failingplugin")
    _dist(root, "compagnonnage-broken", "broken", "compagnonnage_brokenplugin")
    return root


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, site: Path) -> pytest.MonkeyPatch:
    """A clean environment: English, only the fake plugin, not strict."""
    monkeypatch.syspath_prepend(str(site))
    for name in (
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "COMPAGNONNAGE_LANG",
        "COMPAGNONNAGE_DISABLE_PLUGINS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COMPAGNONNAGE_STRICT_PLUGINS", raising=False)
    monkeypatch.setenv("COMPAGNONNAGE_PLUGINS", "fake")
    return monkeypatch


@pytest.fixture
def run(env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``run("check", "x.json")``: call :func:`compagnonnage.cli.main` and capture its output."""

    def call(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture(scope="session")
def example() -> Programme:
    return togo_programme()


@pytest.fixture
def example_file(tmp_path: Path, example: Programme) -> Path:
    """The example programme written as a document."""
    path = tmp_path / "togo.json"
    dump(example, path)
    return path


@pytest.fixture
def module_env(site: Path) -> dict[str, str]:
    """The environment of a subprocess: the fake plugin on the path, English."""
    import os

    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COMPAGNONNAGE_"))
    }
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["COMPAGNONNAGE_PLUGINS"] = "fake"
    return env
