"""Appositions read on the surface: a role phrase in commas right after a name ("X, a senior
economist at Y,") or right before it ("The head of Y's Z, X,"), wherever the parser attached the
name (it often hangs the name on the body, not on the role). The mentions read them to find the
people so described, the affiliations to link them."""
from __future__ import annotations

from spacy.tokens import Doc

from ... import resources
from ..support.tokens import tokens_of
from .evidence import person_shaped
from .titles import is_role

STOPS = {",", ";", ":", "(", ")", "\u2013", "\u2014", ".", "!", "?", "\u201c", "\u201d", '"'}
MAX_PHRASE = 20  # tokens: an apposition is a phrase, not a paragraph
NAME_ENDS = {",", ";", ".", ":", ")"}  # what follows a name standing in apposition to the phrase before it
# role words that bodies hold as well as people ("Kazakhstan, a member of the WTO", "X, a partner of Y")
SHARED_ROLES = {"member", "partner", "leader", "founder", "co-founder", "owner", "board", "shareholder"}
# words before a name that make it a complement ("Commissioner for Human Rights", "a professor in
# Educational Leadership"), not a person standing alone before an apposition
COMPLEMENT_OPENERS = {"of", "for", "in", "on", "at", "about", "the", "a", "an", "'s", "\u2019s"}
PHRASE_WORDS = ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART")  # the words a role's noun phrase opens with


def breaks(doc: Doc, i: int) -> bool:
    """Token i ends a phrase: a stop, a line break, a relative pronoun or a verb (not one used as a modifier)."""
    t = tokens_of(doc)
    return t.text[i] in STOPS or doc[i].is_space or "\n" in t.ws[i] or t.tag[i] in ("WP", "WDT", "WP$") \
        or t.pos[i] in ("VERB", "AUX") and t.dep[i] not in ("amod", "compound")


def phrase_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """[lo, hi) of the phrase between the comma right after a name ending at token `end` and the next
    stop, relative pronoun or verb, when it holds a role word; else None."""
    t = tokens_of(doc)
    if end + 1 >= len(doc) or t.text[end] != ",":
        return None
    lo = hi = end + 1
    limit = min(len(doc), lo + MAX_PHRASE)
    while hi < limit and not breaks(doc, hi):
        hi += 1
    if hi == lo or not any(is_role(doc[k]) for k in range(lo, hi)):
        return None
    return lo, hi


def phrase_before(doc: Doc, first: int) -> tuple[int, int] | None:
    """[lo, hi) of the role phrase before ", NAME" whose first token is `first`: from the first role
    word (and the determiners and modifiers before it) to the comma, within the sentence and after the
    last stop or verb; else None. "met with the chairman of the Senate, X": "the chairman of the Senate"."""
    t = tokens_of(doc)
    hi = first - 1
    while hi > 1 and (t.text[hi] == "." or t.lower[hi].rstrip(".") in resources.titles() and t.text[hi][:1].isupper()):
        hi -= 1  # "Director of Y, Dr. X": the honorific is neither the name's nor the role's
    if hi < 1 or t.text[hi] != ",":
        return None
    i = hi
    while i > 0 and hi - i < MAX_PHRASE and not doc[i].is_sent_start:
        opening = opening_parenthesis(doc, i - 1, hi - MAX_PHRASE)  # "Director of Y (ABC) in Z, X"
        if opening is None and breaks(doc, i - 1):
            break
        i = i - 1 if opening is None else opening
    roles = [k for k in range(i, hi) if is_role(doc[k])]
    if not roles:
        return None
    lo = roles[0]
    while lo > i and (t.pos[lo - 1] in PHRASE_WORDS or t.text[lo - 1] in ("'s", "\u2019s", "-")):
        lo -= 1
    return lo, hi


def opening_parenthesis(doc: Doc, close: int, lo: int) -> int | None:
    """The "(" of the parenthesis closed at token `close` ("Asian Development Bank (ADB)"), when it
    opens at or after token `lo` and holds no other stop; else None."""
    t = tokens_of(doc)
    if t.text[close] != ")":
        return None
    k = close - 1
    while k >= max(lo, 0) and t.text[k] not in STOPS:
        k -= 1
    return k if k >= max(lo, 0) and t.text[k] == "(" else None


def stands_before_name_end(doc: Doc, end: int) -> bool:
    """A name ending at token `end` closes an apposition: a comma, a stop or the end of the text follows."""
    return end >= len(doc) or tokens_of(doc).text[end] in NAME_ENDS or "\n" in tokens_of(doc).ws[end - 1]


def person_roles(doc: Doc, lo: int, hi: int) -> bool:
    """The phrase [lo, hi) holds a role only a person holds (not "member", which a country is too)."""
    return any(is_role(doc[k]) and tokens_of(doc).lower[k] not in SHARED_ROLES for k in range(lo, hi))


def appositive_people(doc: Doc, known: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Names of two to four name words in apposition to a person's role phrase, after them ("X, a
    senior economist at Y,") or before them ("The head of Y, X,"): people, whatever the model said.
    A country, a known body (`known`: the gazetteer's spans) or a name with an organisation word is never one."""
    t = tokens_of(doc)
    countries = resources.country_names()
    in_known = {i for s, e in known for i in range(s, e)}
    honorifics = resources.titles()
    found = []
    for k in [i for i in range(1, t.n) if t.text[i] == ","]:
        for start, end in _names_around(doc, k, honorifics):
            span = doc[start:end]
            if not person_shaped(span) or span.text in countries or in_known.intersection(range(start, end)):
                continue
            phrase = phrase_after(doc, end) if end == k else phrase_before(doc, k + 1 + _honorific(doc, k + 1, honorifics))
            if phrase is not None and person_roles(doc, *phrase):
                found.append((start, end))
    return found


def _honorific(doc: Doc, i: int, honorifics: frozenset[str]) -> int:
    """1 when token i is an honorific ("Dr", "Ms") followed by a name, with its full stop 2, else 0."""
    t = tokens_of(doc)
    if i + 1 < t.n and t.lower[i].rstrip(".") in honorifics and t.text[i][:1].isupper():
        return 2 if t.text[i + 1] == "." else 1
    return 0


def _names_around(doc: Doc, comma: int, honorifics: frozenset[str]) -> list[tuple[int, int]]:
    """The runs of name words right before the comma and right after it (past an honorific)."""
    t = tokens_of(doc)
    out = []
    s = comma
    while s > 0 and comma - s < 4 and t.name[s - 1] and not t.title[s - 1]:
        s -= 1
    if 2 <= comma - s <= 4 and (s == 0 or t.lower[s - 1] not in COMPLEMENT_OPENERS):
        out.append((s, comma))
    start = comma + 1 + _honorific(doc, comma + 1, honorifics)
    e = start
    while e < t.n and e - start < 4 and t.name[e] and not t.title[e]:
        e += 1
    if 2 <= e - start <= 4 and stands_before_name_end(doc, e):
        out.append((start, e))
    return out
