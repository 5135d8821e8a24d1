"""Dates: the component that finds date expressions in a parsed Doc and resolves them.

The spans come from the model's DATE entities, cut and extended by the rules here; their values
come from the pure grammar in `dategrammar`, anchored on the publication date, a full date
earlier in the sentence, and the tense of the verb the date hangs on.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ... import resources
from ..base import KzComponent
from ..facts import DateFact
from ..support.syntax import heads
from ..support.text import article_at, doc_text, longest_spans, sentence_starts
from ..support.tokens import tokens_of
from .grammar import MONTHS, UNITS, YEAR, WEEKDAYS, clean_date_text, iso_date, normalise_date, parse_absolute, parse_reference_date


def _split_compound(span: Span) -> list[Span]:
    """Split "2025 last year" or "November 11, three days later" into their expressions."""
    for i, tok in enumerate(span):
        if i == 0:
            continue
        starts_relative = tok.lower_ in ("last", "next", "this", "earlier", "later") or \
            tok.like_num and i + 1 < len(span) and span[i + 1].lower_ in UNITS
        if starts_relative and parse_absolute(span[:i].text.rstrip(", "), None):
            head_end = i
            while head_end > 0 and span[head_end - 1].is_punct:
                head_end -= 1
            return [span[:head_end], span[i:]]
    return [span]


def _extend_year(doc: Doc, span: Span) -> Span:
    """ "February 11th" followed by "2021": one span."""
    toks = tokens_of(doc)
    j = span.end
    if j < len(doc) and toks.text[j] == ",":
        j += 1
    if j < len(doc) and re.fullmatch(r"(?:1[5-9]|20)\d\d", toks.text[j]) and not re.search(r"\d{4}", span.text):
        if re.search("|".join(MONTHS), span.text, re.I):
            return doc[span.start:j + 1]
    return span


def _extend_range(doc: Doc, span: Span) -> Span:
    """ "from 2009 to 2011" when the model tagged only "2009": one range."""
    toks = tokens_of(doc)
    j = span.end
    if j + 1 >= len(doc) or toks.lower[j] not in ("to", "until", "through", "-", "\u2013"):
        return span
    k = j + 1
    while k < len(doc) and k - j <= 4 and not toks.punct[k]:
        k += 1
    tail = doc[j + 1:k]
    parsed = parse_absolute(tail.text, None)
    if not parsed or parse_absolute(span.text, None) is None:
        return span
    used = doc.char_span(tail.start_char, tail.start_char + parsed[2], alignment_mode="expand")
    if used is None:
        return span
    start = span.start - 1 if span.start > 0 and toks.lower[span.start - 1] in ("from", "between") else span.start
    return doc[start:used.end]


def _clause_verb(span: Span) -> Token:
    """The word the date hangs on, past any prepositions and adjective complements ("adopted" in
    "adopted in May", "remain" in "remain closed until Friday")."""
    head = span.root.head
    for above in heads(head):
        if head.pos_ != "ADP" and head.dep_ != "acomp":
            break
        head = above
    return head


def _is_future(span: Span) -> bool:
    """ "will be held on Friday", "to remain closed until Friday": the date lies ahead."""
    head = _clause_verb(span)
    for tok in (head, *head.children):
        if tok.lower_ in ("will", "'ll", "shall") or tok.tag_ == "MD" and tok.lower_ in ("will", "would"):
            return True
    # an infinitive ("decided to remain closed until Friday") looks ahead of the decision
    return head.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children)


def tense_of(span: Span) -> str | None:
    """ "past" for "was adopted in February", "future" for "will be held on 5 May", else None."""
    if _is_future(span):
        return "future"
    verb = _clause_verb(span)
    if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return "past"
    if verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.lower_ in ("has", "have", "had") for c in verb.children)):
        return "past"  # "amendments, adopted in February", "has risen since May"
    return None


def _extend_determiner(doc: Doc, span: Span) -> Span:
    """ "this year" when the model tagged only "year": the word that says which one belongs to it."""
    if span.start > 0 and span[0].lower_ in UNITS and tokens_of(doc).lower[span.start - 1] in ("this", "last", "next", "that", "past", "coming"):
        return doc[span.start - 1:span.end]
    return span


def _weekday_word(low: str) -> bool:
    return low.removesuffix("s") in WEEKDAYS


def _extend_schedule(doc: Doc, span: Span) -> Span:
    """A weekly schedule is one date, a set: "every Sunday" when the model tagged only "Sunday", and
    "every Tuesday and Friday" when it tagged "every Tuesday" and "Friday" apart."""
    lower = tokens_of(doc).lower
    start, end = span.start, span.end
    if start > 0 and lower[start - 1] in ("every", "each") and _weekday_word(lower[start]):
        start -= 1
    if lower[start] in ("every", "each"):
        while end < len(doc) and lower[end - 1] in ("and", ",", "or") and _weekday_word(lower[end]):
            end += 1  # the model's span ended on the "and" ("every Tuesday and" | "Friday")
        while end + 1 < len(doc) and lower[end] in ("and", ",", "or") and _weekday_word(lower[end + 1]):
            end += 2
    return doc[start:end] if (start, end) != (span.start, span.end) else span


# the model's labels of an event's or body's full name it found before a year it tagged apart: the
# year is then the edition's ("Fan Expo Canada 2016", "FIFA World Cup 2018"), a time, as OntoNotes and
# GUM annotate it; a one-word brand glued to its year ("KIOGE 2018", "Euro 2024") is the name in use
_EDITION_OF = ("ORG", "EVENT", "FAC")


def _full_name_before(doc: Doc, i: int) -> bool:
    """Whether token `i` ends an ORG, EVENT or FAC entity of two or more words ("Fan Expo Canada")."""
    if doc[i].ent_type_ not in _EDITION_OF:
        return False
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return sum(not t.is_stop for t in doc[start:i + 1]) >= 2


def _year_of_a_name(doc: Doc, span: Span) -> bool:
    """A bare year right after a capitalised noun is part of a name, no date: "KIOGE 2018", "Euro
    2024", "Strategy 2050", "Kazakhstan 2050". A month ("Sept. 2020") or a word of `year_words.txt`
    ("Christmas 2019", "Q1 2021") before it makes a date, and so does the full name of an event or
    body the model found without the year (the edition's year)."""
    if len(span) != 1 or span.start == 0 or not YEAR.fullmatch(span.text):
        return False
    before = doc[span.start - 1]
    if not (before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and before.whitespace_):
        return False  # "In 2018", "The 2018 budget", "Kazakhstan's 2018 budget"
    if _full_name_before(doc, before.i) or _date_of_the_word_before(doc, before):
        return False
    if before.lower_.rstrip(".") in resources.word_list("year_words.txt"):
        return False
    joined = parse_absolute(f"{before.text} {span.text}", None)
    return not (joined and joined[2] >= len(before.text) + 1 + len(span.text))


def _year_after_a_name(doc: Doc, span: Span) -> Span:
    """ "Windows 2000", "in Zhanaozen 2011": a date span of a capitalised word and a year that
    together read as no date (no month, season or holiday) is the year alone, which
    `_year_of_a_name` then keeps or leaves."""
    first, year = span[0], span[1]
    if not (first.text[:1].isupper() and first.is_alpha and YEAR.fullmatch(year.text)):
        return span
    if first.lower_.rstrip(".") in resources.word_list("year_words.txt"):
        return span
    joined = parse_absolute(span.text, None)
    return span if joined and joined[2] >= len(span.text) else doc[year.i:year.i + 1]


_PLACE_PREPOSITIONS = {"in", "at", "from", "since", "across"}


def _date_of_the_word_before(doc: Doc, before: Token) -> bool:
    """The word before the year says the year is a time, not a name's: a title ("elected President
    2019"), a body the gazetteer knows, whose gathering it dates ("the OSCE 2010 summit"), or a place
    after a preposition, or a word the model read into the date there ("founded in Almaty 1998",
    "in Zhanaozen 2011")."""
    if before.lower_ in resources.title_words() or before.text in resources.organisation_ids():
        return True
    if before.ent_type_ not in ("GPE", "LOC", "DATE"):  # a place, or a word the model read into the date
        return False
    start = before.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS


_SLASHED = re.compile(r"(?<![\w/])[01]?\d/[0-3]?\d/(?:19|20)?\d\d(?![\w/])")  # "3/14/2021"


def date_spans(doc: Doc) -> list[Span]:
    """Candidate date spans: the model's DATE entities, joined and split into whole expressions."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        for part in _split_compound(_extend_range(doc, _extend_year(doc, _extend_schedule(doc, _extend_determiner(doc, ent))))):
            a, b = clean_date_text(part.text)
            sub = doc.char_span(part.start_char + a, part.start_char + b, alignment_mode="expand")
            sub = _year_after_a_name(doc, sub) if sub is not None and len(sub) == 2 else sub
            if sub is not None and len(sub) and not _year_of_a_name(doc, sub):
                spans.append(sub)
    by_bounds = {(sp.start, sp.end): sp for sp in spans}
    spans = [by_bounds[b] for b in longest_spans(list(by_bounds))]
    taken = {t.i for s in spans for t in s}
    text = doc_text(doc)
    for m in _SLASHED.finditer(text) if "/" in text else ():
        sub = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sub is not None and not any(t.i in taken for t in sub):
            spans.append(sub)
    return sorted(spans, key=lambda s: s.start)


def find_dates(doc: Doc, reference: date | None = None) -> list[DateFact]:
    """Every date expression in the doc with its value, per the rules in this module."""
    facts: list[DateFact] = []
    last_full: dict[int, tuple[date, int]] = {}  # article -> (date, sentence start)
    starts: list[int] | None = None  # each token's sentence start, read when first needed
    articles = doc._.kz_articles
    for span in date_spans(doc):
        art = article_at(articles, span.start_char)
        if art is None:
            continue
        ref = reference or iso_date(art.published)
        prev = last_full.get(art.index)
        if prev:
            starts = starts or sentence_starts(doc)
        same_sentence = prev if prev and prev[1] == starts[span.start] else None
        anchor = (same_sentence[0] if same_sentence else None) or ref or (prev[0] if prev else None)
        # the verb's tense places a yearless date before or after the publication date, not a nearby full date
        tense = tense_of(span) if anchor is ref and ref is not None else None
        parsed = normalise_date(span.text, anchor=anchor, reference=ref, future=_is_future(span), tense=tense)
        if parsed is None:
            continue
        if parsed.value and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", parsed.value) and not parsed.relative:
            if re.search(r"\d{4}", span.text):
                starts = starts or sentence_starts(doc)
                last_full[art.index] = (iso_date(parsed.value), starts[span.start])
        facts.append(DateFact(span.text, span.start_char, span.end_char, parsed.value, parsed.granularity,
                              parsed.relative, parsed.kind, parsed.values, parsed.range_end))
    return facts


class DateExtractor(KzComponent):
    """spaCy component: `doc._.kz_dates`. The reference date comes from `doc._.kz_reference_date`."""

    extension = "kz_dates"
    resources = ("numbers.tsv", "time_units.tsv", "year_words.txt", "titles.txt", "organisations.jsonl")
    needs = ("kz_articles",)

    def __init__(self, name: str = "kz_dates") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[DateFact]:
        return find_dates(doc, parse_reference_date(doc._.kz_reference_date))
