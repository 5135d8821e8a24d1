"""Currencies: a currency as written (a name, a symbol, an ISO code) and its ISO code, the currency
before or after an amount, and which dollar a bare "$" is."""
from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Token

from ... import resources
from ..facts import Figure
from ..support.text import article_at, doc_text
from ..support.tokens import tokens_of
from .numbers import word_value


@resources.cached
def _currency_forms() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Currency forms as token tuples by their first word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, code in resources.currencies().items():
        words = tuple(form.lower().split())
        by_first.setdefault(words[0], []).append((words, code))
    for forms in by_first.values():
        forms.sort(key=lambda f: -len(f[0]))
    return by_first


AMBIGUOUS_DOLLARS = {"$", "dollar", "dollars"}  # the US dollar unless the text says which


def currency_of(text: str) -> str | None:
    """The ISO code of a currency as written: a name ("tenge", "Canadian dollars"), a symbol ("€",
    "C$", "c$", "₸"), or an ISO code in capitals ("KZT"); None when it is none."""
    forms = resources.currencies()
    if text in forms:
        return forms[text]
    if text.replace(" ", "").replace("-", "").isalpha():
        if text.isupper() and len(text) <= 4:  # "KZT"; other short capitals ("ALL", "EURO") are words
            return text if text in resources.currency_codes() else None
        return forms.get(text.lower())
    if text.upper() in forms:
        return forms[text.upper()]  # "c$", "hk$"
    if text and all(unicodedata.category(ch) == "Sc" for ch in text):
        return resources.narrow_symbols().get(text)
    return None


def dollar_of(doc: Doc, start: int) -> tuple[str, str]:
    """Which dollar a bare "$" or "dollars" at token `start` is, and how that was decided: the
    article's dateline ("TORONTO (Reuters) -": wire copy from a dollar country writes its own
    dollar bare), else the US dollar. A place or nationality in the sentence says nothing: news
    marks other dollars (A$, C$, "Australian dollars"), so "an Australian miner made $48 million"
    is in US dollars."""
    places = resources.dollar_places()
    art = article_at(doc._.kz_articles, tokens_of(doc).idx[start])
    if art is not None and art.dateline_place:
        a, b = art.dateline_place
        place = doc_text(doc)[a:b].lower()
        code = places.get(place) or resources.dateline_dollars().get(place)
        if code:
            return code, "context"
    return "USD", "default"


def set_currency(doc: Doc, fig: Figure, form: str | None, start: int) -> Figure:
    """Say how a money figure's currency was decided; a bare "$" or "dollars" asks `dollar_of`."""
    fig.unit_source = "text"
    if (form or "").lower() in AMBIGUOUS_DOLLARS:
        fig.unit, fig.unit_source = dollar_of(doc, start)
    return fig


def currency_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """Currency form starting at token i: (ISO code, tokens used)."""
    toks = tokens_of(doc)
    raw = toks.text[i]
    if raw.isupper() and len(raw) == 3 and raw in resources.currency_codes() and not _shouting(doc[i]):
        return raw, 1  # "KZT", "FIM": an ISO code in capitals, not in an all-capitals headline
    for form, code in _currency_forms().get(toks.lower[i], ()):
        n = len(form)
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i:i + n]) == form:
            if n == 1 and raw.isalpha() and raw.isupper() and len(raw) <= 4 and form[0].upper() != raw:
                continue
            if form[0] in ("real", "won", "sum", "som", "pound", "pounds", "franc", "rand") and n == 1 and toks.pos[i] not in ("NOUN", "PROPN"):
                continue
            return code, n
    return None


def _shouting(token: Token) -> bool:
    """A token in an all-capitals line ("5 TOP STORIES"): capitals there say nothing."""
    words = [t for t in token.sent if t.is_alpha]
    return len(words) >= 3 and all(t.is_upper for t in words)


def currency_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """A currency symbol or code right before token i ("$", "US$", "KZT", "c $", "GB #" before an amount)."""
    toks = tokens_of(doc)
    for back in (2, 1):
        s = i - back
        if s < 0:
            continue
        ws, words = toks.ws[s:i], toks.text[s:i]
        if any(ws[:-1]) and not (back == 2 and len(words[0]) == 1 and words[1] == "$" and words[0].lower() != "a"):
            continue  # joined as written, except a one-letter prefix before "$" ("c $3 million"), not "a $5 loan"
        text = "".join(words)
        if text.isalpha() and not (text.isupper() and len(text) == 3):
            continue  # a word before a number is no currency symbol
        code = currency_of(text)
        if code:
            return code, s
    # "#13 billion", "GB #20.1 billion": the pound as ISO 646-GB wrote it in older wire copy
    if i >= 1 and toks.text[i - 1] == "#" and i + 1 < len(doc) and (word_value(toks.text[i + 1]) or (0, ""))[1] == "scale":
        return "GBP", i - 2 if i >= 2 and toks.text[i - 2] in ("GB", "UK") else i - 1
    return None
