"""Headline-case lines, where capitals say nothing: a name there ends where the words stop being
a name's ("Director Anna Berg Opening Remarks at ...", "Tajik Leader Has Resigned"), and nowhere
does a name run over a spaced dash before a date ("Under Secretary Lind - March 3, 2021"); a
scraped page's line of categories or tags names no one ("Categories: Sport, Culture, ...").
Each step only moves a mention's end or drops it; its type is `types`' to decide."""
from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc

from ... import resources
from ..articles import is_heading
from ..dates.grammar import parse_absolute
from ..facts import Article
from ..support.text import doc_text, split_lines
from ..support.tokens import span_text, tokens_of
from .common import Candidate
from .evidence import is_headline_case
from .grouping import name_key
from .titles import is_title_word

MAX_LINE = 300  # characters: a longer line is a paragraph, whatever its capitals


def line_of(doc: Doc, i: int) -> str:
    """The text of the line that holds token i."""
    text = doc_text(doc)
    at = tokens_of(doc).idx[i]
    start = text.rfind("\n", max(0, at - MAX_LINE), at) + 1
    end = text.find("\n", at, at + MAX_LINE)
    return text[start:end if end >= 0 else at + MAX_LINE].strip()


def dash_before_date(doc: Doc, i: int) -> bool:
    """Token i is a dash between spaces that a date follows (" - October 17, 2022")."""
    toks = tokens_of(doc)
    if i + 1 >= len(doc) or not toks.spaced_dash(i):
        return False
    parsed = parse_absolute(doc_text(doc)[toks.idx[i + 1]:toks.idx[i + 1] + 40], anchor_year=None)
    return parsed is not None


def verb_in_headline(doc: Doc, i: int) -> bool:
    """Token i is a verb ("Has", "Died", "Welcome", "Following") on a headline-case line: no word of a name."""
    toks = tokens_of(doc)
    if not toks.tag[i].startswith("VB"):
        return False
    line = line_of(doc, i)
    return len(line) < MAX_LINE and is_headline_case(line)


def model_person_end(doc: Doc, c: Candidate) -> int:
    """Where the model's own person that opens a person's mention ends ("Aidar Bekov" in "Aidar
    Bekov Opening Remarks"), or the mention's end if the model tagged no such person of two words
    or more (one word may be a given name the model stopped after)."""
    toks = tokens_of(doc)
    if toks.ent_type[c.start] != "PERSON":
        return c.end
    end = c.start + 1
    while end < c.end and toks.ent_type[end] == "PERSON" and doc[end].ent_iob_ == "I":
        end += 1
    return end if end - c.start >= 2 else c.end


def is_taxonomy(line: str) -> bool:
    """ "Categories: Economy, Energy & Mining, World", "Tags: ...": a
    page's line of sections or topics (`taxonomy_labels.txt`)."""
    label, colon, _ = line.partition(":")
    return bool(colon) and len(label) <= 20 and label.strip().casefold() in resources.taxonomy_labels()


def drop_taxonomy_names(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A line of categories or tags names the site's topics ("Energy & Mining"), no one; its
    dates stay (a wiki files a story under its day)."""
    return not is_taxonomy(line_of(doc, c.start))


def headline_name_end(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A name ends before a spaced dash that a date follows; on a headline-case line it also ends
    before its first verb, and a person's where the model's person inside it ends (the words
    after it are the headline's: "Remarks", "Following"). A mention that opens with a verb ("Has
    Died" after "Leader") goes; a gazetteer name is kept whole."""
    if c.source == "gazetteer":
        return True
    for i in range(c.start, c.end):
        if dash_before_date(doc, i) or verb_in_headline(doc, i):
            c.end = i
            break
    if c.label == "PERSON" and c.start < c.end:
        line = line_of(doc, c.start)
        if len(line) < MAX_LINE and is_headline_case(line):
            c.end = model_person_end(doc, c)
    return c.start < c.end


_SMALL_WORDS = ("of", "the", "and", "a", "an", "to", "in", "on", "for", "at", "by", "with", "his", "her", "its")


def title_cased(text: str) -> bool:
    """ "Press Briefing", "Rule by Elites", "U.S., Kyrgyz Relations": every word but the small
    ones capitalised (two words or more), or most of them in a longer line (`is_headline_case`)."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(words) >= 4:
        return is_headline_case(text)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


_RESULT = re.compile(r"\b\d{1,3} ?[-\u2013\u2014] ?\d{1,3}\b")  # "Norway 1 – 0 Japan"


def heading_spans(doc: Doc, art: Article) -> list[tuple[int, int]]:
    """Character spans of the article's headings in headline case: its title, a release's header
    lines, subheadings (short lines with no closing stop, `articles.is_heading`); not a byline
    ("Astana Times", "By VOA News": it names the author), nor a results line, whose names are teams."""
    text = doc_text(doc)
    return [(art.start + ln.start, art.start + ln.end) for ln in split_lines(text[art.start:art.end])
            if is_heading(ln) and title_cased(ln.text) and not _RESULT.search(ln.text)
            and ln.text != art.byline and not ln.text.lower().startswith("by ")]


def drop_heading_guesses(doc: Doc, cands: list[Candidate], art: Article, ids: Mapping[str, str]) -> list[Candidate]:
    """ "Press Briefing", "Rule by Elites", "U.S., Kyrgyz Relations": on a heading in headline
    case the capitals say nothing, so an organisation found there is kept only when the text
    outside the headings names it too, or it is a known body, or a title names it ("Assistant
    Secretary, Bureau of ..."), or it is a team on a results line ("Leeds 2 Everton 1"); people are
    `drop_headline_guesses`'."""
    spans = heading_spans(doc, art)
    if not spans:
        return cands
    toks = tokens_of(doc)

    def on_heading(c: Candidate) -> bool:
        at = toks.idx[c.start]
        return any(s <= at < e for s, e in spans)

    def in_a_title(c: Candidate) -> bool:  # "Assistant Secretary, Bureau of ...": the body a title names
        k = c.start - 1
        while k >= 0 and toks.lower[k] in (",", "the", "of", "at", "to"):
            k -= 1
        return k >= 0 and is_title_word(doc[k]) and toks.text[k][:1].isupper()

    heading = [on_heading(c) and not in_a_title(c) for c in cands]
    body = {name_key(span_text(doc, c.start, c.end)) for c, h in zip(cands, heading) if not h}
    return [c for c, h in zip(cands, heading) if not h or c.label != "ORG" or c.source in ("gazetteer", "results")
            or name_key(span_text(doc, c.start, c.end)) in body or span_text(doc, c.start, c.end) in ids]
