"""Keep the gettext catalogues in step with the code (needs Babel: ``pip install -e '.[dev]'``).

    python tools/i18n.py extract   # the code's messages -> each domain's .pot template
    python tools/i18n.py update    # the template -> every language's .po (new entries empty)
    python tools/i18n.py compile   # every .po -> its .mo, shipped in the wheel
    python tools/i18n.py all       # the three, in that order

A translator edits only the ``.po`` files (Poedit, Weblate, a text editor), then
runs ``compile``. The tests check that the template matches the code, that every
entry is translated with the same placeholders, and that the ``.mo`` files match.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent

KEYWORDS = {
    "_": None,
    "_n": (1, 2),
    "_p": ((1, "c"), 2),
}
"""The marking functions: ``_(text)``, ``_n(singular, plural)``, ``_p(context, text)``."""

DOMAINS = {
    "compagnonnage": ROOT / "src" / "compagnonnage",
    "compagnonnage_uemoa": ROOT / "plugins" / "compagnonnage-uemoa" / "src" / "compagnonnage_uemoa",
}
"""Each catalogue's domain and the package folder whose code it translates."""


def template(domain: str) -> Catalog:
    """The catalogue of every message the domain's code marks, untranslated."""
    source = DOMAINS[domain]
    catalog = Catalog(project=domain, domain=domain, charset="utf-8", fuzzy=False)
    messages = extract_from_dir(
        str(source),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in messages:
        if filename.startswith("locale"):
            continue
        catalog.add(
            message,
            locations=[(f"{source.name}/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def template_path(domain: str) -> Path:
    return DOMAINS[domain] / "locale" / f"{domain}.pot"


def po_paths(domain: str) -> Iterator[Path]:
    yield from sorted((DOMAINS[domain] / "locale").glob(f"*/LC_MESSAGES/{domain}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, abort_invalid=True)


def render_po(catalog: Catalog, *, template: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        omit_header=False,
        sort_output=False,
        ignore_obsolete=True,
        include_previous=False,
        include_lineno=False,
    )
    return buffer.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def extract() -> None:
    for domain in DOMAINS:
        path = template_path(domain)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_po(template(domain), template=True))
        print(f"wrote {path.relative_to(ROOT)}")


def update() -> None:
    for domain in DOMAINS:
        pot = read(template_path(domain))
        for path in po_paths(domain):
            catalog = read(path)
            catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
            catalog.obsolete.clear()
            path.write_bytes(render_po(catalog))
            missing = sum(1 for m in catalog if m.id and not _translated(m.string))
            print(f"updated {path.relative_to(ROOT)}: {missing} untranslated")


def _translated(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def compile_() -> None:
    for domain in DOMAINS:
        for path in po_paths(domain):
            target = path.with_suffix(".mo")
            target.write_bytes(render_mo(read(path)))
            print(f"wrote {target.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    commands = {"extract": [extract], "update": [update], "compile": [compile_]}
    commands["all"] = [extract, update, compile_]
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    for step in commands[argv[0]]:
        step()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
