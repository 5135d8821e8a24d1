"""Headline-case lines, where capitals say nothing: a name there ends where the words stop being
a name's ("Director Lawrence Hardy Welcome Remarks at ...", "Uzbek Leader Has Died"), and nowhere
does a name run over a spaced dash before a date ("Under Secretary Lago - October 17, 2022"); a
scraped page's line of categories or tags names no one ("Categories: Digital Activism, ...").
Each step only moves a mention's end or drops it; its type is `types`' to decide."""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from ... import resources
from ..dates.grammar import parse_absolute
from ..support.text import doc_text
from ..support.tokens import tokens_of
from .common import Candidate
from .evidence import is_headline_case

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
    """ "Categories: Central Asia & Caucasus, Kazakhstan, Media & Journalism", "Tags: ...": a
    page's line of sections or topics (`taxonomy_labels.txt`)."""
    label, colon, _ = line.partition(":")
    return bool(colon) and len(label) <= 20 and label.strip().casefold() in resources.taxonomy_labels()


def drop_taxonomy_names(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A line of categories or tags names the site's topics ("Digital Activism"), no one; its
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
