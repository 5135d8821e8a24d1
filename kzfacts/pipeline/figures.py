"""Figures: numbers with scaled values, currencies, percentages, counted nouns and qualifiers.

A figure is read from tokens: [qualifier] [currency symbol] number [scale] [currency word |
percent] [counted noun or unit [per X]]. Years, dates, times, phone numbers and identifiers
("Article 130", "Boeing 737-800") are not figures.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from itertools import compress

from spacy.tokens import Doc, Token

from .. import resources
from .base import KzComponent
from .facts import Figure
from .subjects import attach_subjects
from .support.text import article_at, doc_text, sentence_ends
from .support.tokens import looked_up, span_text, tokens_of

SKIP_ENTS = {"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "NORP"}
_NUMERIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)
_COMPACT = re.compile(r"^(?P<sym>[^\d\s]{0,3})(?P<num>\d+(?:[.,]\d+)*)(?P<scale>bn|m|mn|k|tn|b)?(?P<unit>[a-z%]{0,3})$", re.I)
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_RANGE_TOKEN = re.compile(r"^(?P<a>\d[\d,]*(?:\.\d+)?)(?P<pct>%?)[-\u2013](?P<b>\d[\d,]*(?:\.\d+)?)$")  # "5.5%-7.5"
_FOLD = re.compile(r"^(?:fold|times)$", re.I)


@resources.cached
def _currency_forms() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Currency forms as token tuples by their first word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, code in resources.currencies().items():
        words = tuple(form.lower().split())
        by_first.setdefault(words[0], []).append((words, code))
    for forms in by_first.values():
        forms.sort(key=lambda f: -len(f[0]))
    return by_first


AMBIGUOUS_DOLLARS = {"$", "dollar", "dollars"}  # the US dollar unless the text says which


def currency_of(text: str) -> str | None:
    """The ISO code of a currency as written: a name ("tenge", "Canadian dollars"), a symbol ("€",
    "C$", "c$", "₸"), or an ISO code in capitals ("KZT"); None when it is none."""
    forms = resources.currencies()
    if text in forms:
        return forms[text]
    if text.replace(" ", "").replace("-", "").isalpha():
        if text.isupper() and len(text) <= 4:  # "KZT"; other short capitals ("ALL", "EURO") are words
            return text if text in resources.currency_codes() else None
        return forms.get(text.lower())
    if text.upper() in forms:
        return forms[text.upper()]  # "c$", "hk$"
    if text and all(unicodedata.category(ch) == "Sc" for ch in text):
        return resources.narrow_symbols().get(text)
    return None


def dollar_of(doc: Doc, start: int) -> tuple[str, str]:
    """Which dollar a bare "$" or "dollars" at token `start` is, and how that was decided: the
    article's dateline ("TORONTO (Reuters) -": wire copy from a dollar country writes its own
    dollar bare), else the US dollar. A place or nationality in the sentence says nothing: news
    marks other dollars (A$, C$, "Australian dollars"), so "an Australian miner made $48 million"
    is in US dollars."""
    places = resources.dollar_places()
    art = article_at(doc._.kz_articles, tokens_of(doc).idx[start])
    if art is not None and art.dateline_place:
        a, b = art.dateline_place
        place = doc_text(doc)[a:b].lower()
        code = places.get(place) or resources.dateline_dollars().get(place)
        if code:
            return code, "context"
    return "USD", "default"


def set_currency(doc: Doc, fig: Figure, form: str | None, start: int) -> Figure:
    """Say how a money figure's currency was decided; a bare "$" or "dollars" asks `dollar_of`."""
    fig.unit_source = "text"
    if (form or "").lower() in AMBIGUOUS_DOLLARS:
        fig.unit, fig.unit_source = dollar_of(doc, start)
    return fig


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


