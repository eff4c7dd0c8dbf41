"""Documents: versioned JSON for every model type, its JSON Schema, and clear errors.

>>> from compagnonnage.documents import dumps, loads
>>> from compagnonnage.example import togo_programme
>>> programme = togo_programme()
>>> loads(dumps(programme)) == programme
True

A document is an envelope ``{"programme": {...}, "schema_version": 2}``: the
key names the type (``"programme"``, ``"body"``, ``"expert"``, a record's tag
such as ``"training"``...). Writing is deterministic: sorted keys, indented by
two spaces, accents kept as UTF-8, a final newline. Reading refuses unknown
keys, checks every value and the cross-references of a programme, and raises
one :class:`DocumentError` listing every problem with its JSONPath, in every
language the library speaks. Older formats are upgraded on the way (:data:`MIGRATIONS`).
:func:`load_any` reads a document as the kind its envelope names; an answers
document (``{"answers": …}``, a :class:`~compagnonnage.diagnostics.CollectedAnswers`)
is also checked against the modules it answers by :func:`load_answers`.

The format is described in ``docs/documents.md``. This package imports orjson,
and cattrs when a bad document must be explained; ``import compagnonnage`` does
not import it.
"""

from __future__ import annotations

from typing import Protocol

from compagnonnage.documents._answers import answers_problems, load_answers
from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._io import (
    DOCUMENT_NAMES,
    _default_converter,
    _name,
    dump,
    dumpb,
    dumps,
    load,
    loads,
)
from compagnonnage.documents._kinds import document_kind, load_any
from compagnonnage.documents._problems import DocumentError, Problem
from compagnonnage.documents._reading import (
    MAX_DEPTH,
    MAX_DOCUMENT_SIZE,
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
)
from compagnonnage.documents._types import MAX_INTEGER
from compagnonnage.model import Programme
from compagnonnage.registry import Contributions


class _HoldsContributions(Protocol):
    """What holds the registry of contributions (a plugin manager does)."""

    @property
    def contributions(self) -> Contributions: ...


__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_SIZE",
    "MAX_INTEGER",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DocumentConverter",
    "DocumentError",
    "Migration",
    "Problem",
    "answers_problems",
    "document_kind",
    "dump",
    "dumpb",
    "dumps",
    "json_schema",
    "load",
    "load_answers",
    "load_any",
    "loads",
    "make_converter",
]


def make_converter(
    contributions: Contributions | _HoldsContributions | None = None,
) -> DocumentConverter:
    """A new converter for documents (never cattrs' global one).

    Make it *after* plugins are loaded: the subclasses of polymorphic records
    that exist then (a plugin's question kind or support-action kind) take part
    in the tagged unions. The attrs classes plugins defined among what they
    registered (:meth:`~compagnonnage.registry.Contributions.registered_types`
    of ``contributions``, or of a plugin manager's) get their hooks made now, so that a type the format cannot hold, or a tag
    used twice, is an error here rather than when a document is read.

    :raises CompagnonnageError: two classes share a tag, or a tagged class has
        a field named ``kind``.
    """
    if contributions is not None and not isinstance(contributions, Contributions):
        contributions = contributions.contributions
    extra = contributions.registered_types() if contributions is not None else ()
    return DocumentConverter(DOCUMENT_NAMES, extra)


def json_schema(
    cls: type = Programme, *, converter: DocumentConverter | None = None
) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of documents holding a ``cls``, generated from the model."""
    from compagnonnage.documents._schema import _json_schema

    conv = converter if converter is not None else _default_converter()
    return _json_schema(cls, _name(cls, conv), conv)
