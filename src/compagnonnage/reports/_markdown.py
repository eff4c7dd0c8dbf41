"""Render the report model as Markdown (GitHub-flavoured tables).

Every text is escaped: it comes from a document (titles, names, notes) and must
read as the same text, never as Markdown or HTML (``<script>``, a link to
``javascript:``), and a line break in it must not start a heading or end a
table row.
"""

from __future__ import annotations

import re

from compagnonnage._i18n import Lang
from compagnonnage.reports._model import (
    Block,
    Facts,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)
from compagnonnage.reports._text import TEXT

# Line breaks of every kind (a bare \r too) and the other control characters.
_BREAKS = re.compile("\r\n|[\x00-\x1f\x7f\x85\u2028\u2029]")
# What Markdown or inline HTML would read: escaped with a backslash (CommonMark).
_SPECIAL = re.compile(r"[\\`*\[\]<>|~#!&]")
# "_" is emphasis only at the edge of a word: inside one (an id like elected_officials) it is text.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data)(\s*):")
# What starts a block at the beginning of a line: a list item, an ordered one, a
# setext underline.
_BLOCK_START = re.compile(r"([-+=])|(\d+)([.)])")


def _text(text: str) -> str:
    """``text`` as Markdown that shows it as it is, on one line."""
    text = _BREAKS.sub(" ", text)
    text = _SPECIAL.sub(r"\\\g<0>", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    return _SCHEME.sub(r"\1\2\\:", text)


def _line(text: str) -> str:
    """``text`` escaped, and so that it cannot start a block when it starts a line."""
    text = _text(text).lstrip()
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    return f"\\{text}" if start[1] else f"{start[2]}\\{text[len(start[2]) :]}"


def _table(table: Table) -> list[str]:
    lines = [f"**{_text(table.caption)}**", ""]
    if not table.rows:
        return [*lines, _line(table.empty)]
    lines.append("| " + " | ".join(_text(h) for h in table.headers) + " |")
    lines.append("|" + "|".join("---" for _ in table.headers) + "|")
    lines += ["| " + " | ".join(_text(c) for c in row) + " |" for row in table.rows]
    return lines


def _fact(label: str, value: str, lang: Lang) -> str:
    """``**Stage**: accompaniment``, punctuated as the language does (``**Étape** : …``)."""
    return TEXT["label_value"].bind(label=f"**{_text(label)}**", value=_text(value))(lang)


def _block(block: Block, lang: Lang) -> list[str]:
    if isinstance(block, Paragraph):
        return [_line(block.text)]
    if isinstance(block, Facts):
        return [f"- {_fact(label, value, lang)}" for label, value in block.items]
    if isinstance(block, Table):
        return _table(block)
    return [f"*{_text(block.title)}.* {_text(block.summary)}", "", *_table(block.table)]


def _section(section: Section, depth: int, lang: Lang) -> list[str]:
    lines = ["#" * depth + " " + _text(section.title), ""]
    for block in section.blocks:
        lines += [*_block(block, lang), ""]
    for sub in section.sections:
        lines += _section(sub, depth + 1, lang)
    return lines


def to_markdown(document: ReportDocument) -> str:
    """The report as Markdown: headings, lists of facts and pipe tables."""
    lines = [f"# {_text(document.title)}", "", f"*{_text(document.subtitle)}*", ""]
    for section in document.sections:
        lines += _section(section, 2, document.lang)
    lines += ["---", "", f"*{_text(document.footer)}*", ""]
    return "\n".join(lines)
