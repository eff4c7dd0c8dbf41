"""What the commands print: aligned tables, JSON, and a progress bar on a terminal."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang

TYPE_CHECKING = False  # typing stays out of ``--help``'s start-up
if TYPE_CHECKING:
    from typing import TextIO


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An aligned plain-text table with a ruled header."""
    body = [list(r) for r in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in body)])


# What a terminal obeys rather than shows: C0 controls but the line feed and the tab,
# DEL, C1 controls (\x9b starts a sequence as ESC [ does), the bidirectional
# overrides that reorder what is shown; and lone surrogates, which cannot be encoded.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str) -> str:
    """``text`` with every terminal control character shown as an escape (``\\x1b``).

    Text from a document (a title, a note) reaches the terminal: an escape
    sequence in it must not move the cursor, recolour or rewrite what is shown.
    """
    return _CONTROL.sub(lambda m: ascii(m[0])[1:-1], text)


def emit(text: str) -> None:
    """Print ``text`` on standard output, its control characters shown as escapes."""
    text = safe(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_json(data: object) -> None:
    """Print ``data`` as indented UTF-8 JSON on standard output (controls as ``\\u`` escapes)."""
    import json  # here, not at the top: `--help` need not pay for its import

    text = json.dumps(data, ensure_ascii=False, indent=2)
    emit(_CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


class Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal.

    Its percentage is written the way of ``lang`` (``42 %`` in French).
    """

    _WIDTH = 30

    def __init__(
        self,
        total: int,
        *,
        stream: TextIO | None = None,
        enabled: bool = True,
        lang: Lang = SOURCE_LANGUAGE,
    ) -> None:
        self._lang = lang
        self._stream = stream if stream is not None else sys.stderr
        self._total = total
        self._on = enabled and total > 0 and self._stream.isatty()
        self._shown = -1

    def advance(self, done: int) -> None:
        """Show that ``done`` of the items are processed (redrawn at each whole percent)."""
        if not self._on:
            return
        percent = done * 100 // self._total
        if percent == self._shown:
            return
        self._shown = percent
        filled = done * self._WIDTH // self._total
        bar = "█" * filled + "░" * (self._WIDTH - filled)
        from compagnonnage._locale import format_percent

        share = format_percent(percent / 100, self._lang)
        self._stream.write(f"\r{bar} {done}/{self._total} ({share})")
        self._stream.flush()

    def close(self) -> None:
        """Clear the bar's line."""
        if self._on:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
