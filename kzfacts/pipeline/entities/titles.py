"""Titles and roles: the one home of what kzfacts knows about the words before and around a
person's name. The word lists (`titles.txt`, `role_words.txt`, `former_words.txt`,
`role_synonyms.tsv`), the title phrase written before a name ("Deputy Foreign Minister", "Secretary
of State"), and role phrases that stand for a person named before ("the minister", "the Head of
State"). Boundaries, affiliations and quote speakers all read them here."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ... import resources
from ..support.tokens import span_text, tokens_of
from .common import company_shaped, surname_shaped

TITLE_MODIFIERS = {"former", "ex", "ex-", "then", "acting", "deputy", "vice", "incoming", "outgoing",
                   "interim", "current", "late", "first", "senior", "junior", "chief", "assistant", "its", "their"}
STOP_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
MAX_TITLE_WORDS = 18  # "Director of the Department of Multilateral Diplomacy of the Ministry of Foreign Affairs"
CHAIN_PREPOSITIONS = frozenset({"of", "for", "to", "in", "at", "on"})  # "Ambassador to X", "Director for Y"
TITLE_JOINS = frozenset({"and", "&", "/", "\u2013", "\u2014", "-"})  # "Chairman and CEO", "Deputy Prime Minister – Minister"
_DASHES = frozenset({"\u2013", "\u2014", "-"})


def is_honorific(word: str) -> bool:
    """A form of address or a rank ("Dr.", "Lt"), never part of a role (`honorifics.txt`)."""
    return word.lower().rstrip(".") in resources.word_list("honorifics.txt")


def is_title_word(token: Token) -> bool:
    return token.lower_ in resources.title_words()


@resources.cached
def unit_words() -> dict[str, bool]:
    """Nouns of a body's units ("office", "board", "department"), each with whether the unit is
    generic, its body's and no organisation of its own (`unit_words.tsv`)."""
    return {row[0]: row[1] == "generic" for row in resources.table("unit_words.tsv") if len(row) >= 2}


def unit_modifiers() -> frozenset[str]:
    """Words before a body's unit that leave it generic (`unit_modifiers.txt`: "Regional office")."""
    return resources.word_list("unit_modifiers.txt")


def governing_boards() -> frozenset[str]:
    """The boards after "Board of" that leave it generic (`governing_boards.txt`: "Directors")."""
    return resources.word_list("governing_boards.txt")


@resources.cached
def posting_nouns() -> dict[str, bool]:
    """Nouns of a body posted abroad, each with whether its lower-case form names one (`posting_nouns.tsv`)."""
    return {row[0]: row[1] == "yes" for row in resources.table("posting_nouns.tsv") if len(row) >= 2}


@resources.cached
def _domain_words() -> tuple[frozenset[str], tuple[str, ...]]:
    words = resources.word_list("domain_words.txt")
    return frozenset(w for w in words if not w.startswith("-")), tuple(w[1:] for w in words if w.startswith("-"))


NAMELESS_ENDINGS = ("tion", "tions", "sion", "sions", "ics", "ism", "ship", "ness", "ogy", "airs", "ency")


def is_domain_word(low: str) -> bool:
    """A field, portfolio or region word of a title ("Integration", "Affairs", "Operations":
    `domain_words.txt`, its words and its endings)."""
    whole, endings = _domain_words()
    return low in whole or any(low.endswith(e) and len(low) > len(e) + 2 for e in endings)


def never_a_name(low: str) -> bool:
    """A field word no one is named: `domain_words.txt`'s words, and only those of its endings no
    given name or surname has ("Integration", "Economics"; "Davies", "Charity", "Felicity" are names)."""
    return low in _domain_words()[0] or any(low.endswith(e) and len(low) > len(e) + 2 for e in NAMELESS_ENDINGS)


