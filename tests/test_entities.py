from __future__ import annotations

import pytest

from kzfacts.pipeline.entities import initials, name_key


def names(art, key):
    return {e["name"]: e for e in art[key]}


def test_person_mentions_merge_and_titles(run):
    art = run("Kazakhstan’s President Kassym-Jomart Tokayev spoke on Monday. Critics say Tokayev "
              "moved fast. President Tokayev has pledged more reforms.")
    people = names(art, "people")
    assert list(people) == ["Kassym-Jomart Tokayev"]
    tok = people["Kassym-Jomart Tokayev"]
    assert "Tokayev" in tok["aliases"] and "President" in tok["titles"]
    assert len(tok["mentions"]) == 3


def test_two_people_with_one_surname_stay_apart(run):
    art = run("John Smith met Mary Smith in London on Monday. John Smith said the talks went well.")
    assert set(names(art, "people")) == {"John Smith", "Mary Smith"}


def test_premodifier_and_appositive_titles(run):
    art = run("Former UK Tory MEP Nirj Deva met Peter Stano, EU spokesperson for Foreign Affairs, in Brussels.")
    people = names(art, "people")
    assert "Former UK Tory MEP" in people["Nirj Deva"]["titles"]
    assert any(t.startswith("EU spokesperson") for t in people["Peter Stano"]["titles"])
    assert "Foreign Affairs" not in names(art, "organisations")


def test_acronym_in_parentheses_merges(run):
    art = run("The National Council on Public Trust (NCPT) met on Friday. The NCPT will meet again.")
    orgs = names(art, "organisations")
    assert list(orgs) == ["National Council on Public Trust"]
    assert orgs["National Council on Public Trust"]["acronym"] == "NCPT"


def test_gazetteer_merges_acronym_and_full_name(run):
    art = run("The European Union signed the deal. The EU will fund schools.")
    orgs = names(art, "organisations")
    assert list(orgs) == ["European Union"] and "EU" in orgs["European Union"]["aliases"]


def test_role_words_and_nationalities_are_not_entities(run):
    art = run("The Polish MEP and a Kazakh official met the CEO on Monday.")
    assert art["people"] == [] and art["organisations"] == []


def test_organisation_words_override_person_label(run):
    art = run("Wizz Air Holding and Abu Dhabi Developmental Holding Company set up the airline.")
    assert {"Wizz Air Holding", "Abu Dhabi Developmental Holding Company"} <= set(names(art, "organisations"))
    assert art["people"] == []


def test_document_names_are_not_organisations(run):
    art = run("The Enhanced Partnership and Co-operation Agreement came into force last year.")
    assert art["organisations"] == []


def test_user_patterns(tmp_path):
    from kzfacts.api import Extractor

    patterns = tmp_path / "p.jsonl"
    patterns.write_text('{"label": "ORG", "pattern": "Zorblax"}\n', encoding="utf-8")
    rec = Extractor(patterns=str(patterns)).extract("Zorblax opened a plant in Almaty on Monday.")
    assert "Zorblax" in names(rec["articles"][0], "organisations")


@pytest.mark.parametrize("text, expected", [
    ("National Council on Public Trust", "NCPT"), ("European Union", "EU"), ("United Arab Emirates", "UAE"),
])
def test_initials(text, expected):
    assert initials(text) == expected


def test_name_key():
    assert name_key("Tokayev’s") == "tokayev" and name_key("The  EU") == "the eu"


def test_products_and_lists_are_not_organisations(run):
    art = run("First Airbus A380 delivered to the airline. The unit offers Maintenance, Repair and Overhaul work.")
    orgs = names(art, "organisations")
    assert "Airbus A380" not in orgs and not any("," in o for o in orgs)


def test_company_short_form_merges_but_holding_stays_apart(run):
    art = run("Boeing Commercial Airplanes delivered the jet on Tuesday. Boeing said more would follow. "
              "Wizz Air Holding owns Wizz Air.")
    orgs = names(art, "organisations")
    assert "Boeing" in orgs["Boeing Commercial Airplanes"]["aliases"]
    assert {"Wizz Air Holding", "Wizz Air"} <= set(orgs)


