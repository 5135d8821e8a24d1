"""Figure subjects: what an amount is of, read from the dependency parse.

"oil production" in "oil production of 1.7 million barrels per day", "the base rate" in "raised
the base rate to 16 percent", "GDP" in "GDP grew 4%". Each figure's syntactic head is handed to
SUBJECT_FINDERS in order; the first that decides wins. A subject is the shortest phrase that says
it: its noun with the words before it and an "of"/"between" complement ("the cost of oil",
"trade between Kazakhstan and Russia"), never the figure's own words.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ... import resources
from ..facts import Figure, Mention
from ..support.syntax import MAX_DEPTH, heads
from ..support.text import doc_text, sentence_starts
from ..support.tokens import tokens_of

NOUNS = ("NOUN", "PROPN")
# a "to/by/at/from" phrase after a change verb holds its new level or its change ("rose to", "cut by")
SETTING_PREPS = frozenset({"to", "by", "at", "from"})
# complements that say which amount a noun is ("the cost of oil", "trade between A and B")
COMPLEMENT_PREPS = frozenset({"of", "between"})
NOT_A_SUBJECT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# what "<figure> in X" cannot be of: when, where and who ("5% in May", "$3 billion in Astana")
NOT_AFTER_IN_ENTS = NOT_A_SUBJECT_ENTS | {"GPE", "LOC", "FAC", "NORP", "PERSON", "ORG", "EVENT"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PHRASE_DEPTH = 4  # nested complements kept in a subject ("the number of ... of ..."): a bound


@resources.cached
def change_verbs() -> dict[str, str]:
    """Lemma -> whose amount follows it: "subject", "object" or "both" (models/change_verbs.tsv)."""
    return {lemma: role for lemma, role in resources.table("change_verbs.tsv")}


@dataclass
class Site:
    """One figure in its parse: its tokens and the figures before it in its sentence."""

    doc: Doc
    text: str  # doc.text (text.doc_text: spaCy joins it afresh on every access)
    fig: Figure
    first: int  # the figure's first token
    last: int  # the figure's last token
    root: Token  # its syntactic head
    earlier: list[tuple[int, int, Mention | None]] = field(default_factory=list)  # (first, last, subject)

    def inside(self, i: int) -> bool:
        return self.first <= i <= self.last


class _NoSubject:
    """A finder's answer that the text says what the figure is of nowhere: stop looking."""


NO_SUBJECT = _NoSubject()
Found = Mention | _NoSubject | None  # None: this finder does not know, ask the next


def mention(site: Site, a: int, b: int) -> Mention:
    doc = site.doc
    start, end = tokens_of(doc).idx[a], tokens_of(doc).idx[b] + len(doc[b])
    return Mention(site.text[start:end], start, end)


def phrase(site: Site, noun: Token, depth: int = 0) -> tuple[int, int]:
    """Token bounds of the phrase a noun heads: its left modifiers, itself, then "of"/"between"
    complements and conjuncts ("Kazakhstan and Russia"), stopping at the first other right child."""
    a = b = noun.i
    for child in noun.lefts:
        if child.dep_ not in ("punct", "cc", "prep", "mark", "relcl", "acl", "appos"):
            a = min(a, child.left_edge.i)
    if depth >= PHRASE_DEPTH:
        return a, b
    for child in noun.rights:
        if child.dep_ == "cc":
            continue  # it stands before the conjunct that follows
        if child.dep_ == "conj" and child.pos_ in NOUNS:
            b = max(b, phrase(site, child, depth + 1)[1])
        elif child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            pobj = next((c for c in child.rights if c.dep_ == "pobj"), None)
            if pobj is None or site.inside(pobj.i):
                break
            b = max(b, phrase(site, pobj, depth + 1)[1])
        else:
            break
    return a, b


def noun_subject(site: Site, noun: Token | None) -> Found:
    """The phrase of `noun` as a subject, cut short of the figure; a pronoun says nothing."""
    if noun is None or site.inside(noun.i):
        return None
    if noun.pos_ == "PRON":
        return NO_SUBJECT
    if noun.pos_ not in NOUNS or noun.ent_type_ in NOT_A_SUBJECT_ENTS or noun.like_num:
        return None
    a, b = phrase(site, noun)
    if a <= site.last and b >= site.first:  # "a $500 million loan": keep the side the noun is on
        a, b = (site.last + 1, b) if noun.i > site.last else (a, site.first - 1)
    while a < b and tokens_of(site.doc).punct[a]:
        a += 1
    while b > a and tokens_of(site.doc).punct[b]:
        b -= 1
    return mention(site, a, b)


def verb_subject(site: Site, verb: Token) -> Found:
    """The verb's subject, through a relative pronoun to its noun ("exports, which rose to ..."),
    and up "and"-joined or infinitive verbs that have none of their own ("... and rose to")."""
    for v in (verb, *heads(verb, MAX_DEPTH)):
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return noun_subject(site, v.head)
            return noun_subject(site, subj)
        if v.dep_ not in ("conj", "xcomp"):
            return None
    return None


# ---- finders: each takes a Site and returns a Mention, NO_SUBJECT, or None (ask the next)


def counted_unit(site: Site) -> Found:
    """ "44 members", "120 cars": the counted noun already says what is counted."""
    return NO_SUBJECT if site.fig.kind == "count" and site.fig.unit else None