def _continues_title(doc: Doc, i: int, start: int) -> bool:
    """Whether token i (walking back from a name at `start`) is part of the title phrase before it:
    a capitalised word, a modifier, a unit word, or "of / for / to / in / at / on", "the" after one
    of them, "and", "&", "/" or a dash between capitalised words."""
    toks = tokens_of(doc)
    word, low = toks.text[i], toks.lower[i]
    if word.isspace() or "\n" in word:
        return False
    nxt = toks.text[i + 1] if i + 1 < start else ""
    if word in ("-", "\u2010") and 0 < i and not toks.ws[i] and not toks.ws[i - 1]:
        return True  # "Samruk-Kazyna", "Vice-Chairman": a hyphen inside a word
    if low in CHAIN_PREPOSITIONS or low in TITLE_JOINS:
        if i == 0:
            return False
        before = toks.text[i - 1]
        if low in _DASHES and toks.ws[i] and (before in resources.place_names() or before.title() in resources.city_names()):
            return False  # "ASTANA, Kazakhstan - President X": a dateline's dash, no title's
        if low in TITLE_JOINS and not (toks.title[i - 1] or is_domain_word(before.lower()) or before in resources.place_names()):
            return False  # "Bruce Banner and Captain Kirk": "and" joins titles or a title's fields, not names
        return (before[:1].isupper() or toks.title[i - 1] or before in unit_words() and low == "of") \
            and (nxt[:1].isupper() or nxt.lower() == "the")
    if low == "the":
        return i > 0 and toks.lower[i - 1] in CHAIN_PREPOSITIONS and nxt[:1].isupper()
    if word == "," and 0 < i < start - 1 and is_domain_word(toks.lower[i - 1]) and is_domain_word(toks.lower[i + 1]):
        return True  # "Minister of Investment, Industry and Trade": a list of the portfolio's fields
    if word == "." and i > 0 and not toks.ws[i - 1] and is_honorific(toks.text[i - 1]):
        return True  # "Lt. Gen.": the tokenizer leaves some abbreviations' dots apart
    if toks.punct[i]:
        return False
    if is_honorific(word):
        return True
    if toks.title[i] or low in TITLE_MODIFIERS or low in unit_words() and nxt.lower() in CHAIN_PREPOSITIONS:
        return True
    if not word[0].isupper():
        return False
    # "Yesterday President X": a capitalised opener is not part of a title
    return toks.pos[i] in ("PROPN", "ADJ", "NOUN") and toks.ent_type[i] not in ("DATE", "TIME")


def title_before(doc: Doc, start: int) -> tuple[list[str], int | None, int]:
    """Titles written before a name: (titles, first honorific token kept in the mention, phrase start).

    The phrase is title-case words, modifiers and the "of / for / to" chains between them, with
    the bodies, places and domain words they hold ("Deputy Chairman of the Management Board of
    Halyk Bank", "Minister of Trade and Integration", "Ambassador to Kyrgyzstan"); it stops at a
    line end, at other punctuation and at lower-case words."""
    toks = tokens_of(doc)
    if start > 0 and toks.lower[start - 1] == "of":
        return [], None, start  # "Secretary of State", "President of Kazakhstan": a title's complement, not a name
    if start > 0 and (toks.lower[start - 1] in CHAIN_PREPOSITIONS | TITLE_JOINS | {"the"}):
        return [], None, start
    i = start - 1
    while i >= 0 and start - i <= MAX_TITLE_WORDS and _continues_title(doc, i, start):
        i -= 1
        # the parser's sentence starts are unreliable inside title-case phrases: stop only at real breaks
        if i >= 0 and "\n" in toks.text[i] + toks.ws[i]:
            break
    first = i + 1
    lower, title = toks.lower, toks.title
    while first < start and (lower[first] in STOP_PRONOUNS | {"the", "a", "an"} | CHAIN_PREPOSITIONS | TITLE_JOINS
                             or not title[first] and not toks.text[first][:1].isupper()):
        first += 1
    # a role's head says it is a title: "Foreign" or "National" alone do not ("Foreign Affairs, National Air Carrier X")
    roles = role_words()
    if first >= start or not any(lower[t] in roles and (title[t] or toks.text[t][:1].isupper()) for t in range(first, start)):
        return [], None, start
    first = _after_a_leading_chain(doc, first, start)
    phrase = span_text(doc, first, start).strip(" -")
    if not phrase:
        return [], None, start
    # the honorific right before the name stays in the mention ("President Tokayev")
    # (a title of its own: "Energy" ends "Minister of Energy" but is no honorific)
    last = toks.text[start - 1]
    honorific = start - 1 if last[0].isupper() and last != last.upper() and lower[start - 1] in resources.titles() else None
    return [phrase], honorific, first


def _after_a_leading_chain(doc: Doc, first: int, start: int) -> int:
    """Where a title phrase starts once the words before its first role that end in "of / for / to"
    and hold no body are left out: "Presentation of Credentials to | President X", "Support for |
    Minister X" (a title's chain follows its role; before it stands a body: "Ministry of Foreign
    Affairs Spokesperson X" stays whole)."""
    toks = tokens_of(doc)
    roles = role_words()
    role = next((t for t in range(first, start) if toks.lower[t] in roles), start)
    chains = [t for t in range(first, role) if toks.lower[t] in CHAIN_PREPOSITIONS]
    if not chains:
        return first
    keywords = resources.org_keywords()
    if any(toks.text[t] in keywords for t in range(first, chains[-1])):
        return first
    first = chains[-1] + 1
    while first < start and toks.lower[first] in ("the", "a", "an"):
        first += 1
    return first


def title_phrase_start(doc: Doc, start: int) -> int:
    """First token of the title phrase before a name starting at token `start` (`start` if none)."""
    return title_before(doc, start)[2]


