"""Affiliations: the organisations the text links each person to, with the role it states.

Only the words around each person mention are read, by an ordered list of small finders
(AFFILIATION_FINDERS), each for one kind of evidence: the title phrase before the name
("World Bank Vice-President Anna Berg", "its CEO Axel Goethals", "Kaspi Bank's chief executive
X"), an apposition ("X, director of Y", "The fund's chairman, X"), ", of Y" with no role, a
relative clause or predicate ("X, who heads Y", "X was appointed head of Y"), and the person's
titles. An organisation is always an entity of the same article, found by its mentions; a
country is a place, so "Kazakh Foreign Minister X" is linked only to a ministry the article names.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ... import resources
from ..facts import Affiliation, Entity
from ..support.tokens import span_text, tokens_of
from .appositions import breaks, opening_parenthesis, phrase_after, phrase_before, stands_before_name_end
from .titles import CHAIN_PREPOSITIONS, TITLE_JOINS, TITLE_MODIFIERS, former_words, is_honorific, is_role, role_words, title_phrase_start

FILLERS = {"a", "an", "the", "its", "his", "her", "their", "our", "-", ",", "and"}
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
OWNER_PRONOUNS = ("its", "their")  # "its CEO X": the body named last before it
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis"}  # a nested clause says no more of the person
MAX_OWNER_GAP = 60  # tokens back to the body "its" refers to
MAX_DEFINITE_GAP = 400  # tokens back to the body "the bank's" refers to
TITLE_WINDOW = 50  # tokens either side of a mention where its titles stand
PRONOUN_WINDOW = 80  # tokens after a name where "he" or "she" may still stand for it
HONORIFIC_PRONOUNS = {"mr": "he", "ms": "she", "mrs": "she", "miss": "she"}  # the sex an honorific says
OTHER_PRONOUN = {"he": "she", "she": "he"}
QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}
MAX_LIST = 8  # records of a list of officials read past one name
MAX_TITLE_WORDS = 12  # the words of a title before a name in a list


@dataclass(frozen=True)
class OrgMention:
    start: int  # token bounds in the doc
    end: int
    name: str  # the organisation entity's name


@dataclass(frozen=True)
class NameAt:
    """A person mention: `first` is its first token (an honorific kept in it), [start, end) the name."""

    first: int
    start: int
    end: int


class Scene:
    """One article's organisation and person mentions, by token, for the finders to look up."""

    def __init__(self, doc: Doc, orgs: list[OrgMention], people: list[tuple[int, int]],
                 names: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.names = names or {}  # casefolded multi-word names and aliases -> the organisation's name
        self.orgs = sorted(orgs, key=lambda o: o.start)
        self.org_starts = [o.start for o in self.orgs]
        self.people = sorted(people)
        self.people_starts = [p[0] for p in self.people]
        self.mention_tokens: dict[tuple[int, int], tuple[int, int] | None] = {}  # see `tokens_of`
        self._roots: dict[tuple[int, int], Token] = {}

    @cached_property
    def forms(self) -> set[str]:
        """The organisations as written (read only for a person with titles: made on first use)."""
        return {span_text(self.doc, o.start, o.end) for o in self.orgs}

    def tokens_of(self, start: int, end: int) -> tuple[int, int] | None:
        """Token bounds of the characters [start, end) widened to whole tokens (None if none), each
        mention's looked up once: `link_people` fills them in, the person finders and
        `title_links` read them."""
        if (start, end) not in self.mention_tokens:
            self.mention_tokens[(start, end)] = _token_bounds(self.doc, start, end)
        return self.mention_tokens[(start, end)]

    def root(self, start: int, end: int) -> Token:
        """`doc[start:end].root`, found once for each name the finders ask about."""
        root = self._roots.get((start, end))
        if root is None:
            root = self._roots[(start, end)] = self.doc[start:end].root
        return root

    def orgs_in(self, lo: int, hi: int) -> list[OrgMention]:
        """Organisations named wholly inside tokens [lo, hi): their mentions, and their multi-word
        names written in another case ("the European parliament" of the "European Parliament")."""
        k = bisect.bisect_left(self.org_starts, lo)
        out = []
        while k < len(self.orgs) and self.orgs[k].start < hi:
            if self.orgs[k].end <= hi:
                out.append(self.orgs[k])
            k += 1
        if hi > lo and self.names:
            out += [o for o in self._named_in(lo, hi) if not any(m.start < o.end and o.start < m.end for m in out)]
        return sorted(out, key=lambda o: o.start)

    def _named_in(self, lo: int, hi: int) -> list[OrgMention]:
        base = tokens_of(self.doc).idx[lo]
        text = span_text(self.doc, lo, hi).casefold()
        found = []
        for form, name in self.names.items():
            pos = text.find(form)
            if pos < 0:
                continue
            span = self.doc.char_span(base + pos, base + pos + len(form))  # whole tokens only
            if span is not None:
                found.append(OrgMention(span.start, span.end, name))
        return found

    def in_person(self, i: int) -> bool:
        """Whether token i is inside a person's mention."""
        k = bisect.bisect_right(self.people_starts, i) - 1
        return k >= 0 and self.people[k][1] > i

    def org_at(self, start: int) -> OrgMention | None:
        k = bisect.bisect_left(self.org_starts, start)
        return self.orgs[k] if k < len(self.orgs) and self.orgs[k].start == start else None

    def org_ending_at(self, end: int, lo: int) -> OrgMention | None:
        """The last organisation mention ending at or before token `end` and starting at or after `lo`."""
        k = bisect.bisect_right(self.org_starts, end) - 1
        while k >= 0 and self.orgs[k].start >= lo:
            if self.orgs[k].end <= end:
                return self.orgs[k]
            k -= 1
        return None

    def person_in(self, lo: int, hi: int) -> bool:
        """Whether another person's mention starts inside tokens [lo, hi)."""
        k = bisect.bisect_left(self.people_starts, lo)
        return k < len(self.people) and self.people[k][0] < hi


# ---- word lists


@resources.cached
def affiliation_verbs() -> dict[str, str]:
    return {lemma: kind for lemma, kind, *_ in resources.table("affiliation_verbs.tsv")}


@resources.cached
def portfolio_bodies() -> dict[str, tuple[str, ...]]:
    return {title: tuple(w.strip() for w in words.split(",")) for title, words, *_ in resources.table("portfolio_bodies.tsv")}


# ---- the role and the link a phrase states

def _strip(doc: Doc, lo: int, hi: int, *, leading: bool) -> tuple[int, int]:
    """Bounds without fillers, "former" words, nationalities and places at the start (a role says
    what the person does, not for which country), and without prepositions or fillers at the end."""
    toks = tokens_of(doc)
    skipped, demonyms = FILLERS | former_words(), resources.demonyms()  # the union made once, not per word
    while leading and lo < hi and (toks.lower[lo] in skipped or toks.lower[lo] in demonyms
                                   or toks.ent_type[lo] in ("GPE", "NORP", "LOC") or toks.punct[lo]):
        lo += 1
    while hi > lo and (toks.lower[hi - 1] in FILLERS or toks.pos[hi - 1] in ("ADP", "DET") or toks.punct[hi - 1]
                       or toks.text[hi - 1] in POSSESSIVE or is_honorific(toks.text[hi - 1])):
        hi -= 1
    return lo, hi


def _text(doc: Doc, lo: int, hi: int) -> str | None:
    return span_text(doc, lo, hi).strip() or None if hi > lo else None


def role_in(doc: Doc, lo: int, hi: int, org: OrgMention | None) -> str | None:
    """The role words of the phrase [lo, hi) without the organisation: "director" in "director of
    Y", "Vice-President" in "Y Vice-President", "member of the board" in "a member of Y's board"."""
    toks = tokens_of(doc)
    if org is None:
        a, b = _strip(doc, lo, hi, leading=True)
        return _text(doc, a, b) if any(is_role(doc[t]) for t in range(a, b)) else None
    possessive = org.end < hi and toks.text[org.end] in POSSESSIVE
    right = org.end + 1 if possessive else org.end
    if right < hi and toks.text[right] == "(":  # "Asian Development Bank (ADB) Country Director"
        right = next((k + 1 for k in range(right, hi) if toks.text[k] == ")"), right)
    a, b = _strip(doc, lo, org.start, leading=True)
    if a < b and any(is_role(doc[t]) for t in range(a, b)):
        if possessive and right < hi and toks.pos[b] == "ADP":
            c, d = _strip(doc, right, hi, leading=False)  # "member of Y's board": "member of the board"
            return f"{span_text(doc, a, b + 1)} the {span_text(doc, c, d)}" if c < d else _text(doc, a, b)
        preps = [t for t in range(a + 1, org.start) if toks.pos[t] == "ADP"]
        cut = preps[-1] if preps else b  # "Junior Researcher at the Brussels based Y": the role ends at its preposition
        a, b = _strip(doc, a, cut, leading=False)
        return _text(doc, a, b)
    c, d = _strip(doc, right, hi, leading=True)
    return _text(doc, c, d) if any(is_role(doc[t]) for t in range(c, d)) else None


def is_former(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the phrase puts the link in the past ("former", "ex-", "then", "outgoing")."""
    toks = tokens_of(doc)
    formers = former_words()
    return any(toks.lower[t] in formers or toks.lower[t].startswith("ex-") for t in range(lo, hi))


def _char_span(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    toks = tokens_of(doc)
    return toks.idx[lo], toks.idx[hi - 1] + len(toks.text[hi - 1])


def _token_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of `doc.char_span(start, end, alignment_mode="expand")`, None where it is None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def modifies_other_noun(scene: Scene, org: OrgMention) -> bool:
    """ "EU" in "the EU-Mongolia Friendship group", "EU-funded programme": a body that only
    describes another thing is not where the person works (a role it modifies is: "EU spokesperson")."""
    root = scene.root(org.start, org.end)
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and not org.start <= head.i < org.end \
        and head.pos_ in ("NOUN", "PROPN") and not is_role(head) and not is_honorific(head.text) and not scene.in_person(head.i)


def phrase_links(scene: Scene, lo: int, hi: int, *, owner: OrgMention | None = None) -> list[Affiliation]:
    """What a role phrase [lo, hi) says: a link to each organisation named inside it, else to
    `owner` (the body of "its CEO", "Y's spokesman"), else to the ministry of its portfolio."""
    doc = scene.doc
    if hi <= lo:
        return []
    former = is_former(doc, lo, hi)
    out = []
    for org in scene.orgs_in(lo, hi):
        if modifies_other_noun(scene, org):
            continue
        s, e = _char_span(doc, lo, hi)
        out.append(Affiliation(org.name, role_in(doc, lo, hi, org), former, s, e))
    if out:
        return out
    definite = definite_owner(scene, lo, hi) if owner is None else None
    if definite is not None:  # the evidence is the phrase, not everything since the body's name
        role = role_in(doc, definite[1], hi, None)
        s, e = _char_span(doc, lo, hi)
        return [Affiliation(definite[0].name, role, former, s, e)] if role is not None else []
    role = role_in(doc, lo, hi, None)
    if role is None:
        return []
    if owner is not None:
        s, e = _char_span(doc, min(lo, owner.start), hi)
        return [Affiliation(owner.name, role, former, s, e)]
    return portfolio_links(scene, lo, hi, former)


def definite_owner(scene: Scene, lo: int, hi: int) -> tuple[OrgMention, int] | None:
    """ "the bank's chief economist" opening the phrase [lo, hi): the body named last before it whose
    name holds the noun ("Caspian Development Bank"), and the token where the role starts; else None."""
    toks = tokens_of(scene.doc)
    k = lo
    if not (k + 2 < hi and toks.lower[k] == "the" and toks.text[k + 1].islower() and toks.text[k + 2] in POSSESSIVE):
        return None
    noun = toks.lower[k + 1]
    j = bisect.bisect_left(scene.org_starts, lo) - 1
    while j >= 0 and scene.orgs[j].start >= lo - MAX_DEFINITE_GAP:
        if noun in scene.orgs[j].name.lower().split():
            return scene.orgs[j], k + 3
        j -= 1
    return None


def portfolio_words(doc: Doc, at: int, lo: int) -> list[str]:
    """The portfolio before a portfolio title: "foreign affairs" before "minister" in "Kazakh
    foreign affairs minister" (stopping at other titles, modifiers, nationalities and places)."""
    toks = tokens_of(doc)
    words = []
    i = at - 1
    while i >= lo and toks.alpha[i] and toks.lower[i] not in FILLERS | former_words() \
            and toks.lower[i] not in resources.demonyms() and toks.ent_type[i] not in ("GPE", "NORP") \
            and not is_role(doc[i]):
        words.insert(0, toks.lower[i])
        i -= 1
    return words


def portfolio_after(doc: Doc, at: int, hi: int) -> list[str]:
    """The portfolio after a portfolio title: "energy" in "Minister of Energy", "foreign affairs" in
    "Minister for Foreign Affairs of Latvia" (up to the next preposition, a place or the phrase's end)."""
    toks = tokens_of(doc)
    if at + 2 >= hi or toks.lower[at + 1] not in ("of", "for"):
        return []
    words = []
    i = at + 2
    while i < hi and toks.alpha[i] and toks.pos[i] != "ADP" and toks.lower[i] not in FILLERS \
            and toks.ent_type[i] not in ("GPE", "NORP"):
        words.append(toks.lower[i])
        i += 1
    return words


def portfolio_links(scene: Scene, lo: int, hi: int, former: bool) -> list[Affiliation]:
    """ "Energy Minister X" and the article's "Ministry of Energy": the body of the title's portfolio."""
    doc = scene.doc
    bodies = portfolio_bodies()
    out = []
    for t in range(lo, hi):
        heads_of = bodies.get(tokens_of(doc).lower[t])
        if not heads_of:
            continue
        words = portfolio_words(doc, t, lo)
        role_start, role_end = t - len(words), t + 1  # "Energy Minister"
        if not words:
            words = portfolio_after(doc, t, hi)
            role_start, role_end = t, t + 2 + len(words)  # "Minister of Energy", "of Economy and Finance"
            while role_end + 1 < hi and tokens_of(doc).lower[role_end] in ("and", ",") and tokens_of(doc).text[role_end + 1][:1].isupper():
                role_end += 2
        if not words:
            continue
        seen = set()
        for org in scene.orgs:
            if org.name in seen:
                continue
            name = org.name.split()
            lower = {w.lower() for w in name}
            if any(h in name for h in heads_of) and all(w in lower for w in words if w != "affairs"):
                seen.add(org.name)
                s, e = _char_span(doc, role_start, role_end)
                out.append(Affiliation(org.name, span_text(doc, role_start, role_end), former, s, e))
        if len(seen) > 1:
            out = [a for a in out if a.organisation not in seen]  # two ministries fit: say nothing
    return out


# ---- the finders, in order

def _hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written inside a word ("Vice-President", "Ex-Oxfam")."""
    toks = tokens_of(doc)
    return 0 < i and toks.text[i] == "-" and not toks.ws[i] and not toks.ws[i - 1]


def affiliation_phrase_start(scene: Scene, name: NameAt) -> int:
    """First token of the title phrase before a name: the entities' own title phrase, run on over
    hyphenated titles ("Vice-President", "Secretary-General"), the body named right before them
    ("World Bank Vice-President") and the words that make it past ("Former", "Ex-")."""
    doc = scene.doc
    toks = tokens_of(doc)
    i = min(title_phrase_start(doc, name.start), name.first)
    roles = role_words()
    while i > 0 and (toks.text[i - 1][:1].isupper() and toks.lower[i - 1] in roles or _hyphen(doc, i - 1)
                     or _hyphen(doc, i) and i < name.start and toks.text[i - 1][:1].isupper()):
        i -= 1
    if i < name.start:  # "World Bank Vice-President X", "Asian Development Bank (ADB) Country Director X"
        i = body_before(scene, i)
    while i > 0 and (toks.lower[i - 1] in former_words() or _hyphen(doc, i - 1) and toks.lower[i - 2] == "ex"):
        i -= 2 if _hyphen(doc, i - 1) else 1
    return i


def title_phrase(scene: Scene, name: NameAt) -> list[Affiliation]:
    """The title phrase before the name: "World Bank Vice-President X", "Former Y President X",
    "Y's chief executive X", "its CEO X" (the body named last before "its")."""
    doc = scene.doc
    first = affiliation_phrase_start(scene, name)
    if first >= name.start:
        return []
    owner = None
    before = first - 1
    while before >= 0 and tokens_of(doc).lower[before] in ("the",):
        before -= 1
    if before >= 0 and tokens_of(doc).text[before] in POSSESSIVE:
        owner = scene.org_ending_at(before, before - 12)
        if owner is not None and owner.end != before:
            owner = None
    elif before >= 0 and tokens_of(doc).lower[before] in OWNER_PRONOUNS:
        lo = max(doc[before].sent.start, before - MAX_OWNER_GAP)
        owner = scene.org_ending_at(before, lo)
    links = phrase_links(scene, first, name.start, owner=owner)
    if owner is not None and tokens_of(doc).lower[before] in OWNER_PRONOUNS:
        for a in links:  # the evidence is "its CEO", not everything since the body's name
            if a.organisation == owner.name:
                a.start = tokens_of(doc).idx[before]
    return links


def apposition_before(scene: Scene, name: NameAt) -> list[Affiliation]:
    """A role phrase the name stands in apposition to: "The fund's chairman, X", "Deputy Prime
    Minister and Foreign Minister of Kazakhstan, X", "The head of Y's Z, X," (the parser's
    apposition, else the phrase on the surface: `appositions.phrase_before`)."""
    doc = scene.doc
    root = scene.root(name.start, name.end)
    head = root.head
    if root.dep_ == "appos" and head.i < name.first and is_role(head):
        lo = body_before(scene, head.left_edge.i)
        hi = min(head.right_edge.i + 1, name.first)
    else:
        phrase = phrase_before(doc, name.first) if stands_before_name_end(doc, name.end) else None
        if phrase is None or phrase[0] > 1 and tokens_of(doc).text[phrase[0] - 1] == "," \
                and scene.in_person(phrase[0] - 2):
            return []  # "X, director of Y, Z": the phrase is X's apposition, not Z's
        lo, hi = body_before(scene, phrase[0]), phrase[1]
    toks = tokens_of(doc)
    while hi > lo and (toks.punct[hi - 1] or toks.lower[hi - 1].rstrip(".") in resources.titles()
                       and toks.text[hi - 1][:1].isupper() and toks.text[hi - 2] in (",", ".")):
        hi -= 1  # "Director for Z, Dr. X": the honorific is the name's, not the role's
    if scene.person_in(lo, hi):
        return []
    return phrase_links(scene, lo, hi)


def body_before(scene: Scene, lo: int) -> int:
    """Where a role phrase starting at token `lo` starts with the body named right before it, past
    a parenthesis ("Project Hope (Health ...) Regional Director, X"); `lo` when none is."""
    opening = opening_parenthesis(scene.doc, lo - 1, lo - MAX_OWNER_GAP) if lo > 0 else None
    end = lo if opening is None else opening
    org = scene.org_ending_at(end, end - 12)
    return org.start if org is not None and org.end == end else lo


def apposition_after(scene: Scene, name: NameAt) -> list[Affiliation]:
    """ "X, director of Y,", "X, a member of Y's board,", "X, Y's spokesman,", "X, EU spokesperson
    for ...": the phrase between the commas after the name, when it holds a role word and no
    other person, up to a relative pronoun or a verb (`appositions.phrase_after`)."""
    phrase = phrase_after(scene.doc, name.end)
    if phrase is None or scene.person_in(*phrase):
        return []
    return phrase_links(scene, *phrase)


def of_organisation(scene: Scene, name: NameAt) -> list[Affiliation]:
    """ "X, of the Y," and "X of Y said": a link with no role word ("from" alike; not "at", which
    mostly says where someone was: "met Tokayev at the European Parliament"); at the end of a list
    of titled names it is every name's ("A, Director B and Minister C, from the Y": `list_end`)."""
    doc = scene.doc
    i = list_end(scene, name.end)
    if i > name.end and (i >= len(doc) or tokens_of(doc).text[i] != ","):
        return []  # "A and Director B of the Y": the body may be B's alone; a comma sets it apart for all
    if i < len(doc) and tokens_of(doc).text[i] == ",":
        i += 1
    if i >= len(doc) or tokens_of(doc).lower[i] not in ("of", "from"):
        return []
    prep = i
    i += 1
    if i < len(doc) and tokens_of(doc).lower[i] == "the":
        i += 1
    org = scene.org_at(i)
    if org is None:
        return []
    s, e = _char_span(doc, prep, org.end)
    return [Affiliation(org.name, None, False, s, e)]


def list_end(scene: Scene, end: int) -> int:
    """Where the list a name ending at token `end` opens ends: past each next record of a title and
    a name ("A, USAID Director B and Deputy Minister C"), joined by "," or "and" (";" closes a record);
    `end` itself when no such record follows (a name without a title is none: "A and B of the Y")."""
    doc = scene.doc
    toks = tokens_of(doc)
    for _ in range(MAX_LIST):
        i = end
        while i < len(doc) and toks.lower[i] in (",", "and"):
            i += 1
        if i == end:
            return end
        k = bisect.bisect_left(scene.people_starts, i)
        if k >= len(scene.people) or scene.people[k][0] - i > MAX_TITLE_WORDS \
                or any(breaks(doc, t) or toks.text[t][:1].islower() and not toks.title[t]
                       and toks.lower[t] not in ("of", "for", "the")
                       for t in range(i, scene.people[k][0])):
            return end  # the next words are no title of a next name: the list, if any, ended
        if not any(toks.title[t] for t in range(i, scene.people[k][1])):
            return end  # "A and B of the Y": a record of the list has its title
        end = scene.people[k][1]
    return end


def _phrase_tokens(token: Token) -> tuple[int, int]:
    """Bounds of a token's phrase, without the clauses nested in it ("the bank, which ...")."""
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS and child.i > token.i:
            hi = min(hi, child.left_edge.i)
    return lo, hi


# the prepositions through which each kind of verb reaches the body: "chairs Y in the parliament",
# "works for Y", "resigned from Y", "served as head of Y" ("runs for Congress" is no link)
VERB_PREPOSITIONS = {"role": ("in", "at", "within"), "link": ("for", "at", "with", "to", "in"),
                     "past": ("from",), "complement": ("as",), "appointed": ("as", "to")}


def _verb_objects(verb: Token, kind: str) -> Iterable[tuple[Token, bool]]:
    """The verb's objects and complements, each with whether it is direct (not through a preposition)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            yield child, True
        elif child.dep_ == "prep" and child.lower_ in VERB_PREPOSITIONS[kind]:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj, False


def clause(scene: Scene, name: NameAt) -> list[Affiliation]:
    """A relative clause or predicate of the name: "X, who heads Y" (role "heads"), "X works for
    Y", "X left Y" (former), "X is director of Y", "X was appointed head of Y", "X chairs the board
    of Y", and "he" or "she" after it ("X was arrested. He works with Y": `pronoun_verbs`)."""
    root = scene.root(name.start, name.end)
    verbs: list[tuple[Token, bool]] = []
    for child in root.children:
        if child.dep_ == "relcl" and child.i > root.i and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in child.children):
            verbs.append((child, any(c.dep_ == "nsubjpass" for c in child.children)))
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs.append((root.head, root.dep_ == "nsubjpass"))
    verbs += pronoun_verbs(scene, name)
    out = []
    for verb, passive in verbs:
        out += verb_links(scene, verb, passive, root.i)
    return out


