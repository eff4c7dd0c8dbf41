"""Reports of hostile documents: every text shows as text, and every document that loads renders."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.documents import dumps, loads
from compagnonnage.model import Period, Programme
from compagnonnage.reports import build_report, to_html, to_markdown
from compagnonnage.reports._markdown import _line, _text
from compagnonnage.rules import check

PAYLOADS = (
    "<script>alert(1)</script>",
    "<iframe src=x>",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![i](data:text/html,x)",
    "titre\n# Injected heading",
    "cellule\r| injected | row |",
    "**gras** _emph_ `code` ~~barré~~",
)
_SPECIAL = set("\\`*[]<>|~#!&")


def _unescaped(markdown: str) -> str:
    """What CommonMark shows for backslash escapes of ASCII punctuation: the character."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@given(st.text())
def test_escaped_text_shows_the_same_text_on_one_line(text: str) -> None:
    escaped = _text(text)
    assert not re.search("[\r\n\x0b\x0c\x85\u2028\u2029]", escaped)
    assert _unescaped(escaped) == re.sub("\r\n|[\x00-\x1f\x7f\x85\u2028\u2029]", " ", text)
    bare = re.sub(r"\\.", "", escaped)  # what is left once the escapes are taken out
    assert not _SPECIAL & set(bare)
    assert not re.search(r"(?i)(javascript|vbscript|data)\s*:", bare)


@given(st.text())
def test_a_text_at_the_start_of_a_line_never_starts_a_block(text: str) -> None:
    line = _line(text)
    assert not re.match(r"[-+=]|\d+[.)]|#|>|\s", line)


def _hostile(programme: Programme, payload: str) -> Programme:
    actions = programme.accompaniment.actions
    first = attrs.evolve(actions[0], title=payload)
    return attrs.evolve(
        programme,
        title=payload,
        accompaniment=attrs.evolve(programme.accompaniment, actions=(first, *actions[1:])),
    )


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("lang", ["en", "fr", "pt"])
def test_markdown_shows_document_text_as_text(example: Programme, payload: str, lang: str) -> None:
    programme = _hostile(example, payload)
    text = to_markdown(build_report(programme, lang=lang))
    clean = to_markdown(build_report(example, lang=lang))
    for raw in (
        "<script",
        "</script",
        "<iframe",
        "](javascript:",
        "<javascript:",
        "](data:",
        "**gras**",
    ):
        assert not re.search(r"(?<!\\)" + re.escape(raw), text), raw
    assert "\r" not in text
    assert not any(line.startswith("# Injected") for line in text.splitlines())
    # A line break cannot add a line, nor a pipe a cell: every table keeps its shape.
    assert len(text.splitlines()) == len(clean.splitlines())
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    clean_rows = [line for line in clean.splitlines() if line.startswith("| ")]
    cells = [len(re.findall(r"(?<!\\)\|", row)) for row in rows]
    assert cells == [len(re.findall(r"(?<!\\)\|", row)) for row in clean_rows]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_escapes_the_same_payloads(example: Programme, payload: str) -> None:
    html = to_html(build_report(_hostile(example, payload), lang="en"))
    for raw in ("<script", "<iframe", 'href="javascript', "<javascript:"):
        assert raw not in html


def test_a_period_ending_on_the_last_day_of_9999_renders(example: Programme) -> None:
    actions = example.accompaniment.actions
    last = attrs.evolve(
        actions[0], period=Period(start=dt.date(2021, 6, 7), end=dt.date(9999, 12, 31))
    )
    programme = attrs.evolve(
        example, accompaniment=attrs.evolve(example.accompaniment, actions=(last, *actions[1:]))
    )
    assert loads(dumps(programme)) == programme  # it loads, so it must render
    assert not [v for v in check(programme).violations if v.code == "STG-013"]
    for lang in ("fr", "en"):
        html = to_html(build_report(programme, lang=lang))
        assert html.count('class="span ') >= len(actions)
        assert "9999" in html
        assert "9999" in to_markdown(build_report(programme, lang=lang))
