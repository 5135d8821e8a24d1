"""The date grammar: date expressions as text to ISO-8601 values at their granularity.

Pure functions with no spaCy: the forms news text uses (day month year, month day year, month
year, years, decades, quarters, lists, ranges, relative and weekday expressions); dateparser
(English only, cached, imported on first use) is the fallback for anything else once a
reference date is known.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache

from ... import resources

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = re.compile(r"(?:1[5-9]|20|21)\d\d")  # a year as news writes it, alone
_YEAR = r"(?P<{0}>" + YEAR.pattern + ")"
_ABSOLUTE = [
    ("day", re.compile(rf"{_DAY.format('d')}\s+(?:of\s+)?{_MONTH.format('m')},?\s*{_YEAR.format('y')}?", re.I)),
    ("day", re.compile(rf"{_MONTH.format('m')}\s+{_DAY.format('d')}(?!\d)(?:,?\s*{_YEAR.format('y')})?", re.I)),
    ("month", re.compile(rf"{_MONTH.format('m')},?\s+(?:of\s+)?{_YEAR.format('y')}", re.I)),
    ("day", re.compile(rf"{_YEAR.format('y')}-(?P<m>[01]\d)-(?P<d>[0-3]\d)")),
    ("day", re.compile(r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]?\d)")),  # 12.05.2024: day first
    ("day", re.compile(r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?!\d)")),
    ("quarter", re.compile(rf"(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<qw>first|second|third|fourth) quarter(?: of)?)"
                           rf"(?:,?\s+(?:of\s+)?{_YEAR.format('y')})?(?![\w-])", re.I)),
    ("half", re.compile(rf"(?:H(?P<h>[12])|(?:the\s+)?(?P<hw>first|second) half(?: of)?)"
                        rf"(?:,?\s+(?:of\s+)?{_YEAR.format('y')})?(?![\w-])", re.I)),
    ("decade", re.compile(r"(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d)0s", re.I)),
    ("year", re.compile(rf"(?:the\s+)?(?:early|mid|late|end|start)[\s-]+(?:of\s+)?{_YEAR.format('y')}(?!\d)", re.I)),
    ("month", re.compile(rf"{_MONTH.format('m')}(?![\w])", re.I)),
    ("year", re.compile(rf"{_YEAR.format('y')}(?!\d)")),
]
# a number of 4+ digits right after a day or month that the year pattern did not take: a year
# outside the grammar's 1500-2199 ("31 December 99999"), whose value is unknown, not the anchor's
_BEYOND_YEAR = re.compile(r",?\s*\d{4,}(?!\d)")
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
CALENDAR_UNITS = ("day", "week", "month", "quarter", "year", "decade", "century")
UNITS = {w: u for w, u in resources.time_units().items() if u in CALENDAR_UNITS}  # "weeks" -> "week"
_DATE_WORD = re.compile(
    r"\b(?:" + "|".join(list(MONTHS) + list(WEEKDAYS)) + r"|\w+days|today|tonight|yesterday|tomorrow|"
    r"days?|week|weeks|weekend|month|months|year|years|decade|decades|century|quarter|ago|"
    r"spring|summer|autumn|fall|winter)\b|\d{4}|\d0s\b|\d{1,2}/\d{1,2}/\d{2}",
    re.I,
)
_SET = re.compile(r"^(?:every|each|once|twice|thrice|\w+ times)\b|\b(?:per|a)\s+(?:day|week|month|year|quarter)$|"
                  r"^(?:mon|tues|wednes|thurs|fri|satur|sun)days\b", re.I)
_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|a few|"
          r"couple of|\d+(?:\.\d+)?|\w+-\w+|[a-z]+)")
# "seven-and-a-half years", "two and a half months": a count and a half
_AND_A_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
# a count of units, or a range from a cardinal ("two to five years", "between two and four weeks",
# "10-15 years"; "the fourth or fifth day" is a day)


@resources.cached
def _duration() -> re.Pattern:
    """The duration pattern, with the cardinals of `numbers.tsv` (read when first asked, not at
    import, and anew when a pipeline installs its own resources)."""
    cardinal = r"(?:\d+(?:\.\d+)?|" + "|".join(w for w, (_, kind) in resources.numbers().items() if kind == "cardinal") + ")"
    return re.compile(
        r"^(?:the\s+)?(?:(?:last|past|next|first|coming|previous|recent)\s+)?"
        r"(?:(?:almost|nearly|about|around|some|over|more than|at least|only|between|from)\s+)?"
        rf"(?:{cardinal}\s*(?:to|or|and|-|\u2013)\s*)?(?:{_COUNT}{_AND_A_HALF}?)?[\s-]*"
        r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)(?:\s+\w+)?$", re.I)


_AGO = re.compile(r"^(?:(?:almost|nearly|about|around|some|over|more than|only|just)\s+)?"
                  r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                  r"(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>ago|earlier|later|before|after)$", re.I)
_RELATIVE_UNIT = re.compile(r"^(?:(?:since|until|by|from|in)\s+)?(?:(?P<mod>earlier|later|early|late)\s+)?"
                            r"(?P<rel>this|last|next|past|coming|previous|the past|the last|the next)\s+"
                            r"(?P<u>week|weekend|month|year|quarter|decade)$", re.I)
_RELATIVE_MONTH = re.compile(r"^(?P<rel>this|last|next|early|late|earlier|later)\s+(?P<m>[a-z]+)$", re.I)
_DEICTIC = {"today": 0, "tonight": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
_LEADING = re.compile(r"^(?:the|on|in|since|from|by|until|till|of|at|during)\s+", re.I)
_TRAILING = re.compile(r"[\s,;:]+(?:and|or|to)?$", re.I)


_BOUND = re.compile(r"^(?:(?:no|not)\s+(?:later|earlier)\s+than|as\s+(?:early|late)\s+as|before|after|by|until|"
                    r"till|since)\s+(?P<rest>.+)$", re.I)
_PART_OF = re.compile(r"^(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close|turn|first half|second half|"
                      r"rest|remainder)\s+of\s+(?P<rest>.+)$", re.I)


_AGE = re.compile(r"^\S+[\s-](?:year|month|week|day)s?[\s-]old$", re.I)
_AGE_DECADE = re.compile(r"^(?:his|her|their|my|your|our|its)\s+(?:early\s+|mid[\s-]|late\s+)?'?\d0s$", re.I)
_SHORT_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\u2019|')?(?P<d>\d)0s$", re.I)
_CENTURY = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century$", re.I)
_CENTURY_WORD = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<w>[a-z]+)\s+century$", re.I)
# "the day", "that day", "on the same day", "the entire year", "this fiscal year": the period of the
# publication date the text refers back to (TimeML resolves such anaphora against the document date)
_THIS_PERIOD = re.compile(r"^(?:on\s+)?(?:the|that|this|the\s+very)\s+(?:(?:same|entire|whole|full|current)\s+)?"
                          r"(?:(?:fiscal|financial|calendar|business|trading)\s+)?(?P<u>day|week|month|quarter|year)$", re.I)
# "the same period last year", "the same month a year ago", "the year previous", "a year earlier":
# the matching period one year back; "period" says no more than the year
_YEAR_BACK = re.compile(r"^(?:(?:the\s+)?same\s+(?P<u>day|week|month|quarter|period|time)\s+"
                        r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+|in\s+)?the\s+(?:previous|prior)\s+year"
                        r"|of\s+last\s+year|the\s+year\s+before)"
                        r"|the\s+(?:previous|prior)\s+year|the\s+year\s+(?:previous|before|prior)"
                        r"|(?:a|one)\s+year\s+(?:earlier|before|previously))$", re.I)


@dataclass
class ParsedDate:
    value: str | None
    granularity: str | None
    relative: bool = False
    kind: str = "date"
    values: list[str] | None = None
    range_end: str | None = None


def _year_of(m: re.Match, anchor: date | None, month: int, day: int = 1, tense: str | None = None) -> str | None:
    """The year of a matched date: the one written, else chosen near the anchor ("XXXX" without
    one); None when no year near the anchor has that day ("29 February" anchored in 2022)."""
    y = m.groupdict().get("y")
    if y:
        return y if len(y) == 4 else f"20{y}" if int(y) < 50 else f"19{y}"
    if anchor is None:
        return "XXXX"
    years = [yr for yr in (anchor.year - 1, anchor.year, anchor.year + 1) if is_real_date(yr, month, day)]
    # a past-tense verb looks back from the anchor, a future one ahead; otherwise the nearest year
    if tense == "past":
        years = [yr for yr in years if date(yr, month, day) <= anchor]
        return str(max(years)) if years else None
    if tense == "future":
        years = [yr for yr in years if date(yr, month, day) >= anchor]
        return str(min(years)) if years else None
    return str(min(years, key=lambda yr: abs((date(yr, month, day) - anchor).days))) if years else None


def is_real_date(year: int | str, month: int, day: int) -> bool:
    """Whether the day exists: "31 April" never, "29 February" in leap years (any year, for "XXXX")."""
    year = 2000 if year == "XXXX" else int(year)  # 2000 is a leap year: an unknown year may be one
    return MINYEAR <= year <= MAXYEAR and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _day_value(m: re.Match, anchor: date | None, month: int, day: int, tense: str | None) -> str | None:
    """The ISO value of a matched day, or None when that day does not exist."""
    year = _year_of(m, anchor, month, day, tense)
    return f"{year}-{month:02d}-{day:02d}" if year is not None and is_real_date(year, month, day) else None


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_absolute(text: str, anchor_year: date | int | None, tense: str | None = None) -> tuple[str, str, int] | None:
    """Parse an absolute date at the start of `text`: (ISO value, granularity, characters used).

    The value is None for a day that does not exist ("31 April 2020", "2021-02-29") and for a
    year outside 1500-2199 ("31 December 99999")."""
    anchor = date(anchor_year, 6, 30) if isinstance(anchor_year, int) else anchor_year
    for gran, rx in _ABSOLUTE:
        m = rx.match(text)
        if not m:
            continue
        g = m.groupdict()
        if gran == "decade":
            return f"{g['dec']}X", "decade", m.end()
        if gran == "year":
            return g["y"], "year", m.end()
        if gran in ("quarter", "half"):
            # a quarter or half without its year is of the year around it (the article's, the reference's)
            year = g.get("y") or (str(anchor.year) if anchor else "XXXX")
            if gran == "quarter":
                return f"{year}-Q{g.get('q') or _QUARTER_WORDS[g['qw'].lower()]}", "quarter", m.end()
            return f"{year}-H{g.get('h') or _QUARTER_WORDS[g['hw'].lower()]}", "half", m.end()
        if "a" in g and g.get("a"):  # numeric m/d/y, US order unless impossible
            a, b = int(g["a"]), int(g["b"])
            month, day = (a, b) if a <= 12 else (b, a)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            return _day_value(m, anchor, month, day, tense), "day", m.end()
        month = int(g["m"]) if g["m"].isdigit() else MONTHS[g["m"].lower().rstrip(".")]
        if gran == "month":
            if not g.get("y") and len(g["m"]) < 3:
                continue
            if not g.get("y") and (beyond := _BEYOND_YEAR.match(text, m.end())):
                return None, "month", beyond.end()
            year = _year_of(m, anchor, month, 15, tense)
            return (f"{year}-{month:02d}" if year else None), "month", m.end()
        day = int(g["d"])
        if not 1 <= day <= 31 and not g["m"].isdigit():  # "2021-12-32" is a bad ISO day, "May 35" no day at all
            continue
        if not g.get("y") and (beyond := _BEYOND_YEAR.match(text, m.end())):
            return None, "day", beyond.end()
        return _day_value(m, anchor, month, day, tense), "day", m.end()
    return None


def _shift(ref: date, unit: str, n: int) -> tuple[str, str]:
    if unit == "day":
        return (ref + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        d = ref + timedelta(weeks=n)
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", "week"
    if unit == "month":
        idx = ref.year * 12 + ref.month - 1 + n
        return f"{idx // 12}-{idx % 12 + 1:02d}", "month"
    if unit == "quarter":
        idx = ref.year * 4 + (ref.month - 1) // 3 + n
        return f"{idx // 4}-Q{idx % 4 + 1}", "quarter"
    if unit == "decade":
        return f"{(ref.year // 10 + n)}X", "decade"
    return str(ref.year + n), "year"


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    value = resources.numbers().get(word)
    return int(value[0]) if value and value[1] == "cardinal" else None


def parse_period(text: str, reference: date | None) -> ParsedDate | None:
    """Anaphoric periods, resolved against the reference date: "the same day" (that day), "the
    entire year" (that year), "the same month a year ago" (that month, a year back)."""
    low = re.sub(r"\s+", " ", text.lower().strip())
    m = _THIS_PERIOD.match(low)
    if m:
        unit = m["u"]
        return ParsedDate(_shift(reference, unit, 0)[0] if reference else None, unit, True)
    m = _YEAR_BACK.match(low)
    if m:
        unit = {"period": "year", "time": "year", None: "year"}.get(m["u"], m["u"])
        if reference is None:
            return ParsedDate(None, unit, True)
        steps = {"day": None, "week": -52, "month": -12, "quarter": -4, "year": -1}[unit]
        if unit == "day":
            back = _safe_date(reference.year - 1, reference.month, reference.day)
            return ParsedDate(back.isoformat(), "day", True)
        return ParsedDate(_shift(reference, unit, steps)[0], unit, True)
    return None


