"""Every walk over the parse ends, on hand-made Docs whose root is a preposition."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kzfacts.pipeline.dates.component import _clause_verb, tense_of
from kzfacts.pipeline.quotes.cues import subject_candidates
from kzfacts.pipeline.support.syntax import heads


def parsed(vocab, words, heads_, deps, pos, tags=None) -> Doc:
    return Doc(vocab, words=words, heads=heads_, deps=deps, pos=pos, tags=tags or ["" for _ in words])


@pytest.fixture
def in_1996(blank):
    # "In 1996 ." with "In" as the root, as the model parses a lone prepositional phrase
    return parsed(blank.vocab, ["In", "1996", "."], [0, 0, 0], ["ROOT", "pobj", "punct"], ["ADP", "NUM", "PUNCT"])


def test_heads_stop_at_the_root(in_1996):
    assert [t.i for t in heads(in_1996[1])] == [0]
    assert list(heads(in_1996[0])) == []


def test_heads_are_bounded(blank):
    words = ["w"] * 200
    doc = parsed(blank.vocab, words, [max(i - 1, 0) for i in range(200)], ["ROOT"] + ["dep"] * 199, ["X"] * 200)
    assert len(list(heads(doc[199]))) == 64
    assert len(list(heads(doc[199], limit=5))) == 5


def test_clause_verb_of_a_date_under_a_root_preposition(in_1996):
    assert _clause_verb(in_1996[1:2]).i == 0
    assert tense_of(in_1996[1:2]) is None


def test_clause_verb_climbs_prepositions_to_the_verb(blank):
    doc = parsed(blank.vocab, ["It", "was", "adopted", "in", "May", "."], [2, 2, 2, 2, 3, 2],
                 ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"], ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                 ["PRP", "VBD", "VBN", "IN", "NNP", "."])
    assert _clause_verb(doc[4:5]).i == 2
    assert tense_of(doc[4:5]) == "past"


def test_speaker_search_from_a_verb_under_a_root_preposition(blank):
    # "After saying it ." : the cue verb hangs on a root preposition and has no subject
    doc = parsed(blank.vocab, ["After", "saying", "it", "."], [0, 0, 1, 0], ["ROOT", "pcomp", "dobj", "punct"],
                 ["ADP", "VERB", "PRON", "PUNCT"])
    assert subject_candidates(doc[1]) == []