def pronoun_verbs(scene: Scene, name: NameAt) -> list[tuple[Token, bool]]:
    """The verbs whose subject is "he" or "she" later in the name's sentence or in the next one, when
    the name is its sentence's subject and no other person the pronoun could stand for is named in
    that sentence or before the pronoun (one whose honorific says the other sex cannot: "X was
    arrested the same day as Ms. Y. He works with Z")."""
    doc = scene.doc
    toks = tokens_of(doc)
    if scene.root(name.start, name.end).dep_ not in ("nsubj", "nsubjpass"):
        return []
    sent = doc[name.start].sent
    hi = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    out = []
    for t in range(name.end, min(hi, name.end + PRONOUN_WINDOW)):
        if toks.text[t] in QUOTE_MARKS:
            break  # a quotation's "he" is for its speaker to resolve
        if toks.lower[t] in ("he", "she") and toks.dep[t] in ("nsubj", "nsubjpass"):
            if _could_be_another(scene, sent.start, name, max(t, sent.end), toks.lower[t]):
                break
            out.append((doc[t].head, toks.dep[t] == "nsubjpass"))
    return out


def _could_be_another(scene: Scene, lo: int, name: NameAt, hi: int, pronoun: str) -> bool:
    """Whether a person other than `name` is mentioned in tokens [lo, hi) whose honorific does not
    rule out `pronoun` ("Ms. Y" is no "he")."""
    toks = tokens_of(scene.doc)
    k = bisect.bisect_left(scene.people_starts, lo)
    while k < len(scene.people) and scene.people[k][0] < hi:
        start = scene.people[k][0]
        k += 1
        if start == name.first:
            continue
        honorific = next((toks.lower[i].rstrip(".") for i in (start, start - 1) if i >= 0
                          and toks.lower[i].rstrip(".") in HONORIFIC_PRONOUNS), None)
        if HONORIFIC_PRONOUNS.get(honorific) != OTHER_PRONOUN[pronoun]:
            return True
    return False


