"""The memoised attribute ruler and lemmatizer give exactly the model's own annotations."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from kzfacts.pipeline.loading import default_model
from kzfacts.pipeline.support import memoised

from .conftest import ROOT

SENTENCES = [
    "I'm gonna tell you, it ain't over and they gotta know it.",   # the ruler's two-token patterns
    "Let's see: the ministers met in Astana on Monday.",
    "Prices rose 5% as the bank raised rates; analysts said they'd rise again.",
    "He was reading the reports, she reads them, they have read them all.",
    "Better, best, good; worse, worst, bad. The children's geese ran.",
    "  Spaces \n\n and\ttabs, — dashes – and “quotes” stay as they were.  ",
    "KAZAKHSTAN'S NATIONAL BANK SAID ON TUESDAY IT WOULD HOLD THE BASE RATE.",
    "12,500 tonnes; $3.2bn; 1990s; 4th; e-mail me at a@b.kz or https://example.kz.",
    "Read. Read! Reading? Reads... read",                            # one word, many tags
]


@pytest.fixture(scope="module")
def stock():
    """The model as it ships, with its own attribute ruler and lemmatizer."""
    return spacy.load(default_model(), exclude=["senter"])


@pytest.fixture(scope="module")
def memo():
    nlp = spacy.load(default_model(), exclude=["senter"])
    memoised.memoise(nlp)
    return nlp


def annotations(doc) -> numpy.ndarray:
    return doc.to_array([TAG, POS, MORPH, LEMMA, DEP])


def texts() -> list[str]:
    return SENTENCES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]


def test_memoise_swaps_in_the_stand_ins(memo):
    assert memo.pipe_names[memo.pipe_names.index("parser") + 1:][:2] == ["attribute_ruler_memo", "lemmatizer_memo"]
    assert set(memo.disabled) == {"attribute_ruler", "lemmatizer"}
    memoised.memoise(memo)  # twice is once
    assert memo.pipe_names.count("attribute_ruler_memo") == 1


def test_the_kzfacts_pipeline_uses_them(nlp):
    assert "attribute_ruler_memo" in nlp.pipe_names and "lemmatizer_memo" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize("rounds", [2])
def test_same_annotations_as_the_model_cold_and_warm(stock, memo, rounds):
    for _ in range(rounds):  # the first round fills the memo, the second reads it
        for text in texts():
            expected, got = stock(text), memo(text)
            assert numpy.array_equal(annotations(expected), annotations(got)), text[:60]
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
            assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]
    doc = memo("They gotta go and it ain't fair. There are two.")
    assert [t.lemma_ for t in doc][1:3] == ["get", "to"] and doc[6].lemma_ == "be"
    assert doc[11].pos_ == "VERB"  # "There are": a two-token pattern on the dependency ("expl")


# Hand-made rulers: one-token and longer patterns writing the same token, in the order the ruler
# applies them (later entries win), negative indices and overlapping longer matches.
ORDERED = [
    ([[{"LOWER": "b"}]], {"POS": "NOUN", "LEMMA": "bee"}, 0),
    ([[{"LOWER": "a"}, {"LOWER": "b"}]], {"POS": "VERB", "MORPH": "Number=Sing"}, -1),
    ([[{"LOWER": "b"}, {"LOWER": {"IN": ["b", "c"]}}]], {"LEMMA": "pair"}, 0),
    ([[{"TEXT": {"REGEX": "^B"}}]], {"POS": "ADJ"}, 0),
    ([[{"LOWER": "a"}, {}, {"LOWER": "c"}]], {"TAG": "XX", "LEMMA": "first"}, 0),
    ([[{"LOWER": "c"}]], {"MORPH": "Case=Nom"}, 0),
    ([[{"TAG": {"IN": ["", "NN"]}, "LOWER": {"IN": ["a", "c"]}}]], {"LEMMA": "listed"}, 0),  # no tag is ""
    ([[{"LOWER": {"NOT_IN": ["a"]}, "IS_PUNCT": False}]], {"MORPH": "Kind=Word"}, 0),
]
RULER_TEXTS = ["a b c", "a B c a b b c", "b b b", "A b", "c a", "x y z", "a, c!", "a", ""]


@pytest.mark.parametrize("order", [ORDERED, ORDERED[::-1]])
def test_same_annotations_as_hand_made_rulers(order):
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    for patterns, attrs, index in order:
        ruler.add(patterns, attrs, index=index)
    stand_in = memoised.MemoisedAttributeRuler(ruler)
    assert memoised.fits_attribute_ruler(ruler)
    for _ in range(2):
        for text in RULER_TEXTS:
            expected, got = ruler(blank.make_doc(text)), stand_in(blank.make_doc(text))
            assert numpy.array_equal(annotations(expected), annotations(got)), text
            assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]
    doc = stand_in(blank.make_doc("a b c"))
    assert doc[1].pos_ == ("VERB" if order is ORDERED else "NOUN")  # the last entry to write it wins
    assert doc[0].tag_ == "XX" and doc[0].lemma_ == ("listed" if order is ORDERED else "first")
    assert str(doc[2].morph) == ("Kind=Word" if order is ORDERED else "Case=Nom")


def _ruler_of_a(lemma: str):
    """A blank pipeline, its ruler giving "a" the lemma, and the ruler's stand-in."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"LEMMA": lemma})
    return nlp, ruler, memoised.MemoisedAttributeRuler(ruler)


