"""Role phrases that stand for a person named before: "the minister", "the Head of State", "the
Uzbek leader" (`role_synonyms.tsv` says which titles each stands for)."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources


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
