"""Registration of kzfacts' components with spaCy (also exposed as `spacy_factories` entry points).

`requires` lists everything a component reads, so `nlp.analyze_pipes()` tells a user what is
missing; at run time a component used without the ones it builds on raises KzError E005.
"""
from __future__ import annotations

from spacy.language import Language

from .articles import ArticleSplitter
from .dates.component import DateExtractor
from .entities.component import EntityConsolidator
from .extensions import register_extensions
from .figures.component import FigureExtractor
from .quotes.component import QuoteExtractor

register_extensions()

PARSE = ["token.dep", "token.head", "token.pos", "token.tag", "token.lemma", "doc.sents"]


@Language.factory("kz_articles", assigns=["doc._.kz_articles", "token.is_sent_start"], default_config={})
def make_articles(nlp: Language, name: str) -> ArticleSplitter:
    return ArticleSplitter(name)


@Language.factory("kz_entities", assigns=["doc._.kz_entities"],
                  requires=["doc.ents", "token.ent_type", "doc._.kz_articles", *PARSE],
                  default_config={"gazetteer": "organisations.jsonl"})
def make_entities(nlp: Language, name: str, gazetteer: str | None) -> EntityConsolidator:
    return EntityConsolidator(nlp, name, gazetteer=gazetteer)


@Language.factory("kz_dates", assigns=["doc._.kz_dates"], requires=["doc.ents", "doc._.kz_articles", *PARSE],
                  default_config={})
def make_dates(nlp: Language, name: str) -> DateExtractor:
    return DateExtractor(name)


@Language.factory("kz_figures", assigns=["doc._.kz_figures"], requires=["doc.ents", "doc._.kz_articles", *PARSE],
                  default_config={})
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor(name)


@Language.factory("kz_quotes", assigns=["doc._.kz_quotes"],
                  requires=["doc._.kz_entities", "doc._.kz_articles", *PARSE], default_config={})
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(name)
