"""What every problem of a document must be: said in every language, every placeholder filled."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator

import pytest

from compagnonnage._i18n import Lang, Message, languages


def _names(template: str) -> set[str]:
    return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}


def _unfilled(text: Message, lang: Lang) -> Iterator[str]:
    """The placeholders of ``text`` and of the messages it holds that no parameter fills."""
    n = text.n if text.plural is None or text.n is not None else 2
    yield from sorted(_names(text.template(lang, n)) - set(text.params))
    for value in text.params.values():
        if isinstance(value, Message):
            yield from _unfilled(value, lang)


def said_in_every_language(text: Message) -> dict[Lang, str]:
    """``text`` in every language the library speaks; fails on an empty one or a hole."""
    rendered = {}
    for lang in languages():
        assert not list(_unfilled(text, lang)), (lang, text)
        said = text(lang)
        assert said.strip(), (lang, text)
        rendered[lang] = said
    return rendered


@pytest.fixture(scope="session")
def every_language() -> Callable[[Message], dict[Lang, str]]:
    """:func:`said_in_every_language`, for tests (hypothesis' among them) to call."""
    return said_in_every_language