def test_company_designator_beats_person_label(run):
    art = run("The plane was the last built by the plant, the original home of Douglas Aircraft.")
    assert "Douglas Aircraft" in names(art, "organisations") and art["people"] == []


def test_title_with_of_and_curly_apostrophe_surname(run):
    art = run("Secretary of State John Kerry met Martin O’Malley. Later O’Malley said the talks were good.")
    people = names(art, "people")
    assert "Secretary of State" in people["John Kerry"]["titles"]
    assert set(people) == {"John Kerry", "Martin O’Malley"} and art["organisations"] == []


def test_headline_case_title_names_need_the_body(run):
    art = run("Paris Terror Attacks Highlight Threat Posed By Lax Gun Laws\n\n"
              "The New York Daily News said the attacks showed the danger, in an editorial on Monday.")
    assert set(names(art, "organisations")) == {"New York Daily News"}


def test_dateline_city_is_a_place(run):
    art = run("Bank holds rate\n\nALMATY, March 3 (Reuters) - Kazakhstan's central bank kept its base rate "
              "unchanged on Friday, officials said.")
    assert "ALMATY" in names(art, "places") and "ALMATY" not in names(art, "organisations")


def test_role_before_the_name_in_apposition(run):
    art = run("The commission’s chairman, Nurlan Abdirov, said the vote would be held in March.")
    assert names(art, "people")["Nurlan Abdirov"]["titles"] == ["commission’s chairman"]


def test_title_case_titles_survive_parser_sentence_breaks(run):
    art = run("Finance Minister Jane Roe defended the budget. Opposition leader John Smith disagreed.")
    people = names(art, "people")
    assert people["Jane Roe"]["titles"] == ["Finance Minister"]
    assert people["John Smith"]["titles"] == ["Opposition leader"]


def test_acronym_in_parentheses_that_the_model_missed(run):
    art = run("Shares will trade on the Kazakhstan Stock Exchange (KASE) from December. KASE said so.")
    orgs = names(art, "organisations")
    assert orgs["Kazakhstan Stock Exchange"]["acronym"] == "KASE" and len(orgs) == 1


def test_common_noun_acronyms_are_not_bodies(run):
    art = run("The firm plans an initial public offering (IPO) in May. The IPO and GDP growth were discussed.")
    assert not {"IPO", "GDP"} & set(names(art, "organisations"))


def test_place_only_dateline(run):
    art = run("Fund to list shares\n\nNUR-SULTAN – The national fund will list shares in December, it said.")
    assert "NUR-SULTAN" in names(art, "places")


def test_place_acronyms_merge(run):
    art = run("Air Arabia from the United Arab Emirates will restart flights. The UAE carrier said the U.S. "
              "and the United States market would follow.")
    places = names(art, "places")
    assert set(places) == {"United Arab Emirates", "United States"}
    assert "UAE" in places["United Arab Emirates"]["aliases"] and "U.S." in places["United States"]["aliases"]
    assert set(names(art, "organisations")) == {"Air Arabia"}


def test_a_maker_before_a_model_code_names_the_product(run):
    art = run("China Eastern will buy twenty Airbus A320 jets. Airbus said deliveries start in May.")
    orgs = names(art, "organisations")
    assert [m["text"] for m in orgs["Airbus"]["mentions"]] == ["Airbus"] and len(orgs["Airbus"]["mentions"]) == 1


@pytest.mark.parametrize("text, name", [
    ("Officials of the European Parliament met in Strasbourg.", "European Parliament"),  # leading "the" stripped
    ("Investigators studied the loss of Garuda Indonesia Flight 200 near Yogyakarta.", "Garuda Indonesia"),
    ("National welfare fund Samruk-Kazyna plans to sell shares in December, officials said.", "Samruk-Kazyna"),
], ids=["leading the stripped", "airline of a flight number", "gazetteer beats a partial model span"])
def test_organisation_found(run, text, name):
    assert name in names(run(text), "organisations")


