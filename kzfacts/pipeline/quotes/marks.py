"""Quotation marks: quotes found on the raw text, paired by type on each paragraph, never raising on
stray or unbalanced marks; a paragraph that opens with a mark and leaves it open continues into the
next that opens with one; indented paragraphs after "X writes:" are quotes too."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ... import resources
from ..support.text import doc_text, split_lines

OPENERS = {"\u201c": "double", "\u00ab": "double", "\u201e": "double", "\u2018": "single"}


SPEAKER_WORDS = {"i", "i'm", "i've", "i'll", "i'd", "me", "my", "we", "we're", "we've", "we'll", "us", "our",
                 "you", "you're", "your"}


@dataclass
class RawQuote:
    """A quotation found on the text: content bounds, outer bounds (with marks), paragraph."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_end: bool = False
    opens_paragraph: bool = False
    mark: str = "\u201c"


# every mark `_is_opener` or `_is_closer` can say yes to
_MARKS = re.compile("[\u201c\u00ab\u201e\u2018\"\u201d\u00bb\u2019]")


def _is_opener(text: str, i: int) -> str | None:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENERS:
        if ch == "\u2018" and not (prev.isspace() or prev in "(\u201c\"[\u2014-") :
            return None
        return OPENERS[ch]
    if ch == '"' and (prev.isspace() or prev in "([{\u2014\u2013-:/") and not nxt.isspace():
        return "double"
    return None


def _is_closer(text: str, i: int, kind: str) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if kind == "double":
        return ch in ("\u201d", "\u00bb", '"') or ch == "\u201c" and not nxt.isalnum()
    # a single closer is not an apostrophe: "country’s" and "don’t" keep their letter after
    return ch == "\u2019" and not prev.isspace() and not nxt.isalpha()


def _nests(s: str, i: int, kind: str, depth: int) -> bool:
    """A curly opening mark inside an open curly quote, with a closing mark left for it and one
    for the outer quote: an inner quote (a stray mark with no closer of its own nests nothing)."""
    if kind != "double" or s[i] not in ("\u201c", "\u00ab") or _is_closer(s, i, kind) or not _is_opener(s, i):
        return False
    closers = s.count("\u201d", i + 1) + s.count("\u00bb", i + 1)
    return closers >= depth + 2


SENTENCE_END = re.compile(r"[.!?][\u201d\u2019\")]*\s+(?=[A-Z\u201c\"])")


def _lost_opening(s: str, i: int, closed: int) -> int | None:
    """Where a quote starts whose opening mark was lost in scraping ("Trade must grow,” the Prime
    Minister said."): a curly closing mark that ends speech (after , . ! or ?) with no quote
    open; the quote runs from the paragraph's start, or, after an earlier quote in the paragraph,
    from its own sentence's start (never from that quote's closing mark)."""
    if s[i] not in ("\u201d", "\u00bb") or i < 2 or s[i - 1] not in ",.!?\u2026" or s[i + 1:i + 2].strip():
        return None
    start = closed
    if closed:
        ends = list(SENTENCE_END.finditer(s, closed, i))
        if not ends:
            return None
        start = ends[-1].end()
    return start if len(s[start:i].split()) >= 3 else None


def find_raw_quotes(text: str) -> list[RawQuote]:
    """Quotations on the text, paragraph by paragraph; never raises."""
    found: list[RawQuote] = []
    for line in split_lines(text):
        s = line.text
        open_kind: str | None = None
        open_at = depth = 0
        closed = 0  # where the last quote of the paragraph ended: a lost opening mark never reaches back past it
        for m in _MARKS.finditer(s):  # only a mark can open or close: the other characters are skipped
            i = m.start()
            if open_kind is None and (lost := _lost_opening(s, i, closed)) is not None:
                found.append(RawQuote(line.start + lost, line.start + i, line.start + lost, line.start + i + 1,
                                      opens_paragraph=lost == 0, mark=""))
                closed = i + 1
                continue
            if open_kind is not None:
                if _nests(s, i, open_kind, depth):
                    depth += 1  # “... the site “Vybory” lists ...”: a quote inside the quote
                    continue
                if depth and _is_closer(s, i, open_kind):
                    depth -= 1
                    continue
                if _is_closer(s, i, open_kind) and i > open_at + 1:
                    found.append(RawQuote(line.start + open_at + 1, line.start + i, line.start + open_at,
                                          line.start + i + 1, opens_paragraph=open_at == 0, mark=s[open_at]))
                    open_kind, closed = None, i + 1
                    continue
                if open_kind != "single" or m.group() not in ("\u201c", '"'):
                    continue
                open_kind = None  # a stray single mark: the double mark matters more, and may open here
            kind = _is_opener(s, i)
            if kind:
                open_kind, open_at = kind, i
        if open_kind is not None and len(s) - open_at > 2:
            found.append(RawQuote(line.start + open_at + 1, line.end, line.start + open_at, line.end,
                                  open_end=True, opens_paragraph=open_at == 0, mark=s[open_at]))
    return _join_paragraphs(text, found)