def _joined_range(text: str) -> re.Match | None:
    """ "5.5%-7.5" as one token; not "555-1234" (a phone number) nor "2019-2020" (years)."""
    m = _RANGE_TOKEN.match(text)
    if not m or _YEAR.match(m["a"]):
        return None
    a, b = float(m["a"].replace(",", "")), float(m["b"].replace(",", ""))
    if b <= a or re.fullmatch(r"\d{3}-\d{4}", text):
        return None
    return m


def is_number_token(token: Token) -> bool:
    text = token.text
    if not any(ch.isdigit() for ch in text) and token.lower_ not in resources.numbers() and "-" not in text:
        return False  # the common case, decided without a regular expression
    if _joined_range(text):
        return True
    v = word_value(token.text)
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


def _currency_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """Currency form starting at token i: (ISO code, tokens used)."""
    toks = tokens_of(doc)
    raw = toks.text[i]
    if raw.isupper() and len(raw) == 3 and raw in resources.currency_codes() and not _shouting(doc[i]):
        return raw, 1  # "KZT", "FIM": an ISO code in capitals, not in an all-capitals headline
    for form, code in _currency_forms().get(toks.lower[i], ()):
        n = len(form)
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i:i + n]) == form:
            if n == 1 and raw.isalpha() and raw.isupper() and len(raw) <= 4 and form[0].upper() != raw:
                continue
            if form[0] in ("real", "won", "sum", "som", "pound", "pounds", "franc", "rand") and n == 1 and toks.pos[i] not in ("NOUN", "PROPN"):
                continue
            return code, n
    return None


def _shouting(token: Token) -> bool:
    """A token in an all-capitals line ("5 TOP STORIES"): capitals there say nothing."""
    words = [t for t in token.sent if t.is_alpha]
    return len(words) >= 3 and all(t.is_upper for t in words)


def _currency_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """A currency symbol or code right before token i ("$", "US$", "KZT", "c $", "GB #" before an amount)."""
    toks = tokens_of(doc)
    for back in (2, 1):
        s = i - back
        if s < 0:
            continue
        ws, words = toks.ws[s:i], toks.text[s:i]
        if any(ws[:-1]) and not (back == 2 and len(words[0]) == 1 and words[1] == "$"):
            continue  # joined as written, except a one-letter prefix before "$" ("c $3 million")
        text = "".join(words)
        if text.isalpha() and not (text.isupper() and len(text) == 3):
            continue  # a word before a number is no currency symbol
        code = currency_of(text)
        if code:
            return code, s
    # "#13 billion", "GB #20.1 billion": the pound as ISO 646-GB wrote it in older wire copy
    if i >= 1 and toks.text[i - 1] == "#" and i + 1 < len(doc) and (word_value(toks.text[i + 1]) or (0, ""))[1] == "scale":
        return "GBP", i - 2 if i >= 2 and toks.text[i - 2] in ("GB", "UK") else i - 1
    return None


@resources.cached
def _qualifier_table() -> list[tuple[int, dict[tuple[str, ...], str]]]:
    """The qualifiers by their words, per word count, longest first; of two with the same words
    the first listed."""
    by_length: dict[int, dict[tuple[str, ...], str]] = {}
    for q in sorted(resources.qualifiers(), key=lambda q: -len(q.split())):
        by_length.setdefault(len(q.split()), {}).setdefault(tuple(q.split()), q)
    return sorted(by_length.items(), key=lambda item: -item[0])


def _qualifier_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """The longest qualifier ending right before token i ("more than", "nearly") and its first token."""
    for length, table in _qualifier_table():
        s = i - length
        if s >= 0:
            q = table.get(tuple(t.lower_ for t in doc[s:i]))
            if q is not None:
                return q, s
    return None


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
            nxt.lower_ not in ("percent", "percentage", "per", "pct", "fold") and _currency_at(doc, end) is None \
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