def verb_links(scene: Scene, verb: Token, passive: bool, subject: int) -> list[Affiliation]:
    """The links a verb of office states of its subject (token `subject`): the bodies among its
    objects, or named in a role complement ("is director of Y")."""
    doc = scene.doc
    kind = affiliation_verbs().get(verb.lemma_.lower())
    if kind is None or kind == "appointed" and not passive:
        return []
    former = kind == "past" or any(c.lower_ in former_words() for c in verb.children if c.dep_ == "advmod")
    # the clause from its relative pronoun or auxiliary ("who heads", "was appointed")
    start = min([verb.i] + [c.i for c in verb.children if c.i > subject and (
        c.tag_ in ("WP", "WDT") or c.dep_ in ("aux", "auxpass") and c.i < verb.i)])
    out = []
    for obj, direct in _verb_objects(verb, kind):
        lo, hi = _phrase_tokens(obj)
        if scene.person_in(lo, hi):
            continue
        if kind in ("complement", "appointed"):
            if not is_role(obj):
                continue
            found = phrase_links(scene, lo, hi)
            for a in found:
                a.start, a.former = tokens_of(doc).idx[start], a.former or former
            out += found
            continue
        body = _body_of(obj) if kind == "role" and direct else None
        for org in scene.orgs_in(lo, hi):
            unit = body is not None and org.start <= body.i < org.end
            if not (org.start <= obj.i < org.end or unit):
                continue  # the object is the body itself, not something near it ("retired from the game at Y")
            role = verb.text if kind == "role" and direct else None
            if unit:
                role = span_text(doc, verb.i, obj.i + 1)  # "chairs the board"
            out.append(Affiliation(org.name, role, former, tokens_of(doc).idx[start], _char_span(doc, org.start, org.end)[1]))
    return out


