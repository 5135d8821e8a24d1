"""What every stage shares: the `Candidate` (a mention before grouping), the word lists the stages
agree on, and small tests on tokens (capitalised, a title word, a word of a name, a result).

Nothing about a mention is decided here.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ... import resources
from ...identity import surname_ending
from ..support.text import NAME_PARTICLES  # noqa: F401 (re-exported: the entity modules read it here)
from ..support.tokens import tokens_of

RELABELLABLE = {"PRODUCT", "WORK_OF_ART", "FAC", "NORP", "LAW", "EVENT"}
CONNECTORS = {"of", "for", "on", "and", "the", "through", "de", "du", "des", "&", "-", "in"}
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
    toks = tokens_of(doc)
    if end >= 1 and is_score(doc[end - 1]):
        return 1
    if end >= 3 and toks.text[end - 2] in ("-", "\u2013") and SCORE.fullmatch(toks.text[end - 3] + "-" + toks.text[end - 1]) \
            and int(toks.text[end - 3]) < 200 and int(toks.text[end - 1]) < 200:
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


def name_token(token: Token) -> bool:
    return (token.is_alpha or "-" in token.text or "'" in token.text or "\u2019" in token.text) and \
        token.text[:1].isupper() and not token.text.isupper()


def has_keyword(doc: Doc, cand: Candidate) -> bool:
    keywords = resources.org_keywords()
    return any(w in keywords for w in tokens_of(doc).text[cand.start:cand.end])


def opens_clause(token: Token) -> bool:
    """ "As", "If", "While", "Unlike" opening a sentence or a line: a function word that is
    capitalised only because it comes first, never the first word of a name after it."""
    if token.pos_ not in ("SCONJ", "ADP", "CCONJ") or not token.text[:1].isupper():
        return False
    return token.is_sent_start or token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws


def surname_shaped(token: Token) -> bool:
    """A word ending like a Central Asian, Russian or Caucasian surname or patronymic (`surname_endings.txt`)."""
    return token.is_alpha and surname_ending(token.lower_)


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
