"""Stage 3, deciding the type: person, organisation or place, or no entity at all.

The model's label stands unless there is evidence against it (`relabel`): a body's evidence
(`body_evidence`: a legal form, "shares of X", "X CEO", "its") or a person's (`person_evidence`:
a title). Noise goes (`is_noise`: role words, nationalities, products, lists), and so do document
names, unknown organisations inside a person's title and a headline-case title's guesses the body
does not repeat. Per article, one name gets one label (`consistent_labels`). A wrong label, or a
mention that is no entity at all, is decided here.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from ... import resources
from ..support.syntax import speaks
from ..support.text import doc_text
from ..support.tokens import Tokens, span_text, tokens_of
from .common import ACRONYM, NAME_PARTICLES, POSSESSIVE, RELABELLABLE, Candidate, company_shaped, has_keyword, is_score, is_score_text, name_token, score_before, surname_shaped
from .grouping import initials, name_key
from .titles import TITLE_MODIFIERS, is_title_word


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
    if any(c.dep_ == "appos" and c.lower_ in anaphors for c in root.children) or root.dep_ == "appos" and root.head.lower_ in anaphors:
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


def common_word_alone(doc: Doc, cand: Candidate, ids: Mapping[str, str]) -> bool:
    """ "Customs cannot check ..., a customs officer said", a heading "Citizens": one capitalised
    word that the text around it also writes in lower case, or that stands alone on its line, is a
    common noun, not a body's name (a gazetteer name or an acronym stays)."""
    if cand.end - cand.start != 1 or cand.source == "gazetteer":
        return False
    t = tokens_of(doc)
    i = cand.start
    text = t.text[i]
    if not t.alpha[i] or not text.istitle() or text in ids or text in resources.org_keywords() or company_shaped(doc[i]):
        return False
    line_alone = (i == 0 or "\n" in t.text[i - 1] + t.ws[i - 1] or t.text[i - 1].isspace()) and \
        (i + 1 == t.n or "\n" in text + t.ws[i] or t.text[i + 1].isspace())
    if line_alone:
        return True
    at = t.lower_at(t.lower[i])
    k = bisect.bisect_left(at, i - 400)
    return k < len(at) and at[k] < i + 400


def is_noise(doc: Doc, cand: Candidate, ids: Mapping[str, str]) -> bool:
    """Role words, nationality adjectives and common words are never entities."""
    if cand.source == "poster":
        return False  # "steppe_wolf", "@almaty_air": a handle is written as its owner chose
    t = tokens_of(doc)
    start, end = cand.start, cand.end
    text = t.span_text(start, end)
    low = text.lower()
    if not any(ch.isalpha() for ch in text) or text == low or "@" in text or "http" in low:
        return True
    if cand.label == "ORG" and common_word_alone(doc, cand, ids):
        return True
    words = t.text[start:end]
    keywords = resources.org_keywords()
    if cand.label == "ORG" and not any(w in keywords for w in words) and cand.source != "results" \
            and introduced_as(doc, start, end) != "body":  # "the broadcaster Khabar 24"
        if end - start > 1 and model_code(words[-1]):
            return True  # "Airbus A380": a product
        if end < t.n and model_code(t.text[end]) and t.text[end][:1].isalnum() \
                and not score_before(doc, min(end + 3, t.n)) and not is_score(doc[end]):
            return True  # "Airbus" in "Airbus A320 jets", "Boeing 787": the maker names its product
        if "," in words:
            return True  # "Maintenance, Repair and Overhaul": a list, not a name
    demonyms = resources.demonyms()
    if low in demonyms or low.rstrip("s") in demonyms:
        return True
    title_words = resources.title_words()
    if low in resources.titles() or all(w in title_words or w in TITLE_MODIFIERS for w in t.lower[start:end]):
        return True
    if cand.label == "ORG" and end < t.n and t.pos[end] == "NOUN" and t.text[end].islower():
        span = doc[start:end]
        if modifies_common_noun(span, ids) and (span[-1].tag_ not in ("NNP", "NNPS") or span.root.dep_ == "amod"):
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


def is_model_code(token: Token) -> bool:
    """ "A380", "VC-10", "737-800": a product's model, not a word of a body's name."""
    return model_code(token.text)


_DIGIT_GROUPS = re.compile(r"\d+(?:-\d+)*")