def _unit_after(doc: Doc, j: int, limit: int) -> tuple[str | None, int, str | None]:
    """The counted noun or unit after a number: (unit, end token, per-unit)."""
    toks = tokens_of(doc)
    k = j
    last_noun = None
    while k < limit and k - j < 5:
        t = doc[k]
        if t.pos_ in ("ADJ",) and t.dep_ in ("amod",) or t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.isupper():
            if t.pos_ in ("NOUN", "PROPN"):
                last_noun = k
            k += 1
            if t.pos_ in ("NOUN", "PROPN") and (k >= limit or toks.pos[k] not in ("NOUN",)):
                break
        else:
            break
    if last_noun is None:
        return None, j, None
    unit_start = last_noun
    while unit_start > j and toks.pos[unit_start - 1] == "NOUN":
        unit_start -= 1
    unit = span_text(doc, unit_start, last_noun + 1)
    end = last_noun + 1
    per = None
    if end + 1 < limit and toks.lower[end] in ("per", "a") and toks.pos[end + 1] == "NOUN" and toks.lower[end + 1] in resources.word_list("units.txt") | {"barrel", "person", "head", "capita", "share", "passenger", "tonne"}:
        if toks.lower[end] == "per" or toks.lower[end + 1] in ("day", "year", "week", "month"):
            per = toks.text[end + 1]
            unit = f"{unit} per {per}"
            end += 2
    return unit, end, per


def read_figure(doc: Doc, i: int, limit: int) -> Figure | None:
    """The figure whose first number is token i, or None when it is no figure."""
    toks = tokens_of(doc)
    tok = doc[i]
    joined = _joined_range(tok.text)
    if joined:  # the tokenizer kept "5.5%-7.5" whole
        wv = (float(joined["a"].replace(",", "")), "cardinal")
        compact = (wv[0], None, "%") if joined["pct"] else None
        range_in_token = float(joined["b"].replace(",", ""))
    else:
        compact = _compact(tok.text) if not word_value(tok.text) else None
        wv = word_value(tok.text)
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
    start = i
    unit = kind = per = None
    currency = None
    currency_form = None
    if compact and compact[1]:
        currency, currency_form = currency_of(compact[1]), compact[1]
    if compact and compact[2]:
        unit = "%" if compact[2] == "%" else compact[2]
    before = _currency_before(doc, i)
    if before and not currency:
        currency, start = before
        currency_form = "".join(t.text for t in doc[start:i])
    if _YEAR.match(tok.text) and not currency and toks.ent_type[i] != "MONEY":
        return None
    if _is_identifier(doc, start, j, money=bool(currency)):
        return None
    range_max = range_in_token
    if range_max is None and j + 1 < limit and toks.text[j] in ("-", "\u2013") and _is_range_end(doc, j + 1):
        range_max = word_value(toks.text[j + 1])[0]
        j += 2
        # "$24-24.5 billion", "13-13.5 thousand tonnes": the scale after a range scales both ends
        while range_max is not None and j < limit and (word_value(toks.text[j]) or (0, ""))[1] == "scale":
            scale = word_value(toks.text[j])[0]
            value, range_max = value * scale, range_max * scale
            j += 1
    # hyphenated "44-member", "40-fold"
    if j + 1 < limit and toks.text[j] == "-" and not toks.ws[j] and toks.alpha[j + 1]:
        word = doc[j + 1]
        if _FOLD.match(word.text):
            return _figure(doc, start, j + 2, value, "fold", "multiplier", None)
        if word.lower_ in resources.time_units() and not word.lower_.endswith("s"):
            return None  # "41-year history" is a duration
        cur = _currency_at(doc, j + 1) if not currency else None
        if cur is not None and cur[1] == 1:  # "a 12-cent dividend" is 0.12 USD, "one-yen coins" are JPY
            share = resources.currency_shares().get(word.lower_, 1.0)
            return set_currency(doc, _figure(doc, start, j + 2, value * share, cur[0], "money", None), word.text, start)
        return _figure(doc, start, j + 2, value, word.lower_ if word.lower_.endswith("s") else word.lower_, "count", None)
    if j < limit and not currency:
        cur = _currency_at(doc, j)
        if cur:
            currency, currency_form = cur[0], doc[j:j + cur[1]].text
            value *= resources.currency_shares().get(currency_form.lower(), 1.0)
            j += cur[1]
            if j < limit and toks.lower[j] in ("dollar", "dollars") and currency != "USD":
                j += 1
    reading = Reading(doc, i, j, limit, value, num_type, currency, currency_form, unit)
    for reader in UNIT_READERS:
        found = reader(reading)
        if found is NOT_A_FIGURE:
            return None
        if found is not None:
            kind, unit, j, per = found
            break
    fig = _figure(doc, start, j, value, unit, kind, per)
    if kind == "money":
        set_currency(doc, fig, reading.currency_form, start)
    if range_max is not None:
        fig.value_max = int(range_max) if float(range_max).is_integer() and abs(range_max) < EXACT_INTS else range_max
    return fig


