"""A figure read at a token: [qualifier] [currency symbol] number [scale] [currency word | percent]
[counted noun or unit [per X]], or a fraction ("two-thirds"). Years, identifiers ("Article 130",
"Boeing 737-800") and model numbers are no figures."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ... import resources
from ..facts import Figure
from ..support.text import doc_text
from ..support.tokens import tokens_of
from .currency import currency_at, currency_before, currency_of, set_currency
from .numbers import FRACTIONS, YEAR, joined_range, word_value
from .units import NOT_A_FIGURE, UNIT_READERS, Reading, qualifier_before

_COMPACT = re.compile(r"^(?P<sym>[^\d\s]{0,3})(?P<num>\d+(?:[.,]\d+)*)(?P<scale>bn|m|mn|k|tn|b)?(?P<unit>[a-z%]{0,3})$", re.I)


_FOLD = re.compile(r"^(?:fold|times)$", re.I)


_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # "22.000": thousands marked with a dot


def is_number_token(token: Token) -> bool:
    text = token.text
    if not any(ch.isdigit() for ch in text) and token.lower_ not in resources.numbers() and "-" not in text:
        return False  # the common case, decided without a regular expression
    if joined_range(text):
        return True
    v = word_value(token.text)
    if token.lower_ == "second" and token.i + 2 < len(token.doc) and token.nbor(1).text == "-" and token.nbor(2).tag_ == "JJS":
        return True  # "the second-biggest": a rank, where "second" alone is mostly time or order
    return v is not None and v[1] in ("cardinal", "ordinal", "multiplier") and token.lower_ not in ("half", "second", "dozen") or bool(_COMPACT.match(token.text) and any(c.isdigit() for c in token.text) and _compact(token.text))


def _compact(text: str) -> tuple[float, str | None, str | None] | None:
    """ "$15bn" -> (15e9, "$", None); "500km" -> (500, None, "km")."""
    m = _COMPACT.match(text)
    if not m or not (m["sym"] or m["scale"] or m["unit"]):
        return None
    num = m["num"].replace(",", "")
    try:
        value = float(num)
    except ValueError:
        return None
    if m["scale"]:
        value *= resources.numbers()[m["scale"].lower()][0]
    sym = m["sym"] or None
    if sym and currency_of(sym) is None:
        return None
    unit = m["unit"] or None
    if unit and unit.lower() not in resources.word_list("units.txt") and unit != "%":
        return None
    return value, sym, unit


def _is_identifier(doc: Doc, i: int, end: int, money: bool = False) -> bool:
    """ "Article 130", "Boeing 737-800", "Boeing's 787", "A220-300", phone numbers: names, not amounts."""
    toks = tokens_of(doc)
    tok = doc[i]
    if i > 1 and toks.text[i - 1] in ("'s", "\u2019s") and toks.pos[i - 2] == "PROPN" and not money:
        return True
    if i > 0 and not money:
        prev = doc[i - 1]
        if prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start and prev.ent_type_ not in ("MONEY",) and currency_of(prev.text) is None and prev.lower_ not in resources.qualifiers() and prev.pos_ == "PROPN":
            return True
        if prev.text in ("#", "No", "No.", "no.", "+"):
            return True
        if prev.text == "-" and i > 1 and toks.like_num[i - 2]:
            return True
    if end < len(doc) and toks.text[end] == "-" and end + 1 < len(doc) and toks.text[end + 1][:1].isdigit() \
            and not _is_range_end(doc, end + 1):
        return True
    # "the 787 Dreamliner", "a 737 aircraft": a model number names one thing, it counts nothing
    if tok.text.isdigit() and int(tok.text) > 1 and end == i + 1 < len(doc) and toks.alpha[end] and not tok.whitespace_ == "":
        nxt = doc[end]
        singular = nxt.tag_ in ("NN", "NNP") and not nxt.text.endswith("s") and \
            not (nxt.dep_ == "compound" and nxt.head.i > nxt.i and nxt.head.tag_ == "NNS") and \
            nxt.lower_ not in ("percent", "percentage", "per", "pct", "fold") and currency_at(doc, end) is None \
            and not word_value(nxt.text)
        if singular and (nxt.text[:1].isupper() or nxt.lower_ not in resources.word_list("units.txt")):
            return True
    if end < len(doc) and toks.text[end] in (":", ".") and end + 1 < len(doc) and toks.like_num[end + 1] and not toks.ws[end]:
        return True
    return bool(re.fullmatch(r"\d{3,}-\d{3,}(?:-\d+)*", tok.text))


def _is_range_end(doc: Doc, k: int) -> bool:
    """ "15-20%", "200-250 seats": a second number that a unit or noun follows closes a range."""
    if not tokens_of(doc).like_num[k] or k + 1 >= len(doc):
        return False
    nxt = doc[k + 1]
    return nxt.text == "%" or nxt.lower_ in ("percent", "per") or nxt.pos_ == "NOUN" and nxt.text.islower() \
        or word_value(nxt.text) is not None and word_value(nxt.text)[1] == "scale"


@dataclass
class Number:
    """A number read at a token, with its scale words: "4.3 million", "forty - four", "5.5%-7.5"."""

    value: float
    num_type: str  # cardinal, ordinal, multiplier
    end: int  # the token after it
    compact: tuple[float, str | None, str | None] | None  # "$15bn", "500km": the symbol and unit written on it
    range_max: float | None  # the second number of a range written as one token


def read_figure(doc: Doc, i: int, limit: int) -> Figure | None:
    """The figure whose first number is token i, or None when it is no figure."""
    toks = tokens_of(doc)
    number = read_number(doc, i, limit)
    if number is None:
        return None
    value, j, start = number.value, number.end, i
    unit = currency = currency_form = None
    if number.compact and number.compact[1]:
        currency, currency_form = currency_of(number.compact[1]), number.compact[1]
    if number.compact and number.compact[2]:
        unit = number.compact[2]
    before = currency_before(doc, i)
    if before and not currency:
        currency, start = before
        currency_form = "".join(t.text for t in doc[start:i])
    if YEAR.match(toks.text[i]) and not currency and toks.ent_type[i] != "MONEY":
        return None
    if _is_identifier(doc, start, j, money=bool(currency)):
        return None
    range_max = number.range_max
    if range_max is None:
        value, range_max, j = range_after(doc, j, limit, value)
    if number.num_type == "ordinal" and j + 1 < limit and toks.text[j] == "-" and toks.alpha[j + 1]:
        return _figure(doc, start, j + 2, value, None, "ordinal", None)  # "fourth-largest": a rank
    hyphenated = read_hyphenated(doc, start, j, limit, value, currency)
    if hyphenated is not None:
        return hyphenated or None
    if j < limit and not currency:
        cur = currency_at(doc, j)
        if cur:
            currency, currency_form = cur[0], doc[j:j + cur[1]].text
            value *= resources.currency_shares().get(currency_form.lower(), 1.0)
            j += cur[1]
            if j < limit and toks.lower[j] in ("dollar", "dollars") and currency != "USD":
                j += 1
    reading = Reading(doc, i, j, limit, value, number.num_type, currency, currency_form, unit)
    return figure_of(reading, start, range_max)


def read_number(doc: Doc, i: int, limit: int) -> Number | None:
    """The number starting at token i with the scale and number words after it, or None."""
    toks = tokens_of(doc)
    text = toks.text[i]
    joined = joined_range(text)
    if joined:  # the tokenizer kept "5.5%-7.5" whole
        wv = (float(joined["a"].replace(",", "")), "cardinal")
        compact = (wv[0], None, "%") if joined["pct"] else None
        range_in_token = float(joined["b"].replace(",", ""))
    else:
        compact = _compact(text) if not word_value(text) else None
        wv = word_value(text)
        range_in_token = None
    if wv is None and compact is None:
        return None
    j = i + 1
    value = compact[0] if compact else wv[0]
    num_type = "cardinal" if compact else wv[1]
    # "forty - four", "4.3 million", "two hundred thousand"
    while j < limit:
        nxt = word_value(toks.text[j])
        if nxt and nxt[1] == "scale":
            value *= nxt[0]
            j += 1
        elif nxt and nxt[1] == "cardinal" and num_type == "cardinal" and toks.like_num[j - 1] and toks.alpha[j] and toks.alpha[j - 1] and value >= 20 and nxt[0] < 10:
            value += nxt[0]
            j += 1
        elif toks.text[j] == "-" and j + 1 < limit and toks.alpha[j - 1] and not toks.ws[j - 1] and \
                value >= 20 and value % 10 == 0 and (word_value(toks.text[j + 1]) or (0, ""))[1] == "cardinal" \
                and word_value(toks.text[j + 1])[0] < 10:
            value += word_value(toks.text[j + 1])[0]  # "twenty-two" split as "twenty", "-", "two"
            j += 2
        else:
            break
    return Number(value, num_type, j, compact, range_in_token)


def range_after(doc: Doc, j: int, limit: int, value: float) -> tuple[float, float | None, int]:
    """A range's second number after the first ("15-20%", "$24-24.5 billion"): the first's value
    (scaled by a scale after the range), the second's, and the token after the range."""
    toks = tokens_of(doc)
    if not (j + 1 < limit and toks.text[j] in ("-", "\u2013") and _is_range_end(doc, j + 1)):
        return value, None, j
    range_max = word_value(toks.text[j + 1])[0]
    j += 2
    # "$24-24.5 billion", "13-13.5 thousand tonnes": the scale after a range scales both ends
    while j < limit and (word_value(toks.text[j]) or (0, ""))[1] == "scale":
        scale = word_value(toks.text[j])[0]
        value, range_max = value * scale, range_max * scale
        j += 1
    return value, range_max, j


