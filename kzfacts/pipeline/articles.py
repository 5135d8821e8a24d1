"""Splitting a scraped file into articles: title, byline, date line, dateline, body and site furniture.

The rules read layout only: a story's header is a short title line (a date line may stand above
it), then bylines, date lines (`datelines`) and, under a page's first title, a standfirst or a
caption, then body text; a page may hold several stories, each with its header, and furniture
(listed lines, photo credits, "Read also:" links, tickers, view counters) between them belongs to
none. `published` is the date the header states: a date line, or a dateline opening the first
paragraph. The rules never look at what a title says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

from .. import resources
from .base import KzComponent
from .datelines import date_line, dated_byline, dateline_date, is_date_label
from .facts import Article
from .support.text import CAPTION_PREFIXES, NAME_PARTICLES, Line, doc_text, split_lines

_TERMINAL = (".", "!", ";", ":", ",", "\u201d", '"', "\u2019")
_WRITES = re.compile(
    r"\bwrites\s+"
    r"((?:[A-Z][\w'\u2019-]+)(?:\s+(?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\s+)?[A-Z][\w'\u2019-]+){1,3})"
)
_BY = re.compile(r"^(?:by|written by)\s+", re.I)
# a full stop between two sentences, not an abbreviation's ("U.S. delegation", "Dr. Smith")
_SENTENCE_BREAK = re.compile(r"[a-z\d]{2}[.!?] [A-Z]")
MAX_TITLE_WORDS = 25
MAX_BYLINE_WORDS = 6
MAX_DOTTED_TITLE_WORDS = 15
MIN_BODY_WORDS = 12
MIN_PARAGRAPH_WORDS = 8
MAX_HEADER_LINES = 8  # the lines between a title and its body: standfirst, captions, byline, date lines
MAX_EXTRA_HEADINGS = 3
AUTHOR_WINDOW = 2000  # "writes NAME" stands in the opening paragraph


_CREDIT = re.compile(r"(?:photos?|images?|video|pictures?|illustrations?|cover photo)(?:\s+(?:credits?|sources?))?"
                     r"\s*(?::|\u00a9|by\s)", re.I)
_READ_ALSO = re.compile(r"(?:(?:read|see)\s+(?:also|more)|also\s+read|related)\s*:", re.I)
_FOLLOW = re.compile(r"(?:subscribe|follow|join)\s+(?:to\s+)?(?:us|our)\b", re.I)
_TICKER = re.compile(r"(?P<a>[A-Z]{3})\s?/\s?(?P<b>[A-Z]{3})\s?[=:]?\s?\d[\d.,]{0,12}"
                     r"(?:\s?[\u25b2\u25bc\u2191\u2193+\u2212%-]?\s?[\d.,]{0,8}%?)?")
_VIEW_COUNT = re.compile(r"\d[\d,. ]{0,12}(?:views?|reads?)|(?:views?|reads?)\s*:?\s*\d[\d,. ]{0,12}", re.I)
MAX_CREDIT_WORDS = 8
MAX_READ_ALSO_WORDS = 25
MAX_FOLLOW_WORDS = 10


def is_listed_furniture(line: Line) -> bool:
    """A line of `furniture.txt` ("Continue Reading", "Share"): it also marks where a story may start."""
    return line.words <= 6 and line.text.strip(" .:!>»›|-\u2026").casefold() in resources.furniture()


def is_ticker(text: str) -> bool:
    """ "KZT/USD = 0.0021", "USD/KZT 478.50 | EUR/KZT 521.30": currency quotes, pairs of ISO 4217 codes."""
    parts = [p.strip() for p in re.split(r"[|;\u00b7\u2022]", text)] if len(text) <= 200 else []
    matches = [_TICKER.fullmatch(p) for p in parts if p]
    codes = resources.currency_codes()
    return bool(matches) and all(m and m["a"] in codes and m["b"] in codes for m in matches)


def is_furniture(line: Line) -> bool:
    """True for site furniture: a listed line ("Continue Reading", "Connect with us"), a photo credit
    ("Photo: Akorda"), a "Read also: ..." link, a call to subscribe or follow, a currency ticker, a
    view counter."""
    if is_listed_furniture(line):
        return True
    text = line.text
    return (line.words <= MAX_CREDIT_WORDS and _CREDIT.match(text) is not None
            or line.words <= MAX_READ_ALSO_WORDS and _READ_ALSO.match(text) is not None
            or line.words <= MAX_FOLLOW_WORDS and _FOLLOW.match(text) is not None
            or line.words <= 4 and _VIEW_COUNT.fullmatch(text) is not None
            or text[:1].isupper() and "/" in text and is_ticker(text))


def is_heading(line: Line, *, first: bool = False) -> bool:
    """A short line that does not read like a sentence of body text."""
    if not line.text[0].isupper() and not line.text[0].isdigit():
        return False
    if line.words > MAX_TITLE_WORDS or line.text[0] in "\u201c\"'\u2018\u00ab":
        return False
    if not line.text.endswith(_TERMINAL):
        return True
    # the first line of a file may end with a full stop (some feeds print titles that way)
    return first and line.words <= MAX_DOTTED_TITLE_WORDS and not _SENTENCE_BREAK.search(line.text)


def is_byline(line: Line) -> bool:
    """A short name-like line: "Colin Stevens", "By Jane Doe", "Guest contributor"."""
    if line.words > MAX_BYLINE_WORDS or line.text.endswith(_TERMINAL):
        return False
    words = _BY.sub("", line.text).split()
    return bool(words) and words[0][0].isupper() and not any(ch.isdigit() for ch in line.text)


def is_body(line: Line) -> bool:
    return line.words >= MIN_BODY_WORDS or line.text.endswith((".", "!", "?", "\u201d", '"'))


def is_paragraph(line: Line) -> bool:
    """A line of body text: closed by a sentence's end and long enough, or holding two sentences; a
    photo caption closed by its credit in brackets is none."""
    return (line.text.endswith((".", "!", "?", "\u201d", '"')) and line.words >= MIN_PARAGRAPH_WORDS
            or line.words >= MIN_BODY_WORDS and _SENTENCE_BREAK.search(line.text) is not None)


def is_bare_byline(line: Line) -> bool:
    """ "By Trend", "By Dana Omarova", "Web Desk", "Astana Times": a byline, never a title."""
    words = line.text.split()
    if _BY.match(line.text):
        return 2 <= len(words) <= MAX_BYLINE_WORDS and all(w[0].isupper() for w in words[1:])
    return len(words) <= 2 and words[-1].casefold() in resources.newsroom_words()


def is_title_line(line: Line, *, first: bool = False) -> bool:
    """A headline: a heading that is no date line, no empty date label and no byline."""
    return (is_heading(line, first=first) and not is_bare_byline(line)
            and date_line(line.text) is None and not is_date_label(line.text))


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:, (?P<region>(?:[A-Z][a-z]{0,4}\.){1,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?"  # "Va.", "N.D.", "Kazakhstan"
    r"(?:, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    r"(?: ?\((?P<agency>[^)]{2,40})\))?\s*[-\u2013\u2014]+\s")


def dateline_prefix(text: str) -> re.Match | None:
    """ "ALMATY, March 3 (Reuters) - ", "DALLAS (AP) — " or "WINCHESTER, Va. (Nov. 14, 2012) --"
    opening a story's first paragraph."""
    m = _DATELINE.match(text)
    # a region after the city is a state's abbreviation ("WINCHESTER, Va.") or a country's name
    if m and m["region"] and not m["region"].endswith(".") and m["region"] not in resources.country_names():
        return None
    if m and m["place"] in CAPTION_PREFIXES:
        return None  # "FILE - Kazakh opposition leader ...": a photo caption, no dateline
    # a place alone needs capitals and a dash: "NUR-SULTAN – The fund said ..."
    return m if m and (m["date"] or m["agency"] or len(m["place"]) >= 3) else None


