"""``compagnonnage --version``: the library's version, then every installed plugin's."""

from __future__ import annotations

import importlib.metadata

from cli_support import Run

import compagnonnage


def test_version_prints_the_library_then_every_plugin_distribution(run: Run) -> None:
    result = run("--version")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"compagnonnage {compagnonnage.__version__}"
    # the conftest's three plugins, the broken one too: none is imported to ask
    assert "compagnonnage-fake 1.0 (plugin fake)" in lines
    assert "compagnonnage-broken 1.0 (plugin broken)" in lines
    assert lines[1:] == sorted(lines[1:])
    assert len(lines) == 1 + len(
        {p.dist.name for p in importlib.metadata.entry_points(group="compagnonnage") if p.dist}
    )


def test_version_speaks_french_before_or_after(run: Run) -> None:
    before, after = run("--lang", "fr", "--version"), run("--version", "--lang", "fr")
    assert before.out == after.out
    assert "compagnonnage-fake 1.0 (extension fake)" in before.out.splitlines()


def test_the_library_version_is_the_distribution_version() -> None:
    assert importlib.metadata.version("compagnonnage") == compagnonnage.__version__
