"""Text and offset helpers every component shares: non-blank lines, the article at an offset, the
Doc's text read once, and its sentences' bounds by token."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..facts import Article

# a photo caption's or a live page's word before a spaced dash ("FILE - ..."): no name, no dateline
CAPTION_PREFIXES = frozenset({"FILE", "PHOTO", "VIDEO", "UPDATE", "WATCH", "GRAPHIC"})
# the lower-case words inside a person's name ("Ursula von der Leyen", "Abdullah bin Zayed")
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "del", "da", "di", "bin", "al", "el", "la", "le", "ibn"})

if TYPE_CHECKING:
    from spacy.tokens import Doc

# where doc_text keeps a Doc's text: shaped as a Doc extension's value, so Doc.from_docs leaves it
# behind (warning W101, which api filters) and a joined Doc reads its own text afresh
_TEXT_KEY = ("._.", "kz_text", None, None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per Doc: spaCy builds it afresh on every access
    (a string per token), and every component reads it. Kept in `doc.user_data` with the token
    count it was read at, so it lives and dies with its Doc."""
    kept = doc.user_data.get(_TEXT_KEY)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Record `text` as the Doc's text when the Doc was made from it (the tokenizer keeps every
    character, so `doc.text == text`); checked on its length, which costs nothing."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) or not len(doc) and not text:
        doc.user_data[_TEXT_KEY] = (len(doc), text)


def sentence_ends(doc: Doc) -> list[int]:
    """For every token, the end (token index) of its sentence: `doc[i].sent.end` for all i from one
    pass over `doc.sents` (each `Token.sent` looks the sentence up afresh, a few microseconds)."""
    if doc.user_hooks or doc.user_span_hooks:  # sentences someone else defines: ask each token
        return [tok.sent.end for tok in doc]
    ends: list[int] = []
    for sent in doc.sents:
        ends.extend([sent.end] * (sent.end - sent.start))
    return ends


def sentence_starts(doc: Doc) -> list[int]:
    """For every token, the start (token index) of its sentence: `doc[i].sent.start` for all i."""
    if doc.user_hooks or doc.user_span_hooks:
        return [tok.sent.start for tok in doc]
    starts: list[int] = []
    for sent in doc.sents:
        starts.extend([sent.start] * (sent.end - sent.start))
    return starts


@dataclass
class Line:
    start: int
    end: int
    text: str

    @cached_property
    def words(self) -> int:  # asked of each line by several rules: counted once
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets, surrounding white space left out."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = m.start() + lead
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


def article_at(articles: list[Article], offset: int) -> Article | None:
    """The article holding a character offset, or None (furniture, text between articles)."""
    k = bisect.bisect_right(articles, offset, key=lambda a: a.start) - 1
    if k < 0 or offset >= articles[k].end:
        return None
    art = articles[k]
    return None if any(s <= offset < e for s, e in art.furniture) else art


def longest_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans, the longest kept (the earlier of equal ones), in order."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)
