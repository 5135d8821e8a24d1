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
# complements that say which amount a noun is ("the cost of oil", "trade between A and B", "exports
# to Iran", "taxes on imports", "investment in fixed assets", "production at Tengiz", "remittances
# from Russia"); one that holds a figure or a date is none ("rate to 17%", "exports in 2023")
COMPLEMENT_PREPS = frozenset({"of", "between", "to", "on", "in", "at", "from"})
NOT_A_SUBJECT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# what "<figure> in X" cannot be of: when, where and who ("5% in May", "$3 billion in Astana")
NOT_AFTER_IN_ENTS = NOT_A_SUBJECT_ENTS | {"GPE", "LOC", "FAC", "NORP", "PERSON", "ORG", "EVENT"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PHRASE_DEPTH = 4  # nested complements kept in a subject ("the number of ... of ..."): a bound


@resources.cached
def change_verbs() -> dict[str, str]:
    """Lemma -> whose amount follows it: "subject", "object" or "both" (models/change_verbs.tsv)."""
    return {lemma: role for lemma, role in resources.table("change_verbs.tsv")}


@resources.cached
def spending_verbs() -> frozenset[str]:
    """Lemmas of verbs that spend, give or move money (models/spending_verbs.txt)."""
    return resources.word_list("spending_verbs.txt")


@resources.cached
def amount_nouns() -> frozenset[str]:
    """Nouns that name an amount without saying of what (models/amount_nouns.txt)."""
    return resources.word_list("amount_nouns.txt")


@resources.cached
def share_nouns() -> frozenset[str]:
    """What an election hands out: seats, votes (models/share_nouns.txt)."""
    return resources.word_list("share_nouns.txt")


@resources.cached
def size_nouns() -> frozenset[str]:
    """Nouns that name the size of a group of people: population, audience (models/size_nouns.txt)."""
    return resources.word_list("size_nouns.txt")


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


def names_a_thing(token: Token) -> bool:
    """A complement's noun that is no amount, date or number ("exports to Iran", not "to 17%")."""
    return token.ent_type_ not in NOT_A_SUBJECT_ENTS and not token.like_num and \
        not any(c.like_num for c in token.children)


def phrase(site: Site, noun: Token, depth: int = 0) -> tuple[int, int]:
    """Token bounds of the phrase a noun heads: its left modifiers, itself, then "of"/"between"
    complements and conjuncts ("Kazakhstan and Russia"), stopping at the first other right child."""
    a = b = noun.i
    if noun.pos_ == "PROPN":  # a name is its own words: "X's party Ata Meken" is "Ata Meken"
        for child in reversed(list(noun.lefts)):
            if child.pos_ != "PROPN" or child.dep_ not in ("compound", "flat"):
                break
            a = child.left_edge.i
    else:
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
            if pobj is None or site.inside(pobj.i) or \
                    child.lower_ not in ("of", "between") and not names_a_thing(pobj):
                break  # "to 17%" after "the rate" is its new level, "in 2023" its time: no part of its name
            b = max(b, phrase(site, pobj, depth + 1)[1])
        else:
            break
    return a, b


def noun_subject(site: Site, noun: Token | None) -> Found:
    """The phrase of `noun` as a subject, cut short of the figure; a pronoun says nothing."""
    if noun is None or site.inside(noun.i):
        return None
    if noun.pos_ == "PRON" or is_bare_amount(noun):
        return antecedent(site, noun)
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


PRONOUNS = frozenset({"it", "they", "them", "this", "that"})


def is_bare_amount(noun: Token) -> bool:
    """ "the figure", "the amount", "the price": an amount noun with nothing but a determiner."""
    return noun.lower_ in amount_nouns() and all(c.dep_ in ("det", "punct") for c in noun.children)


def antecedent(site: Site, word: Token) -> Found:
    """What a pronoun or a bare amount noun stands for: the subject of an earlier figure of its
    sentence, the object of the verb its own verb is "and"-joined to ("raised the rate ... and cut
    it"), or the subject of the sentence before ("Brent fell. It traded at $71"); else nothing."""
    if word.pos_ == "PRON" and word.lower_ not in PRONOUNS:
        return NO_SUBJECT
    found = next((s for _, _, s in reversed(site.earlier) if s is not None), None)
    if found is not None:
        return found
    verb = word.head
    if word.dep_ == "dobj" and verb.dep_ == "conj":
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in NOUNS and not is_bare_amount(obj):
            return noun_subject(site, obj)
    start = word.sent.start
    if start == 0 or word.dep_ not in SUBJECT_DEPS:
        return NO_SUBJECT
    root = site.doc[start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.pos_ not in NOUNS or subj.ent_type_ == "PERSON" or is_bare_amount(subj):
        return NO_SUBJECT
    return noun_subject(site, subj)


def verb_subject(site: Site, verb: Token) -> Found:
    """The verb's subject, through a relative pronoun to its noun ("exports, which rose to ..."),
    and up "and"-joined or infinitive verbs that have none of their own ("... and rose to")."""
    for v in (verb, *heads(verb, MAX_DEPTH)):
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return noun_subject(site, v.head)
            return noun_subject(site, subj)
        if v.dep_ == "acl" and v.head.pos_ in NOUNS:
            return noun_subject(site, v.head)  # "the som depreciated by 3%" read as a noun's modifier
        before = site.doc[v.i - 1] if v.i > 0 else None
        if v.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "with":
            return noun_subject(site, before)  # "with GDP rising to ...": the absolute clause's subject
        if v.dep_ not in ("conj", "xcomp") and not (v.dep_ == "advcl" and v.tag_ == "VBG"):
            return None  # "grew 10%, reaching $5 billion": a participle's subject is its clause's
    return None


# ---- finders: each takes a Site and returns a Mention, NO_SUBJECT, or None (ask the next)


def size_of_group(site: Site) -> Found:
    """ "an audience of 100 million people": a count after a size noun (models/size_nouns.txt) measures it."""
    root = site.root
    if site.fig.kind != "count" or root.dep_ != "pobj" or root.head.lower_ != "of" \
            or root.head.head.lemma_.lower() not in size_nouns():
        return None
    return noun_subject(site, root.head.head)


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
        if child.i > site.last and site.fig.kind == "money" and child.lower_ in PURPOSE_PREPS:
            return purpose(site, child)  # "$1.38 million for the Kyrgyz Republic"
        if child.i <= site.last or child.dep_ != "prep" or child.lower_ not in ("of", "in"):
            continue
        pobj = next((c for c in child.rights if c.dep_ == "pobj"), None)
        if pobj is None or not names_a_thing(pobj) or child.lower_ == "in" and (
                pobj.ent_type_ in NOT_AFTER_IN_ENTS or pobj.pos_ != "NOUN"
                or any(c.dep_ in ("det", "poss") for c in pobj.children)):
            continue  # "$3 billion in loans" says what the money is; "in the country", "in 300 projects" where
        level = change_verb(site)
        if isinstance(level, Mention):
            return level  # "stood at 2.8% of GDP", "jumped 9% in New York trading": a base, a setting
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
    if pobj is None or pobj.ent_type_ in NOT_AFTER_IN_ENTS or pobj.pos_ != "NOUN" or not names_a_thing(pobj):
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
    head = root.head
    if root.dep_ == "npadvmod" and head.dep_ == "amod" and head.head.pos_ in NOUNS:
        root, head = head, head.head  # "6 percent real GDP growth": the figure read as the adjective's measure
    if root.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod") or head.i <= site.last:
        return None
    return NO_SUBJECT if site.fig.kind == "count" else noun_subject(site, head)


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
    moved = verb.lower_ in ("down", "up", "back") and verb.dep_ in ("advmod", "prt")
    if moved:
        verb = verb.head  # "exports were down 12%", "down from $74", "cut it back to 15%": the verb's amount
    role = change_verbs().get(verb.lemma_.lower())
    if role is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be" and t.dep_ != "attr" \
            and not moved:
        return None  # "be" states a level only with the amount as its complement ("inflation was 8%")
    obj = next((c for c in verb.children if c.dep_ == "dobj" and not site.inside(c.i)), None)
    if role in ("object", "both") and prep is not None and obj is not None:
        return noun_subject(site, obj)
    if role == "object" and verb.dep_ == "acl" and verb.tag_ == "VBN" and prep is not None:
        return noun_subject(site, verb.head)  # "the deal, valued at $2 billion,": the participle's noun
    if role == "object":
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return noun_subject(site, passive) if prep is not None and passive is not None else None
    if obj is not None and obj.i != t.i:
        return None  # "grew its revenue 5%" without to/by: not the subject's amount
    return verb_subject(site, verb)


# words that only join two figures of one amount ("to X from Y", "by X to Y", "X, or Y", "X in
# 2014, a Y decline compared to Z", "X, an increase of Y"); dates and change nouns between them join too
LINK_WORDS = frozenset({"to", "from", "by", "at", "and", "or", ",", "(", ")", "down", "up", "compared",
                        "with", "against", "versus", "vs", "vs.", "a", "an", "the", "of", "in", "then", "back",
                        "again"})
LINK_SPAN = 8  # tokens between two linked figures at most: a bound


def linked(doc: Doc, a: int, b: int) -> bool:
    """Do tokens a..b-1 only link two figures of one amount?"""
    if b - a > LINK_SPAN:
        return False
    for t in doc[a:b]:
        if t.lower_ in LINK_WORDS or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in change_verbs():
            continue  # "a 7.6% decline compared to $4.1 billion"
        return False
    return True


def linked_figure(site: Site) -> Found:
    """ "cut it to 14.25% from 14.75%", "rose by $0.7 billion to $35.8 billion", "..., or 5.7%":
    a figure joined to the one before by link words only is of the same subject."""
    if not site.earlier:
        return None
    _, last, subject = site.earlier[-1]
    if subject is None:
        return None
    after = tokens_of(site.doc).idx[last + 1] if last + 1 < len(site.doc) else None
    if after is not None and 0 <= subject.start - after <= 4:  # "70 million tonnes of crude oil, 4% more"
        span = site.doc.char_span(subject.start, subject.end, alignment_mode="expand")
        last = span.end - 1 if span is not None and span.end <= site.first else last
    return subject if linked(site.doc, last + 1, site.first) else None


def won_count(site: Site) -> Found:
    """ "Respublika won 14 seats", "came second with 12 seats": seats and votes are the winner's."""
    unit = (site.fig.unit or "").split()
    if site.fig.kind != "count" or not unit or unit[-1].lower() not in share_nouns():
        return None
    root = site.root
    if root.dep_ == "dobj":
        return verb_subject(site, root.head)
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.pos_ in ("VERB", "AUX"):
        return verb_subject(site, root.head.head)
    return None


def in_earlier(site: Site, i: int) -> bool:
    return any(first <= i <= last for first, last, _ in site.earlier)


def bracketed(site: Site) -> Found:
    """ "the service industry (3.2%)", "Auyl (12)": a figure alone in brackets is of the noun right
    before them, or of the subject of the verb right before them ("net taxes decreased (-0.1%)")."""
    doc, toks = site.doc, tokens_of(site.doc)
    a, b = site.first - 1, site.last + 1
    if a < 1 or b >= len(doc) or toks.text[a] != "(" or toks.text[b] != ")" or in_earlier(site, a - 1):
        return None  # after another figure: joined_figure's case
    before = doc[a - 1]
    if before.pos_ in NOUNS:
        return noun_subject(site, before)
    return verb_subject(site, before) if before.pos_ == "VERB" else None


def apposed_to_noun(site: Site) -> Found:
    """ "remittances, about 30 percent of GDP,": a figure in apposition is of the noun it renames."""
    head = site.root.head
    if site.root.dep_ != "appos" or head.i > site.first or head.pos_ not in NOUNS or in_earlier(site, head.i) \
            or head.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "FAC") or site.fig.kind == "count":
        return None  # "Tokayev, 70,", "4,300 jobs in France, 3,700 in Germany": no amount of the name
    return noun_subject(site, head)


def count_as_subject(site: Site) -> Found:
    """A bare count that is a verb's subject: of "be", what it is ("18 (of them) are doctors"); of
    another verb without an object, those who did it ("7,803 voted")."""
    root = site.root
    if site.fig.kind != "count" or site.fig.unit or root.dep_ != "nsubj":
        return None
    verb = root.head
    if verb.lemma_.lower() == "be":
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        return noun_subject(site, attr) if attr is not None else None
    if verb.pos_ != "VERB" or verb.lemma_.lower() in change_verbs() or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return mention(site, verb.i, verb.i)


def partitive_count(site: Site) -> Found:
    """ "two of his colleagues", "one of them": a count out of a group counts its members: null."""
    if site.fig.kind != "count" or site.fig.unit:
        return None
    for child in site.root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.rights if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.tag_ in ("NNS", "NNPS") or pobj.pos_ == "PRON"):
                return NO_SUBJECT
    return None