def parse_decade_or_century(text: str, reference: date | None) -> ParsedDate | None:
    """ "the '70s", "the 80s" (197X, 198X; '00s to '20s take the century that is not in the future),
    "the 20th century", "the twentieth century" (19XX)."""
    m = _SHORT_DECADE.match(text.strip())
    if m:
        d = int(m["d"])
        century = 19 if d >= 3 or (reference and 2000 + d * 10 > reference.year) else 20
        return ParsedDate(f"{century}{d}X", "decade")
    m = _CENTURY.match(text.strip())
    n = int(m["n"]) if m else None
    if n is None:
        w = _CENTURY_WORD.match(text.strip())
        value = resources.numbers().get(w["w"].lower()) if w else None
        n = int(value[0]) if value and value[1] == "ordinal" else None
    if n is not None and 1 <= n <= 30:
        return ParsedDate(f"{n - 1:02d}XX", "century")
    return None


def parse_relative(text: str, reference: date | None, *, future: bool = False, tense: str | None = None) -> ParsedDate | None:
    """Relative expressions ("last year", "two weeks ago", "Tuesday"), resolved when a reference is
    known: the first of RELATIVE_READERS that takes the expression decides (None: no date)."""
    low = text.lower()
    if low in ("the year", "the month", "the week", "the quarter"):
        low = "this " + low[4:]
    for reader in RELATIVE_READERS:
        found = reader(low, reference, future, tense)
        if found is not NOT_MINE:
            return found
    return None


