"""The figures of a Doc's articles (`find_figures`), and the spaCy component that writes them."""
from __future__ import annotations

from spacy.tokens import Doc

from ... import resources
from ..base import KzComponent
from ..facts import Figure
from ..support.text import article_at, doc_text, sentence_ends
from .numbers import FRACTION_STARTS, number_candidates, phone_spans
from .reading import half_figure, is_finite, is_number_token, join_subunit, model_numbers, read_figure, read_fraction
from .subjects import attach_subjects

SKIP_ENTS = {"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "NORP"}


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure in the doc's articles."""
    figures: list[Figure] = []
    phones = phone_spans(doc_text(doc))
    candidates = number_candidates(doc)  # a token that is none of them starts no figure: skipped unread
    models = model_numbers(doc, candidates)
    articles = doc._.kz_articles
    numbers = resources.numbers()
    ends: list[int] | None = None  # each token's sentence end, read when first needed
    done = 0  # the character offset the last figure ended at: tokens before it are read
    for i in candidates:
        tok = doc[i]
        idx = tok.idx
        if idx < done or phones and any(a <= idx < b for a, b in phones):
            continue
        low = tok.lower_
        text = tok.text
        fraction = None
        if low in numbers or text.isdigit():
            ends = ends or sentence_ends(doc)
            fraction = half_figure(doc, i, ends[i])
        if fraction is None and (low in FRACTION_STARTS or "-" in text or low in numbers):
            ends = ends or sentence_ends(doc)
            fraction = read_fraction(doc, i, ends[i])
        if fraction is not None and is_finite(fraction) and article_at(articles, idx) is not None:
            figures.append(fraction)
            done = fraction.end
            continue
        if not is_number_token(tok) or tok.ent_type_ in SKIP_ENTS:
            continue
        if article_at(articles, idx) is None:
            continue
        ends = ends or sentence_ends(doc)
        limit = ends[i]
        fig = read_figure(doc, i, limit)
        if fig is None or fig.kind == "count" and text in models:
            continue  # "the 737" where the article writes "Boeing 737": a model, not a count
        fig = join_subunit(doc, fig, limit)
        if not is_finite(fig):
            continue
        figures.append(fig)
        done = fig.end
    attach_subjects(doc, figures)
    return figures


class FigureExtractor(KzComponent):
    """spaCy component: `doc._.kz_figures`."""

    extension = "kz_figures"
    resources = ("currency_additions.tsv", "numbers.tsv", "qualifiers.txt", "units.txt", "time_units.tsv",
                 "dateline_cities.tsv", "change_verbs.tsv", "spending_verbs.txt", "amount_nouns.txt",
                 "share_nouns.txt", "size_nouns.txt")
    needs = ("kz_articles",)

    def __init__(self, name: str = "kz_figures") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Figure]:
        return find_figures(doc)
