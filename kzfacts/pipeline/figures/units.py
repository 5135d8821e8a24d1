"""What follows a number decides what it is: `UNIT_READERS`, in order, read money, percentages,
multipliers, ranks, a currency named after the counted phrase and counted nouns; and the
qualifier before a number ("more than", "nearly")."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ... import resources
from ..support.tokens import span_text, tokens_of
from .currency import currency_at


# what a price or a rate is per ("$71 a barrel", "$5 a share", "20 tonnes per head")
PRICE_UNITS = frozenset({"barrel", "person", "head", "capita", "share", "passenger", "tonne", "ton", "ounce",
                         "litre", "liter", "gallon", "kilogram", "kg"})


@resources.cached
def _qualifier_table() -> list[tuple[int, dict[tuple[str, ...], str]]]:
    """The qualifiers by their words, per word count, longest first; of two with the same words
    the first listed."""
    by_length: dict[int, dict[tuple[str, ...], str]] = {}
    for q in sorted(resources.qualifiers(), key=lambda q: -len(q.split())):
        by_length.setdefault(len(q.split()), {}).setdefault(tuple(q.split()), q)
    return sorted(by_length.items(), key=lambda item: -item[0])


def qualifier_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """The longest qualifier ending right before token i ("more than", "nearly") and its first token."""
    for length, table in _qualifier_table():
        s = i - length
        if s >= 0:
            q = table.get(tuple(t.lower_ for t in doc[s:i]))
            if q is not None:
                return q, s
    return None


def unit_after(doc: Doc, j: int, limit: int) -> tuple[str | None, int, str | None]:
    """The counted noun or unit after a number: (unit, end token, per-unit)."""
    toks = tokens_of(doc)
    units = resources.word_list("units.txt")
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
    while unit_start > j and (toks.pos[unit_start - 1] == "NOUN" or toks.lower[unit_start - 1] in units):
        unit_start -= 1  # "cubic metres", "square kilometres": a unit's adjective is part of it
    unit = span_text(doc, unit_start, last_noun + 1)
    end = last_noun + 1
    per = None
    if end + 1 < limit and toks.lower[end] in ("per", "a") and toks.pos[end + 1] == "NOUN" and (toks.lower[end + 1] in units or toks.lower[end + 1] in PRICE_UNITS):
        if toks.lower[end] == "per" or toks.lower[end + 1] in ("day", "year", "week", "month"):
            per = toks.text[end + 1]
            unit = f"{unit} per {per}"
            end += 2
    return unit, end, per


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
    if j + 1 < r.limit and tokens_of(doc).lower[j] in ("a", "an") and tokens_of(doc).lower[j + 1] in PRICE_UNITS:
        return "money", r.currency, j + 2, tokens_of(doc).text[j + 1]  # "$71 a barrel": a price per barrel
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
    noun, _, _ = unit_after(doc, r.end, r.limit)
    if noun is not None:
        return NOT_A_FIGURE  # "the 44th member", "15th meeting"
    return "ordinal", None, r.end, None


def currency_in_phrase(r: Reading) -> Unit | None:
    """ "a 10 million forward contract in pesos": the currency named right after the counted phrase."""
    doc = r.doc
    noun, end, _ = unit_after(doc, r.end, r.limit)
    if noun is None or end + 1 >= r.limit or tokens_of(doc).lower[end] not in ("in", "of"):
        return None
    cur = currency_at(doc, end + 1)
    if cur and tokens_of(doc).text[end + 1].lower().endswith("s") and not tokens_of(doc).text[end + 1].isupper():
        r.currency_form = doc[end + 1:end + 1 + cur[1]].text
        return "money", cur[0], end + 1 + cur[1], None
    return None


def counted_noun(r: Reading) -> Unit | None:
    """What the number counts or measures ("12 aircraft", "500 km"); a duration or the pronoun
    "one" is no figure."""
    doc, tok = r.doc, r.doc[r.first]
    noun, end, per = unit_after(doc, r.end, r.limit)
    if noun is None and r.unit is None and tok.lower_ == "one" and tok.dep_ != "nummod":
        return NOT_A_FIGURE  # "one of", "One is": a pronoun, not a figure
    toks = tokens_of(doc)
    if tok.lower_ == "one" and r.first > 0 and toks.lower[r.first - 1] in ("any", "no", "every", "each"):
        return NOT_A_FIGURE  # "if any one party passes": a determiner, no count
    if tok.lower_ == "one" and end + 1 < r.limit and toks.lower[end] == "to" and (toks.lower[end + 1] == "another" or toks.lower[end + 1:end + 3] == ["the", "other"]):
        return NOT_A_FIGURE  # "from one government to another": one after another, no count
    if noun is None:
        return ("quantity" if r.unit else "count"), r.unit, r.end, None
    head = noun.split(" per ")[0].split()[-1].lower()
    if head in resources.word_list("units.txt") and head in resources.time_units():
        return NOT_A_FIGURE  # a duration: dates handle it
    return ("quantity" if head in resources.word_list("units.txt") else "count"), noun, end, per


# What follows a number decides what it is; the first reader that knows wins.
UNIT_READERS = (money_unit, percent_unit, multiplier_unit, rank_unit, currency_in_phrase, counted_noun)
