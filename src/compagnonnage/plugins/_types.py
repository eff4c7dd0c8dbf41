"""What the manager says of each plugin it saw: :class:`PluginInfo`."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from compagnonnage.plugins._errors import PluginError


@frozen(kw_only=True)
class PluginInfo:
    """One plugin as the manager sees it."""

    name: str
    """The entry-point name (or module name); ``"builtin"`` for the core."""
    distribution: str | None
    """The installed distribution providing it, if any."""
    version: str | None
    """That distribution's version, if any."""
    hooks: tuple[str, ...]
    """The hooks it implements, sorted."""
    registered: Mapping[str, tuple[str, ...]]
    """What it registered, by kind (``"module"``, ``"rule"``…), ids sorted."""
    error: PluginError | None = None
    """Why it was set aside; ``None`` when it loaded."""

    @property
    def loaded(self) -> bool:
        """Whether the plugin is active."""
        return self.error is None