def read_hyphenated(doc: Doc, start: int, j: int, limit: int, value: float, currency: str | None) -> Figure | bool | None:
    """A number joined by a hyphen to the word after it ("44-member", "40-fold", "a 12-cent
    dividend"): its figure, False when that makes it no figure ("41-year history" is a duration),
    None when no hyphen follows."""
    toks = tokens_of(doc)
    if not (j + 1 < limit and toks.text[j] == "-" and not toks.ws[j] and toks.alpha[j + 1]):
        return None
    word = doc[j + 1]
    if _FOLD.match(word.text):
        return _figure(doc, start, j + 2, value, "fold", "multiplier", None)
    if word.lower_ in resources.time_units() and not word.lower_.endswith("s"):
        return False
    cur = currency_at(doc, j + 1) if not currency else None
    if cur is not None and cur[1] == 1:  # "a 12-cent dividend" is 0.12 USD, "one-yen coins" are JPY
        share = resources.currency_shares().get(word.lower_, 1.0)
        return set_currency(doc, _figure(doc, start, j + 2, value * share, cur[0], "money", None), word.text, start)
    return _figure(doc, start, j + 2, value, word.lower_, "count", None)


def figure_of(reading: Reading, start: int, range_max: float | None) -> Figure | None:
    """The figure a number makes once `UNIT_READERS` say what follows it (None: no figure)."""
    doc, kind, unit, end, per = reading.doc, None, reading.unit, reading.end, None
    for reader in UNIT_READERS:
        found = reader(reading)
        if found is NOT_A_FIGURE:
            return None
        if found is not None:
            kind, unit, end, per = found
            break
    value = reading.value
    if kind == "count" and reading.end == reading.first + 1 and _DOT_THOUSANDS.match(doc[reading.first].text):
        value = float(doc[reading.first].text.replace(".", ""))  # "6.500 people": no fraction of a person
    fig = _figure(doc, start, end, value, unit, kind, per)
    if kind == "money":
        set_currency(doc, fig, reading.currency_form, start)
    if range_max is not None:
        fig.value_max = int(range_max) if float(range_max).is_integer() and abs(range_max) < EXACT_INTS else range_max
    return fig