def joined_figure(site: Site) -> Found:
    """A figure "and"-joined or bracketed after an earlier one of its sentence ("1.8 billion
    tenge ($4.3 million)", "2 million tonnes in May and 2.1 million in June") shares its subject."""
    root = site.root
    if root.dep_ not in ("conj", "appos") or not site.earlier:
        return None
    first, last, subject = site.earlier[-1]
    if first <= root.head.i < site.first:  # joined to it, or to a word between it and this one
        return subject
    return None


def figure_of(site: Site) -> Found:
    """ "48% of investment", "$3 billion in loans": a complement after the figure says what it is of."""
    for child in site.root.rights:
        if child.i <= site.last or child.dep_ != "prep" or child.lower_ not in ("of", "in"):
            continue
        pobj = next((c for c in child.rights if c.dep_ == "pobj"), None)
        if pobj is None or child.lower_ == "in" and (pobj.ent_type_ in NOT_AFTER_IN_ENTS or pobj.pos_ != "NOUN"):
            continue
        return noun_subject(site, pobj)
    return None


def ranked_in(site: Site) -> Found:
    """ "was ranked 65th in the index", "raised $5 million in funding": "in X" right after a
    figure that completes a verb other than a change verb belongs with the figure."""
    root, doc = site.root, site.doc
    nxt = site.last + 1
    if root.dep_ not in ("oprd", "attr", "dobj") or nxt >= len(doc) or tokens_of(doc).lower[nxt] != "in" \
            or doc[nxt].head.i != root.head.i or root.head.lemma_.lower() in change_verbs():
        return None
    pobj = next((c for c in doc[nxt].rights if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_AFTER_IN_ENTS or pobj.pos_ != "NOUN":
        return None
    return noun_subject(site, pobj)


def noun_of_figure(site: Site) -> Found:
    """ "oil production of 1.7 million barrels per day": the noun the figure completes."""
    root = site.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    return noun_subject(site, root.head.head)


def worth(site: Site) -> Found:
    """ "contracts worth $2 billion", "grants were provided worth ...": what is worth it."""
    w = site.root.head
    if w.lower_ != "worth" or site.inside(w.i):
        return None
    if w.head.pos_ in NOUNS:
        return noun_subject(site, w.head)
    return verb_subject(site, w.head) if w.head.pos_ in ("VERB", "AUX") else None


def modified_noun(site: Site) -> Found:
    """ "a $500 million loan", "a 5% stake": the noun the figure modifies; the noun a count
    modifies is what it counts ("400 NGOs" where the unit reader left "NGOs" out), no subject."""
    root = site.root
    if root.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod") or root.head.i <= site.last:
        return None
    return NO_SUBJECT if site.fig.kind == "count" else noun_subject(site, root.head)


def change_verb(site: Site) -> Found:
    """ "GDP grew 4%", "inflation fell to 7%", "raised the base rate to 16%": the subject of a
    change or level verb (models/change_verbs.tsv), or its object when the figure follows to/by/at."""
    t = site.root
    for _ in range(MAX_DEPTH):  # "to 20,000 barrels and 130,000 barrels": the first conjunct's place
        if t.dep_ != "conj":
            break
        t = t.head
    prep = None
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ not in SETTING_PREPS:
            return None
        for _ in range(MAX_DEPTH):  # "by 350,000 ... and by 450,000": the first preposition's verb
            if prep.dep_ != "conj":
                break
            prep = prep.head
        verb = prep.head
    elif t.dep_ in ("dobj", "npadvmod", "advmod", "attr", "oprd"):
        verb = t.head
    else:
        return None
    role = change_verbs().get(verb.lemma_.lower())
    if role is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be" and t.dep_ != "attr":
        return None  # "be" states a level only with the amount as its complement ("inflation was 8%")
    obj = next((c for c in verb.children if c.dep_ == "dobj" and not site.inside(c.i)), None)
    if role in ("object", "both") and prep is not None and obj is not None:
        return noun_subject(site, obj)
    if role == "object":
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return noun_subject(site, passive) if prep is not None and passive is not None else None
    if obj is not None and obj.i != t.i:
        return None  # "grew its revenue 5%" without to/by: not the subject's amount
    return verb_subject(site, verb)


def passive_amount(site: Site) -> Found:
    """ "305.4 million tenge was allocated": an amount that is itself a passive subject is what
    the verb did with it."""
    root = site.root
    if root.dep_ != "nsubjpass" or site.fig.kind not in ("money", "quantity", "percent"):
        return None
    return mention(site, root.head.i, root.head.i)


# Which phrase a figure is of; the first finder that decides wins (None asks the next).
SUBJECT_FINDERS: tuple[Callable[[Site], Found], ...] = (
    counted_unit, joined_figure, figure_of, ranked_in, noun_of_figure, worth, modified_noun,
    change_verb, passive_amount,
)


def attach_subjects(doc: Doc, figures: list[Figure]) -> None:
    """Set `subject` on every figure (a Mention or None), in text order."""
    if not figures:
        return
    earlier: list[tuple[int, int, Mention | None]] = []
    sent_start = -1
    text = doc_text(doc)
    starts = sentence_starts(doc)
    for fig in figures:
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if starts[span.start] != sent_start:
            sent_start, earlier = starts[span.start], []
        site = Site(doc, text, fig, span.start, span.end - 1, span.root, earlier)
        found: Found = None
        for finder in SUBJECT_FINDERS:
            found = finder(site)
            if found is not None:
                break
        fig.subject = found if isinstance(found, Mention) else None
        earlier.append((site.first, site.last, fig.subject))
