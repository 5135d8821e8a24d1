"""The title a reader is shown for an article: its own, else one made from its words or its input's name.

The record's `title` stays what the text gives (`null` for an article without a title line): a
made-up title in the data would pass for the author's. Only the views that show a title to a
reader (the terminal tables, the HTML pages and their index) call `shown_title`, so every one of
them names an untitled article the same way, and says the name was made:

1. the article's own `title`;
2. its first line, when that is short enough to read as a headline (at most `HEADLINE_CHARS`);
3. else its first sentence, cut at a word to at most `HEADLINE_CHARS` with an ellipsis;
4. with no text at hand (a page listed from an older run's counts), the input's file name:
   "kazakhstan_digest.txt" -> "Kazakhstan digest", "feed.jsonl#12" -> "Feed, line 12",
   "https://example.com/news/rate-cut.html" -> "Rate cut", "-" -> "Standard input".
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

HEADLINE_CHARS = 90  # longer than most headlines, short enough for one line of the index on a phone
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s")
MIN_SENTENCE = 20  # a full stop before this is an abbreviation or an initial ("Mr.", "U.S."), not a sentence end
NAME_ENDINGS = (".txt", ".html", ".htm", ".jsonl", ".json")


class ShownTitle(NamedTuple):
    text: str
    made_from: str | None  # None: the article's own title; else "first line", "first sentence" or "file name"


def shown_title(article: dict[str, Any], text: str | None, source: str) -> ShownTitle:
    """The title to show for `article` of the record from `source`, whose input text is `text` (or None)."""
    own = (article.get("title") or "").strip()
    if own:
        return ShownTitle(own, None)
    words = text[article["start"]:article["end"]] if text is not None else ""
    line = next((ln.strip() for ln in words.splitlines() if ln.strip()), "")
    if line:
        line = " ".join(line.split())
        if len(line) <= HEADLINE_CHARS:
            return ShownTitle(line.rstrip(". "), "first line")
        return ShownTitle(first_sentence(line), "first sentence")
    return ShownTitle(name_title(source), "file name")


def first_sentence(line: str) -> str:
    """The line's first sentence, without its full stop, cut at a word to `HEADLINE_CHARS` ("...…")."""
    end = next((m.start() for m in SENTENCE_END.finditer(line) if m.start() >= MIN_SENTENCE), len(line))
    sentence = line[:end].rstrip(". ")
    if len(sentence) <= HEADLINE_CHARS:
        return sentence
    cut = sentence[:HEADLINE_CHARS].rsplit(" ", 1)[0] if " " in sentence[:HEADLINE_CHARS] else sentence[:HEADLINE_CHARS]
    return cut.rstrip(" ,;:\u2013\u2014-") + "\u2026"


def name_title(source: str) -> str:
    """A readable name from an input's name: the file's or URL path's last part, its ending, "_" and
    "-" dropped, capitalised; a JSON Lines line keeps its number. The source itself when nothing is left."""
    if source == "-":
        return "Standard input"
    name, line = source, ""
    if "://" in source:
        parts = urlsplit(source)
        name = next((p for p in reversed(unquote(parts.path).split("/")) if p), parts.hostname or source)
    else:
        if "#" in source:
            name, _, line = source.rpartition("#")
            line = line if line.isdigit() else ""
            name = name if line else source
        name = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    for ending in NAME_ENDINGS:
        if name.lower().endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    words = " ".join(re.sub(r"[_\-]+", " ", name).split())
    if not words:
        return source
    readable = words[0].upper() + words[1:]
    return f"{readable}, line {line}" if line else readable
