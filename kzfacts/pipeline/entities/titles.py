"""Titles and roles: the one home of what kzfacts knows about the words before and around a
person's name. The word lists (`titles.txt`, `role_words.txt`, `former_words.txt`,
`role_synonyms.tsv`), the title phrase written before a name ("Deputy Foreign Minister", "Secretary
of State"), and role phrases that stand for a person named before ("the minister", "the Head of
State"). Boundaries, affiliations and quote speakers all read them here."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ... import resources
from ..support.tokens import span_text, tokens_of

TITLE_MODIFIERS = {"former", "ex", "ex-", "then", "acting", "deputy", "vice", "incoming", "outgoing",
                   "interim", "current", "late", "first", "senior", "junior", "chief", "its", "their"}
STOP_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
MAX_TITLE_WORDS = 10  # "Deputy Chairman of the Management Board of Samruk-Kazyna" is 9


def is_title_word(token: Token) -> bool:
    return token.lower_ in resources.title_words()


def title_before(doc: Doc, start: int) -> tuple[list[str], int | None, int]:
    """Titles written before a name: (titles, first honorific token kept in the mention, phrase start)."""
    toks = tokens_of(doc)
    if start > 0 and toks.lower[start - 1] == "of":
        return [], None, start  # "Secretary of State", "President of Kazakhstan": a title's complement, not a name
    i = start - 1
    has_title = False
    text, lower, title = toks.text, toks.lower, toks.title
    while i >= 0 and start - i <= MAX_TITLE_WORDS:  # a title-case line is no title: the walk stops
        word = text[i]
        if word.isspace() or toks.punct[i] and word != "-":
            break
        low = lower[i]
        if title[i]:
            has_title = True
        elif low in TITLE_MODIFIERS:
            pass
        elif low == "of" and i > 0 and title[i - 1]:
            pass  # "Secretary of State John Kerry"
        elif not word[0].isupper():
            break
        elif toks.pos[i] not in ("PROPN", "ADJ", "NOUN") or toks.ent_type[i] in ("DATE", "TIME"):
            break  # "Yesterday President X": a capitalised opener is not part of a title
        i -= 1
        # the parser's sentence starts are unreliable inside title-case phrases: stop only at real breaks
        if i >= 0 and "\n" in text[i] + toks.ws[i]:
            break
    first = i + 1
    if not has_title or first >= start:
        return [], None, start
    while first < start and lower[first] in STOP_PRONOUNS | {"the", "a", "an"}:
        first += 1
    phrase = span_text(doc, first, start).strip(" -")
    if not phrase or not any(title[t] for t in range(first, start)):
        return [], None, start
    # the honorific right before the name stays in the mention ("President Tokayev")
    honorific = start - 1 if toks.text[start - 1][0].isupper() and toks.text[start - 1] != toks.text[start - 1].upper() and is_title_word(doc[start - 1]) else None
    return [phrase], honorific, first


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


def completes_title(doc: Doc, start: int) -> bool:
    """The span at `start` (its "the" included or not) completes a title's "of" phrase: "Chief of
    Staff of the | ...", "Head of | ...": a capitalised title word at most six words before the "of"."""
    toks = tokens_of(doc)
    i = start - 1
    if toks.lower[start] != "the" and i >= 0 and toks.lower[i] == "the":
        i -= 1
    if i < 0 or toks.lower[i] != "of":
        return False
    return any(is_title_word(doc[k]) and toks.text[k][:1].isupper() for k in range(max(0, i - 6), i))
