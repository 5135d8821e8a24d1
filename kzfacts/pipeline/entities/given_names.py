"""Given names the model left out: "Ivo Novak, EU envoy, says ..." where the model tagged only
"Novak" further on. The capitalised proper noun right before an untagged surname of a person
tagged by surname alone is that person's given name, and the two words one mention."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Token

from ... import resources
from ..support.tokens import tokens_of
from .boundaries import appositive_titles
from .common import Candidate, name_token


def given_name_mentions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Full names whose surname alone is a person's mention elsewhere in the text."""
    t = tokens_of(doc)
    surnames = {t.text[c.start] for c in cands if c.label == "PERSON" and c.end - c.start == 1}
    if not surnames:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for i in range(1, t.n):
        if t.text[i] not in surnames or i in covered or i - 1 in covered or doc[i].pos_ != "PROPN":
            continue
        if given_name(doc[i - 1]) and not (i >= 2 and given_name(doc[i - 2])):
            found.append(Candidate(i - 1, i + 1, "PERSON", "given name"))  # a longer run is not one name
    return found


def given_name(token: Token) -> bool:
    """A word that may be a given name: a capitalised proper noun, no title, body word,
    nationality, common word or part of a place or date."""
    return token.pos_ == "PROPN" and token.is_alpha and name_token(token) and not token.is_stop \
        and token.lower_ not in resources.title_words() and token.text not in resources.org_keywords() \
        and token.lower_ not in resources.demonyms() and token.ent_type_ in ("", "PERSON")


def full_name_mentions(doc: Doc, cands: list[Candidate], ids: Mapping[str, str],
                       steps: tuple[Callable[[Doc, Candidate, Mapping[str, str]], bool], ...]) -> list[Candidate]:
    """`given_name_mentions` put through the mention `steps`; the titles the parse hung on the
    surname rather than on the given name it made the root ("Ivo Novak, U.S. Deputy Assistant
    Secretary of State,") are the name's too."""
    out = []
    for c in given_name_mentions(doc, cands):
        if all(step(doc, c, ids) for step in steps):
            c.titles += [t for t in appositive_titles(doc[c.end - 1:c.end]) if t not in c.titles]
            out.append(c)
    return out
