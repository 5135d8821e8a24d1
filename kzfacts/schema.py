"""The JSON Schema (draft 2020-12) of kzfacts' output records; each fact type's part comes from the registry."""
from __future__ import annotations

from typing import Any

from . import SCHEMA_VERSION
from .registry import FACT_TYPES, OFFSETS

_ARTICLE = {
    "type": "object",
    "required": ["index", "title", "author", "published", "start", "end", *(f.key for f in FACT_TYPES)],
    "properties": {
        "index": {"type": "integer", "minimum": 0},
        "title": {"type": ["string", "null"]},
        "author": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"]},
        "published_source": {"enum": ["text", "input", "option", "page", None]},
        # set by `kzfacts extract` and `summary` (kzfacts/duplicates.py): the earlier article this one repeats
        "duplicate_of": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["source", "article"],
            "properties": {"source": {"type": "string"}, "origin": {"type": "string"},
                           "article": {"type": "integer", "minimum": 0}}}]},
        **OFFSETS,
        **{f.key: {"type": "array", "items": f.schema} for f in FACT_TYPES},
    },
}


def record_schema() -> dict[str, Any]:
    """The schema one output record (one input file) validates against."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://github.com/kzfacts/kzfacts/schema/{SCHEMA_VERSION}/record.json",
        "title": "kzfacts record",
        "type": "object",
        "required": ["schema_version", "source", "error", "articles"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "source": {"type": "string"},
            "origin": {"type": "string"},
            "error": {
                "oneOf": [
                    {"type": "null"},
                    {"type": "object", "required": ["type", "message"],
                     "properties": {"type": {"type": "string"}, "message": {"type": "string"}}},
                ]
            },
            "warnings": {"type": "array", "items": {
                "type": "object", "required": ["type", "message"],
                "properties": {"type": {"type": "string"}, "message": {"type": "string"}}}},
            "articles": {"type": "array", "items": _ARTICLE},
            "text": {"type": "string"},
        },
    }