@dataclass
class Reading:
    """A number read so far (value, where its tokens end) and what its own tokens said."""

    doc: Doc
    first: int  # the number's first token
    end: int  # the token after the number, its scale and any currency
    limit: int  # the sentence's end
    value: float
    num_type: str  # cardinal, ordinal, multiplier
    currency: str | None
    currency_form: str | None  # the currency as written ("$", "tenge", "C$")
    unit: str | None  # a unit written on the number itself ("500km", "5%")


Unit = tuple[str, str | None, int, str | None]  # kind, unit, end token, per
NOT_A_FIGURE: Unit = ("", None, 0, None)


def money_unit(r: Reading) -> Unit | None:
    """A currency before or after the number: money, maybe "per barrel"."""
    if not r.currency:
        return None
    doc, j = r.doc, r.end
    if j + 1 < r.limit and tokens_of(doc).lower[j] == "per" and tokens_of(doc).pos[j + 1] == "NOUN":
        return "money", r.currency, j + 2, tokens_of(doc).text[j + 1]
    return "money", r.currency, j, None


def percent_unit(r: Reading) -> Unit | None:
    """ "%", "percent", "percents", "pct", "per cent", "percentage"; "percentage points" apart."""
    doc, j = r.doc, r.end
    if j + 1 < r.limit and tokens_of(doc).lower[j] == "percentage" and tokens_of(doc).lower[j + 1] in ("point", "points"):
        return "percent", "percentage points", j + 2, None
    if j < r.limit and (tokens_of(doc).text[j] == "%" or tokens_of(doc).lower[j] in ("percent", "percents", "pct", "percentage")):
        return "percent", "%", j + 1, None
    if r.unit == "%":
        return "percent", "%", j, None
    if j + 1 < r.limit and tokens_of(doc).lower[j] == "per" and tokens_of(doc).lower[j + 1] == "cent":
        return "percent", "%", j + 2, None
    return None


def multiplier_unit(r: Reading) -> Unit | None:
    """ "40 fold", "double": a multiplier."""
    doc, j = r.doc, r.end
    if j < r.limit and tokens_of(doc).lower[j] == "fold":
        return "multiplier", "fold", j + 1, None
    if r.num_type == "multiplier":
        return "multiplier", None, j, None
    return None


def rank_unit(r: Reading) -> Unit | None:
    """Ordinals are ranks, not amounts: "the first bank", "the 44th member" are no figures; a rank
    standing alone as what something was ranked ("ranked 65th") is an ordinal figure."""
    if r.num_type != "ordinal":
        return None
    doc = r.doc
    if tokens_of(doc).alpha[r.first]:
        return NOT_A_FIGURE  # "first", "second", "third": order, not a figure
    noun, _, _ = _unit_after(doc, r.end, r.limit)
    if noun is not None:
        return NOT_A_FIGURE  # "the 44th member", "15th meeting"
    return "ordinal", None, r.end, None


