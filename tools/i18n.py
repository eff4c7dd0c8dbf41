"""Keep the gettext catalogues in step with the code (needs Babel: ``pip install -e '.[dev]'``).

    python tools/i18n.py extract     # the code's messages -> each domain's .pot template
    python tools/i18n.py update      # the template -> every language's .po (new entries empty)
    python tools/i18n.py compile     # every .po -> its .mo, shipped in the wheel
    python tools/i18n.py all         # the three, in that order
    python tools/i18n.py init LANG   # a new language: an empty .po for each domain

A translator edits only the ``.po`` files (Poedit, Weblate, a text editor), then
runs ``compile``. The tests check that the template matches the code, that every
entry is translated with the same placeholders, and that the ``.mo`` files match.

Every file written is the same whenever it is written from the same sources: the
headers carry no dates, no tool version and no placeholders, only the language,
its plural rule and the encoding. A ``.po`` file's ``Plural-Forms`` is kept as it
is set there (gettext's usual rule for the language, not CLDR's three forms).
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileParser, write_po

ROOT = Path(__file__).resolve().parent.parent

KEYWORDS: dict[str, tuple[object, ...] | None] = {
    "_": None,
    "_n": (1, 2),
    "_p": ((1, "c"), 2),
}
"""The marking functions: ``_(text)``, ``_n(singular, plural)``, ``_p(context, text)``.

A plugin marks its own words with the same names, bound to its catalogue's methods
(``_ = CATALOGUE.message``, ``_n = CATALOGUE.plural``, ``_p = CATALOGUE.contextual``).
"""

LITERAL_ARGUMENTS = {"_": 1, "_n": 2, "_p": 2}
"""How many leading arguments of each marking function must be literal strings."""

DOMAINS = {
    "compagnonnage": ROOT / "src" / "compagnonnage",
    "compagnonnage_uemoa": ROOT / "plugins" / "compagnonnage-uemoa" / "src" / "compagnonnage_uemoa",
}
"""Each catalogue's domain and the package folder whose code it translates."""

PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n != 1);",
}
"""gettext's plural rule of the languages shipped, for ``init`` (a ``.po`` keeps its own)."""


class StableCatalog(Catalog):
    """A Babel catalogue whose header is the same each time it is written.

    No creation or revision date, no ``Generated-By``, none of gettext's
    placeholders (``ORGANIZATION``, ``FIRST AUTHOR``, ``EMAIL@ADDRESS``…): a
    ``.po`` says its language, its plural rule and its encoding; a template its
    encoding. Headers a translation tool adds (``Last-Translator``…) are read and
    dropped.
    """

    @property
    def mime_headers(self) -> list[tuple[str, str]]:
        headers: list[tuple[str, str]] = []
        if self.locale_identifier:
            headers.append(("Language", str(self.locale_identifier)))
            headers.append(("Plural-Forms", self.plural_forms))
        headers += [
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit\n"),
        ]
        return headers

    @mime_headers.setter
    def mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        self._set_mime_headers(headers)

    @property
    def header_comment(self) -> str:
        if self.locale is None:
            return (
                f"# The messages of {self.domain}'s code: the template of its catalogues.\n"
                "# Written by `python tools/i18n.py extract`: translate the .po files, not this one."
            )
        return (
            f"# {self.locale.english_name} translations of the messages of {self.domain}.\n"
            "# Fill in the msgstr lines, then run `python tools/i18n.py compile`."
        )

    @header_comment.setter
    def header_comment(self, comment: str | None) -> None:
        """Ignored: the comment is always the one above."""


