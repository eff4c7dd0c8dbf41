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
    """An id of one kind registered by two plugins (or twice by one); the error names both.

    Between two plugins, neither keeps the id (unless the core holds it): the
    rest of both plugins stands, and blocking one of them gives the id to the
    other. Twice by one plugin, that plugin is set aside whole.

    :ivar kind: what was registered twice (``"module"``, ``"service"`` …).
    :ivar ident: the id registered twice.
    :ivar first: the other plugin that registered it (the first in load order).
    :ivar first_distribution: that plugin's distribution and version, if known.
    :ivar kept: who keeps the id (``"core"``, ``"builtin"``), or ``None``: nobody.
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
        first_distribution: str | None = None,
        kept: str | None = None,
    ) -> None:
        self.kind = kind
        self.ident = ident
        self.first = first
        self.first_distribution = first_distribution
        self.kept = kept
        held = f" ({first_distribution})" if first_distribution else ""
        if first == plugin:
            en = f'{kind} "{ident}" is registered twice; expected distinct ids'
            fr = f"{kind} « {ident} » enregistré deux fois ; attendu des identifiants distincts"
        elif kept is not None:
            en = f'{kind} "{ident}" belongs to "{kept}"; this plugin\'s is left out'
            fr = f"{kind} « {ident} » appartient à « {kept} » ; celui de l'extension est écarté"
        else:
            en = (
                f'{kind} "{ident}" is also registered by plugin "{first}"{held}: withheld '
                f"from both; block one of them (COMPAGNONNAGE_DISABLE_PLUGINS={plugin} or "
                f"={first}) to give it to the other"
            )
            fr = (
                f"{kind} « {ident} » est aussi enregistré par l'extension « {first} »{held} : "
                f"retenu pour les deux ; bloquez l'une d'elles (COMPAGNONNAGE_DISABLE_PLUGINS="
                f"{plugin} ou ={first}) pour le laisser à l'autre"
            )
        super().__init__(plugin, en, fr=fr, distribution=distribution, version=version)


class PluginHookError(PluginError):
    """Plugin code raised, or returned the wrong type, while the library called it.

    The plugin code is a hook implementation, or something a plugin handed over
    that the library calls later (a question kind's ``level_of`` …). Chained
    from the original exception.

    :ivar hook: what was being called: the hook's name, or the function's.
    :ivar location: ``file:line`` where the plugin's code raised, if known.
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
        location: str | None = None,
    ) -> None:
        self.hook = hook
        self.location = location
        at = f" ({location})" if location else ""
        super().__init__(
            plugin,
            f"{hook}: {problem}{at}",
            fr=f"{hook} : {fr}{at}",
            distribution=distribution,
            version=version,
        )
