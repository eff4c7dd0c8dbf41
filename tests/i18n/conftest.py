"""A toy catalogue, compiled for the session, so that the mechanism is tested on known words."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from i18n_support import tool

from compagnonnage._i18n import Catalogue

TOY_PACKAGE = "compagnonnage_i18n_toy"

TRANSLATIONS: dict[str, dict[tuple[str | None, str | tuple[str, str]], str | tuple[str, str]]] = {
    "fr": {
        (None, "Hello {who}"): "Bonjour {who}",
        (None, "world"): "monde",
        (None, ("{count} file", "{count} files")): ("{count} fichier", "{count} fichiers"),
        ("Audience.staff", "staff"): "personnel",
        ("RespondentGroup.staff", "staff"): "salariés",
        ("Report.problems", ("{count} problem", "{count} problems")): (
            "{count} problématique",
            "{count} problématiques",
        ),
        (None, "On {day}"): "Le {day}",
        (None, "Stage {stage}"): "Étape {stage}",
        (None, "Module {module}"): "Module {module}",
        (None, "{who} then {who2}"): "{who2} puis {who}",
        (None, "Table {name}"): "Tableau {name}",
    },
    "pt": {
        (None, "Hello {who}"): "Olá {who}",
        (None, "world"): "mundo",
        (None, ("{count} file", "{count} files")): ("{count} ficheiro", "{count} ficheiros"),
        ("Audience.staff", "staff"): "pessoal",
        ("RespondentGroup.staff", "staff"): "quadros",
        ("Report.problems", ("{count} problem", "{count} problems")): (
            "{count} problemática",
            "{count} problemáticas",
        ),
        (None, "On {day}"): "Em {day}",
        (None, "Stage {stage}"): "Etapa {stage}",
        (None, "Module {module}"): "Módulo {module}",
        (None, "{who} then {who2}"): "{who} e depois {who2}",
        (None, "Table {name}"): "Tabela {name}",
    },
}
"""The toy catalogue's words: French and Portuguese, plurals, contexts, a reordering."""


def _compile(root: Path) -> None:
    package = root / TOY_PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text('"""A toy package with a catalogue."""\n')
    for lang, words in TRANSLATIONS.items():
        catalog = tool.StableCatalog(locale=lang, domain="toy", fuzzy=False)
        catalog.mime_headers = [("Plural-Forms", tool.PLURAL_FORMS[lang])]
        for (context, msgid), string in words.items():
            catalog.add(msgid, string, context=context)
        folder = package / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        (folder / "toy.mo").write_bytes(buffer.getvalue())


@pytest.fixture(scope="session")
def toy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogue]:
    """A catalogue in French and Portuguese, of a package made for the session."""
    root = tmp_path_factory.mktemp("toy")
    _compile(root)
    sys.path.insert(0, str(root))
    try:
        yield Catalogue("toy", TOY_PACKAGE)
    finally:
        sys.path.remove(str(root))
