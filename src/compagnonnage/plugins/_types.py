"""What the manager says of each plugin it saw: :class:`PluginInfo`."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from compagnonnage.plugins._errors import PluginError


@frozen(kw_only=True)
class PluginInfo:
    """One plugin as the manager sees it.

    :ivar name: the entry-point name (or module name); ``"builtin"`` for the core.
    :ivar distribution: the installed distribution providing it, if any.
    :ivar version: that distribution's version, if any.
    :ivar hooks: the hooks it implements, sorted.
    :ivar registered: what it registered, by kind (``"module"``, ``"rule"`` …), ids sorted.
    :ivar error: why it was set aside; ``None`` when it loaded.
    """

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    registered: Mapping[str, tuple[str, ...]]
    error: PluginError | None = None

    @property
    def loaded(self) -> bool:
        """Whether the plugin is active."""
        return self.error is None
