"""Finding mentions (`kzfacts/pipeline/entities/mentions.py`): which spans are candidates at all,
from the model, the gazetteer and the rules, and which wins where they overlap."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.mentions import (
    acronyms_in_parentheses,
    common_noun_acronyms,
    flight_airline,
    gather_mentions,
    merge_candidates,
    model_candidates,
    org_rule_spans,
    parenthesised_acronyms,
    titled_person_spans,
    traded_name_spans,
)

from .conftest import by_name


def test_acronym_in_parentheses_that_the_model_missed(run):
    art = run("Shares will trade on the Kazakhstan Stock Exchange (KASE) from December. KASE said so.")
    orgs = by_name(art, "organisations")
    assert orgs["Kazakhstan Stock Exchange"]["acronym"] == "KASE" and len(orgs) == 1


def test_common_noun_acronyms_are_not_bodies(run):
    art = run("The firm plans an initial public offering (IPO) in May. The IPO and GDP growth were discussed.")
    assert not {"IPO", "GDP"} & set(by_name(art, "organisations"))


def test_a_capitalised_sentence_opener_before_shares_needs_the_text_to_capitalise_it_elsewhere(run):
    assert run("Retail shares fell on Monday.")["organisations"] == []


@pytest.mark.parametrize("text, name", [
    ("Investigators studied the loss of Garuda Indonesia Flight 200 near Yogyakarta.", "Garuda Indonesia"),
    ("National welfare fund Samruk-Kazyna plans to sell shares in December, officials said.", "Samruk-Kazyna"),
], ids=["airline of a flight number", "gazetteer beats a partial model span"])
def test_organisation_found(run, text, name):
    assert name in by_name(run(text), "organisations")


# Entity error classes of issue 19 (the tables below), made-up sentences through the real model.


@pytest.mark.parametrize("text, body", [
    ("Avesta reported that the dam would close in May.", "Avesta"),
    ("“The talks were useful,” Ivan Petrov told Sputnik.", "Sputnik"),
    ("Xinhua said the visit would take place in June.", "Xinhua"),
    ("Officials told Interfax the plant had stopped.", "Interfax"),
    ("Kazinform reported that the Senate approved the budget.", "Kazinform"),
    ("The minister spoke to Radio Azattyq on Friday.", "Radio Azattyq"),
])
def test_news_agencies_are_bodies_never_people(run, text, body):
    art = run(text)
    assert body in by_name(art, "organisations") and body not in by_name(art, "people")


@pytest.mark.parametrize("text, body", [
    ("The Oliy Majlis approved the law on Tuesday.", "Oliy Majlis"),
    ("Deputies of the Jogorku Kenesh voted against it.", "Jogorku Kenesh"),
    ("The Majlisi Oli ratified the treaty.", "Majlisi Oli"),
    ("The Central Bank of Uzbekistan cut its key rate.", "Central Bank of Uzbekistan"),
    ("The National Bank of Tajikistan kept rates unchanged.", "National Bank of Tajikistan"),
])
def test_central_asian_institutions_are_bodies(run, text, body):
    assert body in by_name(run(text), "organisations")


# The stage's functions on their own, on spacy.blank("en") and hand-made Docs: no model.

def test_a_capitalised_run_headed_by_an_organisation_word(blank):
    doc = blank("Officials met the Religious Freedom Working Group in Astana today.")
    # the run goes on over "in"; `boundaries.trim_at_model_entities` ends it where the model's "Astana" begins
    assert [doc[s:e].text for s, e in org_rule_spans(doc)] == ["Religious Freedom Working Group in Astana"]


def test_acronyms_in_parentheses_after_a_name_and_after_common_nouns(blank):
    doc = blank("Shares trade on the Kazakhstan Stock Exchange (KASE) after an initial public offering (IPO).")
    acronyms = acronyms_in_parentheses(doc, doc.text)
    assert [t.text for t in acronyms] == ["KASE", "IPO"]
    assert [doc[s:e].text for s, e in parenthesised_acronyms(doc, acronyms)] == ["KASE"]
    assert common_noun_acronyms(doc, acronyms) == {"IPO"}


def test_a_name_right_after_a_title(blank):
    doc = blank("Greens MEP Viola von Cramon spoke.")
    assert [doc[s:e].text for s, e in titled_person_spans(doc)] == ["Viola von Cramon"]


def test_names_that_are_bought_and_sold(blank):
    doc = Doc(blank.vocab, words=["Shares", "of", "Gazprom", "fell", "and", "Kaspi", "shares", "rose", "."],
              pos=["NOUN", "ADP", "PROPN", "VERB", "CCONJ", "PROPN", "NOUN", "VERB", "PUNCT"])
    assert [doc[s:e].text for s, e in traded_name_spans(doc)] == ["Gazprom", "Kaspi"]


def test_the_models_entities_of_the_kinds_kept(blank):
    doc = Doc(blank.vocab, words=["Ryanair", "flew", "over", "Alps", "on", "Monday", "with", "Polish", "crews"],
              ents=["B-ORG", "O", "O", "B-LOC", "O", "B-DATE", "O", "B-NORP", "O"])
    assert [(doc[c.start:c.end].text, c.label) for c in model_candidates(doc)] == [
        ("Ryanair", "ORG"), ("Alps", "GPE"), ("Polish", "NORP")]


def test_rule_spans_win_unless_the_models_is_longer_with_the_same_label():
    model = [Candidate(0, 2, "ORG"), Candidate(5, 6, "PERSON"), Candidate(8, 12, "ORG"), Candidate(14, 18, "PERSON")]
    rules = [Candidate(0, 3, "ORG", "rule"), Candidate(9, 11, "ORG", "rule"), Candidate(15, 16, "ORG", "rule")]
    assert [(c.start, c.end, c.source) for c in merge_candidates(model, rules)] == [
        (0, 3, "rule"), (5, 6, "model"), (8, 12, "model"), (15, 16, "rule")]


def test_the_airline_before_a_flight_number(blank):
    doc = blank("They lost Garuda Indonesia Flight 200 near Yogyakarta.")
    airline = flight_airline(doc, Candidate(2, 6, "ORG"))
    assert (doc[airline.start:airline.end].text, airline.label) == ("Garuda Indonesia", "ORG")
    assert flight_airline(doc, Candidate(7, 8, "ORG")) is None


def test_a_gazetteer_name_wins_over_the_models_part_of_it(blank):
    doc = Doc(blank.vocab, words=["National", "fund", "Samruk", "-", "Kazyna", "plans", "to", "sell"],
              spaces=[True, True, False, False, True, True, True, False],
              ents=["O", "O", "B-ORG", "O", "O", "O", "O", "O"])
    assert [(doc[c.start:c.end].text, c.source) for c in gather_mentions(doc, [(2, 5)])] == [("Samruk-Kazyna", "gazetteer")]
