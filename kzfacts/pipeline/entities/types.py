"""Stage 3, deciding the type: person, organisation or place. The only module that writes a
mention's label.

The model's or the rules' label is a proposal. Each mention goes through `TYPE_RULES` in order
(`relabel`): the first rule with a verdict decides, a label or `NOT_AN_ENTITY`; a name behind a
title is a person (`person_behind_title`, `person_after_title`). Per article, a dateline names a
place (`dateline_place`) and `ARTICLE_TYPE_RULES` settle what one mention cannot: a place's
acronym, people listed together, a country that plays a match, a body's product, and one label per
name (`one_label_per_name`).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import cached_property

from spacy.tokens import Doc, Span

from ... import resources
from ..facts import Article
from ..support.tokens import span_text, tokens_of
from .boundaries import starts_with_title
from .common import ACRONYM, RELABELLABLE, Candidate, company_shaped, has_keyword, surname_shaped
from .evidence import acts, body_evidence, class_kinds, head_text, introduced_as, person_evidence, person_shaped, plays_a_match, thing_name_words
from .grouping import initials, name_key
from .titles import title_before

_LEADING_THE = re.compile(r"^the ", re.I)
NOT_AN_ENTITY = "-"  # a rule's verdict that the mention names no person, body or place


class Name:
    """One mention as the type rules read it: its words, and evidence read once, when a rule asks."""

    def __init__(self, doc: Doc, cand: Candidate) -> None:
        self.doc, self.cand = doc, cand
        self.t = t = tokens_of(doc)
        self.span = doc[cand.start:cand.end]
        self.words, self.lows = t.text[cand.start:cand.end], t.lower[cand.start:cand.end]
        self.text = t.span_text(cand.start, cand.end)
        keywords = resources.org_keywords()
        self.has_keyword = any(w in keywords for w in self.words)

    @cached_property
    def introduced_as(self) -> str | None:
        """What a class noun before or after it says it is ("the band X"); a titled name has none."""
        return introduced_as(self.doc, self.cand.start, self.cand.end) if not self.cand.titles else None

    @cached_property
    def body_evidence(self) -> str | None:
        return body_evidence(self.doc, self.cand.start, self.cand.end)

    @cached_property
    def head(self) -> str:
        return head_text(self.t, self.cand.start, self.cand.end)


# Each rule gives a verdict (a label, or NOT_AN_ENTITY) or None, "not mine"; the first verdict decides.

def thing_named(n: Name) -> str | None:
    """ "Cyclone Phailin", "Space Shuttle Columbia", "Operation Clambake": a storm, a vehicle."""
    things = thing_name_words()
    if any(low in things and w[:1].isupper() for w, low in zip(n.words, n.lows)) and not n.has_keyword:
        return NOT_AN_ENTITY
    return None


def digits_in_a_person(n: Name) -> str | None:
    """ "COP29": a person's name has no digits."""
    if n.cand.label == "PERSON" and n.cand.source != "poster" and any(ch.isdigit() for ch in n.text):
        return NOT_AN_ENTITY
    return None


def numbered_place(n: Name) -> str | None:
    """ "Windows 11": a place has no number."""
    return NOT_AN_ENTITY if n.cand.label == "GPE" and len(n.span) > 1 and n.span[-1].like_num else None


def country_alone(n: Name) -> str | None:
    """ "Uzbekistan said": a country standing alone is a place (a team: `teams`)."""
    if n.cand.label == "ORG" and not n.has_keyword and n.cand.source != "results" and \
            _LEADING_THE.sub("", n.text) in resources.country_names():
        return "GPE"
    return None


def known_place(n: Name) -> str | None:
    """ "the Soviet Union", "met in Dushanbe": a state that no longer exists (`former_states.txt`),
    whatever words its name holds, or a city CLDR names a time zone after, with no organisation
    word, is a place (a gazetteer body or a results line's team stays)."""
    if n.cand.label != "ORG" or n.cand.source in ("results", "gazetteer"):
        return None
    name = _LEADING_THE.sub("", n.text)
    if name in resources.former_states() or not n.has_keyword and name in resources.city_names():
        return "GPE"
    return None