NOT_MINE = ParsedDate(None, "", False)  # a reader's answer when the expression is not of its kind


def deictic_day(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "today", "yesterday", "tomorrow"."""
    if low not in _DEICTIC:
        return NOT_MINE
    return ParsedDate(_shift(reference, "day", _DEICTIC[low])[0] if reference else None, "day", True)


def named_weekday(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "last Tuesday", "next Friday", "this Monday"."""
    m = re.match(r"^(last|next|this|coming|past)\s+(\w+)$", low)
    if not (m and m[2] in WEEKDAYS):
        return NOT_MINE
    if reference is None:
        return ParsedDate(None, "day", True)
    delta = (reference.weekday() - WEEKDAYS[m[2]]) % 7
    if m[1] in ("next", "coming"):
        d = reference + timedelta(days=(7 - delta) % 7 or 7)
    elif m[1] == "this":
        d = reference - timedelta(days=delta) if delta <= reference.weekday() else reference + timedelta(days=7 - delta)
    else:
        d = reference - timedelta(days=delta or 7)
    return ParsedDate(d.isoformat(), "day", True)


def bare_weekday(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "Friday": the nearest one in the reporting's direction: "will meet on Friday" written on a
    Friday is next week's, "met on Friday" written on a Friday is today's."""
    if low not in WEEKDAYS:
        return NOT_MINE
    if reference is None:
        return ParsedDate(None, "day", True)
    delta = (reference.weekday() - WEEKDAYS[low]) % 7
    d = reference + timedelta(days=(7 - delta) % 7 or 7) if future else reference - timedelta(days=delta)
    return ParsedDate(d.isoformat(), "day", True)


def counted_ago(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "two weeks ago" (from the reference); "three days later" (from an event the text names: no value)."""
    m = _AGO.match(low)
    if not m:
        return NOT_MINE
    n = _number(m["n"])
    unit = UNITS[m["u"]]
    if m["dir"] in ("later", "after", "earlier", "before"):
        return ParsedDate(None, unit, True)  # counted from an event the text names, not from today
    if unit == "week" and reference and n is not None:  # "a week ago" is a day: seven days back
        return ParsedDate(_shift(reference, "day", -7 * n)[0], "day", True)
    return ParsedDate(_shift(reference, unit, -n)[0] if reference and n is not None else None, unit, True)


def relative_unit(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "last year", "this month", "the coming week"."""
    m = _RELATIVE_UNIT.match(low)
    if not m:
        return NOT_MINE
    unit = UNITS[m["u"]]
    rel = m["rel"].replace("the ", "")
    step = {"this": 0, "coming": 1, "next": 1, "last": -1, "past": -1, "previous": -1}[rel]
    if m["mod"] and rel == "this":
        step = 0
    value, gran = _shift(reference, unit, step) if reference else (None, unit)
    return ParsedDate(value, gran, True)


def part_of_relative(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "late last July": the month of "last July"."""
    m = re.match(r"^(?:early|mid|late|earlier|later)[\s-]+((?:last|next|this)\s+[a-z]+)$", low)
    return parse_relative(m[1], reference, future=future, tense=tense) if m else NOT_MINE


def relative_month(low: str, reference: date | None, future: bool, tense: str | None) -> ParsedDate | None:
    """ "last July", "next March", "early December" (the month itself, its year chosen as for a bare
    month: the verb's tense)."""
    m = _RELATIVE_MONTH.match(low)
    if not (m and m["m"] in MONTHS):
        return NOT_MINE
    month = MONTHS[m["m"]]
    if reference is None:
        return ParsedDate(None, "month", True)
    if m["rel"] in ("early", "late", "earlier", "later"):
        whole = parse_absolute(m["m"], reference, tense)
        return ParsedDate(whole[0], whole[1], True) if whole else None
    year = reference.year
    if m["rel"] == "last" and month >= reference.month:
        year -= 1
    elif m["rel"] == "next" and month <= reference.month:
        year += 1
    return ParsedDate(f"{year}-{month:02d}", "month", True)


RELATIVE_READERS = (deictic_day, named_weekday, bare_weekday, counted_ago, relative_unit, part_of_relative,
                    relative_month)


@lru_cache(maxsize=4096)
def _dateparser(text: str, reference: date | None) -> tuple[str | None, str | None]:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    data = dateparser.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if not data or not data.date_obj:
        return None, None
    period = data.period or "day"
    d = data.date_obj.date()
    if period == "year":
        return str(d.year), "year"
    if period == "month":
        return f"{d.year}-{d.month:02d}", "month"
    if period == "week":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", "week"
    return d.isoformat(), "day"


def clean_date_text(text: str) -> tuple[int, int]:
    """Character bounds of a date span without leading prepositions and trailing "and"/commas."""
    start, end = 0, len(text.rstrip())
    while True:
        m = _LEADING.match(text[start:end])
        if not m or not re.search(r"\d|" + "|".join(MONTHS), text[start + m.end():end], re.I):
            break
        if text[start:start + m.end()].strip().lower() == "from" and re.search(r"\s(?:to|until|till|through)\s|[-\u2013]", text[start:end]):
            break  # "from 2009 to 2011" keeps its "from"
        if text[start:start + m.end()].strip().lower() == "the" and re.match(r"the\s+(?:early|mid|late|last|next|past|first)", text[start:end], re.I):
            break
        start += m.end()
    m = _TRAILING.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


# the year of an ISO value: four digits, unknown (XXXX), a decade (199X) or a century (19XX)
_CALENDAR_YEAR = re.compile(r"(?:\d{4}|XXXX|\d{3}X|\d\dXX)(?:-|$)")


def _in_calendar(value: str | None) -> str | None:
    """The value, or None when its year is not one of 0001-9999 ("10000" for "next year" in 9999)."""
    return value if value is None or _CALENDAR_YEAR.match(value) else None


def normalise_date(text: str, *, anchor: date | None = None, reference: date | None = None,
                   future: bool = False, tense: str | None = None) -> ParsedDate | None:
    """Value and kind of a date expression; None when it is not a date at all ("65th").

    A value that would fall outside the years 0001-9999 is None.
    """
    try:
        parsed = _normalise_date(text, anchor=anchor, reference=reference, future=future, tense=tense)
    except (OverflowError, ValueError):  # date arithmetic past year 1 or 9999 ("tomorrow" on 9999-12-31)
        return ParsedDate(None, None, relative=True)
    if parsed is not None:
        parsed.value, parsed.range_end = _in_calendar(parsed.value), _in_calendar(parsed.range_end)
        if parsed.values:
            parsed.values = [v for v in parsed.values if _in_calendar(v)] or None
    return parsed


def _normalise_date(text: str, *, anchor: date | None, reference: date | None,
                    future: bool, tense: str | None) -> ParsedDate | None:
    if not _DATE_WORD.search(text):
        return None
    text = re.sub(r"^(?:in|on|at|during|of|for)\s+", "", text.strip(), flags=re.I)
    low = text.lower().strip()
    if _AGE.match(low) or _AGE_DECADE.match(low):
        return None  # "22-year-old", "in her 80s": an age, not a date
    period = parse_decade_or_century(text, reference or anchor) or parse_period(text, reference)
    if period:
        return period
    if _SET.search(low):
        return ParsedDate(None, None, kind="set")
    listed = _parse_list(text, anchor)
    if listed:
        return listed
    ranged = _parse_range(text, anchor, reference)
    if ranged:
        return ranged
    bound = _BOUND.match(text)
    if bound:  # "no later than March 2023": the date that bounds it
        inner = normalise_date(bound["rest"], anchor=anchor, reference=reference, future=future, tense=tense)
        if inner and inner.value:
            return inner
    whole = parse_absolute(text, anchor, tense)
    if whole and whole[1] in ("quarter", "half") and whole[2] >= len(text.rstrip(". ")):
        return ParsedDate(whole[0], whole[1])  # "the first half of 2023" is 2023-H1, not the year it is part of
    part = _PART_OF.match(text)
    if part:  # "the end of 2025", "the start of the year": the period it is part of
        rest = re.sub(r"^the (year|month|week|quarter)$", r"this \1", part["rest"].strip(), flags=re.I)
        inner = normalise_date(rest, anchor=anchor, reference=reference, future=future, tense=tense)
        if inner and inner.value:
            return ParsedDate(inner.value, inner.granularity, inner.relative)
    whole = parse_absolute(text, anchor, tense) or parse_absolute(re.sub(r"^the\s+", "", text, flags=re.I), anchor, tense)
    if whole and whole[2] >= len(text.rstrip(". ")):
        return ParsedDate(whole[0], whole[1])
    rel = parse_relative(re.sub(r"^(?:the|since|until|by)\s+", "", low), reference, future=future, tense=tense)
    if rel:
        return rel
    if _duration().match(low) and not re.search(r"\b(ago|this|last year|next year)\b", low):
        return ParsedDate(None, None, relative=bool(re.search(r"\b(last|past|next|coming)\b", low)), kind="duration")
    if whole:
        return ParsedDate(whole[0], whole[1])
    if reference is not None and not re.search(r"\d", text):
        # dateparser only for worded expressions: numbers are this module's grammar, and dateparser
        # fills what it cannot read from the reference date ("in the 1980s" -> the reference day)
        value, gran = _dateparser(text, reference)
        if value:
            return ParsedDate(value, gran, relative=not re.search(r"\d{4}", text))
    return ParsedDate(None, None, relative=bool(re.search(r"\b(last|this|next|ago|earlier|later|today)\b", low)))


_RANGE = re.compile(r"^(?:(?P<lead>between|from)\s+)?(?P<a>.+?)\s*(?:(?P<and>\band\b)|\bto\b|\buntil\b|\btill\b|"
                    r"\bthrough\b|-|\u2013)\s*(?P<b>.+)$", re.I)


def _parse_range(text: str, anchor: date | None, reference: date | None) -> ParsedDate | None:
    """ "from 2009 to 2011", "between 2014 and 2016", "May to July 2021": start value, `range_end`."""
    m = _RANGE.match(text)
    if not m or (m["and"] and (m["lead"] or "").lower() != "between"):
        return None
    start_p = normalise_date(m["a"], anchor=anchor, reference=reference)
    end_p = normalise_date(m["b"], anchor=anchor, reference=reference)
    if not (start_p and end_p and start_p.value and end_p.value):
        return None
    value = start_p.value
    if value.startswith("XXXX") and not end_p.value.startswith("XXXX"):
        value = end_p.value[:4] + value[4:]  # "May to July 2021": the year closes the range
    return ParsedDate(value, start_p.granularity, start_p.relative, "range", range_end=end_p.value)


def _parse_list(text: str, anchor: date | None) -> ParsedDate | None:
    """ "May, June and July of 2021" -> 2021-05 with every month listed."""
    m = re.match(r"^((?:[A-Za-z]+\.?,?\s+)+(?:and|or|to)\s+[A-Za-z]+)(?:,?\s+(?:of\s+)?((?:1[5-9]|20)\d\d))?$", text)
    if not m:
        return None
    words = [w.strip(",.").lower() for w in re.split(r"[\s,]+", m.group(1)) if w.strip(",.").lower() not in ("and", "or", "to", "")]
    if not words or not all(w in MONTHS for w in words) or len(words) < 2:
        return None
    values = []
    for w in words:
        parsed = parse_absolute(f"{w} {m.group(2)}" if m.group(2) else w, anchor)
        if not parsed:
            return None
        values.append(parsed[0])
    kind = "range" if " to " in m.group(1) else "list"
    return ParsedDate(values[0], "month", kind=kind, values=values, range_end=values[-1] if kind == "range" else None)


def iso_date(value: str | None) -> date | None:
    """The date of an ISO day or month value (a month's 15th); None for anything else or no such day."""
    try:
        if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return date.fromisoformat(value)
        if value and re.fullmatch(r"\d{4}-\d\d", value):
            return date(int(value[:4]), int(value[5:]), 15)
    except ValueError:
        return None
    return None


def parse_reference_date(value: str | None) -> date | None:
    """A `--reference-date` value as a date; raises ValueError if it is not YYYY-MM-DD."""
    return date.fromisoformat(value) if value else None


