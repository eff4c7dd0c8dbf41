"""What the catalogue tests share: the maintainers' tool, and entries read from catalogues."""

from __future__ import annotations

import importlib.util
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from babel.messages.catalog import Catalog, Message

ROOT = Path(__file__).resolve().parents[2]

Key = tuple[str | None, str, str | None]
"""An entry of a catalogue: its context, its text (msgid) and its plural text."""


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compagnonnage_i18n_tool", ROOT / "tools/i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
"""``tools/i18n.py``, the script translators and maintainers run."""

DOMAINS: dict[str, Path] = tool.DOMAINS


def key(message: Message) -> Key:
    """The entry a message of a Babel catalogue is."""
    if isinstance(message.id, (tuple, list)):
        return (message.context, message.id[0], message.id[1])
    return (message.context, message.id, None)


def entries(catalog: Catalog) -> dict[Key, Message]:
    """Every entry of a catalogue but its header, by key."""
    return {key(m): m for m in catalog if m.id}


def forms(message: Message) -> tuple[str, ...]:
    """The translations of an entry: one, or one per plural form."""
    if isinstance(message.string, (tuple, list)):
        return tuple(message.string)
    return (message.string or "",)


def placeholders(text: str) -> set[str]:
    """The named fields of a ``str.format`` text (``{count}``, ``{action.id}``)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def describe(path: Path, message: Message) -> str:
    """Where an entry is: its line in the ``.po`` and the code that uses it."""
    where = ", ".join(f"{file}" for file, _ in message.locations) or "no code"
    context = f" [{message.context}]" if message.context else ""
    text = key(message)[1]
    return f"{path.relative_to(ROOT)}:{message.lineno}: {text!r}{context} (used in {where})"


def shipped() -> Iterator[tuple[str, str, Path]]:
    """Every shipped catalogue source: its domain, its language and its ``.po`` path."""
    for domain in DOMAINS:
        for path in tool.po_paths(domain):
            yield domain, path.parent.parent.name, path