def _body_of(obj: Token) -> Token | None:
    """ "KEGOC" in "chairs the board of KEGOC": the body whose unit a role verb's object is (a
    common noun with an "of" complement), else None."""
    if not obj.is_lower or obj.pos_ != "NOUN":
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


AFFILIATION_FINDERS: tuple[Callable[[Scene, NameAt], list[Affiliation]], ...] = (
    title_phrase, apposition_before, apposition_after, of_organisation, clause)


def name_at(doc: Doc, first: int, end: int) -> NameAt:
    """A mention's name without the honorific kept in it ("Minister" of "Minister Nurlan Nogayev")."""
    toks = tokens_of(doc)
    start = first
    while start + 1 < end and toks.lower[start] in resources.titles():
        start += 1
    # a whole title kept in the mention ("Finance Minister X"): the name starts after its last title word
    joins = TITLE_MODIFIERS | CHAIN_PREPOSITIONS | TITLE_JOINS | {"the"}  # "KEGOC former Chairman X", "Minister of Energy X"
    for k in range(end - 2, start - 1, -1):
        if toks.lower[k] in resources.titles() and all(t.text[:1].isupper() or t.lower_ in joins for t in doc[first:k + 1]):
            start = k + 1
            break
    return NameAt(first, start, end)


def title_links(scene: Scene, person: Entity, found: set[str]) -> list[Affiliation]:
    """The person's `titles` that name an organisation the finders did not link, each read where
    it stands beside a mention ("director of Human Rights Without Frontiers")."""
    doc = scene.doc
    out = []
    for title in person.titles:
        if not any(form in title for form in scene.forms):
            continue  # most titles name no body: no need to find where they stand
        for m in person.mentions:
            bounds = scene.tokens_of(m.start, m.end)
            if bounds is None:
                continue
            window = doc[max(0, bounds[0] - TITLE_WINDOW):min(len(doc), bounds[1] + TITLE_WINDOW)]
            base, text = window.start_char, window.text
            pos = text.find(title, m.end - base)
            if pos < 0:
                pos = text.rfind(title, 0, m.start - base)
            if pos < 0:
                continue
            found_span = doc.char_span(base + pos, base + pos + len(title), alignment_mode="expand")
            if found_span is not None:
                out += [a for a in phrase_links(scene, found_span.start, found_span.end) if a.organisation not in found]
            break
    return out


