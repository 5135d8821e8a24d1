"""Numbers as written: number words and numerals ("forty-four", "65th", "1,234.5"), ranges in one
token ("5.5%-7.5"), fractions, phone numbers (no figures), and the tokens a figure can start at."""
from __future__ import annotations

import re
from itertools import compress

from spacy.tokens import Doc

from ... import resources
from ..support.tokens import looked_up, tokens_of

_NUMERIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")


_RANGE_TOKEN = re.compile(r"^(?P<a>\d[\d,]*(?:\.\d+)?)(?P<pct>%?)[-\u2013](?P<b>\d[\d,]*(?:\.\d+)?)$")  # "5.5%-7.5"


def word_value(text: str) -> tuple[float, str] | None:
    """Value and type of a number word or numeral: "six" (6, cardinal), "65th" (65, ordinal)."""
    low = text.lower().replace("\u2013", "-")
    if _NUMERIC.match(low):
        return float(low.replace(",", "")), "cardinal"
    m = _ORDINAL.match(low)
    if m:
        return float(m.group(1)), "ordinal"
    if low in resources.numbers():
        return resources.numbers()[low]
    if "-" in low:  # "forty-four"
        parts = low.split("-")
        vals = [resources.numbers().get(p) for p in parts]
        if len(parts) == 2 and all(v and v[1] in ("cardinal", "ordinal") for v in vals):
            return vals[0][0] + vals[1][0], vals[1][1]
    return None


def joined_range(text: str) -> re.Match | None:
    """ "5.5%-7.5" as one token; not "555-1234" (a phone number) nor "2019-2020" (years)."""
    m = _RANGE_TOKEN.match(text)
    if not m or YEAR.match(m["a"]):
        return None
    a, b = float(m["a"].replace(",", "")), float(m["b"].replace(",", ""))
    if b <= a or re.fullmatch(r"\d{3}-\d{4}", text):
        return None
    return m


_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,4}(?![\w.])")


FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}


# in every _PHONE match: the end of one group of digits, a separator and the start of the next
_PHONE_HINT = re.compile(r"\d\d[\s.-]\d\d")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers ("+7 727 123 4567"): groups of digits that count nothing."""
    if not _PHONE_HINT.search(text):
        return []  # most texts: one quick scan instead of trying _PHONE at every character
    spans = []
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        groups = re.split(r"[\s.()+-]+", m.group().strip("+"))
        # "1,234 567" is no phone; one with 7+ digits in 3+ groups, or a leading +, is
        if digits >= 7 and (m.group().startswith("+") or len([g for g in groups if g]) >= 3) and "," not in m.group():
            spans.append(m.span())
    return spans


FRACTION_STARTS = ("a", "an", "one", "half")


_ORTH_CACHE_SIZE = 200_000  # distinct token texts remembered per process (then it starts afresh)


@resources.cached
def _could_start() -> dict[int, bool]:
    """Token text (its ORTH id) -> whether a figure or a fraction can start at a token of that text;
    filled as texts are met (numbers.tsv decides part of it, so it is cleared with the resources)."""
    return {}


def _starts_figure(text: str, low: str) -> bool:
    """What `find_figures` asks every token before it reads further: a fraction's first word, a
    hyphen, a number word, or a digit. A token with none of these starts nothing."""
    numbers = resources.numbers()
    return low in FRACTION_STARTS or "-" in text or low in numbers or any(ch.isdigit() for ch in text)


def number_candidates(doc: Doc) -> list[int]:
    """The tokens a figure or fraction can start at, in order: one dictionary look-up per token
    (by its text's id) instead of reading each token's strings."""
    known = _could_start()
    if len(known) > _ORTH_CACHE_SIZE:
        known.clear()
    vocab = doc.vocab
    could = looked_up(known, tokens_of(doc).orth, lambda orth: _starts_figure(vocab[orth].orth_, vocab[orth].lower_))
    return list(compress(range(len(could)), could))
