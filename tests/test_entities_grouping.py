"""Grouping into entities (`kzfacts/pipeline/entities/grouping.py`): which mentions of one article
name one entity, and its name, aliases, acronym, titles and mention texts."""
from __future__ import annotations

import pytest

from kzfacts.pipeline.entities.common import Candidate
from kzfacts.pipeline.entities.grouping import _place_split, apply_user_ids, group_entities, initials, name_key
from kzfacts.pipeline.facts import Entity, Mention

from .conftest import by_name


def test_person_mentions_merge_and_titles(run):
    art = run("Kazakhstan’s President Kassym-Jomart Tokayev spoke on Monday. Critics say Tokayev "
              "moved fast. President Tokayev has pledged more reforms.")
    people = by_name(art, "people")
    assert list(people) == ["Kassym-Jomart Tokayev"]
    tok = people["Kassym-Jomart Tokayev"]
    assert "Tokayev" in tok["aliases"] and "President" in tok["titles"]
    assert len(tok["mentions"]) == 3


def test_two_people_with_one_surname_stay_apart(run):
    art = run("John Smith met Mary Smith in London on Monday. John Smith said the talks went well.")
    assert set(by_name(art, "people")) == {"John Smith", "Mary Smith"}


def test_acronym_in_parentheses_merges(run):
    art = run("The National Council on Public Trust (NCPT) met on Friday. The NCPT will meet again.")
    orgs = by_name(art, "organisations")
    assert list(orgs) == ["National Council on Public Trust"]
    assert orgs["National Council on Public Trust"]["acronym"] == "NCPT"


def test_gazetteer_merges_acronym_and_full_name(run):
    art = run("The European Union signed the deal. The EU will fund schools.")
    orgs = by_name(art, "organisations")
    assert list(orgs) == ["European Union"] and "EU" in orgs["European Union"]["aliases"]


def test_company_short_form_merges_but_holding_stays_apart(run):
    art = run("Boeing Commercial Airplanes delivered the jet on Tuesday. Boeing said more would follow. "
              "Wizz Air Holding owns Wizz Air.")
    orgs = by_name(art, "organisations")
    assert "Boeing" in orgs["Boeing Commercial Airplanes"]["aliases"]
    assert {"Wizz Air Holding", "Wizz Air"} <= set(orgs)


@pytest.mark.parametrize("text, expected", [
    ("National Council on Public Trust", "NCPT"), ("European Union", "EU"), ("United Arab Emirates", "UAE"),
])
def test_initials(text, expected):
    assert initials(text) == expected


def test_name_key():
    assert name_key("Tokayev’s") == "tokayev" and name_key("The  EU") == "the eu"


# Entity error classes of issue 19 (the tables below), made-up sentences through the real model.


@pytest.mark.parametrize("text, mention", [
    ("Finance Minister Yerulan Zhamaubayev presented the budget.", "Finance Minister Yerulan Zhamaubayev"),
    ("Kazakhstan's Energy Minister Bolat Akchulakov agreed.", "Energy Minister Bolat Akchulakov"),
    ("Prime Minister Askar Mamin chaired the meeting.", "Prime Minister Askar Mamin"),
    ("Kazakh Foreign Minister Mukhtar Tileuberdi flew to Brussels.", "Foreign Minister Mukhtar Tileuberdi"),
    ("President Kassym-Jomart Tokayev signed the decree.", "President Kassym-Jomart Tokayev"),
])
def test_a_mention_keeps_its_whole_title_and_the_mark_is_not_clipped(run, text, mention):
    people = run(text)["people"]
    assert mention in [m["text"] for p in people for m in p["mentions"]]
    assert all(not p["name"].startswith(("Minister", "Finance", "Energy")) for p in people)


# The stage's functions on their own, on spacy.blank("en") and hand-made mentions: no model.

def test_a_surname_joins_its_full_name_and_two_smiths_stay_apart(blank):
    doc = blank("Kassym-Jomart Tokayev spoke . Tokayev left . John Smith met Mary Smith .")
    cands = [Candidate(0, 4, "PERSON"), Candidate(6, 7, "PERSON"), Candidate(9, 11, "PERSON"), Candidate(12, 14, "PERSON")]
    assert [(e.name, e.aliases) for e in group_entities(doc, cands, 0, {})] == [
        ("Kassym-Jomart Tokayev", ["Tokayev"]), ("John Smith", []), ("Mary Smith", [])]


def test_an_acronym_joins_the_name_it_spells(blank):
    doc = blank("The European Union signed . The EU will pay .")
    (eu,) = group_entities(doc, [Candidate(1, 3, "ORG"), Candidate(6, 7, "ORG")], 0, {})
    assert (eu.name, eu.acronym, eu.aliases, [m.text for m in eu.mentions]) == (
        "European Union", "EU", ["EU"], ["European Union", "EU"])


def test_a_short_form_joins_a_company_but_not_a_holding(blank):
    doc = blank("Boeing Commercial Airplanes said Boeing would . Wizz Air Holding owns Wizz Air .")
    cands = [Candidate(0, 3, "ORG"), Candidate(4, 5, "ORG"), Candidate(7, 10, "ORG"), Candidate(11, 13, "ORG")]
    assert [(e.name, e.aliases) for e in group_entities(doc, cands, 0, {})] == [
        ("Boeing Commercial Airplanes", ["Boeing"]), ("Wizz Air Holding", []), ("Wizz Air", [])]