def test_a_pattern_added_later_that_does_not_fit_runs_the_ruler_itself():
    blank, ruler, stand_in = _ruler_of_a("one")
    assert stand_in(blank.make_doc("a a"))[1].lemma_ == "one"
    ruler.add([[{"LOWER": "b", "OP": "+"}]], {"LEMMA": "bees"})
    doc = stand_in(blank.make_doc("a b b"))
    assert [t.lemma_ for t in doc] == ["one", "bees", "bees"]


def test_patterns_added_later_are_learnt(stock, memo):
    for nlp in (stock, memo):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "zhumabek"}]], {"LEMMA": "ZHUMA", "POS": "PROPN"})
    text = "Zhumabek spoke, and zhumabek left."
    assert numpy.array_equal(annotations(stock(text)), annotations(memo(text)))
    assert memo(text)[0].lemma_ == "ZHUMA"


def test_overwrite_and_the_memo_limit(stock, memo, monkeypatch):
    monkeypatch.setattr(memoised, "MEMO_LIMIT", 3)
    for nlp in (stock, memo):
        monkeypatch.setattr(nlp.get_pipe("lemmatizer"), "overwrite", True)
    for text in SENTENCES:
        assert numpy.array_equal(annotations(stock(text)), annotations(memo(text))), text
    assert len(memo.get_pipe("lemmatizer_memo").memo) <= 3 + len(memo(SENTENCES[-1]))


def test_components_that_do_not_fit_keep_their_own():
    blank = spacy.blank("en")  # its own: the session's blank pipeline must not gain these pipes
    ruler = blank.add_pipe("attribute_ruler", name="ruler_with_op")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert not memoised.fits_attribute_ruler(ruler)
    plain = blank.add_pipe("attribute_ruler", name="plain_ruler")
    plain.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert memoised.fits_attribute_ruler(plain)
    extension = blank.add_pipe("attribute_ruler", name="ruler_with_extension")
    extension.add([[{"_": {"kz_x": True}}]], {"LEMMA": "x"})
    assert not memoised.fits_attribute_ruler(extension)
    lexeme = blank.add_pipe("attribute_ruler", name="ruler_of_a_lexeme_flag")
    lexeme.add([[{"LOWER": "a"}]], {"IS_STOP": True})  # spaCy sets it on the word's lexeme
    assert not memoised.fits_attribute_ruler(lexeme)
    beyond = blank.add_pipe("attribute_ruler", name="ruler_indexing_past_its_match")
    beyond.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"LEMMA": "x"}, index=2)  # the ruler raises E1001 on it
    assert not memoised.fits_attribute_ruler(beyond)
    lookup = blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not memoised.fits_lemmatizer(lookup)
    assert not memoised.fits_lemmatizer(object())


