"""Deciding the type (`kzfacts/pipeline/entities/types.py`, with `evidence.py` and `noise.py`): person, organisation or place on
evidence, and the mentions that are no entity at all."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.evidence import body_evidence, is_headline_case, is_model_code, name_head
from kzfacts.pipeline.entities.noise import drop_headline_guesses, inside_document_name, is_noise
from kzfacts.pipeline.entities.types import consistent_labels, place_acronyms, relabel

from .conftest import by_name


def test_role_words_and_nationalities_are_not_entities(run):
    art = run("The Polish MEP and a Kazakh official met the CEO on Monday.")
    assert art["people"] == [] and art["organisations"] == []


def test_organisation_words_override_person_label(run):
    art = run("Wizz Air Holding and Abu Dhabi Developmental Holding Company set up the airline.")
    assert {"Wizz Air Holding", "Abu Dhabi Developmental Holding Company"} <= set(by_name(art, "organisations"))
    assert art["people"] == []


def test_document_names_are_not_organisations(run):
    art = run("The Enhanced Partnership and Co-operation Agreement came into force last year.")
    assert art["organisations"] == []


def test_products_and_lists_are_not_organisations(run):
    art = run("First Airbus A380 delivered to the airline. The unit offers Maintenance, Repair and Overhaul work.")
    orgs = by_name(art, "organisations")
    assert "Airbus A380" not in orgs and not any("," in o for o in orgs)


def test_company_designator_beats_person_label(run):
    art = run("The plane was the last built by the plant, the original home of Douglas Aircraft.")
    assert "Douglas Aircraft" in by_name(art, "organisations") and art["people"] == []


def test_headline_case_title_names_need_the_body(run):
    art = run("Paris Terror Attacks Highlight Threat Posed By Lax Gun Laws\n\n"
              "The New York Daily News said the attacks showed the danger, in an editorial on Monday.")
    assert set(by_name(art, "organisations")) == {"New York Daily News"}


def test_place_acronyms_merge(run):
    art = run("Air Arabia from the United Arab Emirates will restart flights. The UAE carrier said the U.S. "
              "and the United States market would follow.")
    places = by_name(art, "places")
    assert set(places) == {"United Arab Emirates", "United States"}
    assert "UAE" in places["United Arab Emirates"]["aliases"] and "U.S." in places["United States"]["aliases"]
    assert set(by_name(art, "organisations")) == {"Air Arabia"}


def test_a_maker_before_a_model_code_names_the_product(run):
    art = run("China Eastern will buy twenty Airbus A320 jets. Airbus said deliveries start in May.")
    orgs = by_name(art, "organisations")
    assert [m["text"] for m in orgs["Airbus"]["mentions"]] == ["Airbus"] and len(orgs["Airbus"]["mentions"]) == 1


def test_a_one_word_place_is_not_a_person(run):
    art = run("After the plane was delivered in Singapore, it was flown to Toulouse for the ceremony.")
    assert "Toulouse" not in by_name(art, "people")


# Entity error classes of issue 19 (the tables below), made-up sentences through the real model.


@pytest.mark.parametrize("text, thing", [
    ("The Dow Jones Industrial Average fell 2% on Monday.", "Dow Jones Industrial Average"),
    ("The concert at Madison Square Garden sold out.", "Madison Square Garden"),
    ("Crowds filled the Barys Arena in Astana.", "Barys Arena"),
    ("The Winter Carnival of Magic opened on Friday.", "Winter Carnival of Magic"),
    ("Leaders met at the Palace of Peace and Reconciliation.", "Palace of Peace and Reconciliation"),
    ("The Summer Paralympics begin in August.", "Summer Paralympics"),
])
def test_events_indices_and_venues_are_no_bodies(run, text, thing):
    art = run(text)
    assert thing not in by_name(art, "organisations") and thing not in by_name(art, "people")


@pytest.mark.parametrize("text, body", [
    ("The World Economic Forum published its report.", "World Economic Forum"),
    ("The Carter Center sent observers.", "Carter Center"),
    ("The European Parliament voted on Tuesday.", "European Parliament"),
])
def test_bodies_named_like_places_stay_bodies(run, text, body):
    assert body in by_name(run(text), "organisations")


# The stage's functions on their own, on spacy.blank("en") and hand-made Docs: no model.

def test_headline_case():
    assert is_headline_case("Paris Terror Attacks Highlight Threat Posed By Lax Gun Laws")
    assert not is_headline_case("The bank held its rate on Friday")


def test_a_headline_name_stays_when_the_body_names_it_or_it_is_known(blank):
    doc = blank("Big Bank Holds Rate\n\nThe Big Bank and Kaspi met.")
    cands = [Candidate(0, 2, "ORG"), Candidate(3, 4, "ORG"), Candidate(6, 8, "ORG"), Candidate(9, 10, "ORG")]
    end = len("Big Bank Holds Rate")
    assert [doc[c.start:c.end].text for c in drop_headline_guesses(doc, cands, end, {})] == ["Big Bank", "Big Bank", "Kaspi"]
    assert len(drop_headline_guesses(doc, cands, end, {"Rate": "Rate"})) == 4


@pytest.mark.parametrize("text, span, label, expected", [
    ("Best Buy Inc said", (0, 3), "PERSON", "ORG"),  # an organisation word
    ("Manchester United won", (0, 2), "PERSON", "ORG"),  # a club's last word
    ("the Enhanced Partnership Agreement came", (1, 4), "ORG", None),  # a document
    ("the Polish delegation", (1, 2), "NORP", None),  # another kind
])
def test_relabel_on_evidence(blank, text, span, label, expected):
    assert relabel(blank(text), Candidate(*span, label)) == expected


def test_body_evidence(blank):
    assert body_evidence(blank("Best Buy Inc said"), 0, 3) == "legal form"


def test_noise_is_no_entity(blank):
    doc = blank("the Polish delegation")
    assert is_noise(doc, Candidate(1, 2, "NORP"), {})  # a nationality
    doc = blank("First Airbus A380 delivered")
    assert is_noise(doc, Candidate(1, 3, "ORG"), {}) and is_noise(doc, Candidate(1, 2, "ORG"), {})  # a product, its maker
    doc = blank("Maintenance, Repair and Overhaul work")
    assert is_noise(doc, Candidate(0, 5, "ORG"), {})  # a list
    doc = blank("the European Parliament voted")
    assert not is_noise(doc, Candidate(1, 3, "ORG"), {})


def test_model_codes(blank):
    doc = Doc(blank.vocab, words=["A380", "737-800", "2-1", "Boeing"])
    assert [is_model_code(t) for t in doc] == [True, True, False, False]


def test_a_places_acronym_is_a_place(blank):
    doc = blank("the United Arab Emirates and the UAE carrier")
    cands = [Candidate(1, 4, "GPE"), Candidate(6, 7, "ORG")]
    place_acronyms(doc, cands, {})
    assert cands[1].label == "GPE"


def test_consistent_labels(blank):
    doc = blank("John Smith arrived . Later Smith left")
    cands = [Candidate(0, 2, "PERSON"), Candidate(5, 6, "ORG")]
    consistent_labels(doc, cands, {})
    assert [c.label for c in cands] == ["PERSON", "PERSON"]  # a full name's surname alone is the same person
    doc = blank("It was flown to Toulouse")
    cands = [Candidate(4, 5, "PERSON")]
    consistent_labels(doc, cands, {})
    assert cands[0].label == "DROP"  # one word that does nothing a person does


def test_the_head_of_a_name_and_names_inside_a_document_name(blank):
    doc = blank("Concept for the Development of Civil Society")
    assert name_head(doc[0:7]).text == "Concept"
    assert inside_document_name(doc, 3) and not inside_document_name(doc, 5)
    assert name_head(blank("Adam Air Flight 574")[0:4]).text == "Flight"


# each type rule on its own: (text, the mention's words, proposed label, source, the rule, its verdict;
# None: the rule leaves the mention to the next)
TYPE_RULE_CASES = [
    ("Cyclone Phailin hit the coast.", "Cyclone Phailin", "PERSON", "model", "thing_named", "-"),
    ("Aliya Nurova hit the coast.", "Aliya Nurova", "PERSON", "model", "thing_named", None),
    ("COP29 opened in Baku.", "COP29", "PERSON", "model", "digits_in_a_person", "-"),
    ("Windows 11 was released.", "Windows 11", "GPE", "model", "numbered_place", "-"),
    ("Uzbekistan said it would act.", "Uzbekistan", "ORG", "model", "country_alone", "GPE"),
    ("Kazatomprom said it would act.", "Kazatomprom", "ORG", "model", "country_alone", None),
    ("He watched the film Easy Rider again.", "Easy Rider", "PERSON", "model", "introduced_thing", "-"),
    ("She joined the band Ninety One last year.", "Ninety One", "PERSON", "model", "introduced_body", "ORG"),
    ("Nazarbayev spoke first.", "Nazarbayev", "ORG", "model", "surname_that_acts", "PERSON"),
    ("He told the Sydney Morning Herald so.", "Sydney Morning Herald", "PERSON", "model", "outlet_name", "ORG"),
    ("Kazakhtelecom said profits rose.", "Kazakhtelecom", "PERSON", "model", "company_word", "ORG"),
    ("Best Buy Inc said profits rose.", "Best Buy Inc", "PERSON", "model", "person_with_a_body_evidence", "ORG"),
    ("He flew on the Boeing Dreamliner.", "Boeing Dreamliner", "PRODUCT", "model", "other_kinds", "-"),
    ("Aliya Nurova spoke.", "Aliya Nurova", "PERSON", "model", "other_kinds", None),
    ("They went to the Summer Paralympics.", "Summer Paralympics", "PERSON", "model", "event_or_station", "-"),
]


@pytest.mark.parametrize("text, words, label, source, rule, verdict", TYPE_RULE_CASES)
def test_each_type_rule_on_its_own(nlp, text, words, label, source, rule, verdict):
    from kzfacts.pipeline.entities import types

    doc = nlp(text)
    start = next(t.i for t in doc if doc[t.i:t.i + len(words.split())].text == words)
    cand = Candidate(start, start + len(words.split()), label, source)
    assert getattr(types, rule)(types.Name(doc, cand)) == verdict


def test_type_rules_are_an_ordered_list_of_documented_functions():
    from kzfacts.pipeline.entities.types import TYPE_RULES

    assert [r.__name__ for r in TYPE_RULES][:4] == ["thing_named", "digits_in_a_person", "numbered_place", "country_alone"]
    assert all(r.__doc__ for r in TYPE_RULES)


@pytest.mark.parametrize("text, span, label, after", [
    ("President Tokayev spoke", (0, 2), "ORG", "PERSON"),
    ("President Tokayev spoke", (0, 2), "PRODUCT", "PERSON"),
    ("Minister Holding Group spoke", (0, 3), "ORG", "ORG"),  # an organisation word: a body
    ("Tokayev spoke", (0, 1), "ORG", "ORG"),  # one word: nothing to strip
])
def test_a_name_behind_a_title_is_a_person(blank, text, span, label, after):
    from kzfacts.pipeline.entities.types import person_behind_title

    cand = Candidate(*span, label)
    assert person_behind_title(blank(text), cand, {}) is True and cand.label == after