def model_code(text: str) -> bool:
    """`is_model_code` of a token's text."""
    if is_score_text(text):
        return False
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text) or bool(_DIGIT_GROUPS.fullmatch(text))


def a_modifier(doc: Doc, cand: Candidate) -> bool:
    """ "a Crossroads," : a capitalised word after "a" that heads nothing is no name."""
    toks = tokens_of(doc)
    return cand.start > 0 and toks.lower[cand.start - 1] in ("a", "an") and (
        cand.end >= len(doc) or toks.punct[cand.end])


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


def person_shaped(span: Span) -> bool:
    """Two to four words of a name with no organisation word or nationality in them."""
    return 2 <= len(span) <= 4 and all(name_token(t) or t.lower_ in NAME_PARTICLES for t in span) and \
        not any(t.text in resources.org_keywords() or t.lower_ in resources.demonyms() for t in span) and \
        class_kinds().get(span[-1].lower_, "person") == "person"  # "Rolling Stone Magazine"


_LEADING_THE = re.compile(r"^the ", re.I)


def relabel(doc: Doc, cand: Candidate) -> str | None:
    """The label evidence supports, or None to drop a mention of another kind."""
    span = doc[cand.start:cand.end]
    t = tokens_of(doc)
    words, lows, text = t.text[cand.start:cand.end], t.lower[cand.start:cand.end], t.span_text(cand.start, cand.end)
    keywords = resources.org_keywords()
    has_keyword = any(w in keywords for w in words)
    things = thing_name_words()
    if any(low in things and w[:1].isupper() for w, low in zip(words, lows)) and not has_keyword:
        return None  # "Cyclone Phailin", "Space Shuttle Columbia", "Operation Clambake": a storm, a vehicle
    if cand.label == "PERSON" and cand.source != "poster" and any(ch.isdigit() for ch in text):
        return None  # "COP29": a person's name has no digits
    if cand.label == "GPE" and len(span) > 1 and span[-1].like_num:
        return None  # "Windows 11": a place has no number
    if cand.label == "ORG" and not has_keyword and cand.source != "results" and \
            _LEADING_THE.sub("", text) in resources.country_names():
        return "GPE"  # "Uzbekistan said": a country standing alone is a place (a team: `teams`)
    kind = introduced_as(doc, cand.start, cand.end) if not cand.titles else None
    if kind == "thing":
        return None  # "the 1969 film Easy Rider", "the cruise ship Freewinds"
    if kind == "body" and cand.label != "ORG":
        return "ORG"  # "the band Ninety One", "the magazine Der Spiegel"
    if kind == "person" and cand.label != "PERSON" and person_shaped(span):
        return "PERSON"  # "writer Aner Shalev"
    if cand.label in ("ORG", "NORP") and len(words) == 1 and surname_shaped(span[0]) and not company_shaped(span[0]) \
            and cand.source == "model" and span.root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") \
            and not body_evidence(doc, cand.start, cand.end):
        return "PERSON"  # "Nazarbayev spoke first", "Rahmonov's visit"
    if len(words) > 1 and words[-1] in resources.word_list("outlet_heads.txt") and not cand.titles:
        return "ORG"  # "the Sydney Morning Herald", "the Saudi Gazette"
    if cand.label == "PERSON" and len(words) == 1 and not cand.titles and company_shaped(span[0]):
        return "ORG"  # "Kazakhtelecom said": a company's one-word name
    if cand.label == "PERSON" and (has_keyword and len(words) > 1 or body_evidence(doc, cand.start, cand.end)
                                   or len(words) > 1 and words[-1] in resources.word_list("club_suffixes.txt")):
        return "ORG"
    if cand.label in RELABELLABLE:
        if cand.titles or (cand.start > 0 and t.lower[cand.start - 1] in resources.title_words() and t.text[cand.start - 1][0].isupper()):
            return "PERSON"
        if has_keyword and cand.label not in ("NORP", "LAW", "EVENT") and \
                head_text(t, cand.start, cand.end) not in resources.word_list("name_heads.txt"):
            return "ORG"
        return None
    if cand.label == "PERSON" and len(words) > 1 and not cand.titles \
            and head_text(t, cand.start, cand.end) in resources.word_list("event_heads.txt"):
        return None  # "the Summer Paralympics", "McMurdo Station": an event, a place, no one
    if cand.label == "ORG" and head_text(t, cand.start, cand.end) in resources.word_list("name_heads.txt"):
        return None
    if cand.label == "ORG" and not has_keyword and person_evidence(span, speaking=False) and not body_evidence(doc, cand.start, cand.end) \
            and not (cand.start > 0 and t.lower[cand.start - 1] == "the"):
        return "PERSON"  # a title says so; speaking does not: "Apple Computer reported", "the White House said"
    return cand.label


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


