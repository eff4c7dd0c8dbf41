"""Generated code, compiled once and kept between runs as Python keeps a module's bytecode.

attrs writes the methods of each class (``__init__``, ``__eq__``, ``__repr__``…)
as Python text and compiles that text when the class is defined; the documents
package does the same for its readers and writers. Compiling those texts was a
third of the start-up of ``compagnonnage check FILE``, on every run, because
Python's own bytecode cache covers only the text of modules (attrs#575 asks
attrs for a cache of its own).

The code a text compiles to depends only on the text, the file name it is
compiled under and the interpreter, so this module keeps the code objects of
the texts generated for this library's classes (and for plugin packages named
``compagnonnage_*``) in one file beside the library's ``.pyc`` files, keyed by
the exact text and file name: a text that changes is simply compiled again.
The file follows Python's rules for ``.pyc`` files: it is read from and
written to the ``__pycache__`` that :func:`importlib.util.cache_from_source`
names (so :data:`sys.pycache_prefix` is honoured), never written when
:data:`sys.dont_write_bytecode` is set, and a file that cannot be read or
written is ignored: the texts are then compiled as before. New code objects are
written once, when the process exits, merged with what other processes wrote
meanwhile; the file keeps at most :data:`_MAX_ENTRIES` of them.

:func:`install` makes attrs compile through the cache, for the texts of this
library's classes only (attrs names them ``<attrs generated methods
compagnonnage.…>``); the texts of every other class go to attrs unchanged.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import threading
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any, TypeVar

_MAGIC = b"compagnonnage code cache 1"
_MAX_ENTRIES = 4096
_OURS = ("compagnonnage.", "compagnonnage_")
_COUNTED = re.compile(r"-[0-9]+>$")

_Key = tuple[str, str]  # (file name, text)
# The code (marshalled until it is first used: a run uses a fraction of the file),
# and the varying number it was compiled with.
_Entry = tuple["bytes | CodeType", "int | None"]
_Compiled = tuple[CodeType, "int | None"]


def is_ours(module: str) -> bool:
    """Whether the texts generated for classes of ``module`` are kept."""
    return module == "compagnonnage" or module.startswith(_OURS)


def _path(name: str = "generated-code") -> str | None:
    """The cache file ``name``, in the ``__pycache__`` of this package; ``None`` if Python has none."""
    import importlib.util

    try:
        beside = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):  # no cache tag, or no .py file name
        return None
    tag = sys.implementation.cache_tag
    return os.path.join(os.path.dirname(beside), f"{name}.{tag}.marshal")


def _load(path: str) -> tuple[Any, ...] | None:
    """What the cache file at ``path`` holds after its header; ``None`` if it is absent,
    unreadable, or written by another version of this format or of Python's bytecode."""
    import importlib.util

    try:
        with open(path, "rb") as f:
            kept = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(kept, tuple) or kept[:2] != (_MAGIC, importlib.util.MAGIC_NUMBER):
        return None
    return kept[2:]


def _store(path: str, *payload: Any) -> None:
    """Write ``payload`` to the cache file at ``path``, after the header :func:`_load` checks."""
    import importlib.util

    _write(path, marshal.dumps((_MAGIC, importlib.util.MAGIC_NUMBER, *payload)))


def _read(path: str | None) -> dict[_Key, _Entry]:
    """The entries of the cache file at ``path``; none if it is absent, unreadable or not one."""
    kept = None if path is None else _load(path)
    if kept is None or len(kept) != 1 or not isinstance(kept[0], dict):
        return {}
    return {
        k: v
        for k, v in kept[0].items()
        if isinstance(k, tuple)
        and len(k) == 2
        and all(isinstance(x, str) for x in k)
        and isinstance(v, tuple)
        and len(v) == 2
        and isinstance(v[0], bytes)
        and (v[1] is None or type(v[1]) is int)
    }


