"""Walk the bundled Togo example through its three stages and print the rule report.

Run: python examples/togo.py [fr|en]
"""

from __future__ import annotations

import sys
from typing import Literal

from compagnonnage import check
from compagnonnage.example import togo_steps


def main(language: str = "fr") -> int:
    lang: Literal["fr", "en"] = "en" if language == "en" else "fr"
    programme = None
    for what, programme in togo_steps():
        report = check(programme)
        print(f"{what:<32} {programme.stage.label(lang):<16} {len(report)} violation(s)")
    assert programme is not None
    report = check(programme)
    print()
    print(programme.title)
    print(f"  {programme.beneficiary.name}")
    print(
        f"  {len(programme.diagnostic.recommendations)} recommendations, {len(programme.accompaniment.actions)} support actions"
    )
    for action in programme.accompaniment.actions:
        print(f"  - [{action.status.value}] {action.title}")
    print()
    if not report.violations:
        print("Aucune règle enfreinte." if lang == "fr" else "No rule is broken.")
    for v in report:
        print(f"  {v.code} {v.severity.value}: {v.message(lang)}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