def non_literal_messages(domain: str) -> list[str]:
    """Every marking call of the domain's code whose text is not a literal string.

    The extractor reads the source, so ``_(f"...")`` or ``_(name)`` would be left
    out of the catalogue without a word: they are refused instead.
    """
    source = DOMAINS[domain]
    found: list[str] = []
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_bytes(), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else None
            )
            if name not in LITERAL_ARGUMENTS:
                continue
            wanted = LITERAL_ARGUMENTS[name]
            literal = len(node.args) >= wanted and all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                for arg in node.args[:wanted]
            )
            if not literal:
                where = path.relative_to(source.parent).as_posix()
                found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def template(domain: str) -> StableCatalog:
    """The catalogue of every message the domain's code marks, untranslated."""
    source = DOMAINS[domain]
    catalog = StableCatalog(domain=domain, charset="utf-8", fuzzy=False)
    messages = extract_from_dir(
        str(source),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,  # type: ignore[arg-type]
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in messages:
        relative = Path(filename).as_posix()
        if relative.startswith("locale/"):
            continue
        catalog.add(
            message,
            locations=[(f"{source.name}/{relative}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def template_path(domain: str) -> Path:
    """The domain's template, ``<package>/locale/<domain>.pot``."""
    return DOMAINS[domain] / "locale" / f"{domain}.pot"


def po_path(domain: str, lang: str) -> Path:
    """The domain's catalogue for ``lang``, ``<package>/locale/<lang>/LC_MESSAGES/<domain>.po``."""
    return DOMAINS[domain] / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def po_paths(domain: str) -> Iterator[Path]:
    """Every language's catalogue of the domain, by language."""
    yield from sorted((DOMAINS[domain] / "locale").glob(f"*/LC_MESSAGES/{domain}.po"))


def read(path: Path, domain: str | None = None) -> StableCatalog:
    """A ``.po`` or ``.pot`` file, refused if it is not valid."""
    name = domain if domain is not None else path.name.rsplit(".", 1)[0]
    catalog = StableCatalog(domain=name, fuzzy=False)
    with path.open("rb") as stream:
        PoFileParser(catalog, ignore_obsolete=False, abort_invalid=True).parse(stream)
    return catalog


def stable(catalog: Catalog) -> StableCatalog:
    """The catalogue itself, or its entries in a :class:`StableCatalog` (a plain Babel one's).

    A plain catalogue's plural rule is CLDR's unless it was read from a file: the
    shipped languages get gettext's usual one (:data:`PLURAL_FORMS`).
    """
    if isinstance(catalog, StableCatalog):
        return catalog
    copied = StableCatalog(locale=catalog.locale, domain=catalog.domain, fuzzy=False)
    if catalog.locale_identifier:
        lang = str(catalog.locale_identifier)
        copied.mime_headers = [("Plural-Forms", PLURAL_FORMS.get(lang, catalog.plural_forms))]
    for message in catalog:
        if message.id:
            copied[message.id] = message
    return copied


def render_po(catalog: Catalog) -> bytes:
    """A catalogue as a ``.po`` (or ``.pot``) file: no line numbers, no obsolete entries."""
    buffer = io.BytesIO()
    write_po(
        buffer,
        stable(catalog),
        width=100,
        omit_header=False,
        sort_output=False,
        ignore_obsolete=True,
        include_previous=False,
        include_lineno=False,
    )
    return buffer.getvalue()


def render_mo(catalog: Catalog) -> bytes:
    """A catalogue compiled for gettext, without its fuzzy and untranslated entries."""
    buffer = io.BytesIO()
    write_mo(buffer, stable(catalog), use_fuzzy=False)
    return buffer.getvalue()


def _write(path: Path, content: bytes) -> None:
    if path.exists() and path.read_bytes() == content:
        print(f"unchanged {path.relative_to(ROOT)}")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    print(f"wrote {path.relative_to(ROOT)}")


def extract() -> None:
    """Write each domain's template; refuse any message whose text is not literal."""
    refused = [line for domain in DOMAINS for line in non_literal_messages(domain)]
    if refused:
        raise SystemExit(
            "messages must be literal strings (the extractor reads the source):\n  "
            + "\n  ".join(refused)
        )
    for domain in DOMAINS:
        _write(template_path(domain), render_po(template(domain)))


def update() -> None:
    """Bring every ``.po`` in step with its template: new entries empty, gone ones dropped."""
    for domain in DOMAINS:
        pot = read(template_path(domain), domain)
        for path in po_paths(domain):
            catalog = read(path, domain)
            catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
            catalog.obsolete.clear()
            _write(path, render_po(catalog))
            missing = sum(1 for m in catalog if m.id and not _translated(m.string))
            print(f"  {missing} untranslated")


def _translated(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def compile_() -> None:
    """Compile every ``.po`` into the ``.mo`` next to it."""
    for domain in DOMAINS:
        for path in po_paths(domain):
            _write(path.with_suffix(".mo"), render_mo(read(path, domain)))


def init(lang: str) -> None:
    """Start a language: an empty ``.po`` for each domain, from its template."""
    for domain in DOMAINS:
        path = po_path(domain, lang)
        if path.exists():
            print(f"kept {path.relative_to(ROOT)} (it exists)")
            continue
        catalog = StableCatalog(locale=lang, domain=domain, fuzzy=False)
        if lang in PLURAL_FORMS:
            catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang])]
        catalog.update(read(template_path(domain), domain), no_fuzzy_matching=True)
        _write(path, render_po(catalog))


def main(argv: list[str]) -> int:
    """Run the command named in ``argv``."""
    if len(argv) == 2 and argv[0] == "init":
        init(argv[1])
        return 0
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
