"""``compagnonnage --version``: the library's version and every installed plugin's.

Plugins are found by their entry points (group ``compagnonnage``) in the
installed distributions' metadata; none is imported, so a broken plugin still
shows its version.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from compagnonnage._i18n import Lang
from compagnonnage.cli._text import say

TYPE_CHECKING = False  # typing stays out of ``--help``'s start-up
if TYPE_CHECKING:
    from typing import Any


def version_lines(lang: Lang) -> list[str]:
    """``compagnonnage X.Y.Z``, then one line per plugin distribution, sorted by name."""
    from importlib.metadata import entry_points

    from compagnonnage import __version__

    plugins: dict[str, tuple[str, list[str]]] = {}
    for point in entry_points(group="compagnonnage"):
        dist = point.dist
        name, version = (dist.name, dist.version) if dist is not None else (point.value, "?")
        plugins.setdefault(name, (version, []))[1].append(point.name)
    lines = [f"compagnonnage {__version__}"]
    for name in sorted(plugins):
        version, names = plugins[name]
        lines.append(
            say("version_plugin", lang, distribution=name, version=version, names=", ".join(names))
        )
    return lines


class VersionAction(argparse.Action):
    """Print :func:`version_lines` in the parser's language and exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        lang: Lang = getattr(parser, "lang", "en")
        print("\n".join(version_lines(lang)))
        parser.exit(0)
