"""The dates a scraped page's header states: a date line ("12.05.2024, 09:41", "Published May 12,
2024", "By Dana Omarova in Business on 12 May 2024") and a dateline opening a story's first paragraph
("TASHKENT, May 12 (Reuters) -", "WINCHESTER, Va. (Nov. 14, 2012) --").

Both are read as a row of pieces, each matched by a short anchored pattern, in a loop bounded by the
line's length: a date (`dates.grammar.parse_absolute`: month names from the calendar, a dotted
day.month.year), a weekday, a clock time, a time zone, a view counter, a label (Published,
Updated ...) and separators. A line is a date line only when every piece is one of these and one of
them is a date with its year; so a headline that holds a date ("Remarks by X - June 3, 2021") is none.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from .dates.grammar import is_real_date, parse_absolute

MAX_DATE_LINE_CHARS = 120  # a longer line is text, not a page's date stamp
MAX_PREFIX_CHARS = 90  # a dateline stands in the opening characters of its paragraph
MAX_PIECES = 24
MAX_BYLINE_NAME_WORDS = 5

_WEEKDAY_NAMES = sorted({n.lower() for n in (*calendar.day_name, *calendar.day_abbr)}, key=len, reverse=True)
_LABEL = re.compile(r"(?:last\s+)?(?:published|updated|posted|modified|released|date)(?:\s+(?:on|at|date))?\s*:?"
                    r"(?![\w])", re.I)
_WEEKDAY = re.compile(r"(?:" + "|".join(_WEEKDAY_NAMES) + r")\.?(?![\w])", re.I)
_TIME = re.compile(r"(?:at\s+)?[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?(?![\w]))?(?![\d:])", re.I)
_ZONE = re.compile(r"\(?(?:UTC|GMT)(?:\s?[+\u2212-]\s?\d{1,2}(?::?\d\d)?)?\)?(?![\w])|\((?:local time|[A-Z]{2,5})\)")
_VIEWS = re.compile(r"(?:views?|reads?|comments?)\s*:?\s*\d[\d,. ]{0,12}(?![\w])|"
                    r"\d[\d,. ]{0,12}(?:views?|reads?|comments?)(?![\w])", re.I)
_WORD = re.compile(r"(?:on|at)(?![\w])", re.I)
_SEP = re.compile(r"[\s|,;\u00b7\u2022/\u2013\u2014-]+")
_HAS_YEAR = re.compile(r"\d{4}|\d/\d{1,2}/\d\d")  # no date line without its year
_OTHER_PIECES = (_LABEL, _WEEKDAY, _TIME, _ZONE, _VIEWS, _WORD)
_BY = re.compile(r"by\s+", re.I)
_SECTION = re.compile(r"in\s+[A-Z][\w&'\u2019-]*(?:\s+[A-Z&][\w&'\u2019-]*){0,2}\s+")
_BAR = re.compile(r"\s*[|\u00b7\u2022]")  # "Dana Omarova | 12 May 2024"
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")
# a dateline ends at a dash: " - ", " -- ", " – ", " — "
_DASH = re.compile(r"\s(?:--?|\u2013|\u2014)\s")
_STOP = re.compile(r"\. (?=[A-Z\u201c\"])")  # or at a full stop: "BAKU, Azerbaijan, May 12. The bank ..."
_PLACE_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")
_PARENS = re.compile(r"\((?P<inner>[^()]{2,40})\)")
_PREFIX_SEP = re.compile(r"[\s,/.]+")


def date_at(text: str, pos: int) -> tuple[str, int] | None:
    """A date starting at `pos`: (ISO value, possibly "XXXX-MM-DD" without a year; end), or None."""
    parsed = parse_absolute(text[pos:pos + 40], anchor_year=None)
    if parsed is None or parsed[1] != "day" or not parsed[0]:
        return None
    return parsed[0], pos + parsed[2]


def _pieces(text: str, pos: int = 0) -> str | None:
    """The date of a row of date-line pieces from `pos` to the end of `text`, or None when some
    piece is none of them, or no piece (or more than one) is a date."""
    value = None
    for _ in range(MAX_PIECES):
        if pos >= len(text):
            return value
        sep = _SEP.match(text, pos)
        if sep:
            pos = sep.end()
            continue
        found = date_at(text, pos) if value is None else None
        if found:
            value, pos = found
            continue
        for rx in _OTHER_PIECES:
            m = rx.match(text, pos)
            if m and m.end() > pos:
                pos = m.end()
                break
        else:
            return None
    return None


def _full(value: str | None) -> str | None:
    return value if value and not value.startswith("X") else None


def dated_byline(text: str) -> tuple[str, str] | None:
    """ "By Dana Omarova in Business on 12 May 2024", "By VOA News September 02, 2016", and without
    "By" a name of two or three words before a bar or a dot ("Dana Omarova | 12 May 2024"): (the
    byline without its date, the date), or None."""
    by = _BY.match(text)
    if len(text) > MAX_DATE_LINE_CHARS:
        return None
    pos = by.end() if by else 0
    for n in range(MAX_BYLINE_NAME_WORDS):
        word = _NAME_WORD.match(text, pos)
        if not word or date_at(text, pos):
            return None
        pos = word.end()
        rest = text[pos:]
        if by:
            rest = rest.lstrip(" ,|")
            section = _SECTION.match(rest)
            rest = rest[section.end():] if section else rest
        elif not (1 <= n <= 2 and _BAR.match(rest)):
            rest = ""
        value = _full(_pieces(rest)) if rest else None
        if value:
            return text[:pos].strip(), value
        if pos < len(text) and text[pos] != " ":
            return None
        pos += 1
    return None


@lru_cache(maxsize=256)  # a header's lines are asked again for each line that may open it
def date_line(text: str) -> str | None:
    """The ISO date of a page's date line ("12.05.2024, 09:41", "Monday, 12 May 2024", "Updated:
    12 May 2024", "12 May 2024, 09:41 | 1,254 views", a dated byline), else None."""
    text = text.strip()
    if not text or len(text) > MAX_DATE_LINE_CHARS or not _HAS_YEAR.search(text):
        return None
    dated = dated_byline(text)
    if dated:
        return dated[1]
    return _full(_pieces(text))


