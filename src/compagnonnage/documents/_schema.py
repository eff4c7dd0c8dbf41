"""The JSON Schema (2020-12) of documents, generated from the model's attrs classes.

It follows the converter type by type: whatever the converter writes validates
against it. The loader checks more than the schema can say (that ids are
unique and cited ids exist, that country codes are assigned).
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from compagnonnage import _validators as v
from compagnonnage._i18n import Text
from compagnonnage.documents._converter import DocumentConverter
from compagnonnage.documents._reading import SCHEMA_VERSION
from compagnonnage.documents._types import (
    _DATE,
    _DATETIME,
    _DECIMAL,
    _KIND,
    _REGION,
    MAX_INTEGER,
    _is_abstract,
    _is_answer,
    _is_frozenset,
    _is_mapping,
    _is_tagged,
    _is_tuple,
)
from compagnonnage.model import Domain, RegionRef

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$"
_TEXT = {"minLength": 1, "pattern": "\\S"}

# What the model's single-field validators add to a field's type.
_CONSTRAINTS: dict[Any, dict[str, Any]] = {
    v.identifier: {"pattern": _ID_PATTERN},
    v.optional_identifier: {"pattern": _ID_PATTERN},
    v.text: _TEXT,
    v.optional_text: _TEXT,
    v.count: {"minimum": 0},
    v.optional_count: {"minimum": 0},
}

_LEAVES: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer", "minimum": -MAX_INTEGER, "maximum": MAX_INTEGER},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    Decimal: {"type": "string", "pattern": f"^{_DECIMAL.pattern.replace('E', '[eE]')}$"},
    dt.date: {"type": "string", "format": "date", "pattern": f"^{_DATE.pattern}$"},
    dt.datetime: {"type": "string", "format": "date-time", "pattern": f"^{_DATETIME.pattern}$"},
    Domain: {"type": "string", "minLength": 1},
    RegionRef: {"type": "string", "pattern": f"^{_REGION.pattern}$"},
    Text: {
        "type": "object",
        "description": "A text in several languages, by language code: French and English at least.",
        "properties": {"en": {"type": "string"}, "fr": {"type": "string"}},
        "required": ["en", "fr"],
        "propertyNames": {"pattern": "^[a-z]{2,3}$"},
        "additionalProperties": {"type": "string"},
    },
}


class _Builder:
    def __init__(self, converter: DocumentConverter) -> None:
        self.converter = converter
        self.defs: dict[str, Any] = {}
        self.names: dict[type, str] = {}

    def of(self, t: Any) -> dict[str, Any]:
        if t in _LEAVES:
            return dict(_LEAVES[t])
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": sorted(m.value for m in t)}
        if _is_answer(t):
            decimal = {"decimal": _LEAVES[Decimal]}
            return {
                "anyOf": [
                    *(_LEAVES[k] for k in (bool, int, float, str)),
                    {
                        "type": "object",
                        "properties": decimal,
                        "required": ["decimal"],
                        "additionalProperties": False,
                    },
                ]
            }
        if _is_mapping(t):
            key, value = typing.get_args(t)
            return {
                "type": "object",
                "propertyNames": self.of(key),
                "additionalProperties": self.of(value),
            }
        if _is_tuple(t) or _is_frozenset(t):
            schema: dict[str, Any] = {"type": "array", "items": self.of(typing.get_args(t)[0])}
            if _is_frozenset(t):
                schema["uniqueItems"] = True
            return schema
        if typing.get_origin(t) in (typing.Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in typing.get_args(t)]}
        if attrs.has(t):
            if _is_tagged(t) and (_is_abstract(t) or len(self.converter.union(t)) > 1):
                return {"oneOf": [self.ref(m) for m in self.converter.union(t).values()]}
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")

    def ref(self, cl: type) -> dict[str, Any]:
        if cl not in self.names:
            name = cl.__name__ if cl.__name__ not in self.defs else f"{cl.__module__}.{cl.__name__}"
            self.names[cl] = name
            self.defs[name] = {}
            self.defs[name] = self.record(cl)
        return {"$ref": f"#/$defs/{self.names[cl]}"}

    def record(self, cl: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cl)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(cl):
            if not a.init:
                continue
            schema = self.of(hints[a.name])
            extra = _CONSTRAINTS.get(a.validator, {})
            if "anyOf" in schema:
                schema["anyOf"][0].update(extra)
            else:
                schema.update(extra)
            properties[a.alias] = schema
            if a.default is attrs.NOTHING:
                required.append(a.alias)
        if _is_tagged(cl):
            properties[_KIND] = {"const": getattr(cl, "KIND")}  # noqa: B009
            required.append(_KIND)
        doc = (cl.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        return {
            "type": "object",
            "description": doc,
            "properties": dict(sorted(properties.items())),
            "required": sorted(required),
            "additionalProperties": False,
        }


def _json_schema(cl: type, name: str, converter: DocumentConverter) -> dict[str, Any]:
    builder = _Builder(converter)
    payload = builder.of(cl)
    return {
        "$schema": _DIALECT,
        "title": f"compagnonnage: {name} document, format {SCHEMA_VERSION}",
        "type": "object",
        "properties": {
            name: payload,
            "schema_version": {"const": SCHEMA_VERSION},
        },
        "required": sorted([name, "schema_version"]),
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