def currency_in_phrase(r: Reading) -> Unit | None:
    """ "a 10 million forward contract in pesos": the currency named right after the counted phrase."""
    doc = r.doc
    noun, end, _ = _unit_after(doc, r.end, r.limit)
    if noun is None or end + 1 >= r.limit or tokens_of(doc).lower[end] not in ("in", "of"):
        return None
    cur = _currency_at(doc, end + 1)
    if cur and tokens_of(doc).text[end + 1].lower().endswith("s") and not tokens_of(doc).text[end + 1].isupper():
        r.currency_form = doc[end + 1:end + 1 + cur[1]].text
        return "money", cur[0], end + 1 + cur[1], None
    return None


def counted_noun(r: Reading) -> Unit | None:
    """What the number counts or measures ("12 aircraft", "500 km"); a duration or the pronoun
    "one" is no figure."""
    doc, tok = r.doc, r.doc[r.first]
    noun, end, per = _unit_after(doc, r.end, r.limit)
    if noun is None and r.unit is None and tok.lower_ == "one" and tok.dep_ != "nummod":
        return NOT_A_FIGURE  # "one of", "One is": a pronoun, not a figure
    if noun is None:
        return ("quantity" if r.unit else "count"), r.unit, r.end, None
    head = noun.split(" per ")[0].split()[-1].lower()
    if head in resources.word_list("units.txt") and head in resources.time_units():
        return NOT_A_FIGURE  # a duration: dates handle it
    return ("quantity" if head in resources.word_list("units.txt") else "count"), noun, end, per


# What follows a number decides what it is; the first reader that knows wins.
UNIT_READERS = (money_unit, percent_unit, multiplier_unit, rank_unit, currency_in_phrase, counted_noun)


EXACT_INTS = 2 ** 53  # every integer below this is exactly a float


def _figure(doc: Doc, start: int, end: int, value: float, unit: str | None, kind: str, per: str | None) -> Figure:
    qualifier = None
    q = _qualifier_before(doc, start)
    if q and q[0] not in ("just", "only", "estimated"):
        qualifier, start = q
    span = doc[start:end]
    # an int only where a float is exact: int(1e299) would be 300 digits no database column takes
    number = int(value) if float(value).is_integer() and abs(value) < EXACT_INTS else round(value, 6)
    return Figure(span.text, span.start_char, span.end_char, number, unit, kind,
                  approximate=qualifier is not None and resources.qualifiers()[qualifier] == "approximate",
                  qualifier=qualifier, per=per)


_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,4}(?![\w.])")
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
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
    if tok.lower_ in ("a", "an", "one") and i + 1 < limit and toks.lower[i + 1] in _FRACTIONS:
        return _figure(doc, i, i + 2, round(1 / _FRACTIONS[toks.lower[i + 1]], 4), None, "multiplier", None)
    if "-" in tok.text:  # "two-thirds" as one token
        head, _, tail = tok.lower_.partition("-")
        if tail in _FRACTIONS and word_value(head):
            return _share_of(doc, i, i + 1, word_value(head)[0] / _FRACTIONS[tail], limit)
    if i + 2 < limit and toks.text[i + 1] == "-" and toks.lower[i + 2] in _FRACTIONS and word_value(tok.text):
        return _share_of(doc, i, i + 3, word_value(tok.text)[0] / _FRACTIONS[toks.lower[i + 2]], limit)
    if i + 1 < limit and toks.lower[i + 1] in _FRACTIONS and toks.lower[i + 1].endswith("s") and \
            (word_value(tok.text) or (0, ""))[1] == "cardinal" and 1 < word_value(tok.text)[0] < 10:
        return _share_of(doc, i, i + 2, word_value(tok.text)[0] / _FRACTIONS[toks.lower[i + 1]], limit)  # "three quarters"
    return None


def _share_of(doc: Doc, start: int, end: int, share: float, limit: int) -> Figure:
    """A share as a multiplier, or of a sum when one follows: "three quarters of a billion dollars"."""
    toks = tokens_of(doc)
    k = end
    if k + 2 < limit and toks.lower[k] == "of" and toks.lower[k + 1] in ("a", "an") and \
            (word_value(toks.text[k + 2]) or (0, ""))[1] == "scale":
        value = share * word_value(toks.text[k + 2])[0]
        cur = _currency_at(doc, k + 3) if k + 3 < limit else None
        if cur:
            fig = _figure(doc, start, k + 3 + cur[1], value, cur[0], "money", None)
            return set_currency(doc, fig, doc[k + 3:k + 3 + cur[1]].text, start)
        return _figure(doc, start, k + 3, value, None, "count", None)
    return _figure(doc, start, end, round(share, 4), None, "multiplier", None)


