"""`pipeline.tokens.Tokens` holds what each spaCy Token attribute says, so a spaCy upgrade that
changes `Doc.to_array` is caught here rather than as quietly different entities."""
from __future__ import annotations

import pytest

from kzfacts.pipeline.tokens import Tokens

TEXTS = [
    "ASTANA – President Kassym-Jomart Tokayev met the delegation. “We agree,” he said.\n\nLeeds 2 Everton 1",
    "User steppe_wolf answers:\n\n    Nobody asked the residents.",
    "",
    "   ",
]

PAIRS = [("text", "text"), ("lower", "lower_"), ("ws", "whitespace_"), ("punct", "is_punct"), ("alpha", "is_alpha"),
         ("sent_start", "is_sent_start"), ("ent_type", "ent_type_"), ("pos", "pos_"), ("dep", "dep_"), ("tag", "tag_"),
         ("like_num", "like_num"), ("idx", "idx")]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("column, attribute", PAIRS)
def test_each_list_is_the_token_attribute(nlp, text, column, attribute):
    doc = nlp(text)
    assert getattr(Tokens(doc), column) == [getattr(t, attribute) for t in doc]


@pytest.mark.parametrize("column, attribute", PAIRS)
def test_an_unparsed_doc(blank, column, attribute):
    doc = blank("Aigul Sarsenova said it.")
    assert getattr(Tokens(doc), column) == [getattr(t, attribute) for t in doc]