def _with_constant(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` (and the code it holds) with the integer constant ``old`` replaced by ``new``."""
    consts = []
    changed = False
    for c in code.co_consts:
        if type(c) is int and c == old:
            c, changed = new, True
        elif isinstance(c, CodeType):
            inner = _with_constant(c, old, new)
            changed |= inner is not c
            c = inner
        consts.append(c)
    return code.replace(co_consts=tuple(consts)) if changed else code


class _Cache:
    """The code objects of one cache file (``None``: kept in memory only), read on first use."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[_Key, _Entry] | None = None
        self.added: dict[_Key, _Compiled] = {}  # compiled by this process, not yet written
        self._used: set[_Key] = set()

    def compiled(self, source: str, filename: str, varying: int | None = None) -> CodeType:
        """See :func:`compiled`."""
        literal = "" if varying is None else str(varying)
        if literal and source.count(literal) == 1:
            key = (filename, source.replace(literal, "\0"))
        else:
            key, varying = (filename, source), None
        with self._lock:
            if self._entries is None:
                self._entries = _read(self.path)
            found = self._found(key)
            if found is not None:
                code, was = found
                if was is None or varying is None or was == varying:
                    return code
                return _with_constant(code, was, varying)
        # No __future__ flag of this module: the code is what attrs compiles itself.
        code = compile(source, filename, "exec", dont_inherit=True)
        with self._lock:
            self._entries[key] = self.added[key] = (code, varying)
            self._used.add(key)
        return code

    def _found(self, key: _Key) -> _Compiled | None:
        """The code kept for ``key``, if any (read from its marshalled form on first use)."""
        assert self._entries is not None
        entry = self._entries.get(key)
        if entry is None:
            return None
        kept, was = entry
        if isinstance(kept, bytes):
            try:
                kept = marshal.loads(kept)
            except (EOFError, ValueError, TypeError):
                kept = b""
            if not isinstance(kept, CodeType):  # not code after all: compiled again
                del self._entries[key]
                return None
            self._entries[key] = (kept, was)
        self._used.add(key)
        return kept, was

    def save(self) -> None:
        """Write the code compiled since the last save into the file, with what it holds.

        Nothing is written when :data:`sys.dont_write_bytecode` is set; a
        file that cannot be written is left alone, as Python leaves a ``.pyc``.
        """
        with self._lock:
            if not self.added or self.path is None or not _writable(self.path):
                return
            added = {k: (marshal.dumps(code), was) for k, (code, was) in self.added.items()}
            entries = {**_read(self.path), **added}
            if len(entries) > _MAX_ENTRIES:  # start again from what this process used
                entries = {k: v for k, v in entries.items() if k in self._used}
            self.added.clear()
        _store(self.path, entries)


def _writable(path: str) -> bool:
    """Whether a cache file may be written at ``path``: bytecode is written, and its folder (or
    the first folder of its path that exists) is writable, so that nothing is prepared in vain."""
    if sys.dont_write_bytecode:
        return False
    folder = os.path.dirname(path)
    while folder and not os.path.isdir(folder):
        folder = os.path.dirname(folder) if os.path.dirname(folder) != folder else ""
    return bool(folder) and os.access(folder, os.W_OK)


def _write(path: str, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically; nothing if the folder cannot be written.

    Readers see the old file or the new one, never half of one; an unwritable
    ``__pycache__`` is left alone, as Python leaves a ``.pyc`` it cannot write.
    """
    import tempfile

    directory = os.path.dirname(path)
    try:
        os.makedirs(directory, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".compagnonnage-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            os.chmod(temporary, os.stat(__file__).st_mode & 0o666)  # as for a .pyc
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


_cache: _Cache | None = None
_made = threading.Lock()


def compiled(source: str, filename: str, varying: int | None = None) -> CodeType:
    """The code of ``source`` compiled under ``filename`` (``"exec"``), from the cache if it is there.

    ``varying`` is an integer written once in ``source`` that changes from one
    process to the next (attrs writes a hash of the class's name into
    ``__hash__``, and string hashes are salted per process): the text is kept
    without it, and the code found gets this process's value. The result is
    ``compile(source, filename, "exec", dont_inherit=True)``, but for the
    columns of ``varying`` in its table of positions, which are those of the
    number it was compiled with when that number had another count of digits:
    lines, names, constants and instructions are the same. (Keeping a text per
    width of the number would compile again on one run in two.) What this
    process compiles is written to the cache file when it exits.
    """
    global _cache
    if _cache is None:
        with _made:
            if _cache is None:
                import atexit

                _cache = _Cache(_path())
                atexit.register(_cache.save)
    return _cache.compiled(source, filename, varying)


def _attrs_methods(original: Callable[..., None]) -> Callable[..., None]:
    """attrs' ``_compile_and_eval``, through the cache for the texts of this library's classes."""

    def compile_and_eval(
        script: str,
        globs: dict[str, Any] | None,
        locs: Mapping[str, object] | None = None,
        filename: str = "",
    ) -> None:
        # attrs names the text "<attrs generated methods compagnonnage.model._body.Body>"
        # ("-2>" at the end for a second text of that name), and writes into its
        # __hash__ the hash of "<attrs generated hash compagnonnage.model._body.Body>".
        words = filename.split(" ", 3)
        if len(words) == 4 and words[:2] == ["<attrs", "generated"] and is_ours(words[3]):
            name = _COUNTED.sub(">", words[3])
            varying = hash(f"<attrs generated hash {name}")
            eval(compiled(script, filename, varying), globs, locs)
        else:
            original(script, globs, locs, filename)

    compile_and_eval.original = original  # type: ignore[attr-defined]
    return compile_and_eval


def install() -> None:
    """Make attrs compile the methods of this library's classes through the cache (once).

    Nothing happens if attrs has no ``_compile_and_eval`` (another version of
    attrs): its classes are then compiled as before.
    """
    from attr import _make

    current = getattr(_make, "_compile_and_eval", None)
    if current is None or hasattr(current, "original"):
        return
    _make._compile_and_eval = _attrs_methods(current)


_T = TypeVar("_T")


def derived(name: str, source: str, make: Callable[[], _T]) -> _T:
    """What ``make`` reads from the file ``source``, kept in the cache file ``name`` until it changes.

    The value must be one :mod:`marshal` writes (dicts, tuples, strings…). It is
    kept with the size and modification time of ``source``; another size or time
    (pycountry upgraded, say) makes it again. Written under the same rules as
    the code (:func:`compiled`), at once.
    """
    path = _path(name)
    try:
        info = os.stat(source)
    except OSError:
        return make()
    stamp = (os.path.abspath(source), info.st_size, info.st_mtime_ns)
    kept = None if path is None else _load(path)
    if kept is not None and len(kept) == 2 and kept[0] == stamp:
        return kept[1]  # type: ignore[no-any-return]
    value = make()
    if path is not None and _writable(path):
        _store(path, stamp, value)
    return value
