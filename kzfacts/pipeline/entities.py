"""People, organisations and places: one entry per real-world entity in each article.

Mentions come from the model's entities plus two layout rules (a titled name is a person; a
capitalised name headed by an organisation word is an organisation). They are cleaned
(titles, "the", possessives), relabelled on evidence, and grouped per article into entities
with aliases, titles and acronyms.
"""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import resources
from .affiliations import link_people
from .syntax import speaks
from .text import article_at, longest_spans
from .component import KzComponent
from .facts import Entity, Mention

MODEL_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}
RELABELLABLE = {"PRODUCT", "WORK_OF_ART", "FAC", "NORP", "LAW", "EVENT"}
CONNECTORS = {"of", "for", "on", "and", "the", "through", "de", "du", "des", "&", "-", "in"}
NAME_PARTICLES = {"von", "van", "de", "der", "del", "da", "di", "bin", "al", "el", "la", "le", "ibn"}
TITLE_MODIFIERS = {"former", "ex", "ex-", "then", "acting", "deputy", "vice", "incoming", "outgoing",
                   "interim", "current", "late", "first", "senior", "junior", "chief", "its", "their"}
STOP_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}\+?$")
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
NUMBER = re.compile(r"\d[\d,.]*")  # a count or a score, not a code or an ordinal
SCORE = re.compile(r"(\d{1,3})[-\u2013](\d{1,3})")  # "2-1", "102-98": a result after a team's name


def is_score(token: Token) -> bool:
    m = SCORE.fullmatch(token.text)
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


def is_capitalised(token: Token) -> bool:
    return bool(token.text) and (token.text[0].isupper() or token.text[0].isdigit() and token.ent_type_ in ("ORG", ""))


def is_title_word(token: Token) -> bool:
    return token.lower_ in resources.title_words()


def clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading "the"/"ex-", trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a", "an", "ex", "-", "ex-") or doc[start].is_punct
                           or doc[start].is_space or doc[start].text in POSSESSIVE):
        start += 1
    end -= score_before(doc, end) if end - start > 1 else 0  # "Liverpool 2-1"
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # an unclosed parenthesis cuts the name ("European Commission for Democracy through Law (Venice Commission")
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in CONNECTORS):
        end -= 1
    return start, end


def capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by connectors ("Ministry of Foreign Affairs")."""
    runs = []
    i = 0
    n = len(doc)
    while i < n:
        if not is_capitalised(doc[i]) or doc[i].is_punct:
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if is_capitalised(tok) and not tok.is_punct and not tok.is_sent_start:
                j += 1
            elif tok.lower_ == "and" and doc[j - 1].text in resources.org_keywords():
                break  # "Wizz Air Holding and Abu Dhabi ... Company": two names
            elif tok.lower_ in CONNECTORS and not tok.whitespace_ == "" or tok.text in ("-", "&"):
                k = j + 1
                while k < n and doc[k].lower_ in CONNECTORS:
                    k += 1
                if k < n and is_capitalised(doc[k]) and not doc[k].is_sent_start and not doc[k].is_punct and k - j <= 2 \
                        and doc[k].ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                    j = k + 1
                else:
                    break
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _blocks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised blocks of a run, split at lower-case connectors."""
    blocks, i = [], start
    while i < end:
        j = i
        while j < end and (is_capitalised(doc[j]) or doc[j].text == "-"):
            j += 1
        if j > i:
            blocks.append((i, j))
        i = max(j, i + 1)
    return blocks


