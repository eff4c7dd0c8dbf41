"""Every ```python block of README.md and of the docs pages runs as written.

The blocks of one page run in order in one namespace, as a reader following the
page would type them, in a fresh working folder. A page whose examples continue
one the page does not show (``programme`` is the bundled example) gets that
setup from :data:`SETUP`. The pages whose blocks are plugin or test files run
under their own tests (:data:`RUN_ELSEWHERE`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)

RUN_ELSEWHERE = {
    "docs/hooks.md": "tests/plugins/test_meta.py",
    "docs/plugin-tutorial.md": "tests/plugins/test_meta.py",
    "docs/testing.md": "tests/testing/test_docs_testing.py",
}
"""Pages whose blocks another test runs (as a plugin, or as pytest files)."""

SETUP = {
    "docs/documents.md": (
        "from compagnonnage.example import togo_programme\nprogramme = togo_programme()\n"
    ),
    # the page's commands run in a folder holding its two example exports
    "docs/field-data.md": "".join(
        f"import shutil; shutil.copyfile({str(ROOT / 'docs' / 'field-data' / name)!r}, {name!r})\n"
        for name in ("ucrm-staff.central.csv", "ucrm-elected.kobo.json")
    ),
}
"""What a page's first block takes as given, run before it."""


def _pages() -> list[str]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [
        str(page.relative_to(ROOT))
        for page in pages
        if BLOCK.search(page.read_text(encoding="utf-8"))
    ]


PAGES = [page for page in _pages() if page not in RUN_ELSEWHERE]


def test_the_pages_that_teach_the_api_have_examples() -> None:
    assert {"README.md", "docs/domain.md", "docs/getting-started.md"} <= set(PAGES)


@pytest.mark.parametrize("page", sorted(RUN_ELSEWHERE))
def test_the_pages_run_elsewhere_are_run_there(page: str) -> None:
    assert BLOCK.search((ROOT / page).read_text(encoding="utf-8")), f"{page} has no example"
    runner = (ROOT / RUN_ELSEWHERE[page]).read_text(encoding="utf-8")
    assert f'"{Path(page).name}"' in runner or page in runner


@pytest.mark.parametrize("page", PAGES)
def test_examples_of_the_page_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    exec(compile(SETUP.get(page, ""), f"{page}#setup", "exec"), namespace)
    text = (ROOT / page).read_text(encoding="utf-8")
    for n, code in enumerate(BLOCK.findall(text)):
        exec(compile(code, f"{page}#{n}", "exec"), namespace)