def is_date_label(text: str) -> bool:
    """ "Last published date:", "Updated:": a date line's label whose date the page left empty."""
    text = text.strip()
    m = _LABEL.fullmatch(text) if len(text) <= 40 else None
    return bool(m) and text.endswith(":")


def _with_year(value: str, above: str | None) -> str | None:
    """A year-less "XXXX-MM-DD" takes the year of the date line above it, the year before when the day
    would fall after that date line's (a dateline is filed on or before the page's date)."""
    if not value.startswith("X"):
        return value
    if not above:
        return None
    ref = date.fromisoformat(above)
    month, day = int(value[5:7]), int(value[8:10])
    for year in (ref.year, ref.year - 1):
        if is_real_date(year, month, day) and date(year, month, day) <= ref:
            return f"{year}-{month:02d}-{day:02d}"
    return None


def _prefix_date(prefix: str) -> str | None:
    """The date among a dateline's pieces (places, an agency in brackets or capitals, a date), or None
    when a piece is something else or no place is named."""
    pos, value, places = 0, None, 0
    for _ in range(MAX_PIECES):
        if pos >= len(prefix):
            return value if places else None
        sep = _PREFIX_SEP.match(prefix, pos)
        if sep:
            pos = sep.end()
            continue
        found = date_at(prefix, pos) if value is None else None
        parens = _PARENS.match(prefix, pos)
        if found:
            value, pos = found
        elif parens:
            inner = parens["inner"].strip()
            dated = date_at(inner, 0)
            if dated and dated[1] == len(inner) and value is None:
                value = dated[0]
            pos = parens.end()
        elif (word := _PLACE_WORD.match(prefix, pos)) is not None:
            places += 1
            pos = word.end()
        else:
            return None
    return None


def dateline_date(text: str, above: str | None) -> str | None:
    """The date of a dateline opening a paragraph, ended by a dash or a full stop ("ALMATY/MAY 12 2024
    (Bulletin) —", "Washington, D.C., August 26, 2005 -", "January 12, 2021, Astana, Kazakhstan –",
    "BAKU, Azerbaijan, May 12. "), a year-less one taking its year from `above`, the date line above
    it; None without a dateline or its date."""
    head = text[:MAX_PREFIX_CHARS]
    if not head[:1].isupper() and not head[:1].isdigit():
        return None
    for end in (_DASH.search(head), _STOP.search(head)):
        value = _prefix_date(head[:end.start()]) if end else None
        if value:
            return _with_year(value, above)
    return None