def org_rule_spans(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised names whose head is an organisation word: "Religious Freedom Working Group"."""
    keywords = resources.org_keywords()
    heads = resources.word_list("name_heads.txt")
    found = []
    for start, end in capitalised_runs(doc):
        blocks = _blocks(doc, start, end)
        if not blocks:
            continue
        # the head of "X of Y for Z" is X; a document head makes the whole run no organisation
        if any(doc[t].text in heads for t in range(*blocks[0])):
            continue
        # "Kazakh Energy Minister Nurlan Nogayev": organisation words before a title belong to the title
        title_at = next((t for t in range(start, end) if is_title_word(doc[t]) and doc[t].text not in keywords), None)
        if title_at is not None and any(doc[t].text in keywords for t in range(start, title_at)):
            continue
        if title_at is not None:
            blocks = [b for b in blocks if b[0] > title_at] or []
            if not blocks:
                continue
        for b_start, b_end in blocks:
            if any(doc[t].text in keywords for t in range(b_start, b_end)):
                s = b_start
                if s < b_end and doc[s].is_sent_start and doc[s].lower_ in ("the", "a", "an"):
                    s += 1
                if b_end - s == 1 and doc[s].text in keywords and end == b_end:
                    break  # a lone "Ministry" or "Parliament" is left to the model
                found.append((s, end))
                break
    return found


def _name_token(token: Token) -> bool:
    return (token.is_alpha or "-" in token.text or "'" in token.text or "\u2019" in token.text) and \
        token.text[:1].isupper() and not token.text.isupper()


def titled_person_spans(doc: Doc) -> list[tuple[int, int]]:
    """Names right after a title ("Greens MEP Viola von Cramon"): people, whatever the model said."""
    found = []
    keywords = resources.org_keywords()
    i = 1
    while i < len(doc):
        prev = doc[i - 1]
        if not (is_title_word(prev) and prev.text[0].isupper() and _name_token(doc[i])) or is_title_word(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc):
            tok = doc[j]
            if _name_token(tok) and not is_title_word(tok) and tok.text not in keywords and not tok.is_sent_start or j == i:
                j += 1
            elif tok.lower_ in NAME_PARTICLES and j + 1 < len(doc) and _name_token(doc[j + 1]):
                j += 1
            else:
                break
        if 2 <= j - i <= 4 and not any(doc[t].text in keywords for t in range(i, j)):
            found.append((i, j))
        i = max(j, i + 1)
    return found


def body_evidence(doc: Doc, start: int, end: int) -> str | None:
    """Why the name at [start, end) names a body rather than a person, or None.

    Each reason is something people are never written with: a legal form ("Best Buy Inc"),
    being bought and sold ("shares of X",
    "a stake in X", "X shares"), a role that only bodies have ("chief executive of X"), an
    apposition that calls it a company ("X, the retailer"), or "its" in its own clause
    ("Best Buy said its sales fell").
    """
    span = doc[start:end]
    if any(t.text in resources.word_list("legal_forms.txt") for t in span[1:]):
        return "legal form"
    prev = doc[start - 1] if start > 0 else None
    if start >= 2 and (doc[start - 2].lower_, prev.lower_) in (("shares", "of"), ("stake", "in"), ("stakes", "in")):
        return "traded"
    nxt = doc[end:end + 2]
    roles = resources.word_list("body_roles.txt")
    if len(nxt) and nxt[0].lower_ in roles:
        return "role of a body"  # "Ryanair CEO Michael O'Leary", "Chelsea owner X"
    if len(nxt) and nxt[0].lower_ in ("shares", "stock") or len(nxt) == 2 and nxt[0].text in POSSESSIVE and nxt[1].lower_ in ("shares", "stock"):
        return "traded"
    if start >= 2 and prev.lower_ == "of" and doc[start - 2].lower_ in roles:
        return "role of a body"
    anaphors = resources.word_list("anaphors.txt")
    root = span.root
    if any(c.dep_ == "appos" and c.lower_ in anaphors for c in root.children) or root.dep_ == "appos" and root.head.lower_ in anaphors:
        return "apposition"
    if root.dep_ in ("nsubj", "nsubjpass"):
        clause = [t for t in root.head.subtree if t.i >= end]
        possessives = {t.lower_ for t in clause if t.dep_ == "poss"}
        if "its" in possessives and not possessives & {"his", "her"}:
            return "its"
    return None


def person_evidence(span: Span, *, speaking: bool = True) -> bool:
    """A two- or three-word name that speaks (with `speaking`) or holds a title is a person."""
    if not 2 <= len(span) <= 4 or not all(_name_token(t) or t.lower_ in NAME_PARTICLES for t in span):
        return False
    if any(t.text in resources.org_keywords() or t.lower_ in resources.demonyms() for t in span):
        return False
    root = span.root
    if speaking and speaks(root):
        return True
    if root.dep_ == "appos" and is_title_word(root.head):
        return True
    return any(c.dep_ == "appos" and is_title_word(c) for c in root.children)


def speaker_spans(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised names the model missed that are the subject of a reporting verb ("Alberto Turkstra ... says")."""
    found = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.ent_type_ or not _name_token(tok) or not speaks(tok):
            continue
        start = tok.i
        while start > 0 and (_name_token(doc[start - 1]) or doc[start - 1].lower_ in NAME_PARTICLES) and doc[start - 1].dep_ in ("compound", "flat") and not doc[start - 1].ent_type_:
            start -= 1
        if tok.i - start >= 1 and not is_title_word(doc[start]) and person_evidence(doc[start:tok.i + 1]):
            found.append((start, tok.i + 1))
    return found


def title_before(doc: Doc, start: int) -> tuple[list[str], int | None, int]:
    """Titles written before a name: (titles, first honorific token kept in the mention, phrase start)."""
    if start > 0 and doc[start - 1].lower_ == "of":
        return [], None, start  # "Secretary of State", "President of Kazakhstan": a title's complement, not a name
    i = start - 1
    has_title = False
    while i >= 0:
        tok = doc[i]
        if tok.is_space or tok.is_punct and tok.text != "-":
            break
        low = tok.lower_
        if is_title_word(tok):
            has_title = True
        elif low in TITLE_MODIFIERS:
            pass
        elif low == "of" and i > 0 and is_title_word(doc[i - 1]):
            pass  # "Secretary of State John Kerry"
        elif not tok.text[0].isupper():
            break
        elif tok.pos_ not in ("PROPN", "ADJ", "NOUN") or tok.ent_type_ in ("DATE", "TIME"):
            break  # "Yesterday President X": a capitalised opener is not part of a title
        i -= 1
        # the parser's sentence starts are unreliable inside title-case phrases: stop only at real breaks
        if i >= 0 and "\n" in doc[i].text_with_ws:
            break
    first = i + 1
    if not has_title or first >= start:
        return [], None, start
    while first < start and doc[first].lower_ in STOP_PRONOUNS | {"the", "a", "an"}:
        first += 1
    phrase = doc[first:start].text.strip(" -")
    if not phrase or not any(is_title_word(doc[t]) for t in range(first, start)):
        return [], None, start
    # the honorific right before the name stays in the mention ("President Tokayev")
    honorific = start - 1 if doc[start - 1].text[0].isupper() and doc[start - 1].text != doc[start - 1].text.upper() and is_title_word(doc[start - 1]) else None
    return [phrase], honorific, first


def appositive_titles(span: Span) -> list[str]:
    """Titles in an apposition: "Peter Stano, EU spokesperson for ...", "director of ..." ."""
    out = []
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        candidates.append(root.head)
    for head in candidates:
        if not is_title_word(head) or head.ent_type_ == "PERSON":
            continue
        # the role's words on its own side of the name: "The commission's chairman, X" / "X, director of Y"
        before = head.i < span.start
        toks = [t for t in head.subtree if (t.i < span.start if before else t.i >= span.end)]
        cut = [t for t in toks if t.dep_ in ("relcl", "acl") and t.head == head]
        if cut:
            stop = min(t.left_edge.i for t in cut)
            toks = [t for t in toks if t.i < stop]
        if not toks:
            continue
        text = span.doc[toks[0].i: toks[-1].i + 1].text
        text = re.sub(r"^(?:a|an|the|its|his|her|their|our)\s+", "", text.strip(" ,;"), flags=re.I).strip(" ,;")
        if text and len(text.split()) <= 15:
            out.append(text)
    return out


def model_candidates(doc: Doc) -> list[Candidate]:
    out = []
    for ent in doc.ents:
        if ent.label_ in MODEL_LABELS or ent.label_ in RELABELLABLE:
            out.append(Candidate(ent.start, ent.end, MODEL_LABELS.get(ent.label_, ent.label_), "model"))
    return out


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _clashes(sorted_cands: list[Candidate], starts: list[int], c: Candidate) -> list[Candidate]:
    """Candidates of a start-sorted, non-overlapping list that overlap c."""
    k = bisect.bisect_left(starts, c.start)
    out = [sorted_cands[k - 1]] if k > 0 and _overlaps(sorted_cands[k - 1], c) else []
    while k < len(sorted_cands) and sorted_cands[k].start < c.end:
        out.append(sorted_cands[k])
        k += 1
    return out


def _separated(doc: Doc, at: int, label: str) -> bool:
    """Whether the model entity starting at token `at` stands apart from the name before it:
    after "and", "in" or "at", or a place after "of the" ("Colorado State University of the US")."""
    i = at - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
        if label == "GPE" and doc[i].lower_ == "of":
            return True
    return doc[i].lower_ in ("and", "in", "at")


def trim_at_model_entities(doc: Doc, start: int, end: int, model: list[Candidate],
                           starts: list[int]) -> tuple[int, int]:
    """A rule's capitalised run ends where the model saw another entity begin inside it.

    "Refugee Council Enver Solomon" (a person follows), "Skidmore College in Saratoga Springs",
    "Irving Independent School District and the Irving Police Department" (two bodies) keep only
    their first name, and a run that goes on past a body the model tagged without adding an
    organisation word ("the Refugee Council Enver Solomon") stops with that body. `model` is the
    model's entities in order (they never overlap), `starts` their first tokens.
    """
    keywords = resources.org_keywords()
    for m in _clashes(model, starts, Candidate(start, end, "")):
        if start < m.start and (m.label == "PERSON" or _separated(doc, m.start, m.label)):
            return start, m.start
        if m.label == "ORG" and m.start <= start and m.end < end and not any(doc[t].text in keywords for t in range(m.end, end)):
            return start, m.end  # the model's body already holds the run's head: "the Refugee Council | Enver"
    return start, end


def merge_candidates(model: list[Candidate], rules: list[Candidate]) -> list[Candidate]:
    """Rule spans win over the model's spans they overlap, unless the model's is longer with the same label."""
    kept: list[Candidate] = []
    for r in sorted(rules, key=lambda c: c.start):
        if kept and _overlaps(kept[-1], r):
            continue
        kept.append(r)
    starts = [k.start for k in kept]
    dropped: set[int] = set()
    result = []
    for m in model:
        clash = _clashes(kept, starts, m)
        if not clash:
            result.append(m)
        elif all((m.end - m.start) > (r.end - r.start) and m.label == r.label for r in clash):
            dropped.update(id(r) for r in clash)
            result.append(m)
    result.extend(r for r in kept if id(r) not in dropped)
    return sorted(result, key=lambda c: c.start)


def is_noise(doc: Doc, cand: Candidate, ids: Mapping[str, str]) -> bool:
    """Role words, nationality adjectives and common words are never entities."""
    span = doc[cand.start:cand.end]
    text = span.text
    low = text.lower()
    if not any(ch.isalpha() for ch in text) or text == text.lower() or "@" in text or "http" in low:
        return True
    if cand.label == "ORG" and not any(t.text in resources.org_keywords() for t in span):
        if is_model_code(span[-1]) and len(span) > 1:
            return True  # "Airbus A380": a product
        if cand.end < len(doc) and is_model_code(doc[cand.end]) and doc[cand.end].text[:1].isalnum() \
                and not score_before(doc, min(cand.end + 3, len(doc))) and not is_score(doc[cand.end]):
            return True  # "Airbus" in "Airbus A320 jets", "Boeing 787": the maker names its product
        if any(t.text == "," for t in span):
            return True  # "Maintenance, Repair and Overhaul": a list, not a name
    if low in resources.demonyms() or low.rstrip("s") in resources.demonyms():
        return True
    if low in resources.titles() or all(is_title_word(t) or t.lower_ in TITLE_MODIFIERS for t in span):
        return True
    if cand.label == "ORG" and modifies_common_noun(span, ids) and (span[-1].tag_ not in ("NNP", "NNPS") or span.root.dep_ == "amod"):
        return True  # "EU-Kazakhstan Enhanced" cut out of "EU-Kazakhstan Enhanced cooperation agreement"
    return False


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


def relabel(doc: Doc, cand: Candidate) -> str | None:
    """The label evidence supports, or None to drop a mention of another kind."""
    span = doc[cand.start:cand.end]
    keywords = resources.org_keywords()
    has_keyword = any(t.text in keywords for t in span)
    if cand.label == "PERSON" and (has_keyword and len(span) > 1 or body_evidence(doc, cand.start, cand.end)
                                   or len(span) > 1 and span[-1].text in resources.word_list("club_suffixes.txt")):
        return "ORG"
    if cand.label in RELABELLABLE:
        if cand.titles or (cand.start > 0 and is_title_word(doc[cand.start - 1]) and doc[cand.start - 1].text[0].isupper()):
            return "PERSON"
        if has_keyword and cand.label not in ("NORP", "LAW", "EVENT") and \
                name_head(span).text not in resources.word_list("name_heads.txt"):
            return "ORG"
        return None
    if cand.label == "PERSON" and len(span) > 1 and not cand.titles \
            and name_head(span).text in resources.word_list("event_heads.txt"):
        return None  # "the Summer Paralympics", "McMurdo Station": an event, a place, no one
    if cand.label == "ORG" and name_head(span).text in resources.word_list("name_heads.txt"):
        return None
    if cand.label == "ORG" and not has_keyword and person_evidence(span, speaking=False) and not body_evidence(doc, cand.start, cand.end) \
            and not (cand.start > 0 and doc[cand.start - 1].lower_ == "the"):
        return "PERSON"  # a title says so; speaking does not: "Apple Computer reported", "the White House said"
    return cand.label


def name_head(span: Span) -> Token:
    """The head word of a name: its last word before "of/for/on" ("Concept" in "Concept for ..."),
    a trailing number left out ("Flight" in "Adam Air Flight 574")."""
    for t in span:
        if t.lower_ in ("of", "for", "on", "through", "in") and t.i > span.start:
            return span.doc[t.i - 1]
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].like_num:
        end -= 1
    return span.doc[end - 1]


