"""`pipeline.tokens.Tokens` holds what each spaCy Token attribute says, so a spaCy upgrade that
changes `Doc.to_array` is caught here rather than as quietly different entities."""
from __future__ import annotations

import pytest

from kzfacts.pipeline.support.tokens import Tokens

TEXTS = [
    "ASTANA – President Kassym-Jomart Tokayev met the delegation. “We agree,” he said.\n\nLeeds 2 Everton 1",
    "User steppe_wolf answers:\n\n    Nobody asked the residents.",
    "",
    "   ",
]

PAIRS = [("text", "text"), ("lower", "lower_"), ("ws", "whitespace_"), ("punct", "is_punct"), ("alpha", "is_alpha"),
         ("sent_start", "is_sent_start"), ("ent_type", "ent_type_"), ("pos", "pos_"), ("dep", "dep_"), ("tag", "tag_"),
         ("like_num", "like_num"), ("idx", "idx"),
         ("orth", "orth")]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("column, attribute", PAIRS)
def test_each_list_is_the_token_attribute(nlp, text, column, attribute):
    doc = nlp(text)
    assert getattr(Tokens(doc), column) == [getattr(t, attribute) for t in doc]


@pytest.mark.parametrize("column, attribute", PAIRS)
def test_an_unparsed_doc(blank, column, attribute):
    doc = blank("Aigul Sarsenova said it.")
    assert getattr(Tokens(doc), column) == [getattr(t, attribute) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_heads_are_the_token_heads(nlp, text):
    doc = nlp(text)
    assert Tokens(doc).head == [t.head.i for t in doc]


def test_components_share_one_tokens_until_the_doc_changes(blank):
    from spacy.tokens import Span

    from kzfacts.pipeline.support.tokens import sharing_tokens, tokens_of

    doc = blank("Aigul Sarsenova said it.")
    with sharing_tokens(doc):
        first = tokens_of(doc)
        assert first.ent_type == ["", "", "", "", ""]
    with sharing_tokens(doc):
        assert tokens_of(doc) is first  # the next component on the same Doc reads nothing again
    doc.ents = [Span(doc, 0, 2, "PERSON")]  # a user's component between two of kzfacts'
    with sharing_tokens(doc):
        again = tokens_of(doc)
        assert again is not first and again.ent_type == ["PERSON", "PERSON", "", "", ""]
    assert tokens_of(doc) is not again  # outside a component nothing is shared


def test_shared_tokens_do_not_keep_a_doc_alive(blank):
    import gc
    import weakref

    from kzfacts.pipeline.support.tokens import sharing_tokens, tokens_of

    doc = blank("Aigul Sarsenova said it.")
    with sharing_tokens(doc):
        tokens_of(doc).text
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


@pytest.mark.parametrize("text", TEXTS + ["Samruk-Kazyna's 2024 plan: 3 NATO O'Brien US Finance Minister"])
@pytest.mark.parametrize("column, rule", [("capital", "is_capitalised"), ("name", "name_token"), ("title", "is_title_word")])
def test_each_word_list_is_the_rule(nlp, text, column, rule):
    from kzfacts.pipeline.entities import common, titles

    doc = nlp(text)
    expected = [getattr(titles if rule == "is_title_word" else common, rule)(t) for t in doc]
    assert getattr(Tokens(doc), column) == expected
    assert getattr(Tokens(doc), column) == expected  # the second Doc reads the words' values kept from the first


def test_a_vocab_keeps_its_own_word_values(blank):
    import spacy

    other = spacy.blank("xx")  # no English like_num: "ten" is no number here
    docs = [blank("ten men"), other("ten men"), blank("ten men")]  # kept alive: Tokens holds a Doc weakly
    assert Tokens(docs[0]).like_num == [True, False]
    assert Tokens(docs[1]).like_num == [t.like_num for t in docs[1]] == [False, False]
    assert Tokens(docs[2]).like_num == [True, False]


def test_lower_at_finds_every_lower_case_writing(blank):
    doc = blank("Steel prices rose. The steel plant and steel workers. STEEL 3d 3d")
    t = Tokens(doc)
    assert t.lower_at("steel") == [5, 8] and t.lower_at("steel") is t.lower_at("steel")
    assert t.lower_at("3d") == [12, 13] and t.lower_at("iron") == [] and t.lower_at("Steel") == []


def test_where_lower_finds_every_writing(blank):
    doc = blank("As he said, as before. AS ever, Ask as")
    t = Tokens(doc)
    assert t.where_lower("as") == [0, 4, 7, 11] and t.where_lower("ask") == [10] and t.where_lower("be") == []


def test_a_component_that_reads_no_tokens_reads_no_array(blank, monkeypatch):
    from kzfacts.pipeline.support import tokens

    reads = []
    monkeypatch.setattr(tokens, "_read_array", lambda doc: reads.append(doc) or doc.to_array(tokens._ARRAY))
    doc = blank("Aigul Sarsenova said it.")
    with tokens.sharing_tokens(doc):
        pass
    assert reads == []
    with tokens.sharing_tokens(doc):
        assert tokens.tokens_of(doc).text[0] == "Aigul" and tokens.tokens_of(doc) is tokens.tokens_of(doc)
    assert len(reads) == 1


def test_looked_up_reads_each_missing_key_once():
    from kzfacts.pipeline.support.tokens import looked_up

    table, reads = {1: "one"}, []
    assert looked_up(table, [1, 2, 2, 3], lambda k: reads.append(k) or str(k)) == ["one", "2", "2", "3"]
    assert sorted(reads) == [2, 3] and table == {1: "one", 2: "2", 3: "3"}
    assert looked_up(table, [3, 1], lambda k: reads.append(k)) == ["3", "one"] and len(reads) == 2
