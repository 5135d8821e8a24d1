"""The JSON Schema (draft 2020-12) of kzfacts' output records."""
from __future__ import annotations

from typing import Any

from . import SCHEMA_VERSION

_OFFSETS = {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}
_MENTION = {"type": "object", "required": ["text", "start", "end"],
            "properties": {"text": {"type": "string"}, **_OFFSETS}}
_ENTITY = {
    "type": "object",
    "required": ["name", "aliases", "mentions"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "titles": {"type": "array", "items": {"type": "string"}},
        "acronym": {"type": "string"},
        "mentions": {"type": "array", "items": _MENTION, "minItems": 1},
    },
}
_DATE = {
    "type": "object",
    "required": ["text", "start", "end", "value", "granularity", "relative"],
    "properties": {
        "text": {"type": "string"}, **_OFFSETS,
        "value": {"type": ["string", "null"]},
        "granularity": {"enum": ["day", "week", "month", "quarter", "year", "decade", "century", None]},
        "relative": {"type": "boolean"},
        "kind": {"enum": ["date", "range", "list", "duration", "set"]},
        "values": {"type": "array", "items": {"type": "string"}},
        "range_end": {"type": ["string", "null"]},
    },
}
_FIGURE = {
    "type": "object",
    "required": ["text", "start", "end", "value", "unit", "kind", "approximate", "qualifier"],
    "properties": {
        "text": {"type": "string"}, **_OFFSETS,
        "value": {"type": ["number", "null"]},
        "unit": {"type": ["string", "null"]},
        "kind": {"enum": ["money", "percent", "quantity", "count", "ordinal", "multiplier"]},
        "approximate": {"type": "boolean"},
        "qualifier": {"type": ["string", "null"]},
        "per": {"type": "string"},
        "value_max": {"type": "number"},
    },
}
_QUOTE = {
    "type": "object",
    "required": ["text", "start", "end", "speaker", "speakers", "cue", "partial"],
    "properties": {
        "text": {"type": "string"}, **_OFFSETS,
        "speaker": {"type": ["string", "null"]},
        "speakers": {"type": "array", "items": {"type": "string"}},
        "cue": {"type": ["string", "null"]},
        "partial": {"type": "boolean"},
    },
}
_ARTICLE = {
    "type": "object",
    "required": ["index", "title", "author", "published", "start", "end",
                 "people", "organisations", "places", "dates", "figures", "quotes"],
    "properties": {
        "index": {"type": "integer", "minimum": 0},
        "title": {"type": ["string", "null"]},
        "author": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"]},
        **_OFFSETS,
        "people": {"type": "array", "items": _ENTITY},
        "organisations": {"type": "array", "items": _ENTITY},
        "places": {"type": "array", "items": _ENTITY},
        "dates": {"type": "array", "items": _DATE},
        "figures": {"type": "array", "items": _FIGURE},
        "quotes": {"type": "array", "items": _QUOTE},
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
            "error": {
                "oneOf": [
                    {"type": "null"},
                    {"type": "object", "required": ["type", "message"],
                     "properties": {"type": {"type": "string"}, "message": {"type": "string"}}},
                ]
            },
            "articles": {"type": "array", "items": _ARTICLE},
        },
    }
