"""Generated functions, compiled so that tracebacks and debuggers show their text.

As attrs and cattrs do, the text of each generated function is registered in
:mod:`linecache` under a file name of its own, ``<compagnonnage reader
compagnonnage.model._body.Body>``; another text for the same class (from another
converter, or a class of the same name) gets ``-2``, ``-3``... The same text
again takes the same name, so that making converters does not grow the cache
without bound.
"""

from __future__ import annotations

import linecache
from typing import Any

from compagnonnage._code_cache import compiled, is_ours


def _filename(what: str, cl: type, source: str) -> str:
    """A file name for ``source``, generated for ``cl``, registered in :mod:`linecache`."""
    lines = source.splitlines(keepends=True)
    base = f"<compagnonnage {what} {cl.__module__}.{cl.__qualname__}"
    count = 1
    while True:
        name = f"{base}>" if count == 1 else f"{base}-{count}>"
        found = linecache.cache.setdefault(name, (len(source), None, lines, name))
        if len(found) == 4 and found[2] == lines:
            return name
        count += 1


def _define(what: str, cl: type, source: str, names: dict[str, Any]) -> Any:
    """The function ``source`` defines (its only definition), with ``names`` as its globals.

    ``what`` says what it does (``"reader"``, ``"writer"``) and ``cl`` what it is
    for; both name the text in tracebacks. The text is made from the model's
    classes only, never from a document or an object's values. The code of the
    texts for the library's classes (and its plugins') is kept between runs
    (:mod:`compagnonnage._code_cache`); that of other classes is compiled each time.
    """
    namespace = dict(names)
    filename = _filename(what, cl, source)
    if is_ours(cl.__module__):
        code = compiled(source, filename)
    else:
        code = compile(source, filename, "exec", dont_inherit=True)
    exec(code, namespace)
    (function,) = (v for k, v in namespace.items() if k not in names and k != "__builtins__")
    return function