EXACT_INTS = 2 ** 53  # every integer below this is exactly a float


def _figure(doc: Doc, start: int, end: int, value: float, unit: str | None, kind: str, per: str | None) -> Figure:
    qualifier = None
    q = qualifier_before(doc, start)
    if q and q[0] not in ("just", "only", "estimated"):
        qualifier, start = q
    span = doc[start:end]
    # an int only where a float is exact: int(1e299) would be 300 digits no database column takes
    number = int(value) if float(value).is_integer() and abs(value) < EXACT_INTS else round(value, 6)
    return Figure(span.text, span.start_char, span.end_char, number, unit, kind,
                  approximate=qualifier is not None and resources.qualifiers()[qualifier] == "approximate",
                  qualifier=qualifier, per=per)


def read_fraction(doc: Doc, i: int, limit: int) -> Figure | None:
    """ "two-thirds", "a third", "one quarter", "half": a share, read as a multiplier (2/3 of ...)."""
    toks = tokens_of(doc)
    tok = doc[i]
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "once a quarter", "half an hour"
    if tok.lower_ in ("a", "an", "one") and i + 2 < limit and toks.lower[i + 1] in ("quarter", "quarters") \
            and toks.lower[i + 2] != "of":
        return None  # "a quarter earlier": a period of time
    if tok.lower_ == "half" and i + 1 < limit and toks.lower[i + 1] == "of":
        return _figure(doc, i, i + 1, 0.5, None, "multiplier", None)
    if tok.lower_ in ("a", "an", "one") and i + 1 < limit and toks.lower[i + 1] in FRACTIONS:
        return _figure(doc, i, i + 2, round(1 / FRACTIONS[toks.lower[i + 1]], 4), None, "multiplier", None)
    if "-" in tok.text:  # "two-thirds" as one token
        head, _, tail = tok.lower_.partition("-")
        if tail in FRACTIONS and word_value(head):
            return _share_of(doc, i, i + 1, word_value(head)[0] / FRACTIONS[tail], limit)
    if i + 2 < limit and toks.text[i + 1] == "-" and toks.lower[i + 2] in FRACTIONS and word_value(tok.text):
        return _share_of(doc, i, i + 3, word_value(tok.text)[0] / FRACTIONS[toks.lower[i + 2]], limit)
    if i + 1 < limit and toks.lower[i + 1] in FRACTIONS and toks.lower[i + 1].endswith("s") and \
            (word_value(tok.text) or (0, ""))[1] == "cardinal" and 1 < word_value(tok.text)[0] < 10:
        return _share_of(doc, i, i + 2, word_value(tok.text)[0] / FRACTIONS[toks.lower[i + 1]], limit)  # "three quarters"
    return None


