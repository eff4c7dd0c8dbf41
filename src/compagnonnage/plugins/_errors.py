"""The plugin errors: each names the plugin (and its distribution) and what was expected."""

from __future__ import annotations

from compagnonnage._i18n import Message, _, _p
from compagnonnage.errors import CompagnonnageError


class PluginWarning(UserWarning):
    """Emitted when a plugin is set aside outside strict mode (the error is in ``load_errors``)."""


class PluginError(CompagnonnageError):
    """A plugin could not be loaded, registered or called.

    ``error.message(lang)`` says it in any language the library speaks, from one
    message naming the plugin, its distribution if known, and the problem;
    ``str(error)`` is the English text. What a plugin's own exception says is
    quoted as it is.

    :ivar plugin: the plugin's name (its entry-point name, or the module's name).
    :ivar problem: what is wrong and what was expected, without naming the
        plugin: a :class:`~compagnonnage._i18n.Message` (``error.problem("fr")``).
    :ivar distribution: the installed distribution that provides it, if known.
    :ivar version: that distribution's version, if known.
    """

    def __init__(
        self,
        plugin: str,
        problem: Message,
        *,
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        self.plugin = plugin
        self.problem = problem
        self.distribution = distribution
        self.version = version
        if distribution is None:
            text = _('plugin "{plugin}": {problem}', plugin=plugin, problem=problem)
        else:
            where = f"{distribution} {version}" if version else distribution
            text = _(
                'plugin "{plugin}" ({distribution}): {problem}',
                plugin=plugin,
                distribution=where,
                problem=problem,
            )
        super().__init__(text)


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


_KINDS: dict[str, Message] = {
    "nomenclature": _p("registered kind", "nomenclature"),
    "region": _p("registered kind", "region"),
    "module": _p("registered kind", "module"),
    "catalogue": _p("registered kind", "catalogue"),
    "service": _p("registered kind", "service"),
    "rule": _p("registered kind", "rule"),
    "question_kind": _p("registered kind", "question kind"),
}
"""What a plugin registers, in words (``DuplicateRegistrationError.kind`` is the key)."""


def kind_label(kind: str) -> Message | str:
    """``kind`` (``"module"``, ``"question_kind"`` …) in words, rendered in the error's language."""
    return _KINDS.get(kind, kind)


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
        what = kind_label(kind)
        if first == plugin:
            problem = _(
                '{kind} "{ident}" is registered twice; expected distinct ids',
                kind=what,
                ident=ident,
            )
        elif kept is not None:
            problem = _(
                '{kind} "{ident}" belongs to "{kept}"; this plugin\'s is left out',
                kind=what,
                ident=ident,
                kept=kept,
            )
        else:
            held = f" ({first_distribution})" if first_distribution else ""
            problem = _(
                '{kind} "{ident}" is also registered by plugin "{first}"{held}: withheld '
                "from both; block one of them (COMPAGNONNAGE_DISABLE_PLUGINS={plugin} or "
                "={first}) to give it to the other",
                kind=what,
                ident=ident,
                first=first,
                held=held,
                plugin=plugin,
            )
        super().__init__(plugin, problem, distribution=distribution, version=version)


class PluginHookError(PluginError):
    """Plugin code raised, or returned the wrong type, while the library called it.

    The plugin code is a hook implementation, or something a plugin handed over
    that the library calls later (a question kind's ``level_of`` …). Chained
    from the original exception.

    :ivar hook: what was being called: the hook's name, or the function's (a
        message when it needs words: ``rule MY-001``, ``LikertQuestion.level_of
        (question 'q' of module 'm')``).
    :ivar location: ``file:line`` where the plugin's code raised, if known.
    :ivar problem: what was called and what went wrong (with ``location``).
    """

    def __init__(
        self,
        plugin: str,
        hook: str | Message,
        problem: Message,
        *,
        distribution: str | None = None,
        version: str | None = None,
        location: str | None = None,
    ) -> None:
        self.hook = hook
        self.location = location
        if location is None:
            said = _("{hook}: {problem}", hook=hook, problem=problem)
        else:
            said = _(
                "{hook}: {problem} ({location})", hook=hook, problem=problem, location=location
            )
        super().__init__(plugin, said, distribution=distribution, version=version)