def one_slip(a: str, b: str) -> bool:
    """Whether a and b differ by one letter added or dropped, or two neighbours swapped. A letter
    changed is no slip here: real names sit one letter from a country ("Columbia", "Colombia")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]


def misspelled_place(n: Name) -> str | None:
    """ "Kazakshtan", "Central Asa": an unknown "body" of seven letters or more, with no organisation
    word, that a country's or a world region's name (CLDR) is one slip of the keys away from, is
    that place misspelled (a nationality is no entity at all: `noise`)."""
    cand, name = n.cand, _LEADING_THE.sub("", n.text)
    if cand.label != "ORG" or cand.source != "model" or n.has_keyword or len(name) < 7:
        return None
    places = resources.place_names()
    return "GPE" if any(p[0] == name[0] and one_slip(name, p) for p in places) else None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)


def is_ordinal(word: str) -> bool:
    """ "6th", "Sixth", "Annual": a word that numbers one edition of something held again and again."""
    low = word.lower()
    return bool(_ORDINAL.fullmatch(low)) or low == "annual" or resources.numbers().get(low, (0, ""))[1] == "ordinal"


def numbered_gathering(n: Name) -> str | None:
    """ "the 6th International Conference on ...", "the Sixth Forum of ...": a gathering the text
    numbers is one edition of an event, no body (`gathering_heads.txt`)."""
    cand = n.cand
    if cand.label != "ORG" or cand.source == "gazetteer" or n.head not in resources.word_list("gathering_heads.txt"):
        return None
    if is_ordinal(n.words[0]) or cand.start > 0 and is_ordinal(n.t.text[cand.start - 1]):
        return NOT_AN_ENTITY
    return None


def introduced_thing(n: Name) -> str | None:
    """ "the 1969 film Easy Rider", "the cruise ship Freewinds": a thing's name."""
    return NOT_AN_ENTITY if n.introduced_as == "thing" else None


def introduced_body(n: Name) -> str | None:
    """ "the band Ninety One", "the magazine Der Spiegel"."""
    return "ORG" if n.introduced_as == "body" and n.cand.label != "ORG" else None


def introduced_in_a_list(n: Name) -> str | None:
    """ "the national air carrier, Havo Yo'llari,", "pharmaceutical companies Novartis and Sanofi":
    a name in apposition to a body's class noun before it (`class_nouns.tsv`), or a later conjunct
    of the name that noun introduces, is a body."""
    if n.cand.label == "ORG" or n.cand.titles:
        return None
    return "ORG" if body_noun_before(n.span) else None


def body_noun_before(span: Span) -> bool:
    """The name is in apposition to a body's class noun before it, or a later conjunct of one that is."""
    root = span.root
    for _ in range(4):  # up a list's conjuncts to its first ("Sanofi" -> "Novartis")
        if root.dep_ != "conj" or root.head.i >= span.start:
            break
        root = root.head
    noun = root.head
    return root.dep_ == "appos" and noun.i < span.start and noun.is_lower and noun.pos_ == "NOUN" \
        and class_kinds().get(noun.lower_) == "body"


def introduced_person(n: Name) -> str | None:
    """ "writer Aner Shalev"."""
    if n.introduced_as == "person" and n.cand.label != "PERSON" and person_shaped(n.span):
        return "PERSON"
    return None


def surname_that_acts(n: Name) -> str | None:
    """ "Nazarbayev spoke first", "Rahmonov's visit": one surname-shaped word the model called a
    body or a nationality, acting as a person does."""
    cand, span = n.cand, n.span
    if cand.label in ("ORG", "NORP") and len(n.words) == 1 and surname_shaped(span[0]) and not company_shaped(span[0]) \
            and cand.source == "model" and span.root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") \
            and not n.body_evidence:
        return "PERSON"
    return None


def country_after_a_word(n: Name) -> str | None:
    """A person's name never ends in a country's: "AmCham Uzbekistan", "KPMG Kazakhstan" (an
    acronym or a capital inside the first word) are a body's country office, and "Managing
    Kazakhstan's wealth" opens a clause with a verb, no one."""
    if n.cand.label != "PERSON" or len(n.words) != 2 or n.words[1] not in resources.country_names():
        return None
    first = n.span[0]
    if first.lower_.endswith("ing") and first.is_sent_start:
        return NOT_AN_ENTITY
    if first.text.isupper() and len(first.text) > 1 or any(ch.isupper() for ch in first.text[1:]):
        return "ORG"
    return None


