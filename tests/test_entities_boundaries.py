"""Settling boundaries (`kzfacts/pipeline/entities/boundaries.py`): where a mention starts and
ends, and the titles before and after a person's name."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kzfacts.pipeline.entities.boundaries import (
    clean_bounds,
    cut_at_credits,
    cut_at_numbers,
    extend_organisation,
    find_titles,
    person_name_bounds,
    strip_leading_titles,
    strip_titles,
    trim_at_model_entities,
    trim_mention,
)
from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.titles import title_before, title_phrase_start

from .conftest import by_name


def test_premodifier_and_appositive_titles(run):
    art = run("Former UK Tory MEP Nirj Deva met Peter Stano, EU spokesperson for Foreign Affairs, in Brussels.")
    people = by_name(art, "people")
    assert "Former UK Tory MEP" in people["Nirj Deva"]["titles"]
    assert any(t.startswith("EU spokesperson") for t in people["Peter Stano"]["titles"])
    assert "Foreign Affairs" not in by_name(art, "organisations")


def test_title_with_of_and_curly_apostrophe_surname(run):
    art = run("Secretary of State John Kerry met Martin O’Malley. Later O’Malley said the talks were good.")
    people = by_name(art, "people")
    assert "Secretary of State" in people["John Kerry"]["titles"]
    assert set(people) == {"John Kerry", "Martin O’Malley"} and art["organisations"] == []


def test_role_before_the_name_in_apposition(run):
    art = run("The commission’s chairman, Nurlan Abdirov, said the vote would be held in March.")
    assert by_name(art, "people")["Nurlan Abdirov"]["titles"] == ["commission’s chairman"]


def test_title_case_titles_survive_parser_sentence_breaks(run):
    art = run("Finance Minister Jane Roe defended the budget. Opposition leader John Smith disagreed.")
    people = by_name(art, "people")
    assert people["Jane Roe"]["titles"] == ["Finance Minister"]
    assert people["John Smith"]["titles"] == ["Opposition leader"]


@pytest.mark.parametrize("text, name", [
    ("Officials of the European Parliament met in Strasbourg.", "European Parliament"),  # leading "the" stripped
], ids=["leading the stripped"])
def test_organisation_found(run, text, name):
    assert name in by_name(run(text), "organisations")


# Entity error classes of issue 19 (the tables below), made-up sentences through the real model.


@pytest.mark.parametrize("text, person", [
    ("Greg Smith 57 scored the winner.", "Greg Smith"),
    ("Peter Kane 88 headed in from a corner.", "Peter Kane"),
    ("Bowling: Ravi Patel 4 for 30 in ten overs.", "Ravi Patel"),
    ("Ali Hassan 45 and Marco Rossi 71 scored for the hosts.", "Ali Hassan"),
    ("The marathon was won by Daniel Kiprop 2:08:11 ahead of the field.", "Daniel Kiprop"),
])
def test_a_name_never_runs_over_a_number(run, text, person):
    people = by_name(run(text), "people")
    assert person in people and not any(ch.isdigit() for p in people for ch in p)


@pytest.mark.parametrize("text, person", [
    ("Defender Ali Hassan was injured in training.", "Ali Hassan"),
    ("Midfielder Ion Popa signed a new contract on Monday.", "Ion Popa"),
    ("Striker Marco Rossi missed a penalty.", "Marco Rossi"),
    ("Goalkeeper Aidos Nurlanov kept a clean sheet.", "Aidos Nurlanov"),
    ("Winger Tom Baker was sent off.", "Tom Baker"),
])
def test_a_players_position_is_no_part_of_the_name(run, text, person):
    assert person in by_name(run(text), "people")


@pytest.mark.parametrize("text, person", [
    ("File photo of magician David Gish with his props.", "David Gish"),
    ("The award went to novelist Gulnara Bazhkenova last year.", "Gulnara Bazhkenova"),
    ("A statement from lawyer Maria Lopez followed.", "Maria Lopez"),
    ("Photo of striker-turned-coach Ion Popa on the bench.", "Ion Popa"),
    ("Interview with economist Daniyar Kenzhebayev about inflation.", "Daniyar Kenzhebayev"),
])
def test_a_persons_name_starts_with_a_capital(run, text, person):
    people = by_name(run(text), "people")
    assert person in people and all(p[:1].isupper() for p in people)


@pytest.mark.parametrize("text, person", [
    ("Councillor Wong Yeung-tat won the seat.", "Wong Yeung-tat"),
    ("Lam Cheuk-ting of the Democratic Party was elected.", "Lam Cheuk-ting"),
    ("The seat went to Chan Kin-por after a recount.", "Chan Kin-por"),
    ("Kim Jong-un met the delegation in Pyongyang.", "Kim Jong-un"),
    ("Voters backed Leung Kwok-hung in the by-election.", "Leung Kwok-hung"),
])
def test_a_hyphenated_given_name_stays_whole(run, text, person):
    assert person in by_name(run(text), "people")


@pytest.mark.parametrize("text, person", [
    ("US President Barack Obama greets student Mary Jones Image: Twitter.", "Mary Jones"),
    ("Minister Jane Doe at the opening Photo: Reuters.", "Jane Doe"),
    ("Farmers meet Governor Erlan Kassym Photo: Kazinform.", "Erlan Kassym"),
    ("The new plant near Pavlodar, said Marat Ospanov Source: company.", "Marat Ospanov"),
    ("Delegates applaud speaker Anna Berg Picture: AFP.", "Anna Berg"),
])
def test_a_caption_credit_is_no_part_of_a_name(run, text, person):
    people = by_name(run(text), "people")
    assert person in people and not any(p.endswith(("Image", "Photo", "Source", "Picture")) for p in people)


# The stage's functions on their own, on spacy.blank("en") and hand-made Docs: no model.

def test_clean_bounds(blank):
    doc = blank("Officials of the European Parliament's committee")
    assert doc[slice(*clean_bounds(doc, 2, 6))].text == "European Parliament"
    doc = blank("Manchester United beat Liverpool 2-1 on Sunday")
    assert doc[slice(*clean_bounds(doc, 3, 7))].text == "Liverpool"
    doc = blank("the European Commission for Democracy through Law (Venice Commission")
    assert doc[slice(*clean_bounds(doc, 1, len(doc)))].text == "European Commission for Democracy through Law"


@pytest.mark.parametrize("step, text, span, label, after", [
    (trim_mention, "Officials of the European Parliament's committee", (2, 6), "ORG", "European Parliament"),
    (cut_at_credits, "student Mary Jones Image: Twitter", (1, 4), "PERSON", "Mary Jones"),
    (cut_at_numbers, "Greg Smith 57 scored", (0, 3), "PERSON", "Greg Smith"),
    (cut_at_numbers, "Plymouth 4 Exeter 1", (0, 4), "ORG", "Plymouth"),
    (cut_at_numbers, "on Channel 4 tonight", (1, 3), "ORG", "Channel 4"),
    (person_name_bounds, "magician David Gish smiled", (0, 3), "PERSON", "David Gish"),
    (person_name_bounds, "Councillor Wong Yeung-tat won", (1, 3), "PERSON", "Wong Yeung-tat"),
    (extend_organisation, "the European Institute for Asian Studies said", (1, 3), "ORG",
     "European Institute for Asian Studies"),
], ids=["the and possessive", "credit", "number after a person", "results line", "channel number",
        "lower-case word before a person", "hyphenated given name", "of/for/on after a body"])
def test_a_boundary_step_on_its_own(blank, step, text, span, label, after):
    doc = blank(text)
    cand = Candidate(*span, label)
    assert step(doc, cand, {}) is True
    assert doc[cand.start:cand.end].text == after


def test_titles_before_a_name(blank):
    doc = Doc(blank.vocab, words=["Finance", "Minister", "Jane", "Roe", "spoke"],
              pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB"])
    assert title_before(doc, 2) == (["Finance Minister"], 1, 0) and title_phrase_start(doc, 2) == 0
    doc = Doc(blank.vocab, words=["Secretary", "of", "State", "John", "Kerry"], pos=["PROPN", "ADP", "PROPN", "PROPN", "PROPN"])
    assert title_before(doc, 3) == (["Secretary of State"], None, 0)
    assert title_before(doc, 2) == ([], None, 2)  # "State" completes the title: no name
    doc = Doc(blank.vocab, words=["Yesterday", "President", "Tokayev", "spoke"], pos=["NOUN", "PROPN", "PROPN", "VERB"],
              ents=["B-DATE", "O", "O", "O"])
    assert title_before(doc, 2) == (["President"], 1, 1)  # a date opening the sentence is no part of the title


def test_a_title_leaves_the_mention(blank):
    doc = blank("President Tokayev spoke")
    cand = Candidate(0, 2, "PERSON")
    assert strip_titles(doc, cand, {}) is True and find_titles(doc, cand, {}) is True
    assert (cand.start, cand.end, cand.titles, cand.title_start, cand.phrase_start) == (1, 2, ["President"], 0, 0)
    cand = Candidate(0, 2, "ORG")
    strip_leading_titles(doc, cand)
    assert (cand.start, cand.label) == (1, "ORG")  # a boundary step never writes a label: `types` does


def test_a_rules_run_ends_where_the_model_saw_another_entity_begin(blank):
    doc = blank("met the Religious Freedom Working Group in Astana today")
    assert trim_at_model_entities(doc, 2, 8, [Candidate(7, 8, "GPE")], [7]) == (2, 7)
    doc = blank("the Refugee Council Enver Solomon said")
    assert trim_at_model_entities(doc, 1, 5, [Candidate(3, 5, "PERSON")], [3]) == (1, 3)
    assert trim_at_model_entities(doc, 1, 5, [Candidate(0, 3, "ORG")], [0]) == (1, 3)


@pytest.mark.parametrize("words, start, titles", [
    # a dateline's dash ends the title: its place is the dateline's
    (["ASTANA", ",", "Kazakhstan", "-", "President", "Kassym-Jomart", "Tokayev"], 5, ["President"]),
    (["BISHKEK", ",", "Kyrgyzstan", "\u2013", "Foreign", "Minister", "Jeenbek", "Kulubaev"], 6, ["Foreign Minister"]),
    # a dash between two titles joins them
    (["Deputy", "Prime", "Minister", "\u2013", "Trade", "Minister", "Serik", "Zhumangarin"], 6,
     ["Deputy Prime Minister \u2013 Trade Minister"]),
])
def test_a_datelines_dash_ends_a_title(blank, words, start, titles):
    pos = ["PROPN" if w[:1].isupper() else "PUNCT" for w in words]
    doc = Doc(blank.vocab, words=words, pos=pos)
    assert title_before(doc, start)[0] == titles
