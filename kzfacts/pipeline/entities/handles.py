"""Handles named inline: "according to a message from LJ user rtyom, ..." and later "asks rtyom".
A word after a platform's name and a poster's role word is a person's handle however it is
written (`mentions.poster_spans` takes those before a verb or a colon), and so is every later
occurrence of the same handle."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..support.tokens import tokens_of
from .common import Candidate
from .mentions import HANDLE, POSTER_WORDS

PLATFORM_END = re.compile(r"[A-Z][A-Za-z]*$")  # "LJ", "Twitter", "[3]LJ" (a footnote mark glued on)
NOT_HANDLE_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "ADJ", "NUM", "PUNCT"}


def handle_mentions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Handles after "PLATFORM user" anywhere in a sentence, and their later occurrences."""
    t = tokens_of(doc)
    covered = {i for c in cands for i in range(c.start, c.end)}
    handles: set[str] = set()
    for k in [i for i in range(1, t.n - 1) if t.lower[i] in POSTER_WORDS]:
        handle = doc[k + 1]
        if PLATFORM_END.search(t.text[k - 1]) and HANDLE.fullmatch(handle.text) and handle.pos_ not in NOT_HANDLE_POS:
            handles.add(handle.text)
    return [Candidate(i, i + 1, "PERSON", "poster") for i in range(t.n)
            if t.text[i] in handles and i not in covered and not doc[i].is_sent_start]
