"""The document converter: the one object that reads and writes documents of the model.

A :class:`DocumentConverter` holds, for the types existing when it was made,
the generated fast reader and writer (``_fast_read``, ``_fast_write``), which
good documents take, and the cattrs converter (``_reference``), the reference
that explains bad ones, made on first need. Each class's reader, writer and
hooks are made on its first use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from compagnonnage._i18n import _
from compagnonnage.documents._fast_read import FastReader
from compagnonnage.documents._fast_write import FastWriter
from compagnonnage.documents._leaves import (
    _STRUCTURE,
    _UNSTRUCTURE,
    _reusing,
    _structure_answer,
    _structure_domain,
    _structure_region,
    _text_key,
    _trade_key,
    _unstructure_answer,
)
from compagnonnage.documents._problems import (
    DocumentError,
    Problem,
    _Bad,
    _problem_budget,
    _problems_from,
)
from compagnonnage.documents._types import (
    _KIND,
    _descendants,
    _is_abstract,
    _is_answer,
    _is_tagged,
)
from compagnonnage.errors import CompagnonnageError
from compagnonnage.model import Domain, RegionRef, TradeRef

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")
_Hook = Callable[[Any, Any], Any]
_Unhook = Callable[[Any], Any]


class DocumentConverter:
    """Turns documents' plain data into model objects and back.

    Made by :func:`~compagnonnage.documents.make_converter`; pass one to
    :func:`~compagnonnage.documents.loads` and friends to read plugin-defined
    types. Polymorphic records (classes with a ``KIND`` tag) are tagged unions:
    the subclasses that exist when the converter is made take part.
    """

    def __init__(
        self, document_names: Mapping[type, str], extra_types: tuple[type, ...] = ()
    ) -> None:
        self._unions: dict[type, dict[str, type]] = {}
        self._document_names = dict(document_names)
        self._made: cattrs.Converter | None = None
        self._making = threading.Lock()
        # A programme names the same few trades, regions and domains again and
        # again; they are immutable, so the reader makes one instance per value.
        reused = {
            TradeRef: _reusing(self._read_trade, _trade_key),
            RegionRef: _reusing(_structure_region, _text_key),
            Domain: _reusing(_structure_domain, _text_key),
        }
        self._reader = FastReader(self.union, self._structure_hook, reused)
        # What the reference writes for a domain and a region (``str`` of each).
        strings = {Domain: "{}.code", RegionRef: "({0}.subdivision or {0}.country)"}
        self._writer = FastWriter(self.union, self._unstructure_hook, strings)
        # Readers, writers and hooks are made for each class on its first use. The
        # tagged unions are fixed now, with the classes existing now (two classes with
        # one tag are refused here); a type a plugin registered gets its hooks now, so
        # that one the format cannot hold fails here, not when a document is read.
        plugged = tuple(t for t in extra_types if attrs.has(t))
        for root in (*self._document_names, *plugged):
            for cl in (root, *_descendants(root)) if _is_tagged(root) else ():
                self.union(cl)
        for cl in plugged:
            self._cattrs.get_structure_hook(cl)
            self._cattrs.get_unstructure_hook(cl)

    @property
    def _cattrs(self) -> cattrs.Converter:
        """The reference: the cattrs converter, made (and cattrs imported) on first need."""
        if self._made is None:
            with self._making:
                if self._made is None:
                    from compagnonnage.documents._reference import _Reference

                    self._made = _Reference(self.union).build()
        return self._made

    def _read_trade(self, value: Any, _type: Any) -> Any:
        return self._reader.record(TradeRef)(value)

    def _structure_hook(self, t: Any) -> _Hook:
        """The hook the fast reader calls for values of type ``t`` it does not read itself."""
        if _is_answer(t):
            return _structure_answer
        found = _STRUCTURE.get(t) if isinstance(t, type) else None
        return found if found is not None else self._cattrs.get_structure_hook(t)

    def _unstructure_hook(self, t: Any) -> _Unhook:
        """The hook the fast writer calls for values of type ``t`` it does not write itself."""
        if _is_answer(t):
            return _unstructure_answer
        found = _UNSTRUCTURE.get(t) if isinstance(t, type) else None
        return found if found is not None else self._cattrs.get_unstructure_hook(t)

    @property
    def document_names(self) -> Mapping[type, str]:
        """The envelope key of each document type (roots of polymorphic records included)."""
        return self._document_names

    def _fast_structure(self, data: Any, cl: type[T]) -> T:
        """Build a ``cl`` from what orjson parsed (valid UTF-8), raising anything on failure."""
        return cast(T, self._reader.read(data, cl))

    def _fast_unstructure(self, obj: Any, cl: Any) -> Any:
        """Plain data for ``obj`` of declared type ``cl``, raising anything on failure."""
        return self._writer.writer(cl)(obj)

    def structure(self, data: Any, cl: type[T], *, path: str = "$") -> T:
        """Build a ``cl`` from plain data, or raise :class:`DocumentError` with every problem.

        ``path`` is the JSONPath of ``data`` in its document. This is the
        reference; :func:`~compagnonnage.documents.loads` tries the fast reader
        first on what orjson parsed.
        """
        try:
            with _problem_budget():
                return self._cattrs.structure(data, cl)
        except Exception as exc:
            raise DocumentError(_problems_from(exc, path)) from None

    def unstructure(self, obj: Any, cl: Any = None) -> Any:
        """Plain data (dicts, lists, strings, numbers) for ``obj``, as written in documents.

        Raises :class:`DocumentError` when a value cannot be written (a number
        beyond :data:`MAX_INTEGER`, a decimal that is not finite).
        """
        try:
            return self._cattrs.unstructure(obj, unstructure_as=cl if cl is not None else type(obj))
        except _Bad as exc:
            raise DocumentError([Problem("$", exc.text)]) from None

    def union(self, cl: type) -> Mapping[str, type]:
        """The classes a tagged record of type ``cl`` may be, by tag.

        A root of polymorphic records that has subclasses (``SupportAction``,
        ``Finding``, ``Deliverable``) is abstract: it is not one of them.
        """
        if cl not in self._unions:
            members: dict[str, type] = {}
            for sub in (cl, *_descendants(cl)):
                if _is_abstract(sub):
                    continue
                tag = cast(str, getattr(sub, "KIND"))  # noqa: B009 - a ClassVar of the model
                if tag in members and members[tag] is not sub:
                    raise CompagnonnageError(
                        _(
                            "{first} and {second} share the tag {tag}",
                            first=members[tag].__name__,
                            second=sub.__name__,
                            tag=repr(tag),
                        )
                    )
                if _KIND in {a.name for a in attrs.fields(sub)}:
                    raise CompagnonnageError(
                        _(
                            "{name} has a field named {field}, which is its tag",
                            name=sub.__name__,
                            field=repr(_KIND),
                        )
                    )
                members[tag] = sub
            self._unions[cl] = members
        return self._unions[cl]
