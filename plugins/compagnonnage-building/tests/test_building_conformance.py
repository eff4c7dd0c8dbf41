"""The building plugin passes compagnonnage's conformance check, on the uemoa trades it is keyed to."""

from __future__ import annotations

import compagnonnage_building
import compagnonnage_uemoa

from compagnonnage.testing.conformance import check_plugin


def test_building_conforms_on_every_check() -> None:
    report = check_plugin(compagnonnage_building, requires=[compagnonnage_uemoa])
    report.assert_ok()
    assert report.checks == (
        "hooks",
        "load",
        "references",
        "documents",
        "module building-trades",
        "compagnonnage_recommend_support",
    )
