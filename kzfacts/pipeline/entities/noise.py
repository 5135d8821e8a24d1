"""Mentions that are no entity at all: role words, nationalities, common words, products, lists
(`is_noise`), language tags after links, currencies, document names ("the Development of Civil
Society" in "Concept for ..."), unknown organisations inside a person's title, and a headline-case
title's guesses the body does not repeat.
Each step keeps or drops a mention; none changes its type (that is `types`)."""
from __future__ import annotations

import bisect
from collections.abc import Mapping

from spacy.tokens import Doc

from ... import resources
from ..support.text import doc_text
from ..support.tokens import span_text, tokens_of
from .common import ACRONYM, Candidate, company_shaped, has_keyword, is_score, score_before
from .evidence import introduced_as, model_code, modifies_common_noun
from .grouping import name_key
from .mentions import initials_match
from .titles import TITLE_MODIFIERS, is_domain_word, is_honorific


def common_word_alone(doc: Doc, cand: Candidate, ids: Mapping[str, str]) -> bool:
    """ "Customs cannot check ..., a customs officer said", a heading "Citizens": one capitalised
    word that the text around it also writes in lower case, or that stands alone on its line, is a
    common noun, not a body's name (a gazetteer name or an acronym stays)."""
    if cand.end - cand.start != 1 or cand.source == "gazetteer":
        return False
    t = tokens_of(doc)
    i = cand.start
    text = t.text[i]
    if not t.alpha[i] or not text.istitle() or text in ids or text in resources.org_keywords() or company_shaped(doc[i]):
        return False
    line_alone = (i == 0 or "\n" in t.text[i - 1] + t.ws[i - 1] or t.text[i - 1].isspace()) and \
        (i + 1 == t.n or "\n" in text + t.ws[i] or t.text[i + 1].isspace())
    if line_alone:
        return True
    at = t.lower_at(t.lower[i])
    k = bisect.bisect_left(at, i - 400)
    return k < len(at) and at[k] < i + 400


def is_noise(doc: Doc, cand: Candidate, ids: Mapping[str, str]) -> bool:
    """Role words, nationality adjectives and common words are never entities."""
    if cand.source == "poster":
        return False  # "steppe_wolf", "@almaty_air": a handle is written as its owner chose
    t = tokens_of(doc)
    start, end = cand.start, cand.end
    text = t.span_text(start, end)
    low = text.lower()
    if not any(ch.isalpha() for ch in text) or text == low or "@" in text or "http" in low:
        return True
    if cand.label == "ORG" and common_word_alone(doc, cand, ids):
        return True
    words = t.text[start:end]
    keywords = resources.org_keywords()
    if cand.label == "ORG" and not any(w in keywords for w in words) and cand.source != "results" \
            and introduced_as(doc, start, end) != "body":  # "the broadcaster Khabar 24"
        if end - start > 1 and model_code(words[-1]):
            return True  # "Airbus A380": a product
        if end < t.n and model_code(t.text[end]) and t.text[end][:1].isalnum() \
                and not score_before(doc, min(end + 3, t.n)) and not is_score(doc[end]):
            return True  # "Airbus" in "Airbus A320 jets", "Boeing 787": the maker names its product
        if "," in words:
            return True  # "Maintenance, Repair and Overhaul": a list, not a name
    demonyms = resources.demonyms()
    if low in demonyms or low.rstrip("s") in demonyms:
        return True
    title_words = resources.title_words()
    if low in resources.titles() or all(w in title_words or w in TITLE_MODIFIERS for w in t.lower[start:end]):
        return True
    if all(is_honorific(w) or w == "." for w in words):
        return True  # "H.E." before "Mr. X": a form of address
    # "Tajik Leader": a nationality before a title is no one's name ("Canadian Press" names a body)
    if end - start > 1 and t.lower[start] in demonyms and t.lower[end - 1] in resources.titles() \
            and all(w in title_words or w in demonyms for w in t.lower[start:end]):
        return True
    # (a body before a role is the employer: "ex-European council president X")
    if cand.label == "ORG" and end < t.n and t.pos[end] == "NOUN" and t.text[end].islower() and not t.title[end]:
        span = doc[start:end]
        if modifies_common_noun(span, ids) and (span[-1].tag_ not in ("NNP", "NNPS") or span.root.dep_ == "amod"):
            return True  # "EU-Kazakhstan Enhanced" cut out of "EU-Kazakhstan Enhanced cooperation agreement"
    return False


def a_modifier(doc: Doc, cand: Candidate) -> bool:
    """ "a Crossroads," : a capitalised word after "a" that heads nothing is no name."""
    toks = tokens_of(doc)
    return cand.start > 0 and toks.lower[cand.start - 1] in ("a", "an") and (
        cand.end >= len(doc) or toks.punct[cand.end])


def language_tag(doc: Doc, cand: Candidate) -> bool:
    """ "Aziat replied (RUS):", "the report [Eng]": a language's three-letter code in brackets, the
    tag a page puts after a link in that language, unless the words before it spell it ("the
    Russian Union of Shipbuilders (RUS)")."""
    i = cand.start
    if cand.end - i != 1 or i == 0 or cand.end >= len(doc):
        return False
    t = tokens_of(doc)
    # the tokenizer may keep what follows the bracket with it: "):"
    if (t.text[i - 1], t.text[i + 1][:1]) not in (("(", ")"), ("[", "]")) or t.lower[i] not in resources.language_tags():
        return False
    return not initials_match(doc, i - 1, t.text[i].upper())


