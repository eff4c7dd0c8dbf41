"""What a command works with: the language, the plugin manager, the document converter.

Everything heavy is imported on first use, so that ``--help`` stays fast.
"""

from __future__ import annotations

import sys
import warnings
from functools import cached_property
from typing import TYPE_CHECKING, Any

from compagnonnage._i18n import SOURCE_LANGUAGE, Lang
from compagnonnage.cli._text import say
from compagnonnage.errors import CompagnonnageError

if TYPE_CHECKING:
    from pathlib import Path

    from compagnonnage.diagnostics import CollectedAnswers
    from compagnonnage.model import Programme
    from compagnonnage.plugins import PluginError, PluginHookError, PluginManager


class CliError(CompagnonnageError):
    """A mistake in how the command was called: a message of the command line, by its key."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(say(key, SOURCE_LANGUAGE, **values))

    def message(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return say(self.key, lang, **self.values)


def plugin_problem(err: PluginError, lang: Lang) -> str:
    """What is wrong with a plugin, in ``lang``, without naming the plugin."""
    return err.problem(lang)


class Session:
    """One run of one command."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def say(self, key: str, **values: object) -> str:
        """A message of the CLI in the session's language."""
        return say(key, self.lang, **values)

    @cached_property
    def plugins(self) -> PluginManager:
        """The plugin manager, with the installed plugins loaded."""
        from compagnonnage.plugins import PluginWarning, get_plugin_manager

        # What plugins do wrong is told here and by the exit code, not as Python warnings.
        warnings.simplefilter("ignore", PluginWarning)
        manager = get_plugin_manager()
        for err in manager.load_errors:
            print(
                self.say(
                    "plugin_set_aside", plugin=err.plugin, problem=plugin_problem(err, self.lang)
                ),
                file=sys.stderr,
            )
        for clash in manager.clash_errors:
            print(self.say("plugin_clash", message=clash.message(self.lang)), file=sys.stderr)
        return manager

    def plugin_failures(self) -> tuple[PluginHookError, ...]:
        """What plugin code failed during the command (nothing if no plugin was loaded)."""
        manager: PluginManager | None = self.__dict__.get("plugins")
        return () if manager is None else manager.failures

    @cached_property
    def converter(self) -> Any:
        """The document converter, built after the plugins so that their types take part."""
        from compagnonnage.documents import make_converter

        return make_converter(self.plugins)

    def load(self, path: str | Path) -> Programme:
        """The programme in the document at ``path``."""
        from compagnonnage.documents import load

        return load(path, converter=self.converter)

    def load_answers(self, path: str | Path) -> CollectedAnswers:
        """The answers in the document at ``path``, checked against the installed modules."""
        from compagnonnage.documents import load_answers

        return load_answers(path, self.plugins.modules(), converter=self.converter)
