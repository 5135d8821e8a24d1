"""The quotes of a Doc's articles (`find_quotes`): marks, then each quote's cue and speaker, then
the speakers carried between quote paragraphs; and the spaCy component that writes them."""
from __future__ import annotations

from spacy.tokens import Doc

from ..base import KzComponent
from ..facts import Quote
from ..support.text import article_at, doc_text
from .carry import Placed, continued, fill_forward, introduced_before
from .context import QuoteContext
from .marks import find_raw_quotes, indented_quotes, is_name_like, is_partial, trim
from .speakers import attribute


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quotation of the doc's articles with speaker, cue and partial flag."""
    text = doc_text(doc)
    raw = find_raw_quotes(text)
    raw = sorted(raw + indented_quotes(doc, raw), key=lambda q: q.outer_start) if "\n " in text or "\n\t" in text else raw
    ctx = QuoteContext(doc, doc._.kz_entities, [(q.start, q.end) for q in raw])
    placed: list[Placed] = []
    last_in_article: dict[int, Placed] = {}
    for q in raw:
        art = article_at(doc._.kz_articles, q.outer_start)
        if art is None:
            continue
        start, end = trim(text, q.start, q.end)
        quoted = text[start:end]
        if not quoted or is_name_like(text[q.start:q.end].strip()):
            continue
        partial = is_partial(text, q)
        single_word = len(quoted.split()) == 1
        attr = attribute(ctx, q, art.index)
        if not attr.cue and not partial:
            attr = continued(text, last_in_article.get(art.index), q) or attr
        if partial and (single_word or not attr.cue):
            continue  # a scare quote: no speech verb governs it
        if single_word and not attr.cue:
            continue  # a lone quoted word is speech only when a verb says so ("“Yes,” she said")
        ctx.remember(art.index, attr.speakers)
        placed.append(Placed(q, start, end, partial, attr, art.index))
        last_in_article[art.index] = placed[-1]
    fill_forward(text, placed)
    introduced_before(ctx, placed)
    return [Quote(text[p.start:p.end], p.start, p.end, p.attribution.speakers[0] if p.attribution.speakers else None,
                  p.attribution.speakers, p.attribution.cue, p.partial, p.attribution.mention) for p in placed]


class QuoteExtractor(KzComponent):
    """spaCy component: `doc._.kz_quotes`. Runs after `kz_entities`."""

    extension = "kz_quotes"
    resources = ("reporting_verbs.txt", "titles.txt", "anaphors.txt", "speech_nouns.txt", "role_synonyms.tsv")
    needs = ("kz_articles", "kz_entities")

    def __init__(self, name: str = "kz_quotes") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Quote]:
        return find_quotes(doc)