def indented_quotes(doc: Doc, quotes: list[RawQuote]) -> list[RawQuote]:
    """ "Blogger Aigerim writes:" and then indented paragraphs without marks: a quoted post.

    Only after a line that ends with a reporting verb and a colon, so an indented list or a
    table is never taken for speech."""
    text = doc_text(doc)
    lines = split_lines(text)
    marked = {q.outer_start for q in quotes}
    found: list[RawQuote] = []
    k = 0
    while k < len(lines) - 1:
        intro, k = lines[k], k + 1
        if not intro.text.endswith(":") or not _indented(text, lines[k].start) or lines[k].start in marked:
            continue
        words = intro.text[:-1].split()
        if not words or intro.text[-2:-1].isspace():
            continue  # a colon alone on its line, or after a space ("writes :"): no verb right before it
        verb = doc.char_span(intro.end - 1 - len(words[-1]), intro.end - 1, alignment_mode="expand")
        if verb is None or not len(verb) or verb[-1].lemma_.lower() not in resources.reporting_verbs():
            continue
        first = last = lines[k]
        while k + 1 < len(lines) and _indented(text, lines[k + 1].start) and lines[k + 1].start not in marked:
            k += 1
            last = lines[k]
        found.append(RawQuote(first.start, last.end, first.start, last.end, opens_paragraph=True, mark="indent"))
    return found


def _indented(text: str, line_start: int) -> bool:
    """A line whose first word comes after two spaces or a tab."""
    head = text[text.rfind("\n", 0, line_start) + 1:line_start]
    return head.startswith("\t") or len(head) >= 2


def _join_paragraphs(text: str, quotes: list[RawQuote]) -> list[RawQuote]:
    """A paragraph that opens a quote and leaves it open continues into the next one that opens one
    with the same mark, or into one that lost its opening mark and only closes; a paragraph opening
    with another mark (“ inside a block quoted with ") is a quote of its own, quoted inside the block."""
    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (prev and prev.open_end and prev.opens_paragraph and q.opens_paragraph and q.mark in (prev.mark, "")
                and not text[prev.outer_end:q.outer_start].strip()):
            prev.end, prev.outer_end, prev.open_end = q.end, q.outer_end, q.open_end
            continue
        out.append(q)
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Quote bounds without surrounding space and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def is_name_like(quoted: str) -> bool:
    """ "Dialogue Platform for the Human Dimension": a quoted name or title, not speech.

    American style puts a closing full stop or comma inside the marks even after a name
    (a group called “Indian Americans for Hillary 2008.”), so one is allowed after two words or more.
    """
    words = quoted.split()
    if len(words) >= 2 and quoted.rstrip()[-1:] in ".," and quoted.rstrip()[-2:-1] not in ".,":
        quoted = quoted.rstrip()[:-1]
        words = quoted.split()
    if not words or quoted.rstrip()[-1:] in ".!?,":
        return False
    if any(w.lower().replace("\u2019", "'") in SPEAKER_WORDS for w in words):
        return False  # "I'm the Worst Thing That Ever Happened": a headline-case quote is still speech
    small = {"of", "for", "the", "and", "on", "in", "to", "a", "an", "at", "by", "with", "&"}
    return len(words) <= 12 and all(w[0].isupper() or w.lower() in small or not w[0].isalpha() for w in words)


def end_before(text: str, offset: int) -> int:
    """Where the text before `offset` ends once trailing white space is left out:
    `len(text[:offset].rstrip())` without copying the text for every quote."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def is_partial(text: str, q: RawQuote) -> bool:
    """A fragment inside the writer's sentence ("has said that “meaningful progress” has been made")."""
    end = end_before(text, q.outer_start)
    prev = text[end - 1] if end else ""
    first = text[q.start:q.end].lstrip()[:1]
    return bool(prev and (prev.isalnum() or prev in ")\u2019'")) or (first.islower() and prev not in (":",))