@resources.cached
def role_words() -> frozenset[str]:
    """Nouns that name a role: one-word titles, the head (last word) of longer ones ("minister" of
    "energy minister", not "energy"), and `role_words.txt`."""
    return frozenset(t.split()[-1] for t in resources.titles()) | resources.word_list("role_words.txt")


def former_words() -> frozenset[str]:
    return resources.word_list("former_words.txt")


def is_role(token: Token) -> bool:
    return token.lower_ in role_words()


@resources.cached
def role_synonyms() -> dict[str, tuple[str, ...]]:
    """Role phrase -> the title words it stands for (`role_synonyms.tsv`)."""
    return {row[0]: tuple(row[1].split()) for row in resources.table("role_synonyms.tsv") if len(row) >= 2}


def of_complement(head: Token) -> Token | None:
    """ "State" in "Head of State": the object of an "of" right after a role word."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.head.i == head.i:
        return next((g for g in nxt.children if g.dep_ == "pobj" and g.i == nxt.i + 1), None)
    return None


def bare_role(head: Token) -> bool:
    """A role with nothing narrowing it but title words and a nationality ("the Uzbek leader",
    "the Head of State"), not "the opposition leader" or "the governor of the National Bank"."""
    for c in head.children:
        if c.i < head.i and c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ not in resources.title_words() \
                and c.lower_ not in resources.demonyms():
            return False
        if c.i > head.i and c.dep_ == "prep" and of_complement(head) is None:
            return False
    return True


def role_phrase(head: Token) -> str:
    """A role word with its title words before it and its "of" complement: "prime minister",
    "head of state", lower case."""
    words = [c.lower_ for c in head.children if c.i < head.i and c.dep_ in ("compound", "amod")
             and c.lower_ in resources.title_words()] + [head.lower_]
    complement = of_complement(head)
    return " ".join(words + (["of", complement.lower_] if complement is not None else []))


def official_start(doc: Doc, start: int, end: int) -> int:
    """Where an official's name starts inside a span that runs the end of the title before it into
    the name ("Chairman of the Board of Air | Astana Peter Foster", "Minister of Trade and |
    Integration Arman Kassenov", "Director for Europe and | Central Asia Hans Vogel"): the span's
    last two name words (`official_name`), when the title phrase before them (`title_before`)
    covers the rest of the span and that rest is a body, a place or a domain word, or follows
    a title's "of / for / to / and" (never a given name after a bare title: "President Mohammad
    Javad Zarif"). `start` if not."""
    k = official_name(doc, end)
    toks = tokens_of(doc)
    lead = start + 1 if toks.lower[start] in ("the", "a", "an") else start  # "the Minister of ... Rashidov"
    if k is None or k <= lead or title_before(doc, k)[2] > lead:
        return start

    before = start - 1 if start > 0 and toks.lower[start - 1] != "the" else start - 2
    # the span starts after "of", "and", or inside a body's name ("of Air | Astana Peter Foster")
    chained = before >= 0 and (toks.lower[before] in CHAIN_PREPOSITIONS | TITLE_JOINS
                               or toks.text[before][:1].isupper() and not toks.title[before])
    return k if chained or not person_word(doc, k - 1) else start


def official_name(doc: Doc, end: int) -> int | None:
    """The first token of the two name words that end at `end` ("Anna C. Berg" and
    "Kassym-Jomart Tokayev" are two), or of a surname alone after a body's or a place's word
    ("of Tajikistan | Rahimov": `surname_shaped`); None if they are no person's words."""
    toks = tokens_of(doc)
    i, words = end - 1, 0
    while i >= 0 and words < 2:
        if toks.text[i].endswith(".") and len(toks.text[i]) == 2 and toks.text[i][0].isupper() and words == 1:
            i -= 1  # a middle initial
            continue
        if not person_word(doc, i):
            surname = words == 1 and i + 1 < end and surname_shaped(doc[i + 1]) and toks.text[i][:1].isupper()
            return i + 1 if surname else None
        while i >= 2 and toks.text[i - 1] in ("-", "\u2010") and not toks.ws[i - 1] and not toks.ws[i - 2] \
                and person_word(doc, i - 2):
            i -= 2  # "Kassym-Jomart": one given name
        words += 1
        i -= 1
    return i + 1 if words == 2 else None


def person_word(doc: Doc, i: int) -> bool:
    """A word that may be a person's given name or surname: capitalised, no organisation, title,
    domain or place word, no nationality, no acronym."""
    toks = tokens_of(doc)
    word = toks.text[i]
    return toks.name[i] and not toks.title[i] and word not in resources.org_keywords() \
        and word not in resources.place_names() \
        and toks.lower[i] not in resources.demonyms() and not never_a_name(toks.lower[i]) \
        and toks.ent_type[i] not in ("DATE", "TIME") and not company_shaped(doc[i])
