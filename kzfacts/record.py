"""Turning a processed Doc into the contract's record (see CONTRACT.md)."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import SCHEMA_VERSION
from .pipeline.facts import Article, DateFact, Entity, Figure, Quote

ENTITY_KEYS = {"PERSON": "people", "ORG": "organisations", "GPE": "places"}


def _entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "aliases": e.aliases}
    if e.label == "PERSON":
        out["titles"] = e.titles
    if e.acronym:
        out["acronym"] = e.acronym
    out["mentions"] = [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions]
    return out


def _date(d: DateFact) -> dict[str, Any]:
    out: dict[str, Any] = {"text": d.text, "start": d.start, "end": d.end, "value": d.value,
                           "granularity": d.granularity, "relative": d.relative, "kind": d.kind}
    if d.values:
        out["values"] = d.values
    if d.range_end:
        out["range_end"] = d.range_end
    return out


def _figure(f: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"text": f.text, "start": f.start, "end": f.end, "value": f.value, "unit": f.unit,
                           "kind": f.kind, "approximate": f.approximate, "qualifier": f.qualifier}
    if f.per:
        out["per"] = f.per
    if f.value_max is not None:
        out["value_max"] = f.value_max
    return out


def _quote(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker, "speakers": q.speakers,
            "cue": q.cue, "partial": q.partial}


def _article(doc: Doc, art: Article) -> dict[str, Any]:
    def inside(start: int) -> bool:
        return art.start <= start < art.end

    out: dict[str, Any] = {"index": art.index, "title": art.title, "author": art.author,
                           "published": art.published, "start": art.start, "end": art.end}
    entities = [e for e in doc._.kz_entities or [] if e.article == art.index]
    for label, key in ENTITY_KEYS.items():
        out[key] = [_entity(e) for e in entities if e.label == label]
    out["dates"] = [_date(d) for d in doc._.kz_dates or [] if inside(d.start)]
    out["figures"] = [_figure(f) for f in doc._.kz_figures or [] if inside(f.start)]
    out["quotes"] = [_quote(q) for q in doc._.kz_quotes or [] if inside(q.start)]
    return out


def doc_to_record(doc: Doc, source: str) -> dict[str, Any]:
    """The contract's record for one input file processed as one Doc."""
    return {"schema_version": SCHEMA_VERSION, "source": source, "error": None,
            "articles": [_article(doc, a) for a in doc._.kz_articles or []]}


def error_record(source: str, kind: str, message: str) -> dict[str, Any]:
    """The record of an input that could not be processed."""
    return {"schema_version": SCHEMA_VERSION, "source": source,
            "error": {"type": kind, "message": message}, "articles": []}