def _model_numbers(doc: Doc, candidates: list[int] | None = None) -> set[str]:
    """Numbers the text uses as a product's name right after its maker ("Boeing 737", "Tu 154").
    `candidates` (from `number_candidates`) hold every token of digits, so only they are read."""
    toks = tokens_of(doc)
    tokens = doc if candidates is None else (doc[i] for i in candidates)
    return {t.text for t in tokens if t.i > 0 and t.text.isdigit() and len(t.text) >= 3 and not _YEAR.match(t.text)
            and toks.pos[t.i - 1] == "PROPN" and toks.text[t.i - 1][:1].isupper() and toks.alpha[t.i - 1]
            and currency_of(toks.text[t.i - 1]) is None}


_FRACTION_STARTS = ("a", "an", "one", "half")
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
    return low in _FRACTION_STARTS or "-" in text or low in numbers or any(ch.isdigit() for ch in text)


def number_candidates(doc: Doc) -> list[int]:
    """The tokens a figure or fraction can start at, in order: one dictionary look-up per token
    (by its text's id) instead of reading each token's strings."""
    known = _could_start()
    if len(known) > _ORTH_CACHE_SIZE:
        known.clear()
    vocab = doc.vocab
    could = looked_up(known, tokens_of(doc).orth, lambda orth: _starts_figure(vocab[orth].orth_, vocab[orth].lower_))
    return list(compress(range(len(could)), could))


def _join_subunit(doc: Doc, fig: Figure, limit: int) -> Figure:
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


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure in the doc's articles."""
    figures: list[Figure] = []
    phones = phone_spans(doc_text(doc))
    candidates = number_candidates(doc)  # a token that is none of them starts no figure: skipped unread
    model_numbers = _model_numbers(doc, candidates)
    articles = doc._.kz_articles
    numbers = resources.numbers()
    ends: list[int] | None = None  # each token's sentence end, read when first needed
    done = 0  # the character offset the last figure ended at: tokens before it are read
    for i in candidates:
        tok = doc[i]
        idx = tok.idx
        if idx < done or phones and any(a <= idx < b for a, b in phones):
            continue
        low = tok.lower_
        text = tok.text
        fraction = None
        if low in _FRACTION_STARTS or "-" in text or low in numbers:
            ends = ends or sentence_ends(doc)
            fraction = read_fraction(doc, i, ends[i])
        if fraction is not None and is_finite(fraction) and article_at(articles, idx) is not None:
            figures.append(fraction)
            done = fraction.end
            continue
        if not is_number_token(tok) or tok.ent_type_ in SKIP_ENTS:
            continue
        if article_at(articles, idx) is None:
            continue
        ends = ends or sentence_ends(doc)
        limit = ends[i]
        fig = read_figure(doc, i, limit)
        if fig is None or fig.kind == "count" and text in model_numbers:
            continue  # "the 737" where the article writes "Boeing 737": a model, not a count
        fig = _join_subunit(doc, fig, limit)
        if not is_finite(fig):
            continue
        figures.append(fig)
        done = fig.end
    attach_subjects(doc, figures)
    return figures


class FigureExtractor(KzComponent):
    """spaCy component: `doc._.kz_figures`."""

    extension = "kz_figures"
    resources = ("currency_additions.tsv", "numbers.tsv", "qualifiers.txt", "units.txt", "time_units.tsv",
                 "dateline_cities.tsv", "change_verbs.tsv")
    needs = ("kz_articles",)

    def __init__(self, name: str = "kz_figures") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Figure]:
        return find_figures(doc)
