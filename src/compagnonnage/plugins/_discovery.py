"""Finding the entry points of a group without importing :mod:`importlib.metadata`.

Importing :mod:`importlib.metadata` (email, zipfile, csv, pathlib …) costs more
than the rest of plugin loading, so the manager reads what it needs itself: the
``*.dist-info`` and ``*.egg-info`` directories on :data:`sys.path`, their
``entry_points.txt``, and the ``Name`` and ``Version`` of the distributions
that declare the group, the way importlib.metadata's path finder does (the
first distribution of a name on the path wins). Loading an entry point imports
its module and follows its attributes, as
:meth:`importlib.metadata.EntryPoint.load` does.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import NamedTuple

_SUFFIXES = (".dist-info", ".egg-info")
_METADATA = ("METADATA", "PKG-INFO")
_SECTION = re.compile(r"^\s*\[(?P<group>[^\]]+)\]\s*$")


class EntryPoint(NamedTuple):
    """One entry point: its name, its ``module[:attr.path]`` value and its distribution."""

    name: str
    value: str
    distribution: str | None
    version: str | None

    def load(self) -> object:
        """Import the module and return the object the value names."""
        module, _, attrs = self.value.partition(":")
        target: object = importlib.import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            target = getattr(target, attr)
        return target


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def _name_and_version(info: str) -> tuple[str | None, str | None]:
    for file in _METADATA:
        text = _read(os.path.join(info, file))
        if text is None:
            continue
        headers: dict[str, str] = {}
        for line in text.splitlines():
            if not line.strip():
                break
            key, sep, value = line.partition(":")
            if sep and key in ("Name", "Version"):
                headers.setdefault(key, value.strip())
        return headers.get("Name"), headers.get("Version")
    return None, None


def _section(text: str, group: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    current = None
    for line in text.splitlines():
        heading = _SECTION.match(line)
        if heading:
            current = heading["group"].strip()
        elif current == group and "=" in line and not line.lstrip().startswith(("#", ";")):
            name, _, value = line.partition("=")
            found.append((name.strip(), value.split("[", 1)[0].strip()))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` of every distribution on :data:`sys.path`."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for base in sys.path:
        try:
            names = sorted(os.listdir(base or "."))
        except OSError:
            continue
        for entry in names:
            if not entry.endswith(_SUFFIXES):
                continue
            key = _normalise(entry.rsplit(".", 1)[0].rsplit("-", 1)[0])
            if key in seen:
                continue
            seen.add(key)
            info = os.path.join(base or ".", entry)
            text = _read(os.path.join(info, "entry_points.txt"))
            if text is None or f"[{group}]" not in text:
                continue
            dist, version = _name_and_version(info)
            found.extend(
                EntryPoint(name=name, value=value, distribution=dist, version=version)
                for name, value in _section(text, group)
            )
    return found