# What the model tags reaches the output unless a rule has positive evidence against it.
@pytest.mark.parametrize("text, people, organisations", [
    # one-word bodies the model tags
    ("The Bundesbank said inflation would ease next year.", set(), {"Bundesbank"}),
    ("The ANC won the election, while the BJP lost seats.", set(), {"ANC", "BJP"}),
    # coordinated names split when the model saw two
    ("British Airways Plc and American Airlines agreed to share revenue.", set(),
     {"British Airways Plc", "American Airlines"}),
    ("Both the Irving Independent School District and the Irving Police Department denied it.", set(),
     {"Irving Independent School District", "Irving Police Department"}),
    # a rule's run stops where the model saw a person start
    ("Psychology major at University of Texas Arlington Amneh Jafari heard of the incident.",
     {"Amneh Jafari"}, {"University of Texas Arlington"}),
    # speaking is no evidence of a person for a name the model calls a body
    ("Apple Computer reported higher profit on Tuesday.", set(), {"Apple Computer"}),
    ("The White House said the president would veto the bill.", set(), {"White House"}),
    # positive evidence of a body for a name the model calls a person
    ("Best Buy said its sales fell in the quarter.", set(), {"Best Buy"}),
    ("Ryanair CEO Michael O'Leary ordered more jets.", {"Michael O'Leary"}, {"Ryanair"}),
    # clubs named after their towns, and a result after a team's name
    ("Manchester United beat Liverpool 2-1 on Sunday.", set(), {"Manchester United", "Liverpool"}),
    # a one-word person who acts in the clause stays
    ("Tokayev met Putin in Moscow on Friday.", {"Tokayev", "Putin"}, set()),
    # a name used as a modifier is still a mention of the body
    ("You are a Mets fan, and the Mets will win.", set(), {"Mets"}),
    # names that are bought and sold are bodies, tagged or not
    ("Shares of Gazprom fell 3% after the company said exports dropped.", set(), {"Gazprom"}),
    ("On Monday Kazatomprom shares rose 2%.", set(), {"Kazatomprom"}),
])
def test_model_entities_reach_the_output(run, text, people, organisations):
    art = run(text)
    assert set(names(art, "people")) == people
    assert organisations <= set(names(art, "organisations"))
    assert not organisations & set(names(art, "people"))


def test_a_one_word_place_is_not_a_person(run):
    art = run("After the plane was delivered in Singapore, it was flown to Toulouse for the ceremony.")
    assert "Toulouse" not in names(art, "people")


def test_mention_steps_are_an_ordered_list_of_documented_functions():
    from kzfacts.pipeline.entities import MENTION_STEPS

    assert [s.__name__ for s in MENTION_STEPS] == ["trim_mention", "cut_at_credits", "cut_at_numbers", "person_name_bounds", "find_titles", "drop_noise", "label_on_evidence",
                                                   "drop_document_names", "extend_organisation", "add_appositive_titles"]
    assert all(s.__doc__ for s in MENTION_STEPS)


@pytest.mark.parametrize("text, span, label, kept, after", [
    ("Chelsea beat Liverpool 2-1 on Sunday.", (2, 6), "ORG", True, "Liverpool"),
    ("Kazakhstan's President Tokayev spoke.", (2, 4), "PERSON", True, "Tokayev"),
    ("The Polish delegation arrived.", (1, 2), "NORP", False, None),
])
def test_mention_steps_one_by_one(nlp, text, span, label, kept, after):
    from kzfacts.pipeline.entities import MENTION_STEPS, Candidate

    doc = nlp(text)
    cand = Candidate(*span, label)
    assert all(step(doc, cand, {}) for step in MENTION_STEPS) == kept
    if kept:
        assert doc[cand.start:cand.end].text == after


def test_a_capitalised_sentence_opener_before_shares_needs_the_text_to_capitalise_it_elsewhere(run):
    assert run("Retail shares fell on Monday.")["organisations"] == []
