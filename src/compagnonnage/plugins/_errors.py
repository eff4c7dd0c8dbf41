"""The plugin errors: each names the plugin (and its distribution) and what was expected."""

from __future__ import annotations

from compagnonnage._i18n import Lang
from compagnonnage.errors import CompagnonnageError


class PluginWarning(UserWarning):
    """Emitted when a plugin is set aside outside strict mode (the error is in ``load_errors``)."""


class PluginError(CompagnonnageError):
    """A plugin could not be loaded, registered or called.

    :ivar plugin: the plugin's name (its entry-point name, or the module's name).
    :ivar problem: what is wrong and what was expected, in English.
    :ivar problem_fr: the same in French (what a plugin's own exception says is
        quoted as it is).
    :ivar distribution: the installed distribution that provides it, if known.
    :ivar version: that distribution's version, if known.
    """

    def __init__(
        self,
        plugin: str,
        problem: str,
        *,
        fr: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        self.plugin = plugin
        self.problem = problem
        self.problem_fr = fr
        self.distribution = distribution
        self.version = version
        super().__init__(self.message("en"))

    def problem_in(self, lang: Lang) -> str:
        """What is wrong, in ``lang`` (``"fr"`` or ``"en"``), without naming the plugin."""
        return self.problem_fr if lang == "fr" else self.problem

    def message(self, lang: Lang) -> str:
        """The whole error in ``lang``: the plugin, its distribution if known, the problem."""
        where = f" ({self.distribution} {self.version})" if self.distribution else ""
        if lang == "fr":
            return f"extension « {self.plugin} »{where} : {self.problem_fr}"
        return f'plugin "{self.plugin}"{where}: {self.problem}'


class PluginImportError(PluginError):
    """Importing the plugin's entry point failed (chained from the original error)."""


class PluginValidationError(PluginError):
    """The plugin's hooks do not match the specifications.

    An unknown or misspelled hook, a parameter the hook does not offer, a
    parameter with a default value, an unmarked ``compagnonnage_*`` function, or
    a hook wrapper.
    """


class PluginRegistrationError(PluginError):
    """The plugin raised while registering, or registered an object of the wrong type."""


class DuplicateRegistrationError(PluginRegistrationError):
    """Two plugins registered the same id; the error names both.

    :ivar kind: what was registered twice (``"module"``, ``"rule"`` …).
    :ivar ident: the id registered twice.
    :ivar first: the plugin that registered it first (and keeps it).
    """

    def __init__(
        self,
        plugin: str,
        *,
        kind: str,
        ident: str,
        first: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        self.kind = kind
        self.ident = ident
        self.first = first
        super().__init__(
            plugin,
            f'{kind} "{ident}" is already registered by plugin "{first}"',
            fr=f"{kind} « {ident} » déjà enregistré par l'extension « {first} »",
            distribution=distribution,
            version=version,
        )


class PluginHookError(PluginError):
    """A hook implementation raised, or returned the wrong type, while the library called it.

    :ivar hook: the hook's name.
    """

    def __init__(
        self,
        plugin: str,
        hook: str,
        problem: str,
        *,
        fr: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        self.hook = hook
        super().__init__(
            plugin,
            f"{hook}: {problem}",
            fr=f"{hook} : {fr}",
            distribution=distribution,
            version=version,
        )
