"""Turning a processed Doc into the contract's record (see docs/CONTRACT.md), fact types from the registry."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import SCHEMA_VERSION
from .pipeline.facts import Article
from .registry import FACT_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Doc


def article_record(doc: Doc, art: Article) -> dict[str, Any]:
    """One article's fields and facts."""
    # a date the article gives (a dateline) wins, for its article, over the input's reference date
    # (`kzfacts.reference`: given with the input, --reference-date, or a web page's own)
    given = doc._.kz_reference_date
    published, source = (art.published, "text") if art.published else \
        (given, doc._.kz_reference_source or "input") if given else (None, None)
    out: dict[str, Any] = {"index": art.index, "title": art.title, "author": art.author,
                           "published": published, "published_source": source, "start": art.start, "end": art.end}
    for fact in FACT_TYPES:
        found = getattr(doc._, fact.component) or []
        out[fact.key] = [fact.serialize(f) for f in fact.of_article(found, art)]
    return out


def doc_to_record(doc: Doc, source: str) -> dict[str, Any]:
    """The contract's record for one input file processed as one Doc."""
    # the warnings are plain dicts, copied: a record crosses process boundaries and outlives its Doc
    return {"schema_version": SCHEMA_VERSION, "source": source, "error": None,
            "warnings": [dict(w) for w in doc._.kz_warnings or []],
            "articles": [article_record(doc, a) for a in doc._.kz_articles or []]}


def error_record(source: str, kind: str, message: str) -> dict[str, Any]:
    """The record of an input that could not be processed."""
    return {"schema_version": SCHEMA_VERSION, "source": source,
            "error": {"type": kind, "message": message}, "warnings": [], "articles": []}
