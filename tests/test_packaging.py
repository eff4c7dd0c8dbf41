"""The distributions as a user installs them: built, checked, installed alone, working.

Builds the wheel and the sdist of the core and of each reference plugin
(``python -m build``), checks them with ``twine check --strict``, installs the
*wheels* (not the source tree) into a fresh virtual environment, its
dependencies from the package registry, then runs ``compagnonnage demo`` and
``--version`` there and imports every module of every package, so that a file
missing from a wheel (``py.typed``, a data file, a module) is caught.

Slow and needs the registry: marked ``packaging`` (``-m "not packaging"`` leaves it
out locally; CI runs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest depends on tomli before Python 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = {
    "compagnonnage": ROOT,
    "compagnonnage-uemoa": ROOT / "plugins" / "compagnonnage-uemoa",
    "compagnonnage-food": ROOT / "plugins" / "compagnonnage-food",
    "compagnonnage-building": ROOT / "plugins" / "compagnonnage-building",
}
PACKAGES = ["compagnonnage", "compagnonnage_uemoa", "compagnonnage_food", "compagnonnage_building"]

pytestmark = pytest.mark.packaging

_IMPORT_ALL = """
import importlib, json, pkgutil, sys
found = {}
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    walked = pkgutil.walk_packages(package.__path__, name + ".")
    # __main__ runs the command line when imported: it is imported by ``python -m`` only
    modules = [name] + [m.name for m in walked if not m.name.endswith(".__main__")]
    for module in modules:
        importlib.import_module(module)
    found[name] = {"file": package.__file__, "modules": modules}
print(json.dumps(found))
"""


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _version(project: Path, package: str) -> str:
    """The version a distribution is built with: the package's ``__version__``."""
    source = project / "src" / package / "__init__.py"
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__ = "):
            return line.split("=", 1)[1].strip().strip('"')
    raise AssertionError(f"{source} has no __version__")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    for project in PROJECTS.values():
        _run(
            sys.executable, "-m", "build", "--no-isolation", "-q", "--outdir", out, project, cwd=out
        )
    _run(sys.executable, "-m", "twine", "check", "--strict", *sorted(out.iterdir()), cwd=out)
    return out


def test_each_project_makes_a_wheel_and_an_sdist_with_its_licence(dist: Path) -> None:
    for (name, project), package in zip(PROJECTS.items(), PACKAGES, strict=True):
        stem = f"{package}-{_version(project, package)}"
        wheel = zipfile.ZipFile(dist / f"{stem}-py3-none-any.whl")
        assert f"{stem}.dist-info/licenses/LICENSE" in wheel.namelist(), name
        with tarfile.open(dist / f"{stem}.tar.gz") as sdist:
            assert f"{stem}/LICENSE" in sdist.getnames(), name
    core = zipfile.ZipFile(
        dist / f"compagnonnage-{_version(ROOT, 'compagnonnage')}-py3-none-any.whl"
    )
    assert "compagnonnage/py.typed" in core.namelist()


def test_plugins_declare_the_core_versions_they_support() -> None:
    core = _version(ROOT, "compagnonnage")
    major, minor = (int(part) for part in core.split(".")[:2])
    for name, project in PROJECTS.items():
        meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        assert meta["dynamic"] == ["version"], name
        # No project URLs until the project has a public home: none is invented.
        assert "urls" not in meta, name
        if name != "compagnonnage":
            assert f"compagnonnage>={major}.{minor},<{major}.{minor + 1}" in meta["dependencies"]


def test_the_wheels_installed_alone_run_the_demo_and_import_every_module(
    dist: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    wheels = sorted(dist.glob("*.whl"))
    (core,) = [w for w in wheels if w.name.startswith("compagnonnage-")]
    plugins = [w for w in wheels if w != core]
    pip = [bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run(*pip, f"{core}[testing,iati]", "pytest", *plugins, cwd=tmp_path)

    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env = {k: v for k, v in env.items() if not k.startswith(("COMPAGNONNAGE_", "LC_", "LANG"))}
    out = _run(bin_dir / "compagnonnage", "demo", "demo", cwd=tmp_path, env=env)
    assert "Rule check: clean" in out
    assert (tmp_path / "demo" / "cma-ucrm-2021.report.fr.html").stat().st_size > 10_000
    # The IATI schema and codelists are read from the installed wheel, from another folder.
    org = ("--reporting-org", "FR-CMA", "--reporting-org-type", "15", "--reporting-org-name", "CMA")
    iati = [bin_dir / "compagnonnage", "iati"]
    out = _run(
        *iati, "demo/cma-ucrm-2021.json", "-o", "activities.xml", *org, cwd=tmp_path, env=env
    )
    assert "validated" in out
    assert "valid IATI 2.03" in _run(*iati, "--check", "activities.xml", cwd=tmp_path, env=env)

    versions = _run(bin_dir / "compagnonnage", "--version", cwd=tmp_path, env=env).splitlines()
    assert versions == [f"compagnonnage {_version(ROOT, 'compagnonnage')}"] + [
        f"{name} {_version(PROJECTS[name], name.replace('-', '_'))} (plugin {name.split('-')[1]})"
        for name in sorted(PROJECTS)
        if name != "compagnonnage"
    ]

    found = json.loads(
        _run(bin_dir / "python", "-c", _IMPORT_ALL, *PACKAGES, cwd=tmp_path, env=env)
    )
    for package in PACKAGES:
        assert Path(found[package]["file"]).is_relative_to(venv), package
    modules = set(found["compagnonnage"]["modules"])
    assert {"compagnonnage.cli", "compagnonnage.testing.pytest_plugin"} <= modules
    sources = {
        ".".join(p.relative_to(ROOT / "src").with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "src" / "compagnonnage").rglob("*.py")
        if p.name != "__main__.py"
    }
    assert sources <= modules, sources - modules
