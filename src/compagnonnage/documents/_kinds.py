"""Reading a document of whatever kind its envelope names (``"programme"``, ``"answers"``...)."""

from __future__ import annotations

import json
import os
from typing import Any

import orjson

from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._io import _default_converter, _name, _read, _with_source
from compagnonnage.documents._problems import DocumentError
from compagnonnage.documents._reading import _read_file
from compagnonnage.model import Programme


def _kind(document: Any, converter: DocumentConverter) -> type:
    """The type the envelope of ``document`` names; a programme when it names none.

    Reading the document as a programme then says what is wrong with it.
    """
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
    programme, so that its problems are those of a programme document. The file
    is read and parsed once, for its kind and its content.

    :raises DocumentError: for a bad document, naming the file.
    :raises OSError: when the file cannot be read.
    """
    conv = converter if converter is not None else _default_converter()
    source = os.fspath(path)
    try:
        data = _read_file(source)
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError:  # lone surrogates, say: the standard library reads them
            try:
                kind = _kind(json.loads(data), conv)
            except (ValueError, RecursionError):
                kind = Programme
            return _read(data, kind, conv)
        return _read(data, _kind(parsed, conv), conv, parsed)
    except DocumentError as err:
        raise _with_source(err, source) from None


def document_kind(obj: Any, *, converter: DocumentConverter | None = None) -> str:
    """The envelope key of the document ``obj`` makes: ``"programme"``, ``"answers"``...

    :raises TypeError: when ``obj`` is not of a document type.
    """
    return _name(type(obj), converter if converter is not None else _default_converter())