PURPOSE_PREPS = frozenset({"for", "on"})
CLAUSE_BREAKS = frozenset({"relcl", "acl", "advcl", "punct", "cc"})


def purpose(site: Site, child: Token) -> Mention | None:
    """The purpose a child of a spending verb or of an amount of money names: "for road repairs",
    "on new schools", "to support water projects"."""
    if child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS:
        pobj = next((c for c in child.rights if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in NOUNS or pobj.ent_type_ in NOT_A_SUBJECT_ENTS or site.inside(pobj.i):
            return None  # a body or a place is what the money is for too ("$1 million for the Kyrgyz Republic")
        end = pobj.i
        for t in site.doc[pobj.i + 1:pobj.right_edge.i + 1]:
            if t.dep_ in CLAUSE_BREAKS or t.tag_ in ("WDT", "WP"):
                break  # "... programs that support ...": the purpose's noun phrase, not its clause
            end = t.i
        return mention(site, pobj.left_edge.i, end)
    if child.dep_ in ("xcomp", "advcl"):
        to = next((c for c in child.lefts if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is None:
            return None
        obj = next((c for c in child.rights if c.dep_ == "dobj"), None)
        return mention(site, to.i + 1, phrase(site, obj)[1] if obj is not None else child.i)
    return None


def money_spent(site: Site) -> Found:
    """ "allocated 45 billion tenge for road repairs": money a spending verb (models/spending_verbs.txt)
    takes is of its purpose, else the spending itself ("invested EUR1.2 billion": "invested")."""
    root = site.root
    if site.fig.kind != "money" or root.dep_ != "dobj":
        return None
    verb = root.head
    spending = verb.lemma_.lower() in spending_verbs()
    for child in (*root.rights, *verb.rights):
        found = purpose(site, child) if child.i > site.last and (spending or child.lower_ == "for") else None
        if found is not None:
            return found  # any verb's money "for" something is of it ("approved $40 million for X")
    return mention(site, verb.i, verb.i) if spending else None


def passive_amount(site: Site) -> Found:
    """ "305.4 million tenge was allocated": an amount that is itself a passive subject is what
    the verb did with it."""
    root = site.root
    if root.dep_ != "nsubjpass" or site.fig.kind not in ("money", "quantity", "percent"):
        return None
    return mention(site, root.head.i, root.head.i)


# Which phrase a figure is of; the first finder that decides wins (None asks the next).
SUBJECT_FINDERS: tuple[Callable[[Site], Found], ...] = (
    won_count, size_of_group, counted_unit, bracketed, joined_figure, linked_figure, apposed_to_noun, count_as_subject,
    partitive_count, figure_of, ranked_in, noun_of_figure, worth, modified_noun, money_spent, change_verb,
    passive_amount,
)


def attach_subjects(doc: Doc, figures: list[Figure]) -> None:
    """Set `subject` on every figure (a Mention or None), in text order."""
    if not figures:
        return
    earlier: list[tuple[int, int, Mention | None]] = []
    sites: list[Site] = []
    open_sites: list[Site | None] = []  # per figure: its site when no finder decided
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
        open_sites.append(site if found is None else None)
        sites.append(site)
    share_backwards(doc, sites, open_sites)


def share_backwards(doc: Doc, sites: list[Site], open_sites: list[Site | None]) -> None:
    """ "rose by $0.7 billion to $35.8 billion": a figure no finder decided takes the subject of the
    linked figure after it in its sentence."""
    for k in range(len(sites) - 2, -1, -1):
        site, nxt = open_sites[k], sites[k + 1]
        if site is None or nxt.fig.subject is None or doc[site.first].sent.start != doc[nxt.first].sent.start:
            continue
        if linked(doc, site.last + 1, nxt.first):
            site.fig.subject = nxt.fig.subject