def currency_word(doc: Doc, cand: Candidate) -> bool:
    """ "900 trillion Soum ... the Soum fell", "the national currency Manat": a currency's name (CLDR
    through Babel, and `currency_additions.tsv`) that the text counts money in, or calls a
    currency, is no body ("Analysts at Rand said" keeps its body)."""
    i = cand.start
    t = tokens_of(doc)
    if cand.label == "PERSON" or cand.end - i != 1 or t.text[i].isupper() or t.lower[i] not in resources.currencies():
        return False
    return any(t.ent_type[k] == "MONEY" or k > 0 and (t.like_num[k - 1] or t.lower[k - 1] == "currency")
               for k in t.where_lower(t.lower[i]))


def drop_noise(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """Role words, nationalities, products, lists, cut phrases, language tags and currencies are no
    entities (`is_noise`, `language_tag`, `currency_word`)."""
    return not (is_noise(doc, c, ids) or a_modifier(doc, c) or language_tag(doc, c) or currency_word(doc, c))


def inside_document_name(doc: Doc, start: int) -> bool:
    """True for "the Development of Civil Society" in "Concept for the Development of ..."."""
    toks = tokens_of(doc)
    i = start - 1
    if i >= 0 and toks.lower[i] == "the":
        i -= 1
    if i < 1 or toks.lower[i] not in ("for", "of", "on"):
        return False
    return toks.text[i - 1] in resources.word_list("name_heads.txt")


def drop_document_names(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """ "the Development of Civil Society" inside "Concept for the Development of ..." is no body."""
    return not (c.label == "ORG" and inside_document_name(doc, c.start))


def portfolio_follows(doc: Doc, end: int) -> bool:
    """ "Energy Minister", "Foreign Secretary": the words before such a title name its portfolio."""
    return end < len(doc) and tokens_of(doc).lower[end] in resources.word_list("portfolio_titles.txt")


def fields_only(doc: Doc, c: Candidate) -> bool:
    """ "State" in "Secretary of State", "Social Protection" in "Minister of Labour and Social
    Protection": a name of fields, portfolios and regions only (`titles.is_domain_word`), never
    a body's ("Air Astana" in "CEO of Air Astana X" stays)."""
    toks = tokens_of(doc)
    if c.end < len(doc) and toks.lower[c.end] in resources.word_list("party_titles.txt"):
        return False  # "Labour MP X": a party, not the field of a portfolio
    words = [t for t in range(c.start, c.end) if toks.text[t][:1].isupper()]
    return bool(words) and all(is_domain_word(toks.lower[t]) or toks.title[t] for t in words)


def employer(doc: Doc, start: int) -> bool:
    """ "Nomura" in "X, an economist at Nomura", "Citi" in "X, chief executive of Citi": where a
    person works (after "at", or after "of" following a role only bodies have), not a portfolio."""
    t = tokens_of(doc)
    k = start - 1 if start > 0 and t.lower[start - 1] != "the" else start - 2
    return k >= 1 and (t.lower[k] == "at" or t.lower[k] == "of" and t.lower[k - 1] in resources.word_list("body_roles.txt"))


def drop_title_organisations(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> list[Candidate]:
    """An unknown organisation inside a person's title is part of the title.

    Before the name a portfolio goes ("Kazakh Energy" in "Kazakh Energy Minister X"), an
    employer stays ("Ryanair" in "Ryanair CEO X", "JSA Research" in "JSA Research analyst X");
    in an apposition after it only names without an organisation word go ("Foreign Affairs" in
    "X, EU spokesperson for Foreign Affairs"), so "director of Human Rights Without Frontiers" keeps its body.
    """
    toks = tokens_of(doc)
    known = ids
    text = doc_text(doc)
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for c in cands:
        if c.label != "PERSON" or not c.titles:
            continue
        if c.phrase_start is not None and c.phrase_start < c.start:
            before.append((toks.idx[c.phrase_start], toks.idx[c.start]))
        end = toks.end_char(c.end)
        for t in c.titles:
            pos = text.find(t, end, end + 200 + len(t))
            if pos >= 0:
                after.append((pos, pos + len(t)))
    out = []
    for c in cands:
        if c.label == "ORG":
            name = span_text(doc, c.start, c.end)
            a, b = toks.idx[c.start], toks.idx[c.end - 1] + len(doc[c.end - 1])
            unknown = name not in known and not ACRONYM.match(name)
            if unknown and any(s <= a and b <= e for s, e in before) and (portfolio_follows(doc, c.end) or fields_only(doc, c)):
                continue
            outlet = c.end - c.start > 1 and toks.text[c.end - 1] in resources.word_list("outlet_heads.txt")
            if unknown and not has_keyword(doc, c) and not outlet and not employer(doc, c.start) \
                    and any(s <= a and b <= e for s, e in after):
                continue
        out.append(c)
    return out


def drop_headline_guesses(doc: Doc, cands: list[Candidate], title_end: int, ids: Mapping[str, str]) -> list[Candidate]:
    """Keep a name from a headline-case title only when the body names it too (or it is a known body),
    or when a title stands before it ("Regional Director Aigerim Sultan Opens Forum",
    "Remarks by Deputy Minister Bekov"): the title, not the capitals, says it is a person."""
    toks = tokens_of(doc)
    body = {name_key(span_text(doc, c.start, c.end)) for c in cands if toks.idx[c.start] >= title_end}
    return [c for c in cands if toks.idx[c.start] >= title_end or name_key(span_text(doc, c.start, c.end)) in body
            or span_text(doc, c.start, c.end) in ids or c.label == "PERSON" and bool(c.titles)]
