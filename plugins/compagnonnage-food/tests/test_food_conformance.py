"""The food plugin passes compagnonnage's conformance check, on the uemoa trades it is keyed to."""

from __future__ import annotations

import compagnonnage_food
import compagnonnage_uemoa

from compagnonnage.testing.conformance import check_plugin


def test_food_conforms_on_every_check() -> None:
    report = check_plugin(compagnonnage_food, requires=[compagnonnage_uemoa])
    report.assert_ok()
    assert report.checks == (
        "hooks",
        "load",
        "references",
        "documents",
        "module food-trades",
        "compagnonnage_recommend_support",
    )
