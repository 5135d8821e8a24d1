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

from spacy.tokens import Doc

from ... import resources
from ..support.tokens import span_text, tokens_of
from .common import ACRONYM, RELABELLABLE, Candidate, company_shaped, has_keyword, surname_shaped
from .evidence import acts, body_evidence, head_text, introduced_as, person_evidence, person_shaped, plays_a_match, thing_name_words
from .grouping import initials, name_key

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


def label_on_evidence(doc: Doc, c: Candidate, ids: Mapping[str, str]) -> bool:
    """The label the evidence supports (`relabel`); a mention of another kind goes."""
    label = relabel(doc, c)
    if label is None:
        return False
    c.label = label
    return True


def place_acronyms(doc: Doc, cands: list[Candidate]) -> None:
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
