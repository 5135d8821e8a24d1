"""What the text says of a name, as plain tests that decide nothing themselves: a body's evidence
(`body_evidence`: a legal form, "shares of X", "X CEO", "its"), a person's (`person_evidence`,
`person_shaped`), the class noun it is introduced with (`introduced_as`: "the band X"), its head
word, a product's model code, a match it plays, a headline written in title case. `types` and
`noise` read them."""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from ... import resources
from ..support.syntax import speaks
from ..support.tokens import Tokens, tokens_of
from .common import ACRONYM, NAME_PARTICLES, POSSESSIVE, Candidate, is_score_text, name_token, score_before, surname_shaped
from .titles import is_title_word


def body_evidence(doc: Doc, start: int, end: int) -> str | None:
    """Why the name at [start, end) names a body rather than a person, or None.

    Each reason is something people are never written with: a legal form ("Best Buy Inc"),
    being bought and sold ("shares of X",
    "a stake in X", "X shares"), a role that only bodies have ("chief executive of X"), an
    apposition that calls it a company ("X, the retailer"), or "its" in its own clause
    ("Best Buy said its sales fell").
    """
    t = tokens_of(doc)
    legal_forms = resources.word_list("legal_forms.txt")
    if any(w in legal_forms for w in t.text[start + 1:end]):
        return "legal form"
    lower = t.lower
    if start >= 2 and (lower[start - 2], lower[start - 1]) in (("shares", "of"), ("stake", "in"), ("stakes", "in")):
        return "traded"
    roles = resources.word_list("body_roles.txt")
    if end < t.n and lower[end] in roles:
        return "role of a body"  # "Ryanair CEO Michael O'Leary", "Chelsea owner X"
    if end < t.n and lower[end] in ("shares", "stock") or end + 1 < t.n and t.text[end] in POSSESSIVE and lower[end + 1] in ("shares", "stock"):
        return "traded"
    if start >= 2 and lower[start - 1] == "of" and lower[start - 2] in roles:
        return "role of a body"
    span = doc[start:end]
    anaphors = resources.word_list("anaphors.txt")
    root = span.root
    # "X, the retailer": a common noun in lower case ("Bank" in "the governor of the National Bank, X" names a body)
    if any(c.dep_ == "appos" and c.text in anaphors for c in root.children) or root.dep_ == "appos" and root.head.text in anaphors:
        return "apposition"
    if root.dep_ in ("nsubj", "nsubjpass"):
        possessives = possessives_after(root.head, end)
        if "its" in possessives and not possessives & {"his", "her"}:
            return "its"
    return None


def possessives_after(head: Token, end: int) -> set[str]:
    """The lower-case possessives ("its", "his") in `head`'s subtree from token `end` on."""
    doc = head.doc
    t = tokens_of(doc)
    lower, dep = t.lower, t.dep
    # the subtree lies between its edges: only the possessives there are looked up the tree
    return {lower[i] for i in range(max(end, head.left_edge.i), head.right_edge.i + 1)
            if dep[i] == "poss" and (i == head.i or head.is_ancestor(doc[i]))}


def person_evidence(span: Span, *, speaking: bool = True) -> bool:
    """A two- or three-word name that speaks (with `speaking`) or holds a title is a person."""
    if not 2 <= len(span) <= 4:
        return False
    t = tokens_of(span.doc)
    words, lows = t.text[span.start:span.end], t.lower[span.start:span.end]
    if not all(name or low in NAME_PARTICLES for name, low in zip(t.name[span.start:span.end], lows)):
        return False
    keywords, demonyms = resources.org_keywords(), resources.demonyms()
    if any(w in keywords for w in words) or any(low in demonyms for low in lows):
        return False
    root = span.root
    if speaking and speaks(root):
        return True
    if root.dep_ == "appos" and is_title_word(root.head):
        return True
    return any(c.dep_ == "appos" and is_title_word(c) for c in root.children)


def person_shaped(span: Span) -> bool:
    """Two to four words of a name with no organisation word or nationality in them."""
    return 2 <= len(span) <= 4 and all(name_token(t) or t.lower_ in NAME_PARTICLES for t in span) and \
        not any(t.text in resources.org_keywords() or t.lower_ in resources.demonyms() for t in span) and \
        class_kinds().get(span[-1].lower_, "person") == "person"  # "Rolling Stone Magazine"


@resources.cached
def class_kinds() -> dict[str, str]:
    """Class noun -> what a name it introduces is: body, person or thing (`class_nouns.tsv`)."""
    return {row[0]: row[1] for row in resources.table("class_nouns.tsv") if len(row) >= 2}


@resources.cached
def thing_name_words() -> frozenset[str]:
    """Words that open a thing's own name: "Cyclone Phailin" (`class_nouns.tsv`, column "name")."""
    return frozenset(row[0] for row in resources.table("class_nouns.tsv") if len(row) >= 3 and row[2] == "name")


@resources.cached
def named_before() -> frozenset[str]:
    """Things whose name comes before them: "the KASE index" (`class_nouns.tsv`, column "after")."""
    return frozenset(row[0] for row in resources.table("class_nouns.tsv") if len(row) >= 3 and row[2] == "after")


