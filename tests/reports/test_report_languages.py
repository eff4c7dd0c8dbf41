"""No English word of the core in the French or Portuguese report of the example.

The English words of the core are the words of the English report, less

* the words of the data: what the example's document holds (names, titles,
  statements, notes, ids) and the names of its places: they are shown as written;
* the words the languages share: the words of the language itself, as its
  translations in the catalogue and the modules' texts written in it use them
  (``Code``, ``Diagnostic``, ``action`` are French words too; so is
  ``divergent``, "they diverge").

Whatever is left must not appear in the French or Portuguese report: a word that
does is a message the catalogue does not translate, a term without its context,
a text of the built-in module without that language, or words put together in
English by the code.

The Portuguese report reads fully Portuguese once the catalogues of every branch
are assembled; see ``test_golden.py`` for regenerating the golden files.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

import attrs
import pytest

from compagnonnage._i18n import Lang, Message, Text
from compagnonnage.diagnostics import DiagnosticModule, DiagnosticResult
from compagnonnage.model import Programme, RegionRef
from compagnonnage.reports import build_report, to_markdown
from compagnonnage.reports._build import _region_name

# Ids, codes, numbers and evidence such as "staff/ucrm-sg gov-minutes=True": no word of a language.
_ID = re.compile(r"[-_/:=@.\d]")
_TOKEN = re.compile(r"[^\s|*()\[\],;:!?«»“”\"—–→]+")


def words(text: str) -> set[str]:
    """The words of ``text``, in lower case: ids, numbers and one- or two-letter words left out."""
    found: set[str] = set()
    for token in _TOKEN.findall(text.replace("\\", "")):
        token = token.strip(".'’")
        if not token or _ID.search(token):
            continue
        for word in re.split(r"['’]", token):
            if len(word) >= 3 and word.isalpha():
                found.add(word.casefold())
    return found


def _held(value: object) -> Iterator[object]:
    """Every value an attrs value holds, however deep, itself first."""
    yield value
    if isinstance(value, (str, Text, Message, enum.Enum)) or value is None:
        return
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _held(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _held(key)
            yield from _held(item)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _held(item)


def _data_words(programme: Programme) -> set[str]:
    """The words of the document as written, and the names of its places."""
    found: set[str] = set()
    for value in _held(programme):
        if isinstance(value, str):
            found |= words(value)
        elif isinstance(value, Text):
            found |= words(" ".join(value(lang) for lang in value.languages))
        elif isinstance(value, RegionRef):
            found |= words(_region_name(value, "en"))
    return found


@cache
def _catalogue_words(lang: Lang) -> frozenset[str]:
    """The words of every translation in the core catalogue of ``lang``."""
    from babel.messages.pofile import read_po

    path = resources.files("compagnonnage") / "locale" / lang / "LC_MESSAGES" / "compagnonnage.po"
    if not path.is_file():
        return frozenset()
    with path.open("rb") as stream:
        catalogue = read_po(stream)
    found: set[str] = set()
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found |= words(" ".join(s for s in strings if isinstance(s, str) and s))
    return frozenset(found)


def _module_words(modules: Iterable[DiagnosticModule], lang: Lang) -> set[str]:
    """The words of the modules' texts written in ``lang`` (not those falling back to another)."""
    found: set[str] = set()
    for module in modules:
        for text in _held(module):
            written = text.get(lang) if isinstance(text, Text) else None
            if written is not None:
                found |= words(written)
    return found


def english_only(
    programme: Programme,
    modules: tuple[DiagnosticModule, ...],
    results: tuple[DiagnosticResult, ...],
    lang: Lang,
) -> set[str]:
    """The words of the English report that are neither data nor shared with ``lang``."""
    english = words(
        to_markdown(build_report(programme, lang="en", modules=modules, results=results))
    )
    return english - _data_words(programme) - _catalogue_words(lang) - _module_words(modules, lang)


def test_words_leave_out_ids_numbers_and_markup() -> None:
    text = (
        r"| staff/ucrm-sg gov-minutes=True (level 4) | 7 055 | **Étape** : l'UCRM \* act-register |"
    )
    assert words(text) == {"level", "étape", "ucrm"}


def test_the_english_report_has_english_words_of_its_own(
    example: Programme,
    modules: tuple[DiagnosticModule, ...],
    results: tuple[DiagnosticResult, ...],
) -> None:
    only = english_only(example, modules, results, "fr")
    # The check means something only if it has words to look for.
    assert {"timeline", "baseline", "recommendations", "accompaniment"} <= only


@pytest.mark.parametrize("lang", ["fr", "pt"])
def test_no_english_word_of_the_core_in_the_report(
    lang: Lang,
    example: Programme,
    modules: tuple[DiagnosticModule, ...],
    results: tuple[DiagnosticResult, ...],
) -> None:
    report = to_markdown(build_report(example, lang=lang, modules=modules, results=results))
    found = english_only(example, modules, results, lang) & words(report)
    lines = [line for line in report.splitlines() if words(line) & found][:10]
    assert not found, (
        f"English words in the {lang} report: {sorted(found)}; first lines:\n" + "\n".join(lines)
    )