def test_a_name_in_parentheses_after_a_body_is_that_body(blank):
    doc = blank("the European Commission for Democracy through Law (Venice Commission) said")
    (body,) = group_entities(doc, [Candidate(1, 7, "ORG"), Candidate(8, 10, "ORG")], 0, {})
    assert (body.name, body.aliases) == ("European Commission for Democracy through Law", ["Venice Commission"])


def test_a_mention_keeps_its_title_and_leaves_a_nationality_out(blank):
    doc = blank("Kazakh Finance Minister Jane Roe spoke")
    cand = Candidate(3, 5, "PERSON", titles=["Kazakh Finance Minister"], title_start=2, phrase_start=0)
    (person,) = group_entities(doc, [cand], 0, {})
    assert (person.name, person.titles) == ("Jane Roe", ["Kazakh Finance Minister"])
    assert [m.text for m in person.mentions] == ["Finance Minister Jane Roe"]


def test_a_bodys_name_without_its_place_and_legal_form():
    assert _place_split("U.S. Air Force") == ("u.s.", ("Air", "Force"))
    assert _place_split("Aer Lingus Group PLC")[1] == ("Aer", "Lingus")


def test_user_ids_rename_and_merge_an_articles_entities():
    nur_sultan = Entity("GPE", "Nur-Sultan", 0, [Mention("Nur-Sultan", 10, 20)])
    astana = Entity("GPE", "Astana", 0, [Mention("Astana", 0, 6)], ["the capital"])
    later = Entity("GPE", "Astana", 1, [Mention("Astana", 50, 56)])
    merged, other = apply_user_ids([nur_sultan, astana, later], {"Nur-Sultan": "Astana"})
    assert (merged.name, merged.aliases, [m.start for m in merged.mentions]) == ("Astana", ["Nur-Sultan", "the capital"], [0, 10])
    assert other is later


# A text's own slip is not the name: a surname a letter apart (two letters swapped too) joins the
# person, and the full name takes the surname as the text writes it most.
SLIPS = [
    ("Shavkat Mirziyoyev spoke . Mirziyoyev said . Mirziyoeyv left . Mirziyoyev went .",
     [("Shavkat Mirziyoyev", ["Mirziyoyev", "Mirziyoeyv"])]),
    ("Shavkat Mirziyoeyv spoke . Mirziyoyev said . Mirziyoyev left . Mirziyoyev went .",
     [("Shavkat Mirziyoyev", ["Shavkat Mirziyoeyv", "Mirziyoyev"])]),
    ("Nursultan Nazrabayev spoke . Nazarbayev said . Nazarbayev left .",
     [("Nursultan Nazarbayev", ["Nursultan Nazrabayev", "Nazarbayev"])]),
    # as often one way as the other: the full name as written
    ("Nursultan Nazrabayev spoke . Nazarbayev said .", [("Nursultan Nazrabayev", ["Nazarbayev"])]),
    # a transliteration is no slip: the full name stays as written
    ("Kassym-Jomart Tokayev spoke . Tokaev said . Tokaev left .", [("Kassym-Jomart Tokayev", ["Tokaev"])]),
    ("John Smith spoke . Smiht said .", [("John Smith", ["Smiht"])]),
    # another romanisation of the given name beside the same surname, within one text
    ("Emomali Rakhmon spoke . Imomali Rakhmon said .", [("Emomali Rakhmon", ["Imomali Rakhmon"])]),
    ("Kassym-Jomart Tokayev spoke . Kassymzhomart Tokayev said .", [("Kassym-Jomart Tokayev", ["Kassymzhomart Tokayev"])]),
    # a letter added at the end is no slip: a woman's surname beside a man's
    ("Sergei Petrov spoke . Petrova said .", [("Sergei Petrov", []), ("Petrova", [])]),
    # two letters apart that are no swap: another name
    ("Shavkat Mirziyoyev spoke . Mirzoyiyev said .", [("Shavkat Mirziyoyev", []), ("Mirzoyiyev", [])]),
]


@pytest.mark.parametrize("text, expected", SLIPS, ids=[s[0][:30] for s in SLIPS])
def test_a_slip_joins_its_person_and_the_name_is_the_best_attested(blank, text, expected):
    doc = blank(text)
    # each person mention: the capitalised words between the full stops
    spans, start = [], None
    for tok in doc:
        if tok.text[:1].isupper() and start is None:
            start = tok.i
        elif not tok.text[:1].isupper() and tok.text != "-" and start is not None:
            spans.append((start, tok.i))
            start = None
    got = group_entities(doc, [Candidate(s, e, "PERSON") for s, e in spans], 0, {})
    assert [(e.name, e.aliases) for e in got] == expected


@pytest.mark.parametrize("text, people, bodies", [
    ("Elbasy Nursultan Nazarbayev said the talks were useful.", {"Nursultan Nazarbayev": ["Elbasy"]}, []),
    ("TASHKENT, Uzbekistan - H.E. Mr. Kassym-Jomart Tokayev arrived in Tashkent on Thursday for talks.",
     {"Kassym-Jomart Tokayev": []}, []),
])
def test_honorifics_and_epithets_are_no_name(run, text, people, bodies):
    art = run(text)
    assert {p["name"]: p["titles"] for p in art["people"]} == people
    assert [o["name"] for o in art["organisations"]] == bodies
