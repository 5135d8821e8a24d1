"""Bounded walks over the dependency tree.

spaCy builds a new `Token` object on every access (`tok.head is tok` is never true), so
tokens are compared by index, and every climb stops at the root or after a fixed number of
steps, whatever shape the parse has.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ... import resources

MAX_DEPTH = 64  # deeper than any real sentence's tree; a bound, not a tuning knob


def heads(token: Token, limit: int = MAX_DEPTH) -> Iterator[Token]:
    """The tokens above `token`, nearest first: at most `limit`, and never past the root."""
    for _ in range(limit):
        head = token.head
        if head.i == token.i:
            return
        yield head
        token = head


def speaks(token: Token) -> bool:
    """Whether the token is the subject of a reporting verb ("Tokayev" in "Tokayev said")."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in resources.reporting_verbs()