def place_with_a_body_role(n: Name) -> str | None:
    """ "CEO of Citi", "shareholders of Tengiz": a "place" only bodies have such a role of is a body,
    unless it is a known country or region."""
    if n.cand.label == "GPE" and n.body_evidence == "role of a body" and n.text not in resources.place_names():
        return "ORG"
    return None


def outlet_name(n: Name) -> str | None:
    """ "the Sydney Morning Herald", "the Saudi Gazette"."""
    if len(n.words) > 1 and n.words[-1] in resources.word_list("outlet_heads.txt") and not n.cand.titles:
        return "ORG"
    return None


def company_word(n: Name) -> str | None:
    """ "Kazakhtelecom said": a company's one-word name."""
    cand = n.cand
    if cand.label == "PERSON" and len(n.words) == 1 and not cand.titles and company_shaped(n.span[0]):
        return "ORG"
    return None


def person_with_a_body_evidence(n: Name) -> str | None:
    """A "person" with an organisation word, a body's evidence or a club's suffix is a body. A
    title outweighs what the parse says: a titled name hung on a body before its title is no
    apposition ("Agency (SWA) Coordinator Timur Sadykov"), nor does "its" later in the
    clause make a body of it ("Vice President Dan Walsh criticized Russia ... its neighbors")."""
    evidence = n.body_evidence
    if evidence in ("apposition", "its") and n.cand.titles:
        evidence = None
    if n.cand.label == "PERSON" and (n.has_keyword and len(n.words) > 1 or evidence
                                     or len(n.words) > 1 and n.words[-1] in resources.word_list("club_suffixes.txt")):
        return "ORG"
    return None


def other_kinds(n: Name) -> str | None:
    """A product, work, facility, nationality, law or event the model saw: a person when a title
    says so, a body by its organisation word, else no entity kzfacts reports."""
    cand, t = n.cand, n.t
    if cand.label not in RELABELLABLE:
        return None
    if cand.titles or (cand.start > 0 and t.lower[cand.start - 1] in resources.title_words() and t.text[cand.start - 1][0].isupper()):
        return "PERSON"
    if n.has_keyword and cand.label not in ("NORP", "LAW", "EVENT") and \
            n.head not in resources.word_list("name_heads.txt"):
        return "ORG"
    return NOT_AN_ENTITY


def event_or_station(n: Name) -> str | None:
    """ "the Summer Paralympics", "McMurdo Station": an event, a place, no one."""
    if n.cand.label == "PERSON" and len(n.words) > 1 and not n.cand.titles \
            and n.head in resources.word_list("event_heads.txt"):
        return NOT_AN_ENTITY
    return None


def document_name(n: Name) -> str | None:
    """ "Concept for ...", "Strategy 2050": a document's name heads (`name_heads.txt`), no body."""
    return NOT_AN_ENTITY if n.cand.label == "ORG" and n.head in resources.word_list("name_heads.txt") else None


def titled_body(n: Name) -> str | None:
    """A "body" a title or an apposition says is a person; speaking does not ("Apple Computer
    reported", "the White House said")."""
    cand, t = n.cand, n.t
    if cand.label == "ORG" and not n.has_keyword and person_evidence(n.span, speaking=False) and not n.body_evidence \
            and not (cand.start > 0 and t.lower[cand.start - 1] == "the"):
        return "PERSON"
    return None


TYPE_RULES = (thing_named, digits_in_a_person, numbered_place, country_alone, known_place, misspelled_place,
              numbered_gathering, introduced_thing, introduced_body, introduced_in_a_list, introduced_person,
              surname_that_acts, country_after_a_word, place_with_a_body_role, outlet_name, company_word, person_with_a_body_evidence, other_kinds,
              event_or_station, document_name, titled_body)


def relabel(doc: Doc, cand: Candidate) -> str | None:
    """The label evidence supports (the first of TYPE_RULES with a verdict, else the label
    proposed), or None when the mention names no person, body or place."""
    name = Name(doc, cand)
    for rule in TYPE_RULES:
        verdict = rule(name)
        if verdict is not None:
            return None if verdict == NOT_AN_ENTITY else verdict
    return cand.label