@dataclass
class Header:
    """Where a story's header lies in the content lines."""

    start: int  # its first line: the title, or a date line above it
    title: int
    body: int  # the first line of the body
    byline: int | None
    date: int | None


def _header_lines(lines: list[Line], k: int, *, first: bool, date_i: int | None) -> Header | None:
    """From the title at k: the lines up to the body (byline, date line, an empty date label and, under
    a page's first title, at most MAX_EXTRA_HEADINGS standfirsts, subtitles or captions), then the body."""
    byline_i, extras, j = None, 0, k + 1
    for _ in range(MAX_HEADER_LINES):
        if j >= len(lines):
            return None
        ln = lines[j]
        if date_i is None and date_line(ln.text):
            date_i = j
            byline_i = j if byline_i is None and dated_byline(ln.text) else byline_i
        elif byline_i is None and is_byline(ln):
            byline_i = j
        elif is_body(ln):
            break
        elif is_date_label(ln.text) or first and extras < MAX_EXTRA_HEADINGS and is_heading(ln):
            extras += 1
        else:
            break
        j += 1
    if j >= len(lines) or not is_body(lines[j]):
        return None
    return Header(k, k, j, byline_i, date_i)


def _header_at(lines: list[Line], i: int, *, first: bool, after_marker: bool) -> Header | None:
    """If lines[i] opens an article (a title, or a date line and then a title), where its header lies."""
    k, date_i = i, None
    if date_line(lines[i].text):  # a page or story that opens with its date line
        k, date_i = i + 1, i
    if k >= len(lines) or not is_title_line(lines[k], first=first and k == i):
        return None
    found = _header_lines(lines, k, first=first, date_i=date_i)
    if found is None or not first and not after_marker and found.byline is None and found.date is None:
        return None
    found.start = i
    return found