_AND_A_HALF = (["-", "and", "-", "a", "-", "half"], ["and", "a", "half"])


def and_a_half(doc: Doc, i: int, limit: int) -> tuple[int, float] | None:
    """ "seven-and-a-half", "one and a half": a count and a half; the token after it and the value."""
    toks = tokens_of(doc)
    whole = word_value(toks.text[i])  # "seven" and "7" alike
    if not whole or whole[1] != "cardinal":
        return None
    for tail in _AND_A_HALF:
        end = i + 1 + len(tail)
        if end <= limit and toks.lower[i + 1:end] == tail:
            return end, whole[0] + 0.5
    return None


def half_figure(doc: Doc, i: int, limit: int) -> Figure | None:
    """A count and a half: before "times" a multiplier ("grew one-and-a-half times"); hyphenated, a
    count, or of a time unit the model saw no date in ("seven-and-a-half years": 7.5, unit year; its
    spaced form "two and a half years" the model dates, a duration)."""
    found = and_a_half(doc, i, limit)
    if found is None:
        return None
    end, value = found
    after = doc[end].lower_ if end < limit else ""
    if after == "times":
        return _figure(doc, i, end + 1, value, None, "multiplier", None)
    if doc[i + 1].text != "-":
        return None
    unit = resources.time_units().get(after)
    return _figure(doc, i, end + 1, value, unit, "quantity", None) if unit else _figure(doc, i, end, value, None, "count", None)


def _share_of(doc: Doc, start: int, end: int, share: float, limit: int) -> Figure:
    """A share as a multiplier, or of a sum when one follows: "three quarters of a billion dollars"."""
    toks = tokens_of(doc)
    k = end
    if k + 2 < limit and toks.lower[k] == "of" and toks.lower[k + 1] in ("a", "an") and \
            (word_value(toks.text[k + 2]) or (0, ""))[1] == "scale":
        value = share * word_value(toks.text[k + 2])[0]
        cur = currency_at(doc, k + 3) if k + 3 < limit else None
        if cur:
            fig = _figure(doc, start, k + 3 + cur[1], value, cur[0], "money", None)
            return set_currency(doc, fig, doc[k + 3:k + 3 + cur[1]].text, start)
        return _figure(doc, start, k + 3, value, None, "count", None)
    return _figure(doc, start, end, round(share, 4), None, "multiplier", None)


def model_numbers(doc: Doc, candidates: list[int] | None = None) -> set[str]:
    """Numbers the text uses as a product's name right after its maker ("Boeing 737", "Tu 154").
    `candidates` (from `number_candidates`) hold every token of digits, so only they are read."""
    toks = tokens_of(doc)
    tokens = doc if candidates is None else (doc[i] for i in candidates)
    return {t.text for t in tokens if t.i > 0 and t.text.isdigit() and len(t.text) >= 3 and not YEAR.match(t.text)
            and toks.pos[t.i - 1] == "PROPN" and toks.text[t.i - 1][:1].isupper() and toks.alpha[t.i - 1]
            and currency_of(toks.text[t.i - 1]) is None}


def join_subunit(doc: Doc, fig: Figure, limit: int) -> Figure:
    """ "thirteen dollars and forty-five cents": a sum and its subunits are one amount."""
    if fig.kind != "money":
        return fig
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    k = span.end if span is not None else limit
    if k + 1 < limit and tokens_of(doc).lower[k] == "and":
        rest = read_figure(doc, k + 1, limit)
        if rest is not None and rest.kind == "money" and rest.unit == fig.unit and rest.value < 1 <= fig.value:
            fig.text = doc_text(doc)[fig.start:rest.end]
            fig.end = rest.end
            fig.value = round(fig.value + rest.value, 6)
    return fig


def is_finite(fig: Figure) -> bool:
    """A figure's numbers are finite: a 400-digit amount overflows to infinity, which JSON cannot
    carry and no reader can use, so it is no figure."""
    return all(v is None or math.isfinite(v) for v in (fig.value, fig.value_max))