def test_patterns_replaced_by_as_many_are_learnt(stock, memo):
    text = "The bank said so, and the zhanga bank agreed."
    memo(text)  # the memo knows these words' matches now
    kept = stock.get_pipe("attribute_ruler").patterns
    # the same number of patterns again, the common noun's now matching a word instead of a tag
    changed = [{**p, "patterns": [[{"LOWER": "zhanga"}]]} if p["patterns"] == [[{"TAG": "NN"}]] else p
               for p in kept]
    try:
        for nlp in (stock, memo):
            nlp.get_pipe("attribute_ruler").clear()
            nlp.get_pipe("attribute_ruler").add_patterns(changed)
        expected, got = stock(text), memo(text)
        assert numpy.array_equal(annotations(expected), annotations(got))
        assert got[1].pos_ == "" and expected[1].pos_ == ""  # no pattern gives "bank" its part of speech now
    finally:
        for nlp in (stock, memo):
            nlp.get_pipe("attribute_ruler").clear()
            nlp.get_pipe("attribute_ruler").add_patterns(kept)
    assert numpy.array_equal(annotations(stock(text)), annotations(memo(text)))


def _rule_lemmatizer(index: list[str]):
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize(lookups=_lookups(index))
    return nlp, lemmatizer


def _lookups(index: list[str], verbs: bool = False):
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["s", "x"]], **({"verb": [["ning", ""]]} if verbs else {})})
    lookups.add_table("lemma_index", {"noun": index})
    lookups.add_table("lemma_exc", {"noun": {}})
    return lookups


def _nouns(nlp, text: str, pos: str = "NOUN"):
    doc = nlp.make_doc(text)
    for token in doc:
        token.pos_, token.morph = pos, spacy.tokens.MorphAnalysis(nlp.vocab, {"Number": "Plur"})
    return doc


def test_new_words_are_lemmatized_by_the_lemmatizers_own_rules_and_tables():
    stock_nlp, stock = _rule_lemmatizer(["dogx"])
    memo_nlp, wrapped = _rule_lemmatizer(["dogx"])
    stand_in = memoised.MemoisedLemmatizer(wrapped)
    text = "dogs cats dogs"
    expected, got = stock(_nouns(stock_nlp, text)), stand_in(_nouns(memo_nlp, text))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected] == ["dogx", "cat", "dogx"]  # the form in the index first
    for lemmatizer in (stock, wrapped):  # new tables: a word neither has seen follows them
        lemmatizer.initialize(lookups=_lookups(["cowx"]))
    expected, got = stock(_nouns(stock_nlp, "cows")), stand_in(_nouns(memo_nlp, "cows"))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected] == ["cowx"]


def test_tables_changed_in_place_or_for_words_already_met_are_followed():
    stock_nlp, stock = _rule_lemmatizer(["dogx"])
    memo_nlp, wrapped = _rule_lemmatizer(["dogx"])
    stand_in = memoised.MemoisedLemmatizer(wrapped)
    # no verb rules yet: "running" stays as it is in both, and the stand-in has remembered it
    assert stand_in(_nouns(memo_nlp, "running", "VERB"))[0].lemma_ == stock(_nouns(stock_nlp, "running", "VERB"))[0].lemma_ == "running"
    for lemmatizer in (stock, wrapped):
        lemmatizer.initialize(lookups=_lookups(["dogx"], verbs=True))
    assert stand_in(_nouns(memo_nlp, "running", "VERB"))[0].lemma_ == stock(_nouns(stock_nlp, "running", "VERB"))[0].lemma_ == "run"
    # from_bytes replaces the tables inside the same lookups
    _, source = _rule_lemmatizer(["cowx"])
    for lemmatizer in (stock, wrapped):
        lemmatizer.from_bytes(source.to_bytes())
    assert stand_in(_nouns(memo_nlp, "cows"))[0].lemma_ == stock(_nouns(stock_nlp, "cows"))[0].lemma_ == "cowx"


def test_a_lemmatizer_without_its_tables_raises_as_it_does():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})  # never initialised
    for component in (lemmatizer, memoised.MemoisedLemmatizer(lemmatizer)):
        with pytest.raises(ValueError, match="E1004"):
            component(_nouns(nlp, "dogs"))


def test_patterns_the_ruler_takes_unvalidated_are_taken_too():
    nlp, ruler, stand_in = _ruler_of_a("A")
    assert stand_in(nlp.make_doc("a un"))[0].lemma_ == "A"
    ruler.add([[{"PREFIX": "u"}]], {"LEMMA": "U"})  # a Matcher that validates refuses PREFIX; the ruler's does not
    for _ in range(2):
        assert [t.lemma_ for t in stand_in(nlp.make_doc("a un"))] == [t.lemma_ for t in ruler(nlp.make_doc("a un"))] == ["A", "U"]
