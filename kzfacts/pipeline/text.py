"""Text and offset helpers every component shares: non-blank lines, and the article at an offset."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .facts import Article


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
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