def label_on_evidence(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """The label the evidence supports (`relabel`); a mention of another kind goes."""
    label = relabel(doc, c)
    if label is None:
        return False
    c.label = label
    return True


def person_behind_title(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """ "President Tokayev" tagged whole as a body or a product: a name behind a title is a person,
    unless an organisation word says it is a body."""
    if c.label in ("PRODUCT", "ORG") and c.end - c.start > 1 and starts_with_title(doc, c) and not has_keyword(doc, c):
        c.label = "PERSON"
    return True


def person_after_title(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """An unknown "organisation" right after a title ("Finance Minister Erulan Zhamaubayev") is a person."""
    if c.label == "ORG" and not has_keyword(doc, c) and title_before(doc, c.start)[0]:
        c.label = "PERSON"
    return True


def dateline_place(doc: Doc, art: Article, cands: list[Candidate]) -> None:
    """ "ALMATY, March 3 (Reuters) -": the dateline names a place, tagged or not (an article with one)."""
    toks = tokens_of(doc)
    a, b = art.dateline_place
    inside = [c for c in cands if a <= toks.idx[c.start] < b]
    for c in inside:
        c.label = "GPE"
    span = doc.char_span(a, b, alignment_mode="expand")
    if not inside and span is not None:
        cands.append(Candidate(span.start, span.end, "GPE", "dateline"))


def place_acronyms(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """ "UAE" tagged as an organisation beside "the United Arab Emirates": the place's acronym."""
    places = {initials(span_text(doc, c.start, c.end)) for c in cands if c.label == "GPE" and c.end - c.start > 1}
    for c in cands:
        text = span_text(doc, c.start, c.end).replace(".", "")
        if c.label == "ORG" and ACRONYM.match(text) and text in places:
            c.label = "GPE"


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


def teams(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """A place that plays a match is the team in the whole article ("Sweden had more of the ball")."""
    label_at = {i: c.label for c in cands for i in range(c.start, c.end)}
    keys = {name_key(span_text(doc, c.start, c.end)) for c in cands if c.label == "GPE" and plays_a_match(doc, c, label_at)}
    for c in cands:
        if c.label == "GPE" and name_key(span_text(doc, c.start, c.end)) in keys:
            c.label = "ORG"


def listed_with_people(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """ "works by Chuck Close, Walker Evans and Robert Frank": a name shaped like a person's, listed
    with people and with no body among them, is a person; so is a "place" the model saw there when
    a word of it ends like a surname ("A, B, and Serdar Orazov") and it is no known country or region."""
    label_at = {i: c.label for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label not in ("ORG", "GPE") or not 2 <= c.end - c.start <= 4:
            continue  # person_shaped's length test, before a span is built
        span = doc[c.start:c.end]
        if not person_shaped(span) or c.label == "GPE" and not _place_shaped_as_person(span):
            continue
        others = [label_at.get(t.i) for t in span.root.conjuncts if not c.start <= t.i < c.end]
        if others and "PERSON" in others and "ORG" not in others:
            c.label = "PERSON"


def _place_shaped_as_person(span) -> bool:
    """A "place" with a surname's ending in one of its words that names no known country or region."""
    return any(surname_shaped(t) for t in span) and span.text not in resources.place_names()


def one_label_per_name(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """A name seen as a person with evidence is a person throughout (its surname alone too);
    otherwise the majority of its mentions wins, and a lone capitalised word nothing says is a
    person goes."""
    toks = tokens_of(doc)
    votes: dict[str, Counter] = defaultdict(Counter)
    evidence: set[str] = set()
    surnames: set[str] = set()  # last words of full names: "Tokayev" alone is the same person
    texts = [span_text(doc, c.start, c.end) for c in cands]
    keys = [name_key(text) for text in texts]
    # a name a body's class noun introduces ("the national air carrier, Havo Yo'llari,") is no
    # person for its two words alone
    bodies = {key for c, key in zip(cands, keys) if c.label == "ORG"
              and (introduced_as(doc, c.start, c.end) == "body" or body_noun_before(doc[c.start:c.end]))}
    for c, text, key in zip(cands, texts, keys):
        votes[key][c.label] += 1
        if c.label == "PERSON" and (c.titles or len(text.split()) > 1 and key not in bodies):
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


# What one mention cannot settle, per article and in this order; each rule may change any label.
ARTICLE_TYPE_RULES = (place_acronyms, listed_with_people, teams, products, one_label_per_name)


def consistent_labels(doc: Doc, cands: list[Candidate], ids: Mapping[str, str]) -> None:
    """The article's labels settled together, by ARTICLE_TYPE_RULES in order."""
    for rule in ARTICLE_TYPE_RULES:
        rule(doc, cands, ids)