def link_people(doc: Doc, entities: list[Entity]) -> None:
    """Set `affiliations` on each person of `entities` (one article's entities)."""
    orgs, people = [], []
    names: dict[str, str] = {}
    tokens: dict[tuple[int, int], tuple[int, int] | None] = {}  # each mention's token bounds, for the Scene
    for e in entities:
        if e.label not in ("ORG", "PERSON"):
            continue
        if e.label == "ORG":
            names.update((form.casefold(), e.name) for form in (e.name, *e.aliases) if len(form.split()) > 1)
        for m in e.mentions:
            bounds = tokens[(m.start, m.end)] = _token_bounds(doc, m.start, m.end)
            if bounds is None:
                continue
            if e.label == "ORG":
                orgs.append(OrgMention(bounds[0], bounds[1], e.name))
            else:
                people.append(bounds)
    if not orgs:
        return
    scene = Scene(doc, orgs, people, names)
    scene.mention_tokens = tokens
    for person in entities:
        if person.label != "PERSON":
            continue
        links: list[Affiliation] = []
        for m in person.mentions:
            bounds = scene.tokens_of(m.start, m.end)
            if bounds is None:
                continue
            name = name_at(doc, *bounds)
            for finder in AFFILIATION_FINDERS:
                links += finder(scene, name)
        links += title_links(scene, person, {a.organisation for a in links})
        person.affiliations = merge_links(links)


def merge_links(links: list[Affiliation]) -> list[Affiliation]:
    """One link per organisation: the first found, taking a role from a later one if it had none."""
    out: dict[str, Affiliation] = {}
    for a in links:
        kept = out.get(a.organisation)
        if kept is None:
            out[a.organisation] = a
        elif kept.role is None and a.role is not None:
            out[a.organisation] = a
    return list(out.values())