def introduced_as(doc: Doc, start: int, end: int) -> str | None:
    """What the common noun a name is introduced with says it is: "the band X" (body),
    "illustrator X" (person), "the film X", "X, a cruise ship" (thing), or None."""
    kinds = class_kinds()
    t = tokens_of(doc)
    # each test reads the word lists first: few names have a class noun beside them
    if start > 0 and t.lower[start - 1] in kinds and t.pos[start - 1] == "NOUN" and t.text[start - 1].islower():
        # right before the name, and the name not the subject of a clause on the noun
        # ("the company Aigul Sarsenova founded")
        root = doc[start:end].root
        if not (root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("relcl", "acl")):
            return kinds[t.lower[start - 1]]
    if bisect.bisect_left(t.appositions, end) < len(t.appositions):  # an apposition after the name at all
        root = doc[start:end].root
        for c in root.children:
            if c.dep_ == "appos" and c.i >= end and c.is_lower and c.pos_ == "NOUN" and c.lower_ in kinds:
                return kinds[c.lower_]
    if end < t.n and t.lower[end] in named_before() and t.text[end].islower():
        root = doc[start:end].root
        if root.dep_ == "compound" and root.head.i == end:
            return "thing"  # "the KASE index", "the NEMISIS database": the name of a thing
    return None


def head_text(t: Tokens, start: int, end: int) -> str:
    """`name_head(doc[start:end]).text`, read off the Doc's Tokens."""
    return t.text[_head_index(t, start, end)]


def name_head(span: Span) -> Token:
    """The head word of a name: its last word before "of/for/on" ("Concept" in "Concept for ..."),
    a trailing number left out ("Flight" in "Adam Air Flight 574")."""
    return span.doc[_head_index(tokens_of(span.doc), span.start, span.end)]


def _head_index(t: Tokens, start: int, end: int) -> int:
    for i in range(start + 1, end):
        if t.lower[i] in ("of", "for", "on", "through", "in"):
            return i - 1
    while end - 1 > start and t.like_num[end - 1]:
        end -= 1
    return end - 1


def is_model_code(token: Token) -> bool:
    """ "A380", "VC-10", "737-800": a product's model, not a word of a body's name."""
    return model_code(token.text)


_DIGIT_GROUPS = re.compile(r"\d+(?:-\d+)*")


def model_code(text: str) -> bool:
    """`is_model_code` of a token's text."""
    if is_score_text(text):
        return False
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text) or bool(_DIGIT_GROUPS.fullmatch(text))


def modifies_common_noun(span: Span, ids: Mapping[str, str]) -> bool:
    """An unknown name that modifies the lower-case noun after it ("the Campbell Soup cans")."""
    doc = span.doc
    if span.end >= len(doc) or ACRONYM.match(span.text) or span.text in ids:
        return False
    nxt = doc[span.end]
    if not (nxt.pos_ == "NOUN" and nxt.text.islower()):
        return False
    if any(t.text in resources.org_keywords() for t in span):
        return False
    return span.root.head.i >= span.end and span.root.dep_ in ("compound", "amod", "nmod")


def acts(doc: Doc, c: Candidate) -> bool:
    """Whether a one-word name does what people do in a clause: it is a verb's subject or object,
    or owns something ("Obama will accept", "tell Obama", "Mertens's attempt"), rather than a
    place or a medium ("flown to Toulouse", "on Twitter") or a modifier ("the Worldliner")."""
    tok = doc[c.start:c.end].root
    for _ in range(3):  # "Holder and Obama": a conjunct takes its first conjunct's role
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.is_sent_start and _lower_use(doc, tok):
        return False  # "Artist's rendering ... the artist": a common word opening a sentence
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss") and (tok.tag_ in ("NNP", "NNPS") or surname_shaped(tok))


def _lower_use(doc: Doc, tok: Token) -> bool:
    """Whether the word is written in lower case in its sentence or in the 400 tokens after it."""
    at = tokens_of(doc).lower_at(tok.lower_)
    sent = tok.sent
    return any(sent.start <= i < sent.end or tok.i < i < tok.i + 400 for i in at)


def result_beside(doc: Doc, c: Candidate) -> bool:
    """A result right after the name or right before it ("Belgium 3 – 0 Panama")."""
    return any(score_before(doc, min(c.end + k, len(doc))) == k for k in (1, 3)) or score_before(doc, c.start) > 0


def plays_a_match(doc: Doc, c: Candidate, label_at: Mapping[int, str]) -> bool:
    """ "Sweden defeated South Korea 1 – 0", "Japan faced Iran at the stadium": a place next to a
    result, or one side of a match verb whose other side is a place or body too, in a sentence
    of a match report (a result or a match word: `match_words.txt`)."""
    if result_beside(doc, c):
        return True
    words = resources.word_list("match_words.txt")
    root = doc[c.start:c.end].root
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ not in ("nsubj", "dobj", "pobj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in words:
        return False
    sides = [t for t in verb.subtree if t.dep_ in ("nsubj", "dobj", "pobj") and not c.start <= t.i < c.end
             and label_at.get(t.i) in ("GPE", "ORG") and (t.head.i == verb.i or t.head.head.i == verb.i)]
    sent = root.sent
    return bool(sides) and any(t.lemma_.lower() in words and t.i != verb.i or t.like_num for t in sent)


def is_headline_case(text: str) -> bool:
    """ "Paris Terror Attacks Highlight Threat": most words capitalised, so capitals say nothing."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "a", "an", "to",
                                                                              "in", "on", "for", "at", "by")]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.8