def header_published(lines: list[Line], start: int, stop: int, title: int | None) -> str | None:
    """The date an article's header states: its first date line, or the dateline opening its first
    paragraph (a year-less one with the date line's year); None when the header states none."""
    above = None
    for n in range(start, min(stop, start + MAX_HEADER_LINES + 2)):
        value = date_line(lines[n].text)
        if value:
            above = above or value
        elif n != title and is_paragraph(lines[n]):
            return dateline_date(lines[n].text, above) or above
    return above


_BYLINE_LABEL = re.compile(r"(?:by|written by|reporting by|authors?|text|words|story)\s*:?\s+", re.I)
_CREDITS_AFTER = re.compile(r"\s*[,;|]\s*(?:photos?|images?|video|pictures?|illustrations?)\b", re.I)
def byline_person(byline: str) -> str | None:
    """The person a byline names: "By Dana Omarova", "Dana Omarova, Kazinform correspondent", "Author:
    ...", "Text: X, photo: Y" give X; an outlet or a desk gives none: one word ("By Trend"), an acronym
    ("By VOA News"), a newsroom word ("Web Desk", "By Staff Reporter"), a lower-case role."""
    dated = dated_byline(byline)
    text = dated[0] if dated else byline.strip()
    label = _BYLINE_LABEL.match(text)
    text = text[label.end():] if label else text
    credits = _CREDITS_AFTER.search(text)
    name = (text[:credits.start()] if credits else text).split(",")[0].strip(" .;:|")
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.casefold() in resources.newsroom_words() for w in words):
        return None
    if not all(w[0].isupper() and not (len(w) > 1 and w.isupper()) or w in NAME_PARTICLES for w in words):
        return None
    return name


def find_author(text: str, byline: str | None) -> str | None:
    """The article's author: "writes NAME" in the body beats the byline's person."""
    m = _WRITES.search(text[:AUTHOR_WINDOW])
    if m:
        return m.group(1).rstrip(".,")
    return byline_person(byline) if byline else None


