"""What every stage shares: the `Candidate` (a mention before grouping), the word lists the stages
agree on, and small tests on tokens (capitalised, a title word, a word of a name, a result).

Nothing about a mention is decided here.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import DEP, ENT_TYPE, IDX, IS_ALPHA, IS_PUNCT, LENGTH, LIKE_NUM, LOWER, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc, Token

from ... import resources
from ..text import doc_text

_POS_NAMES = {int(k): v for k, v in NAMES.items()}  # Token.pos_ of a POS id

RELABELLABLE = {"PRODUCT", "WORK_OF_ART", "FAC", "NORP", "LAW", "EVENT"}
CONNECTORS = {"of", "for", "on", "and", "the", "through", "de", "du", "des", "&", "-", "in"}
NAME_PARTICLES = {"von", "van", "de", "der", "del", "da", "di", "bin", "al", "el", "la", "le", "ibn"}
TITLE_MODIFIERS = {"former", "ex", "ex-", "then", "acting", "deputy", "vice", "incoming", "outgoing",
                   "interim", "current", "late", "first", "senior", "junior", "chief", "its", "their"}
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}\+?$")
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
SCORE = re.compile(r"(\d{1,3})[-\u2013](\d{1,3})")  # "2-1", "102-98": a result after a team's name


def is_score(token: Token) -> bool:
    return is_score_text(token.text)


def is_score_text(text: str) -> bool:
    m = SCORE.fullmatch(text)
    return bool(m) and int(m.group(1)) < 200 and int(m.group(2)) < 200


def score_before(doc: Doc, end: int) -> int:
    """How many tokens before `end` spell a result ("2-1" as one token, or as "2", "-", "1")."""
    if end >= 1 and is_score(doc[end - 1]):
        return 1
    if end >= 3 and doc[end - 2].text in ("-", "\u2013") and SCORE.fullmatch(doc[end - 3].text + "-" + doc[end - 1].text) \
            and int(doc[end - 3].text) < 200 and int(doc[end - 1].text) < 200:
        return 3
    return 0


@dataclass
class Candidate:
    """A mention before grouping: token bounds in the doc, its label and what rules found."""

    start: int
    end: int
    label: str
    source: str = "model"
    titles: list[str] = field(default_factory=list)
    title_start: int | None = None  # first token of an honorific kept in the mention text
    phrase_start: int | None = None  # first token of the title phrase before the name


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def clashes(sorted_cands: list[Candidate], starts: list[int], c: Candidate) -> list[Candidate]:
    """Candidates of a start-sorted, non-overlapping list that overlap c."""
    k = bisect.bisect_left(starts, c.start)
    out = [sorted_cands[k - 1]] if k > 0 and overlaps(sorted_cands[k - 1], c) else []
    while k < len(sorted_cands) and sorted_cands[k].start < c.end:
        out.append(sorted_cands[k])
        k += 1
    return out


def is_capitalised(token: Token) -> bool:
    return bool(token.text) and (token.text[0].isupper() or token.text[0].isdigit() and token.ent_type_ in ("ORG", ""))


def is_title_word(token: Token) -> bool:
    return token.lower_ in resources.title_words()


def name_token(token: Token) -> bool:
    return (token.is_alpha or "-" in token.text or "'" in token.text or "\u2019" in token.text) and \
        token.text[:1].isupper() and not token.text.isupper()


def has_keyword(doc: Doc, cand: Candidate) -> bool:
    return any(doc[t].text in resources.org_keywords() for t in range(cand.start, cand.end))


def opens_clause(token: Token) -> bool:
    """ "As", "If", "While", "Unlike" opening a sentence or a line: a function word that is
    capitalised only because it comes first, never the first word of a name after it."""
    if token.pos_ not in ("SCONJ", "ADP", "CCONJ") or not token.text[:1].isupper():
        return False
    return token.is_sent_start or token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws


def surname_shaped(token: Token) -> bool:
    """A word ending like a Central Asian, Russian or Caucasian surname or patronymic (`surname_endings.txt`)."""
    low = token.lower_
    return token.is_alpha and any(low.endswith(e) and len(low) >= len(e) + 3 for e in resources.word_list("surname_endings.txt"))


def company_shaped(token: Token) -> bool:
    """One word built from company word parts ("Kazakhtelecom", "Uzbekneftegaz": `company_morphemes.txt`):
    a country's stem (the first letters of a nationality) or a capital inside ("KazMunayGas") before
    a company ending, so "Vargas" and "Baitemir" stay names."""
    low = token.lower_
    if not token.text[:1].isupper() or not any(low.endswith(m) and len(low) >= len(m) + 3
                                               for m in resources.word_list("company_morphemes.txt")):
        return False
    return any(ch.isupper() for ch in token.text[1:]) or low[:3] in _nationality_stems()


@resources.cached
def _nationality_stems() -> frozenset[str]:
    return frozenset(d[:3] for d in resources.demonyms() if len(d) >= 4)



class Tokens:
    """One Doc's per-token values as plain lists, each read in one pass (`Doc.to_array`) when a rule
    first asks for it, so the rules that walk every token index lists instead of building a Token
    per read. Each list holds what the Token's attribute of that name says (`text`, `lower_`,
    `whitespace_`, `is_punct`, `is_alpha`, `is_sent_start`, `ent_type_`, `pos_`, `dep_`, `tag_`)
    when it is read. `tokens_of` shares one per Doc while a component works on it; never kept on
    the Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)

    def _ints(self, attr: int) -> list[int]:
        return self.doc.to_array(attr).tolist() if self.n else []

    def _strings(self, attr: int) -> list[str]:
        col = self._ints(attr)
        strings = self.doc.vocab.strings
        look = {h: strings[h] for h in set(col)}  # each hash's string looked up once
        look[0] = ""  # no value
        return list(map(look.__getitem__, col))

    @cached_property
    def idx(self) -> list[int]:
        return self._ints(IDX)

    @cached_property
    def text(self) -> list[str]:
        # slices of the Doc's text: cheaper than a string lookup per token
        text = doc_text(self.doc)
        return [text[a:a + k] for a, k in zip(self.idx, self._ints(LENGTH))]

    def end_char(self, end: int) -> int:
        """`doc[start:end].end_char`: where token end - 1 ends."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`."""
        return doc_text(self.doc)[self.idx[start]:self.end_char(end)] if start < end else ""

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def ws(self) -> list[str]:
        return [" " if v else "" for v in self._ints(SPACY)]

    @cached_property
    def punct(self) -> list[bool]:
        return [v == 1 for v in self._ints(IS_PUNCT)]

    @cached_property
    def sent_start(self) -> list[bool | None]:
        # the Token's is_sent_start: None where unknown (0), False where not (negative, read unsigned), else True
        return [None if v == 0 else v < 2 ** 63 for v in self._ints(SENT_START)]

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def pos(self) -> list[str]:
        return list(map(_POS_NAMES.__getitem__, self._ints(POS)))

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def alpha(self) -> list[bool]:
        return [v == 1 for v in self._ints(IS_ALPHA)]

    @cached_property
    def like_num(self) -> list[bool]:
        return [v == 1 for v in self._ints(LIKE_NUM)]

    @cached_property
    def capital(self) -> list[bool]:
        """`is_capitalised` of every token."""
        return [bool(x) and (x[0].isupper() or x[0].isdigit() and e in ("ORG", ""))
                for x, e in zip(self.text, self.ent_type)]

    @cached_property
    def name(self) -> list[bool]:
        """`name_token` of every token."""
        # the same test as name_token's, the capital first: most words fail there
        return [x[:1].isupper() and (a or "-" in x or "'" in x or "\u2019" in x) and not x.isupper()
                for x, a in zip(self.text, self.alpha)]

    @cached_property
    def title(self) -> list[bool]:
        """`is_title_word` of every token."""
        words = resources.title_words()
        return [low in words for low in self.lower]

    @cached_property
    def unstarted(self) -> frozenset[str]:
        """The texts the Doc writes somewhere other than at a sentence's start."""
        return frozenset(x for x, s in zip(self.text, self.sent_start) if not s)

    @cached_property
    def lower_at(self) -> dict[str, list[int]]:
        """Where each lower-case word stands (token indices, in order)."""
        positions: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.text):
            if word.islower():
                positions[word].append(i)
        return positions

    def class_appositions(self, kinds: Mapping[str, str]) -> list[int]:
        """Where a lower-case common noun of `kinds` stands in apposition ("X, a cruise ship"), in order."""
        kept = self.__dict__.get("_class_appositions")
        if kept is None or kept[0] is not kinds:
            at = [i for i, (low, dep) in enumerate(zip(self.lower, self.dep)) if dep == "appos" and low in kinds
                  and self.pos[i] == "NOUN" and self.text[i].islower()]
            kept = self.__dict__["_class_appositions"] = (kinds, at)
        return kept[1]

    def opens_clause(self, i: int) -> bool:
        """`opens_clause` of token i."""
        if self.pos[i] not in ("SCONJ", "ADP", "CCONJ") or not self.text[i][:1].isupper():
            return False
        return bool(self.sent_start[i]) or i == 0 or "\n" in self.text[i - 1] + self.ws[i - 1]

    def spaced_dash(self, i: int) -> bool:
        """`boundaries.spaced_dash` of token i."""
        return self.text[i] in ("-", "\u2013", "\u2014") and (bool(self.ws[i]) or i > 0 and bool(self.ws[i - 1]))


_SHARED: ContextVar[Tokens | None] = ContextVar("kz_shared_tokens", default=None)


def tokens_of(doc: Doc) -> Tokens:
    """The Tokens of `doc`: the one `sharing_tokens` made for it, or a new one."""
    t = _SHARED.get()
    return t if t is not None and t.doc is doc and t.n == len(doc) else Tokens(doc)


@contextmanager
def sharing_tokens(doc: Doc):
    """While a component works on `doc`, every rule's `tokens_of(doc)` is one Tokens, each list read once."""
    mark = _SHARED.set(Tokens(doc))
    try:
        yield
    finally:
        _SHARED.reset(mark)
