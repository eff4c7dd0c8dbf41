"""Reading a document of whatever kind its envelope names (``"programme"``, ``"answers"``...)."""

from __future__ import annotations

import json
import os
import stat
from typing import Any

import orjson

from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._io import _default_converter, _name, load
from compagnonnage.documents._reading import MAX_DOCUMENT_SIZE
from compagnonnage.model import Programme


def _kind(data: bytes, converter: DocumentConverter) -> type:
    """The type the envelope of ``data`` names; a programme when it names none (or is unreadable).

    Reading the document as a programme then says what is wrong with it.
    """
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:  # lone surrogates, say: the standard library reads them
        try:
            document = json.loads(data)
        except (ValueError, RecursionError):
            return Programme
    names = [k for k in document if k != "schema_version"] if type(document) is dict else []
    if len(names) == 1:
        for cl, name in converter.document_names.items():
            if name == names[0] and isinstance(cl, type):
                return cl
    return Programme


def load_any(path: str | os.PathLike[str], *, converter: DocumentConverter | None = None) -> Any:
    """The object in the document at ``path``, read as the kind its envelope names.

    ``{"answers": …}`` gives a :class:`~compagnonnage.diagnostics.CollectedAnswers`,
    ``{"programme": …}`` a :class:`~compagnonnage.model.Programme`, and so on
    for every document type; a document that names no known kind is read as a
    programme, so that its problems are those of a programme document.

    :raises DocumentError: for a bad document, naming the file.
    :raises OSError: when the file cannot be read.
    """
    conv = converter if converter is not None else _default_converter()
    if not stat.S_ISREG(os.stat(path).st_mode):  # ``load`` says what it thinks of the rest
        return load(path, converter=conv)
    with open(path, "rb") as f:
        head = f.read(MAX_DOCUMENT_SIZE + 1)
    return load(path, cls=_kind(head, conv), converter=conv)


def document_kind(obj: Any, *, converter: DocumentConverter | None = None) -> str:
    """The envelope key of the document ``obj`` makes: ``"programme"``, ``"answers"``...

    :raises TypeError: when ``obj`` is not of a document type.
    """
    return _name(type(obj), converter if converter is not None else _default_converter())
