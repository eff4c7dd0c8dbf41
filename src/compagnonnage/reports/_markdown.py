"""Render the report model as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

from compagnonnage.reports._model import (
    Block,
    Facts,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(table: Table) -> list[str]:
    lines = [f"**{_cell(table.caption)}**", ""]
    if not table.rows:
        return [*lines, table.empty]
    lines.append("| " + " | ".join(_cell(h) for h in table.headers) + " |")
    lines.append("|" + "|".join("---" for _ in table.headers) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return lines


def _block(block: Block, colon: str) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Facts):
        return [f"- **{label}**{colon}{value}" for label, value in block.items]
    if isinstance(block, Table):
        return _table(block)
    return [f"*{block.title}.* {block.summary}", "", *_table(block.table)]


def _section(section: Section, depth: int, colon: str) -> list[str]:
    lines = ["#" * depth + " " + section.title, ""]
    for block in section.blocks:
        lines += [*_block(block, colon), ""]
    for sub in section.sections:
        lines += _section(sub, depth + 1, colon)
    return lines


def to_markdown(document: ReportDocument) -> str:
    """The report as Markdown: headings, lists of facts and pipe tables."""
    colon = "\u00a0: " if document.lang == "fr" else ": "
    lines = [f"# {document.title}", "", f"*{document.subtitle}*", ""]
    for section in document.sections:
        lines += _section(section, 2, colon)
    lines += ["---", "", f"*{document.footer}*", ""]
    return "\n".join(lines)