def is_model_code(token: Token) -> bool:
    """ "A380", "VC-10", "737-800": a product's model, not a word of a body's name."""
    text = token.text
    if is_score(token):
        return False
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text) or bool(re.fullmatch(r"\d+(?:-\d+)*", text))


def flight_airline(doc: Doc, cand: Candidate) -> Candidate | None:
    """ "Garuda Indonesia Flight 200": the airline before a flight number is an organisation."""
    for i in range(cand.start + 1, min(cand.end + 1, len(doc) - 1)):
        if doc[i].text == "Flight" and doc[i + 1].like_num:
            return Candidate(cand.start, i, "ORG", cand.source)
    return None


def inside_document_name(doc: Doc, start: int) -> bool:
    """True for "the Development of Civil Society" in "Concept for the Development of ..."."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("for", "of", "on"):
        return False
    return doc[i - 1].text in resources.word_list("name_heads.txt")


def a_modifier(doc: Doc, cand: Candidate) -> bool:
    """ "a Crossroads," : a capitalised word after "a" that heads nothing is no name."""
    return cand.start > 0 and doc[cand.start - 1].lower_ in ("a", "an") and (
        cand.end >= len(doc) or doc[cand.end].is_punct)


def extend_org(doc: Doc, start: int, end: int) -> int:
    """Extend a cut organisation name over "for/of/on + capitalised words" ("European Institute for Asian Studies")."""
    keywords = resources.org_keywords()
    if doc[end - 1].text not in keywords:
        return end
    j = end
    while j + 1 < len(doc) and doc[j].lower_ in ("for", "of", "on") and not doc[j].is_sent_start:
        k = j + 1
        if doc[k].lower_ == "the":
            k += 1
        m = k
        while m < len(doc) and is_capitalised(doc[m]) and not doc[m].is_punct and doc[m].ent_type_ not in ("DATE", "PERSON"):
            m += 1
            while m + 1 < len(doc) and doc[m].lower_ in ("and", "of", "for") and is_capitalised(doc[m + 1]):
                m += 1
        if m == k:
            break
        j = m
    return j


_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7}\+?)\)")


def acronyms_in_parentheses(doc: Doc, text: str) -> list[Token]:
    """Tokens of "(ABC)" in the text, found by a pattern on the text rather than a walk over every token."""
    found = []
    for m in _PAREN_ACRONYM.finditer(text):
        span = doc.char_span(m.start(1), m.end(1))
        if span is not None and len(span) == 1 and span.start >= 2 and span.end < len(doc):
            found.append(span[0])
    return found


def parenthesised_acronyms(doc: Doc, acronyms: list[Token]) -> list[tuple[int, int]]:
    """ "Kazakhstan Stock Exchange (KASE)": the acronym in parentheses after a capitalised name."""
    return [(tok.i, tok.i + 1) for tok in acronyms
            if is_capitalised(doc[tok.i - 2]) and initials_match(doc, tok.i - 1, tok.text.rstrip("+"))]


def initials_match(doc: Doc, paren: int, letters: str) -> bool:
    """Whether the capitalised words before a parenthesis can spell the acronym: its first letter
    starts the name and the rest appear in order ("KASE" in "Kazakhstan Stock Exchange")."""
    words = []
    i = paren - 1
    while i >= 0 and len(words) < len(letters) + 4 and (is_capitalised(doc[i]) or doc[i].lower_ in CONNECTORS):
        if is_capitalised(doc[i]):
            words.insert(0, doc[i].text)
        i -= 1
    for k in range(len(words)):
        name = "".join(words[k:]).lower()
        if name[:1] == letters[0].lower() and _in_order(letters[1:].lower(), name[1:]):
            return True
    return False


def _in_order(letters: str, text: str) -> bool:
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def common_noun_acronyms(doc: Doc, acronyms: list[Token]) -> set[str]:
    """ "initial public offering (IPO)": an acronym of lower-case words names no body."""
    found = set()
    for tok in acronyms:
        words = [t for t in doc[max(0, tok.i - 1 - len(tok.text)):tok.i - 1] if t.is_alpha]
        if len(words) == len(tok.text) and all(w.is_lower for w in words) and \
                "".join(w.text[0] for w in words).upper() == tok.text:
            found.add(tok.text)
    return found


def _has_keyword(doc: Doc, cand: Candidate) -> bool:
    return any(doc[t].text in resources.org_keywords() for t in range(cand.start, cand.end))


def strip_leading_titles(doc: Doc, cand: Candidate) -> None:
    """ "President Tokayev" tagged whole: the title leaves the name, and the name is a person."""
    while cand.end - cand.start > 1:
        first = doc[cand.start]
        is_title = first.lower_ in resources.titles() and first.text not in resources.org_keywords() \
            and cand.label in ("PERSON", "PRODUCT", "ORG")
        is_modifier = first.lower_ in TITLE_MODIFIERS and cand.label == "PERSON"
        # the end of a longer title the mention starts inside ("Assistant Attorney | General Peter Kane")
        is_title_end = cand.label == "PERSON" and cand.start > 0 and \
            f"{doc[cand.start - 1].lower_} {first.lower_}" in resources.titles()
        if not (is_title or is_modifier or is_title_end):
            return
        if cand.label in ("PRODUCT", "ORG") and not _has_keyword(doc, cand):
            cand.label = "PERSON"
        cand.start += 1


def attach_titles(doc: Doc, cand: Candidate) -> None:
    """Titles written before a name; an unknown "organisation" right after a title is a person."""
    if cand.label not in ("PERSON", "PRODUCT", "WORK_OF_ART", "FAC", "ORG"):
        return
    titles, honorific, phrase_start = title_before(doc, cand.start)
    if cand.label == "ORG" and not (titles and not _has_keyword(doc, cand)):
        return
    if titles and cand.label == "ORG":
        cand.label = "PERSON"
    cand.titles, cand.title_start, cand.phrase_start = titles, honorific, phrase_start


def traded_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised names that are bought and sold ("shares of Gazprom", "a stake in Kaspi", "Kaspi
    shares fell"): bodies, when the model tagged nothing there."""
    found = []
    for tok in doc:
        if tok.lower_ not in ("shares", "stake", "stock", "stakes"):
            continue
        nxt = tok.i + 1
        if nxt + 1 < len(doc) and doc[nxt].lower_ in ("of", "in"):
            end = start = nxt + 1
            while end < len(doc) and _name_token(doc[end]) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1
            if end > start:
                found.append((start, end))
        if tok.lower_ in ("shares", "stock"):
            end = start = tok.i
            while start > 0 and _name_token(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" \
                    and not doc[start - 1].ent_type_:
                start -= 1
                if doc[start].is_sent_start:
                    break
            # a capitalised first word of a sentence ("Bank shares fell") is a name only if the text
            # also capitalises it where capitals mean something
            if end > start and (not doc[start].is_sent_start or end - start > 1 or any(
                    t.text == doc[start].text and not t.is_sent_start for t in doc)):
                found.append((start, end))
    return found


def gather_mentions(doc: Doc, known: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Mentions from the model and from the rules, the rules' winning where they overlap
    (`merge_candidates`): the gazetteer's names, capitalised runs headed by an organisation word,
    acronyms in parentheses, traded names, titled names and named speakers; then airlines before flight numbers;
    acronyms of common nouns ("IPO") go."""
    acronyms = acronyms_in_parentheses(doc, doc.text)
    rules = [Candidate(s, e, "ORG", "gazetteer") for s, e in longest_spans(known)]
    model = model_candidates(doc)
    starts = [m.start for m in model]
    org_runs = [trim_at_model_entities(doc, s, e, model, starts) for s, e in org_rule_spans(doc)]
    rules += [Candidate(s, e, "ORG", "rule") for s, e in org_runs + parenthesised_acronyms(doc, acronyms)
              + traded_name_spans(doc)]
    rules += [Candidate(s, e, "PERSON", "rule") for s, e in titled_person_spans(doc) + speaker_spans(doc)]
    cands = merge_candidates(model, rules)
    cands += [a for c in cands if c.label == "ORG" and (a := flight_airline(doc, c)) is not None]
    common = common_noun_acronyms(doc, acronyms) | resources.word_list("common_acronyms.txt")
    return [c for c in cands if doc[c.start:c.end].text not in common]


# Each mention goes through these steps in order; a step that returns False drops it.

def trim_mention(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """Leading "the", trailing possessives, punctuation and results ("Liverpool 2-1") leave the name."""
    c.start, c.end = clean_bounds(doc, c.start, c.end)
    return c.start < c.end


CREDIT_WORDS = {"image", "photo", "picture", "video", "credit", "source", "photograph", "illustration"}


def cut_at_credits(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A caption's credit ends the name before it ("student Ahmed Mohamed Image: Twitter"): a
    mention never runs into "Image:", "Photo:" or "Source:"."""
    for i in range(c.start + 1, c.end):
        if doc[i].lower_ in CREDIT_WORDS and i + 1 < len(doc) and doc[i + 1].text == ":":
            c.end = i
            break
    if c.end < len(doc) - 1 and c.end - c.start > 1 and doc[c.end - 1].lower_ in CREDIT_WORDS \
            and doc[c.end].text == ":":
        c.end -= 1
    return c.start < c.end


def cut_at_numbers(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A name never runs over a number: a person's mention ends before its first number ("Greg Smith
    57", "Attendance 5,300" gives nothing); a body's ends before a number that another name follows
    (a results line, "Plymouth 4 Exeter 1"), while "Channel 4" keeps its number."""
    for i in range(c.start, c.end):
        if not NUMBER.fullmatch(doc[i].text):  # "501st Legion", "G20", "A320": no count, part of the name
            continue
        if c.label == "PERSON" or c.label == "ORG" and c.start < i and i + 1 < c.end and is_capitalised(doc[i + 1]):
            c.end = i
            break
    c.start, c.end = clean_bounds(doc, c.start, c.end)
    return c.start < c.end


def person_name_bounds(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A person's name starts with a capital ("magician David Gish" is David Gish) and keeps a
    hyphenated given name whole ("Wong Yeung-tat", "Lam Cheuk-ting": the tokenizer cuts at the hyphen
    and the model stops before the lower-case part)."""
    if c.label != "PERSON":
        return True
    while c.start < c.end and doc[c.start].is_lower and doc[c.start].is_alpha:
        c.start += 1
    while c.end + 1 < len(doc) and doc[c.end].text in ("-", "\u2010") and not doc[c.end - 1].whitespace_ \
            and not doc[c.end].whitespace_ and doc[c.end + 1].is_lower and doc[c.end + 1].is_alpha:
        c.end += 2
    return c.start < c.end


def find_titles(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A title inside the mention leaves it ("President Tokayev"); titles before it are kept."""
    strip_leading_titles(doc, c)
    attach_titles(doc, c)
    return True


def drop_noise(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """Role words, nationalities, products, lists and cut phrases are no entities (`is_noise`)."""
    return not (is_noise(doc, c, ids) or a_modifier(doc, c))


def label_on_evidence(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """The label the evidence supports (`relabel`); a mention of another kind goes."""
    label = relabel(doc, c)
    if label is None:
        return False
    c.label = label
    return True


def drop_document_names(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """ "the Development of Civil Society" inside "Concept for the Development of ..." is no body."""
    return not (c.label == "ORG" and inside_document_name(doc, c.start))


def extend_organisation(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A body's name cut before "for/of/on + capitalised words" runs on (`extend_org`)."""
    if c.label == "ORG":
        c.end = extend_org(doc, c.start, c.end)
    return True


def add_appositive_titles(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """A person's titles in apposition ("X, director of Y"), the fuller of two kept."""
    if c.label == "PERSON":
        c.titles += [t for t in appositive_titles(doc[c.start:c.end]) if t not in c.titles]
        # "chairman" and "fund's chairman": keep the fuller
        c.titles = [t for t in c.titles if not any(o != t and o.endswith(" " + t) for o in c.titles)]
    return True


MENTION_STEPS = (trim_mention, cut_at_credits, cut_at_numbers, person_name_bounds, find_titles, drop_noise, label_on_evidence, drop_document_names,
                 extend_organisation, add_appositive_titles)


def find_candidates(doc: Doc, known: list[tuple[int, int]] = (), ids: Mapping[str, str] | None = None) -> list[Candidate]:
    """Every entity mention the rules accept: gathered, put through MENTION_STEPS in order, and the
    unknown organisations inside people's titles dropped."""
    ids = resources.organisation_ids() if ids is None else ids
    kept = [c for c in gather_mentions(doc, known) if all(step(doc, c, ids) for step in MENTION_STEPS)]
    return drop_title_organisations(doc, kept, ids)


def portfolio_follows(doc: Doc, end: int) -> bool:
    """ "Energy Minister", "Foreign Secretary": the words before such a title name its portfolio."""
    return end < len(doc) and doc[end].lower_ in resources.word_list("portfolio_titles.txt")


def title_complement(doc: Doc, start: int) -> bool:
    """ "State" in "Secretary of State": the complement of a title word."""
    return start >= 2 and doc[start - 1].lower_ == "of" and is_title_word(doc[start - 2])


def drop_title_organisations(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> list[Candidate]:
    """An unknown organisation inside a person's title is part of the title.

    Before the name a portfolio goes ("Kazakh Energy" in "Kazakh Energy Minister X"), an
    employer stays ("Ryanair" in "Ryanair CEO X", "JSA Research" in "JSA Research analyst X");
    in an apposition after it only names without an organisation word go ("Foreign Affairs" in
    "X, EU spokesperson for Foreign Affairs"), so "director of Human Rights Without Frontiers" keeps its body.
    """
    known = ids
    text = doc.text  # built from the tokens on each access: read it once
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for c in cands:
        if c.label != "PERSON" or not c.titles:
            continue
        if c.phrase_start is not None and c.phrase_start < c.start:
            before.append((doc[c.phrase_start].idx, doc[c.start].idx))
        end = doc[c.end - 1].idx + len(doc[c.end - 1])
        for t in c.titles:
            pos = text.find(t, end, end + 200 + len(t))
            if pos >= 0:
                after.append((pos, pos + len(t)))
    out = []
    for c in cands:
        if c.label == "ORG":
            name = doc[c.start:c.end].text
            a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
            unknown = name not in known and not ACRONYM.match(name)
            if unknown and any(s <= a and b <= e for s, e in before) and (portfolio_follows(doc, c.end) or title_complement(doc, c.start)):
                continue
            if unknown and not _has_keyword(doc, c) and any(s <= a and b <= e for s, e in after):
                continue
        out.append(c)
    return out


def name_key(text: str) -> str:
    text = re.sub(r"[\u2019']s$", "", text)
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


def initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def place_acronyms(doc: Doc, cands: list[Candidate]) -> None:
    """ "UAE" tagged as an organisation beside "the United Arab Emirates": the place's acronym."""
    places = {initials(doc[c.start:c.end].text) for c in cands if c.label == "GPE" and c.end - c.start > 1}
    for c in cands:
        text = doc[c.start:c.end].text.replace(".", "")
        if c.label == "ORG" and ACRONYM.match(text) and text in places:
            c.label = "GPE"


def consistent_labels(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """A name seen as a person with evidence is a person throughout; otherwise the majority wins."""
    place_acronyms(doc, cands)
    votes: dict[str, Counter] = defaultdict(Counter)
    evidence: set[str] = set()
    surnames: set[str] = set()  # last words of full names: "Tokayev" alone is the same person
    for c in cands:
        key = name_key(doc[c.start:c.end].text)
        votes[key][c.label] += 1
        if c.label == "PERSON" and (c.titles or len(doc[c.start:c.end].text.split()) > 1):
            evidence.add(key)
            surnames.add(name_key(doc[c.end - 1].text))
    for c in cands:
        key = name_key(doc[c.start:c.end].text)
        text = doc[c.start:c.end].text
        surname = len(key.split()) == 1 and key in surnames and text not in ids and not ACRONYM.match(text)
        if key in evidence or surname:
            c.label = "PERSON"
            continue
        v = votes[key]
        other = max(("GPE", "ORG"), key=lambda lab: v[lab])
        if c.label == "PERSON" and v[other] and v[other] >= v["PERSON"]:
            c.label = other
        elif c.label == "PERSON" and len(key.split()) == 1 and not acts(doc, c):
            c.label = "DROP"  # "Toulouse", "Worldliner": one capitalised word with nothing saying it is a person
        elif c.label == "ORG" and v["GPE"] >= v["ORG"] and not any(doc[t].text in resources.org_keywords() for t in range(c.start, c.end)):
            c.label = "GPE"


def acts(doc: Doc, c: Candidate) -> bool:
    """Whether a one-word name does what people do in a clause: it is a verb's subject or object,
    or owns something ("Obama will accept", "tell Obama", "Mertens's attempt"), rather than a
    place or a medium ("flown to Toulouse", "on Twitter") or a modifier ("the Worldliner")."""
    tok = doc[c.start:c.end].root
    for _ in range(3):  # "Holder and Obama": a conjunct takes its first conjunct's role
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.is_sent_start and tok.lower_ in {t.text for t in tok.sent if t.is_lower} | {t.text for t in doc[tok.i + 1:tok.i + 400] if t.is_lower}:
        return False  # "Artist's rendering ... the artist": a common word opening a sentence
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss") and tok.tag_ in ("NNP", "NNPS")


@dataclass
class _Group:
    label: str
    forms: list[tuple[str, int, int, Candidate]] = field(default_factory=list)
    key: str | None = None


def _mention(doc: Doc, c: Candidate) -> Mention:
    """The mention's words: the name, with the honorific it was written with, whole ("Finance
    Minister Yerulan Zhamaubayev", not "Minister Yerulan Zhamaubayev", when its title is "Finance
    Minister"; a nationality before the title stays out)."""
    first = c.title_start if c.title_start is not None else c.start
    if c.title_start is not None:
        for title in c.titles:
            words = title.split()
            k = len(words)
            if 1 < k <= c.title_start + 1 and doc[c.title_start - k + 1:c.title_start + 1].text == title:
                lead = c.title_start - k + 1
                while lead < c.title_start and doc[lead].lower_ in resources.demonyms():
                    lead += 1
                first = min(first, lead)
    span = doc[first:c.end]
    return Mention(span.text, span.start_char, span.end_char)


def group_entities(doc: Doc, cands: list[Candidate], article: int, ids: Mapping[str, str]) -> list[Entity]:
    """Group one article's mentions into entities."""
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    for c in order:
        text = doc[c.start:c.end].text
        key = name_key(text)
        label = c.label
        group = by_key.get((label, key))
        if group is None and label == "ORG":
            canon = ids.get(text)
            if canon:
                group = by_key.get((label, "id:" + canon))
        if group is None and label == "PERSON":
            group = _person_group(doc, groups, c)
        if group is None and label in ("ORG", "GPE") and ACRONYM.match(text.replace(".", "")):
            group = _acronym_group(doc, groups, c, text.replace(".", ""))
        if group is None and label == "ORG":
            group = _short_form_group(groups, text)
        if group is None:
            group = _Group(label)
            groups.append(group)
        group.forms.append((text, c.start, c.end, c))
        by_key[(label, key)] = group
        if label == "ORG" and ids.get(text):
            by_key[(label, "id:" + ids[text])] = group
    _merge_parentheticals(doc, groups)
    return [_to_entity(doc, g, article, ids) for g in groups if g.forms]


def _person_group(doc: Doc, groups: list[_Group], c: Candidate) -> _Group | None:
    tokens = [w.lower() for w in doc[c.start:c.end].text.split() if any(ch.isalpha() for ch in w)]
    if not tokens:
        return None
    matches = []
    for g in groups:
        if g.label != "PERSON":
            continue
        name_tokens = [t.lower() for t in re.split(r"\s+", max((f[0] for f in g.forms), key=len))]
        if len(tokens) == 1 and tokens[0] in (name_tokens[-1], name_tokens[0]) and len(name_tokens) > 1:
            matches.append(g)
        elif len(tokens) > 1 and tokens[-1] == name_tokens[-1] and (tokens[0] == name_tokens[0] or tokens[0][0] == name_tokens[0][0] and len(tokens[0]) <= 2):
            matches.append(g)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        before = [(max(f[1] for f in g.forms if f[1] < c.start), g) for g in matches if any(f[1] < c.start for f in g.forms)]
        return max(before, key=lambda x: x[0])[1] if before else None
    return None


def org_core(text: str) -> str:
    """An organisation name without legal-form suffixes or a leading country ("U.S. Air Force")."""
    words = text.replace(",", " ").split()
    legal_forms = resources.word_list("legal_forms.txt")
    while len(words) > 1 and words[-1] in legal_forms:
        words.pop()
    if len(words) > 1 and (words[0] in ("US", "U.S.", "UK", "U.K.") or words[0].lower() in resources.demonyms()):
        words.pop(0)
    return " ".join(words)


def _short_form_group(groups: list[_Group], text: str) -> _Group | None:
    """ "Aer Lingus" = "Aer Lingus Group PLC"; "Boeing" = "Boeing Commercial Airplanes" (not "Wizz Air Holding")."""
    core = org_core(text)
    keywords = resources.org_keywords()
    matches = []
    for g in groups:
        if g.label != "ORG":
            continue
        for form, _, _, _ in g.forms:
            other = org_core(form)
            if other == core:
                matches.append(g)
                break
            rest = other[len(core):].split() if other.startswith(core + " ") else None
            if rest and len(core.split()) == 1 and not ACRONYM.match(core) and \
                    all(w in resources.word_list("company_descriptors.txt") or w not in keywords for w in rest):
                matches.append(g)
                break
    return matches[0] if len(matches) == 1 else None


def _acronym_group(doc: Doc, groups: list[_Group], c: Candidate, text: str) -> _Group | None:
    letters = text.rstrip("+")
    for g in groups:
        if g.label != c.label:
            continue
        for form, _, _, _ in g.forms:
            if ACRONYM.match(form):
                continue
            if initials(form) == letters or initials(re.sub(r"\b(?:of|the|and|for|on|through|in)\b", "", form)) == letters:
                return g
            # "OSCE Office of ... (ODIHR)": the acronym may skip a leading known acronym
            parts = form.split(" ", 1)
            if len(parts) == 2 and ACRONYM.match(parts[0]) and initials(parts[1]) == letters:
                return g
    return None


def _merge_parentheticals(doc: Doc, groups: list[_Group]) -> None:
    """ "National Council on Public Trust (NCPT)", "... Law (Venice Commission)": one entity."""
    for g in list(groups):
        for _, s, e, _ in list(g.forms):
            if s >= 2 and doc[s - 1].text == "(":
                prev = None
                for other in groups:
                    if other is g or other.label != g.label or not other.forms:
                        continue
                    if any(oe == s - 1 for _, _, oe, _ in other.forms):
                        prev = other
                if prev is not None and (ACRONYM.match(doc[s:e].text) or g.label == "ORG"):
                    prev.forms.extend(g.forms)
                    g.forms = []
                    break


def _to_entity(doc: Doc, g: _Group, article: int, ids: Mapping[str, str]) -> Entity:
    forms = sorted(g.forms, key=lambda f: f[1])
    names = [f[0] for f in forms]
    full = [n for n in names if not ACRONYM.match(n)] or names
    name = max(full, key=lambda n: (len(n.split()), len(n)))
    aliases: list[str] = []
    titles: list[str] = []
    mentions = []
    for text, _, _, c in forms:
        m = _mention(doc, c)
        mentions.append(m)
        for alias in (text, m.text):
            if alias != name and alias not in aliases:
                aliases.append(alias)
        for t in c.titles:
            if t not in titles:
                titles.append(t)
    acronym = next((n for n in names if ACRONYM.match(n) and n != name), None)
    canon = ids.get(name) or (acronym and ids.get(acronym))
    if g.label == "ORG" and canon and canon != name and canon not in aliases and ACRONYM.match(name):
        aliases.append(canon)
    return Entity(g.label, name, article, mentions, aliases, titles if g.label == "PERSON" else [], acronym if g.label != "PERSON" else None)


def is_headline_case(text: str) -> bool:
    """ "Paris Terror Attacks Highlight Threat": most words capitalised, so capitals say nothing."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "a", "an", "to",
                                                                              "in", "on", "for", "at", "by")]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def drop_headline_guesses(doc: Doc, cands: list[Candidate], title_end: int, ids: Mapping[str, str]) -> list[Candidate]:
    """Keep a name from a headline-case title only when the body names it too (or it is a known body)."""
    body = {name_key(doc[c.start:c.end].text) for c in cands if doc[c.start].idx >= title_end}
    return [c for c in cands if doc[c.start].idx >= title_end or name_key(doc[c.start:c.end].text) in body
            or doc[c.start:c.end].text in ids]


def find_entities(doc: Doc, known: list[tuple[int, int]] = (), ids: Mapping[str, str] | None = None) -> list[Entity]:
    """All entities of every article in the doc (mentions outside articles are dropped).

    `known` are token spans of gazetteer organisations.
    """
    per_article: dict[int, list[Candidate]] = defaultdict(list)
    ids = resources.organisation_ids() if ids is None else ids
    for c in find_candidates(doc, known, ids):
        art = article_at(doc._.kz_articles, doc[c.start].idx)
        if art is not None:
            per_article[art.index].append(c)
    for art in doc._.kz_articles or []:
        if art.dateline_place:
            # "ALMATY, March 3 (Reuters) -": the dateline names a place, tagged or not
            a, b = art.dateline_place
            cands = per_article[art.index]
            inside = [c for c in cands if a <= doc[c.start].idx < b]
            for c in inside:
                c.label = "GPE"
            span = doc.char_span(a, b, alignment_mode="expand")
            if not inside and span is not None:
                cands.append(Candidate(span.start, span.end, "GPE", "dateline"))
        if art.title and art.title_start is not None and is_headline_case(art.title) and art.index in per_article:
            per_article[art.index] = drop_headline_guesses(doc, per_article[art.index], art.title_start + len(art.title), ids)
    out = []
    for index, cands in sorted(per_article.items()):
        consistent_labels(doc, cands, ids)
        entities = group_entities(doc, [c for c in cands if c.label != "DROP"], index, ids)
        link_people(doc, entities, title_phrase_start)
        out.extend(entities)
    return out


def title_phrase_start(doc: Doc, start: int) -> int:
    """First token of the title phrase before a name starting at token `start` (`start` if none)."""
    return title_before(doc, start)[2]


def gazetteer_matcher(nlp, patterns: list[dict]) -> PhraseMatcher:
    """A phrase matcher of the gazetteer's organisation names (EntityRuler JSONL with string patterns)."""
    matcher = PhraseMatcher(nlp.vocab)
    for p in patterns:
        if isinstance(p.get("pattern"), str) and p.get("label", "ORG") == "ORG":
            matcher.add(p.get("id") or p["pattern"], [nlp.make_doc(p["pattern"])])
    return matcher


class EntityConsolidator(KzComponent):
    """spaCy component: `doc._.kz_entities`, people, organisations and places per article.

    The gazetteer (spaCy EntityRuler JSONL: a packaged name in `models/` or a path) is this
    component's own: its names win over the model's spans they overlap ("Samruk" tagged alone in
    "Samruk-Kazyna", unless the model's span is a longer name of the same kind), and its `id`s
    are the canonical names that merge forms ("EU" and "European Union"). It travels with
    `nlp.to_disk`.
    """

    resources = ("org_keywords.txt", "club_suffixes.txt", "legal_forms.txt", "company_descriptors.txt", "titles.txt", "demonyms.txt", "reporting_verbs.txt",
                 "anaphors.txt", "common_acronyms.txt", "name_heads.txt", "event_heads.txt", "body_roles.txt",
                 "portfolio_titles.txt", "role_words.txt", "former_words.txt", "affiliation_verbs.tsv",
                 "portfolio_bodies.tsv")
    extension = "kz_entities"
    needs = ("kz_articles",)
    GAZETTEER_FILE = "gazetteer.jsonl"

    def __init__(self, nlp, name: str = "kz_entities", *, gazetteer: str | None = "organisations.jsonl") -> None:
        self.name, self.nlp = name, nlp
        self.gazetteer = gazetteer
        self.user_ids: dict[str, str] = {}  # the user's patterns (--patterns): a form -> its canonical name
        self.patterns: list[dict] | None = None  # read on first use: `from_disk` may bring its own first

    def set_gazetteer(self, patterns: list[dict]) -> None:
        self.patterns = patterns
        self.matcher = gazetteer_matcher(self.nlp, patterns)
        self.ids = {p["pattern"]: p.get("id") or p["pattern"] for p in patterns if isinstance(p.get("pattern"), str)}

    def initialize(self, get_examples=None, *, nlp=None, gazetteer: str | None = None) -> None:
        """`[initialize.components.kz_entities] gazetteer = "my_names.jsonl"` replaces the gazetteer."""
        if gazetteer:
            self.set_gazetteer(load_gazetteer(gazetteer))

    def find(self, doc: Doc) -> list[Entity]:
        if self.patterns is None:
            self.set_gazetteer(load_gazetteer(self.gazetteer) if self.gazetteer else [])
        known = [(s, e) for _, s, e in self.matcher(doc)]
        found = find_entities(doc, known, self.ids)
        return apply_user_ids(found, self.user_ids) if self.user_ids else found

    def to_disk(self, path, *, exclude=()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.patterns is None:
            self.set_gazetteer(load_gazetteer(self.gazetteer) if self.gazetteer else [])
        lines = [json.dumps(p, ensure_ascii=False) for p in self.patterns]
        (Path(path) / self.GAZETTEER_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> EntityConsolidator:
        super().from_disk(path, exclude=exclude)
        self.set_gazetteer(load_gazetteer(str(Path(path) / self.GAZETTEER_FILE)))
        return self


def apply_user_ids(entities: list[Entity], user_ids: Mapping[str, str]) -> list[Entity]:
    """Entities named by the `id` of a user's pattern that found one of their forms ("Nur-Sultan"
    with id "Astana" is Astana); two entities of one article and label that it names alike are one."""
    merged: dict[tuple[int, str, str], Entity] = {}
    out: list[Entity] = []
    for ent in entities:
        forms = [ent.name, *ent.aliases, *(m.text for m in ent.mentions)]
        canon = next((user_ids[f] for f in forms if f in user_ids), None)
        if canon and canon != ent.name:
            ent.aliases = [a for a in dict.fromkeys([ent.name, *ent.aliases]) if a != canon]
            ent.name = canon
        key = (ent.article, ent.label, ent.name)
        into = merged.get(key)
        if into is None:
            merged[key] = ent
            out.append(ent)
            continue
        into.mentions = sorted([*into.mentions, *ent.mentions], key=lambda m: m.start)
        into.aliases += [a for a in ent.aliases if a not in into.aliases and a != into.name]
        into.titles += [t for t in ent.titles if t not in into.titles]
    return out


def load_gazetteer(name: str) -> list[dict]:
    """EntityRuler JSONL patterns from a file path, or from a packaged resource of that name."""
    path = Path(name)
    if path.is_file():
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                and not line.startswith("#")]
    return list(resources.jsonl(name))
