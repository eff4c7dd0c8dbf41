"""The uemoa plugin passes compagnonnage's conformance check for plugins."""

from __future__ import annotations

import compagnonnage_uemoa

from compagnonnage.testing.conformance import check_plugin


def test_uemoa_conforms_on_every_check() -> None:
    report = check_plugin(compagnonnage_uemoa)
    report.assert_ok()
    assert report.checks == (
        "hooks",
        "load",
        "references",
        "documents",
        "module uemoa-crafts-code",
        "rule UEMOA-001",
        "rule UEMOA-002",
        "compagnonnage_recommend_support",
    )