def find_articles(text: str) -> list[Article]:
    """Split a file's text into articles; a plain article gives one Article."""
    lines = split_lines(text)
    is_furn = [is_furniture(ln) for ln in lines]  # each line asked once
    furniture = [(ln.start, ln.end) for ln, furn in zip(lines, is_furn) if furn]
    content = [ln for ln, furn in zip(lines, is_furn) if not furn]
    # a listed furniture line ("Continue Reading", "Share") may end one story and start the next
    marker_before = set()
    prev_marker = False
    idx = 0
    for ln, furn in zip(lines, is_furn):
        if furn:
            prev_marker = prev_marker or is_listed_furniture(ln)
            continue
        if prev_marker:
            marker_before.add(idx)
        prev_marker = False
        idx += 1
    if not content:
        return []
    heads: list[Header] = []
    told = True  # a story has body text before the next one starts
    i = 0
    while i < len(content):
        found = _header_at(content, i, first=not heads, after_marker=i in marker_before)
        if found and told and (heads or i == 0 or i in marker_before):
            heads.append(found)
            i = found.body + 1
            told = is_paragraph(content[found.body])
            continue
        told = told or bool(heads) and is_paragraph(content[i])
        i += 1
    if not heads or heads[0].start != 0:
        heads.insert(0, Header(0, 0, -1, None, None))  # leading text with no heading: an untitled article
    return [_article(text, content, furniture, heads, n) for n in range(len(heads))]


def _article(text: str, content: list[Line], furniture: list[tuple[int, int]], heads: list[Header], n: int) -> Article:
    """The n-th article: from its header's first line to the line before the next header."""
    head = heads[n]
    last_i = heads[n + 1].start - 1 if n + 1 < len(heads) else len(content) - 1
    start, end = content[head.start].start, content[last_i].end
    has_title = head.body != -1
    byline = content[head.byline].text if head.byline is not None else None
    body_start = content[head.body].start if has_title else start
    first_body = content[head.body] if has_title else content[head.start]
    prefix = dateline_prefix(first_body.text)
    return Article(
        index=n, start=start, end=end,
        title=content[head.title].text.rstrip(". ") if has_title else None,
        title_start=content[head.title].start if has_title else None,
        byline=byline,
        author=find_author(text[body_start:end], byline),
        published=header_published(content, head.start, last_i + 1, head.title if has_title else None),
        furniture=[f for f in furniture if start <= f[0] < end],
        dateline_place=(first_body.start, first_body.start + len(prefix["place"])) if prefix else None,
    )


def mark_line_starts(doc: Doc) -> None:
    """Make every line start a sentence start, so titles and bylines never join body text: a
    token that is not white space right after a white-space token holding a line break. (A
    token's own trailing white space is at most one " ", never a line break.)"""
    # set in one go: Token.is_sent_start's setter scans the whole Doc each time (quadratic on many lines)
    starts = doc.to_array([SENT_START])
    spaces = doc.to_array(IS_SPACE)
    for i in spaces[:-1].nonzero()[0].tolist():  # only the white-space tokens are read
        if not spaces[i + 1] and "\n" in doc[i].text:
            starts[i + 1] = 1
    doc.from_array([SENT_START], starts)


class ArticleSplitter(KzComponent):
    """spaCy component: `doc._.kz_articles`, and sentence starts at line starts."""

    extension = "kz_articles"
    resources = ("furniture.txt", "newsroom_words.txt", "numbers.tsv")
    needs_parse = False

    def __init__(self, name: str = "kz_articles") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Article]:
        articles = find_articles(doc_text(doc))
        if not doc.has_annotation("DEP") and not doc.has_annotation("SENT_START"):
            mark_line_starts(doc)
        return articles

    def fallback(self, doc: Doc) -> list[Article]:
        """The whole text as one untitled article, so the other components still find its facts."""
        text = doc_text(doc)
        return [Article(index=0, start=0, end=len(text))] if text.strip() else []
