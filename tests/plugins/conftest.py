"""Fixtures for the plugin machinery: throwaway distributions on a temporary path.

Installed plugins never leak in: tests build their own managers, with
``entry_points=False`` or an allow-list naming the throwaway distributions.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from compagnonnage.model import (
    Body,
    BodyKind,
    Diagnostic,
    ElectedOfficial,
    IssueSeverity,
    Level,
    MajorIssue,
    Programme,
    Recommendation,
    ReferencePartner,
    RegionRef,
    Scope,
)

Install = Callable[..., str]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install a one-module distribution with a ``compagnonnage`` entry point; return its name.

    ``install("bad-plugin", "raise RuntimeError('boom')", version="1.2.3")`` writes
    ``bad_plugin.py`` and ``bad_plugin-1.2.3.dist-info`` whose entry point
    ``bad-plugin = bad_plugin`` points at the module.
    """
    monkeypatch.syspath_prepend(str(tmp_path))
    modules: list[str] = []

    def _install(name: str, source: str, *, version: str = "1.0.0") -> str:
        module = name.replace("-", "_")
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = tmp_path / f"{module}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[compagnonnage]\n{name} = {module}\n", encoding="utf-8"
        )
        modules.append(module)
        importlib.invalidate_caches()
        return name

    yield _install
    for module in modules:
        sys.modules.pop(module, None)


@pytest.fixture
def togo() -> Programme:
    """A draft programme for Togo's union of chambers, with one major issue and one recommendation.

    Both findings carry the ids the built-in module's scoring suggests, so the
    built-in plugin can recommend support for the recommendation.
    """
    body = Body(
        id="ucrm",
        name="Union des chambres régionales de métiers du Togo",
        kind=BodyKind.CONSULAR_CHAMBER,
        region=RegionRef("TG"),
        level=Level.NATIONAL,
        officials=(ElectedOfficial(id="president", name="Président"),),
    )
    issue = MajorIssue(
        id="consular-chamber/governing-bodies/issue",
        statement="Instances rarement réunies",
        severity=IssueSeverity.HIGH,
    )
    rec = Recommendation(
        id="consular-chamber/governing-bodies/recommendation",
        statement="Structurer les instances",
        cites=(issue.id,),
    )
    programme = Programme.draft(
        id="tg-2021",
        title="Compagnonnage UCRM",
        beneficiary=body,
        reference_partner=ReferencePartner(id="president", name="Président", body_id="ucrm"),
        scope=Scope(regions=(RegionRef("TG"),)),
    )
    return attrs.evolve(programme, diagnostic=Diagnostic(issues=(issue,), recommendations=(rec,)))