def inside_document_name(doc: Doc, start: int) -> bool:
    """True for "the Development of Civil Society" in "Concept for the Development of ..."."""
    toks = tokens_of(doc)
    i = start - 1
    if i >= 0 and toks.lower[i] == "the":
        i -= 1
    if i < 1 or toks.lower[i] not in ("for", "of", "on"):
        return False
    return toks.text[i - 1] in resources.word_list("name_heads.txt")


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


def portfolio_follows(doc: Doc, end: int) -> bool:
    """ "Energy Minister", "Foreign Secretary": the words before such a title name its portfolio."""
    return end < len(doc) and tokens_of(doc).lower[end] in resources.word_list("portfolio_titles.txt")


def title_complement(doc: Doc, start: int) -> bool:
    """ "State" in "Secretary of State": the complement of a title word."""
    return start >= 2 and tokens_of(doc).lower[start - 1] == "of" and is_title_word(doc[start - 2])


def drop_title_organisations(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> list[Candidate]:
    """An unknown organisation inside a person's title is part of the title.

    Before the name a portfolio goes ("Kazakh Energy" in "Kazakh Energy Minister X"), an
    employer stays ("Ryanair" in "Ryanair CEO X", "JSA Research" in "JSA Research analyst X");
    in an apposition after it only names without an organisation word go ("Foreign Affairs" in
    "X, EU spokesperson for Foreign Affairs"), so "director of Human Rights Without Frontiers" keeps its body.
    """
    toks = tokens_of(doc)
    known = ids
    text = doc_text(doc)
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for c in cands:
        if c.label != "PERSON" or not c.titles:
            continue
        if c.phrase_start is not None and c.phrase_start < c.start:
            before.append((toks.idx[c.phrase_start], toks.idx[c.start]))
        end = toks.end_char(c.end)
        for t in c.titles:
            pos = text.find(t, end, end + 200 + len(t))
            if pos >= 0:
                after.append((pos, pos + len(t)))
    out = []
    for c in cands:
        if c.label == "ORG":
            name = span_text(doc, c.start, c.end)
            a, b = toks.idx[c.start], toks.idx[c.end - 1] + len(doc[c.end - 1])
            unknown = name not in known and not ACRONYM.match(name)
            if unknown and any(s <= a and b <= e for s, e in before) and (portfolio_follows(doc, c.end) or title_complement(doc, c.start)):
                continue
            outlet = c.end - c.start > 1 and toks.text[c.end - 1] in resources.word_list("outlet_heads.txt")
            if unknown and not has_keyword(doc, c) and not outlet and any(s <= a and b <= e for s, e in after):
                continue
        out.append(c)
    return out


def place_acronyms(doc: Doc, cands: list[Candidate]) -> None:
    """ "UAE" tagged as an organisation beside "the United Arab Emirates": the place's acronym."""
    places = {initials(span_text(doc, c.start, c.end)) for c in cands if c.label == "GPE" and c.end - c.start > 1}
    for c in cands:
        text = span_text(doc, c.start, c.end).replace(".", "")
        if c.label == "ORG" and ACRONYM.match(text) and text in places:
            c.label = "GPE"


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


def products(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """ "its iPhone", "their Galaxy": a name a body owns by "its" or "their" is its product or
    brand, no body, in every mention of the article (a gazetteer name or one with an organisation
    word stays; "its subsidiary Kcell" is a body by its class noun, and "its KEGOC shares" a body
    whose shares it holds)."""
    toks = tokens_of(doc)
    owned = set()
    for c in cands:
        if c.label == "ORG" and c.start > 0 and toks.lower[c.start - 1] in ("its", "their") and c.source != "gazetteer" \
                and not has_keyword(doc, c) and span_text(doc, c.start, c.end) not in ids \
                and not (c.end < len(doc) and doc[c.end].is_lower and toks.pos[c.end] == "NOUN"):  # "its KEGOC shares"
            owned.add(_model_key(doc, c))
    for c in cands:
        if c.label == "ORG" and _model_key(doc, c) in owned:
            c.label = "DROP"


def _model_key(doc: Doc, c: Candidate) -> str:
    """A name's key without a trailing model number ("iPhone 15" is the iPhone)."""
    end = c.end
    while end - 1 > c.start and tokens_of(doc).like_num[end - 1]:
        end -= 1
    return name_key(span_text(doc, c.start, end))


def teams(doc: Doc, cands: list[Candidate]) -> None:
    """A place that plays a match is the team in the whole article ("Sweden had more of the ball")."""
    label_at = {i: c.label for c in cands for i in range(c.start, c.end)}
    keys = {name_key(span_text(doc, c.start, c.end)) for c in cands if c.label == "GPE" and plays_a_match(doc, c, label_at)}
    for c in cands:
        if c.label == "GPE" and name_key(span_text(doc, c.start, c.end)) in keys:
            c.label = "ORG"


def listed_with_people(doc: Doc, cands: list[Candidate]) -> None:
    """ "works by Chuck Close, Walker Evans and Robert Frank": a name shaped like a person's, listed
    with people and with no body among them, is a person."""
    label_at = {i: c.label for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "ORG" or not 2 <= c.end - c.start <= 4:
            continue  # person_shaped's length test, before a span is built
        span = doc[c.start:c.end]
        if not person_shaped(span):
            continue
        others = [label_at.get(t.i) for t in span.root.conjuncts if not c.start <= t.i < c.end]
        if others and "PERSON" in others and "ORG" not in others:
            c.label = "PERSON"


def consistent_labels(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """A name seen as a person with evidence is a person throughout; otherwise the majority wins."""
    toks = tokens_of(doc)
    place_acronyms(doc, cands)
    listed_with_people(doc, cands)
    teams(doc, cands)
    products(doc, cands, ids)
    votes: dict[str, Counter] = defaultdict(Counter)
    evidence: set[str] = set()
    surnames: set[str] = set()  # last words of full names: "Tokayev" alone is the same person
    texts = [span_text(doc, c.start, c.end) for c in cands]
    keys = [name_key(text) for text in texts]
    for c, text, key in zip(cands, texts, keys):
        votes[key][c.label] += 1
        if c.label == "PERSON" and (c.titles or len(text.split()) > 1):
            evidence.add(key)
            surnames.add(name_key(toks.text[c.end - 1]))
    for c, text, key in zip(cands, texts, keys):
        surname = len(key.split()) == 1 and key in surnames and text not in ids and not ACRONYM.match(text)
        if key in evidence or surname:
            c.label = "PERSON"
            continue
        v = votes[key]
        other = max(("GPE", "ORG"), key=lambda lab: v[lab])
        if c.label == "PERSON" and v[other] and v[other] >= v["PERSON"]:
            c.label = other
        elif c.label == "PERSON" and len(key.split()) == 1 and c.source != "poster" and not acts(doc, c):
            c.label = "DROP"  # "Toulouse", "Worldliner": one capitalised word with nothing saying it is a person
        elif c.label == "ORG" and v["GPE"] >= v["ORG"] and not any(toks.text[t] in resources.org_keywords() for t in range(c.start, c.end)):
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
    if tok.is_sent_start and _lower_use(doc, tok):
        return False  # "Artist's rendering ... the artist": a common word opening a sentence
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss") and (tok.tag_ in ("NNP", "NNPS") or surname_shaped(tok))


def _lower_use(doc: Doc, tok: Token) -> bool:
    """Whether the word is written in lower case in its sentence or in the 400 tokens after it."""
    at = tokens_of(doc).lower_at(tok.lower_)
    sent = tok.sent
    return any(sent.start <= i < sent.end or tok.i < i < tok.i + 400 for i in at)


def is_headline_case(text: str) -> bool:
    """ "Paris Terror Attacks Highlight Threat": most words capitalised, so capitals say nothing."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "a", "an", "to",
                                                                              "in", "on", "for", "at", "by")]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def drop_headline_guesses(doc: Doc, cands: list[Candidate], title_end: int, ids: Mapping[str, str]) -> list[Candidate]:
    """Keep a name from a headline-case title only when the body names it too (or it is a known body)."""
    toks = tokens_of(doc)
    body = {name_key(span_text(doc, c.start, c.end)) for c in cands if toks.idx[c.start] >= title_end}
    return [c for c in cands if toks.idx[c.start] >= title_end or name_key(span_text(doc, c.start, c.end)) in body
            or span_text(doc, c.start, c.end) in ids]
